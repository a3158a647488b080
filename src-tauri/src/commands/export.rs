//! Exports through the native save dialog, written atomically (temp file, then rename).

use super::{AppState, Result};
use crate::error::ApiError;
use crate::files::write_atomically;
use crate::workspace::ExportOutcome;
use std::path::{Path, PathBuf};
use tauri::{State, WebviewWindow};

/// Renders the one-page readiness summary and saves it where the user chooses.
#[tauri::command]
#[specta::specta]
pub async fn export_summary_pdf(
    window: WebviewWindow,
    state: State<'_, AppState>,
    id: i64,
) -> Result<ExportOutcome> {
    let (name, bytes) = state.with(|w| w.summary_pdf(id, chrono::Utc::now()))?;
    let path = match &state.save_dir_override {
        Some(dir) => dir.join(&name),
        None => {
            let chosen = rfd::AsyncFileDialog::new()
                .set_title("Export readiness summary")
                .set_file_name(&name)
                .add_filter("PDF document", &["pdf"])
                .set_parent(&window)
                .save_file()
                .await;
            match chosen {
                Some(handle) => with_extension(handle.path(), "pdf"),
                None => return Ok(ExportOutcome::Cancelled),
            }
        }
    };
    let written = path.clone();
    tauri::async_runtime::spawn_blocking(move || write_atomically(&written, &bytes))
        .await
        .map_err(|e| ApiError::io(format!("The export was interrupted: {e}")))??;
    let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    Ok(ExportOutcome::Saved {
        path: path.display().to_string(),
        bytes: u32::try_from(bytes).unwrap_or(u32::MAX),
    })
}

/// Adds `ext` when the chosen name has no extension (GTK does not add it from the filter).
fn with_extension(path: &Path, ext: &str) -> PathBuf {
    if path.extension().is_some() {
        path.to_owned()
    } else {
        path.with_extension(ext)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_is_added_only_when_missing() {
        assert_eq!(
            with_extension(Path::new("/t/report"), "pdf"),
            PathBuf::from("/t/report.pdf")
        );
        assert_eq!(
            with_extension(Path::new("/t/r.PDF"), "pdf"),
            PathBuf::from("/t/r.PDF")
        );
    }
}
