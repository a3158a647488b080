//! How WebKitGTK paints the window on Linux: on the CPU unless the user has chosen otherwise.
//!
//! WebKitGTK paints page tiles with Skia through OpenGL by default. Trustgap's pages are still
//! documents (forms and tables), which Skia paints on the CPU as fast, and on machines that have
//! no GPU driver (virtual machines, remote desktops: OpenGL in software) several times faster
//! and with tens of megabytes less memory (BENCHMARKS.md, start-up). CPU painting is also
//! WebKit's default on its embedded port and the documented cure for GPU drivers that leave a
//! WebKitGTK window blank. Setting the variable to `0` before starting restores GPU painting.

use std::ffi::OsString;

/// WebKitGTK's switch: any value but `0` makes Skia paint tiles on the CPU.
pub const CPU_PAINTING_ENV: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";

/// The value to give the switch, given what the environment already holds: none if the user
/// set it (to anything, `0` included), so their choice wins.
pub fn cpu_painting_value(current: Option<OsString>) -> Option<&'static str> {
    current.is_none().then_some("1")
}

/// Asks for CPU painting for the web processes WebKit starts later (they inherit the
/// environment). Call it before the window is built and before any other thread starts:
/// changing the environment is only sound while the process has one thread.
pub fn prefer_cpu_painting() {
    if !cfg!(target_os = "linux") {
        return;
    }
    if let Some(value) = cpu_painting_value(std::env::var_os(CPU_PAINTING_ENV)) {
        #[allow(
            clippy::disallowed_methods,
            reason = "WebKit's web processes read it from the environment they inherit; this \
                      runs first in main, while the process has one thread"
        )]
        std::env::set_var(CPU_PAINTING_ENV, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asks_for_cpu_painting_when_nothing_is_set() {
        assert_eq!(cpu_painting_value(None), Some("1"));
    }

    #[test]
    fn leaves_a_users_choice_alone() {
        for set in ["0", "1", ""] {
            assert_eq!(cpu_painting_value(Some(set.into())), None, "{set:?}");
        }
    }
}
