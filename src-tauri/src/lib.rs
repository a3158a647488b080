//! Trustgap, the desktop app: the window, its commands and WebKitGTK's painting setting.
//!
//! Everything the app does goes through the use-case layer (`trustgap-workspace`); this package
//! only adds the window and the Tauri commands over it. The command line is `trustgap-cli`'s,
//! shared with this binary so `trustgap report …` works as well as `trustgap-cli report …`.

pub mod commands;
pub mod painting;
pub mod window;

use commands::AppState;
use std::path::PathBuf;
use trustgap_workspace::{ApiError, Workspace, WorkspaceLock};

/// Test setting: when set, exports are written to this folder instead of asking with a dialog
/// (a native dialog cannot be driven over WebDriver). Never set it for real use.
pub const E2E_SAVE_DIR_ENV: &str = "TRUSTGAP_E2E_SAVE_DIR";

/// Benchmark setting: when set, the app prints `ready` on stdout once the UI is interactive
/// (see `commands::ui_ready`). It changes nothing else.
pub const READY_PROBE_ENV: &str = "TRUSTGAP_READY_PROBE";

/// Starts the desktop app on the workspace in `data_dir`.
///
/// A workspace that cannot be opened does not stop the window: the UI shows why.
pub fn run_app(data_dir: PathBuf) -> Result<(), ApiError> {
    // First, while this is the only thread: the web processes inherit the environment.
    painting::prefer_cpu_painting();
    // One writer per workspace: a second window on the same folder says so and stops.
    let lock = WorkspaceLock::acquire(&data_dir).map_err(ApiError::from)?;
    let workspace = Workspace::open(&data_dir);
    match &workspace {
        Err(e) => eprintln!("trustgap: {}", e.message),
        // Rolling daily backups, made before any change of this session.
        Ok(w) => {
            if let Err(e) = w.auto_backup(&data_dir) {
                eprintln!("trustgap: automatic backup failed: {}", e.message);
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
