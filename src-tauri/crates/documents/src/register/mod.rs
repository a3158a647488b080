//! The people register as evidence an auditor samples: the roster-and-training workbook
//! (Excel), the attestation report for a period, and the workshop sign-sheet for wet signatures
//! (both PDF and Word through the document model).
//!
//! Everything reads domain types the workspace hands in; statuses and gaps are the domain's.

mod attestation;
mod sign_sheet;
mod workbook;

pub use attestation::attestation_document;
pub use sign_sheet::{sign_sheet_document, SignSheet};
pub use workbook::register_workbook;

use crate::doc::Tone;
use chrono::{DateTime, NaiveDate, Utc};
use trustgap_domain::branding::Branding;
use trustgap_domain::people::Person;
use trustgap_domain::register::{
    AckState, Acknowledgement, Completion, Course, CurrentPolicy, Status,
};

/// A client's register as the documents read it.
#[derive(Clone, Copy)]
pub struct Register<'a> {
    pub client: &'a str,
    pub branding: &'a Branding,
    pub people: &'a [Person],
    pub courses: &'a [Course],
    pub completions: &'a [Completion],
    /// The policies in force (newest approved versions) of the client's assessment.
    pub policies: &'a [CurrentPolicy],
    pub acks: &'a [Acknowledgement],
    /// The day statuses are judged on.
    pub today: NaiveDate,
    /// Stamps the files: the same stamp gives the same bytes.
    pub generated_at: DateTime<Utc>,
}

impl Register<'_> {
    /// The firm when one is set, else the client (file metadata).
    pub(crate) fn author(&self) -> String {
        let firm = self.branding.firm.trim();
        if firm.is_empty() {
            self.client.to_owned()
        } else {
            firm.to_owned()
        }
    }

    pub(crate) fn footer(&self) -> String {
        format!("{} · contains personal data", self.branding.prepared_line())
    }
}

/// "2026-03-01", or empty.
pub(crate) fn day(d: Option<NaiveDate>) -> String {
    d.map_or_else(String::new, |d| d.format("%Y-%m-%d").to_string())
}

/// The colour of a training status: overdue red, due amber, done green.
pub(crate) fn status_tone(s: Status) -> Option<Tone> {
    match s {
        Status::Done => Some(Tone::Good),
        Status::Due => Some(Tone::Warning),
        Status::Overdue => Some(Tone::Critical),
        Status::NotRequired => None,
    }
}

/// The colour of an acknowledgement: missing red, stale amber, current green.
pub(crate) fn ack_tone(s: AckState) -> Option<Tone> {
    match s {
        AckState::Current => Some(Tone::Good),
        AckState::Stale => Some(Tone::Warning),
        AckState::Missing => Some(Tone::Critical),
    }
}

/// The evidence of a person's latest completion of a course.
pub(crate) fn latest_evidence(completions: &[Completion], person_id: i64, course_id: i64) -> &str {
    completions
        .iter()
        .filter(|c| c.person_id == person_id && c.course_id == course_id)
        .max_by_key(|c| (c.completed_on, c.id))
        .map_or("", |c| c.evidence.as_str())
}

/// The date of a person's newest acknowledgement of a policy, and its version.
pub(crate) fn latest_ack(
    acks: &[Acknowledgement],
    person_id: i64,
    policy_id: &str,
) -> Option<(u32, NaiveDate)> {
    acks.iter()
        .filter(|a| a.person_id == person_id && a.policy_id == policy_id)
        .map(|a| (a.version, a.acknowledged_on))
        .max()
}
