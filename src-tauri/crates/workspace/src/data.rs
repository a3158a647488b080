//! Data safety: backups and restores, portable `.trustgap` files, settings, and recovering a data
//! folder whose workspace could not be opened. The front ends call these instead of the store.

use super::{ApiError, Result, Workspace};
use chrono::Utc;
use serde::Serialize;
use specta::Type;
use std::path::{Path, PathBuf};
use trustgap_store::backup;
use trustgap_store::portable::ImportMode;

/// Folder of the automatic backups, inside the data folder.
pub const BACKUP_DIR: &str = "backups";
/// How many automatic backups are kept.
pub const BACKUPS_KEPT: usize = 10;

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

fn backups_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(BACKUP_DIR)
}

/// Size of a file for display, saturating (a 4 GB file is shown as the largest size).
pub fn file_size(path: &Path) -> u32 {
    std::fs::metadata(path).map_or(0, |m| u32::try_from(m.len()).unwrap_or(u32::MAX))
}

/// The automatic backups in `data_dir`, newest first.
pub fn backups(data_dir: &Path) -> Result<Vec<BackupInfo>> {
    Ok(backup::list_backups(&backups_dir(data_dir))?
        .into_iter()
        .map(|(path, when)| BackupInfo {
            name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            created_at: when.to_rfc3339(),
            bytes: file_size(&path),
        })
        .collect())
}

/// Replaces the workspace in `data_dir` with the automatic backup called `name` (a file name
/// from [`backups`], never a path); the current file is kept aside.
pub fn restore_named_backup(data_dir: &Path, name: &str) -> Result<()> {
    let known = backups(data_dir)?.into_iter().any(|b| b.name == name);
    if !known || name.contains(['/', '\\']) {
        return Err(ApiError::not_found(format!(
            "There is no backup called {name}."
        )));
    }
    restore_file(data_dir, &backups_dir(data_dir).join(name)).map(|_| ())
}

/// Replaces the workspace in `data_dir` with the backup file `from`; returns where the previous
/// file was kept.
pub fn restore_file(data_dir: &Path, from: &Path) -> Result<PathBuf> {
    Ok(backup::restore(data_dir, from)?)
}

/// Sets a damaged workspace file aside (never deleting it) and restores the newest backup, or
/// leaves the folder to start an empty workspace when `restore_latest` is false or there is no
/// backup. The caller has closed the workspace.
pub fn recover(data_dir: &Path, restore_latest: bool) -> Result<()> {
    let latest = backup::list_backups(&backups_dir(data_dir))?
        .into_iter()
        .map(|(p, _)| p)
        .next();
    let db = data_dir.join(trustgap_store::DB_FILE);
    if db.exists() {
        let aside = data_dir.join(format!(
            "workspace.damaged-{}.sqlite3",
            Utc::now().format("%Y%m%d-%H%M%S")
        ));
        backup::set_aside(&db, &aside)?;
    }
    match (restore_latest, latest) {
        (true, Some(from)) => restore_file(data_dir, &from).map(|_| ()),
        _ => Ok(()),
    }
}

/// Whether a startup error can be dealt with by setting the file aside (a damaged file).
pub fn is_recoverable(problem: &ApiError) -> bool {
    problem.code == super::ErrorCode::Io
}

impl Workspace {
    /// Today's rolling backup in `data_dir`, unless one younger than 20 hours exists.
    pub fn auto_backup(&self, data_dir: &Path) -> Result<()> {
        self.store
            .auto_backup(
                &backups_dir(data_dir),
                BACKUPS_KEPT,
                chrono::Duration::hours(20),
            )
            .map(|_| ())
            .map_err(ApiError::from)
    }

    /// A consistent copy of the whole workspace at `dest`.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        Ok(self.store.backup_to(dest)?)
    }

    /// Writes the assessments `ids` as one `.trustgap` file.
    pub fn export_portable(&self, ids: &[i64], dest: &Path, include_register: bool) -> Result<()> {
        if ids.is_empty() {
            return Err(ApiError::validation("Choose an assessment to export."));
        }
        Ok(self.store.export_portable(ids, dest, include_register)?)
    }

    /// Every assessment of a client, for a portable file; refuses a client with none.
    pub fn client_assessment_ids(&self, client: i64) -> Result<Vec<i64>> {
        self.store.client(client)?;
        let ids: Vec<i64> = self
            .store
            .assessments()?
            .iter()
            .filter(|a| a.client_id == client)
            .map(|a| a.id)
            .collect();
        if ids.is_empty() {
            return Err(ApiError::validation(
                "That client has no assessment to export.",
            ));
        }
        Ok(ids)
    }

    /// What a `.trustgap` file holds and which of its assessments the workspace already has.
    pub fn preview_portable(&self, path: &Path) -> Result<ImportPreview> {
        let (assessments, clashes) = self.store.preview_portable(path)?;
        Ok(ImportPreview {
            file_name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            assessments,
            clashes,
        })
    }

    /// Imports every assessment of a `.trustgap` file, all or nothing; returns the new ids.
    /// Assessments answered against an earlier question bank are carried to this one.
    pub fn import_portable(&mut self, path: &Path, mode: ImportMode) -> Result<Vec<i64>> {
        let ids = self.store.import_portable(path, mode)?;
        self.upgrade_assessments()?;
        Ok(ids)
    }

    /// A remembered setting of the app (window geometry and the like).
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self.store.setting(key)?)
    }

    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        Ok(self.store.set_setting(key, value)?)
    }
}
