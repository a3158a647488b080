//! The pack's index: every policy with its version, status, owner and next review, every clause
//! still planned with the action and date that put it in place, and the coverage table.

use super::coverage::coverage_blocks;
use super::document::heading;
use super::{review_line, PolicyDocContext};
use crate::doc::{Block, Column, Document, Figure, Meta, Row, Table, Text, Tone};
use crate::report::theme::{long_date, plural};
use trustgap_domain::policy::{PolicyStatus, PolicyView};

pub const TITLE: &str = "Policy pack";

/// How a status reads as a chip.
pub(crate) fn status_tone(status: PolicyStatus) -> Tone {
    match status {
        PolicyStatus::Approved => Tone::Good,
        PolicyStatus::InReview => Tone::Info,
        PolicyStatus::Draft => Tone::Warning,
        PolicyStatus::Retired => Tone::Neutral,
    }
}

/// The number of views with `status`.
pub(crate) fn count(views: &[PolicyView], status: PolicyStatus) -> usize {
    views.iter().filter(|v| v.status == status).count()
}

/// The index of the pack, `views` in pack order.
pub fn pack_index(views: &[PolicyView], ctx: &PolicyDocContext<'_>) -> Document {
    let approved = count(views, PolicyStatus::Approved);
    let planned: usize = views.iter().map(|v| v.planned.len()).sum();
    let due = views
        .iter()
        .filter(|v| v.next_review.is_some_and(|d| d <= ctx.date))
        .count();
    let mut blocks = vec![
        Block::Title {
            kicker: format!("{} · {TITLE}", ctx.company),
            title: "Policy pack index".to_owned(),
            subtitle: format!(
                "{} · {} · {}",
                plural(views.len(), "policy", "policies"),
                ctx.system,
                long_date(ctx.date)
            ),
        },
        Block::KeyFigures(vec![
            Figure {
                label: "Policies".into(),
                value: views.len().to_string(),
                detail: "in the pack".into(),
                tone: Tone::Neutral,
            },
            Figure {
                label: "Approved".into(),
                value: format!("{approved} of {}", views.len()),
                detail: "in force".into(),
                tone: if approved == views.len() {
                    Tone::Good
                } else {
                    Tone::Warning
                },
            },
            Figure {
                label: "Planned clauses".into(),
                value: planned.to_string(),
                detail: "practices not yet in place".into(),
                tone: if planned == 0 { Tone::Good } else { Tone::Info },
            },
            Figure {
                label: "Review due".into(),
                value: due.to_string(),
                detail: "next review date reached".into(),
                tone: if due == 0 { Tone::Good } else { Tone::Critical },
            },
        ]),
        heading("", "Policies"),
    ];
    if views.is_empty() {
        blocks.push(Block::Paragraph(Text::plain(
            "No policy is in the pack: no category the policies cover is in scope.",
        )));
    } else {
        blocks.push(Block::Table(index_table(views)));
    }
    blocks.push(heading("", "Planned clauses"));
    if planned == 0 {
        blocks.push(Block::Paragraph(Text::plain(
            "None: every practice the policies state is in place according to the answers.",
        )));
    } else {
        blocks.push(Block::Paragraph(Text::plain(
            "Practices the policies state as planned because the answers show they are not in \
             place yet, with the plan action that puts each in place.",
        )));
        blocks.push(Block::Table(planned_table(views)));
    }
    blocks.push(heading("", "Coverage of the criteria"));
    blocks.extend(coverage_blocks(views, ctx));
    Document {
        meta: Meta {
            title: format!("Policy pack index: {}", ctx.company),
            subject: format!(
                "{}'s policies: status, owners, review dates, planned clauses and coverage",
                ctx.company
            ),
            author: ctx.author(),
            keywords: vec![
                "SOC 2".to_owned(),
                "policy pack".to_owned(),
                ctx.company.to_owned(),
            ],
            generated_at: ctx.generated_at,
            running_head: format!("{} · Policy pack index", ctx.company),
            marking: "Internal".to_owned(),
            footer: ctx.footer(),
            branding: ctx.branding.clone(),
        },
        blocks,
    }
}

fn index_table(views: &[PolicyView]) -> Table {
    Table {
        columns: vec![
            Column::new("Status", 1.3),
            Column::new("Policy", 3.4),
            Column::new("Version", 0.9).right(),
            Column::new("Owner", 2.2),
            Column::new("Next review", 1.7),
        ],
        rows: views
            .iter()
            .map(|v| {
                Row::of(
                    vec![
                        v.status.label().to_owned(),
                        v.title.clone(),
                        v.version.to_string(),
                        v.owner_name.clone(),
                        review_line(v),
                    ],
                    Some(status_tone(v.status)),
                )
            })
            .collect(),
    }
}

fn planned_table(views: &[PolicyView]) -> Table {
    Table {
        columns: vec![
            Column::new("Policy", 2.0),
            Column::new("Clause", 4.0),
            Column::new("Plan action", 2.4),
            Column::new("Due", 1.4),
        ],
        rows: views
            .iter()
            .flat_map(|v| v.planned.iter().map(move |p| (v, p)))
            .map(|(v, p)| {
                Row::plain(vec![
                    format!("{} · {}", v.title, p.section_title),
                    p.text.clone(),
                    p.action_title
                        .clone()
                        .unwrap_or_else(|| "Not yet in the plan".to_owned()),
                    p.due.map_or_else(|| "—".to_owned(), long_date),
                ])
            })
            .collect(),
    }
}
