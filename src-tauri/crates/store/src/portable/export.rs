//! Building a `.trustgap` file: the chosen assessments and everything of theirs, copied from the
//! workspace into a fresh database of the same schema.

use super::{evidence, register};
use crate::{migrations, Result, Store};
use rusqlite::Connection;
use std::path::Path;

/// Writes the export of `ids` into the new database file `path` (a scratch file: no journal;
/// on failure the caller removes it).
pub(super) fn build_export(
    store: &Store,
    ids: &[i64],
    path: &Path,
    include_register: bool,
) -> Result<()> {
    let out = Connection::open(path)?;
    out.pragma_update(None, "journal_mode", "OFF")?;
    migrations::migrate(&out, migrations::ALL)?;
    let src = store.path.to_string_lossy().into_owned();
    out.execute("ATTACH DATABASE ?1 AS src", [src])?;
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    out.execute_batch(&format!(
        "BEGIN;
         INSERT INTO clients SELECT * FROM src.clients WHERE id IN
           (SELECT client_id FROM src.assessments WHERE id IN ({list}));
         INSERT INTO people SELECT * FROM src.people WHERE client_id IN (SELECT id FROM clients);
         INSERT INTO assessments SELECT * FROM src.assessments WHERE id IN ({list});
         UPDATE assessments SET based_on = NULL WHERE based_on NOT IN ({list});
         INSERT INTO responses SELECT * FROM src.responses WHERE assessment_id IN ({list});
         INSERT INTO response_history SELECT * FROM src.response_history WHERE assessment_id IN ({list});
         INSERT INTO snapshots SELECT * FROM src.snapshots WHERE assessment_id IN ({list});
         INSERT INTO snapshot_responses SELECT * FROM src.snapshot_responses WHERE snapshot_id IN
           (SELECT id FROM snapshots);
         INSERT INTO plan_edits SELECT * FROM src.plan_edits WHERE assessment_id IN ({list});
         INSERT INTO retired_answers SELECT * FROM src.retired_answers
           WHERE assessment_id IN ({list});
         INSERT INTO cost_assumptions SELECT * FROM src.cost_assumptions
           WHERE assessment_id IN ({list});
         INSERT INTO client_branding SELECT * FROM src.client_branding
           WHERE client_id IN (SELECT id FROM clients);
         INSERT INTO document_versions SELECT * FROM src.document_versions
           WHERE assessment_id IN ({list});
         INSERT INTO approvers SELECT * FROM src.approvers WHERE assessment_id IN ({list});
         INSERT INTO management_responses SELECT * FROM src.management_responses
           WHERE assessment_id IN ({list});
         INSERT INTO policy_records SELECT * FROM src.policy_records
           WHERE assessment_id IN ({list});
         INSERT INTO policy_section_edits SELECT * FROM src.policy_section_edits
           WHERE assessment_id IN ({list});
         INSERT INTO policy_revisions SELECT * FROM src.policy_revisions
           WHERE assessment_id IN ({list});
         INSERT INTO policy_parameters SELECT * FROM src.policy_parameters
           WHERE assessment_id IN ({list});
         INSERT INTO settings VALUES ('portable.exported_at', datetime('now'));"
    ))?;
    register::export(&out, &list, include_register)?;
    evidence::export(&out, &list)?;
    out.execute_batch("COMMIT;")?;
    out.execute("DETACH DATABASE src", [])?;
    Ok(())
}
