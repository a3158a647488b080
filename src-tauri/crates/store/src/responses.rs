//! The `responses` table: one row per answered question of an assessment.

use super::{now, Result, Store, StoreError};
use rusqlite::params;
use trustgap_domain::assessment::{check_response, Answer, Response};

impl Store {
    /// Saves one answer with its note, flag, owner and evidence durably, with a history entry
    /// naming `assessor`, and records the question as where the user left off. Saving marks a
    /// carried-over answer as reviewed. Returns the stored response.
    ///
    /// The caller checks that the question belongs to the assessment's catalog and scope; the
    /// store checks the assessment exists and the lengths.
    pub fn save_response(
        &mut self,
        assessment_id: i64,
        r: &Response,
        assessor: &str,
    ) -> Result<Response> {
        check_response(r)?;
        let evidence = serde_json::to_string(&r.evidence)
            .map_err(|e| StoreError::Invalid(format!("evidence could not be stored: {e}")))?;
        let t = now();
        let answer = r.answer.map(Answer::as_str);
        // Saves run on every keystroke-sized change: cached statements, one commit, and the
        // assessment's existence checked by the update that records the resume point.
        self.write(|tx| {
            let found = tx
                .prepare_cached(
                    "UPDATE assessments SET updated_at = ?2, last_question = ?3 WHERE id = ?1",
                )?
                .execute(params![assessment_id, t, r.question_id])?;
            if found == 0 {
                return Err(StoreError::NotFound(format!("Assessment {assessment_id}")));
            }
            tx.prepare_cached(
                "INSERT INTO responses (assessment_id, question_id, answer, note, updated_at, \
                 flagged, owner, evidence, needs_review) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0) \
                 ON CONFLICT (assessment_id, question_id) DO UPDATE SET \
                 answer = excluded.answer, note = excluded.note, updated_at = excluded.updated_at, \
                 flagged = excluded.flagged, owner = excluded.owner, evidence = excluded.evidence, \
                 needs_review = 0",
            )?
            .execute(params![
                assessment_id,
                r.question_id,
                answer,
                r.note,
                t,
                r.flagged,
                r.owner.trim(),
                evidence
            ])?;
            tx.prepare_cached(
                "INSERT INTO response_history \
                 (assessment_id, question_id, answer, note, assessor, changed_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                assessment_id,
                r.question_id,
                answer,
                r.note,
                assessor,
                t
            ])?;
            Ok(())
        })?;
        Ok(Response {
            owner: r.owner.trim().to_owned(),
            updated_at: t,
            needs_review: false,
            ..r.clone()
        })
    }

    /// Every stored response of an assessment, by question id.
    pub fn responses(&self, assessment_id: i64) -> Result<Vec<Response>> {
        let mut stmt = self.conn.prepare(
            "SELECT question_id, answer, note, updated_at, flagged, owner, evidence, needs_review \
             FROM responses WHERE assessment_id = ?1 ORDER BY question_id",
        )?;
        let rows = stmt.query_map([assessment_id], |r| {
            let answer: Option<String> = r.get(1)?;
            let evidence: String = r.get(6)?;
            Ok(Response {
                question_id: r.get(0)?,
                // The CHECK constraint keeps unknown spellings out of the table.
                answer: answer.as_deref().and_then(Answer::parse),
                note: r.get(2)?,
                updated_at: r.get(3)?,
                flagged: r.get(4)?,
                owner: r.get(5)?,
                // Written by save_response only; an unreadable list reads as empty.
                evidence: serde_json::from_str(&evidence).unwrap_or_default(),
                needs_review: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// What a list of assessments needs of one response: no notes or evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerMark {
    pub question_id: String,
    pub answer: Option<Answer>,
    pub flagged: bool,
    pub needs_review: bool,
}

impl Store {
    /// The answer marks of every assessment in the workspace, by assessment id, in one query.
    pub fn answer_marks(&self) -> Result<std::collections::HashMap<i64, Vec<AnswerMark>>> {
        let mut stmt = self.conn.prepare(
            "SELECT assessment_id, question_id, answer, flagged, needs_review FROM responses",
        )?;
        let mut rows = stmt.query([])?;
        let mut marks: std::collections::HashMap<i64, Vec<AnswerMark>> = Default::default();
        while let Some(r) = rows.next()? {
            let answer: Option<String> = r.get(2)?;
            marks.entry(r.get(0)?).or_default().push(AnswerMark {
                question_id: r.get(1)?,
                answer: answer.as_deref().and_then(Answer::parse),
                flagged: r.get(3)?,
                needs_review: r.get(4)?,
            });
        }
        Ok(marks)
    }
}

/// One past state of a question's answer.
#[derive(Debug, Clone, PartialEq, serde::Serialize, specta::Type)]
pub struct HistoryEntry {
    pub answer: Option<Answer>,
    pub note: String,
    pub assessor: String,
    pub changed_at: String,
}

impl Store {
    /// Every change to one question's answer, oldest first.
    pub fn history(&self, assessment_id: i64, question_id: &str) -> Result<Vec<HistoryEntry>> {
        let mut stmt = self.conn.prepare(
            "SELECT answer, note, assessor, changed_at FROM response_history \
             WHERE assessment_id = ?1 AND question_id = ?2 ORDER BY id",
        )?;
        let rows = stmt.query_map(params![assessment_id, question_id], |r| {
            let answer: Option<String> = r.get(0)?;
            Ok(HistoryEntry {
                answer: answer.as_deref().and_then(Answer::parse),
                note: r.get(1)?,
                assessor: r.get(2)?,
                changed_at: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
