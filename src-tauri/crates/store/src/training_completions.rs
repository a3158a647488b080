//! The `training_completions` table: who took which course on which day, with the evidence.

use super::{Result, Store, StoreError};
use chrono::NaiveDate;
use rusqlite::{params, Row};
use trustgap_domain::register::Completion;

/// Longest evidence text (a certificate's file name, a note on a tool's export).
pub const MAX_EVIDENCE_CHARS: usize = 1_000;

fn completion_from_row(r: &Row<'_>) -> rusqlite::Result<Completion> {
    Ok(Completion {
        id: r.get(0)?,
        person_id: r.get(1)?,
        course_id: r.get(2)?,
        completed_on: r.get(3)?,
        evidence: r.get(4)?,
    })
}

impl Store {
    /// The completions of a client's people, oldest first.
    pub fn completions(&self, client_id: i64) -> Result<Vec<Completion>> {
        let mut stmt = self.conn.prepare(
            "SELECT t.id, t.person_id, t.course_id, t.completed_on, t.evidence \
             FROM training_completions t JOIN people p ON p.id = t.person_id \
             WHERE p.client_id = ?1 ORDER BY t.completed_on, t.id",
        )?;
        let rows = stmt.query_map([client_id], completion_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records that a person took a course on a day; the same day twice is one completion
    /// (its evidence replaced).
    pub fn record_completion(
        &mut self,
        person_id: i64,
        course_id: i64,
        on: NaiveDate,
        evidence: &str,
    ) -> Result<Completion> {
        let evidence = evidence.trim();
        if evidence.chars().count() > MAX_EVIDENCE_CHARS {
            return Err(StoreError::Invalid(format!(
                "The evidence is longer than {MAX_EVIDENCE_CHARS} characters."
            )));
        }
        let person = self.person(person_id)?;
        let course = self.course(course_id)?;
        if person.client_id != course.client_id {
            return Err(StoreError::Invalid(format!(
                "{} is not a course of {}'s client.",
                course.name, person.name
            )));
        }
        self.write(|tx| {
            tx.execute(
                "INSERT INTO training_completions (person_id, course_id, completed_on, evidence) \
                 VALUES (?1, ?2, ?3, ?4) ON CONFLICT (person_id, course_id, completed_on) \
                 DO UPDATE SET evidence = excluded.evidence",
                params![person_id, course_id, on, evidence],
            )?;
            Ok(tx.query_row(
                "SELECT id, person_id, course_id, completed_on, evidence FROM training_completions \
                 WHERE person_id = ?1 AND course_id = ?2 AND completed_on = ?3",
                params![person_id, course_id, on],
                completion_from_row,
            )?)
        })
    }

    pub fn remove_completion(&mut self, id: i64) -> Result<()> {
        self.write(|tx| {
            let n = tx.execute("DELETE FROM training_completions WHERE id = ?1", [id])?;
            if n == 0 {
                return Err(StoreError::NotFound(format!("Completion {id}")));
            }
            Ok(())
        })
    }
}
