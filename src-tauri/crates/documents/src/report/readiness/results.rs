//! Chapter: results by category: a radar of the criterion groups, a heat map of every
//! criterion, and a table per category with each criterion's score and gaps, on the document
//! model.

use crate::doc::{
    level_tone, score_tone, Bar, Block, Cell, Column, Graphic, HeatRow, Row, Table, Text,
};
use crate::report::context::ReportContext;
use crate::report::theme::percent;
use std::collections::HashMap;
use trustgap_domain::plan::Gap;
use trustgap_domain::scoring::{ScoreLevel, Scorecard, Severity};

/// The colour a level is drawn in on the heat map, as the caption names it.
fn colour_name(level: Option<ScoreLevel>) -> &'static str {
    match level {
        Some(ScoreLevel::Good) => "green",
        Some(ScoreLevel::Fair) => "blue",
        Some(ScoreLevel::Weak) => "amber",
        Some(ScoreLevel::Poor) => "red",
        None => "grey",
    }
}

/// The heat map's caption: what the colours mean, then where the gaps actually sit, counted
/// from the data (a gap on a question that maps to two criteria counts in both cells).
fn heat_caption(card: &Scorecard, gaps: &[Gap]) -> String {
    let levels: HashMap<&str, Option<ScoreLevel>> = card
        .criteria
        .iter()
        .map(|c| (c.criterion.as_str(), c.tally.level))
        .collect();
    // Worst first, grey (no score) last.
    let order = [
        Some(ScoreLevel::Poor),
        Some(ScoreLevel::Weak),
        Some(ScoreLevel::Fair),
        Some(ScoreLevel::Good),
        None,
    ];
    let mut all = [0usize; 5];
    let mut high = [0usize; 5];
    for g in gaps {
        for c in &g.criteria {
            let Some(level) = levels.get(c.as_str()) else {
                continue;
            };
            let i = order.iter().position(|l| l == level).unwrap_or(4);
            all[i] += 1;
            high[i] += usize::from(g.severity == Severity::High);
        }
    }
    let mut text = String::from(
        "One cell per criterion, coloured by its score: green 85% or more, blue 70\u{2013}84%, \
         amber 40\u{2013}69%, red under 40%, grey when nothing applicable was scored. A \
         criterion holding a high-severity gap is drawn amber at best, whatever its score. ",
    );
    let total: usize = all.iter().sum();
    if total == 0 {
        text.push_str("No cell holds a gap.");
        return text;
    }
    let parts: Vec<String> = order
        .iter()
        .zip(all)
        .filter(|(_, n)| *n > 0)
        .map(|(l, n)| format!("{n} in {}", colour_name(*l)))
        .collect();
    text.push_str(&format!(
        "Gaps by the cell they sit in (a gap mapped to several criteria counts in each): {}.",
        parts.join(", ")
    ));
    let light = all[2] + all[3];
    let light_high = high[2] + high[3];
    if light > 0 {
        text.push_str(&format!(
            " Green and blue cells still hold {light} {}{}: a good colour is not a clean \
             criterion, so read the gap counts in the tables below.",
            if light == 1 { "gap" } else { "gaps" },
            if light_high == 0 {
                ", none of high severity"
            } else {
                ""
            }
        ));
    } else {
        text.push_str(" No green or blue cell holds a gap.");
    }
    text
}

/// "CC6 Logical and physical access" → ("CC6", "Logical and physical access").
fn split_group(group: &str) -> (&str, &str) {
    group.split_once(' ').unwrap_or((group, ""))
}

