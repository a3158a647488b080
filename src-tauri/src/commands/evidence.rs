//! Commands for the evidence locker: adding files (picked with the native dialog, or dropped on
//! the window: the paths stay on this side, the UI sees names), attaching, the trash, opening a
//! copy with the system viewer, and the evidence pack with progress and cancel.

use super::dialog::{open_any, save_any, save_path};
use super::export::{launch, open_command};
use super::{logged, logged_async, AppState, Result};
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use tauri::ipc::Channel;
use tauri::{State, WebviewWindow};
use trustgap_domain::evidence::{Attachment, EvidenceFile, PackNames};
use trustgap_workspace::{ApiError, EvidenceInput, EvidenceLocker, PackProgress, PackSummary};

/// An assessment's files (with those in the trash when asked) and the workspace's totals.
#[tauri::command(async)]
#[specta::specta]
pub fn evidence_locker(
    state: State<'_, AppState>,
    assessment_id: i64,
    with_trash: bool,
) -> Result<EvidenceLocker> {
    logged("evidence_locker", || {
        state.with(|w| w.evidence_locker(assessment_id, with_trash))
    })
}

/// Lets the user pick files and adds each, attached as `input` says; `None` when cancelled.
/// Each file is its own transaction: when one is refused, those before it stay added and the
/// message names the one refused.
#[tauri::command]
#[specta::specta]
pub async fn choose_evidence_files(
    window: WebviewWindow,
    state: State<'_, AppState>,
    assessment_id: i64,
    input: EvidenceInput,
) -> Result<Option<Vec<EvidenceFile>>> {
    logged_async("choose_evidence_files", async {
        let Some(paths) = open_any(&window, &state, "Add evidence").await else {
            return Ok(None);
        };
        add_all(&state, assessment_id, &paths, &input).map(Some)
    })
    .await
}

fn add_all(
    state: &AppState,
    assessment_id: i64,
    paths: &[PathBuf],
    input: &EvidenceInput,
) -> Result<Vec<EvidenceFile>> {
    let mut added = Vec::new();
    for path in paths {
        let file = state
            .with(|w| w.add_evidence(assessment_id, path, input.clone()))
            .map_err(|e| {
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
                let before = if added.is_empty() {
                    String::new()
                } else {
                    format!(" ({} file(s) before it were added.)", added.len())
                };
                ApiError::new(
                    e.code,
                    format!("{}: {}{before}", name.unwrap_or_default(), e.message),
                )
            })?;
        added.push(file);
    }
    Ok(added)
}

/// What the window says of files dragged onto it.
#[derive(Debug, Clone, Copy, serde::Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum DropSignal {
    /// Files are being dragged over the window.
    Over,
    /// They left without being dropped.
    Leave,
    /// They were dropped: [`dropped_files`] names them.
    Drop,
}

/// Tells `events` of files dragged over and dropped on the window from now on (replacing an
/// earlier listener). A channel rather than a window event: the window's capability grants the
/// app's commands only.
#[tauri::command(async)]
#[specta::specta]
pub fn watch_drops(state: State<'_, AppState>, events: Channel<DropSignal>) {
    AppState::remember(&state.drop_watch, Some(events));
}

/// Called by the window on a drag-and-drop event: keeps dropped paths on this side and tells
/// the screen, if one listens.
pub(crate) fn window_drop(state: &AppState, event: &tauri::DragDropEvent) {
    let signal = match event {
        tauri::DragDropEvent::Enter { .. } | tauri::DragDropEvent::Over { .. } => DropSignal::Over,
        tauri::DragDropEvent::Leave => DropSignal::Leave,
        tauri::DragDropEvent::Drop { paths, .. } => {
            AppState::remember(&state.dropped, Some(paths.clone()));
            DropSignal::Drop
        }
        _ => return,
    };
    if let Some(channel) = AppState::recall(&state.drop_watch) {
        // A screen that went away (a reload) leaves a dead channel: nothing to tell.
        let _ = channel.send(signal);
    }
}

/// The names of the files last dropped on the window, waiting to be added.
#[tauri::command(async)]
#[specta::specta]
pub fn dropped_files(state: State<'_, AppState>) -> Result<Vec<String>> {
    logged("dropped_files", || {
        Ok(AppState::recall(&state.dropped)
            .unwrap_or_default()
            .iter()
            .map(|p| {
                p.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            })
            .collect())
    })
}

/// Adds the files dropped on the window (then forgets them).
#[tauri::command(async)]
#[specta::specta]
pub fn add_dropped_evidence(
    state: State<'_, AppState>,
    assessment_id: i64,
    input: EvidenceInput,
) -> Result<Vec<EvidenceFile>> {
    logged("add_dropped_evidence", || {
        let paths = AppState::recall(&state.dropped)
            .filter(|p| !p.is_empty())
            .ok_or_else(|| ApiError::validation("Drop files on the window first."))?;
        AppState::remember(&state.dropped, None);
        add_all(&state, assessment_id, &paths, &input)
    })
}

/// Forgets the dropped files (the user closed the dialog).
#[tauri::command(async)]
#[specta::specta]
pub fn forget_dropped_files(state: State<'_, AppState>) {
    AppState::remember(&state.dropped, None);
}

