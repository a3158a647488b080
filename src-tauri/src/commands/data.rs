//! Data safety commands: backups and restores, portable `.trustgap` files, and recovering from a
//! workspace that could not be opened.

use super::dialog::{open_path, save_path};
use super::{AppState, Result};
use crate::error::ApiError;
use crate::store::backup::{self, list_backups as backup_files};
use crate::store::portable::ImportMode;
use crate::workspace::{safe_file_stem, ExportOutcome};
use serde::Serialize;
use specta::Type;
use std::path::{Path, PathBuf};
use tauri::{State, WebviewWindow};

const TRUSTGAP_FILES: (&str, &[&str]) = ("Trustgap file", &["trustgap"]);
const DATABASES: (&str, &[&str]) = ("Trustgap backup", &["sqlite3", "trustgap"]);

#[derive(Debug, Clone, Serialize, Type)]
pub struct BackupInfo {
    /// File name inside the backups folder; restoring takes this name, never a path.
    pub name: String,
    pub created_at: String,
    pub bytes: u32,
}

/// Why the workspace could not be opened, and what the user can do about it.
#[derive(Debug, Clone, Serialize, Type)]
pub struct StartupProblem {
    pub message: String,
    /// A damaged file can be set aside and replaced by a backup or a fresh workspace.
    pub recoverable: bool,
    pub backups: Vec<BackupInfo>,
}

#[derive(Debug, Clone, Serialize, Type)]
pub struct ImportPreview {
    pub file_name: String,
    pub assessments: Vec<String>,
    /// Names of assessments the workspace already holds.
    pub clashes: Vec<String>,
}

fn backups_dir(state: &AppState) -> PathBuf {
    state.data_dir.join(crate::BACKUP_DIR)
}

fn backup_infos(state: &AppState) -> Result<Vec<BackupInfo>> {
    Ok(backup_files(&backups_dir(state))?
        .into_iter()
        .map(|(path, when)| BackupInfo {
            name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            created_at: when.to_rfc3339(),
            bytes: std::fs::metadata(&path)
                .map_or(0, |m| u32::try_from(m.len()).unwrap_or(u32::MAX)),
        })
        .collect())
}

fn saved(path: &Path) -> ExportOutcome {
    let bytes = std::fs::metadata(path).map_or(0, |m| u32::try_from(m.len()).unwrap_or(u32::MAX));
    ExportOutcome::Saved {
        path: path.display().to_string(),
        bytes,
    }
}

/// The automatic backups, newest first.
#[tauri::command(async)]
#[specta::specta]
pub fn list_backups(state: State<'_, AppState>) -> Result<Vec<BackupInfo>> {
    backup_infos(&state)
}

/// Writes a backup of the whole workspace where the user chooses.
#[tauri::command]
#[specta::specta]
pub async fn backup_now(
    window: WebviewWindow,
    state: State<'_, AppState>,
) -> Result<ExportOutcome> {
    let name = format!(
        "Trustgap workspace {}.sqlite3",
        chrono::Local::now().format("%Y-%m-%d %H%M")
    );
    let Some(path) = save_path(&window, &state, "Back up the workspace", &name, DATABASES).await
    else {
        return Ok(ExportOutcome::Cancelled);
    };
    state.with(|w| Ok(w.store.backup_to(&path)?))?;
    AppState::remember(&state.last_export, Some(path.clone()));
    Ok(saved(&path))
}

/// Replaces the workspace with one of the automatic backups (the current file is kept aside).
#[tauri::command(async)]
#[specta::specta]
pub fn restore_backup(state: State<'_, AppState>, name: String) -> Result<()> {
    let known = backup_infos(&state)?.into_iter().any(|b| b.name == name);
    if !known || name.contains(['/', '\\']) {
        return Err(ApiError::not_found(format!(
            "There is no backup called {name}."
        )));
    }
    let from = backups_dir(&state).join(&name);
    let dir = state.data_dir.clone();
    state.reopen_after(|| {
        backup::restore(&dir, &from)
            .map(|_| ())
            .map_err(ApiError::from)
    })
}

