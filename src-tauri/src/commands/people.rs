//! Commands for a client's people and calendar, and the audit profile's warnings.

use super::logged;
use super::{today, AppState, Result};
use tauri::State;
use trustgap_domain::people::{ClientCalendar, Person, PersonInput};
use trustgap_domain::plan::AuditProfile;

/// The people of a client, by name.
#[tauri::command(async)]
#[specta::specta]
pub fn list_people(state: State<'_, AppState>, client_id: i64) -> Result<Vec<Person>> {
    logged("list_people", || state.with(|w| w.people(client_id)))
}

#[tauri::command(async)]
#[specta::specta]
pub fn add_person(
    state: State<'_, AppState>,
    client_id: i64,
    input: PersonInput,
) -> Result<Person> {
    logged("add_person", || {
        state.with(|w| w.add_person(client_id, &input))
    })
}

/// Changes a person; every answer and action they own follows.
#[tauri::command(async)]
#[specta::specta]
pub fn update_person(state: State<'_, AppState>, id: i64, input: PersonInput) -> Result<Person> {
    logged("update_person", || {
        state.with(|w| w.update_person(id, &input))
    })
}

/// Removes a person; what they owned goes to their role, as a role nobody holds yet.
#[tauri::command(async)]
#[specta::specta]
pub fn remove_person(state: State<'_, AppState>, id: i64) -> Result<()> {
    logged("remove_person", || state.with(|w| w.remove_person(id)))
}

#[tauri::command(async)]
#[specta::specta]
pub fn get_client_calendar(state: State<'_, AppState>, client_id: i64) -> Result<ClientCalendar> {
    logged("get_client_calendar", || {
        state.with(|w| w.client_calendar(client_id))
    })
}

#[tauri::command(async)]
#[specta::specta]
pub fn set_client_calendar(
    state: State<'_, AppState>,
    client_id: i64,
    calendar: ClientCalendar,
) -> Result<()> {
    logged("set_client_calendar", || {
        state.with(|w| w.set_client_calendar(client_id, &calendar))
    })
}

/// What to tell the user about an audit profile before saving it (a past date, a short
/// observation period); refused when the profile is invalid.
#[tauri::command(async)]
#[specta::specta]
pub fn audit_profile_warnings(profile: AuditProfile) -> Result<Vec<String>> {
    logged("audit_profile_warnings", || {
        trustgap_workspace::audit_profile_warnings(&profile, today())
    })
}
