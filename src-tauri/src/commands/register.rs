//! Commands for the people register: the roster import (picked with the native dialog, checked,
//! then imported all or nothing), courses, training completions and statuses, policy
//! acknowledgements (one by one, or a signed sheet's results), the register's gaps, its
//! overview in counts with the answers it suggests, and erasing a person.

use super::dialog::open_path;
use super::{logged, logged_async, today, AppState, Result};
use chrono::NaiveDate;
use tauri::{State, WebviewWindow};
use trustgap_domain::register::{
    Acknowledgement, Completion, Course, CourseInput, RegisterGap, RosterField,
};
use trustgap_workspace::{
    read_roster_file, AckStatusView, ApiError, ErasureView, RegisterOverview, RosterPreview,
    SignSheetRecorded, SignSheetResults, TrainingRow,
};

const ROSTERS: (&str, &[&str]) = ("Roster (CSV or Excel)", &["csv", "xlsx"]);

/// Column choices as the user made them: the column's header and its field.
type Choices = Vec<(String, RosterField)>;

/// Lets the user pick a roster for client `client_id` and checks it without saving. `None`
/// when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn choose_roster_file(
    window: WebviewWindow,
    state: State<'_, AppState>,
    client_id: i64,
    choices: Choices,
) -> Result<Option<RosterPreview>> {
    logged_async("choose_roster_file", async {
        let Some(path) = open_path(&window, &state, "Import a roster", ROSTERS).await else {
            return Ok(None);
        };
        let (name, bytes) = read_roster_file(&path)?;
        let preview = state.with(|w| w.preview_roster(client_id, &name, &bytes, &choices))?;
        AppState::remember(&state.pending_roster, Some((client_id, path)));
        Ok(Some(preview))
    })
    .await
}

fn chosen_roster(state: &AppState, client_id: i64) -> Result<(String, Vec<u8>)> {
    let (chosen_for, path) = AppState::recall(&state.pending_roster)
        .ok_or_else(|| ApiError::validation("Choose a roster to import first."))?;
    if chosen_for != client_id {
        return Err(ApiError::validation(
            "That roster was chosen for another client: choose it again.",
        ));
    }
    read_roster_file(&path)
}

/// Checks the chosen roster again with other column choices.
#[tauri::command(async)]
#[specta::specta]
pub fn preview_chosen_roster(
    state: State<'_, AppState>,
    client_id: i64,
    choices: Choices,
) -> Result<RosterPreview> {
    logged("preview_chosen_roster", || {
        let (name, bytes) = chosen_roster(&state, client_id)?;
        state.with(|w| w.preview_roster(client_id, &name, &bytes, &choices))
    })
}

/// Imports the chosen roster, all or nothing; returns how many people were added.
#[tauri::command(async)]
#[specta::specta]
pub fn import_chosen_roster(
    state: State<'_, AppState>,
    client_id: i64,
    choices: Choices,
) -> Result<u32> {
    logged("import_chosen_roster", || {
        let (name, bytes) = chosen_roster(&state, client_id)?;
        let n = state.with(|w| w.import_roster(client_id, &name, &bytes, &choices))?;
        AppState::remember(&state.pending_roster, None);
        Ok(u32::try_from(n).unwrap_or(u32::MAX))
    })
}

#[tauri::command(async)]
#[specta::specta]
pub fn list_courses(state: State<'_, AppState>, client_id: i64) -> Result<Vec<Course>> {
    logged("list_courses", || state.with(|w| w.courses(client_id)))
}

#[tauri::command(async)]
#[specta::specta]
pub fn add_course(
    state: State<'_, AppState>,
    client_id: i64,
    input: CourseInput,
) -> Result<Course> {
    logged("add_course", || {
        state.with(|w| w.add_course(client_id, &input))
    })
}

#[tauri::command(async)]
#[specta::specta]
pub fn update_course(state: State<'_, AppState>, id: i64, input: CourseInput) -> Result<Course> {
    logged("update_course", || {
        state.with(|w| w.update_course(id, &input))
    })
}

