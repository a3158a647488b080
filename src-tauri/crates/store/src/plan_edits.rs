//! The `plan_edits` table: what the user changed on remediation actions, by remediation key.

use super::responses::{owner_columns, owner_from};
use super::{now, Result, Store};
use rusqlite::params;
use std::collections::BTreeMap;
use trustgap_domain::plan::{ActionEdit, ActionStatus};

impl Store {
    /// Every edit of an assessment's plan, by remediation key.
    pub fn plan_edits(&self, assessment_id: i64) -> Result<BTreeMap<String, ActionEdit>> {
        let mut stmt = self.conn.prepare(
            "SELECT remediation_key, owner_person, owner_role, start_date, due_date, status, \
             justification, notes FROM plan_edits WHERE assessment_id = ?1",
        )?;
        let rows = stmt.query_map([assessment_id], |r| {
            let status: Option<String> = r.get(5)?;
            Ok((
                r.get::<_, String>(0)?,
                ActionEdit {
                    owner: owner_from(r.get(1)?, r.get(2)?),
                    start: r.get(3)?,
                    due: r.get(4)?,
                    // The CHECK constraint keeps unknown spellings out of the table.
                    status: status.as_deref().and_then(ActionStatus::parse),
                    justification: r.get(6)?,
                    notes: r.get(7)?,
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
        let (person, role) = owner_columns(edit.owner.as_ref());
        self.write(|tx| {
            tx.execute(
                "INSERT INTO plan_edits (assessment_id, remediation_key, owner_person, owner_role, \
                 start_date, due_date, status, justification, notes, updated_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) \
                 ON CONFLICT (assessment_id, remediation_key) DO UPDATE SET \
                 owner_person = excluded.owner_person, owner_role = excluded.owner_role, \
                 start_date = excluded.start_date, \
                 due_date = excluded.due_date, status = excluded.status, \
                 justification = excluded.justification, notes = excluded.notes, \
                 updated_at = excluded.updated_at",
                params![
                    assessment_id,
                    key,
                    person,
                    role,
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
