//! Commands for an assessment's policies: the pack, its parameters, edits and approvals.

use super::logged;
use super::{today, AppState, Result};
use chrono::NaiveDate;
use tauri::State;
use trustgap_domain::policy::{Contradiction, PolicyParameterView, PolicyStatus, PolicyView};

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
