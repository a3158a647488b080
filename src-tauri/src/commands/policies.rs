//! Commands for an assessment's policies: the pack, its parameters, edits and approvals, and
//! its documents saved through the native dialogs.

use super::dialog::{folder_path, save_path};
use super::{logged, logged_async};
use super::{today, AppState, Result};
use chrono::NaiveDate;
use tauri::{State, WebviewWindow};
use trustgap_domain::policy::{
    Contradiction, PolicyFormat, PolicyParameterView, PolicyStatus, PolicyView,
};
use trustgap_workspace::files::write_atomically;
use trustgap_workspace::ApiError;

/// Every policy of the assessment's pack, in order.
#[tauri::command(async)]
#[specta::specta]
pub fn list_policies(state: State<'_, AppState>, assessment_id: i64) -> Result<Vec<PolicyView>> {
    logged("list_policies", || {
        state.with(|w| w.list_policies(assessment_id, today()))
    })
}

#[tauri::command(async)]
#[specta::specta]
pub fn get_policy(
    state: State<'_, AppState>,
    assessment_id: i64,
    policy_id: String,
) -> Result<PolicyView> {
    logged("get_policy", || {
        state.with(|w| w.get_policy(assessment_id, &policy_id, today()))
    })
}

/// What the policies state that the answers deny today, with the questions concerned.
#[tauri::command(async)]
#[specta::specta]
pub fn policy_contradictions(
    state: State<'_, AppState>,
    assessment_id: i64,
) -> Result<Vec<Contradiction>> {
    logged("policy_contradictions", || {
        state.with(|w| w.policy_contradictions(assessment_id, today()))
    })
}

#[tauri::command(async)]
#[specta::specta]
pub fn list_policy_parameters(
    state: State<'_, AppState>,
    assessment_id: i64,
) -> Result<Vec<PolicyParameterView>> {
    logged("list_policy_parameters", || {
        state.with(|w| w.list_policy_parameters(assessment_id))
    })
}

/// Sets a parameter; `None` or blank clears it.
#[tauri::command(async)]
#[specta::specta]
pub fn set_policy_parameter(
    state: State<'_, AppState>,
    assessment_id: i64,
    parameter_id: String,
    value: Option<String>,
) -> Result<()> {
    logged("set_policy_parameter", || {
        state.with(|w| w.set_policy_parameter(assessment_id, &parameter_id, value.as_deref()))
    })
}

/// Names the policy's owner and approver (people of the client; `None` clears).
#[tauri::command(async)]
#[specta::specta]
pub fn set_policy_people(
    state: State<'_, AppState>,
    assessment_id: i64,
    policy_id: String,
    owner: Option<i64>,
    approver: Option<i64>,
) -> Result<PolicyView> {
    logged("set_policy_people", || {
        state.with(|w| w.set_policy_people(assessment_id, &policy_id, owner, approver, today()))
    })
}

#[tauri::command(async)]
#[specta::specta]
pub fn edit_policy_section(
    state: State<'_, AppState>,
    assessment_id: i64,
    policy_id: String,
    section_id: String,
    text: String,
) -> Result<PolicyView> {
    logged("edit_policy_section", || {
        state
            .with(|w| w.edit_policy_section(assessment_id, &policy_id, &section_id, &text, today()))
    })
}

/// Drops a section's edit: it reads as generated again.
#[tauri::command(async)]
#[specta::specta]
pub fn revert_policy_section(
    state: State<'_, AppState>,
    assessment_id: i64,
    policy_id: String,
    section_id: String,
) -> Result<PolicyView> {
    logged("revert_policy_section", || {
        state.with(|w| w.revert_policy_section(assessment_id, &policy_id, &section_id, today()))
    })
}

/// Keeps an edited section although the generated text under it changed.
#[tauri::command(async)]
#[specta::specta]
pub fn accept_policy_template(
    state: State<'_, AppState>,
    assessment_id: i64,
    policy_id: String,
    section_id: String,
) -> Result<PolicyView> {
    logged("accept_policy_template", || {
        state.with(|w| w.accept_policy_template(assessment_id, &policy_id, &section_id, today()))
    })
}

#[tauri::command(async)]
#[specta::specta]
pub fn set_policy_status(
    state: State<'_, AppState>,
    assessment_id: i64,
    policy_id: String,
    status: PolicyStatus,
    approved_on: Option<NaiveDate>,
    note: String,
) -> Result<PolicyView> {
    logged("set_policy_status", || {
        state.with(|w| {
            w.set_policy_status(
                assessment_id,
                &policy_id,
                status,
                approved_on,
                &note,
                today(),
            )
        })
    })
}

/// Saves one policy as PDF, Word or Markdown where the user chooses; the path written, or
/// `None` when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn export_policy(
    window: WebviewWindow,
    state: State<'_, AppState>,
    assessment_id: i64,
    policy_id: String,
    format: PolicyFormat,
) -> Result<Option<String>> {
    logged_async("export_policy", async {
        let file = state.with(|w| {
            w.policy_file(
                assessment_id,
                &policy_id,
                format,
                trustgap_workspace::clock::now(),
                today(),
            )
        })?;
        let filter = (format.label(), &[format.extension()][..]);
        let Some(path) = save_path(&window, &state, "Export policy", &file.name, filter).await
        else {
            return Ok(None);
        };
        let written = path.clone();
        tauri::async_runtime::spawn_blocking(move || write_atomically(&written, &file.bytes))
            .await
            .map_err(|e| ApiError::io(format!("The export was interrupted: {e}")))??;
        AppState::remember(&state.last_export, Some(path.clone()));
        Ok(Some(path.display().to_string()))
    })
    .await
}

/// Writes the whole pack (index and one file per policy) into a folder the user chooses; the
/// folder, or `None` when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn export_policy_pack(
    window: WebviewWindow,
    state: State<'_, AppState>,
    assessment_id: i64,
    format: PolicyFormat,
) -> Result<Option<String>> {
    logged_async("export_policy_pack", async {
        let title = "Choose a folder for the policy pack";
        let Some(dir) = folder_path(&window, &state, title, "policies").await else {
            return Ok(None);
        };
        let written = state.with(|w| {
            w.write_policy_pack(
                assessment_id,
                &dir,
                format,
                trustgap_workspace::clock::now(),
                today(),
            )
        })?;
        AppState::remember(&state.last_export, written.first().cloned());
        Ok(Some(dir.display().to_string()))
    })
    .await
}
