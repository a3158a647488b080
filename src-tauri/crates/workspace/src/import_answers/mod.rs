//! Importing a filled-in questionnaire (`.xlsx` or `.csv`) back into an assessment: every row
//! checked first, then all the changed answers saved in one transaction, or nothing at all.
//! Each changed answer's history names the file it came from.

mod check;
pub(crate) mod read;
pub(crate) mod table_file;

pub use read::{MAX_FILE_BYTES, MAX_ROWS};

use super::{ApiError, Result, Workspace};
use serde::Serialize;
use specta::Type;
use std::path::Path;
use trustgap_domain::assessment::Answer;

/// A row of the file that cannot be imported, and what to change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct RowProblem {
    /// The spreadsheet row number (the header is row 1).
    pub row: u32,
    pub message: String,
}

/// One answer the import changes.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct AnswerChange {
    pub question_id: String,
    pub before: Option<Answer>,
    pub after: Option<Answer>,
}

/// What a questionnaire file would change (a preview) or changed (after the import).
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct AnswersImport {
    pub file_name: String,
    /// Answers that differ from the stored ones (saved, with a history entry each).
    pub changed: u32,
    /// Rows whose answer and notes are the same as stored: nothing saved, no history.
    pub unchanged: u32,
    /// Rows with no answer chosen: left as they are.
    pub skipped: u32,
    pub changes: Vec<AnswerChange>,
    /// Rows that stop the import; when there is any, nothing is imported.
    pub problems: Vec<RowProblem>,
}

impl AnswersImport {
    /// The refusal as one message: a sentence, then every bad row on its own line.
    pub fn refusal(&self) -> ApiError {
        let n = self.problems.len();
        let mut message = format!(
            "Nothing was imported from {}: {n} {} to be fixed first.",
            self.file_name,
            if n == 1 { "row needs" } else { "rows need" }
        );
        for p in &self.problems {
            message.push_str(&format!("\nRow {}: {}", p.row, p.message));
        }
        ApiError::validation(message)
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

impl Workspace {
    /// Reads and checks a questionnaire file against an assessment without saving anything.
    /// File-level problems (not a workbook, too large, no questionnaire sheet, a missing
    /// column) are errors; row problems are listed in the result.
    pub fn preview_answers_import(&self, id: i64, path: &Path) -> Result<AnswersImport> {
        let (summary, _) = self.check_answers_file(id, path)?;
        Ok(summary)
    }

    /// Imports a questionnaire file: all of it, or, when any row has a problem, nothing (the
    /// error lists every bad row). Returns what changed.
    pub fn import_answers(&mut self, id: i64, path: &Path) -> Result<AnswersImport> {
        let (summary, changes) = self.check_answers_file(id, path)?;
        if !summary.problems.is_empty() {
            return Err(summary.refusal());
        }
        if !changes.is_empty() {
            let source = format!("Imported from {}", summary.file_name);
            self.store.save_responses(id, &changes, &source)?;
        }
        Ok(summary)
    }

    fn check_answers_file(
        &self,
        id: i64,
        path: &Path,
    ) -> Result<(AnswersImport, Vec<trustgap_domain::assessment::Response>)> {
        let record = self.store.assessment(id)?;
        let table = read::read_file(path)?;
        let current = self.store.responses(id)?;
        let checked = check::check(&table, self.catalog, record.scope.categories(), &current)?;
        let changes = checked
            .changes
            .iter()
            .zip(&checked.before)
            .map(|(r, before)| AnswerChange {
                question_id: r.question_id.clone(),
                before: *before,
                after: r.answer,
            })
            .collect();
        Ok((
            AnswersImport {
                file_name: file_name(path),
                changed: u32::try_from(checked.changes.len()).unwrap_or(u32::MAX),
                unchanged: checked.unchanged,
                skipped: checked.skipped,
                changes,
                problems: checked.problems,
            },
            checked.changes,
        ))
    }
}
