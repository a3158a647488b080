//! Chapter: results by category: a radar of the criterion groups, a heat map of every
//! criterion, and a table per category with each criterion's score and gaps.

use crate::report::chart::{heatmap, heatmap_height, radar, radar_height, Datum, HeatRow};
use crate::report::context::ReportContext;
use crate::report::flow::{Flow, WIDTH};
use crate::report::table::{Cell, Column, Table};
use crate::report::theme::{percent, BODY, CELL_BOLD, CELL_MUTED, SMALL};
use crate::report::ReportError;
use std::collections::HashMap;
use trustgap_domain::scoring::Severity;

/// "CC6 Logical and physical access" → ("CC6", "Logical and physical access").
fn split_group(group: &str) -> (&str, &str) {
    group.split_once(' ').unwrap_or((group, ""))
}

pub(super) fn results_by_category(
    flow: &mut Flow,
    ctx: &ReportContext<'_>,
    number: &str,
) -> Result<(), ReportError> {
    flow.chapter(number, "Results by category")?;
    let card = ctx.card;
    let mut section = 0;
    let mut next = || {
        section += 1;
        format!("{number}.{section}")
    };
    // Gaps per criterion, counted on the primary criterion.
    let mut gaps: HashMap<&str, (usize, usize)> = HashMap::new();
    for g in &ctx.plan.gaps {
        for c in &g.criteria {
            let e = gaps.entry(c.as_str()).or_default();
            e.0 += 1;
            if g.severity == Severity::High {
                e.1 += 1;
            }
        }
    }

    flow.heading(&next(), "Criterion groups", 1, 200.0)?;
    flow.paragraph(
        BODY,
        "Each spoke is a group of related criteria; the further out the point, the more of what \
         an auditor expects is in place. Dents in the shape are the areas to work on first.",
    )?;
    let groups: Vec<Datum> = card
        .groups
        .iter()
        .map(|g| Datum::new(split_group(&g.group).0, g.tally.score))
        .collect();
    let r = 105.0;
    flow.space(4.0);
    flow.block(radar_height(r), |c, x, top| {
        radar(c, x, top, WIDTH, r, &groups)
    })?;
    let mut t = Table::new(vec![
        Column::new("Group", 4.0),
        Column::new("Category", 1.7),
        Column::new("Score", 2.0),
        Column::new("Answered", 1.2).right(),
    ]);
    for g in &card.groups {
        let (code, name) = split_group(&g.group);
        t.row(vec![
            Cell::two(code, CELL_BOLD, name, CELL_MUTED),
            Cell::text(ctx.category_name(g.category)),
            Cell::Score(g.tally.score),
            Cell::text(format!("{}/{}", g.tally.answered, g.tally.questions)),
        ]);
    }
    flow.table(&t)?;

    let rows: Vec<HeatRow> = card
        .groups
        .iter()
        .map(|g| HeatRow {
            label: g.group.clone(),
            cells: card
                .criteria
                .iter()
                .filter(|c| {
                    ctx.catalog
                        .criterion(&c.criterion)
                        .is_some_and(|x| x.group == g.group)
                })
                .map(|c| Datum::of(c.criterion.clone(), &c.tally))
                .collect(),
        })
        .collect();
    let label_w = 126.0;
    let h = heatmap_height(&rows, label_w, WIDTH);
    flow.heading(&next(), "Heat map of criteria", 1, h + 30.0)?;
    flow.paragraph(
        SMALL,
        "One cell per criterion, coloured by its score. A criterion with a high-severity gap \
         is never shown better than amber, whatever its score; gaps of lower severity can sit \
         in any cell below 100%.",
    )?;
    flow.space(6.0);
    flow.block(h, |c, x, top| heatmap(c, x, top, WIDTH, label_w, &rows))?;

    for cat in &card.categories {
        flow.heading(&next(), &cat.name, 1, 90.0)?;
        let tally = &cat.tally;
        let cat_gaps = ctx
            .plan
            .gaps
            .iter()
            .filter(|g| {
                g.criteria
                    .first()
                    .and_then(|c| ctx.catalog.criterion(c))
                    .map(|c| c.category)
                    == Some(cat.category)
            })
            .count();
        flow.paragraph(
            BODY,
            &format!(
                "Score {} on {} questions ({} answered, {} not applicable, {} unknown), with {}.",
                percent(tally.score),
                tally.questions,
                tally.answered,
                tally.not_applicable,
                tally.unknown,
                crate::report::theme::plural(cat_gaps, "gap", "gaps")
            ),
        )?;
        flow.space(6.0);
        let mut t = Table::new(vec![
            Column::new("Criterion", 4.6),
            Column::new("Score", 2.0),
            Column::new("Questions", 1.1).right(),
            Column::new("Gaps", 0.9).right(),
        ]);
        for crit in card.criteria.iter().filter(|c| c.category == cat.category) {
            let (n, high) = gaps.get(crit.criterion.as_str()).copied().unwrap_or((0, 0));
            let gap_text = if high > 0 {
                format!("{n} ({high} high)")
            } else {
                n.to_string()
            };
            t.row(vec![
                Cell::two(
                    crit.criterion.clone(),
                    CELL_BOLD,
                    crit.topic.clone(),
                    CELL_MUTED,
                ),
                Cell::Score(crit.tally.score),
                Cell::text(crit.tally.questions.to_string()),
                Cell::text(gap_text),
            ]);
        }
        flow.table(&t)?;
    }
    Ok(())
}
