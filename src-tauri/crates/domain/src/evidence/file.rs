//! A file of evidence as the locker describes it (its bytes stay in the store).

use super::{freshness, Attachment, EvidenceDates, EvidenceStatus, Freshness};
use crate::error::{DomainError, Result};
use crate::limits;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::HashMap;

/// One file in an assessment's locker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct EvidenceFile {
    pub id: i64,
    /// Stable across workspaces (a `.trustgap` file keeps it).
    pub uid: String,
    /// The name it arrived with (shown and offered when saved; never a path).
    pub name: String,
    pub media_type: String,
    pub size: u64,
    /// SHA-256 of the contents, lowercase hex.
    pub sha256: String,
    pub added_by: String,
    /// RFC 3339, UTC.
    pub added_at: String,
    pub dates: EvidenceDates,
    pub note: String,
    /// In the trash: kept (and restorable) until the trash is emptied.
    pub deleted: bool,
    pub attached: Vec<Attachment>,
}

/// What a person says about a file as it is added.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct NewEvidence {
    /// The file's own name (any path before it is dropped).
    pub name: String,
    pub added_by: String,
    pub dates: EvidenceDates,
    pub note: String,
    /// At least one.
    pub attach: Vec<Attachment>,
}

impl NewEvidence {
    /// The input checked and cleaned: the name as [`super::display_name`] keeps it, one line
    /// for who added it, consistent dates, a bounded note, and at least one attachment, each
    /// well formed and listed once.
    pub fn checked(mut self) -> Result<NewEvidence> {
        self.name = super::display_name(&self.name)?;
        self.added_by = limits::line("Who added the file", &self.added_by)?;
        self.dates.check()?;
        limits::note("The note", &self.note)?;
        if self.attach.is_empty() {
            return Err(DomainError::invalid(
                "Attach the file to a question, a criterion, a plan action or a request item.",
            ));
        }
        for a in &self.attach {
            a.check()?;
        }
        self.attach.sort();
        self.attach.dedup();
        Ok(self)
    }
}

/// What the locker holds for one control.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ControlEvidence {
    /// Files attached to the control (or to its request item), not in the trash.
    pub files: u32,
    pub status: EvidenceStatus,
}

/// The locker's evidence for each control (question id) on `today`: the files attached to the
/// question or to the request item of the same reference. Controls without files are absent.
pub fn by_control(files: &[EvidenceFile], today: NaiveDate) -> HashMap<String, ControlEvidence> {
    let mut found: HashMap<String, Vec<Freshness>> = HashMap::new();
    for f in files.iter().filter(|f| !f.deleted) {
        let mut seen = Vec::new();
        for a in &f.attached {
            if let Attachment::Question(q) | Attachment::Request(q) = a {
                if !seen.contains(&q) {
                    seen.push(q);
                    found
                        .entry(q.clone())
                        .or_default()
                        .push(freshness(&f.dates, today));
                }
            }
        }
    }
    found
        .into_iter()
        .map(|(q, f)| {
            let evidence = ControlEvidence {
                files: f.len() as u32,
                status: EvidenceStatus::of(f),
            };
            (q, evidence)
        })
        .collect()
}
