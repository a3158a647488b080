//! Chapters: the action table, a section per owner with the full brief of each of their
//! actions, and the evidence request list (what an auditor will ask to see, per action).

use super::overview::{is_open, owners};
use super::priority_tone;
use crate::doc::{Block, Cell, Column, Row, Table, Text};
use crate::report::context::{action_ref, ReportContext};
use crate::report::theme::{plural, short_date};
use trustgap_domain::plan::{Action, ActionFlag};

fn status_cell(a: &Action) -> Cell {
    let mut cell = Cell::from(a.status.label());
    if a.flags.contains(&ActionFlag::AfterObservationStart) {
        cell = cell.with("Ends after the observation period starts");
    }
    cell.with(a.justification.trim())
}

fn chapter(number: &str, title: &str) -> Block {
    Block::Chapter {
        number: number.to_owned(),
        title: title.to_owned(),
    }
}

pub(super) fn action_table(ctx: &ReportContext<'_>, number: &str) -> Vec<Block> {
    let plan = ctx.plan;
    let mut out = vec![chapter(number, "Actions")];
    if plan.actions.is_empty() {
        out.push(Block::Paragraph(Text::plain(
            "The plan has no action: no gap has been recorded.",
        )));
        return out;
    }
    out.push(Block::Paragraph(Text::plain(format!(
        "{}, in priority order then by due date. The reference (A01…) is used throughout this \
         plan and the readiness report; the key under each title identifies the action in \
         Trustgap and in the CSV export.",
        plural(plan.actions.len(), "action", "actions")
    ))));
    let rows = plan
        .actions
        .iter()
        .enumerate()
        .map(|(i, a)| Row {
            cells: vec![
                Cell::strong(action_ref(i)),
                Cell::strong(a.title.clone()).with(a.key.clone()),
                a.criteria.join(", ").into(),
                a.owner_name.clone().into(),
                Cell::chip(a.priority.label(), priority_tone(a.priority)),
                format!("{:?}", a.effort).into(),
                short_date(a.due).into(),
                status_cell(a),
            ],
            tone: None,
        })
        .collect();
    out.push(Block::Table(Table {
        columns: vec![
            Column::new("Ref", 0.65),
            Column::new("Action", 2.85),
            Column::new("Criteria", 1.0),
            Column::new("Owner", 1.45),
            Column::new("Priority", 0.95),
            Column::new("Size", 0.6),
            Column::new("Due", 1.5),
            Column::new("Status", 1.3),
        ],
        rows,
    }));
    out
}

pub(super) fn by_owner(ctx: &ReportContext<'_>, number: &str) -> Vec<Block> {
    let plan = ctx.plan;
    let mut out = vec![
        chapter(number, "Actions by owner"),
        Block::Paragraph(Text::plain(
            "One section per owner, to hand over as their brief: what to do for each action, by \
             when, and what it closes. An owner shown as a role \u{2014} not yet named is a role \
             of the question bank that nobody holds yet: name the person in Trustgap.",
        )),
    ];
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
        let rows = mine
            .into_iter()
            .map(|(i, a)| {
                let when = format!(
                    "Start {} · due {} · effort {:?} · closes {}",
                    short_date(a.start),
                    short_date(a.due),
                    a.effort,
                    a.criteria.join(", ")
                );
                let mut what = Cell::strong(a.title.clone())
                    .with(when)
                    .and(a.description.clone());
                if !a.notes.trim().is_empty() {
                    what = what.and(format!("Notes: {}", a.notes.trim()));
                }
                Row {
                    cells: vec![
                        Cell::strong(action_ref(i)),
                        what,
                        Cell::chip(a.priority.label(), priority_tone(a.priority)),
                        status_cell(a),
                    ],
                    tone: None,
                }
            })
            .collect();
        out.extend([
            Block::section(format!("{number}.{}", k + 1), owner),
            Block::Note(Text::plain(line)),
            Block::Table(Table {
                columns: vec![
                    Column::new("Ref", 0.7),
                    Column::new("Action", 7.3),
                    Column::new("Priority", 1.0),
                    Column::new("Status", 1.2),
                ],
                rows,
            }),
        ]);
    }
    out
}

pub(super) fn evidence_requests(ctx: &ReportContext<'_>, number: &str) -> Vec<Block> {
    let plan = ctx.plan;
    let rows = plan
        .actions
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let mut examples: Vec<&str> = Vec::new();
            for q in a.questions.iter().filter_map(|id| ctx.catalog.question(id)) {
                for e in &q.evidence {
                    if !examples.contains(&e.as_str()) {
                        examples.push(e);
                    }
                }
            }
            let mut what = Cell::from(a.evidence.clone());
            if !examples.is_empty() {
                let shown: Vec<&str> = examples.iter().take(4).copied().collect();
                what = what.with(format!("Examples: {}", shown.join("; ")));
            }
            Row {
                cells: vec![
                    Cell::strong(format!("E{:02}", i + 1)),
                    what,
                    Cell::from(format!("{} {}", action_ref(i), a.title))
                        .with(a.criteria.join(", ")),
                    a.owner_name.clone().into(),
                    short_date(a.due).into(),
                ],
                tone: None,
            }
        })
        .collect();
    vec![
        chapter(number, "Evidence request list"),
        Block::Paragraph(Text::plain(
            "What each owner should collect as they finish an action: the records an auditor \
             will ask to see. Examples come from the questions each action answers; keep the \
             evidence dated and in one shared folder, named with the reference.",
        )),
        Block::Table(Table {
            columns: vec![
                Column::new("Ref", 0.8),
                Column::new("Evidence to provide", 5.0),
                Column::new("For action", 2.3),
                Column::new("Owner", 1.4),
                Column::new("Due", 1.5),
            ],
            rows,
        }),
    ]
}
