//! The `management_responses` table: management's response to each finding, by question.

use super::{now, Result, Store};
use rusqlite::params;
use trustgap_domain::signoff::{ManagementResponse, ResponseKind};

impl Store {
    /// Every response of an assessment, by question id.
    pub fn management_responses(&self, assessment_id: i64) -> Result<Vec<ManagementResponse>> {
        let mut stmt = self.conn.prepare(
            "SELECT question_id, kind, text FROM management_responses WHERE assessment_id = ?1 \
             ORDER BY question_id",
        )?;
        let rows = stmt.query_map([assessment_id], |r| {
            let kind: String = r.get(1)?;
            Ok(ManagementResponse {
                question_id: r.get(0)?,
                // The CHECK constraint keeps other spellings out of the table.
                kind: ResponseKind::parse(&kind).unwrap_or(ResponseKind::PlannedAction),
                text: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Saves a response (checked here: a reason is required to accept or dispute).
    pub fn save_management_response(
        &mut self,
        assessment_id: i64,
        response: &ManagementResponse,
    ) -> Result<ManagementResponse> {
        let r = response.cleaned()?;
        self.assessment(assessment_id)?;
        self.write(|tx| {
            tx.execute(
                "INSERT INTO management_responses (assessment_id, question_id, kind, text, \
                 updated_at) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (assessment_id, question_id) \
                 DO UPDATE SET kind = excluded.kind, text = excluded.text, \
                 updated_at = excluded.updated_at",
                params![assessment_id, r.question_id, r.kind.as_str(), r.text, now()],
            )?;
            Ok(())
        })?;
        Ok(r)
    }

    pub fn delete_management_response(&mut self, assessment_id: i64, question: &str) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "DELETE FROM management_responses WHERE assessment_id = ?1 AND question_id = ?2",
                params![assessment_id, question],
            )?;
            Ok(())
        })
    }
}
