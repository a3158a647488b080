//! Trustgap: an offline SOC 2 gap assessment desktop app.
//!
//! Pure domain modules (`catalog`, `assessment`, `scoring`) know nothing of storage, windows or
//! PDF; `store` owns SQLite, `report` owns printpdf, `workspace` joins them into the operations
//! users perform, and `commands` (window) and `cli` (terminal) are thin front doors onto it.

pub mod assessment;
pub mod catalog;
pub mod cli;
pub mod commands;
pub mod error;
pub mod export;
pub mod files;
pub mod painting;
pub mod paths;
pub mod plan;
pub mod report;
pub mod scoring;
pub mod snapshot;
pub mod store;
pub mod window;
pub mod workspace;

use commands::AppState;
use error::ApiError;
use std::path::PathBuf;
use store::Store;
use workspace::Workspace;

/// Test setting: when set, exports are written to this folder instead of asking with a dialog
/// (a native dialog cannot be driven over WebDriver). Never set it for real use.
pub const E2E_SAVE_DIR_ENV: &str = "TRUSTGAP_E2E_SAVE_DIR";

/// Benchmark setting: when set, the app prints `ready` on stdout once the UI is interactive
/// (see `commands::ui_ready`). It changes nothing else.
pub const READY_PROBE_ENV: &str = "TRUSTGAP_READY_PROBE";

/// Opens the workspace in `data_dir` with the embedded catalog.
pub fn open_workspace(data_dir: &std::path::Path) -> Result<Workspace, ApiError> {
    let catalog = catalog::embedded().map_err(ApiError::from)?;
    Ok(Workspace::new(Store::open_dir(data_dir)?, catalog))
}

/// Starts the desktop app on the workspace in `data_dir`.
///
/// A workspace that cannot be opened does not stop the window: the UI shows why.
pub fn run_app(data_dir: PathBuf) -> Result<(), ApiError> {
    // First, while this is the only thread: the web processes inherit the environment.
    painting::prefer_cpu_painting();
    // One writer per workspace: a second window on the same folder says so and stops.
    let lock = store::lock::WorkspaceLock::acquire(&data_dir).map_err(ApiError::from)?;
    let workspace = open_workspace(&data_dir);
    match &workspace {
        Err(e) => eprintln!("trustgap: {}", e.message),
        Ok(w) => {
            // Rolling daily backups, made before any change of this session.
            let dir = data_dir.join(BACKUP_DIR);
            if let Err(e) = w
                .store
                .auto_backup(&dir, BACKUPS_KEPT, chrono::Duration::hours(20))
            {
                eprintln!("trustgap: automatic backup failed: {e}");
            }
        }
    }
    let save_override = std::env::var_os(E2E_SAVE_DIR_ENV)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from);
    let specta = commands::builder();
    tauri::Builder::default()
        .invoke_handler(specta.invoke_handler())
        .manage(AppState::new(
            workspace,
            Some(lock),
            data_dir,
            save_override,
        ))
        .setup(|app| {
            window::create(app.handle())?;
            Ok(())
        })
        .run(tauri::generate_context!())
        .map_err(|e| ApiError::io(format!("The window could not start: {e}")))
}

/// Folder of the automatic backups, inside the data folder.
pub const BACKUP_DIR: &str = "backups";
/// How many automatic backups are kept.
pub const BACKUPS_KEPT: usize = 10;
