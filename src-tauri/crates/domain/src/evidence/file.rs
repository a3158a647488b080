//! A file of evidence as the locker describes it (its bytes stay in the store).

use super::{Attachment, EvidenceDates};
use crate::error::{DomainError, Result};
use crate::limits;
use serde::{Deserialize, Serialize};
use specta::Type;

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
