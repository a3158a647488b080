//! Chapter: executive summary, for a reader who is not technical: the verdict and what stands
//! behind it, a chart of the categories, the top risks and the first things to do.

use crate::report::chart::{bars, bars_height, donut, tiles, Datum, Tile, TILE_H};
use crate::report::context::ReportContext;
use crate::report::flow::{Flow, KEEP_DEFAULT, WIDTH};
use crate::report::fonts::Weight;
use crate::report::table::{Cell, Column, Table};
use crate::report::theme::{
    band_color, long_date, plural, severity_color, short_date, style, BAD, BODY, BRAND, CELL,
    CELL_BOLD, CELL_MUTED, FAIR, GOOD, LABEL, MUTED, SMALL, WARN,
};
use crate::report::ReportError;
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

pub(super) fn executive_summary(
    flow: &mut Flow,
    ctx: &ReportContext<'_>,
    number: &str,
) -> Result<(), ReportError> {
    flow.chapter(number, "Executive summary")?;
    let card = ctx.card;
    let o = &card.overall;
    flow.paragraph(
        BODY,
        &format!(
            "This report sets out how ready {} is for a {} audit of {}. It is based on {} of {} \
             questions answered about how the company works today, across {}. Scores show how \
             much of what an auditor expects is already in place.",
            ctx.client,
            ctx.audit_type_label(),
            ctx.system(),
            o.answered,
            o.questions,
            ctx.scope_names()
        ),
    )?;
    flow.space(12.0);

    // The verdict: the number, the band and what it means.
    let band_col = band_color(card.band);
    flow.block(132.0, |c, x, top| {
        donut(
            c,
            x + 58.0,
            top + 56.0,
            52.0,
            o.score,
            band_col,
            "OVERALL READINESS",
        )?;
        let tx = x + 150.0;
        c.text(tx, top + 12.0, LABEL, "VERDICT")?;
        c.text(
            tx,
            top + 36.0,
            style(20.0, Weight::Bold, band_col),
            card.band.label(),
        )?;
        c.paragraph(tx, top + 56.0, WIDTH - 150.0, BODY, verdict(card.band))
            .map(|_| ())
    })?;

    let (high, medium, low) = ctx.gap_counts();
    let p1 = ctx
        .plan
        .actions
        .iter()
        .filter(|a| a.priority == Priority::P1)
        .count();
    let (plan_value, plan_color) = match ctx.plan.fit {
        Fit::Fits { .. } => ("Fits", GOOD),
        Fit::Late { .. } => ("Late", BAD),
        Fit::NoTargetDate => ("No date", MUTED),
    };
    let plan_detail = match (ctx.plan.fit.clone(), ctx.profile.target_date) {
        (Fit::Fits { spare_days, .. }, _) => {
            format!("{spare_days} days to spare before the deadline")
        }
        (Fit::Late { late_days, .. }, _) => format!("{late_days} days past the deadline"),
        (Fit::NoTargetDate, _) => "Set an audit date to check the plan".to_owned(),
    };
    let figures = [
        Tile {
            label: "Gaps".into(),
            value: ctx.plan.gaps.len().to_string(),
            detail: format!("{high} high · {medium} medium · {low} low severity"),
            color: if high > 0 { BAD } else { WARN },
        },
        Tile {
            label: "Actions".into(),
            value: ctx.plan.actions.len().to_string(),
            detail: format!(
                "{} to start first",
                plural(p1, "priority 1 action", "priority 1 actions")
            ),
            color: BRAND,
        },
        Tile {
            label: "Plan".into(),
            value: plan_value.into(),
            detail: plan_detail,
            color: plan_color,
        },
        Tile {
            label: "Answered".into(),
            value: format!("{}/{}", o.answered, o.questions),
            detail: format!(
                "{} not applicable · {} unknown",
                o.not_applicable, o.unknown
            ),
            color: FAIR,
        },
    ];
    flow.block(TILE_H + 8.0, |c, x, top| tiles(c, x, top, WIDTH, &figures))?;
    if card.late_controls > 0 {
        flow.paragraph(BODY, &late_controls_sentence(ctx))?;
    }

    let data: Vec<Datum> = card
        .categories
        .iter()
        .map(|c| Datum::new(c.name.clone(), c.tally.score))
        .collect();
    let h = bars_height(data.len());
    flow.heading(&format!("{number}.1"), "Readiness by category", 1, h)?;
    flow.block(h + 6.0, |c, x, top| bars(c, x, top, WIDTH, 150.0, &data))?;
    // Names as weakest the category holding the high-severity gaps, not merely the lowest score.
    if card.categories.len() > 1 {
        if let Some(sentence) = crate::report::brief::strength_sentence(card) {
            flow.paragraph(SMALL, &sentence)?;
        }
    }

    top_risks(flow, ctx, &format!("{number}.2"))?;
    recommendations(flow, ctx, &format!("{number}.3"))?;
    Ok(())
}

