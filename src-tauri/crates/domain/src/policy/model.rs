//! Policy types: templates as read from TOML, generated policies, the lifecycle record and
//! the merged view the UI, the documents and the command line show.

use crate::catalog::CategoryId;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

/// A setting every policy reuses ("Cloud provider"), used in text as `{{id}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct Parameter {
    pub id: String,
    pub label: String,
    pub help: String,
    /// Reads naturally mid-sentence when the user has not set a value ("our cloud provider").
    pub default: String,
}

/// A statement of practice that clauses depend on. It holds when every one of its questions
/// that is in scope is answered "implemented".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub id: String,
    pub statement: String,
    pub questions: Vec<String>,
}

/// A sentence of practice in a section, stated only when its fact holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct ClauseTemplate {
    pub fact: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct SectionTemplate {
    pub id: String,
    pub title: String,
    /// Criteria ids the section supports (checked against the bank).
    pub criteria: Vec<String>,
    /// Light markup with `{{placeholders}}`: the section's rules, which hold whatever the answers.
    pub body: String,
    #[serde(default, rename = "clause")]
    pub clauses: Vec<ClauseTemplate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct PolicyTemplate {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub owner_role: String,
    pub approver_role: String,
    pub review_months: u16,
    /// The policy is part of the pack when any of these categories is in scope.
    pub categories: Vec<CategoryId>,
    pub order: u32,
    #[serde(rename = "section")]
    pub sections: Vec<SectionTemplate>,
}

/// Every template, fact and parameter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct PolicyLibrary {
    /// In `order`.
    pub policies: Vec<PolicyTemplate>,
    pub facts: Vec<Fact>,
    pub parameters: Vec<Parameter>,
}

impl PolicyLibrary {
    pub fn policy(&self, id: &str) -> Option<&PolicyTemplate> {
        self.policies.iter().find(|p| p.id == id)
    }

    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.facts.iter().find(|f| f.id == id)
    }

    pub fn parameter(&self, id: &str) -> Option<&Parameter> {
        self.parameters.iter().find(|p| p.id == id)
    }
}

/// Whether a clause is practice today, or planned because the answers say it is not yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ClauseState {
    InPlace,
    Planned {
        /// The fact's in-scope questions not answered "implemented".
        questions: Vec<String>,
        /// The plan action that closes them, when the plan has one.
        action_key: Option<String>,
        action_title: Option<String>,
        due: Option<NaiveDate>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct GeneratedClause {
    pub fact: String,
    /// Placeholders filled.
    pub text: String,
    pub state: ClauseState,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct GeneratedSection {
    pub id: String,
    pub title: String,
    /// The section's criteria that are in scope.
    pub criteria: Vec<String>,
    /// The whole section as light markup (body, then its clauses), the text a user edits.
    pub text: String,
    pub clauses: Vec<GeneratedClause>,
}

/// A policy as the templates write it from the assessment today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct GeneratedPolicy {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub owner_role: String,
    pub approver_role: String,
    pub review_months: u16,
    /// Union of the sections' in-scope criteria, in bank order.
    pub criteria: Vec<String>,
    pub sections: Vec<GeneratedSection>,
}

/// Where a policy is in its life.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum PolicyStatus {
    #[default]
    Draft,
    InReview,
    Approved,
    Retired,
}

impl PolicyStatus {
    pub const ALL: [PolicyStatus; 4] = [
        PolicyStatus::Draft,
        PolicyStatus::InReview,
        PolicyStatus::Approved,
        PolicyStatus::Retired,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PolicyStatus::Draft => "draft",
            PolicyStatus::InReview => "in_review",
            PolicyStatus::Approved => "approved",
            PolicyStatus::Retired => "retired",
        }
    }

    pub fn parse(s: &str) -> Option<PolicyStatus> {
        PolicyStatus::ALL.into_iter().find(|x| x.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            PolicyStatus::Draft => "Draft",
            PolicyStatus::InReview => "In review",
            PolicyStatus::Approved => "Approved",
            PolicyStatus::Retired => "Retired",
        }
    }
}

/// A section the user rewrote, with the generated text it was written over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct SectionEdit {
    pub section_id: String,
    pub text: String,
    /// The generated text when the edit was made (or last accepted); a different generated
    /// text today means the template or the answers under the edit changed.
    pub base: String,
    pub edited_at: String,
}

/// A section as approved: what the frozen version says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct FrozenSection {
    pub id: String,
    pub title: String,
    pub criteria: Vec<String>,
    pub text: String,
    /// Facts stated as practice in this version (for contradictions found later).
    pub stated_facts: Vec<String>,
}

/// One version in a policy's history: approved versions carry their frozen text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct PolicyRevision {
    pub version: u32,
    pub status: PolicyStatus,
    /// When this row was written (RFC 3339).
    pub at: String,
    pub author: String,
    pub note: String,
    pub approver: String,
    pub approved_on: Option<NaiveDate>,
    /// Present for approved versions.
    pub sections: Option<Vec<FrozenSection>>,
}

