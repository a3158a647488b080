//! Moving an assessment to a new version of the question bank: its answers replaced by those
//! carried through the bank's mapping, answers to questions that left the bank kept in
//! `retired_answers`, all in one transaction.

use super::responses::{cadence_str, owner_columns};
use super::{now, Result, Store, StoreError};
use rusqlite::params;
use trustgap_domain::assessment::{Answer, Response};
use trustgap_domain::catalog::RetiredAnswer;

impl Store {
    /// Assessments (trash included) answered against another bank version than `version`,
    /// with the version each was answered against.
    pub fn assessments_on_other_banks(&self, version: &str) -> Result<Vec<(i64, String)>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, catalog_version FROM assessments WHERE catalog_version <> ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([version], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Answers kept from questions that left the bank, by question id.
    pub fn retired_answers(&self, assessment_id: i64) -> Result<Vec<RetiredAnswer>> {
        let mut stmt = self.conn.prepare(
            "SELECT question_id, answer, note, reason, catalog_version FROM retired_answers \
             WHERE assessment_id = ?1 ORDER BY question_id",
        )?;
        let rows = stmt.query_map([assessment_id], |r| {
            let answer: Option<String> = r.get(1)?;
            Ok(RetiredAnswer {
                question_id: r.get(0)?,
                answer: answer.as_deref().and_then(Answer::parse),
                note: r.get(2)?,
                reason: r.get(3)?,
                catalog_version: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Moves an assessment to bank `version`: its answers become `responses` (each one whose
    /// answer is marked for review gets a history entry naming the bank), `retired` are kept
    /// aside, and the assessment records the new version. All or nothing.
    pub fn apply_bank_upgrade(
        &mut self,
        assessment_id: i64,
        version: &str,
        responses: &[Response],
        retired: &[RetiredAnswer],
    ) -> Result<()> {
        let mut rows = Vec::with_capacity(responses.len());
        for r in responses {
            let evidence = serde_json::to_string(&r.evidence)
                .map_err(|e| StoreError::Invalid(format!("evidence could not be stored: {e}")))?;
            rows.push((r, evidence));
        }
        let assessor = format!("Question bank {version}");
        self.write(|tx| {
            let t = now();
            tx.execute(
                "DELETE FROM responses WHERE assessment_id = ?1",
                [assessment_id],
            )?;
            for (r, evidence) in &rows {
                let (person, role) = owner_columns(r.owner.as_ref());
                let answer = r.answer.map(Answer::as_str);
                tx.execute(
                    "INSERT INTO responses (assessment_id, question_id, answer, note, updated_at, \
                     flagged, owner_person, owner_role, evidence, needs_review, since, cadence, \
                     verified) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                    params![
                        assessment_id,
                        r.question_id,
                        answer,
                        r.note,
                        r.updated_at,
                        r.flagged,
                        person,
                        role,
                        evidence,
                        r.needs_review,
                        r.since,
                        r.cadence.map(cadence_str),
                        r.verified
                    ],
                )?;
                if r.needs_review {
                    tx.execute(
                        "INSERT INTO response_history (assessment_id, question_id, answer, note, \
                         assessor, changed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                        params![assessment_id, r.question_id, answer, r.note, assessor, t],
                    )?;
                }
            }
            for a in retired {
                tx.execute(
                    "INSERT OR REPLACE INTO retired_answers (assessment_id, question_id, answer, \
                     note, reason, catalog_version, retired_at) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![
                        assessment_id,
                        a.question_id,
                        a.answer.map(Answer::as_str),
                        a.note,
                        a.reason,
                        a.catalog_version,
                        t
                    ],
                )?;
            }
            tx.execute(
                "UPDATE assessments SET catalog_version = ?2 WHERE id = ?1",
                params![assessment_id, version],
            )?;
            Ok(())
        })
    }
}
