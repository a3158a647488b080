//! The gap register and the remediation plan, built from the catalog, the answers, the audit
//! profile and the user's edits.
//!
//! Pure and deterministic: the plan date is an input. Gaps that share a remediation key become
//! one action; the user's edits are keyed by that remediation key, so they survive every rebuild;
//! edited actions whose gaps are all closed are listed as retired.

mod model;
mod schedule;
mod validate;

pub use model::*;
pub use schedule::{deadline, Scheduled, WORKSTREAMS};
pub use validate::{validate_edit, validate_profile};

use crate::assessment::{Response, Scope};
use crate::catalog::Catalog;
use crate::scoring::Severity;
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};

/// Everything answered partial, not implemented or don't know, most severe first.
pub fn gap_register(catalog: &Catalog, scope: &Scope, responses: &[Response]) -> Vec<Gap> {
    let by_question: HashMap<&str, &Response> = responses
        .iter()
        .map(|r| (r.question_id.as_str(), r))
        .collect();
    let mut gaps: Vec<Gap> = catalog
        .questions_in(scope.categories())
        .filter_map(|q| {
            let r = by_question.get(q.id.as_str())?;
            let answer = r.answer?;
            let severity = Severity::of(q.weight, Some(answer))?;
            Some(Gap {
                question_id: q.id.clone(),
                criteria: q.criteria.clone(),
                question: q.text.clone(),
                answer,
                severity,
                weight: q.weight,
                note: r.note.clone(),
                remediation: q.remediation.clone(),
            })
        })
        .collect();
    // Stable sort keeps catalog order within the same severity and weight.
    gaps.sort_by(|a, b| b.severity.cmp(&a.severity).then(b.weight.cmp(&a.weight)));
    gaps
}

/// Priority from the worst gap and how many criteria the action closes:
/// a high-severity gap is P1; medium is P2 when it closes two or more criteria, else P3;
/// low is P3 when it closes three or more criteria, else P4.
pub fn priority(worst: Severity, criteria_closed: usize) -> Priority {
    match worst {
        Severity::High => Priority::P1,
        Severity::Medium if criteria_closed >= 2 => Priority::P2,
        Severity::Medium => Priority::P3,
        Severity::Low if criteria_closed >= 3 => Priority::P3,
        Severity::Low => Priority::P4,
    }
}

/// Builds the plan for `plan_date` (normally today).
pub fn build(
    catalog: &Catalog,
    scope: &Scope,
    responses: &[Response],
    profile: &AuditProfile,
    edits: &BTreeMap<String, ActionEdit>,
    plan_date: NaiveDate,
) -> Plan {
    let gaps = gap_register(catalog, scope, responses);
    let criteria_order: HashMap<&str, usize> = catalog
        .criteria
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();

    // Group gaps by remediation key, remembering first appearance for a stable order.
    let mut groups: Vec<(&str, Vec<&Gap>)> = Vec::new();
    for gap in &gaps {
        match groups.iter_mut().find(|(k, _)| *k == gap.remediation) {
            Some((_, list)) => list.push(gap),
            None => groups.push((&gap.remediation, vec![gap])),
        }
    }

    let mut drafts = Vec::new();
    for (key, group) in &groups {
        let Some(rem) = catalog.remediation(key) else {
            continue;
        };
        let mut criteria: Vec<String> = group
            .iter()
            .flat_map(|g| g.criteria.iter().cloned())
            .collect();
        criteria.sort_by_key(|c| {
            criteria_order
                .get(c.as_str())
                .copied()
                .unwrap_or(usize::MAX)
        });
        criteria.dedup();
        let severity = group
            .iter()
            .map(|g| g.severity)
            .max()
            .unwrap_or(Severity::Low);
        drafts.push(schedule::Draft {
            key: (*key).to_owned(),
            priority: priority(severity, criteria.len()),
            effort: rem.effort,
            severity,
            criteria,
            questions: group.iter().map(|g| g.question_id.clone()).collect(),
        });
    }

    let scheduled = schedule::schedule(&drafts, plan_date);
    let mut actions: Vec<Action> = drafts
        .into_iter()
        .zip(scheduled)
        .filter_map(|(d, when)| {
            let rem = catalog.remediation(&d.key)?;
            let edit = edits.get(&d.key).cloned().unwrap_or_default();
            let start = edit.start.unwrap_or(when.start);
            let due = edit.due.unwrap_or(when.due).max(start);
            Some(Action {
                title: rem.title.clone(),
                description: rem.action.clone(),
                owner_is_default: edit.owner.is_none(),
                owner: edit.owner.unwrap_or_else(|| rem.owner.clone()),
                dates_are_default: edit.start.is_none() && edit.due.is_none(),
                phase: schedule::phase(plan_date, due),
                status: edit.status.unwrap_or(ActionStatus::NotStarted),
                justification: edit.justification,
                notes: edit.notes,
                evidence: rem.proof.clone(),
                start,
                due,
                key: d.key,
                criteria: d.criteria,
                questions: d.questions,
                severity: d.severity,
                priority: d.priority,
                effort: d.effort,
            })
        })
        .collect();
    actions.sort_by(|a, b| {
        a.priority
            .cmp(&b.priority)
            .then(a.due.cmp(&b.due))
            .then(a.key.cmp(&b.key))
    });

    let retired = edits
        .iter()
        .filter(|(key, _)| !actions.iter().any(|a| &a.key == *key))
        .filter_map(|(key, edit)| {
            let rem = catalog.remediation(key)?;
            Some(RetiredAction {
                key: key.clone(),
                title: rem.title.clone(),
                status: edit.status.unwrap_or(ActionStatus::NotStarted),
                owner: edit.owner.clone(),
                notes: edit.notes.clone(),
            })
        })
        .collect();

    let fit = schedule::fit(profile, &actions);
    Plan {
        plan_date,
        profile: profile.clone(),
        fit,
        gaps,
        actions,
        retired,
    }
}

#[cfg(test)]
mod tests;
