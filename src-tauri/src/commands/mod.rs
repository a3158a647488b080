//! Tauri commands: each one unwraps the managed workspace and delegates to [`Workspace`].
//!
//! All commands are async (run off the main thread) and return `Result<_, ApiError>`. The UI never
//! hands the backend a path: exports choose their destination with the native dialog here.

mod answers;
mod branding;
mod data;
mod dialog;
mod evidence;
mod export;
mod people;
mod policies;
mod register;
mod register_export;
mod registry;
mod requests;
mod state;

pub(crate) use evidence::window_drop;
pub use registry::{builder, typescript_bindings};
pub use state::AppState;

use tauri::State;
use trustgap_domain::catalog::{Catalog, Recommendation};
use trustgap_domain::plan::{AuditProfile, Plan};
use trustgap_domain::snapshot::{Comparison, SnapshotInfo};
use trustgap_workspace::{
    AnswerSaved, ApiError, AppInfo, AssessmentDetail, AssessmentSummary, Client, HistoryEntry,
    NewAssessmentInput, Overview, SaveAnswerInput, UpdateActionInput, UpdateDetailsInput,
};

type Result<T> = std::result::Result<T, ApiError>;

pub(crate) use trustgap_workspace::diagnostics::logged;

/// [`logged`] for the commands that wait on a dialog.
pub(crate) async fn logged_async<T>(
    command: &str,
    work: impl std::future::Future<Output = Result<T>>,
) -> Result<T> {
    let started = std::time::Instant::now();
    let outcome = work.await;
    trustgap_workspace::diagnostics::record(command, started, &outcome);
    outcome
}

/// Versions, system, the log's path and its last lines, for the user to paste into a support
/// request ("Copy diagnostics"). Holds no answer text.
#[tauri::command(async)]
#[specta::specta]
pub fn diagnostics(state: State<'_, AppState>) -> Result<String> {
    logged("diagnostics", || {
        Ok(trustgap_workspace::diagnostics::diagnostics(
            &state.data_dir,
        ))
    })
}

/// Version, catalog version and where the data lives.
#[tauri::command(async)]
#[specta::specta]
pub fn app_info(state: State<'_, AppState>) -> Result<AppInfo> {
    logged("app_info", || state.info())
}

/// The UI has rendered its first screen and can be used.
///
/// Only the start-up benchmark listens: with `TRUSTGAP_READY_PROBE` set, the app prints one
/// `ready` line on stdout at that moment, so start-up is timed to an interactive screen rather
/// than to a window that is still loading.
#[tauri::command(async)]
#[specta::specta]
pub fn ui_ready() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    if std::env::var_os(crate::READY_PROBE_ENV).is_some_and(|v| !v.is_empty()) {
        ONCE.call_once(|| {
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            let _ = writeln!(out, "ready").and_then(|()| out.flush());
        });
    }
}

/// The whole question bank (sent once; the UI indexes it).
#[tauri::command(async)]
#[specta::specta]
pub fn get_catalog() -> Result<Catalog> {
    logged("get_catalog", || {
        trustgap_domain::catalog::embedded()
            .cloned()
            .map_err(ApiError::from)
    })
}

/// Optional categories recommended by the scoping questions answered "yes", with reasons.
#[tauri::command(async)]
#[specta::specta]
pub fn recommend_scope(yes: Vec<String>) -> Result<Vec<Recommendation>> {
    logged("recommend_scope", || {
        let catalog = trustgap_domain::catalog::embedded().map_err(ApiError::from)?;
        Ok(trustgap_domain::catalog::recommend(catalog, &yes)?)
    })
}

#[tauri::command(async)]
#[specta::specta]
pub fn workspace_overview(state: State<'_, AppState>) -> Result<Overview> {
    logged("workspace_overview", || state.with(|w| w.overview()))
}

#[tauri::command(async)]
#[specta::specta]
pub fn create_client(state: State<'_, AppState>, name: String) -> Result<Client> {
    logged("create_client", || state.with(|w| w.create_client(&name)))
}

#[tauri::command(async)]
#[specta::specta]
pub fn create_assessment(
    state: State<'_, AppState>,
    input: NewAssessmentInput,
) -> Result<AssessmentSummary> {
    logged("create_assessment", || {
        state.with(|w| w.create_assessment(&input))
    })
}

#[tauri::command(async)]
#[specta::specta]
pub fn open_assessment(state: State<'_, AppState>, id: i64) -> Result<AssessmentDetail> {
    logged("open_assessment", || state.with(|w| w.open_assessment(id)))
}

#[tauri::command(async)]
#[specta::specta]
pub fn save_answer(state: State<'_, AppState>, input: SaveAnswerInput) -> Result<AnswerSaved> {
    logged("save_answer", || state.with(|w| w.save_answer(&input)))
}

/// Creates the fully answered sample assessment and returns it.
#[tauri::command(async)]
#[specta::specta]
pub fn create_sample_assessment(state: State<'_, AppState>) -> Result<AssessmentSummary> {
    logged("create_sample_assessment", || {
        state.with(|w| w.create_sample(today()))
    })
}

