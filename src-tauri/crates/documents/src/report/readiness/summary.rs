//! Chapter: executive summary, for a reader who is not technical: the verdict and what stands
//! behind it, a chart of the categories, the top risks and the first things to do. On the
//! document model.

use crate::doc::{
    score_tone, Bar, Block, Cell, Chart, Column, Figure, Graphic, Row, Table, Text, Tone, Verdict,
};
use crate::report::context::ReportContext;
use crate::report::theme::{band_tone, long_date, plural, severity_tone, short_date};
use trustgap_domain::plan::{ActionStatus, Fit, Priority};
use trustgap_domain::scoring::Band;

/// What a band means, for someone who has never seen an audit.
pub fn verdict(band: Band) -> &'static str {
    match band {
        Band::Ready => {
            "The controls an auditor will test are in place. Keep them running and keep the \
             evidence that they ran: that is what the audit will look at."
        }
        Band::NearlyReady => {
            "Most controls are in place. A short list of gaps remains; close them and gather \
             evidence before the auditor arrives."
        }
        Band::SignificantGaps => {
            "The foundations exist, but several controls an auditor will test are missing or \
             only partly in place. An audit now would likely record exceptions."
        }
        Band::NotReady => {
            "Important controls are missing. An audit now would very likely end with many \
             exceptions or a qualified opinion; remediation should come first."
        }
        Band::Incomplete => {
            "Fewer than half of the questions have been answered, so no verdict is given yet. \
             Finish the questionnaire to get one."
        }
    }
}

pub(super) fn executive_summary(ctx: &ReportContext<'_>, number: &str) -> Vec<Block> {
    let card = ctx.card;
    let o = &card.overall;
    let mut out = vec![
        Block::chapter(number, "Executive summary"),
        Block::Paragraph(Text::plain(format!(
            "This report sets out how ready {} is for a {} audit of {}. It is based on {} of {} \
             questions answered about how the company works today, across {}. Scores show how \
             much of what an auditor expects is already in place.",
            ctx.client,
            ctx.audit_type_label(),
            ctx.system(),
            o.answered,
            o.questions,
            ctx.scope_names()
        ))),
        Block::Spacer(12.0),
        // The verdict: the number, the band and what it means.
        Block::Graphic(Graphic::Verdict(Verdict {
            score: o.score,
            tone: band_tone(card.band),
            caption: "OVERALL READINESS".to_owned(),
            kicker: "VERDICT".to_owned(),
            value: card.band.label().to_owned(),
            text: verdict(card.band).to_owned(),
        })),
    ];

    let (high, medium, low) = ctx.gap_counts();
    let p1 = ctx
        .plan
        .actions
        .iter()
        .filter(|a| a.priority == Priority::P1)
        .count();
    let (plan_value, plan_tone) = match ctx.plan.fit {
        Fit::Fits { .. } => ("Fits", Tone::Good),
        Fit::Late { .. } => ("Late", Tone::Critical),
        Fit::NoTargetDate => ("No date", Tone::Muted),
    };
    let plan_detail = match ctx.plan.fit {
        Fit::Fits { spare_days, .. } => format!("{spare_days} days to spare before the deadline"),
        Fit::Late { late_days, .. } => format!("{late_days} days past the deadline"),
        Fit::NoTargetDate => "Set an audit date to check the plan".to_owned(),
    };
    let figure = |label: &str, value: String, detail: String, tone| Figure {
        label: label.to_owned(),
        value,
        detail,
        tone,
    };
    out.push(Block::KeyFigures(vec![
        figure(
            "Gaps",
            ctx.plan.gaps.len().to_string(),
            format!("{high} high · {medium} medium · {low} low severity"),
            if high > 0 {
                Tone::Critical
            } else {
                Tone::Warning
            },
        ),
        figure(
            "Actions",
            ctx.plan.actions.len().to_string(),
            format!(
                "{} to start first",
                plural(p1, "priority 1 action", "priority 1 actions")
            ),
            Tone::Neutral,
        ),
        figure("Plan", plan_value.into(), plan_detail, plan_tone),
        figure(
            "Answered",
            format!("{}/{}", o.answered, o.questions),
            format!(
                "{} not applicable · {} unknown",
                o.not_applicable, o.unknown
            ),
            Tone::Info,
        ),
    ]));
    if card.late_controls > 0 {
        out.push(Block::Paragraph(late_controls_sentence(ctx).into()));
    }

    out.push(Block::section(
        format!("{number}.1"),
        "Readiness by category",
    ));
    out.push(Block::Chart(Chart {
        title: String::new(),
        max: 100.0,
        unit: "%".to_owned(),
        bars: card
            .categories
            .iter()
            .map(|c| Bar {
                label: c.name.clone(),
                value: c.tally.score,
                tone: score_tone(c.tally.score),
            })
            .collect(),
    }));
    // Names as weakest the category holding the high-severity gaps, not merely the lowest score.
    if card.categories.len() > 1 {
        if let Some(sentence) = crate::report::brief::strength_sentence(card) {
            out.push(Block::Note(sentence.into()));
        }
    }

    out.extend(top_risks(ctx, format!("{number}.2")));
    out.extend(recommendations(ctx, format!("{number}.3")));
    out
}

