//! Where the workspace lives: `--data-dir`, else `TRUSTGAP_DATA_DIR`, else the OS data folder.

use std::path::PathBuf;

/// Bundle identifier; the default folder matches Tauri's app data dir for it.
pub const IDENTIFIER: &str = "app.trustgap.desktop";
/// Environment variable that overrides the data folder (tests, per-client workspaces).
pub const DATA_DIR_ENV: &str = "TRUSTGAP_DATA_DIR";

/// Picks the data folder: the explicit option wins, then the environment, then the OS default.
pub fn resolve_data_dir(
    option: Option<PathBuf>,
    env: Option<std::ffi::OsString>,
) -> Option<PathBuf> {
    option
        .or_else(|| env.filter(|v| !v.is_empty()).map(PathBuf::from))
        .or_else(|| directories::BaseDirs::new().map(|d| d.data_dir().join(IDENTIFIER)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn option_beats_environment_beats_default() {
        let opt = Some(PathBuf::from("/a"));
        let env = Some("/b".into());
        assert_eq!(
            resolve_data_dir(opt, env.clone()),
            Some(PathBuf::from("/a"))
        );
        assert_eq!(resolve_data_dir(None, env), Some(PathBuf::from("/b")));
        let default = resolve_data_dir(None, Some("".into())).expect("a home folder");
        assert!(default.ends_with(IDENTIFIER));
    }
}
