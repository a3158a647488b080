//! Native file dialogs, opened on the Rust side so the UI never hands the backend a path.
//!
//! With the test setting `TRUSTGAP_E2E_SAVE_DIR`, "save" and folder dialogs are skipped and the
//! suggested name (or subfolder) is used in that folder; with `TRUSTGAP_E2E_OPEN_FILE`, "open"
//! dialogs are skipped and that file is the one picked (WebDriver cannot drive native dialogs).

use super::AppState;
use std::path::{Path, PathBuf};
use tauri::WebviewWindow;

/// Where to save a file suggested as `name`; `None` when the user cancels.
pub async fn save_path(
    window: &WebviewWindow,
    state: &AppState,
    title: &str,
    name: &str,
    filter: (&str, &[&str]),
) -> Option<PathBuf> {
    if let Some(dir) = &state.save_dir_override {
        return Some(dir.join(name));
    }
    let chosen = rfd::AsyncFileDialog::new()
        .set_title(title)
        .set_file_name(name)
        .add_filter(filter.0, filter.1)
        .set_parent(window)
        .save_file()
        .await?;
    Some(with_extension(
        chosen.path(),
        filter.1.first().copied().unwrap_or(""),
    ))
}

/// A folder to write several files into; `None` when the user cancels. With the test setting,
/// the `e2e_subfolder` of the save folder.
pub async fn folder_path(
    window: &WebviewWindow,
    state: &AppState,
    title: &str,
    e2e_subfolder: &str,
) -> Option<PathBuf> {
    if let Some(dir) = &state.save_dir_override {
        return Some(dir.join(e2e_subfolder));
    }
    rfd::AsyncFileDialog::new()
        .set_title(title)
        .set_parent(window)
        .pick_folder()
        .await
        .map(|f| f.path().to_owned())
}

/// A file the user picks to open; `None` when the user cancels. With the test setting, that
/// file, whatever the filter.
pub async fn open_path(
    window: &WebviewWindow,
    state: &AppState,
    title: &str,
    filter: (&str, &[&str]),
) -> Option<PathBuf> {
    if let Some(file) = &state.open_file_override {
        return Some(file.clone());
    }
    rfd::AsyncFileDialog::new()
        .set_title(title)
        .add_filter(filter.0, filter.1)
        .set_parent(window)
        .pick_file()
        .await
        .map(|f| f.path().to_owned())
}

/// Files the user picks to add as they are (any type); `None` when the user cancels. With the
/// test setting, that one file.
pub async fn open_any(
    window: &WebviewWindow,
    state: &AppState,
    title: &str,
) -> Option<Vec<PathBuf>> {
    if let Some(file) = &state.open_file_override {
        return Some(vec![file.clone()]);
    }
    let files = rfd::AsyncFileDialog::new()
        .set_title(title)
        .set_parent(window)
        .pick_files()
        .await?;
    Some(files.iter().map(|f| f.path().to_owned()).collect())
}

/// Where to save a copy of a file of any type, suggested as `name`; `None` when cancelled.
pub async fn save_any(
    window: &WebviewWindow,
    state: &AppState,
    title: &str,
    name: &str,
) -> Option<PathBuf> {
    if let Some(dir) = &state.save_dir_override {
        return Some(dir.join(name));
    }
    rfd::AsyncFileDialog::new()
        .set_title(title)
        .set_file_name(name)
        .set_parent(window)
        .save_file()
        .await
        .map(|f| f.path().to_owned())
}

/// Adds `ext` when the chosen name has none (GTK does not add it from the filter).
pub fn with_extension(path: &Path, ext: &str) -> PathBuf {
    if path.extension().is_some() || ext.is_empty() {
        path.to_owned()
    } else {
        path.with_extension(ext)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_is_added_only_when_missing() {
        assert_eq!(
            with_extension(Path::new("/t/report"), "pdf"),
            PathBuf::from("/t/report.pdf")
        );
        assert_eq!(
            with_extension(Path::new("/t/r.PDF"), "pdf"),
            PathBuf::from("/t/r.PDF")
        );
    }
}
