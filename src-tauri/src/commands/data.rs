//! Data safety commands: backups and restores, portable `.trustgap` files, and recovering from a
//! workspace that could not be opened. The work is the use-case layer's; these add the dialogs.

use super::dialog::{open_path, save_path};
use super::{logged, logged_async};
use super::{AppState, Result};
use std::path::Path;
use tauri::{State, WebviewWindow};
use trustgap_workspace::{
    backups, file_size, is_recoverable, recover, restore_file, restore_named_backup,
    safe_file_stem, ApiError, BackupInfo, ExportOutcome, ImportMode, ImportPreview, StartupProblem,
};

const TRUSTGAP_FILES: (&str, &[&str]) = ("Trustgap file", &["trustgap"]);
const DATABASES: (&str, &[&str]) = ("Trustgap backup", &["sqlite3", "trustgap"]);

fn saved(path: &Path) -> ExportOutcome {
    ExportOutcome::Saved {
        path: path.display().to_string(),
        bytes: file_size(path),
        warnings: Vec::new(),
    }
}

/// The automatic backups, newest first.
#[tauri::command(async)]
#[specta::specta]
pub fn list_backups(state: State<'_, AppState>) -> Result<Vec<BackupInfo>> {
    logged("list_backups", || backups(&state.data_dir))
}

/// Writes a backup of the whole workspace where the user chooses.
#[tauri::command]
#[specta::specta]
pub async fn backup_now(
    window: WebviewWindow,
    state: State<'_, AppState>,
) -> Result<ExportOutcome> {
    logged_async("backup_now", async {
        let name = format!(
            "Trustgap workspace {}.sqlite3",
            chrono::Local::now().format("%Y-%m-%d %H%M")
        );
        let Some(path) =
            save_path(&window, &state, "Back up the workspace", &name, DATABASES).await
        else {
            return Ok(ExportOutcome::Cancelled);
        };
        state.with(|w| w.backup_to(&path))?;
        AppState::remember(&state.last_export, Some(path.clone()));
        Ok(saved(&path))
    })
    .await
}

/// Replaces the workspace with one of the automatic backups (the current file is kept aside).
#[tauri::command(async)]
#[specta::specta]
pub fn restore_backup(state: State<'_, AppState>, name: String) -> Result<()> {
    logged("restore_backup", || {
        let dir = state.data_dir.clone();
        state.reopen_after(|| restore_named_backup(&dir, &name))
    })
}

/// Replaces the workspace with a backup file the user picks.
#[tauri::command]
#[specta::specta]
pub async fn restore_backup_file(
    window: WebviewWindow,
    state: State<'_, AppState>,
) -> Result<bool> {
    logged_async("restore_backup_file", async {
        let Some(from) = open_path(&window, &state, "Restore a backup", DATABASES).await else {
            return Ok(false);
        };
        let dir = state.data_dir.clone();
        state.reopen_after(|| restore_file(&dir, &from).map(|_| ()))?;
        Ok(true)
    })
    .await
}

/// Exports assessments as one `.trustgap` file where the user chooses; the people register
/// (personal data) goes with them only when `include_register` is set.
#[tauri::command]
#[specta::specta]
pub async fn export_portable(
    window: WebviewWindow,
    state: State<'_, AppState>,
    ids: Vec<i64>,
    include_register: bool,
) -> Result<ExportOutcome> {
    logged_async("export_portable", async {
        let first = ids
            .first()
            .copied()
            .ok_or_else(|| ApiError::validation("Choose an assessment to export."))?;
        let summary = state.with(|w| Ok(w.detail(first)?.summary))?;
        let name = format!(
            "{} - {}.trustgap",
            safe_file_stem(&summary.client_name),
            safe_file_stem(&summary.name)
        );
        let Some(path) = save_path(
            &window,
            &state,
            "Export a portable file",
            &name,
            TRUSTGAP_FILES,
        )
        .await
        else {
            return Ok(ExportOutcome::Cancelled);
        };
        state.with(|w| w.export_portable(&ids, &path, include_register))?;
        AppState::remember(&state.last_export, Some(path.clone()));
        Ok(saved(&path))
    })
    .await
}

/// Lets the user pick a `.trustgap` file and says what it holds; `None` when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn choose_import_file(
    window: WebviewWindow,
    state: State<'_, AppState>,
) -> Result<Option<ImportPreview>> {
    logged_async("choose_import_file", async {
        let Some(path) = open_path(&window, &state, "Import a portable file", TRUSTGAP_FILES).await
        else {
            return Ok(None);
        };
        let preview = state.with(|w| w.preview_portable(&path))?;
        AppState::remember(&state.pending_import, Some(path));
        Ok(Some(preview))
    })
    .await
}

/// Imports the file chosen with `choose_import_file`; returns the new assessments' ids.
#[tauri::command(async)]
#[specta::specta]
pub fn import_chosen(state: State<'_, AppState>, mode: ImportMode) -> Result<Vec<i64>> {
    logged("import_chosen", || {
        let path = AppState::recall(&state.pending_import)
            .ok_or_else(|| ApiError::validation("Choose a file to import first."))?;
        let ids = state.with(|w| w.import_portable(&path, mode))?;
        AppState::remember(&state.pending_import, None);
        Ok(ids)
    })
}

/// Why the workspace could not be opened, if it could not.
#[tauri::command(async)]
#[specta::specta]
pub fn startup_problem(state: State<'_, AppState>) -> Result<Option<StartupProblem>> {
    logged("startup_problem", || {
        let Some(problem) = state.problem() else {
            return Ok(None);
        };
        Ok(Some(StartupProblem {
            recoverable: is_recoverable(&problem),
            message: problem.message,
            backups: backups(&state.data_dir)?,
        }))
    })
}

/// Sets a damaged workspace file aside (never deleting it) and restores the newest backup, or
/// starts an empty workspace when `restore_latest` is false or there is no backup.
#[tauri::command(async)]
#[specta::specta]
pub fn recover_workspace(state: State<'_, AppState>, restore_latest: bool) -> Result<()> {
    logged("recover_workspace", || {
        if state.problem().is_none() {
            return Err(ApiError::validation(
                "The workspace is fine: there is nothing to recover.",
            ));
        }
        let dir = state.data_dir.clone();
        state.reopen_after(|| recover(&dir, restore_latest))
    })
}