/// Replaces the workspace with a backup file the user picks.
#[tauri::command]
#[specta::specta]
pub async fn restore_backup_file(
    window: WebviewWindow,
    state: State<'_, AppState>,
) -> Result<bool> {
    let Some(from) = open_path(&window, "Restore a backup", DATABASES).await else {
        return Ok(false);
    };
    let dir = state.data_dir.clone();
    state.reopen_after(|| {
        backup::restore(&dir, &from)
            .map(|_| ())
            .map_err(ApiError::from)
    })?;
    Ok(true)
}

/// Exports assessments as one `.trustgap` file where the user chooses.
#[tauri::command]
#[specta::specta]
pub async fn export_portable(
    window: WebviewWindow,
    state: State<'_, AppState>,
    ids: Vec<i64>,
) -> Result<ExportOutcome> {
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
    state.with(|w| Ok(w.store.export_portable(&ids, &path)?))?;
    AppState::remember(&state.last_export, Some(path.clone()));
    Ok(saved(&path))
}

/// Lets the user pick a `.trustgap` file and says what it holds; `None` when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn choose_import_file(
    window: WebviewWindow,
    state: State<'_, AppState>,
) -> Result<Option<ImportPreview>> {
    let Some(path) = open_path(&window, "Import a portable file", TRUSTGAP_FILES).await else {
        return Ok(None);
    };
    let (assessments, clashes) = state.with(|w| Ok(w.store.preview_portable(&path)?))?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    AppState::remember(&state.pending_import, Some(path));
    Ok(Some(ImportPreview {
        file_name,
        assessments,
        clashes,
    }))
}

/// Imports the file chosen with `choose_import_file`; returns the new assessments' ids.
#[tauri::command(async)]
#[specta::specta]
pub fn import_chosen(state: State<'_, AppState>, mode: ImportMode) -> Result<Vec<i64>> {
    let path = AppState::recall(&state.pending_import)
        .ok_or_else(|| ApiError::validation("Choose a file to import first."))?;
    let ids = state.with(|w| Ok(w.store.import_portable(&path, mode)?))?;
    AppState::remember(&state.pending_import, None);
    Ok(ids)
}

/// Why the workspace could not be opened, if it could not.
#[tauri::command(async)]
#[specta::specta]
pub fn startup_problem(state: State<'_, AppState>) -> Result<Option<StartupProblem>> {
    let Some(problem) = state.problem() else {
        return Ok(None);
    };
    Ok(Some(StartupProblem {
        recoverable: problem.code == crate::error::ErrorCode::Io,
        message: problem.message,
        backups: backup_infos(&state)?,
    }))
}

/// Sets a damaged workspace file aside (never deleting it) and restores the newest backup, or
/// starts an empty workspace when `restore_latest` is false or there is no backup.
#[tauri::command(async)]
#[specta::specta]
pub fn recover_workspace(state: State<'_, AppState>, restore_latest: bool) -> Result<()> {
    if state.problem().is_none() {
        return Err(ApiError::validation(
            "The workspace is fine: there is nothing to recover.",
        ));
    }
    let latest = backup_files(&backups_dir(&state))?
        .into_iter()
        .map(|(p, _)| p)
        .next();
    let dir = state.data_dir.clone();
    state.reopen_after(|| {
        let db = dir.join(crate::store::DB_FILE);
        if db.exists() {
            let aside = dir.join(format!(
                "workspace.damaged-{}.sqlite3",
                chrono::Utc::now().format("%Y%m%d-%H%M%S")
            ));
            backup::set_aside(&db, &aside)?;
        }
        match (restore_latest, latest) {
            (true, Some(from)) => backup::restore(&dir, &from)
                .map(|_| ())
                .map_err(ApiError::from),
            _ => Ok(()),
        }
    })
}
