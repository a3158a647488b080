//! Saving the register's documents where the user chooses: the roster-and-training workbook,
//! the attestation report for a period, and a workshop's sign-sheet.

use super::dialog::save_path;
use super::{logged_async, today, AppState, Result};
use chrono::NaiveDate;
use tauri::{State, WebviewWindow};
use trustgap_workspace::files::write_atomically;
use trustgap_workspace::{ApiError, DocFormat, RegisterFile};

/// Asks where to save `file` and writes it there atomically; the path, or `None` on cancel.
async fn save(
    window: &WebviewWindow,
    state: &State<'_, AppState>,
    title: &str,
    file: RegisterFile,
    filter: (&str, &[&str]),
) -> Result<Option<String>> {
    let Some(path) = save_path(window, state, title, &file.name, filter).await else {
        return Ok(None);
    };
    let written = path.clone();
    tauri::async_runtime::spawn_blocking(move || write_atomically(&written, &file.bytes))
        .await
        .map_err(|e| ApiError::io(format!("The export was interrupted: {e}")))??;
    AppState::remember(&state.last_export, Some(path.clone()));
    Ok(Some(path.display().to_string()))
}

fn doc_filter(format: DocFormat) -> (&'static str, &'static [&'static str]) {
    match format {
        DocFormat::Pdf => ("PDF", &["pdf"]),
        DocFormat::Docx => ("Word", &["docx"]),
    }
}

/// Saves the client's roster-and-training workbook (Excel).
#[tauri::command]
#[specta::specta]
pub async fn export_register_workbook(
    window: WebviewWindow,
    state: State<'_, AppState>,
    client_id: i64,
) -> Result<Option<String>> {
    logged_async("export_register_workbook", async {
        let file = state
            .with(|w| w.register_workbook(client_id, trustgap_workspace::clock::now(), today()))?;
        let title = "Export the people and training register";
        save(&window, &state, title, file, ("Excel workbook", &["xlsx"])).await
    })
    .await
}

/// Saves the client's training attestation for `from` to `to` as PDF or Word.
#[tauri::command]
#[specta::specta]
pub async fn export_training_attestation(
    window: WebviewWindow,
    state: State<'_, AppState>,
    client_id: i64,
    from: NaiveDate,
    to: NaiveDate,
    format: DocFormat,
) -> Result<Option<String>> {
    logged_async("export_training_attestation", async {
        let file = state.with(|w| {
            w.training_attestation(
                client_id,
                from,
                to,
                format,
                trustgap_workspace::clock::now(),
                today(),
            )
        })?;
        let title = "Export the training attestation";
        save(&window, &state, title, file, doc_filter(format)).await
    })
    .await
}

/// Saves today's workshop sign-sheet for the assessment's client as PDF or Word.
#[tauri::command]
#[specta::specta]
pub async fn export_sign_sheet(
    window: WebviewWindow,
    state: State<'_, AppState>,
    assessment_id: i64,
    format: DocFormat,
) -> Result<Option<String>> {
    logged_async("export_sign_sheet", async {
        let file = state.with(|w| {
            w.sign_sheet(
                assessment_id,
                format,
                trustgap_workspace::clock::now(),
                today(),
            )
        })?;
        save(
            &window,
            &state,
            "Export the sign-sheet",
            file,
            doc_filter(format),
        )
        .await
    })
    .await
}
