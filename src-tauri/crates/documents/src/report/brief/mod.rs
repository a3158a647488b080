//! The board brief: one page a board member reads in a minute. The verdict and score, whether
//! the plan makes the audit date and on which assumptions, the three findings that matter most,
//! the effort and (when the user priced it) the cost, and the decisions leadership must take.
//! Built on the document model, so it renders to PDF and Word alike.

mod sentences;
#[cfg(test)]
mod tests;

pub use sentences::{strength_sentence, weakest_category};

use super::context::ReportContext;
use super::theme::{long_date, percent, plural};
use crate::doc::{Block, Column, Document, Figure, Meta, Row, Table, Text, Tone};
use sentences::{
    assumptions, date_sentence, decisions, effort_days, effort_sentence, money, top_findings,
    verdict_sentence,
};
use trustgap_domain::costs::CostAssumptions;
use trustgap_domain::plan::{Action, Fit};
use trustgap_domain::scoring::{Band, Severity};

pub const TITLE: &str = "Board brief";

/// The brief as a model document.
pub fn board_brief(ctx: &ReportContext<'_>, costs: Option<&CostAssumptions>) -> Document {
    let card = ctx.card;
    let plan = ctx.plan;
    let open: Vec<&Action> = plan
        .actions
        .iter()
        .filter(|a| !a.status.is_closed())
        .collect();
    let days = effort_days(&open);
    let band_tone = match card.band {
        Band::Ready => Tone::Good,
        Band::NearlyReady => Tone::Info,
        Band::SignificantGaps => Tone::Warning,
        Band::NotReady => Tone::Critical,
        Band::Incomplete => Tone::Neutral,
    };
    let (date_value, date_detail, date_tone) = match &plan.fit {
        Fit::Fits {
            deadline,
            spare_days,
        } => (
            "On track".to_owned(),
            format!("{spare_days} days to spare before {}", long_date(*deadline)),
            Tone::Good,
        ),
        Fit::Late {
            deadline,
            late_days,
            ..
        } => (
            "At risk".to_owned(),
            format!("{late_days} days late for {}", long_date(*deadline)),
            Tone::Critical,
        ),
        Fit::NoTargetDate => (
            "No date".to_owned(),
            "Set a target audit date".to_owned(),
            Tone::Neutral,
        ),
    };
    let priced = costs.filter(|c| !c.is_empty());
    let cost_value = priced.map_or_else(
        || "Not priced".to_owned(),
        |c| {
            let people = c.day_rate.map_or(0, |r| {
                (f64::from(days.ceil()) * f64::from(r)).round() as u64
            });
            let (lo, hi) = c.external();
            if lo == hi {
                format!("{} {}", c.currency, money(people + lo))
            } else {
                format!(
                    "{} {}–{}",
                    c.currency,
                    short(people + lo),
                    short(people + hi)
                )
            }
        },
    );
    let mut blocks = vec![
        Block::Title {
            kicker: format!("{TITLE} · {}", ctx.audit_type_label()),
            title: ctx.client.to_owned(),
            subtitle: format!(
                "{} · scope: {} · {}",
                ctx.assessment,
                ctx.scope_names(),
                long_date(ctx.date)
            ),
        },
        Block::KeyFigures(vec![
            Figure {
                label: "Readiness".into(),
                value: percent(card.overall.score),
                detail: card.band.label().to_owned(),
                tone: band_tone,
            },
            Figure {
                label: "Audit date".into(),
                value: date_value,
                detail: date_detail,
                tone: date_tone,
            },
            Figure {
                label: "Effort".into(),
                value: format!("{:.0} days", days.ceil()),
                detail: plural(open.len(), "open action", "open actions"),
                tone: Tone::Neutral,
            },
            Figure {
                label: "Cost".into(),
                value: cost_value,
                detail: if priced.is_some() {
                    "people and external costs".to_owned()
                } else {
                    "no cost assumptions recorded".to_owned()
                },
                tone: Tone::Neutral,
            },
        ]),
        Block::Callout {
            tone: band_tone,
            title: format!("Verdict: {}", card.band.label()),
            text: Text::plain(
                [Some(verdict_sentence(card)), strength_sentence(card)]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
        },
        heading("Will we make the audit date?"),
        Block::Paragraph(Text::plain(date_sentence(&plan.fit, open.len()))),
    ];
    let assumed = assumptions(&plan.load, &open);
    if !assumed.is_empty() {
        blocks.push(Block::Note(Text::lead("Assumptions: ", assumed.join(" "))));
    }
    blocks.push(heading("The three findings that matter most"));
    let top = top_findings(&plan.gaps, &plan.actions, 3);
    if top.is_empty() {
        blocks.push(Block::Paragraph(Text::plain(
            "No gap is open: every answered control is in place.",
        )));
    } else {
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new("Severity", 1.3),
                Column::new("Finding", 4.5),
                Column::new("What closes it", 4.5),
                Column::new("Owner", 1.5),
            ],
            rows: top
                .iter()
                .map(|f| {
                    Row::of(
                        vec![
                            f.severity.label().to_owned(),
                            f.statement.clone(),
                            f.action.clone(),
                            f.owner.clone(),
                        ],
                        Some(severity_tone(f.severity)),
                    )
                })
                .collect(),
        }));
    }
    blocks.push(heading("Effort and cost"));
    blocks.push(Block::Paragraph(Text::plain(effort_sentence(days, costs))));
    blocks.push(heading("Decisions needed from leadership"));
    let asks = decisions(&plan.fit, &plan.actions, costs);
    if asks.is_empty() {
        blocks.push(Block::Paragraph(Text::plain(
            "None now: the plan fits its date, every open action has a named owner with time \
             for it, and no risk is waiting to be accepted.",
        )));
    } else {
        blocks.push(Block::Bullets(asks.into_iter().map(Text::plain).collect()));
    }
    Document {
        meta: Meta {
            title: format!("{TITLE}: {}", ctx.client),
            subject: format!(
                "SOC 2 readiness of {} for the board: verdict, audit date, findings, cost, decisions",
                ctx.assessment
            ),
            author: ctx.prepared_by(),
            keywords: vec![
                "SOC 2".to_owned(),
                "board brief".to_owned(),
                ctx.client.to_owned(),
            ],
            generated_at: ctx.generated_at,
            running_head: format!("{} · {TITLE} · version {}", ctx.client, ctx.version_label()),
            marking: super::front::MARKING.to_owned(),
            footer: ctx.footer_line(if ctx.company.assessor_led() {
                "readiness assessment, not an audit opinion"
            } else {
                "self-assessment, not an audit opinion"
            }),
            branding: ctx.branding.clone(),
        },
        blocks,
    }
}

fn heading(title: &str) -> Block {
    Block::Heading {
        number: String::new(),
        title: title.to_owned(),
        level: 1,
    }
}

/// "38k", "1.2m": amounts short enough for a key-figure tile.
fn short(n: u64) -> String {
    if n >= 1_000_000 {
        format!("{:.1}m", n as f64 / 1_000_000.0)
    } else if n >= 10_000 {
        format!("{}k", (n as f64 / 1000.0).round() as u64)
    } else {
        money(n)
    }
}

fn severity_tone(s: Severity) -> Tone {
    match s {
        Severity::High => Tone::Critical,
        Severity::Medium => Tone::Warning,
        Severity::Low => Tone::Info,
    }
}
