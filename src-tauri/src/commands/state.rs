//! The state every command shares: the open workspace (or why it could not be opened), the lock
//! that makes this process its only writer, and a few remembered choices.

use std::path::PathBuf;
use std::sync::Mutex;
use trustgap_workspace::{ApiError, AppInfo, Workspace, WorkspaceLock};

pub struct AppState {
    /// `Err` when the workspace could not be opened (newer schema, damaged file): every command
    /// then reports that error, and the UI shows it with the ways out it offers.
    slot: Mutex<Result<Workspace, ApiError>>,
    /// Held for the app's lifetime; `None` only in tests.
    _lock: Option<WorkspaceLock>,
    pub(crate) data_dir: PathBuf,
    /// Test setting (`TRUSTGAP_E2E_SAVE_DIR`): exports go here instead of through the dialog.
    pub(crate) save_dir_override: Option<PathBuf>,
    /// Test setting (`TRUSTGAP_E2E_OPEN_FILE`): every "open" dialog picks this file.
    pub(crate) open_file_override: Option<PathBuf>,
    /// The file last written by an export, for "open" and "show in folder".
    pub(crate) last_export: Mutex<Option<PathBuf>>,
    /// The `.trustgap` file chosen for import, waiting for the user's decision.
    pub(crate) pending_import: Mutex<Option<PathBuf>>,
    /// The questionnaire chosen for import, and the assessment it was checked against.
    pub(crate) pending_answers: Mutex<Option<(i64, PathBuf)>>,
    /// The roster chosen for import, and the client it was checked against.
    pub(crate) pending_roster: Mutex<Option<(i64, PathBuf)>>,
    /// The auditor's request list chosen for import, and the assessment it was checked against.
    pub(crate) pending_requests: Mutex<Option<(i64, PathBuf)>>,
    /// Files dropped on the window, waiting to be added as evidence (the UI sees their names).
    pub(crate) dropped: Mutex<Option<Vec<PathBuf>>>,
    /// Where the window tells the evidence screen of files dragged over and dropped on it.
    pub(crate) drop_watch: Mutex<Option<tauri::ipc::Channel<super::evidence::DropSignal>>>,
    /// Set to stop the evidence pack being built.
    pub(crate) cancel_pack: std::sync::atomic::AtomicBool,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A poisoned lock (a panic in an earlier command) is recovered: the store's transactions
    // keep the database consistent regardless.
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl AppState {
    pub fn new(
        workspace: Result<Workspace, ApiError>,
        lock: Option<WorkspaceLock>,
        data_dir: PathBuf,
        save_dir_override: Option<PathBuf>,
        open_file_override: Option<PathBuf>,
    ) -> AppState {
        AppState {
            slot: Mutex::new(workspace),
            _lock: lock,
            data_dir,
            save_dir_override,
            open_file_override,
            last_export: Mutex::new(None),
            pending_import: Mutex::new(None),
            pending_answers: Mutex::new(None),
            pending_roster: Mutex::new(None),
            pending_requests: Mutex::new(None),
            dropped: Mutex::new(None),
            drop_watch: Mutex::new(None),
            cancel_pack: std::sync::atomic::AtomicBool::new(false),
        }
    }

    /// Runs `f` with the workspace locked.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&mut Workspace) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let mut guard = lock(&self.slot);
        match guard.as_mut() {
            Ok(w) => f(w),
            Err(e) => Err(e.clone()),
        }
    }

    /// Why the workspace is unusable, if it is.
    pub fn problem(&self) -> Option<ApiError> {
        lock(&self.slot).as_ref().err().cloned()
    }

    /// Closes the workspace, runs `f` on the files (restore, set aside), then opens it again.
    pub fn reopen_after(&self, f: impl FnOnce() -> Result<(), ApiError>) -> Result<(), ApiError> {
        let mut guard = lock(&self.slot);
        // Dropping the old Workspace closes its connection before files are moved.
        *guard = Err(ApiError::io("The workspace is being replaced."));
        let outcome = f();
        *guard = Workspace::open(&self.data_dir);
        outcome?;
        guard.as_ref().map(|_| ()).map_err(Clone::clone)
    }

    pub fn remember<T>(slot: &Mutex<Option<T>>, value: Option<T>) {
        *lock(slot) = value;
    }

    pub fn recall<T: Clone>(slot: &Mutex<Option<T>>) -> Option<T> {
        lock(slot).clone()
    }

    pub fn info(&self) -> Result<AppInfo, ApiError> {
        trustgap_workspace::app_info(&self.data_dir)
    }
}
