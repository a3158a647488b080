//! What the UI and the CLI are shown: inputs and views built from the store and the scorecard.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;
use trustgap_domain::assessment::{Answer, CompanyProfile, EvidenceRef, Response};
use trustgap_domain::catalog::{Cadence, CategoryId, RetiredAnswer, ScopingNote};
use trustgap_domain::people::Owner;
use trustgap_domain::plan::{ActionEdit, AuditProfile};
use trustgap_domain::scoring::{Band, Scorecard};
use trustgap_store::Client;

/// One assessment in lists: identity, scope and progress at a glance.
#[derive(Debug, Clone, Serialize, Type)]
pub struct AssessmentSummary {
    pub id: i64,
    pub client_id: i64,
    pub client_name: String,
    pub name: String,
    pub catalog_version: String,
    pub scope: Vec<CategoryId>,
    pub profile: AuditProfile,
    pub company: CompanyProfile,
    pub created_at: String,
    pub updated_at: String,
    pub opened_at: Option<String>,
    pub archived_at: Option<String>,
    pub deleted_at: Option<String>,
    /// The assessment this re-assessment was carried over from.
    pub based_on: Option<i64>,
    /// The question last answered, to resume there.
    pub last_question: Option<String>,
    /// The scoping questions answered "yes" when the scope was chosen, with their reasons.
    pub scoping: Vec<ScopingNote>,
    /// Carried-over answers not confirmed since.
    pub needs_review: u32,
    pub flagged: u32,
    pub answered: u32,
    pub questions: u32,
    pub readiness: Option<f64>,
    pub band: Band,
}

/// The workspace screen: every client and every assessment, recently opened first.
#[derive(Debug, Clone, Serialize, Type)]
pub struct Overview {
    pub clients: Vec<Client>,
    /// Active and archived assessments (see `archived_at`), recently opened first.
    pub assessments: Vec<AssessmentSummary>,
    /// Deleted assessments that can still be restored.
    pub trash: Vec<AssessmentSummary>,
}

/// An open assessment: its summary, answers and scorecard.
#[derive(Debug, Clone, Serialize, Type)]
pub struct AssessmentDetail {
    pub summary: AssessmentSummary,
    pub responses: Vec<Response>,
    pub scorecard: Scorecard,
    /// Answers to questions that left the question bank, kept for the record.
    pub retired: Vec<RetiredAnswer>,
}

#[derive(Debug, Clone, Deserialize, Type)]
pub struct NewAssessmentInput {
    /// The client; ignored when `new_client_name` is set.
    pub client_id: i64,
    /// A new client to create with the assessment: both are created, or neither.
    #[serde(default)]
    pub new_client_name: Option<String>,
    pub name: String,
    /// Optional categories to include; Security is always added.
    pub scope: Vec<CategoryId>,
    pub profile: AuditProfile,
    #[serde(default)]
    pub company: CompanyProfile,
    /// The scoping questions answered "yes" (ids); kept with their reasons.
    #[serde(default)]
    pub scoping_yes: Vec<String>,
}

/// New name, company profile and scope of an existing assessment.
#[derive(Debug, Clone, Deserialize, Type)]
pub struct UpdateDetailsInput {
    pub id: i64,
    pub name: String,
    pub company: CompanyProfile,
    pub scope: Vec<CategoryId>,
    /// The scoping questions answered "yes" (ids).
    #[serde(default)]
    pub scoping_yes: Vec<String>,
}

/// A change to one remediation action, keyed by its remediation key.
#[derive(Debug, Clone, Deserialize, Type)]
pub struct UpdateActionInput {
    pub assessment_id: i64,
    pub key: String,
    pub edit: ActionEdit,
}

#[derive(Debug, Clone, Default, Deserialize, Type)]
pub struct SaveAnswerInput {
    pub assessment_id: i64,
    pub question_id: String,
    /// `null` clears the answer.
    pub answer: Option<Answer>,
    /// Free notes; required (the justification) for a not-applicable answer.
    pub note: String,
    #[serde(default)]
    pub flagged: bool,
    /// A person of the client, or a role nobody holds yet.
    #[serde(default)]
    pub owner: Option<Owner>,
    #[serde(default)]
    pub evidence: Vec<EvidenceRef>,
    /// For a control that operates over time: since when, and how often.
    #[serde(default)]
    pub since: Option<NaiveDate>,
    #[serde(default)]
    pub cadence: Option<Cadence>,
    /// The assessor checked the answer against evidence.
    #[serde(default)]
    pub verified: bool,
}

/// The saved response and everything on screen that it changed.
#[derive(Debug, Clone, Serialize, Type)]
pub struct AnswerSaved {
    pub response: Response,
    pub summary: AssessmentSummary,
    pub scorecard: Scorecard,
}

/// Facts about this installation shown in the app (and used by tests).
#[derive(Debug, Clone, Serialize, Type)]
pub struct AppInfo {
    pub version: String,
    pub catalog_version: String,
    pub data_dir: String,
    pub database: String,
    /// The scoring formula in plain words.
    pub scoring_method: String,
}

/// Result of an export that goes through the save dialog.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum ExportOutcome {
    Saved {
        path: String,
        bytes: u32,
        /// What the reader should know about the file, e.g. characters printed as "?".
        warnings: Vec<String>,
    },
    /// The user closed the dialog without choosing a file.
    Cancelled,
}
