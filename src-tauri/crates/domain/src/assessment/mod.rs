//! Assessment domain types: answers, responses and scope, with their input limits.
//!
//! Pure: no storage or UI concerns. Limits live here so the store, the commands and the CLI
//! enforce the same rules.

mod profile;

pub use profile::CompanyProfile;

use crate::catalog::{Cadence, CategoryId};
use crate::error::{DomainError, Result};
use crate::limits;
use crate::people::Owner;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

/// How far a control is in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    Implemented,
    Partial,
    NotImplemented,
    NotApplicable,
    /// "Don't know": scored as a gap and flagged as unknown.
    Unknown,
}

impl Answer {
    pub const ALL: [Answer; 5] = [
        Answer::Implemented,
        Answer::Partial,
        Answer::NotImplemented,
        Answer::NotApplicable,
        Answer::Unknown,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Answer::Implemented => "implemented",
            Answer::Partial => "partial",
            Answer::NotImplemented => "not_implemented",
            Answer::NotApplicable => "not_applicable",
            Answer::Unknown => "unknown",
        }
    }

    pub fn parse(s: &str) -> Option<Answer> {
        Answer::ALL.into_iter().find(|a| a.as_str() == s)
    }

    /// A label for people (reports, CLI tables).
    pub fn label(self) -> &'static str {
        match self {
            Answer::Implemented => "Implemented",
            Answer::Partial => "Partially implemented",
            Answer::NotImplemented => "Not implemented",
            Answer::NotApplicable => "Not applicable",
            Answer::Unknown => "Don't know",
        }
    }
}

/// One question's answer within an assessment. `answer` is `None` until answered.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
pub struct Response {
    pub question_id: String,
    pub answer: Option<Answer>,
    /// Free notes; for a not-applicable answer, the justification.
    pub note: String,
    pub updated_at: String,
    /// Marked for follow-up.
    pub flagged: bool,
    /// Who in the company owns this control: a person, or a role nobody holds yet.
    pub owner: Option<Owner>,
    pub evidence: Vec<EvidenceRef>,
    /// Carried over from an earlier assessment (or bank) and not confirmed since.
    pub needs_review: bool,
    /// For a control that operates over time: since when it has run (a Type II audit needs it
    /// running across the whole observation period).
    pub since: Option<NaiveDate>,
    /// How often it runs, as the company's policy sets it (the bank gives a typical cadence).
    pub cadence: Option<Cadence>,
    /// The assessor checked the answer against evidence (otherwise it is self-reported).
    pub verified: bool,
}

/// Where the evidence for an answer lives: a description and, optionally, a link or file name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct EvidenceRef {
    pub description: String,
    pub link: String,
}

impl EvidenceRef {
    /// How documents print it: "Access review, Q1 (drive/reviews/q1.pdf)", or the description
    /// alone when there is no link.
    pub fn display(&self) -> String {
        let (d, l) = (self.description.trim(), self.link.trim());
        if l.is_empty() {
            d.to_owned()
        } else {
            format!("{d} ({l})")
        }
    }
}

/// Most evidence references one answer may hold.
pub const MAX_EVIDENCE: usize = 20;
/// Longest description of an evidence reference, and of its link or file name.
pub const MAX_EVIDENCE_DESCRIPTION: usize = 200;
pub const MAX_EVIDENCE_LINK: usize = 500;

/// Checks evidence references: a description of 1 to 200 characters, a link up to 500.
pub fn check_evidence(evidence: &[EvidenceRef]) -> Result<()> {
    if evidence.len() > MAX_EVIDENCE {
        return Err(DomainError::invalid(format!(
            "An answer holds at most {MAX_EVIDENCE} evidence references."
        )));
    }
    for e in evidence {
        let n = e.description.trim().chars().count();
        if n == 0 || n > MAX_EVIDENCE_DESCRIPTION {
            return Err(DomainError::invalid(
                "Each evidence reference needs a description of 1 to 200 characters.",
            ));
        }
        if e.link.chars().count() > MAX_EVIDENCE_LINK || e.link.chars().any(char::is_control) {
            return Err(DomainError::invalid(
                "An evidence link or file name is one line of at most 500 characters.",
            ));
        }
    }
    Ok(())
}

/// Checks a response's free fields: the note, a role owner's text, the evidence, the date.
pub fn check_response(r: &Response) -> Result<()> {
    limits::note("A note", &r.note)?;
    if let Some(owner) = &r.owner {
        owner.cleaned()?;
    }
    if let Some(since) = r.since {
        limits::plausible_date("The date the control started", since)?;
    }
    check_evidence(&r.evidence)
}

/// The categories an assessment covers. Security is always included and listed first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Scope(Vec<CategoryId>);

impl Scope {
    /// Normalises any selection: Security added, duplicates dropped, canonical order.
    pub fn new(selected: &[CategoryId]) -> Scope {
        Scope(
            CategoryId::ALL
                .into_iter()
                .filter(|c| *c == CategoryId::Security || selected.contains(c))
                .collect(),
        )
    }

    pub fn categories(&self) -> &[CategoryId] {
        &self.0
    }

    /// Comma-separated form used in the database.
    pub fn to_db(&self) -> String {
        self.0
            .iter()
            .map(|c| c.as_str())
            .collect::<Vec<_>>()
            .join(",")
    }

    /// Reads the database form; unknown names are an error, not silently dropped.
    pub fn from_db(s: &str) -> Result<Scope> {
        let parsed: Result<Vec<_>> = s
            .split(',')
            .filter(|p| !p.is_empty())
            .map(|p| {
                CategoryId::parse(p)
                    .ok_or_else(|| DomainError::Unknown(format!("unknown category '{p}'")))
            })
            .collect();
        Ok(Scope::new(&parsed?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scope_always_has_security_first_and_no_duplicates() {
        let s = Scope::new(&[
            CategoryId::Privacy,
            CategoryId::Privacy,
            CategoryId::Availability,
        ]);
        assert_eq!(
            s.categories(),
            [
                CategoryId::Security,
                CategoryId::Availability,
                CategoryId::Privacy
            ]
        );
        assert_eq!(Scope::new(&[]).categories(), [CategoryId::Security]);
    }

    #[test]
    fn scope_round_trips_through_db_form_and_rejects_unknown() {
        let s = Scope::new(&[CategoryId::Confidentiality]);
        assert_eq!(Scope::from_db(&s.to_db()), Ok(s));
        assert!(Scope::from_db("security,bogus").is_err());
    }

    #[test]
    fn answers_round_trip() {
        for a in Answer::ALL {
            assert_eq!(Answer::parse(a.as_str()), Some(a));
        }
        assert_eq!(Answer::parse("yes"), None);
    }
}
