//! Chapters: the action table, a section per owner with the full brief of each of their
//! actions, and the evidence request list (what an auditor will ask to see, per action).

use super::overview::{is_open, owners};
use crate::report::context::{action_ref, ReportContext};
use crate::report::flow::Flow;
use crate::report::table::{Cell, Column, Table};
use crate::report::theme::{
    plural, priority_color, short_date, BODY, CELL, CELL_BOLD, CELL_MUTED, SMALL,
};
use crate::report::ReportError;
use trustgap_domain::plan::{Action, ActionFlag};

fn status_cell(a: &Action) -> Cell {
    let mut parts = vec![(a.status.label().to_owned(), CELL)];
    if a.flags.contains(&ActionFlag::AfterObservationStart) {
        parts.push((
            "Ends after the observation period starts".to_owned(),
            CELL_MUTED,
        ));
    }
    if !a.justification.trim().is_empty() {
        parts.push((a.justification.trim().to_owned(), CELL_MUTED));
    }
    Cell::Text(parts)
}

pub(super) fn action_table(
    flow: &mut Flow,
    ctx: &ReportContext<'_>,
    number: &str,
) -> Result<(), ReportError> {
    flow.chapter(number, "Actions")?;
    let plan = ctx.plan;
    if plan.actions.is_empty() {
        flow.paragraph(BODY, "The plan has no action: no gap has been recorded.")?;
        return Ok(());
    }
    flow.paragraph(
        BODY,
        &format!(
            "{}, in priority order then by due date. The reference (A01…) is used throughout \
             this plan and the readiness report; the key under each title identifies the action \
             in Trustgap and in the CSV export.",
            plural(plan.actions.len(), "action", "actions")
        ),
    )?;
    flow.space(8.0);
    let mut t = Table::new(vec![
        Column::new("Ref", 0.65),
        Column::new("Action", 2.85),
        Column::new("Criteria", 1.0),
        Column::new("Owner", 1.45),
        Column::new("Priority", 0.95),
        Column::new("Size", 0.6),
        Column::new("Due", 1.5),
        Column::new("Status", 1.3),
    ]);
    for (i, a) in plan.actions.iter().enumerate() {
        t.row(vec![
            Cell::styled(action_ref(i), CELL_BOLD),
            Cell::two(a.title.clone(), CELL_BOLD, a.key.clone(), CELL_MUTED),
            Cell::text(a.criteria.join(", ")),
            Cell::text(a.owner_name.clone()),
            Cell::Chip(a.priority.label().to_owned(), priority_color(a.priority)),
            Cell::text(format!("{:?}", a.effort)),
            Cell::text(short_date(a.due)),
            status_cell(a),
        ]);
    }
    flow.table(&t)?;
    Ok(())
}

pub(super) fn by_owner(
    flow: &mut Flow,
    ctx: &ReportContext<'_>,
    number: &str,
) -> Result<(), ReportError> {
    flow.chapter(number, "Actions by owner")?;
    let plan = ctx.plan;
    flow.paragraph(
        BODY,
        "One section per owner, to hand over as their brief: what to do for each action, by \
         when, and what it closes. An owner shown as a role \u{2014} not yet named is a role of \
         the question bank that nobody holds yet: name the person in Trustgap.",
    )?;
    for (k, owner) in owners(ctx).iter().enumerate() {
        let mine: Vec<(usize, &Action)> = plan
            .actions
            .iter()
            .enumerate()
            .filter(|(_, a)| &a.owner_name == owner)
            .collect();
        let open: Vec<&&Action> = mine.iter().map(|(_, a)| a).filter(|a| is_open(a)).collect();
        let effort: f32 = open.iter().map(|a| a.effort_days).sum();
        let last = open.iter().map(|a| a.due).max();
        let line = format!(
            "{}, {} open, about {} working days of their time{}.",
            plural(mine.len(), "action", "actions"),
            open.len(),
            effort.round(),
            last.map_or_else(String::new, |d| format!(", the last due {}", short_date(d)))
        );
        let mut t = Table::new(vec![
            Column::new("Ref", 0.7),
            Column::new("Action", 7.3),
            Column::new("Priority", 1.0),
            Column::new("Status", 1.2),
        ]);
        for (i, a) in mine {
            let when = format!(
                "Start {} · due {} · effort {:?} · closes {}",
                short_date(a.start),
                short_date(a.due),
                a.effort,
                a.criteria.join(", ")
            );
            let mut parts = vec![
                (a.title.clone(), CELL_BOLD),
                (when, CELL_MUTED),
                (a.description.clone(), CELL),
            ];
            if !a.notes.trim().is_empty() {
                parts.push((format!("Notes: {}", a.notes.trim()), CELL_MUTED));
            }
            t.row(vec![
                Cell::styled(action_ref(i), CELL_BOLD),
                Cell::Text(parts),
                Cell::Chip(a.priority.label().to_owned(), priority_color(a.priority)),
                status_cell(a),
            ]);
        }
        let keep = flow.paragraph_height(SMALL, &line)? + 6.0 + flow.table_lead(&t)?;
        flow.heading(&format!("{number}.{}", k + 1), owner, 1, keep)?;
        flow.paragraph(SMALL, &line)?;
        flow.space(6.0);
        flow.table(&t)?;
    }
    Ok(())
}

pub(super) fn evidence_requests(
    flow: &mut Flow,
    ctx: &ReportContext<'_>,
    number: &str,
) -> Result<(), ReportError> {
    flow.chapter(number, "Evidence request list")?;
    let plan = ctx.plan;
    flow.paragraph(
        BODY,
        "What each owner should collect as they finish an action: the records an auditor will \
         ask to see. Examples come from the questions each action answers; keep the evidence \
         dated and in one shared folder, named with the reference.",
    )?;
    flow.space(8.0);
    let mut t = Table::new(vec![
        Column::new("Ref", 0.8),
        Column::new("Evidence to provide", 5.0),
        Column::new("For action", 2.3),
        Column::new("Owner", 1.4),
        Column::new("Due", 1.5),
    ]);
    for (i, a) in plan.actions.iter().enumerate() {
        let mut examples: Vec<&str> = Vec::new();
        for q in a.questions.iter().filter_map(|id| ctx.catalog.question(id)) {
            for e in &q.evidence {
                if !examples.contains(&e.as_str()) {
                    examples.push(e);
                }
            }
        }
        let mut parts = vec![(a.evidence.clone(), CELL)];
        if !examples.is_empty() {
            let shown: Vec<&str> = examples.iter().take(4).copied().collect();
            parts.push((format!("Examples: {}", shown.join("; ")), CELL_MUTED));
        }
        t.row(vec![
            Cell::styled(format!("E{:02}", i + 1), CELL_BOLD),
            Cell::Text(parts),
            Cell::two(
                format!("{} {}", action_ref(i), a.title),
                CELL,
                a.criteria.join(", "),
                CELL_MUTED,
            ),
            Cell::text(a.owner_name.clone()),
            Cell::text(short_date(a.due)),
        ]);
    }
    flow.table(&t)?;
    Ok(())
}
