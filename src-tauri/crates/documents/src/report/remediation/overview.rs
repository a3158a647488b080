//! Chapter: plan summary: whether the plan fits before the audit, key figures, and the actions
//! counted by priority, phase, owner and status, with the scheduling rules in plain words.

use super::priority_tone;
use crate::doc::{Block, Cell, Column, Figure, Row, Span, Table, Text, Tone};
use crate::report::context::ReportContext;
use crate::report::theme::{long_date, short_date};
use trustgap_domain::people::DEFAULT_SHARE;
use trustgap_domain::plan::{Action, ActionStatus, Fit, Phase, Priority};

/// The owner's working days an action takes, as the schedule counts them.
pub(super) fn days(a: &Action) -> f32 {
    a.effort_days
}

pub(super) fn is_open(a: &Action) -> bool {
    !matches!(a.status, ActionStatus::Done | ActionStatus::RiskAccepted)
}

pub(super) fn plan_summary(ctx: &ReportContext<'_>, number: &str) -> Vec<Block> {
    let plan = ctx.plan;
    let (headline, tone) = match plan.fit {
        Fit::Fits { .. } => ("The plan fits before the audit", Tone::Good),
        Fit::Late { .. } => ("The plan does not fit before the audit", Tone::Critical),
        Fit::NoTargetDate => ("No audit date is set yet", Tone::Muted),
    };
    let reason = match ctx.deadline() {
        Some(d) => format!(
            "Readiness deadline: {}. {}",
            long_date(d),
            ctx.deadline_reason()
        ),
        None => "Set the target audit date in Trustgap's Plan screen to check the plan against it."
            .to_owned(),
    };
    let mut out = vec![
        Block::Chapter {
            number: number.to_owned(),
            title: "Plan summary".to_owned(),
        },
        Block::Callout {
            tone,
            title: headline.to_owned(),
            text: Text::plain(format!("{} {reason}", ctx.fit_sentence())),
        },
    ];
    if let Fit::Late { remedies, .. } = &plan.fit {
        out.push(Block::Paragraph(Text(vec![Span::new(
            "What would make it fit",
            true,
            false,
        )])));
        out.push(Block::Bullets(
            remedies.iter().map(|r| Text::plain(r.clone())).collect(),
        ));
    }
    for w in &plan.warnings {
        out.push(Block::Note(Text::plain(format!("Note: {w}"))));
    }

    let open: Vec<&Action> = plan.actions.iter().filter(|a| is_open(a)).collect();
    let p1 = open.iter().filter(|a| a.priority == Priority::P1).count();
    let effort: f32 = open.iter().map(|a| days(a)).sum();
    let last = open.iter().map(|a| a.due).max();
    out.push(Block::KeyFigures(vec![
        figure(
            "Actions",
            plan.actions.len().to_string(),
            format!("{} open, closing {} gaps", open.len(), plan.gaps.len()),
            Tone::Neutral,
        ),
        figure(
            "Priority 1",
            p1.to_string(),
            "open actions closing a high-severity gap".into(),
            Tone::Critical,
        ),
        figure(
            "Effort",
            format!("{} d", effort.round()),
            "of the owners' working time, planned".into(),
            Tone::Info,
        ),
        figure(
            "Last due",
            last.map_or_else(|| "–".to_owned(), |d| d.format("%-d %b").to_string()),
            last.map_or_else(String::new, |d| d.format("%Y").to_string()),
            Tone::Warning,
        ),
    ]));

    out.push(Block::section(format!("{number}.1"), "Actions by priority"));
    let rows = [
        (Priority::P1, "Closes a high-severity gap: start now."),
        (
            Priority::P2,
            "Medium severity on a critical control (a key control, or weight 4 or 5).",
        ),
        (Priority::P3, "Medium severity on other controls."),
        (Priority::P4, "Low severity: schedule when time allows."),
    ]
    .into_iter()
    .map(|(p, meaning)| {
        let all: Vec<&Action> = plan.actions.iter().filter(|a| a.priority == p).collect();
        let open: Vec<&&Action> = all.iter().filter(|a| is_open(a)).collect();
        let d: f32 = open.iter().map(|a| days(a)).sum();
        Row::of(
            vec![
                p.label().to_owned(),
                meaning.to_owned(),
                all.len().to_string(),
                open.len().to_string(),
                format!("{}", d.round()),
            ],
            Some(priority_tone(p)),
        )
    })
    .collect();
    out.push(Block::Table(Table {
        columns: vec![
            Column::new("Priority", 1.0),
            Column::new("What it means", 4.6),
            Column::new("Actions", 1.0).right(),
            Column::new("Open", 0.9).right(),
            Column::new("Days", 0.9).right(),
        ],
        rows,
    }));

    out.push(Block::section(format!("{number}.2"), "Actions by phase"));
    let rows = [
        (Phase::First30Days, "Within 30 days of the plan date"),
        (Phase::Days31To90, "31 to 90 days after the plan date"),
        (Phase::BeforeAudit, "Later, before the audit"),
    ]
    .into_iter()
    .map(|(phase, when)| {
        let all: Vec<&Action> = plan.actions.iter().filter(|a| a.phase == phase).collect();
        Row {
            cells: vec![
                Cell::strong(phase.label()),
                when.into(),
                all.len().to_string().into(),
                all.iter().filter(|a| is_open(a)).count().to_string().into(),
            ],
            tone: None,
        }
    })
    .collect();
    out.push(Block::Table(Table {
        columns: vec![
            Column::new("Phase", 1.6),
            Column::new("Due", 3.0),
            Column::new("Actions", 1.0).right(),
            Column::new("Open", 0.9).right(),
        ],
        rows,
    }));

    out.push(Block::section(format!("{number}.3"), "Workload by owner"));
    out.push(Block::Table(workload(ctx)));

    out.push(Block::section(format!("{number}.4"), "Progress so far"));
    let status_line = ActionStatus::ALL
        .iter()
        .map(|s| {
            let n = plan.actions.iter().filter(|a| a.status == *s).count();
            format!("{} {}", n, s.label().to_lowercase())
        })
        .collect::<Vec<_>>()
        .join(" · ");
    out.push(Block::Paragraph(Text::plain(format!("{status_line}."))));
    if !plan.retired.is_empty() {
        let names: Vec<&str> = plan.retired.iter().map(|r| r.title.as_str()).collect();
        out.push(Block::Note(Text::plain(format!(
            "Retired (every gap they addressed is now closed): {}.",
            names.join("; ")
        ))));
    }

    out.push(Block::section(
        format!("{number}.5"),
        "How the plan is scheduled",
    ));
    out.push(Block::Paragraph(Text::plain(format!(
        "Gaps that share a remediation become one action listing every criterion it closes, \
         owned by whoever owns the answers behind it (else the question bank's role). Each \
         owner has a share of their working days for compliance work ({DEFAULT_SHARE}% is \
         assumed for a role nobody holds yet); no week of theirs is planned beyond it. \
         Working days are Monday to Friday, less the client's closures and the owner's days \
         off. Actions start once what they depend on is done (the information security \
         policy before the policies under it, vulnerability management before the \
         penetration test), the most urgent first; work that waits on outsiders lasts at \
         least its lead time. Effort sizes stand for the owner's working days: XS 1, S 2–5, \
         M 5–10, L 15–30, XL 30–60; the schedule counts the middle of each range. Owners and \
         dates changed in Trustgap replace the generated ones."
    ))));
    out.push(Block::Paragraph(Text::plain(format!(
        "Plan date: {}.",
        long_date(plan.plan_date)
    ))));
    out
}

