//! The `plan_edits` table: what the user changed on remediation actions, by remediation key.

use super::{now, Result, Store};
use rusqlite::params;
use std::collections::BTreeMap;
use trustgap_domain::plan::{ActionEdit, ActionStatus};

impl Store {
    /// Every edit of an assessment's plan, by remediation key.
    pub fn plan_edits(&self, assessment_id: i64) -> Result<BTreeMap<String, ActionEdit>> {
        let mut stmt = self.conn.prepare(
            "SELECT remediation_key, owner, start_date, due_date, status, justification, notes \
             FROM plan_edits WHERE assessment_id = ?1",
        )?;
        let rows = stmt.query_map([assessment_id], |r| {
            let status: Option<String> = r.get(4)?;
            Ok((
                r.get::<_, String>(0)?,
                ActionEdit {
                    owner: r.get(1)?,
                    start: r.get(2)?,
                    due: r.get(3)?,
                    // The CHECK constraint keeps unknown spellings out of the table.
                    status: status.as_deref().and_then(ActionStatus::parse),
                    justification: r.get(5)?,
                    notes: r.get(6)?,
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Replaces the edit of one action. The caller validates it against the catalog.
    pub fn save_plan_edit(
        &mut self,
        assessment_id: i64,
        key: &str,
        edit: &ActionEdit,
    ) -> Result<()> {
        self.assessment(assessment_id)?;
        self.write(|tx| {
            tx.execute(
                "INSERT INTO plan_edits (assessment_id, remediation_key, owner, start_date, \
                 due_date, status, justification, notes, updated_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) \
                 ON CONFLICT (assessment_id, remediation_key) DO UPDATE SET \
                 owner = excluded.owner, start_date = excluded.start_date, \
                 due_date = excluded.due_date, status = excluded.status, \
                 justification = excluded.justification, notes = excluded.notes, \
                 updated_at = excluded.updated_at",
                params![
                    assessment_id,
                    key,
                    edit.owner,
                    edit.start,
                    edit.due,
                    edit.status.map(ActionStatus::as_str),
                    edit.justification,
                    edit.notes,
                    now()
                ],
            )?;
            Ok(())
        })
    }
}
