//! Chapter: the roadmap: a timeline with one bar per action from its start to its due date,
//! coloured by priority, against the plan date, the readiness deadline and the audit date.

use super::priority_tone;
use crate::doc::{Block, Lane, Marker, Text, Timeline, Tone};
use crate::report::context::{action_ref, ReportContext};
use trustgap_domain::plan::{Action, ActionStatus, Priority};

pub(super) fn roadmap(ctx: &ReportContext<'_>, number: &str) -> Vec<Block> {
    let mut out = vec![Block::Chapter {
        number: number.to_owned(),
        title: "Roadmap".to_owned(),
    }];
    let actions = &ctx.plan.actions;
    if actions.is_empty() {
        out.push(Block::Paragraph(Text::plain(
            "The plan has no action: there is nothing to schedule.",
        )));
        return out;
    }
    out.push(Block::Paragraph(Text::plain(
        "Each bar runs from an action's start to its due date, coloured by priority; finished \
         actions are green and accepted risks grey. Vertical lines mark the plan date, the \
         readiness deadline (dashed) and the target audit date.",
    )));
    out.push(Block::Spacer(3.0));
    // Bars in start order, then plan order.
    let mut order: Vec<(usize, &Action)> = actions.iter().enumerate().collect();
    order.sort_by_key(|(i, a)| (a.start, *i));
    let lanes = order
        .into_iter()
        .map(|(i, a)| Lane {
            key: action_ref(i),
            label: a.title.clone(),
            start: a.start,
            end: a.due,
            tone: match a.status {
                ActionStatus::Done => Tone::Good,
                ActionStatus::RiskAccepted => Tone::Faint,
                _ => priority_tone(a.priority),
            },
        })
        .collect();
    let mut legend: Vec<(String, Tone)> = [Priority::P1, Priority::P2, Priority::P3, Priority::P4]
        .into_iter()
        .map(|p| (p.label().to_owned(), priority_tone(p)))
        .collect();
    legend.extend([
        ("Done".to_owned(), Tone::Good),
        ("Risk accepted".to_owned(), Tone::Faint),
    ]);
    out.push(Block::Timeline(Timeline {
        label: "Action".to_owned(),
        lanes,
        markers: markers(ctx),
        legend,
    }));
    out
}

/// The plan date, the readiness deadline (derived, so dashed) and the target audit date.
fn markers(ctx: &ReportContext<'_>) -> Vec<Marker> {
    let mark = |date, label: &str, tone, dashed| Marker {
        date,
        label: label.to_owned(),
        tone,
        dashed,
    };
    let mut m = vec![mark(ctx.plan.plan_date, "Plan date", Tone::Neutral, false)];
    if let Some(d) = ctx.deadline() {
        m.push(mark(d, "Readiness deadline", Tone::Critical, true));
    }
    if let Some(d) = ctx.profile.target_date {
        m.push(mark(d, "Target audit date", Tone::Muted, false));
    }
    m
}
