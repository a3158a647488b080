//! The questionnaire round trip's way back: pick a filled-in questionnaire (native open dialog,
//! on the Rust side), see what it would change or which rows need fixing, then import it.

use super::dialog::open_path;
use super::{logged, logged_async};
use super::{AppState, Result};
use tauri::{State, WebviewWindow};
use trustgap_workspace::{AnswersImport, ApiError};

const QUESTIONNAIRES: (&str, &[&str]) = ("Questionnaire (Excel or CSV)", &["xlsx", "csv"]);

/// Lets the user pick a questionnaire for assessment `id` and checks it without saving: what it
/// would change, or every row that stops it. `None` when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn choose_answers_file(
    window: WebviewWindow,
    state: State<'_, AppState>,
    id: i64,
) -> Result<Option<AnswersImport>> {
    logged_async("choose_answers_file", async {
        let Some(path) = open_path(&window, &state, "Import answers", QUESTIONNAIRES).await else {
            return Ok(None);
        };
        let preview = state.with(|w| w.preview_answers_import(id, &path))?;
        AppState::remember(&state.pending_answers, Some((id, path)));
        Ok(Some(preview))
    })
    .await
}

/// Imports the questionnaire chosen with `choose_answers_file` into the same assessment, all or
/// nothing; returns what changed.
#[tauri::command(async)]
#[specta::specta]
pub fn import_chosen_answers(state: State<'_, AppState>, id: i64) -> Result<AnswersImport> {
    logged("import_chosen_answers", || {
        let (chosen_for, path) = AppState::recall(&state.pending_answers)
            .ok_or_else(|| ApiError::validation("Choose a questionnaire to import first."))?;
        if chosen_for != id {
            return Err(ApiError::validation(
                "That questionnaire was chosen for another assessment: choose it again.",
            ));
        }
        let summary = state.with(|w| w.import_answers(id, &path))?;
        AppState::remember(&state.pending_answers, None);
        Ok(summary)
    })
}
