//! Exports through the native save dialog, written atomically (temp file, then rename): the
//! board brief and the remediation plan (PDF or Word), the readiness report PDF, the CSV, JSON and
//! Excel data exports; the outline preview of a report; and opening the file last exported (or its folder)
//! with the system's own application. The UI never passes a path: the backend remembers it.

use super::dialog::save_path;
use super::{logged, logged_async};
use super::{today, AppState, Result};
use std::path::{Path, PathBuf};
use tauri::{State, WebviewWindow};
use trustgap_workspace::files::write_atomically;
use trustgap_workspace::{
    ApiError, DataFormat, DocFormat, ExportOutcome, ReportKind, ReportOptions, ReportPreview,
};

const PDF: (&str, &[&str]) = ("PDF document", &["pdf"]);
const DOCX: (&str, &[&str]) = ("Word document", &["docx"]);
const CSV: (&str, &[&str]) = ("CSV spreadsheet", &["csv"]);
const JSON: (&str, &[&str]) = ("JSON document", &["json"]);
const XLSX: (&str, &[&str]) = ("Excel workbook", &["xlsx"]);

/// Asks where to save `name`, then writes what `render` produces (bytes, and warnings for the
/// reader) there atomically and remembers the file for "open" and "show in folder".
async fn save_with(
    window: &WebviewWindow,
    state: &AppState,
    title: &str,
    name: &str,
    filter: (&str, &[&str]),
    render: impl FnOnce() -> Result<(Vec<u8>, Vec<String>)>,
) -> Result<ExportOutcome> {
    let Some(path) = save_path(window, state, title, name, filter).await else {
        return Ok(ExportOutcome::Cancelled);
    };
    let (bytes, warnings) = render()?;
    let written = path.clone();
    tauri::async_runtime::spawn_blocking(move || write_atomically(&written, &bytes))
        .await
        .map_err(|e| ApiError::io(format!("The export was interrupted: {e}")))??;
    AppState::remember(&state.last_export, Some(path.clone()));
    let size = std::fs::metadata(&path).map_or(0, |m| m.len());
    Ok(ExportOutcome::Saved {
        path: path.display().to_string(),
        bytes: u32::try_from(size).unwrap_or(u32::MAX),
        warnings,
    })
}

/// Renders the board brief as PDF (the one-page summary) as its next version and saves it where the user
/// chooses; `change` is the version's note (empty: "Issued" or "Updated"). The version is
/// recorded only once the user has chosen where to save it.
#[tauri::command]
#[specta::specta]
pub async fn export_summary_pdf(
    window: WebviewWindow,
    state: State<'_, AppState>,
    id: i64,
    change: String,
) -> Result<ExportOutcome> {
    logged_async("export_summary_pdf", async {
        export_brief_as(&window, &state, id, DocFormat::Pdf, &change).await
    })
    .await
}

/// Renders the board brief as PDF or Word as its next version and saves it where the user
/// chooses; `change` is the version's note (empty: "Issued" or "Updated").
#[tauri::command]
#[specta::specta]
pub async fn export_brief(
    window: WebviewWindow,
    state: State<'_, AppState>,
    id: i64,
    format: DocFormat,
    change: String,
) -> Result<ExportOutcome> {
    logged_async("export_brief", async {
        export_brief_as(&window, &state, id, format, &change).await
    })
    .await
}

/// The brief's export: the version is issued only once the user has chosen where to save.
async fn export_brief_as(
    window: &WebviewWindow,
    state: &AppState,
    id: i64,
    format: DocFormat,
    change: &str,
) -> Result<ExportOutcome> {
    let name = state.with(|w| w.brief_file_name(id, format))?;
    let filter = match format {
        DocFormat::Pdf => PDF,
        DocFormat::Docx => DOCX,
    };
    save_with(window, state, "Export board brief", &name, filter, || {
        state
            .with(|w| {
                w.issue_brief(
                    id,
                    format,
                    change,
                    trustgap_workspace::clock::now(),
                    today(),
                )
            })
            .map(|(doc, _)| {
                let warnings = doc.warnings();
                (doc.bytes, warnings)
            })
    })
    .await
}

/// Renders the readiness report or the remediation plan as its next version, as PDF or (the
/// plan) Word, and saves it where the user chooses; `change` is the version's note (empty:
/// "Issued" or "Updated").
#[tauri::command]
#[specta::specta]
pub async fn export_report(
    window: WebviewWindow,
    state: State<'_, AppState>,
    id: i64,
    kind: ReportKind,
    options: ReportOptions,
    format: DocFormat,
    change: String,
) -> Result<ExportOutcome> {
    logged_async("export_report", async {
        let name = state.with(|w| w.report_file_name_as(id, kind, format))?;
        let title = match kind {
            ReportKind::Readiness => "Export readiness report",
            ReportKind::Plan => "Export remediation plan",
        };
        let filter = match format {
            DocFormat::Pdf => PDF,
            DocFormat::Docx => DOCX,
        };
        save_with(&window, &state, title, &name, filter, || {
            state
                .with(|w| {
                    w.issue_report_as(
                        id,
                        kind,
                        format,
                        &options,
                        &change,
                        trustgap_workspace::clock::now(),
                        today(),
                    )
                })
                .map(|(doc, _)| {
                    let warnings = doc.warnings();
                    (doc.bytes, warnings)
                })
        })
        .await
    })
    .await
}

