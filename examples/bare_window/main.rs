//! The floor for the start-up benchmark: a bare Tauri 2 window, built with the same crates,
//! profile and WebKit painting setting as Trustgap, showing a static page. Both programs signal
//! the same moment, their first frame with content painted: the page's script calls `ui_ready`
//! from the animation frame that follows it, and this prints `ready` on stdout, as Trustgap does
//! (with `TRUSTGAP_READY_PROBE`) once its workspace screen with its data has been painted.
//!
//! Build: `cargo build --release --example bare_window`; `scripts/bench.sh` runs it.

use std::io::Write;
use std::process::ExitCode;
use tauri::{WebviewUrl, WebviewWindowBuilder};

/// Named like Trustgap's command so the package's capability (window "main") allows it.
#[tauri::command]
fn ui_ready() {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "ready").and_then(|()| out.flush());
}

fn main() -> ExitCode {
    // The app's painting setting, so the floor differs from Trustgap only by Trustgap.
    trustgap::painting::prefer_cpu_painting();
    #[allow(
        clippy::disallowed_methods,
        reason = "tauri::generate_context! expands to code that calls process::exit"
    )]
    let result = tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![ui_ready])
        .setup(|app| {
            WebviewWindowBuilder::new(app, "main", WebviewUrl::default())
                .title("Bare window")
                .inner_size(1280.0, 800.0)
                .center()
                .build()?;
            Ok(())
        })
        .run(tauri::generate_context!(
            "examples/bare_window/tauri.conf.json"
        ));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bare_window: {e}");
            ExitCode::FAILURE
        }
    }
}
