//! Chapter (optional): progress since a snapshot: overall and category scores then and now,
//! the criteria that moved most, and the gaps closed and opened since.

use crate::report::chart::{paired_bars, paired_bars_height, tiles, Tile, TILE_H};
use crate::report::context::ReportContext;
use crate::report::flow::{Flow, WIDTH};
use crate::report::table::{Cell, Column, Table};
use crate::report::theme::{
    long_date, percent, plural, severity_color, BAD, BODY, CELL, CELL_BOLD, CELL_MUTED, FAIR, GOOD,
    MUTED, SMALL,
};
use crate::report::ReportError;
use trustgap_domain::snapshot::{Comparison, Delta, GapChange};

/// "+12 points", "−3 points", "no change" or "n/a".
pub fn change_text(change: Option<f64>) -> String {
    match change {
        None => "n/a".to_owned(),
        Some(c) if c.abs() < 0.5 => "no change".to_owned(),
        Some(c) if c > 0.0 => format!("+{c:.0} points"),
        Some(c) => format!("−{:.0} points", c.abs()),
    }
}

/// The snapshot's date in words, or its raw stamp when it cannot be read.
fn taken_on(created_at: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(created_at)
        .map(|d| long_date(d.date_naive()))
        .or_else(|_| {
            chrono::NaiveDate::parse_from_str(created_at.get(..10).unwrap_or(""), "%Y-%m-%d")
                .map(long_date)
        })
        .unwrap_or_else(|_| created_at.to_owned())
}

pub(super) fn progress(
    flow: &mut Flow,
    ctx: &ReportContext<'_>,
    cmp: &Comparison,
    number: &str,
) -> Result<(), ReportError> {
    flow.chapter(number, &format!("Progress since {}", cmp.snapshot.label))?;
    let o = &cmp.overall;
    flow.paragraph(
        BODY,
        &format!(
            "This chapter compares {} today with the snapshot \"{}\" taken on {}. Both are \
             scored on today's scope, so the numbers compare like with like. Overall readiness \
             moved from {} to {} ({}).",
            ctx.client,
            cmp.snapshot.label,
            taken_on(&cmp.snapshot.created_at),
            percent(o.before),
            percent(o.now),
            change_text(o.change)
        ),
    )?;
    flow.space(10.0);
    let up = o.change.unwrap_or(0.0) >= 0.0;
    let figures = [
        Tile {
            label: "Readiness now".into(),
            value: percent(o.now),
            detail: format!("{} since the snapshot", change_text(o.change)),
            color: if up { GOOD } else { BAD },
        },
        Tile {
            label: "Gaps closed".into(),
            value: cmp.gaps_closed.len().to_string(),
            detail: "answered as in place now".into(),
            color: GOOD,
        },
        Tile {
            label: "Gaps opened".into(),
            value: cmp.gaps_opened.len().to_string(),
            detail: "new or worse answers".into(),
            color: if cmp.gaps_opened.is_empty() {
                MUTED
            } else {
                BAD
            },
        },
        Tile {
            label: "Criteria moved".into(),
            value: cmp.criteria.len().to_string(),
            detail: "with a different score".into(),
            color: FAIR,
        },
    ];
    flow.block(TILE_H + 10.0, |c, x, top| tiles(c, x, top, WIDTH, &figures))?;

    let h = paired_bars_height(cmp.categories.len());
    flow.heading(&format!("{number}.1"), "Categories then and now", 1, h)?;
    flow.block(h + 6.0, |c, x, top| {
        paired_bars(
            c,
            x,
            top,
            WIDTH,
            150.0,
            &cmp.categories,
            &cmp.snapshot.label,
        )
    })?;

    flow.heading(&format!("{number}.2"), "Criteria that moved most", 1, 80.0)?;
    if cmp.criteria.is_empty() {
        flow.paragraph(BODY, "No criterion's score has changed.")?;
    } else {
        let mut t = Table::new(vec![
            Column::new("Criterion", 4.4),
            Column::new("Then", 1.0).right(),
            Column::new("Now", 1.0).right(),
            Column::new("Change", 1.5).right(),
        ]);
        for d in cmp.criteria.iter().take(15) {
            t.row(delta_row(d));
        }
        flow.table(&t)?;
        if cmp.criteria.len() > 15 {
            flow.space(4.0);
            flow.paragraph(
                SMALL,
                &format!("{} more criteria moved by less.", cmp.criteria.len() - 15),
            )?;
        }
    }

    gap_changes(
        flow,
        &format!("{number}.3"),
        "Gaps closed",
        &cmp.gaps_closed,
        "No gap has been closed since the snapshot.",
    )?;
    gap_changes(
        flow,
        &format!("{number}.4"),
        "Gaps opened",
        &cmp.gaps_opened,
        "No new gap has appeared since the snapshot.",
    )?;
    Ok(())
}

fn delta_row(d: &Delta) -> Vec<Cell> {
    let color = match d.change {
        Some(c) if c >= 0.5 => GOOD,
        Some(c) if c <= -0.5 => BAD,
        _ => MUTED,
    };
    vec![
        Cell::two(d.key.clone(), CELL_BOLD, d.label.clone(), CELL_MUTED),
        Cell::text(percent(d.before)),
        Cell::text(percent(d.now)),
        Cell::styled(
            change_text(d.change),
            crate::report::theme::style(8.5, crate::report::fonts::Weight::Bold, color),
        ),
    ]
}

fn gap_changes(
    flow: &mut Flow,
    number: &str,
    title: &str,
    gaps: &[GapChange],
    none: &str,
) -> Result<(), ReportError> {
    flow.heading(number, title, 1, 70.0)?;
    if gaps.is_empty() {
        flow.paragraph(BODY, none)?;
        return Ok(());
    }
    flow.paragraph(SMALL, &plural(gaps.len(), "question", "questions"))?;
    flow.space(4.0);
    let mut t = Table::new(vec![
        Column::new("Question", 5.0),
        Column::new("Then", 1.6),
        Column::new("Now", 1.6),
        Column::new("Severity", 1.2),
    ]);
    let label =
        |a: Option<trustgap_domain::assessment::Answer>| a.map_or("Not answered", |a| a.label());
    for g in gaps {
        t.row(vec![
            Cell::two(
                g.question.clone(),
                CELL,
                format!("{} · {}", g.question_id, g.criterion),
                CELL_MUTED,
            ),
            Cell::text(label(g.before)),
            Cell::styled(label(g.now), CELL_BOLD),
            Cell::Chip(
                g.severity.label().to_uppercase(),
                severity_color(g.severity),
            ),
        ]);
    }
    flow.table(&t)?;
    Ok(())
}
