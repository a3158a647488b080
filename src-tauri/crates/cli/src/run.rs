//! The subcommands' bodies: open the workspace, call it, print the result.

use super::table::Table;
use super::{CatalogFormat, ImportChoice, ListFormat};
use std::path::Path;
use trustgap_workspace::{ApiError, ImportMode, Workspace, WorkspaceLock};

pub(super) fn info(data_dir: &Path) -> Result<(), ApiError> {
    let ws = Workspace::open(data_dir)?;
    print_out(&format!(
        "trustgap {}\nquestion bank {}\ndata folder {}\ndatabase {}\nlog {}",
        env!("CARGO_PKG_VERSION"),
        ws.catalog.version,
        data_dir.display(),
        ws.database().display(),
        trustgap_workspace::diagnostics::log_path(data_dir).display()
    ))
}

pub(super) fn catalog(format: CatalogFormat) -> Result<(), ApiError> {
    let catalog = trustgap_domain::catalog::embedded().map_err(ApiError::from)?;
    let text = match format {
        CatalogFormat::Json => serde_json::to_string_pretty(catalog)
            .map_err(|e| ApiError::io(format!("Could not encode the catalog: {e}")))?,
        CatalogFormat::Csv => trustgap_workspace::catalog_csv(catalog),
    };
    print_out(&text)
}

/// Writes to standard output; a closed pipe (`| head`) ends quietly instead of panicking.
pub(super) fn print_out(text: &str) -> Result<(), ApiError> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out
        .write_all(text.as_bytes())
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(ApiError::io(format!("Could not print: {e}")))
        }
        _ => Ok(()),
    }
}

pub(super) fn demo(data_dir: &Path) -> Result<(), ApiError> {
    let _lock = WorkspaceLock::acquire(data_dir)?;
    let mut ws = Workspace::open(data_dir)?;
    let created = ws.create_sample(chrono::Local::now().date_naive())?;
    print_out(&created.id.to_string())
}

pub(super) fn list(data_dir: &Path, format: ListFormat) -> Result<(), ApiError> {
    let ws = Workspace::open(data_dir)?;
    let overview = ws.overview()?;
    let text = match format {
        ListFormat::Json => serde_json::to_string_pretty(&overview)
            .map_err(|e| ApiError::io(format!("Could not encode the list: {e}")))?,
        ListFormat::Table => {
            let mut t = Table::new(&[
                "ID",
                "CLIENT",
                "ASSESSMENT",
                "ANSWERED",
                "READINESS",
                "VERDICT",
            ]);
            for a in &overview.assessments {
                t.row(vec![
                    a.id.to_string(),
                    a.client_name.clone(),
                    a.name.clone(),
                    format!("{}/{}", a.answered, a.questions),
                    a.readiness
                        .map_or_else(|| "-".to_owned(), |r| format!("{r:.0}%")),
                    a.band.label().to_owned(),
                ]);
            }
            let clients_without = overview
                .clients
                .iter()
                .filter(|c| !overview.assessments.iter().any(|a| a.client_id == c.id))
                .map(|c| c.name.as_str())
                .collect::<Vec<_>>();
            let mut text = if overview.assessments.is_empty() {
                "No assessments yet. `trustgap demo` creates a sample one.".to_owned()
            } else {
                t.render()
            };
            if !clients_without.is_empty() {
                text.push_str(&format!(
                    "\nClients without an assessment: {}",
                    clients_without.join(", ")
                ));
            }
            text
        }
    };
    print_out(&text)
}

pub(super) fn import(data_dir: &Path, file: &Path, choice: ImportChoice) -> Result<(), ApiError> {
    let _lock = WorkspaceLock::acquire(data_dir)?;
    let mut ws = Workspace::open(data_dir)?;
    let mode = match choice {
        ImportChoice::Ask => ImportMode::Ask,
        ImportChoice::Replace => ImportMode::Replace,
        ImportChoice::KeepBoth => ImportMode::KeepBoth,
    };
    let ids = ws.import_portable(file, mode)?;
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(" ");
    print_out(&format!("imported {} assessment(s): {list}", ids.len()))
}

pub(super) fn backup(data_dir: &Path, out: &Path) -> Result<(), ApiError> {
    if out.is_dir() {
        return Err(ApiError::validation(format!(
            "{} is a folder; name the backup file.",
            out.display()
        )));
    }
    let ws = Workspace::open(data_dir)?;
    ws.backup_to(out)?;
    print_out(&format!("backed up to {}", out.display()))
}

pub(super) fn restore(data_dir: &Path, file: &Path) -> Result<(), ApiError> {
    let _lock = WorkspaceLock::acquire(data_dir)?;
    let aside = trustgap_workspace::restore_file(data_dir, file)?;
    // Opening migrates an older backup and proves the result is usable.
    Workspace::open(data_dir)?;
    print_out(&format!(
        "restored from {}; the previous workspace was kept as {}",
        file.display(),
        aside.display()
    ))
}

/// Refuses an output path that is a folder or whose folder does not exist.
pub(super) fn check_out(out: &Path) -> Result<(), ApiError> {
    if out.as_os_str().is_empty() {
        return Err(ApiError::validation(
            "Name the file to write with --out FILE.",
        ));
    }
    if out.is_dir() {
        return Err(ApiError::validation(format!(
            "{} is a folder; name the file to write, e.g. {}",
            out.display(),
            out.join("report.pdf").display()
        )));
    }
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        if !dir.is_dir() {
            return Err(ApiError::io(format!(
                "The folder {} does not exist.",
                dir.display()
            )));
        }
    }
    Ok(())
}

pub(super) fn stamp() -> (chrono::DateTime<chrono::Utc>, chrono::NaiveDate) {
    (
        trustgap_workspace::clock::now(),
        trustgap_workspace::clock::today(),
    )
}
