//! The gap register and the remediation plan as spreadsheet-safe CSV, one row per gap or action,
//! with the same references (G01, A01) as the PDF reports.

use super::csv::CsvWriter;
use trustgap_domain::catalog::Catalog;
use trustgap_domain::plan::{Action, Phase, Plan, Priority};
use trustgap_domain::scoring::Severity;

const GAP_HEADER: [&str; 14] = [
    "ref",
    "severity",
    "question_id",
    "category",
    "criteria",
    "question",
    "answer",
    "weight",
    "note",
    "action_ref",
    "action",
    "priority",
    "owner",
    "due",
];

const PLAN_HEADER: [&str; 19] = [
    "ref",
    "key",
    "action",
    "description",
    "criteria",
    "questions",
    "severity",
    "priority",
    "effort",
    "owner",
    "start",
    "due",
    "phase",
    "status",
    "justification",
    "notes",
    "evidence",
    "owner_is_default",
    "dates_are_default",
];

pub fn severity_name(s: Severity) -> &'static str {
    match s {
        Severity::High => "high",
        Severity::Medium => "medium",
        Severity::Low => "low",
    }
}

fn priority_name(p: Priority) -> &'static str {
    match p {
        Priority::P1 => "P1",
        Priority::P2 => "P2",
        Priority::P3 => "P3",
        Priority::P4 => "P4",
    }
}

pub fn phase_name(p: Phase) -> &'static str {
    match p {
        Phase::First30Days => "first 30 days",
        Phase::Days31To90 => "days 31-90",
        Phase::BeforeAudit => "before the audit",
    }
}

/// The gap register, most severe first. `refs` are the action references in plan order.
pub fn gaps_csv(catalog: &Catalog, plan: &Plan, refs: &[String]) -> String {
    let mut w = CsvWriter::new(&GAP_HEADER);
    for (i, g) in plan.gaps.iter().enumerate() {
        let category = g
            .criteria
            .first()
            .and_then(|c| catalog.criterion(c))
            .and_then(|c| catalog.category(c.category))
            .map_or("", |c| c.name.as_str());
        let action = plan
            .actions
            .iter()
            .enumerate()
            .find(|(_, a)| a.key == g.remediation);
        let (aref, title, priority, owner, due) = match action {
            Some((n, a)) => (
                refs.get(n).cloned().unwrap_or_default(),
                a.title.as_str(),
                priority_name(a.priority),
                a.owner.as_str(),
                a.due.to_string(),
            ),
            None => (String::new(), "", "", "", String::new()),
        };
        w.row([
            format!("G{:02}", i + 1).as_str(),
            severity_name(g.severity),
            &g.question_id,
            category,
            &g.criteria.join("; "),
            &g.question,
            g.answer.label(),
            &g.weight.to_string(),
            &g.note,
            &aref,
            title,
            priority,
            owner,
            &due,
        ]);
    }
    w.finish()
}

fn action_row(w: &mut CsvWriter, reference: &str, a: &Action) {
    w.row([
        reference,
        &a.key,
        &a.title,
        &a.description,
        &a.criteria.join("; "),
        &a.questions.join("; "),
        severity_name(a.severity),
        priority_name(a.priority),
        &format!("{:?}", a.effort),
        &a.owner,
        &a.start.to_string(),
        &a.due.to_string(),
        phase_name(a.phase),
        a.status.as_str(),
        &a.justification,
        &a.notes,
        &a.evidence,
        if a.owner_is_default { "yes" } else { "no" },
        if a.dates_are_default { "yes" } else { "no" },
    ]);
}

/// The remediation plan, one row per action in plan order.
pub fn plan_csv(plan: &Plan, refs: &[String]) -> String {
    let mut w = CsvWriter::new(&PLAN_HEADER);
    for (i, a) in plan.actions.iter().enumerate() {
        action_row(&mut w, refs.get(i).map_or("", String::as_str), a);
    }
    w.finish()
}
