//! Catalog data types, as read from the TOML files and as sent to the UI.

pub use super::cadence::Cadence;
pub use super::changes::BankChanges;
pub use super::coverage::CriterionCoverage;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::HashMap;

/// One of the five Trust Services categories.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum CategoryId {
    Security,
    Availability,
    ProcessingIntegrity,
    Confidentiality,
    Privacy,
}

impl CategoryId {
    pub const ALL: [CategoryId; 5] = [
        CategoryId::Security,
        CategoryId::Availability,
        CategoryId::ProcessingIntegrity,
        CategoryId::Confidentiality,
        CategoryId::Privacy,
    ];

    /// The stable wire/database spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            CategoryId::Security => "security",
            CategoryId::Availability => "availability",
            CategoryId::ProcessingIntegrity => "processing_integrity",
            CategoryId::Confidentiality => "confidentiality",
            CategoryId::Privacy => "privacy",
        }
    }

    pub fn parse(s: &str) -> Option<CategoryId> {
        CategoryId::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// How much hands-on work a remediation is for its owner, in working days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Type)]
pub enum Effort {
    /// One day or less.
    XS,
    /// Two to five days.
    S,
    /// One to two weeks.
    M,
    /// Three to six weeks.
    L,
    /// More than six weeks.
    XL,
}

impl Effort {
    /// Working-day range the size stands for, documented in the README and the plan report.
    pub fn day_range(self) -> (u32, u32) {
        match self {
            Effort::XS => (0, 1),
            Effort::S => (2, 5),
            Effort::M => (5, 10),
            Effort::L => (15, 30),
            Effort::XL => (30, 60),
        }
    }

    /// The working days the plan schedules: the middle of the range (XS: one day).
    pub fn planning_days(self) -> f32 {
        match self {
            Effort::XS => 1.0,
            Effort::S => 3.0,
            Effort::M => 7.0,
            Effort::L => 22.0,
            Effort::XL => 45.0,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: CategoryId,
    pub name: String,
    pub optional: bool,
    pub summary: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub id: String,
    pub category: CategoryId,
    pub group: String,
    pub topic: String,
    /// What an auditor typically asks for to test this criterion, as request-list items.
    pub requests: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(from = "QuestionFile")]
pub struct Question {
    /// Stable identifier (`AAA-000`); never renumbered or reused.
    pub id: String,
    /// Criteria this question evidences; the first is the primary one. They may belong to
    /// several categories: the question is asked once, and is in scope when any of them is.
    pub criteria: Vec<String>,
    /// The categories of `criteria`, in canonical order (derived when the bank is loaded).
    pub categories: Vec<CategoryId>,
    pub text: String,
    /// Why an auditor cares.
    pub why: String,
    /// What a passing control looks like.
    pub good: String,
    /// Examples of evidence an auditor would accept.
    pub evidence: Vec<String>,
    /// How a gap here reads in a report: a statement ("No MFA on administrative consoles").
    pub finding: String,
    /// How critical a gap is, 1 (minor) to 5 (certain exception).
    pub weight: u8,
    /// A key control: a partial answer is already a high-severity gap.
    pub key: bool,
    /// Key of the remediation that closes a gap here.
    pub remediation: String,
    /// The control operates over time (continuously, or on a cycle with this typical cadence);
    /// for a Type II audit it must have run across the observation period.
    pub runs: Option<Cadence>,
    /// For questions a lawyer should answer: what to ask counsel.
    pub counsel: Option<String>,
}

/// A question as written in the bank's files: everything but what is derived at load.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionFile {
    id: String,
    criteria: Vec<String>,
    text: String,
    why: String,
    good: String,
    evidence: Vec<String>,
    finding: String,
    weight: u8,
    #[serde(default)]
    key: bool,
    remediation: String,
    #[serde(default)]
    runs: Option<Cadence>,
    #[serde(default)]
    counsel: Option<String>,
}

impl From<QuestionFile> for Question {
    fn from(f: QuestionFile) -> Question {
        Question {
            id: f.id,
            criteria: f.criteria,
            categories: Vec::new(),
            text: f.text,
            why: f.why,
            good: f.good,
            evidence: f.evidence,
            finding: f.finding,
            weight: f.weight,
            key: f.key,
            remediation: f.remediation,
            runs: f.runs,
            counsel: f.counsel,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct Remediation {
    /// Shared by every question whose gap this one piece of work closes.
    pub key: String,
    pub title: String,
    pub action: String,
    /// The role that usually owns the work.
    pub owner: String,
    /// The owner's hands-on work.
    pub effort: Effort,
    /// Minimum elapsed weeks, when the work waits on outsiders (a testing firm, an insurer).
    #[serde(default)]
    pub lead_weeks: Option<u8>,
    /// Remediations that must be done before this one starts.
    #[serde(default)]
    pub after: Vec<String>,
    /// The recurring control this work sets up, with its typical cadence.
    #[serde(default)]
    pub runs: Option<Cadence>,
    /// The evidence that shows the action is done.
    pub proof: String,
}

/// A yes/no question that recommends optional categories when answered yes.
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct ScopingQuestion {
    pub id: String,
    pub text: String,
    pub help: String,
    /// Optional categories a "yes" recommends (may be empty when `advice` says what to do).
    pub recommends: Vec<CategoryId>,
    /// Why they are recommended.
    pub reason: String,
    /// Advice shown for a "yes" beyond the categories (another report type, another standard).
    #[serde(default)]
    pub advice: Option<String>,
}

/// The whole validated bank, with indexes for lookups.
#[derive(Debug, Clone, Serialize, Type)]
pub struct Catalog {
    pub version: String,
    pub roles: Vec<String>,
    pub categories: Vec<Category>,
    pub criteria: Vec<Criterion>,
    pub questions: Vec<Question>,
    pub remediations: Vec<Remediation>,
    pub scoping: Vec<ScopingQuestion>,
    /// Per criterion, the topics the bank asks about and the questions that ask them.
    pub coverage: Vec<CriterionCoverage>,
    /// How this bank relates to the previous one, for assessments answered against it.
    pub changes: BankChanges,
    #[serde(skip)]
    #[specta(skip)]
    pub(crate) index: Index,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Index {
    pub criteria: HashMap<String, usize>,
    pub questions: HashMap<String, usize>,
    pub remediations: HashMap<String, usize>,
}

impl Catalog {
    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.index.criteria.get(id).map(|&i| &self.criteria[i])
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.index.questions.get(id).map(|&i| &self.questions[i])
    }

    pub fn remediation(&self, key: &str) -> Option<&Remediation> {
        self.index
            .remediations
            .get(key)
            .map(|&i| &self.remediations[i])
    }

    pub fn category(&self, id: CategoryId) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    /// Questions asked when `scope` is in scope (any of their categories is), in bank order.
    pub fn questions_in<'a>(
        &'a self,
        scope: &'a [CategoryId],
    ) -> impl Iterator<Item = &'a Question> + 'a {
        self.questions
            .iter()
            .filter(move |q| q.categories.iter().any(|c| scope.contains(c)))
    }
}
