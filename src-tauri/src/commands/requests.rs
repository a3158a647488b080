//! Commands for the request list and the observation calendar: the list, an item's owner, due
//! date and status, the auditor's own list (picked with the native dialog, previewed with the
//! column choices, imported all or nothing) and the Type II calendar.

use super::dialog::open_path;
use super::{logged, logged_async, AppState, Result};
use tauri::{State, WebviewWindow};
use trustgap_domain::evidence::requests::import::RequestField;
use trustgap_domain::evidence::requests::{ItemState, RequestItem};
use trustgap_workspace::{read_request_file, ApiError, ObservationCalendar, RequestImportPreview};

const LISTS: (&str, &[&str]) = ("Request list (CSV or Excel)", &["csv", "xlsx"]);

/// Column choices as the user made them: the column's header and its field.
type Choices = Vec<(String, RequestField)>;

/// The whole request list of an assessment.
#[tauri::command(async)]
#[specta::specta]
pub fn request_list(state: State<'_, AppState>, assessment_id: i64) -> Result<Vec<RequestItem>> {
    logged("request_list", || {
        state.with(|w| w.request_list(assessment_id))
    })
}

/// Sets an item's owner, due date and status (its whole state).
#[tauri::command(async)]
#[specta::specta]
pub fn set_request_state(
    state: State<'_, AppState>,
    assessment_id: i64,
    reference: String,
    item: ItemState,
) -> Result<RequestItem> {
    logged("set_request_state", || {
        state.with(|w| w.set_request_state(assessment_id, &reference, item))
    })
}

/// Lets the user pick an auditor's list and checks it without saving; `None` when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn choose_request_list(
    window: WebviewWindow,
    state: State<'_, AppState>,
    assessment_id: i64,
    choices: Choices,
) -> Result<Option<RequestImportPreview>> {
    logged_async("choose_request_list", async {
        let Some(path) =
            open_path(&window, &state, "Import the auditor's request list", LISTS).await
        else {
            return Ok(None);
        };
        let (name, bytes) = read_request_file(&path)?;
        let preview =
            state.with(|w| w.preview_request_import(assessment_id, &name, &bytes, &choices))?;
        AppState::remember(&state.pending_requests, Some((assessment_id, path)));
        Ok(Some(preview))
    })
    .await
}

fn chosen(state: &AppState, assessment_id: i64) -> Result<(String, Vec<u8>)> {
    let (chosen_for, path) = AppState::recall(&state.pending_requests)
        .ok_or_else(|| ApiError::validation("Choose a request list to import first."))?;
    if chosen_for != assessment_id {
        return Err(ApiError::validation(
            "That request list was chosen for another assessment: choose it again.",
        ));
    }
    read_request_file(&path)
}

/// Checks the chosen list again with other column choices.
#[tauri::command(async)]
#[specta::specta]
pub fn preview_chosen_request_list(
    state: State<'_, AppState>,
    assessment_id: i64,
    choices: Choices,
) -> Result<RequestImportPreview> {
    logged("preview_chosen_request_list", || {
        let (name, bytes) = chosen(&state, assessment_id)?;
        state.with(|w| w.preview_request_import(assessment_id, &name, &bytes, &choices))
    })
}

/// Imports the chosen list, all or nothing; returns how many items were added.
#[tauri::command(async)]
#[specta::specta]
pub fn import_chosen_request_list(
    state: State<'_, AppState>,
    assessment_id: i64,
    choices: Choices,
) -> Result<u32> {
    logged("import_chosen_request_list", || {
        let (name, bytes) = chosen(&state, assessment_id)?;
        let n = state.with(|w| w.import_requests(assessment_id, &name, &bytes, &choices))?;
        AppState::remember(&state.pending_requests, None);
        Ok(n as u32)
    })
}

/// The Type II observation calendar of an assessment.
#[tauri::command(async)]
#[specta::specta]
pub fn observation_calendar(
    state: State<'_, AppState>,
    assessment_id: i64,
) -> Result<ObservationCalendar> {
    logged("observation_calendar", || {
        state.with(|w| w.observation_calendar(assessment_id))
    })
}
