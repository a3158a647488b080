//! Catalog data types, as read from the TOML files and as sent to the UI.

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

/// How much work a remediation is for a small team (elapsed time).
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
}

#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable identifier (`AAA-000`); never renumbered or reused.
    pub id: String,
    /// Criteria this question evidences; the first is the primary one. All in one category.
    pub criteria: Vec<String>,
    pub text: String,
    /// Why an auditor cares.
    pub why: String,
    /// What a passing control looks like.
    pub good: String,
    /// Examples of evidence an auditor would accept.
    pub evidence: Vec<String>,
    /// How critical a gap is, 1 (minor) to 5 (certain exception).
    pub weight: u8,
    /// Key of the remediation that closes a gap here.
    pub remediation: String,
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
    pub effort: Effort,
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
    pub recommends: Vec<CategoryId>,
    pub reason: String,
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
    #[serde(skip)]
    #[specta(skip)]
    pub(crate) index: Index,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Index {
    pub criteria: HashMap<String, usize>,
    pub questions: HashMap<String, usize>,
    pub remediations: HashMap<String, usize>,
    /// The category of each question, in question order (scoring filters by it constantly).
    pub question_categories: Vec<CategoryId>,
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

    /// The category a question belongs to (that of its criteria; validation makes it unique).
    pub fn question_category(&self, q: &Question) -> CategoryId {
        q.criteria
            .first()
            .and_then(|c| self.criterion(c))
            .map_or(CategoryId::Security, |c| c.category)
    }

    /// Questions whose category is in `scope`, in catalog order.
    pub fn questions_in<'a>(
        &'a self,
        scope: &'a [CategoryId],
    ) -> impl Iterator<Item = &'a Question> + 'a {
        self.questions
            .iter()
            .zip(&self.index.question_categories)
            .filter(move |(_, c)| scope.contains(c))
            .map(|(q, _)| q)
    }
}
