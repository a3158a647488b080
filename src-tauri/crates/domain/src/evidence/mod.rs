//! The evidence locker's rules: what a file of evidence records (its name, type, the period it
//! covers, when it expires), what it is attached to, and the limits on what is accepted.
//!
//! Pure: the bytes themselves live in the store; this module decides what is valid and what a
//! file's dates mean for the audit (current, expired, older than the observation period).

mod file;
mod names;
pub mod observation;
pub mod requests;

pub use file::{by_control, ControlEvidence, EvidenceFile, NewEvidence};
pub use names::{display_name, media_type, safe_component, PackNames};

use crate::error::{DomainError, Result};
use crate::limits;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

/// Largest file accepted into the locker, in bytes (200 MiB).
pub const MAX_FILE_BYTES: u64 = 200 * 1024 * 1024;
/// Most evidence bytes one workspace holds (files stored once however often attached), 8 GiB:
/// the database stays a file a backup and a `.trustgap` export can copy in reasonable time.
pub const MAX_WORKSPACE_BYTES: u64 = 8 * 1024 * 1024 * 1024;
/// Bytes per stored chunk: files are written and read this much at a time, never whole.
pub const CHUNK_BYTES: usize = 1024 * 1024;

/// What a file of evidence is attached to. One file may be attached to many.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Attachment {
    /// A question of the bank (a control), by id: `ACC-001`.
    Question(String),
    /// A criterion, by id: `CC6.1`.
    Criterion(String),
    /// A remediation action of the plan, by its key.
    Action(String),
    /// An item of the request list, by its reference: `CC6.1/1`, `ACC-001`, or the auditor's.
    Request(String),
}

impl Attachment {
    /// The kind as stored and as typed on the command line.
    pub fn kind(&self) -> &'static str {
        match self {
            Attachment::Question(_) => "question",
            Attachment::Criterion(_) => "criterion",
            Attachment::Action(_) => "action",
            Attachment::Request(_) => "request",
        }
    }

    pub fn target(&self) -> &str {
        match self {
            Attachment::Question(t)
            | Attachment::Criterion(t)
            | Attachment::Action(t)
            | Attachment::Request(t) => t,
        }
    }

    /// Rebuilds an attachment from its stored kind and target.
    pub fn from_parts(kind: &str, target: &str) -> Result<Attachment> {
        let t = target.to_owned();
        Ok(match kind {
            "question" => Attachment::Question(t),
            "criterion" => Attachment::Criterion(t),
            "action" => Attachment::Action(t),
            "request" => Attachment::Request(t),
            other => {
                return Err(DomainError::invalid(format!(
                    "Unknown attachment kind '{other}'."
                )))
            }
        })
    }

    /// Checks the target's form (the use cases check that it exists).
    pub fn check(&self) -> Result<()> {
        let t = self.target();
        if t.trim().is_empty() || t != t.trim() || !limits::is_line(t) {
            return Err(DomainError::invalid(format!(
                "A {} to attach evidence to is named by a one-line id of at most {} characters.",
                self.kind(),
                limits::MAX_NAME_CHARS
            )));
        }
        Ok(())
    }
}

/// The dates a file of evidence carries, all optional.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct EvidenceDates {
    /// When the evidence was produced (the day of the access review, the report's date).
    pub produced_on: Option<NaiveDate>,
    /// The period the evidence covers ("access review Q1": the first of January to the end of
    /// March).
    pub covers_from: Option<NaiveDate>,
    pub covers_to: Option<NaiveDate>,
    /// After this day the evidence no longer counts ("pen test report valid 12 months").
    pub expires_on: Option<NaiveDate>,
}

impl EvidenceDates {
    /// Checks the dates are plausible and consistent; the message says which rule broke.
    pub fn check(&self) -> Result<()> {
        for (what, d) in [
            ("The production date", self.produced_on),
            ("The start of the period covered", self.covers_from),
            ("The end of the period covered", self.covers_to),
            ("The expiry date", self.expires_on),
        ] {
            if let Some(d) = d {
                limits::plausible_date(what, d)?;
            }
        }
        match (self.covers_from, self.covers_to) {
            (Some(from), Some(to)) if from > to => {
                return Err(DomainError::invalid(
                    "The period covered ends before it starts.",
                ))
            }
            (Some(_), None) | (None, Some(_)) => {
                return Err(DomainError::invalid(
                    "Give both ends of the period covered (from and to), or neither.",
                ))
            }
            _ => {}
        }
        if let (Some(made), Some(expires)) = (self.produced_on, self.expires_on) {
            if expires < made {
                return Err(DomainError::invalid(
                    "The evidence expires before the day it was produced.",
                ));
            }
        }
        Ok(())
    }

    /// The last day the evidence speaks for: the end of the period it covers, else the day it
    /// was produced.
    pub fn last_day(&self) -> Option<NaiveDate> {
        self.covers_to.or(self.produced_on)
    }

    /// The first day the evidence speaks for.
    pub fn first_day(&self) -> Option<NaiveDate> {
        self.covers_from.or(self.produced_on)
    }
}

/// Where a file of evidence stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Freshness {
    /// Counts: not expired.
    Current,
    /// Past its expiry date.
    Expired,
}

/// Whether evidence with these dates still counts on `today`.
pub fn freshness(dates: &EvidenceDates, today: NaiveDate) -> Freshness {
    match dates.expires_on {
        Some(e) if e < today => Freshness::Expired,
        _ => Freshness::Current,
    }
}

/// What the locker holds for one control, for the control matrix and the readiness views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceStatus {
    /// No file attached: an "implemented" answer stays self-reported.
    None,
    /// At least one current file.
    OnFile,
    /// Files attached, every one of them expired.
    Expired,
}

impl EvidenceStatus {
    /// The status of a control from the freshness of its files.
    pub fn of(files: impl IntoIterator<Item = Freshness>) -> EvidenceStatus {
        let mut status = EvidenceStatus::None;
        for f in files {
            match f {
                Freshness::Current => return EvidenceStatus::OnFile,
                Freshness::Expired => status = EvidenceStatus::Expired,
            }
        }
        status
    }

    pub fn label(self) -> &'static str {
        match self {
            EvidenceStatus::None => "No evidence on file",
            EvidenceStatus::OnFile => "Evidence on file",
            EvidenceStatus::Expired => "Evidence expired",
        }
    }
}

/// The refusal for a file over [`MAX_FILE_BYTES`].
pub fn too_large(size: u64) -> DomainError {
    DomainError::invalid(format!(
        "That file is {} MB; evidence files are at most {} MB each. Split it, or attach a \
         smaller export (a PDF of the report rather than the raw data).",
        size.div_ceil(1024 * 1024),
        MAX_FILE_BYTES / (1024 * 1024)
    ))
}

/// The refusal when a file would take the workspace over [`MAX_WORKSPACE_BYTES`].
pub fn workspace_full(used: u64, size: u64) -> DomainError {
    DomainError::invalid(format!(
        "The workspace holds {} MB of evidence; adding {} MB would pass its limit of {} GB. \
         Remove evidence you no longer need (the trash counts until it is emptied).",
        used.div_ceil(1024 * 1024),
        size.div_ceil(1024 * 1024),
        MAX_WORKSPACE_BYTES / (1024 * 1024 * 1024)
    ))
}

#[cfg(test)]
mod tests;
