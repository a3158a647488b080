//! `trustgap import-answers`: a filled-in questionnaire back into an assessment, all or nothing.

use super::run::print_out;
use std::path::Path;
use trustgap_workspace::{AnswersImport, ApiError, Workspace, WorkspaceLock};

pub(super) fn import_answers(
    data_dir: &Path,
    assessment: i64,
    file: &Path,
    check: bool,
) -> Result<(), ApiError> {
    let summary = if check {
        let ws = Workspace::open(data_dir)?;
        let preview = ws.preview_answers_import(assessment, file)?;
        if !preview.problems.is_empty() {
            return Err(preview.refusal());
        }
        preview
    } else {
        let _lock = WorkspaceLock::acquire(data_dir)?;
        let mut ws = Workspace::open(data_dir)?;
        ws.import_answers(assessment, file)?
    };
    print_out(&describe(&summary, check))
}

/// "imported from F: 3 changed, 40 unchanged, 2 skipped (no answer)", then one line per change.
fn describe(s: &AnswersImport, check: bool) -> String {
    let verb = if check { "would import" } else { "imported" };
    let mut text = format!(
        "{verb} from {}: {} changed, {} unchanged, {} skipped (no answer)",
        s.file_name, s.changed, s.unchanged, s.skipped
    );
    for c in &s.changes {
        let label = |a: Option<trustgap_domain::assessment::Answer>| {
            a.map_or("not answered", |a| a.label())
        };
        text.push_str(&format!(
            "\n  {}: {} -> {}",
            c.question_id,
            label(c.before),
            label(c.after)
        ));
    }
    text
}