/// Removes a course with its completions.
#[tauri::command(async)]
#[specta::specta]
pub fn remove_course(state: State<'_, AppState>, id: i64) -> Result<()> {
    logged("remove_course", || state.with(|w| w.remove_course(id)))
}

#[tauri::command(async)]
#[specta::specta]
pub fn list_completions(state: State<'_, AppState>, client_id: i64) -> Result<Vec<Completion>> {
    logged("list_completions", || {
        state.with(|w| w.completions(client_id))
    })
}

#[tauri::command(async)]
#[specta::specta]
pub fn record_completion(
    state: State<'_, AppState>,
    person_id: i64,
    course_id: i64,
    on: NaiveDate,
    evidence: String,
) -> Result<Completion> {
    logged("record_completion", || {
        state.with(|w| w.record_completion(person_id, course_id, on, &evidence, today()))
    })
}

#[tauri::command(async)]
#[specta::specta]
pub fn remove_completion(state: State<'_, AppState>, id: i64) -> Result<()> {
    logged("remove_completion", || {
        state.with(|w| w.remove_completion(id))
    })
}

/// Every person's status on every course today.
#[tauri::command(async)]
#[specta::specta]
pub fn training_list(state: State<'_, AppState>, client_id: i64) -> Result<Vec<TrainingRow>> {
    logged("training_list", || {
        state.with(|w| w.training_list(client_id, today()))
    })
}

#[tauri::command(async)]
#[specta::specta]
pub fn acknowledge_policy(
    state: State<'_, AppState>,
    assessment_id: i64,
    person_id: i64,
    policy_id: String,
    version: u32,
    on: NaiveDate,
) -> Result<()> {
    logged("acknowledge_policy", || {
        state.with(|w| {
            w.acknowledge_policy(assessment_id, person_id, &policy_id, version, on, today())
        })
    })
}

/// Records who signed a workshop's sheet: each ticked person acknowledges each ticked policy's
/// version in force, all or nothing.
#[tauri::command(async)]
#[specta::specta]
pub fn record_sign_sheet(
    state: State<'_, AppState>,
    assessment_id: i64,
    results: SignSheetResults,
) -> Result<SignSheetRecorded> {
    logged("record_sign_sheet", || {
        state.with(|w| w.record_sign_sheet(assessment_id, &results, today()))
    })
}

#[tauri::command(async)]
#[specta::specta]
pub fn list_acknowledgements(
    state: State<'_, AppState>,
    assessment_id: i64,
) -> Result<Vec<Acknowledgement>> {
    logged("list_acknowledgements", || {
        state.with(|w| w.acknowledgements(assessment_id))
    })
}

/// Each person's acknowledgement state for each of the assessment's policies in force.
#[tauri::command(async)]
#[specta::specta]
pub fn acknowledgement_statuses(
    state: State<'_, AppState>,
    assessment_id: i64,
) -> Result<Vec<AckStatusView>> {
    logged("acknowledgement_statuses", || {
        state.with(|w| w.acknowledgement_statuses(assessment_id))
    })
}

/// The register's gaps today, against the assessment's policies in force.
#[tauri::command(async)]
#[specta::specta]
pub fn register_gaps(state: State<'_, AppState>, assessment_id: i64) -> Result<Vec<RegisterGap>> {
    logged("register_gaps", || {
        state.with(|w| w.register_gaps(assessment_id, today()))
    })
}

/// The register today in counts (no name) and the answers it suggests for the questionnaire.
#[tauri::command(async)]
#[specta::specta]
pub fn register_overview(
    state: State<'_, AppState>,
    assessment_id: i64,
) -> Result<RegisterOverview> {
    logged("register_overview", || {
        state.with(|w| w.register_overview(assessment_id, today()))
    })
}

/// Erases a person: their records removed and their data rewritten out of the file.
#[tauri::command(async)]
#[specta::specta]
pub fn erase_person(state: State<'_, AppState>, id: i64) -> Result<ErasureView> {
    logged("erase_person", || {
        state.with(|w| w.erase_person(id, today()))
    })
}
