//! Who led an assessment, the documents' version history, their approvers and management's
//! response to each finding: the records a consultant's deliverable carries besides the answers.

use crate::error::{DomainError, Result};
use crate::limits;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

/// Who ran the assessment: the company itself, or an assessor (named on the profile) of a firm.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum LedBy {
    #[default]
    SelfAssessment,
    Assessor,
}

impl LedBy {
    pub fn as_str(self) -> &'static str {
        match self {
            LedBy::SelfAssessment => "self",
            LedBy::Assessor => "assessor",
        }
    }

    pub fn parse(s: &str) -> Option<LedBy> {
        match s {
            "self" => Some(LedBy::SelfAssessment),
            "assessor" => Some(LedBy::Assessor),
            _ => None,
        }
    }
}

/// The documents whose versions are counted, one sequence each per assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    Readiness,
    Remediation,
    Summary,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 3] = [
        DocumentKind::Readiness,
        DocumentKind::Remediation,
        DocumentKind::Summary,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Readiness => "readiness",
            DocumentKind::Remediation => "remediation",
            DocumentKind::Summary => "summary",
        }
    }

    pub fn parse(s: &str) -> Option<DocumentKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// One issued version of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct DocumentVersion {
    /// 1, 2, 3… per document kind and assessment; printed "1.0", "2.0".
    pub version: u32,
    pub issued_on: NaiveDate,
    pub author: String,
    /// What changed, as typed when exporting ("Issued", "Updated" by default).
    pub change: String,
}

impl DocumentVersion {
    /// "2.0".
    pub fn label(&self) -> String {
        format!("{}.0", self.version)
    }
}

/// The default change note of a new version: "Issued" for the first, "Updated" after.
pub fn default_change(version: u32) -> &'static str {
    if version <= 1 {
        "Issued"
    } else {
        "Updated"
    }
}

/// A change note: one line, at most the name limit; empty takes the default.
pub fn change_note(raw: &str, version: u32) -> Result<String> {
    let v = limits::line("The change note", raw)?;
    Ok(if v.is_empty() {
        default_change(version).to_owned()
    } else {
        v
    })
}

/// A person who signs the document off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Approver {
    pub name: String,
    pub role: String,
    /// The day they approved; `None` prints an empty line to sign and date.
    pub signed_on: Option<NaiveDate>,
}

/// Most approvers on one sign-off page.
pub const MAX_APPROVERS: usize = 12;

impl Approver {
    pub fn cleaned(&self) -> Result<Approver> {
        if let Some(d) = self.signed_on {
            limits::plausible_date("The approval date", d)?;
        }
        Ok(Approver {
            name: limits::name("An approver's name", &self.name)?,
            role: limits::line("An approver's role", &self.role)?,
            signed_on: self.signed_on,
        })
    }
}

/// Checks a whole list of approvers.
pub fn approvers(list: &[Approver]) -> Result<Vec<Approver>> {
    if list.len() > MAX_APPROVERS {
        return Err(DomainError::invalid(format!(
            "A sign-off page holds at most {MAX_APPROVERS} approvers."
        )));
    }
    list.iter().map(Approver::cleaned).collect()
}

/// How management answers a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ResponseKind {
    /// Management will act; the text says what and by when.
    PlannedAction,
    /// Management accepts the risk; the reason is required.
    AcceptedRisk,
    /// Management disagrees with the finding; the reason is required.
    Disputed,
}

impl ResponseKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ResponseKind::PlannedAction => "planned_action",
            ResponseKind::AcceptedRisk => "accepted_risk",
            ResponseKind::Disputed => "disputed",
        }
    }

    pub fn parse(s: &str) -> Option<ResponseKind> {
        [
            ResponseKind::PlannedAction,
            ResponseKind::AcceptedRisk,
            ResponseKind::Disputed,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            ResponseKind::PlannedAction => "Planned action",
            ResponseKind::AcceptedRisk => "Risk accepted",
            ResponseKind::Disputed => "Disputed",
        }
    }
}

/// Management's response to one finding (a gap, keyed by its question).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ManagementResponse {
    pub question_id: String,
    pub kind: ResponseKind,
    pub text: String,
}

impl ManagementResponse {
    /// Trims the text and checks it: a reason is required to accept or dispute.
    pub fn cleaned(&self) -> Result<ManagementResponse> {
        let text = self.text.trim().to_owned();
        limits::note("A management response", &text)?;
        if text.is_empty() {
            let what = match self.kind {
                ResponseKind::PlannedAction => {
                    "Say what management will do about this finding, and by when."
                }
                ResponseKind::AcceptedRisk => {
                    "Give the reason management accepts this risk: a reason is required."
                }
                ResponseKind::Disputed => {
                    "Give the reason management disputes this finding: a reason is required."
                }
            };
            return Err(DomainError::invalid(what));
        }
        Ok(ManagementResponse {
            question_id: self.question_id.clone(),
            kind: self.kind,
            text,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepting_or_disputing_needs_a_reason() {
        for kind in [ResponseKind::AcceptedRisk, ResponseKind::Disputed] {
            let r = ManagementResponse {
                question_id: "CC6.1-01".into(),
                kind,
                text: "   ".into(),
            };
            let e = r.cleaned().expect_err("reason required");
            assert!(e.to_string().contains("reason is required"), "{e}");
        }
        let ok = ManagementResponse {
            question_id: "CC6.1-01".into(),
            kind: ResponseKind::Disputed,
            text: "  SSO enforces it.  ".into(),
        };
        assert_eq!(ok.cleaned().map(|r| r.text), Ok("SSO enforces it.".into()));
        assert_eq!(
            ResponseKind::parse("accepted_risk"),
            Some(ResponseKind::AcceptedRisk)
        );
        assert_eq!(ResponseKind::parse("ignored"), None);
    }

    #[test]
    fn versions_and_approvers() {
        assert_eq!(change_note("", 1), Ok("Issued".into()));
        assert_eq!(change_note(" ", 3), Ok("Updated".into()));
        assert_eq!(
            change_note("Board comments", 2),
            Ok("Board comments".into())
        );
        assert!(change_note("a\nb", 2).is_err());
        let a = Approver {
            name: " Ana ".into(),
            role: "CEO".into(),
            signed_on: None,
        };
        assert_eq!(a.cleaned().map(|a| a.name), Ok("Ana".into()));
        assert!(approvers(&vec![a.clone(); MAX_APPROVERS + 1]).is_err());
        let nameless = Approver {
            name: "".into(),
            ..a
        };
        assert!(nameless.cleaned().is_err());
        assert_eq!(LedBy::parse("assessor"), Some(LedBy::Assessor));
        assert_eq!(DocumentKind::parse("summary"), Some(DocumentKind::Summary));
    }
}