pub(super) fn results_by_category(ctx: &ReportContext<'_>, number: &str) -> Vec<Block> {
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

    let mut out = vec![
        Block::chapter(number, "Results by category"),
        Block::section(next(), "Criterion groups"),
        Block::Paragraph(
            "Each spoke is a group of related criteria; the further out the point, the more of \
             what an auditor expects is in place. Dents in the shape are the areas to work on \
             first."
                .into(),
        ),
        Block::Graphic(Graphic::Radar(
            card.groups
                .iter()
                .map(|g| Bar {
                    label: split_group(&g.group).0.to_owned(),
                    value: g.tally.score,
                    tone: score_tone(g.tally.score),
                })
                .collect(),
        )),
        Block::Table(Table {
            columns: vec![
                Column::new("Group", 4.0),
                Column::new("Category", 1.7),
                Column::new("Score", 2.0),
                Column::new("Answered", 1.2).right(),
            ],
            rows: card
                .groups
                .iter()
                .map(|g| {
                    let (code, name) = split_group(&g.group);
                    Row::new(vec![
                        Cell::strong(code).with(name),
                        Cell::from(ctx.category_name(g.category)),
                        Cell::score(g.tally.score),
                        Cell::from(format!("{}/{}", g.tally.answered, g.tally.questions)),
                    ])
                })
                .collect(),
        }),
    ];

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
                .map(|c| Bar {
                    label: c.criterion.clone(),
                    value: c.tally.score,
                    tone: level_tone(c.tally.level),
                })
                .collect(),
        })
        .collect();
    out.push(Block::section(next(), "Heat map of criteria"));
    out.push(Block::Note(Text::plain(heat_caption(card, &ctx.plan.gaps))));
    out.push(Block::Graphic(Graphic::HeatMap(rows)));

    for cat in &card.categories {
        out.push(Block::section(next(), &cat.name));
        let tally = &cat.tally;
        let cat_gaps = ctx
            .plan
            .gaps
            .iter()
            .filter(|g| {
                // Counted in the category of its first criterion in scope.
                g.criteria
                    .iter()
                    .filter_map(|c| ctx.catalog.criterion(c))
                    .map(|c| c.category)
                    .find(|c| ctx.scope.contains(c))
                    == Some(cat.category)
            })
            .count();
        out.push(Block::Paragraph(Text::plain(format!(
            "Score {} on {} questions ({} answered, {} not applicable, {} unknown), with {}.",
            percent(tally.score),
            tally.questions,
            tally.answered,
            tally.not_applicable,
            tally.unknown,
            crate::report::theme::plural(cat_gaps, "gap", "gaps")
        ))));
        let rows = card
            .criteria
            .iter()
            .filter(|c| c.category == cat.category)
            .map(|crit| {
                let (n, high) = gaps.get(crit.criterion.as_str()).copied().unwrap_or((0, 0));
                let gap_text = if high > 0 {
                    format!("{n} ({high} high)")
                } else {
                    n.to_string()
                };
                Row::new(vec![
                    Cell::strong(crit.criterion.clone()).with(crit.topic.clone()),
                    Cell::score(crit.tally.score),
                    Cell::from(crit.tally.questions.to_string()),
                    Cell::from(gap_text),
                ])
            })
            .collect();
        out.push(Block::Table(Table {
            columns: vec![
                Column::new("Criterion", 4.6),
                Column::new("Score", 2.0),
                Column::new("Questions", 1.1).right(),
                Column::new("Gaps", 0.9).right(),
            ],
            rows,
        }));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use trustgap_domain::assessment::{Answer, Response, Scope};
    use trustgap_domain::catalog::embedded;
    use trustgap_domain::plan::{gap_register, AuditProfile, AuditType};
    use trustgap_domain::scoring::score;

    /// Security answered in full: everything implemented but `gaps`.
    fn case(gaps: &[(&str, Answer)]) -> (Scorecard, Vec<Gap>) {
        let catalog = embedded().expect("bank");
        let scope = Scope::new(&[]);
        let responses: Vec<Response> = catalog
            .questions_in(scope.categories())
            .map(|q| Response {
                question_id: q.id.clone(),
                answer: Some(
                    gaps.iter()
                        .find(|(id, _)| *id == q.id)
                        .map_or(Answer::Implemented, |(_, a)| *a),
                ),
                ..Response::default()
            })
            .collect();
        let profile = AuditProfile {
            audit_type: AuditType::Type1,
            target_date: None,
            observation_start: None,
        };
        (
            score(catalog, &scope, &responses, None),
            gap_register(
                catalog,
                &scope,
                &responses,
                &profile,
                &std::collections::HashSet::new(),
            ),
        )
    }

    #[test]
    fn a_gap_in_a_green_cell_is_counted_as_green() {
        let catalog = embedded().expect("bank");
        // A minor, non-key control under a criterion with many other controls: the criterion
        // stays at 85% or more with it partial.
        let (card, _) = case(&[]);
        let crowded = card
            .criteria
            .iter()
            .max_by_key(|c| c.tally.questions)
            .expect("criteria");
        let minor = catalog
            .questions
            .iter()
            .filter(|q| q.criteria == [crowded.criterion.clone()] && !q.key)
            .min_by_key(|q| q.weight)
            .expect("a minor control");
        let (card, gaps) = case(&[(&minor.id, Answer::Partial)]);
        assert_eq!(gaps.len(), 1);
        let cell = card
            .criteria
            .iter()
            .find(|c| c.criterion == crowded.criterion)
            .expect("cell");
        assert_eq!(cell.tally.level, Some(ScoreLevel::Good), "{:?}", cell.tally);
        let caption = heat_caption(&card, &gaps);
        assert!(caption.contains("1 in green"), "{caption}");
        assert!(
            caption.contains("still hold 1 gap, none of high severity"),
            "{caption}"
        );
        assert!(!caption.contains("No green"), "{caption}");
    }

    #[test]
    fn gaps_only_in_red_cells_are_said_to_be_there() {
        // Every control missing: every cell is red and holds every gap mapped to it.
        let catalog = embedded().expect("bank");
        let missing: Vec<(&str, Answer)> = catalog
            .questions_in(&[trustgap_domain::catalog::CategoryId::Security])
            .map(|q| (q.id.as_str(), Answer::NotImplemented))
            .collect();
        let (card, gaps) = case(&missing);
        assert!(card
            .criteria
            .iter()
            .all(|c| c.tally.level == Some(ScoreLevel::Poor)));
        let placed: usize = gaps
            .iter()
            .map(|g| {
                g.criteria
                    .iter()
                    .filter(|c| card.criteria.iter().any(|x| &x.criterion == *c))
                    .count()
            })
            .sum();
        let caption = heat_caption(&card, &gaps);
        assert!(
            caption.contains(&format!("counts in each): {placed} in red.")),
            "{caption}"
        );
        assert!(
            caption.contains("No green or blue cell holds a gap."),
            "{caption}"
        );

        let (clean, none) = case(&[]);
        assert!(heat_caption(&clean, &none).ends_with("No cell holds a gap."));
    }
}
