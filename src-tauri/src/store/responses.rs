//! The `responses` table: one row per answered question of an assessment.

use super::{now, Result, Store, StoreError};
use crate::assessment::{check_note, Answer, Response};
use rusqlite::params;

impl Store {
    /// Saves one answer and note durably, with a history entry naming `assessor`; returns the
    /// stored response.
    ///
    /// The caller checks that the question belongs to the assessment's catalog; the store checks
    /// the assessment exists (through the foreign key) and the note's length.
    pub fn save_response(
        &mut self,
        assessment_id: i64,
        question_id: &str,
        answer: Option<Answer>,
        note: &str,
        assessor: &str,
    ) -> Result<Response> {
        check_note(note).map_err(StoreError::Invalid)?;
        self.assessment(assessment_id)?;
        let t = now();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO responses (assessment_id, question_id, answer, note, updated_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5) \
                 ON CONFLICT (assessment_id, question_id) \
                 DO UPDATE SET answer = excluded.answer, note = excluded.note, \
                               updated_at = excluded.updated_at",
                params![
                    assessment_id,
                    question_id,
                    answer.map(Answer::as_str),
                    note,
                    t
                ],
            )?;
            tx.execute(
                "INSERT INTO response_history \
                 (assessment_id, question_id, answer, note, assessor, changed_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    assessment_id,
                    question_id,
                    answer.map(Answer::as_str),
                    note,
                    assessor,
                    t
                ],
            )?;
            tx.execute(
                "UPDATE assessments SET updated_at = ?2 WHERE id = ?1",
                params![assessment_id, t],
            )?;
            Ok(())
        })?;
        Ok(Response {
            question_id: question_id.to_owned(),
            answer,
            note: note.to_owned(),
            updated_at: t,
        })
    }

    /// Every stored response of an assessment, by question id.
    pub fn responses(&self, assessment_id: i64) -> Result<Vec<Response>> {
        let mut stmt = self.conn.prepare(
            "SELECT question_id, answer, note, updated_at FROM responses \
             WHERE assessment_id = ?1 ORDER BY question_id",
        )?;
        let rows = stmt.query_map([assessment_id], |r| {
            let answer: Option<String> = r.get(1)?;
            Ok(Response {
                question_id: r.get(0)?,
                // The CHECK constraint keeps unknown spellings out of the table.
                answer: answer.as_deref().and_then(Answer::parse),
                note: r.get(2)?,
                updated_at: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
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
