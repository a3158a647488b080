//! The `responses` table: one row per answered question of an assessment.

use super::{now, Result, Store, StoreError};
use rusqlite::params;
use trustgap_domain::assessment::{check_response, Answer, Response};
use trustgap_domain::catalog::Cadence;
use trustgap_domain::people::Owner;

impl Store {
    /// Saves one answer with its note, flag, owner, evidence, timing and verification durably,
    /// with a history entry naming `assessor`, and records the question as where the user left
    /// off. Saving marks a carried-over answer as reviewed. Returns the stored response.
    ///
    /// The caller checks that the question belongs to the assessment's catalog and scope, and
    /// that a person owner belongs to its client; the store checks the assessment exists and the
    /// lengths.
    pub fn save_response(
        &mut self,
        assessment_id: i64,
        r: &Response,
        assessor: &str,
    ) -> Result<Response> {
        check_response(r)?;
        let t = now();
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
            upsert(tx, assessment_id, r, assessor, &t)
        })?;
        Ok(Response {
            owner: r.owner.as_ref().map(|o| o.cleaned()).transpose()?,
            updated_at: t,
            needs_review: false,
            ..r.clone()
        })
    }

    /// Saves several answers in one transaction, all or none, each with a history entry naming
    /// `source` (an import names its file). The resume point is left where it was. The caller
    /// checks the questions as for [`Store::save_response`].
    pub fn save_responses(
        &mut self,
        assessment_id: i64,
        responses: &[Response],
        source: &str,
    ) -> Result<()> {
        for r in responses {
            check_response(r)?;
        }
        let t = now();
        self.write(|tx| {
            let found = tx
                .prepare_cached("UPDATE assessments SET updated_at = ?2 WHERE id = ?1")?
                .execute(params![assessment_id, t])?;
            if found == 0 {
                return Err(StoreError::NotFound(format!("Assessment {assessment_id}")));
            }
            for r in responses {
                upsert(tx, assessment_id, r, source, &t)?;
            }
            Ok(())
        })
    }

    /// Every stored response of an assessment, by question id.
    pub fn responses(&self, assessment_id: i64) -> Result<Vec<Response>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {RESPONSE_SELECT} FROM responses WHERE assessment_id = ?1 ORDER BY question_id"
        ))?;
        let rows = stmt.query_map([assessment_id], response_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// Writes one answer and its history entry inside the caller's transaction.
fn upsert(
    tx: &rusqlite::Transaction<'_>,
    assessment_id: i64,
    r: &Response,
    assessor: &str,
    t: &str,
) -> Result<()> {
    let evidence = serde_json::to_string(&r.evidence)
        .map_err(|e| StoreError::Invalid(format!("evidence could not be stored: {e}")))?;
    let answer = r.answer.map(Answer::as_str);
    let (person, role) = owner_columns(r.owner.as_ref());
    tx.prepare_cached(
        "INSERT INTO responses (assessment_id, question_id, answer, note, updated_at, \
         flagged, owner_person, owner_role, evidence, needs_review, since, cadence, \
         verified) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0, ?10, ?11, ?12) \
         ON CONFLICT (assessment_id, question_id) DO UPDATE SET \
         answer = excluded.answer, note = excluded.note, updated_at = excluded.updated_at, \
         flagged = excluded.flagged, owner_person = excluded.owner_person, \
         owner_role = excluded.owner_role, evidence = excluded.evidence, \
         needs_review = 0, since = excluded.since, cadence = excluded.cadence, \
         verified = excluded.verified",
    )?
    .execute(params![
        assessment_id,
        r.question_id,
        answer,
        r.note,
        t,
        r.flagged,
        person,
        role,
        evidence,
        r.since,
        r.cadence.map(cadence_str),
        r.verified
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
}

/// The columns [`response_from_row`] reads, in its order.
pub(crate) const RESPONSE_SELECT: &str = "question_id, answer, note, updated_at, flagged, \
    owner_person, owner_role, evidence, needs_review, since, cadence, verified";

/// A response as the app reads it (imports are read back the same way before they commit).
pub(crate) fn response_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Response> {
    let answer: Option<String> = r.get(1)?;
    let evidence: String = r.get(7)?;
    let cadence: Option<String> = r.get(10)?;
    Ok(Response {
        question_id: r.get(0)?,
        // The CHECK constraints keep unknown spellings out of the table.
        answer: answer.as_deref().and_then(Answer::parse),
        note: r.get(2)?,
        updated_at: r.get(3)?,
        flagged: r.get(4)?,
        owner: owner_from(r.get(5)?, r.get(6)?),
        // Written by save_response only; an unreadable list reads as empty.
        evidence: serde_json::from_str(&evidence).unwrap_or_default(),
        needs_review: r.get(8)?,
        since: r.get(9)?,
        cadence: cadence.as_deref().and_then(cadence_parse),
        verified: r.get(11)?,
    })
}

/// An owner as its two columns: a person's id, or a role's text ('' for none).
pub(crate) fn owner_columns(owner: Option<&Owner>) -> (Option<i64>, String) {
    match owner {
        Some(Owner::Person { id }) => (Some(*id), String::new()),
        Some(Owner::Role { role }) => (None, role.trim().to_owned()),
        None => (None, String::new()),
    }
}

pub(crate) fn owner_from(person: Option<i64>, role: String) -> Option<Owner> {
    match (person, role.is_empty()) {
        (Some(id), _) => Some(Owner::Person { id }),
        (None, false) => Some(Owner::Role { role }),
        (None, true) => None,
    }
}

pub(crate) fn cadence_str(c: Cadence) -> &'static str {
    match c {
        Cadence::Continuous => "continuous",
        Cadence::Weekly => "weekly",
        Cadence::Monthly => "monthly",
        Cadence::Quarterly => "quarterly",
        Cadence::Semiannual => "semiannual",
        Cadence::Annual => "annual",
    }
}

fn cadence_parse(s: &str) -> Option<Cadence> {
    Cadence::ALL.into_iter().find(|c| cadence_str(*c) == s)
}

/// What a list of assessments needs of one response: no notes or evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerMark {
    pub question_id: String,
    pub answer: Option<Answer>,
    pub flagged: bool,
    pub needs_review: bool,
    /// When the control started operating (Type II timing).
    pub since: Option<chrono::NaiveDate>,
}

impl Store {
    /// The answer marks of every assessment in the workspace, by assessment id, in one query.
    pub fn answer_marks(&self) -> Result<std::collections::HashMap<i64, Vec<AnswerMark>>> {
        let mut stmt = self.conn.prepare(
            "SELECT assessment_id, question_id, answer, flagged, needs_review, since \
             FROM responses",
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
                since: r.get(5)?,
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
