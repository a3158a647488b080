//! Readiness scoring: a weighted score per criterion, criterion group, category and overall.
//!
//! The formula, as printed in reports: each question in scope earns 1 if implemented, 0.5 if
//! partially implemented and 0 if not implemented, unknown or not yet answered, multiplied by its
//! weight (1 to 5); a score is the points earned divided by the points possible, and questions
//! marked not applicable are left out of both. A criterion whose questions are all not applicable
//! has no score rather than 100%.

mod band;

pub use band::{band_for, Band, ScoreLevel, Severity};

use crate::assessment::{Answer, Response, Scope};
use crate::catalog::{Catalog, CategoryId, Question};
use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;
use std::collections::HashMap;

/// Plain-words statement of the formula, shared by the UI and the reports.
pub const METHOD: &str = "Each question in scope earns 1 point if implemented, half a point if \
partially implemented and nothing if not implemented, unknown or not yet answered, multiplied by \
its weight (1 to 5). A score is the points earned divided by the points possible; questions \
marked not applicable count in neither. For a Type II audit, a control that started after the \
observation period began counts as partially implemented: it did not run across the period.";

/// Whether an implemented, recurring or continuous control started after a Type II observation
/// period began (`observation_start`), so it cannot have operated across all of it.
pub fn started_too_late(
    q: &Question,
    answer: Option<Answer>,
    since: Option<NaiveDate>,
    observation_start: Option<NaiveDate>,
) -> bool {
    matches!(
        (answer, q.runs, since, observation_start),
        (Some(Answer::Implemented), Some(_), Some(since), Some(start)) if since > start
    )
}

/// The answer as scored and planned: a control that started too late counts as partial.
pub fn effective_answer(
    q: &Question,
    answer: Option<Answer>,
    since: Option<NaiveDate>,
    observation_start: Option<NaiveDate>,
) -> Option<Answer> {
    if started_too_late(q, answer, since, observation_start) {
        Some(Answer::Partial)
    } else {
        answer
    }
}

/// Points and counts over a set of questions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Type)]
pub struct Tally {
    /// 0–100, or `None` when nothing applicable remains.
    pub score: Option<f64>,
    pub questions: u32,
    pub answered: u32,
    pub not_applicable: u32,
    pub unknown: u32,
    /// Gaps of high severity among these questions.
    pub high_gaps: u32,
    /// How the score reads (never better than weak with a high gap inside); `None` without one.
    pub level: Option<ScoreLevel>,
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
        self.high_gaps += u32::from(is_high_gap(q, answer));
        let score = 100.0 * self.earned / self.possible;
        self.score = Some(score);
        self.level = Some(ScoreLevel::of(score, self.high_gaps));
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
    /// Gaps of high severity (a key or heavy control missing, or a key control partial).
    pub high_gaps: u32,
    /// Type II: implemented controls that started after the observation period began.
    pub late_controls: u32,
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
    Severity::of(q, answer) == Some(Severity::High)
}

/// [`score`]'s overall tally, band and high-gap count without the breakdowns: what a list of
/// hundreds of assessments needs, at a fraction of the cost.
/// `answers` holds each question's answer and the date its control started.
pub fn headline<'a>(
    catalog: &Catalog,
    scope: &Scope,
    observation_start: Option<NaiveDate>,
    answers: impl IntoIterator<Item = (&'a str, Option<Answer>, Option<NaiveDate>)>,
) -> Headline {
    let answers: HashMap<&str, (Option<Answer>, Option<NaiveDate>)> = answers
        .into_iter()
        .map(|(id, a, since)| (id, (a, since)))
        .collect();
    let mut overall = Tally::default();
    for q in catalog.questions_in(scope.categories()) {
        let (answer, since) = answers.get(q.id.as_str()).copied().unwrap_or_default();
        overall.add(q, effective_answer(q, answer, since, observation_start));
    }
    Headline {
        band: band_for(&overall, overall.high_gaps),
        high_gaps: overall.high_gaps,
        overall,
    }
}

/// Scores the questions of `scope` from `responses` (which may be partial or contain retired ids).
/// For a Type II audit, `observation_start` makes controls that started after it count as
/// partial ([`started_too_late`]).
pub fn score(
    catalog: &Catalog,
    scope: &Scope,
    responses: &[Response],
    observation_start: Option<NaiveDate>,
) -> Scorecard {
    let answers: HashMap<&str, &Response> = responses
        .iter()
        .map(|r| (r.question_id.as_str(), r))
        .collect();
    let in_scope = scope.categories();
    let mut overall = Tally::default();
    let mut by_category: HashMap<CategoryId, Tally> = HashMap::new();
    let mut by_criterion: HashMap<&str, Tally> = HashMap::new();
    let mut by_group: HashMap<&str, Tally> = HashMap::new();
    let mut late_controls = 0;
    for q in catalog.questions_in(in_scope) {
        let r = answers.get(q.id.as_str());
        let (given, since) = (r.and_then(|r| r.answer), r.and_then(|r| r.since));
        late_controls += u32::from(started_too_late(q, given, since, observation_start));
        let answer = effective_answer(q, given, since, observation_start);
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
        band: band_for(&overall, overall.high_gaps),
        high_gaps: overall.high_gaps,
        late_controls,
        overall,
        categories,
        groups,
        criteria,
    }
}

#[cfg(test)]
mod tests;
