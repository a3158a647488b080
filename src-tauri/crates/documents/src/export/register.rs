//! The gap register and the remediation plan as spreadsheet-safe CSV, one row per gap or action,
//! with the same references (G01, A01) as the PDF reports.

use super::csv::CsvWriter;
use trustgap_domain::catalog::Catalog;
use trustgap_domain::plan::{Action, Plan};
use trustgap_domain::signoff::ManagementResponse;

const GAP_HEADER: [&str; 15] = [
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
    "management_response",
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

/// The gap register, most severe first. `refs` are the action references in plan order.
pub fn gaps_csv(
    catalog: &Catalog,
    plan: &Plan,
    refs: &[String],
    management: &[ManagementResponse],
) -> String {
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
                a.priority.label(),
                a.owner_name.as_str(),
                a.due.to_string(),
            ),
            None => (String::new(), "", "", "", String::new()),
        };
        // "Risk accepted: <reason>", in the last column so older imports keep their columns.
        let response = management
            .iter()
            .find(|m| m.question_id == g.question_id)
            .map_or_else(String::new, |m| format!("{}: {}", m.kind.label(), m.text));
        w.row([
            format!("G{:02}", i + 1).as_str(),
            g.severity.label(),
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
            &response,
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
        a.severity.label(),
        a.priority.label(),
        &format!("{:?}", a.effort),
        &a.owner_name,
        &a.start.to_string(),
        &a.due.to_string(),
        a.phase.label(),
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
