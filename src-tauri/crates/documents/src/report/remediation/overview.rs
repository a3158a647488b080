//! Chapter: plan summary: whether the plan fits before the audit, key figures, and the actions
//! counted by priority, phase, owner and status, with the scheduling rules in plain words.

use crate::report::chart::{tiles, Tile, TILE_H};
use crate::report::context::ReportContext;
use crate::report::flow::{Flow, WIDTH};
use crate::report::fonts::Weight;
use crate::report::table::{Cell, Column, Table};
use crate::report::theme::{
    long_date, priority_color, short_date, style, BAD, BODY, BRAND, BRAND_TINT, CELL, CELL_BOLD,
    CELL_MUTED, FAIR, GOOD, INK, MUTED, SMALL, WARN,
};
use crate::report::ReportError;
use trustgap_domain::people::DEFAULT_SHARE;
use trustgap_domain::plan::{Action, ActionStatus, Fit, Phase, Priority};

/// The owner's working days an action takes, as the schedule counts them.
pub(super) fn days(a: &Action) -> f32 {
    a.effort_days
}

pub(super) fn is_open(a: &Action) -> bool {
    !matches!(a.status, ActionStatus::Done | ActionStatus::RiskAccepted)
}

pub(super) fn plan_summary(
    flow: &mut Flow,
    ctx: &ReportContext<'_>,
    number: &str,
) -> Result<(), ReportError> {
    flow.chapter(number, "Plan summary")?;
    let plan = ctx.plan;
    let (headline, color) = match plan.fit {
        Fit::Fits { .. } => ("The plan fits before the audit", GOOD),
        Fit::Late { .. } => ("The plan does not fit before the audit", BAD),
        Fit::NoTargetDate => ("No audit date is set yet", MUTED),
    };
    let fit_text = ctx.fit_sentence();
    let reason = match ctx.deadline() {
        Some(d) => format!(
            "Readiness deadline: {}. {}",
            long_date(d),
            ctx.deadline_reason()
        ),
        None => "Set the target audit date in Trustgap's Plan screen to check the plan against it."
            .to_owned(),
    };
    let body_w = WIDTH - 32.0;
    let f = crate::report::fonts::face(Weight::Regular)?;
    let n1 = crate::report::layout::wrap(f, &fit_text, BODY.size, body_w).len();
    let n2 = crate::report::layout::wrap(f, &reason, SMALL.size, body_w).len();
    let box_h = 40.0 + n1 as f32 * BODY.leading() + n2 as f32 * SMALL.leading() + 8.0;
    flow.block(box_h + 12.0, |c, x, top| {
        c.fill_rect(x, top, WIDTH, box_h, BRAND_TINT);
        c.fill_rect(x, top, 4.0, box_h, color);
        c.text(
            x + 16.0,
            top + 22.0,
            style(13.0, Weight::Bold, color),
            headline,
        )?;
        let y = c.paragraph(x + 16.0, top + 42.0, body_w, BODY, &fit_text)?;
        c.paragraph(x + 16.0, y, body_w, SMALL, &reason).map(|_| ())
    })?;
    if let Fit::Late { remedies, .. } = &plan.fit {
        flow.paragraph(CELL_BOLD, "What would make it fit")?;
        for r in remedies {
            flow.paragraph(CELL, &format!("\u{2022} {r}"))?;
        }
        flow.space(6.0);
    }
    for w in &plan.warnings {
        flow.paragraph(SMALL, &format!("Note: {w}"))?;
    }

    let open: Vec<&Action> = plan.actions.iter().filter(|a| is_open(a)).collect();
    let p1 = open.iter().filter(|a| a.priority == Priority::P1).count();
    let effort: f32 = open.iter().map(|a| days(a)).sum();
    let last = open.iter().map(|a| a.due).max();
    let figures = [
        Tile {
            label: "Actions".into(),
            value: plan.actions.len().to_string(),
            detail: format!("{} open, closing {} gaps", open.len(), plan.gaps.len()),
            color: BRAND,
        },
        Tile {
            label: "Priority 1".into(),
            value: p1.to_string(),
            detail: "open actions closing a high-severity gap".into(),
            color: BAD,
        },
        Tile {
            label: "Effort".into(),
            value: format!("{} d", effort.round()),
            detail: "of the owners' working time, planned".into(),
            color: FAIR,
        },
        Tile {
            label: "Last due".into(),
            value: last.map_or_else(|| "–".to_owned(), |d| d.format("%-d %b").to_string()),
            detail: last.map_or_else(String::new, |d| d.format("%Y").to_string()),
            color: WARN,
        },
    ];
    flow.block(TILE_H + 10.0, |c, x, top| tiles(c, x, top, WIDTH, &figures))?;

    flow.heading(&format!("{number}.1"), "Actions by priority", 1, 80.0)?;
    let mut t = Table::new(vec![
        Column::new("Priority", 1.0),
        Column::new("What it means", 4.6),
        Column::new("Actions", 1.0).right(),
        Column::new("Open", 0.9).right(),
        Column::new("Days", 0.9).right(),
    ]);
    for (p, meaning) in [
        (Priority::P1, "Closes a high-severity gap: start now."),
        (
            Priority::P2,
            "Medium severity on a critical control (a key control, or weight 4 or 5).",
        ),
        (Priority::P3, "Medium severity on other controls."),
        (Priority::P4, "Low severity: schedule when time allows."),
    ] {
        let all: Vec<&Action> = plan.actions.iter().filter(|a| a.priority == p).collect();
        let open_n = all.iter().filter(|a| is_open(a)).count();
        let d: f32 = all.iter().filter(|a| is_open(a)).map(|a| days(a)).sum();
        t.row(vec![
            Cell::Chip(p.label().to_owned(), priority_color(p)),
            Cell::text(meaning),
            Cell::text(all.len().to_string()),
            Cell::text(open_n.to_string()),
            Cell::text(format!("{}", d.round())),
        ]);
    }
    flow.table(&t)?;

    flow.heading(&format!("{number}.2"), "Actions by phase", 1, 80.0)?;
    let mut t = Table::new(vec![
        Column::new("Phase", 1.6),
        Column::new("Due", 3.0),
        Column::new("Actions", 1.0).right(),
        Column::new("Open", 0.9).right(),
    ]);
    for (phase, when) in [
        (Phase::First30Days, "Within 30 days of the plan date"),
        (Phase::Days31To90, "31 to 90 days after the plan date"),
        (Phase::BeforeAudit, "Later, before the audit"),
    ] {
        let all: Vec<&Action> = plan.actions.iter().filter(|a| a.phase == phase).collect();
        t.row(vec![
            Cell::styled(phase.label(), CELL_BOLD),
            Cell::text(when),
            Cell::text(all.len().to_string()),
            Cell::text(all.iter().filter(|a| is_open(a)).count().to_string()),
        ]);
    }
    flow.table(&t)?;

    flow.heading(&format!("{number}.3"), "Workload by owner", 1, 80.0)?;
    let mut t = Table::new(vec![
        Column::new("Owner", 2.6),
        Column::new("Time for it", 1.1).right(),
        Column::new("Actions", 0.9).right(),
        Column::new("P1", 0.6).right(),
        Column::new("Days", 0.8).right(),
        Column::new("Last due", 1.4).right(),
    ]);
    for load in &plan.load {
        let mine: Vec<&Action> = plan
            .actions
            .iter()
            .filter(|a| a.owner == load.owner)
            .collect();
        t.row(vec![
            Cell::two(
                load.name.clone(),
                CELL_BOLD,
                if load.assumed {
                    "Role nobody holds yet: time assumed"
                } else {
                    "Person"
                },
                CELL_MUTED,
            ),
            Cell::text(format!("{}%", load.share)),
            Cell::text(mine.len().to_string()),
            Cell::text(
                mine.iter()
                    .filter(|a| a.priority == Priority::P1)
                    .count()
                    .to_string(),
            ),
            Cell::text(format!("{}", load.total_days.round())),
            Cell::text(
                mine.iter()
                    .map(|a| a.due)
                    .max()
                    .map(short_date)
                    .unwrap_or_default(),
            ),
        ]);
    }
    flow.table(&t)?;

    flow.heading(&format!("{number}.4"), "Progress so far", 1, 60.0)?;
    let status_line = ActionStatus::ALL
        .iter()
        .map(|s| {
            let n = plan.actions.iter().filter(|a| a.status == *s).count();
            format!("{} {}", n, s.label().to_lowercase())
        })
        .collect::<Vec<_>>()
        .join(" · ");
    flow.paragraph(BODY, &format!("{status_line}."))?;
    if !plan.retired.is_empty() {
        flow.space(4.0);
        let names: Vec<&str> = plan.retired.iter().map(|r| r.title.as_str()).collect();
        flow.paragraph(
            SMALL,
            &format!(
                "Retired (every gap they addressed is now closed): {}.",
                names.join("; ")
            ),
        )?;
    }

    flow.heading(&format!("{number}.5"), "How the plan is scheduled", 1, 60.0)?;
    flow.paragraph(
        style(9.0, Weight::Regular, INK),
        &format!(
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
        ),
    )?;
    flow.space(4.0);
    flow.paragraph(CELL, &format!("Plan date: {}.", long_date(plan.plan_date)))?;
    Ok(())
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
