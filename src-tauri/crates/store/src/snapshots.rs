//! The `snapshots` tables: an assessment's answers frozen under a label.

use super::{now, OptionalRow, Result, Store};
use rusqlite::params;
use trustgap_domain::assessment::{Answer, Response, Scope};
use trustgap_domain::limits;

/// A stored snapshot with the answers it froze.
#[derive(Debug, Clone, PartialEq)]
pub struct SnapshotRecord {
    pub id: i64,
    pub assessment_id: i64,
    pub label: String,
    pub scope: Scope,
    pub created_at: String,
    pub responses: Vec<Response>,
}

impl Store {
    /// Freezes the assessment's current answers and scope under `label`; returns the new id.
    pub fn create_snapshot(&mut self, assessment_id: i64, label: &str) -> Result<i64> {
        let label = limits::name("A snapshot label", label)?;
        let record = self.assessment(assessment_id)?;
        self.write(|tx| {
            let t = now();
            tx.execute(
                "INSERT INTO snapshots (assessment_id, label, scope, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![assessment_id, label, record.scope.to_db(), t],
            )?;
            let id = tx.last_insert_rowid();
            tx.execute(
                "INSERT INTO snapshot_responses (snapshot_id, question_id, answer, note) \
                 SELECT ?1, question_id, answer, note FROM responses WHERE assessment_id = ?2",
                params![id, assessment_id],
            )?;
            Ok(id)
        })
    }

    /// The snapshots of an assessment, newest first, without their answers.
    pub fn snapshots(&self, assessment_id: i64) -> Result<Vec<SnapshotRecord>> {
        let mut stmt = self.conn.prepare(
            "SELECT id FROM snapshots WHERE assessment_id = ?1 ORDER BY created_at DESC, id DESC",
        )?;
        let ids = stmt
            .query_map([assessment_id], |r| r.get::<_, i64>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        ids.into_iter().map(|id| self.snapshot(id)).collect()
    }

    pub fn snapshot(&self, id: i64) -> Result<SnapshotRecord> {
        let (assessment_id, label, scope, created_at) = self
            .conn
            .query_row(
                "SELECT assessment_id, label, scope, created_at FROM snapshots WHERE id = ?1",
                [id],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get(3)?,
                    ))
                },
            )
            .or_not_found(|| format!("Snapshot {id}"))?;
        let mut stmt = self.conn.prepare(
            "SELECT question_id, answer, note FROM snapshot_responses WHERE snapshot_id = ?1 \
             ORDER BY question_id",
        )?;
        let responses = stmt
            .query_map([id], |r| {
                let answer: Option<String> = r.get(1)?;
                Ok(Response {
                    question_id: r.get(0)?,
                    answer: answer.as_deref().and_then(Answer::parse),
                    note: r.get(2)?,
                    ..Response::default()
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(SnapshotRecord {
            id,
            assessment_id,
            label,
            scope: Scope::from_db(&scope)?,
            created_at,
            responses,
        })
    }
}
