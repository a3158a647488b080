//! Snapshots and history: freezing an assessment, comparing with it, and a question's past.

use super::{Result, Workspace};
use crate::error::ApiError;
use trustgap_domain::scoring::score;
use trustgap_domain::snapshot::{compare, Comparison, SnapshotInfo};
use trustgap_store::{HistoryEntry, SnapshotRecord};

impl Workspace {
    fn info(&self, s: &SnapshotRecord) -> SnapshotInfo {
        SnapshotInfo {
            id: s.id,
            label: s.label.clone(),
            created_at: s.created_at.clone(),
            readiness: score(self.catalog, &s.scope, &s.responses, None)
                .overall
                .score,
        }
    }

    pub fn take_snapshot(&mut self, assessment_id: i64, label: &str) -> Result<SnapshotInfo> {
        let id = self.store.create_snapshot(assessment_id, label)?;
        Ok(self.info(&self.store.snapshot(id)?))
    }

    /// Snapshots of an assessment, newest first, each with its readiness at the time.
    pub fn snapshots(&self, assessment_id: i64) -> Result<Vec<SnapshotInfo>> {
        self.store.assessment(assessment_id)?;
        Ok(self
            .store
            .snapshots(assessment_id)?
            .iter()
            .map(|s| self.info(s))
            .collect())
    }

    /// The current state against a snapshot of the same assessment.
    pub fn compare_with_snapshot(
        &self,
        assessment_id: i64,
        snapshot_id: i64,
    ) -> Result<Comparison> {
        let record = self.store.assessment(assessment_id)?;
        let snap = self.store.snapshot(snapshot_id)?;
        if snap.assessment_id != assessment_id {
            return Err(ApiError::validation(
                "That snapshot belongs to another assessment.",
            ));
        }
        let now = self.store.responses(assessment_id)?;
        Ok(compare(
            self.catalog,
            &record.scope,
            self.info(&snap),
            &snap.responses,
            &now,
        ))
    }

    /// Every change to one question's answer, oldest first.
    pub fn question_history(
        &self,
        assessment_id: i64,
        question_id: &str,
    ) -> Result<Vec<HistoryEntry>> {
        self.store.assessment(assessment_id)?;
        Ok(self.store.history(assessment_id, question_id)?)
    }
}
