//! Readiness scoring: a weighted score per criterion, criterion group, category and overall.
//!
//! The formula, as printed in reports: each question in scope earns 1 if implemented, 0.5 if
//! partially implemented and 0 if not implemented, unknown or not yet answered, multiplied by its
//! weight (1 to 5); a score is the points earned divided by the points possible, and questions
//! marked not applicable are left out of both. A criterion whose questions are all not applicable
//! has no score rather than 100%.

mod band;

pub use band::{band_for, Band, Severity};

use crate::assessment::{Answer, Response, Scope};
use crate::catalog::{Catalog, CategoryId, Question};
use serde::Serialize;
use specta::Type;
use std::collections::HashMap;

/// Plain-words statement of the formula, shared by the UI and the reports.
pub const METHOD: &str = "Each question in scope earns 1 point if implemented, half a point if \
partially implemented and nothing if not implemented, unknown or not yet answered, multiplied by \
its weight (1 to 5). A score is the points earned divided by the points possible; questions \
marked not applicable count in neither.";

/// Points and counts over a set of questions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Type)]
pub struct Tally {
    /// 0–100, or `None` when nothing applicable remains.
    pub score: Option<f64>,
    pub questions: u32,
    pub answered: u32,
    pub not_applicable: u32,
    pub unknown: u32,
    #[serde(skip)]
    #[specta(skip)]
    earned: f64,
    #[serde(skip)]
    #[specta(skip)]
    possible: f64,
}

impl Tally {
    fn add(&mut self, q: &Question, answer: Option<Answer>) {
        self.questions += 1;
        if answer.is_some() {
            self.answered += 1;
        }
        let weight = f64::from(q.weight);
        let value = match answer {
            Some(Answer::NotApplicable) => {
                self.not_applicable += 1;
                return;
            }
            Some(Answer::Implemented) => 1.0,
            Some(Answer::Partial) => 0.5,
            Some(Answer::Unknown) => {
                self.unknown += 1;
                0.0
            }
            Some(Answer::NotImplemented) | None => 0.0,
        };
        self.earned += weight * value;
        self.possible += weight;
        self.score = Some(100.0 * self.earned / self.possible);
    }
}

#[derive(Debug, Clone, Serialize, Type)]
pub struct CategoryScore {
    pub category: CategoryId,
    pub name: String,
    pub tally: Tally,
}

/// A criterion group such as "CC6 Logical and physical access".
#[derive(Debug, Clone, Serialize, Type)]
pub struct GroupScore {
    pub group: String,
    pub category: CategoryId,
    pub tally: Tally,
}

#[derive(Debug, Clone, Serialize, Type)]
pub struct CriterionScore {
    pub criterion: String,
    pub category: CategoryId,
    pub topic: String,
    pub tally: Tally,
}

/// Everything the dashboard and reports show about readiness.
#[derive(Debug, Clone, Serialize, Type)]
pub struct Scorecard {
    pub overall: Tally,
    pub band: Band,
    /// Gaps of high severity (a heavy control missing or unknown).
    pub high_gaps: u32,
    pub categories: Vec<CategoryScore>,
    pub groups: Vec<GroupScore>,
    pub criteria: Vec<CriterionScore>,
}

/// The overall figures of a scorecard, for lists of assessments.
#[derive(Debug, Clone, PartialEq)]
pub struct Headline {
    pub overall: Tally,
    pub band: Band,
    pub high_gaps: u32,
}

/// Whether an answer to `q` is a high-severity gap (counted by the band).
fn is_high_gap(q: &Question, answer: Option<Answer>) -> bool {
    answer.is_some() && Severity::of(q.weight, answer) == Some(Severity::High)
}

/// [`score`]'s overall tally, band and high-gap count without the breakdowns: what a list of
/// hundreds of assessments needs, at a fraction of the cost.
pub fn headline<'a>(
    catalog: &Catalog,
    scope: &Scope,
    answers: impl IntoIterator<Item = (&'a str, Option<Answer>)>,
) -> Headline {
    let answers: HashMap<&str, Option<Answer>> = answers.into_iter().collect();
    let mut overall = Tally::default();
    let mut high_gaps = 0;
    for q in catalog.questions_in(scope.categories()) {
        let answer = answers.get(q.id.as_str()).copied().flatten();
        overall.add(q, answer);
        high_gaps += u32::from(is_high_gap(q, answer));
    }
    Headline {
        band: band_for(&overall, high_gaps),
        overall,
        high_gaps,
    }
}

/// Scores the questions of `scope` from `responses` (which may be partial or contain retired ids).
pub fn score(catalog: &Catalog, scope: &Scope, responses: &[Response]) -> Scorecard {
    let answers: HashMap<&str, Option<Answer>> = responses
        .iter()
        .map(|r| (r.question_id.as_str(), r.answer))
        .collect();
    let in_scope = scope.categories();
    let mut overall = Tally::default();
    let mut by_category: HashMap<CategoryId, Tally> = HashMap::new();
    let mut by_criterion: HashMap<&str, Tally> = HashMap::new();
    let mut by_group: HashMap<&str, Tally> = HashMap::new();
    let mut high_gaps = 0;
    for q in catalog.questions_in(in_scope) {
        let answer = answers.get(q.id.as_str()).copied().flatten();
        overall.add(q, answer);
        // Asked once, counted in every category it maps to.
        for c in &q.categories {
            by_category.entry(*c).or_default().add(q, answer);
        }
        for c in &q.criteria {
            by_criterion.entry(c).or_default().add(q, answer);
        }
        // A question counts once per group, even when it evidences two criteria of it.
        let mut groups: Vec<&str> = q
            .criteria
            .iter()
            .filter_map(|c| catalog.criterion(c))
            .map(|c| c.group.as_str())
            .collect();
        groups.dedup();
        for g in groups {
            by_group.entry(g).or_default().add(q, answer);
        }
        high_gaps += u32::from(is_high_gap(q, answer));
    }
    let categories = in_scope
        .iter()
        .map(|&c| CategoryScore {
            category: c,
            name: catalog
                .category(c)
                .map_or_else(|| c.as_str().to_owned(), |x| x.name.clone()),
            tally: by_category.remove(&c).unwrap_or_default(),
        })
        .collect();
    let mut groups: Vec<GroupScore> = Vec::new();
    for c in catalog
        .criteria
        .iter()
        .filter(|c| in_scope.contains(&c.category))
    {
        if !groups.iter().any(|g| g.group == c.group) {
            groups.push(GroupScore {
                group: c.group.clone(),
                category: c.category,
                tally: by_group.remove(c.group.as_str()).unwrap_or_default(),
            });
        }
    }
    let criteria = catalog
        .criteria
        .iter()
        .filter(|c| in_scope.contains(&c.category))
        .map(|c| CriterionScore {
            criterion: c.id.clone(),
            category: c.category,
            topic: c.topic.clone(),
            tally: by_criterion.remove(c.id.as_str()).unwrap_or_default(),
        })
        .collect();
    Scorecard {
        band: band_for(&overall, high_gaps),
        overall,
        high_gaps,
        categories,
        groups,
        criteria,
    }
}

#[cfg(test)]
mod tests;
