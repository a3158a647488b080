//! The evidence locker's use cases: adding a file from disk (streamed, checked against the
//! limits and against what it is attached to), listing, the trash, and saving a copy out.

mod calendar;
mod pack;
mod requests;

pub use calendar::ObservationCalendar;
pub use pack::{PackProgress, PackSummary};
pub use requests::{read_request_file, RequestImportPreview, MAX_REQUEST_LIST_BYTES};

use crate::error::ApiError;
use crate::{Result, Workspace};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use trustgap_domain::evidence::{
    self, Attachment, ControlEvidence, EvidenceDates, EvidenceFile, EvidenceStatus, NewEvidence,
    MAX_FILE_BYTES, MAX_WORKSPACE_BYTES,
};

/// What a person says about a file they add (its bytes come from a path).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct EvidenceInput {
    pub attach: Vec<Attachment>,
    pub dates: EvidenceDates,
    pub note: String,
    pub added_by: String,
}

/// An assessment's locker: its files and how much the workspace holds.
#[derive(Debug, Clone, Serialize, Type)]
pub struct EvidenceLocker {
    pub files: Vec<EvidenceFile>,
    /// Evidence bytes in the whole workspace (each stored file counted once) and the limits.
    pub workspace_bytes: u64,
    pub workspace_limit: u64,
    pub file_limit: u64,
}

impl Workspace {
    /// Adds the file at `path` to assessment `id`'s evidence, streamed (never read whole).
    pub fn add_evidence(
        &mut self,
        id: i64,
        path: &Path,
        input: EvidenceInput,
    ) -> Result<EvidenceFile> {
        let io =
            |e: std::io::Error| ApiError::io(format!("Could not read {}: {e}", path.display()));
        let meta = std::fs::metadata(path).map_err(io)?;
        if !meta.is_file() {
            return Err(ApiError::validation(format!(
                "{} is not a file; choose a file to add as evidence.",
                path.display()
            )));
        }
        if meta.len() > MAX_FILE_BYTES {
            return Err(evidence::too_large(meta.len()).into());
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let new = NewEvidence {
            name,
            added_by: input.added_by,
            dates: input.dates,
            note: input.note,
            attach: input.attach,
        }
        .checked()?;
        self.check_attachments(id, &new.attach)?;
        let mut file = std::fs::File::open(path).map_err(io)?;
        Ok(self.store.add_evidence(id, &new, meta.len(), &mut file)?)
    }

    /// Each attachment names something of this assessment: a question of the bank, a
    /// criterion, a remediation of the bank, or an item of its request list.
    fn check_attachments(&self, id: i64, attach: &[Attachment]) -> Result<()> {
        let mut references = None;
        for a in attach {
            let known = match a {
                Attachment::Question(q) => self.catalog.question(q).is_some(),
                Attachment::Criterion(c) => self.catalog.criterion(c).is_some(),
                Attachment::Action(k) => self.catalog.remediation(k).is_some(),
                Attachment::Request(r) => {
                    if references.is_none() {
                        references = Some(self.request_references(id)?);
                    }
                    references
                        .as_ref()
                        .is_some_and(|refs| refs.contains(&r.to_lowercase()))
                }
            };
            if !known {
                return Err(ApiError::not_found(format!(
                    "There is no {} {} to attach evidence to.",
                    a.kind(),
                    a.target()
                )));
            }
        }
        Ok(())
    }

    /// An assessment's files (those in the trash too, when asked) and the workspace's totals.
    pub fn evidence_locker(&self, id: i64, with_trash: bool) -> Result<EvidenceLocker> {
        self.store.assessment(id)?;
        Ok(EvidenceLocker {
            files: self.store.evidence_files(id, with_trash)?,
            workspace_bytes: self.store.evidence_bytes()?,
            workspace_limit: MAX_WORKSPACE_BYTES,
            file_limit: MAX_FILE_BYTES,
        })
    }

    /// What the locker holds for each control of assessment `id` on `today`.
    pub fn control_evidence(
        &self,
        id: i64,
        today: NaiveDate,
    ) -> Result<HashMap<String, ControlEvidence>> {
        Ok(evidence::by_control(
            &self.store.evidence_files(id, false)?,
            today,
        ))
    }

    /// The controls whose evidence in the locker has all expired by `today` (for the gaps).
    pub(crate) fn expired_evidence(&self, id: i64, today: NaiveDate) -> Result<HashSet<String>> {
        Ok(self
            .control_evidence(id, today)?
            .into_iter()
            .filter(|(_, e)| e.status == EvidenceStatus::Expired)
            .map(|(q, _)| q)
            .collect())
    }

    /// One file of evidence.
    pub fn evidence_file(&self, file: i64) -> Result<EvidenceFile> {
        Ok(self.store.evidence_file(file)?)
    }

    /// "<client> - evidence pack.zip", safe as a file name.
    pub fn evidence_pack_name(&self, id: i64) -> Result<String> {
        let client = self.detail(id)?.summary.client_name;
        Ok(format!(
            "{} - evidence pack.zip",
            crate::safe_file_stem(&client)
        ))
    }

    /// Attaches a file to one more question, criterion, action or request item.
    pub fn attach_evidence(&mut self, file: i64, to: &Attachment) -> Result<EvidenceFile> {
        to.check()?;
        let owner = self.store.evidence_owner(file)?;
        self.check_attachments(owner, std::slice::from_ref(to))?;
        self.store.attach_evidence(file, to)?;
        Ok(self.store.evidence_file(file)?)
    }

    /// Detaches a file from one thing (never its last).
    pub fn detach_evidence(&mut self, file: i64, from: &Attachment) -> Result<EvidenceFile> {
        self.store.detach_evidence(file, from)?;
        Ok(self.store.evidence_file(file)?)
    }

    /// Moves a file to the trash (`trashed`) or back out of it (undo).
    pub fn trash_evidence(&mut self, file: i64, trashed: bool) -> Result<()> {
        Ok(self.store.trash_evidence(file, trashed)?)
    }

    /// Deletes an assessment's trashed files for good; returns how many.
    pub fn empty_evidence_trash(&mut self, id: i64) -> Result<usize> {
        self.store.assessment(id)?;
        Ok(self.store.empty_evidence_trash(id)?)
    }

    /// Writes a copy of file `file` to `dest` (temp file, then rename: never a half file).
    pub fn save_evidence_copy(&self, file: i64, dest: &Path) -> Result<u64> {
        crate::files::write_streamed(dest, |out| {
            self.store
                .read_evidence(file, &mut |chunk| std::io::Write::write_all(out, chunk))
                .map_err(ApiError::from)
        })
    }
}