fn figure(label: &str, value: String, detail: String, tone: Tone) -> Figure {
    Figure {
        label: label.to_owned(),
        value,
        detail,
        tone,
    }
}

/// Each owner's share of time, actions, priority-1 actions, days and last due date.
fn workload(ctx: &ReportContext<'_>) -> Table {
    let plan = ctx.plan;
    let rows = plan
        .load
        .iter()
        .map(|load| {
            let mine: Vec<&Action> = plan
                .actions
                .iter()
                .filter(|a| a.owner == load.owner)
                .collect();
            let kind = if load.assumed {
                "Role nobody holds yet: time assumed"
            } else {
                "Person"
            };
            Row {
                cells: vec![
                    Cell::strong(load.name.clone()).with(kind),
                    format!("{}%", load.share).into(),
                    mine.len().to_string().into(),
                    mine.iter()
                        .filter(|a| a.priority == Priority::P1)
                        .count()
                        .to_string()
                        .into(),
                    format!("{}", load.total_days.round()).into(),
                    mine.iter()
                        .map(|a| a.due)
                        .max()
                        .map(short_date)
                        .unwrap_or_default()
                        .into(),
                ],
                tone: None,
            }
        })
        .collect();
    Table {
        columns: vec![
            Column::new("Owner", 2.6),
            Column::new("Time for it", 1.1).right(),
            Column::new("Actions", 0.9).right(),
            Column::new("P1", 0.6).right(),
            Column::new("Days", 0.8).right(),
            Column::new("Last due", 1.4).right(),
        ],
        rows,
    }
}

/// Owners as printed, in order of their first action in the plan.
pub(super) fn owners(ctx: &ReportContext<'_>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for a in &ctx.plan.actions {
        if !out.contains(&a.owner_name) {
            out.push(a.owner_name.clone());
        }
    }
    out
}
