//! Trustgap, the desktop app: the window, its commands and WebKitGTK's painting setting.
//!
//! Everything the app does goes through the use-case layer (`trustgap-workspace`); this package
//! only adds the window and the Tauri commands over it. The command line is `trustgap-cli`'s,
//! shared with this binary so `trustgap report …` works as well as `trustgap-cli report …`.

pub mod commands;
#[cfg(unix)]
pub mod instance;
pub mod painting;
pub mod window;

use commands::AppState;
use std::path::{Path, PathBuf};
use trustgap_workspace::{ApiError, Workspace, WorkspaceLock};

/// Test setting: when set, exports are written to this folder instead of asking with a dialog
/// (a native dialog cannot be driven over WebDriver). Never set it for real use.
pub const E2E_SAVE_DIR_ENV: &str = "TRUSTGAP_E2E_SAVE_DIR";

/// Test setting: when set, every "open" dialog is skipped and this file is the one picked (for
/// the same reason). The test may rewrite the file between steps. Never set it for real use.
pub const E2E_OPEN_FILE_ENV: &str = "TRUSTGAP_E2E_OPEN_FILE";

/// Benchmark setting: when set, the app prints `ready` on stdout once the UI is interactive
/// (see `commands::ui_ready`). It changes nothing else.
pub const READY_PROBE_ENV: &str = "TRUSTGAP_READY_PROBE";

/// What a second launch on a workspace already open prints before it exits (with 0).
pub const ALREADY_OPEN: &str =
    "Trustgap is already open on this workspace; its window was brought to the front.";

/// How a launch of the window ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Launched {
    /// The window ran until it was closed.
    Closed,
    /// Another Trustgap had this workspace open and brought its window to the front.
    #[cfg_attr(not(unix), allow(dead_code))]
    AlreadyOpen,
}

/// Starts the desktop app on the workspace in `data_dir`.
///
/// A workspace that cannot be opened does not stop the window: the UI shows why.
pub fn run_app(data_dir: PathBuf) -> Result<Launched, ApiError> {
    // First, while this is the only thread: the web processes inherit the environment.
    painting::prefer_cpu_painting();
    // One writer per workspace: a second launch on the same folder brings the first window to
    // the front, or says the workspace is in use when that window cannot be reached.
    let lock = match WorkspaceLock::acquire(&data_dir).map_err(ApiError::from) {
        Ok(lock) => lock,
        Err(e) => return already_open(&data_dir, e),
    };
    // The log is the window's only record of what went wrong; without it the app still runs.
    if let Err(e) = trustgap_workspace::diagnostics::start_log(&data_dir) {
        eprintln!("trustgap: {}", e.message);
    }
    log::info!(target: "trustgap::app", "Trustgap {} started", env!("CARGO_PKG_VERSION"));
    let workspace = Workspace::open(&data_dir);
    match &workspace {
        Err(e) => {
            log::error!(target: "trustgap::app", "the workspace could not be opened: {}", e.message);
            eprintln!("trustgap: {}", e.message);
        }
        // Rolling daily backups, made before any change of this session.
        Ok(w) => {
            if let Err(e) = w.auto_backup(&data_dir) {
                log::error!(target: "trustgap::app", "automatic backup failed: {}", e.message);
                eprintln!("trustgap: automatic backup failed: {}", e.message);
            }
        }
    }
    let setting = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let (save_override, open_override) = (setting(E2E_SAVE_DIR_ENV), setting(E2E_OPEN_FILE_ENV));
    let specta = commands::builder();
    // The socket a second launch on this folder knocks on (see `instance`), removed on exit.
    #[cfg(unix)]
    let second_launch = std::sync::Arc::new(std::sync::Mutex::new(None::<instance::Listener>));
    #[cfg(unix)]
    let (listening, listened) = (second_launch.clone(), data_dir.clone());
    #[allow(
        clippy::disallowed_methods,
        reason = "tauri::generate_context! expands to code that calls process::exit"
    )]
    let app = tauri::Builder::default()
        .invoke_handler(specta.invoke_handler())
        .manage(AppState::new(
            workspace,
            Some(lock),
            data_dir,
            save_override,
            open_override,
        ))
        .setup(move |app| {
            window::create(app.handle())?;
            #[cfg(unix)]
            listen_for_second_launches(app.handle(), &listened, &listening);
            Ok(())
        })
        .build(tauri::generate_context!())
        .map_err(|e| ApiError::io(format!("The window could not start: {e}")))?;
    app.run(move |_, event| {
        if let tauri::RunEvent::Exit = event {
            #[cfg(unix)]
            if let Ok(mut listener) = second_launch.lock() {
                drop(listener.take());
            }
        }
    });
    Ok(Launched::Closed)
}

/// The lock is taken. When it is another window's (on Unix, one that answers on the workspace's
/// socket), it was brought to the front; otherwise `refused` stands: another window that cannot
/// be reached (an older Trustgap, or Windows), a CLI command writing, or a folder error.
#[cfg_attr(not(unix), allow(unused_variables))]
fn already_open(data_dir: &Path, refused: ApiError) -> Result<Launched, ApiError> {
    // `WorkspaceLock::acquire` reports a conflict only when another process holds the lock.
    #[cfg(unix)]
    if refused.code == trustgap_workspace::ErrorCode::Conflict
        && instance::wake(data_dir) == instance::Wake::Focused
    {
        return Ok(Launched::AlreadyOpen);
    }
    Err(refused)
}

/// Starts answering second launches on `data_dir`; a folder where no socket can be made (a path
/// too long for one, a file system without them) only loses that: the window runs as before.
#[cfg(unix)]
fn listen_for_second_launches(
    app: &tauri::AppHandle,
    data_dir: &Path,
    slot: &std::sync::Mutex<Option<instance::Listener>>,
) {
    let handle = app.clone();
    match instance::listen(data_dir, move || window::bring_to_front(&handle)) {
        Ok(listener) => {
            if let Ok(mut slot) = slot.lock() {
                *slot = Some(listener);
            }
        }
        Err(e) => eprintln!("trustgap: a second launch cannot bring this window forward: {e}"),
    }
}
