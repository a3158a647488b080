//! Comparing an assessment with a snapshot of itself: score deltas and the gaps closed and
//! opened since.
//!
//! Pure. Both states are scored against the current scope, so the numbers compare like with like;
//! a question counts as a gap when its answer is partial, not implemented or don't know.

use crate::assessment::{Answer, Response, Scope};
use crate::catalog::Catalog;
use crate::scoring::{score, Scorecard, Severity};
use serde::Serialize;
use specta::Type;
use std::collections::HashMap;

/// A snapshot as listed: what it is called, when it was taken, its readiness then.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct SnapshotInfo {
    pub id: i64,
    pub label: String,
    pub created_at: String,
    pub readiness: Option<f64>,
}

/// One score then and now. `change` is `None` when either side has no score.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Delta {
    /// Category id or criterion id.
    pub key: String,
    pub label: String,
    pub before: Option<f64>,
    pub now: Option<f64>,
    pub change: Option<f64>,
}

/// A question whose gap status changed.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct GapChange {
    pub question_id: String,
    pub criterion: String,
    pub question: String,
    pub before: Option<Answer>,
    pub now: Option<Answer>,
    /// Severity of the gap: the closed gap's as it was, the opened gap's as it is.
    pub severity: Severity,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Comparison {
    pub snapshot: SnapshotInfo,
    pub overall: Delta,
    pub categories: Vec<Delta>,
    /// Criteria whose score changed, largest change first.
    pub criteria: Vec<Delta>,
    pub gaps_closed: Vec<GapChange>,
    pub gaps_opened: Vec<GapChange>,
}

fn delta(key: &str, label: &str, before: Option<f64>, now: Option<f64>) -> Delta {
    Delta {
        key: key.to_owned(),
        label: label.to_owned(),
        before,
        now,
        change: before.zip(now).map(|(b, n)| n - b),
    }
}

/// Compares `before` (the snapshot's answers) with `now` over the current `scope`.
pub fn compare(
    catalog: &Catalog,
    scope: &Scope,
    snapshot: SnapshotInfo,
    before: &[Response],
    now: &[Response],
) -> Comparison {
    let (b, n): (Scorecard, Scorecard) = (
        score(catalog, scope, before, None),
        score(catalog, scope, now, None),
    );
    let categories = b
        .categories
        .iter()
        .zip(&n.categories)
        .map(|(x, y)| delta(x.category.as_str(), &y.name, x.tally.score, y.tally.score))
        .collect();
    let mut criteria: Vec<Delta> = b
        .criteria
        .iter()
        .zip(&n.criteria)
        .map(|(x, y)| delta(&x.criterion, &y.topic, x.tally.score, y.tally.score))
        .filter(|d| d.before != d.now)
        .collect();
    criteria.sort_by(|x, y| {
        let size = |d: &Delta| d.change.map_or(0.0, f64::abs);
        size(y).total_cmp(&size(x)).then_with(|| x.key.cmp(&y.key))
    });

    let answers = |rs: &[Response]| -> HashMap<String, Option<Answer>> {
        rs.iter()
            .map(|r| (r.question_id.clone(), r.answer))
            .collect()
    };
    let (was, is) = (answers(before), answers(now));
    let mut gaps_closed = Vec::new();
    let mut gaps_opened = Vec::new();
    for q in catalog.questions_in(scope.categories()) {
        let then = was.get(&q.id).copied().flatten();
        let current = is.get(&q.id).copied().flatten();
        let change = |severity| GapChange {
            question_id: q.id.clone(),
            criterion: q.criteria.first().cloned().unwrap_or_default(),
            question: q.text.clone(),
            before: then,
            now: current,
            severity,
        };
        match (Severity::of(q, then), Severity::of(q, current)) {
            (Some(s), None) if current.is_some() => gaps_closed.push(change(s)),
            (None, Some(s)) => gaps_opened.push(change(s)),
            _ => {}
        }
    }
    Comparison {
        snapshot,
        overall: delta(
            "overall",
            "Overall readiness",
            b.overall.score,
            n.overall.score,
        ),
        categories,
        criteria,
        gaps_closed,
        gaps_opened,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::fixture::fixture;
    use crate::catalog::CategoryId;

    fn rs(answers: &[(&str, Answer)]) -> Vec<Response> {
        answers
            .iter()
            .map(|(id, a)| Response {
                question_id: (*id).into(),
                answer: Some(*a),
                note: String::new(),
                updated_at: String::new(),
                ..Response::default()
            })
            .collect()
    }

    fn info() -> SnapshotInfo {
        SnapshotInfo {
            id: 1,
            label: "Baseline".into(),
            created_at: String::new(),
            readiness: None,
        }
    }

    #[test]
    fn closed_and_opened_gaps_and_deltas() {
        use Answer::*;
        let before = rs(&[
            ("AAA-001", NotImplemented),
            ("AAA-002", Implemented),
            ("AAA-003", Partial),
        ]);
        let now = rs(&[
            ("AAA-001", Implemented),
            ("AAA-002", NotImplemented),
            ("AAA-003", Partial),
        ]);
        let c = compare(&fixture(), &Scope::new(&[]), info(), &before, &now);
        let ids = |v: &[GapChange]| v.iter().map(|g| g.question_id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&c.gaps_closed), vec!["AAA-001"]);
        assert_eq!(c.gaps_closed[0].severity, Severity::High);
        assert_eq!(ids(&c.gaps_opened), vec!["AAA-002"]);
        // Before: (0 + 1 + 1.5) / 9; now: (5 + 0 + 1.5) / 9.
        assert_eq!(c.overall.before, Some(100.0 * 2.5 / 9.0));
        assert_eq!(c.overall.now, Some(100.0 * 6.5 / 9.0));
        assert!(c
            .overall
            .change
            .is_some_and(|d| (d - 400.0 / 9.0).abs() < 1e-9));
        assert_eq!(c.categories.len(), 1);
        assert_eq!(c.criteria[0].key, "CC1.1", "largest change first");
    }

    #[test]
    fn clearing_an_answer_does_not_count_as_closing_a_gap() {
        let before = rs(&[("AAA-001", Answer::NotImplemented)]);
        let c = compare(
            &fixture(),
            &Scope::new(&[CategoryId::Privacy]),
            info(),
            &before,
            &[],
        );
        assert!(c.gaps_closed.is_empty());
        assert!(c.gaps_opened.is_empty());
    }
}