/// What the workspace keeps of a policy beyond its template: owner, status, version, edits and
/// history. A policy nobody touched has the default record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct PolicyRecord {
    pub policy_id: String,
    /// A person of the client.
    pub owner: Option<i64>,
    pub approver: Option<i64>,
    pub status: PolicyStatus,
    /// 1 for a new policy; approving freezes it, and the next edit starts version + 1.
    pub version: u32,
    pub approved_on: Option<NaiveDate>,
    pub next_review: Option<NaiveDate>,
    pub edits: Vec<SectionEdit>,
    /// Newest first.
    pub revisions: Vec<PolicyRevision>,
}

impl PolicyRecord {
    /// The record of a policy nobody has touched: draft, version 1, no owner.
    pub fn new(policy_id: impl Into<String>) -> PolicyRecord {
        PolicyRecord {
            policy_id: policy_id.into(),
            owner: None,
            approver: None,
            status: PolicyStatus::Draft,
            version: 1,
            approved_on: None,
            next_review: None,
            edits: Vec::new(),
            revisions: Vec::new(),
        }
    }

    /// The newest approved version: the one in force, which people acknowledge. None until
    /// the policy is first approved; a later draft or review does not replace it.
    pub fn version_in_force(&self) -> Option<u32> {
        self.revisions
            .iter()
            .filter(|v| v.status == PolicyStatus::Approved)
            .map(|v| v.version)
            .max()
    }
}

/// A line of a difference between two texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum DiffKind {
    Same,
    Added,
    Removed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct DiffLine {
    pub kind: DiffKind,
    pub text: String,
}

/// A section as the policy reads now, with what the user needs to decide about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct SectionView {
    pub id: String,
    pub title: String,
    pub criteria: Vec<String>,
    /// What the policy says: the approved text when frozen, else the edit, else the generated.
    pub text: String,
    /// What the templates write today.
    pub generated: String,
    pub edited: bool,
    /// An edited section whose generated text changed since the edit (see `diff`).
    pub template_changed: bool,
    /// From the edit's base to today's generated text, when `template_changed`.
    pub diff: Vec<DiffLine>,
    pub clauses: Vec<GeneratedClause>,
}

/// A clause the policy marks as planned, with the action that will make it true.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct PlannedClause {
    pub section_id: String,
    pub section_title: String,
    pub fact: String,
    pub text: String,
    pub questions: Vec<String>,
    pub action_key: Option<String>,
    pub action_title: Option<String>,
    pub due: Option<NaiveDate>,
}

/// The policy states a practice (in its approved or edited text) that the answers deny.
/// Shown on the policy and on each question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Contradiction {
    pub policy_id: String,
    pub policy_title: String,
    pub section_id: String,
    pub section_title: String,
    pub fact: String,
    /// The sentence the policy states.
    pub text: String,
    /// The fact's in-scope questions not answered "implemented".
    pub questions: Vec<String>,
}

/// A policy as the app shows and exports it: template output, the user's edits and the
/// lifecycle merged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct PolicyView {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub status: PolicyStatus,
    pub version: u32,
    /// The newest approved version, the one people acknowledge (see
    /// [`PolicyRecord::version_in_force`]).
    pub version_in_force: Option<u32>,
    pub owner: Option<i64>,
    /// The person's name, or the template's role marked as not yet named.
    pub owner_name: String,
    pub approver: Option<i64>,
    pub approver_name: String,
    pub approved_on: Option<NaiveDate>,
    pub next_review: Option<NaiveDate>,
    pub review_months: u16,
    pub criteria: Vec<String>,
    pub sections: Vec<SectionView>,
    pub planned: Vec<PlannedClause>,
    pub contradictions: Vec<Contradiction>,
    /// Approved: the text is the frozen version's, and edits start a new version.
    pub frozen: bool,
    /// Approved, and what the templates and answers write today differs from the frozen text.
    pub changed_since_approval: bool,
    /// Newest first.
    pub revisions: Vec<PolicyRevision>,
}

/// A parameter as the Parameters panel shows it: the user's value, else a suggestion read from
/// the assessment (and where it was found), else the default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct PolicyParameterView {
    pub id: String,
    pub label: String,
    pub help: String,
    pub default: String,
    pub value: Option<String>,
    pub suggested: Option<String>,
    /// Where the suggestion comes from ("Company profile: hosting", "Note on ACC-002").
    pub suggested_from: Option<String>,
}

/// A file format a policy or the pack is exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum PolicyFormat {
    Pdf,
    Docx,
    Md,
}

impl PolicyFormat {
    pub const ALL: [PolicyFormat; 3] = [PolicyFormat::Pdf, PolicyFormat::Docx, PolicyFormat::Md];

    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            PolicyFormat::Pdf => "pdf",
            PolicyFormat::Docx => "docx",
            PolicyFormat::Md => "md",
        }
    }

    pub fn parse(s: &str) -> Option<PolicyFormat> {
        PolicyFormat::ALL.into_iter().find(|f| f.extension() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            PolicyFormat::Pdf => "PDF",
            PolicyFormat::Docx => "Word",
            PolicyFormat::Md => "Markdown",
        }
    }
}
