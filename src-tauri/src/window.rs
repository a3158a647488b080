//! The main window: created at start-up with the size and position it had when last closed.

use crate::commands::AppState;
use serde::{Deserialize, Serialize};
use tauri::{Manager, WebviewUrl, WebviewWindow, WindowEvent};

const GEOMETRY_KEY: &str = "window.geometry";
const MIN_WIDTH: f64 = 960.0;
const MIN_HEIGHT: f64 = 640.0;

/// Window placement in logical pixels, as kept in the workspace settings.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Geometry {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub maximized: bool,
}

impl Geometry {
    /// Rejects nonsense (NaN, tiny or absurd sizes) read from settings.
    fn sane(self) -> Option<Geometry> {
        let finite = [self.x, self.y, self.width, self.height]
            .iter()
            .all(|v| v.is_finite());
        let sized = (MIN_WIDTH..=10_000.0).contains(&self.width)
            && (MIN_HEIGHT..=10_000.0).contains(&self.height);
        let placed = self.x.abs() < 20_000.0 && self.y.abs() < 20_000.0;
        (finite && sized && placed).then_some(self)
    }
}

fn saved_geometry(app: &tauri::AppHandle) -> Option<Geometry> {
    let state = app.state::<AppState>();
    let raw = state.with(|w| w.setting(GEOMETRY_KEY)).ok()??;
    serde_json::from_str::<Geometry>(&raw).ok()?.sane()
}

fn current_geometry(window: &WebviewWindow) -> Option<Geometry> {
    let scale = window.scale_factor().ok()?;
    let pos = window.outer_position().ok()?.to_logical::<f64>(scale);
    let size = window.inner_size().ok()?.to_logical::<f64>(scale);
    Some(Geometry {
        x: pos.x,
        y: pos.y,
        width: size.width,
        height: size.height,
        maximized: window.is_maximized().unwrap_or(false),
    })
}

/// Saves the window's placement; a maximised window keeps its previous normal size and place.
fn remember(window: &WebviewWindow) {
    let Some(mut g) = current_geometry(window) else {
        return;
    };
    if g.maximized {
        match saved_geometry(window.app_handle()) {
            Some(prev) => {
                g = Geometry {
                    maximized: true,
                    ..prev
                }
            }
            // The normal placement is unknown: keep the maximised flag with a sane default size.
            None => {
                g = Geometry {
                    x: 0.0,
                    y: 0.0,
                    width: 1280.0,
                    height: 800.0,
                    maximized: true,
                }
            }
        }
    }
    if let Ok(json) = serde_json::to_string(&g) {
        let state = window.state::<AppState>();
        let _ = state.with(|w| w.set_setting(GEOMETRY_KEY, &json));
    }
}

/// Builds and shows the main window.
pub fn create(app: &tauri::AppHandle) -> tauri::Result<()> {
    let saved = saved_geometry(app);
    let mut builder = tauri::WebviewWindowBuilder::new(app, "main", WebviewUrl::default())
        .title("Trustgap")
        .min_inner_size(MIN_WIDTH, MIN_HEIGHT)
        .inner_size(1280.0, 800.0)
        .visible(false);
    if let Some(g) = saved {
        builder = builder.inner_size(g.width, g.height).position(g.x, g.y);
    } else {
        builder = builder.center();
    }
    let window = builder.build()?;
    if saved.is_some_and(|g| g.maximized) {
        window.maximize()?;
    }
    window.show()?;

    // Remember where the window is: at once on close, and half a second after it last moved or
    // was resized (a background writer, so a crash or a kill keeps the last placement and a drag
    // does not cost one durable write per pixel).
    let dirty = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let tracked = window.clone();
    let flag = dirty.clone();
    window.on_window_event(move |event| match event {
        WindowEvent::CloseRequested { .. } => remember(&tracked),
        // Files dropped on the window wait here; the evidence screen asks for their names and
        // adds them, so a path never travels through the web view.
        WindowEvent::DragDrop(drop) => {
            if let Some(state) = tracked.try_state::<crate::commands::AppState>() {
                crate::commands::window_drop(&state, drop);
            }
        }
        WindowEvent::Moved(_) | WindowEvent::Resized(_) => {
            flag.store(true, std::sync::atomic::Ordering::Relaxed)
        }
        _ => {}
    });
    let writer = window.clone();
    std::thread::spawn(move || loop {
        std::thread::sleep(std::time::Duration::from_millis(500));
        if dirty.swap(false, std::sync::atomic::Ordering::Relaxed) {
            remember(&writer);
        }
    });
    Ok(())
}

/// Brings the main window to the front (a second launch on the same workspace asked for it):
/// out of the taskbar, shown, focused. Says whether the window was there to ask.
pub fn bring_to_front(app: &tauri::AppHandle) -> bool {
    let Some(window) = app.get_webview_window("main") else {
        return false;
    };
    let _ = window.unminimize();
    let _ = window.show();
    window.set_focus().is_ok()
}

/// Shows a blocking error message before (or instead of) the window, e.g. a locked workspace.
pub fn alert(message: &str) {
    let _ = rfd::MessageDialog::new()
        .set_level(rfd::MessageLevel::Error)
        .set_title("Trustgap")
        .set_description(message)
        .set_buttons(rfd::MessageButtons::Ok)
        .show();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insane_geometry_is_ignored() {
        let good = Geometry {
            x: 10.0,
            y: 20.0,
            width: 1280.0,
            height: 800.0,
            maximized: false,
        };
        assert_eq!(good.sane(), Some(good));
        assert_eq!(
            Geometry {
                width: 10.0,
                ..good
            }
            .sane(),
            None
        );
        assert_eq!(
            Geometry {
                x: f64::NAN,
                ..good
            }
            .sane(),
            None
        );
        assert_eq!(Geometry { y: 1e9, ..good }.sane(), None);
    }
}