fn top_risks(ctx: &ReportContext<'_>, number: String) -> Vec<Block> {
    let mut out = vec![Block::section(number, "Top risks")];
    if ctx.plan.gaps.is_empty() {
        out.push(Block::Paragraph(
            "No gap has been recorded: every answered control is in place.".into(),
        ));
        return out;
    }
    out.push(Block::Note(
        "The most severe gaps found, with why an auditor cares about each. Severity comes from how \
         critical the control is and whether it is missing or only partly in place."
            .into(),
    ));
    let rows = ctx
        .plan
        .gaps
        .iter()
        .take(5)
        .map(|gap| {
            let why = ctx
                .catalog
                .question(&gap.question_id)
                .map_or(String::new(), |q| q.why.clone());
            Row::new(vec![
                Cell::strong(gap.question.clone()).with(format!(
                    "{} · {}",
                    gap.answer.label(),
                    gap.criteria.join(", ")
                )),
                Cell::from(why),
                Cell::chip(gap.severity.label(), severity_tone(gap.severity)),
            ])
        })
        .collect();
    out.push(Block::Table(Table {
        columns: vec![
            Column::new("Gap", 4.2),
            Column::new("Why it matters", 4.0),
            Column::new("Severity", 1.2),
        ],
        rows,
    }));
    out
}

fn recommendations(ctx: &ReportContext<'_>, number: String) -> Vec<Block> {
    let mut out = vec![Block::section(number, "Key recommendations")];
    let refs = ctx.action_refs();
    let open = |a: &&trustgap_domain::plan::Action| {
        !matches!(a.status, ActionStatus::Done | ActionStatus::RiskAccepted)
    };
    let mut first: Vec<_> = ctx
        .plan
        .actions
        .iter()
        .filter(open)
        .filter(|a| a.priority == Priority::P1)
        .collect();
    let lead = if first.is_empty() {
        first = ctx.plan.actions.iter().filter(open).take(5).collect();
        "No action is priority 1. These are the first actions in the plan:"
    } else {
        "Start with the priority 1 actions: each closes at least one high-severity gap."
    };
    if first.is_empty() {
        out.push(Block::Paragraph("The plan has no open action.".into()));
    } else {
        out.push(Block::Note(lead.into()));
        let rows = first
            .iter()
            .take(8)
            .map(|a| {
                Row::new(vec![
                    Cell::strong(refs.get(a.key.as_str()).cloned().unwrap_or_default()),
                    Cell::strong(a.title.clone()).with(format!("Closes {}", a.criteria.join(", "))),
                    Cell::from(a.owner_name.clone()),
                    Cell::from(short_date(a.due)),
                ])
            })
            .collect();
        out.push(Block::Table(Table {
            columns: vec![
                Column::new("Ref", 0.7),
                Column::new("Recommendation", 5.0),
                Column::new("Owner", 1.8),
                Column::new("Due", 1.4),
            ],
            rows,
        }));
        if first.len() > 8 {
            out.push(Block::Spacer(4.0));
            out.push(Block::Note(Text::plain(format!(
                "{} more priority 1 actions are listed in the remediation plan.",
                first.len() - 8
            ))));
        }
    }
    out.push(Block::Spacer(10.0));
    out.push(Block::Paragraph(ctx.fit_sentence().into()));
    out
}

/// Type II: why controls that run today still count against readiness.
fn late_controls_sentence(ctx: &ReportContext<'_>) -> String {
    let n = ctx.card.late_controls as usize;
    let start = ctx
        .profile
        .observation_start
        .map_or("the observation period".to_owned(), |d| {
            format!("the observation period, which starts on {}", long_date(d))
        });
    format!(
        "{} in place today started after {start}. A Type II auditor tests each control across the \
         whole period, so a control that was not yet running at its start is an exception: each \
         counts as partially implemented here and appears in the plan as \u{201c}started too \
         late\u{201d}, to be fixed by moving the period or running the control from its start.",
        if n == 1 {
            "One control".to_owned()
        } else {
            format!("{n} controls")
        }
    )
}
