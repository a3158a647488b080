//! The gap register and the priority of the work that closes gaps: risk first.

use super::model::{AuditProfile, AuditType, Gap, GapKind, Priority};
use crate::assessment::{Answer, Response, Scope};
use crate::catalog::Catalog;
use crate::scoring::{started_too_late, Severity};
use std::collections::{HashMap, HashSet};

/// The observation period's first day, for a Type II audit that has one.
pub fn observation_start(profile: &AuditProfile) -> Option<chrono::NaiveDate> {
    match profile.audit_type {
        AuditType::Type2 => profile.observation_start,
        AuditType::Type1 => None,
    }
}

/// Everything answered partial, not implemented or don't know, (Type II) every implemented
/// control that started after the observation period began, and every implemented control
/// whose evidence in the locker has all expired (`expired`, by question id); most severe first.
/// A late start or expired evidence counts as a partial answer for severity.
pub fn gap_register(
    catalog: &Catalog,
    scope: &Scope,
    responses: &[Response],
    profile: &AuditProfile,
    expired: &HashSet<String>,
) -> Vec<Gap> {
    let by_question: HashMap<&str, &Response> = responses
        .iter()
        .map(|r| (r.question_id.as_str(), r))
        .collect();
    let start = observation_start(profile);
    let mut gaps: Vec<Gap> = catalog
        .questions_in(scope.categories())
        .filter_map(|q| {
            let r = by_question.get(q.id.as_str())?;
            let answer = r.answer?;
            let late = started_too_late(q, Some(answer), r.since, start);
            let stale = answer == Answer::Implemented && !late && expired.contains(&q.id);
            let scored = if late || stale {
                Answer::Partial
            } else {
                answer
            };
            let severity = Severity::of(q, Some(scored))?;
            Some(Gap {
                question_id: q.id.clone(),
                criteria: q.criteria.clone(),
                question: q.text.clone(),
                finding: if late {
                    format!("Started too late for the observation period: {}", q.finding)
                } else if stale {
                    format!("The evidence on file has expired: {}", q.finding)
                } else {
                    q.finding.clone()
                },
                answer,
                kind: if late {
                    GapKind::StartedTooLate
                } else if stale {
                    GapKind::EvidenceExpired
                } else {
                    GapKind::Answer
                },
                severity,
                weight: q.weight,
                key: q.key,
                note: r.note.clone(),
                remediation: q.remediation.clone(),
                owner: r.owner.clone(),
            })
        })
        .collect();
    // Stable sort keeps catalog order within the same severity and weight.
    gaps.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then(b.key.cmp(&a.key))
            .then(b.weight.cmp(&a.weight))
    });
    gaps
}

/// Priority from risk: a high-severity gap makes the work P1; a medium one P2 when the control
/// is critical (a key control or weight 4–5), else P3; low is P4. How many criteria an action
/// closes only orders actions of the same priority.
pub fn priority(worst: Severity, critical: bool) -> Priority {
    match (worst, critical) {
        (Severity::High, _) => Priority::P1,
        (Severity::Medium, true) => Priority::P2,
        (Severity::Medium, false) => Priority::P3,
        (Severity::Low, _) => Priority::P4,
    }
}

/// Whether a gap's control is critical for priority: a key control, or weight 4 or 5.
pub fn critical(gap: &Gap) -> bool {
    gap.key || gap.weight >= 4
}
