//! The state every command shares: the open workspace (or why it could not be opened).

use crate::error::ApiError;
use crate::workspace::{AppInfo, Workspace};
use std::path::PathBuf;
use std::sync::Mutex;

pub struct AppState {
    /// `Err` when the workspace could not be opened (newer schema, damaged file): every command
    /// then reports that error, and the UI shows it instead of an empty workspace.
    workspace: Result<Mutex<Workspace>, ApiError>,
    data_dir: PathBuf,
    /// Test setting (`TRUSTGAP_E2E_SAVE_DIR`): exports go here instead of through the dialog.
    pub(crate) save_dir_override: Option<PathBuf>,
}

impl AppState {
    pub fn new(
        workspace: Result<Workspace, ApiError>,
        data_dir: PathBuf,
        save_dir_override: Option<PathBuf>,
    ) -> AppState {
        AppState {
            workspace: workspace.map(Mutex::new),
            data_dir,
            save_dir_override,
        }
    }

    /// Runs `f` with the workspace locked. A poisoned lock (a panic in an earlier command) is
    /// recovered: the store's transactions keep the database consistent regardless.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&mut Workspace) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let lock = self.workspace.as_ref().map_err(Clone::clone)?;
        let mut guard = lock
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        f(&mut guard)
    }

    pub fn info(&self) -> Result<AppInfo, ApiError> {
        let database = self.with(|w| Ok(w.store.path().display().to_string()))?;
        let catalog = crate::catalog::embedded().map_err(ApiError::from)?;
        Ok(AppInfo {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            catalog_version: catalog.version.clone(),
            data_dir: self.data_dir.display().to_string(),
            database,
            scoring_method: crate::scoring::METHOD.to_owned(),
        })
    }
}
