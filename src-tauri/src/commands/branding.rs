//! Commands for white-label branding (the workspace's and a client's override, the logo chosen
//! through the native dialog) and document control: approvers, management responses and the
//! versions each export adds.

use super::dialog::open_path;
use super::{logged, logged_async, AppState, Result};
use tauri::{State, WebviewWindow};
use trustgap_domain::signoff::{Approver, DocumentKind, DocumentVersion, ManagementResponse};
use trustgap_workspace::{BrandingInput, BrandingView};

const IMAGES: (&str, &[&str]) = ("PNG or JPEG image", &["png", "jpg", "jpeg"]);

/// The workspace's branding (`client_id` null) or a client's override.
#[tauri::command(async)]
#[specta::specta]
pub fn get_branding(state: State<'_, AppState>, client_id: Option<i64>) -> Result<BrandingView> {
    logged("get_branding", || state.with(|w| w.branding(client_id)))
}

/// Changes the text fields of the branding (each kept, set or cleared).
#[tauri::command(async)]
#[specta::specta]
pub fn set_branding(
    state: State<'_, AppState>,
    client_id: Option<i64>,
    input: BrandingInput,
) -> Result<BrandingView> {
    logged("set_branding", || {
        state.with(|w| w.set_branding(client_id, &input))
    })
}

/// Resets the branding (a client then inherits everything from the workspace).
#[tauri::command(async)]
#[specta::specta]
pub fn clear_branding(state: State<'_, AppState>, client_id: Option<i64>) -> Result<BrandingView> {
    logged("clear_branding", || {
        state.with(|w| w.clear_branding(client_id))
    })
}

/// Asks for a logo file and sets it; `None` when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn choose_logo(
    window: WebviewWindow,
    state: State<'_, AppState>,
    client_id: Option<i64>,
) -> Result<Option<BrandingView>> {
    logged_async("choose_logo", async {
        let Some(path) = open_path(&window, &state, "Choose a logo", IMAGES).await else {
            return Ok(None);
        };
        state.with(|w| w.set_logo_file(client_id, &path)).map(Some)
    })
    .await
}

#[tauri::command(async)]
#[specta::specta]
pub fn list_approvers(state: State<'_, AppState>, id: i64) -> Result<Vec<Approver>> {
    logged("list_approvers", || state.with(|w| w.approvers(id)))
}

/// Replaces the approvers printed on the sign-off page.
#[tauri::command(async)]
#[specta::specta]
pub fn set_approvers(
    state: State<'_, AppState>,
    id: i64,
    approvers: Vec<Approver>,
) -> Result<Vec<Approver>> {
    logged("set_approvers", || {
        state.with(|w| w.set_approvers(id, &approvers))
    })
}

#[tauri::command(async)]
#[specta::specta]
pub fn list_management_responses(
    state: State<'_, AppState>,
    id: i64,
) -> Result<Vec<ManagementResponse>> {
    logged("list_management_responses", || {
        state.with(|w| w.management_responses(id))
    })
}

/// Records management's response to a finding (a reason is required to accept or dispute).
#[tauri::command(async)]
#[specta::specta]
pub fn save_management_response(
    state: State<'_, AppState>,
    id: i64,
    response: ManagementResponse,
) -> Result<ManagementResponse> {
    logged("save_management_response", || {
        state.with(|w| w.save_management_response(id, &response))
    })
}

#[tauri::command(async)]
#[specta::specta]
pub fn delete_management_response(
    state: State<'_, AppState>,
    id: i64,
    question_id: String,
) -> Result<()> {
    logged("delete_management_response", || {
        state.with(|w| w.delete_management_response(id, &question_id))
    })
}

/// The issued versions of one document of an assessment, oldest first.
#[tauri::command(async)]
#[specta::specta]
pub fn list_document_versions(
    state: State<'_, AppState>,
    id: i64,
    kind: DocumentKind,
) -> Result<Vec<DocumentVersion>> {
    logged("list_document_versions", || {
        state.with(|w| w.document_versions(id, kind))
    })
}