/// Renames an assessment and replaces its company profile and scope.
#[tauri::command(async)]
#[specta::specta]
pub fn update_assessment_details(
    state: State<'_, AppState>,
    input: UpdateDetailsInput,
) -> Result<AssessmentSummary> {
    logged("update_assessment_details", || {
        state.with(|w| w.update_details(&input))
    })
}

#[tauri::command(async)]
#[specta::specta]
pub fn set_archived(
    state: State<'_, AppState>,
    id: i64,
    archived: bool,
) -> Result<AssessmentSummary> {
    logged("set_archived", || {
        state.with(|w| w.set_archived(id, archived))
    })
}

/// Moves an assessment to the trash (`true`) or restores it (`false`).
#[tauri::command(async)]
#[specta::specta]
pub fn set_trashed(
    state: State<'_, AppState>,
    id: i64,
    trashed: bool,
) -> Result<AssessmentSummary> {
    logged("set_trashed", || state.with(|w| w.set_trashed(id, trashed)))
}

/// Deletes an assessment in the trash for good.
#[tauri::command(async)]
#[specta::specta]
pub fn purge_assessment(state: State<'_, AppState>, id: i64) -> Result<()> {
    logged("purge_assessment", || state.with(|w| w.purge(id)))
}

/// Starts a re-assessment: answers carried over and marked for review.
#[tauri::command(async)]
#[specta::specta]
pub fn reassess(state: State<'_, AppState>, id: i64, name: String) -> Result<AssessmentSummary> {
    logged("reassess", || state.with(|w| w.reassess(id, &name)))
}

#[tauri::command(async)]
#[specta::specta]
pub fn rename_client(state: State<'_, AppState>, id: i64, name: String) -> Result<Client> {
    logged("rename_client", || {
        state.with(|w| w.rename_client(id, &name))
    })
}

/// Deletes a client that has no assessment left.
#[tauri::command(async)]
#[specta::specta]
pub fn delete_client(state: State<'_, AppState>, id: i64) -> Result<()> {
    logged("delete_client", || state.with(|w| w.delete_client(id)))
}

/// The gap register and the remediation plan, scheduled from today.
#[tauri::command(async)]
#[specta::specta]
pub fn get_plan(state: State<'_, AppState>, id: i64) -> Result<Plan> {
    logged("get_plan", || state.with(|w| w.plan(id, today())))
}

/// Saves the user's changes to one action and returns the rebuilt plan.
#[tauri::command(async)]
#[specta::specta]
pub fn update_action(state: State<'_, AppState>, input: UpdateActionInput) -> Result<Plan> {
    logged("update_action", || {
        state.with(|w| w.update_action(&input, today()))
    })
}

#[tauri::command(async)]
#[specta::specta]
pub fn set_audit_profile(
    state: State<'_, AppState>,
    id: i64,
    profile: AuditProfile,
) -> Result<AssessmentSummary> {
    logged("set_audit_profile", || {
        state.with(|w| w.set_audit_profile(id, &profile))
    })
}

/// The assessment's cost assumptions (day rate, external costs) the board brief prices with.
#[tauri::command(async)]
#[specta::specta]
pub fn get_cost_assumptions(
    state: State<'_, AppState>,
    id: i64,
) -> Result<trustgap_domain::costs::CostAssumptions> {
    logged("get_cost_assumptions", || {
        state.with(|w| w.cost_assumptions(id))
    })
}

/// Checks and saves the assessment's cost assumptions; returns them as stored.
#[tauri::command(async)]
#[specta::specta]
pub fn save_cost_assumptions(
    state: State<'_, AppState>,
    id: i64,
    costs: trustgap_domain::costs::CostAssumptions,
) -> Result<trustgap_domain::costs::CostAssumptions> {
    logged("save_cost_assumptions", || {
        state.with(|w| w.save_cost_assumptions(id, &costs))
    })
}

/// Freezes the assessment's answers under a label, for later comparison.
#[tauri::command(async)]
#[specta::specta]
pub fn take_snapshot(state: State<'_, AppState>, id: i64, label: String) -> Result<SnapshotInfo> {
    logged("take_snapshot", || {
        state.with(|w| w.take_snapshot(id, &label))
    })
}

#[tauri::command(async)]
#[specta::specta]
pub fn list_snapshots(state: State<'_, AppState>, id: i64) -> Result<Vec<SnapshotInfo>> {
    logged("list_snapshots", || state.with(|w| w.snapshots(id)))
}

/// The current answers against a snapshot: deltas, gaps closed and opened.
#[tauri::command(async)]
#[specta::specta]
pub fn compare_snapshot(
    state: State<'_, AppState>,
    id: i64,
    snapshot_id: i64,
) -> Result<Comparison> {
    logged("compare_snapshot", || {
        state.with(|w| w.compare_with_snapshot(id, snapshot_id))
    })
}

/// Every change to one question's answer, oldest first.
#[tauri::command(async)]
#[specta::specta]
pub fn question_history(
    state: State<'_, AppState>,
    id: i64,
    question_id: String,
) -> Result<Vec<HistoryEntry>> {
    logged("question_history", || {
        state.with(|w| w.question_history(id, &question_id))
    })
}

/// The user's calendar day: plans are dated in local time (fixed by `SOURCE_DATE_EPOCH`).
fn today() -> chrono::NaiveDate {
    trustgap_workspace::clock::today()
}

pub use export::export_summary_pdf;