fn top_risks(flow: &mut Flow, ctx: &ReportContext<'_>, number: &str) -> Result<(), ReportError> {
    flow.heading(number, "Top risks", 1, KEEP_DEFAULT + 30.0)?;
    if ctx.plan.gaps.is_empty() {
        flow.paragraph(
            BODY,
            "No gap has been recorded: every answered control is in place.",
        )?;
        return Ok(());
    }
    flow.paragraph(
        SMALL,
        "The most severe gaps found, with why an auditor cares about each. Severity comes from how \
         critical the control is and whether it is missing or only partly in place.",
    )?;
    flow.space(6.0);
    let mut t = Table::new(vec![
        Column::new("Gap", 4.2),
        Column::new("Why it matters", 4.0),
        Column::new("Severity", 1.2),
    ]);
    for gap in ctx.plan.gaps.iter().take(5) {
        let why = ctx
            .catalog
            .question(&gap.question_id)
            .map_or(String::new(), |q| q.why.clone());
        t.row(vec![
            Cell::two(
                gap.question.clone(),
                CELL_BOLD,
                format!("{} · {}", gap.answer.label(), gap.criteria.join(", ")),
                CELL_MUTED,
            ),
            Cell::styled(why, CELL),
            Cell::Chip(
                gap.severity.label().to_uppercase(),
                severity_color(gap.severity),
            ),
        ]);
    }
    flow.table(&t)?;
    Ok(())
}

fn recommendations(
    flow: &mut Flow,
    ctx: &ReportContext<'_>,
    number: &str,
) -> Result<(), ReportError> {
    flow.heading(number, "Key recommendations", 1, KEEP_DEFAULT + 30.0)?;
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
        flow.paragraph(BODY, "The plan has no open action.")?;
    } else {
        flow.paragraph(SMALL, lead)?;
        flow.space(6.0);
        let mut t = Table::new(vec![
            Column::new("Ref", 0.7),
            Column::new("Recommendation", 5.0),
            Column::new("Owner", 1.8),
            Column::new("Due", 1.4),
        ]);
        for a in first.iter().take(8) {
            t.row(vec![
                Cell::styled(
                    refs.get(a.key.as_str()).cloned().unwrap_or_default(),
                    CELL_BOLD,
                ),
                Cell::two(
                    a.title.clone(),
                    CELL_BOLD,
                    format!("Closes {}", a.criteria.join(", ")),
                    CELL_MUTED,
                ),
                Cell::text(a.owner_name.clone()),
                Cell::text(short_date(a.due)),
            ]);
        }
        flow.table(&t)?;
        if first.len() > 8 {
            flow.space(4.0);
            flow.paragraph(
                SMALL,
                &format!(
                    "{} more priority 1 actions are listed in the remediation plan.",
                    first.len() - 8
                ),
            )?;
        }
    }
    flow.space(10.0);
    flow.paragraph(BODY, &ctx.fit_sentence())?;
    Ok(())
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