/// Attaches a file to one more thing.
#[tauri::command(async)]
#[specta::specta]
pub fn attach_evidence(
    state: State<'_, AppState>,
    file_id: i64,
    to: Attachment,
) -> Result<EvidenceFile> {
    logged("attach_evidence", || {
        state.with(|w| w.attach_evidence(file_id, &to))
    })
}

/// Detaches a file from one thing (never its last).
#[tauri::command(async)]
#[specta::specta]
pub fn detach_evidence(
    state: State<'_, AppState>,
    file_id: i64,
    from: Attachment,
) -> Result<EvidenceFile> {
    logged("detach_evidence", || {
        state.with(|w| w.detach_evidence(file_id, &from))
    })
}

/// Moves a file to the trash, or back out (undo).
#[tauri::command(async)]
#[specta::specta]
pub fn trash_evidence(state: State<'_, AppState>, file_id: i64, trashed: bool) -> Result<()> {
    logged("trash_evidence", || {
        state.with(|w| w.trash_evidence(file_id, trashed))
    })
}

/// Deletes an assessment's trashed files for good; returns how many.
#[tauri::command(async)]
#[specta::specta]
pub fn empty_evidence_trash(state: State<'_, AppState>, assessment_id: i64) -> Result<u32> {
    logged("empty_evidence_trash", || {
        state.with(|w| w.empty_evidence_trash(assessment_id).map(|n| n as u32))
    })
}

/// Opens a copy of a file with the system's viewer. Only types a viewer shows (documents,
/// images, text) are opened; anything else (a script, a program, an unknown type) is refused:
/// save a copy instead.
#[tauri::command(async)]
#[specta::specta]
pub fn open_evidence(state: State<'_, AppState>, file_id: i64) -> Result<()> {
    logged("open_evidence", || {
        let dir = state.data_dir.join("opened");
        std::fs::create_dir_all(&dir).map_err(ApiError::from)?;
        let path = state.with(|w| {
            let file = w.evidence_file(file_id)?;
            if !viewable(&file.media_type) {
                return Err(ApiError::validation(format!(
                    "{} is not a document or an image Trustgap opens directly; save a copy and \
                     open it yourself if you trust it.",
                    file.name
                )));
            }
            let path = dir.join(format!("{file_id}-{}", PackNames::new().name(&file.name)));
            w.save_evidence_copy(file_id, &path)?;
            Ok(path)
        })?;
        launch(&open_command(&path))
    })
}

fn viewable(media_type: &str) -> bool {
    media_type.starts_with("image/")
        || media_type.starts_with("text/") && media_type != "text/html"
        || matches!(
            media_type,
            "application/pdf" | "application/json" | "message/rfc822" | "video/mp4"
        )
        || media_type.starts_with("application/vnd.openxmlformats-officedocument")
        || media_type.starts_with("application/vnd.oasis.opendocument")
        || media_type.starts_with("application/vnd.ms-excel")
        || media_type == "application/msword"
}

/// Saves a copy of a file where the user chooses; `false` when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn save_evidence_copy(
    window: WebviewWindow,
    state: State<'_, AppState>,
    file_id: i64,
) -> Result<bool> {
    logged_async("save_evidence_copy", async {
        let file = state.with(|w| w.evidence_file(file_id))?;
        let name = PackNames::new().name(&file.name);
        let Some(path) = save_any(&window, &state, "Save a copy", &name).await else {
            return Ok(false);
        };
        state.with(|w| w.save_evidence_copy(file_id, &path))?;
        AppState::remember(&state.last_export, Some(path));
        Ok(true)
    })
    .await
}

/// Builds the evidence pack where the user chooses, reporting progress on `progress`;
/// `None` when the dialog is cancelled. [`cancel_evidence_pack`] stops it.
#[tauri::command]
#[specta::specta]
pub async fn export_evidence_pack(
    window: WebviewWindow,
    state: State<'_, AppState>,
    assessment_id: i64,
    progress: Channel<PackProgress>,
) -> Result<Option<PackSummary>> {
    logged_async("export_evidence_pack", async {
        let name = state.with(|w| w.evidence_pack_name(assessment_id))?;
        let Some(path) = save_path(
            &window,
            &state,
            "Save the evidence pack",
            &name,
            ("ZIP archive", &["zip"]),
        )
        .await
        else {
            return Ok(None);
        };
        state.cancel_pack.store(false, Ordering::Relaxed);
        let stamp = trustgap_workspace::clock::now();
        let mut last = 0u64;
        let summary = state.with(|w| {
            w.evidence_pack(
                assessment_id,
                &path,
                stamp,
                &mut |p| {
                    // A message per 4 MB is plenty for a progress bar.
                    if p.done >= last + 4 * 1024 * 1024 || p.done == p.total {
                        last = p.done;
                        let _ = progress.send(p);
                    }
                },
                &state.cancel_pack,
            )
        })?;
        AppState::remember(&state.last_export, Some(path));
        Ok(Some(summary))
    })
    .await
}

/// Stops the evidence pack being built (nothing is left under the chosen name).
#[tauri::command(async)]
#[specta::specta]
pub fn cancel_evidence_pack(state: State<'_, AppState>) {
    state.cancel_pack.store(true, Ordering::Relaxed);
}