/// Saves the gap register, the plan or the control matrix as CSV, the whole assessment as JSON,
/// or a workbook (the assessment's, or the questionnaire to send out).
#[tauri::command]
#[specta::specta]
pub async fn export_data(
    window: WebviewWindow,
    state: State<'_, AppState>,
    id: i64,
    format: DataFormat,
) -> Result<ExportOutcome> {
    logged_async("export_data", async {
        let (name, bytes) =
            state.with(|w| w.export_data(id, format, trustgap_workspace::clock::now(), today()))?;
        let (title, filter) = match format {
            DataFormat::CsvGaps => ("Export the gap register", CSV),
            DataFormat::CsvPlan => ("Export the remediation plan", CSV),
            DataFormat::CsvControls => ("Export the control matrix", CSV),
            DataFormat::Json => ("Export the assessment", JSON),
            DataFormat::Xlsx => ("Export the assessment workbook", XLSX),
            DataFormat::XlsxQuestionnaire => ("Export the questionnaire", XLSX),
            DataFormat::CsvQuestionnaire => ("Export the questionnaire", CSV),
        };
        save_with(&window, &state, title, &name, filter, || {
            Ok((bytes, Vec::new()))
        })
        .await
    })
    .await
}

/// A report's sections with their page numbers, for the Reports screen.
#[tauri::command(async)]
#[specta::specta]
pub fn report_preview(
    state: State<'_, AppState>,
    id: i64,
    kind: ReportKind,
    options: ReportOptions,
) -> Result<ReportPreview> {
    logged("report_preview", || {
        state.with(|w| {
            w.report_preview(
                id,
                kind,
                &options,
                trustgap_workspace::clock::now(),
                today(),
            )
        })
    })
}

/// Opens the file last exported with the system's default application.
#[tauri::command(async)]
#[specta::specta]
pub fn open_last_export(state: State<'_, AppState>) -> Result<()> {
    logged("open_last_export", || {
        let path = last_export(&state)?;
        launch(&open_command(&path))
    })
}

/// Shows the folder holding the file last exported.
#[tauri::command(async)]
#[specta::specta]
pub fn show_last_export(state: State<'_, AppState>) -> Result<()> {
    logged("show_last_export", || {
        let path = last_export(&state)?;
        launch(&reveal_command(&path))
    })
}

fn last_export(state: &AppState) -> Result<PathBuf> {
    let path = AppState::recall(&state.last_export)
        .ok_or_else(|| ApiError::not_found("Nothing has been exported yet."))?;
    if !path.exists() {
        return Err(ApiError::not_found(format!(
            "{} is no longer there: it was moved or deleted.",
            path.display()
        )));
    }
    Ok(path)
}

/// The program and arguments that open `path` with its default application.
pub(super) fn open_command(path: &Path) -> Vec<String> {
    let p = path.display().to_string();
    if cfg!(target_os = "macos") {
        vec!["open".into(), p]
    } else if cfg!(target_os = "windows") {
        vec!["explorer".into(), p]
    } else {
        vec!["xdg-open".into(), p]
    }
}

/// The program and arguments that show `path` in its folder (selected where the OS can).
fn reveal_command(path: &Path) -> Vec<String> {
    let p = path.display().to_string();
    if cfg!(target_os = "macos") {
        vec!["open".into(), "-R".into(), p]
    } else if cfg!(target_os = "windows") {
        vec!["explorer".into(), format!("/select,{p}")]
    } else {
        let folder = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        vec!["xdg-open".into(), folder.display().to_string()]
    }
}

/// Starts `argv` without a shell and reaps it in the background.
pub(super) fn launch(argv: &[String]) -> Result<()> {
    let (program, args) = argv
        .split_first()
        .ok_or_else(|| ApiError::validation("Nothing to open."))?;
    let mut child = std::process::Command::new(program)
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map_err(|e| ApiError::io(format!("Could not start {program} to open the file: {e}")))?;
    std::thread::spawn(move || {
        let _ = child.wait();
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_open_without_a_shell_and_folders_show_the_file() {
        let path = Path::new("/tmp/exports/Acme - report.pdf");
        let open = open_command(path);
        assert_eq!(
            open.last().map(String::as_str),
            Some("/tmp/exports/Acme - report.pdf")
        );
        assert_eq!(open.len(), 2, "one argument, no shell: {open:?}");
        let reveal = reveal_command(path);
        if cfg!(target_os = "linux") {
            assert_eq!(reveal, vec!["xdg-open", "/tmp/exports"]);
        }
    }
}
