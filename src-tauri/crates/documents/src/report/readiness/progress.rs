//! Chapter (optional): progress since a snapshot: overall and category scores then and now,
//! the criteria that moved most, and the gaps closed and opened since. On the document model.

use crate::doc::{Block, Cell, Column, Figure, Graphic, Pair, Row, Table, Text, Tone};
use crate::report::context::ReportContext;
use crate::report::theme::{long_date, percent, plural, severity_tone};
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

pub(super) fn progress(ctx: &ReportContext<'_>, cmp: &Comparison, number: &str) -> Vec<Block> {
    let o = &cmp.overall;
    let up = o.change.unwrap_or(0.0) >= 0.0;
    let figure = |label: &str, value: String, detail: String, tone| Figure {
        label: label.to_owned(),
        value,
        detail,
        tone,
    };
    let mut out = vec![
        Block::chapter(number, format!("Progress since {}", cmp.snapshot.label)),
        Block::Paragraph(Text::plain(format!(
            "This chapter compares {} today with the snapshot \"{}\" taken on {}. Both are \
             scored on today's scope, so the numbers compare like with like. Overall readiness \
             moved from {} to {} ({}).",
            ctx.client,
            cmp.snapshot.label,
            taken_on(&cmp.snapshot.created_at),
            percent(o.before),
            percent(o.now),
            change_text(o.change)
        ))),
        Block::Spacer(10.0),
        Block::KeyFigures(vec![
            figure(
                "Readiness now",
                percent(o.now),
                format!("{} since the snapshot", change_text(o.change)),
                if up { Tone::Good } else { Tone::Critical },
            ),
            figure(
                "Gaps closed",
                cmp.gaps_closed.len().to_string(),
                "answered as in place now".into(),
                Tone::Good,
            ),
            figure(
                "Gaps opened",
                cmp.gaps_opened.len().to_string(),
                "new or worse answers".into(),
                if cmp.gaps_opened.is_empty() {
                    Tone::Muted
                } else {
                    Tone::Critical
                },
            ),
            figure(
                "Criteria moved",
                cmp.criteria.len().to_string(),
                "with a different score".into(),
                Tone::Info,
            ),
        ]),
        Block::section(format!("{number}.1"), "Categories then and now"),
        Block::Graphic(Graphic::Paired {
            then: cmp.snapshot.label.clone(),
            pairs: cmp
                .categories
                .iter()
                .map(|d| Pair {
                    label: d.label.clone(),
                    before: d.before,
                    now: d.now,
                })
                .collect(),
        }),
        Block::section(format!("{number}.2"), "Criteria that moved most"),
    ];
    if cmp.criteria.is_empty() {
        out.push(Block::Paragraph("No criterion's score has changed.".into()));
    } else {
        out.push(Block::Table(Table {
            columns: vec![
                Column::new("Criterion", 4.4),
                Column::new("Then", 1.0).right(),
                Column::new("Now", 1.0).right(),
                Column::new("Change", 1.5).right(),
            ],
            rows: cmp.criteria.iter().take(15).map(delta_row).collect(),
        }));
        if cmp.criteria.len() > 15 {
            out.push(Block::Spacer(4.0));
            out.push(Block::Note(Text::plain(format!(
                "{} more criteria moved by less.",
                cmp.criteria.len() - 15
            ))));
        }
    }
    out.extend(gap_changes(
        format!("{number}.3"),
        "Gaps closed",
        &cmp.gaps_closed,
        "No gap has been closed since the snapshot.",
    ));
    out.extend(gap_changes(
        format!("{number}.4"),
        "Gaps opened",
        &cmp.gaps_opened,
        "No new gap has appeared since the snapshot.",
    ));
    out
}

fn delta_row(d: &Delta) -> Row {
    let tone = match d.change {
        Some(c) if c >= 0.5 => Tone::Good,
        Some(c) if c <= -0.5 => Tone::Critical,
        _ => Tone::Muted,
    };
    Row {
        cells: vec![
            Cell::strong(d.key.clone()).with(d.label.clone()),
            Cell::from(percent(d.before)),
            Cell::from(percent(d.now)),
            Cell::toned(change_text(d.change), tone, true),
        ],
        tone: None,
    }
}

fn gap_changes(number: String, title: &str, gaps: &[GapChange], none: &str) -> Vec<Block> {
    let mut out = vec![Block::section(number, title)];
    if gaps.is_empty() {
        out.push(Block::Paragraph(none.into()));
        return out;
    }
    let label =
        |a: Option<trustgap_domain::assessment::Answer>| a.map_or("Not answered", |a| a.label());
    let rows = gaps
        .iter()
        .map(|g| Row {
            cells: vec![
                Cell::from(g.question.clone()).with(format!("{} · {}", g.question_id, g.criterion)),
                Cell::from(label(g.before)),
                Cell::strong(label(g.now)),
                Cell::chip(g.severity.label(), severity_tone(g.severity)),
            ],
            tone: None,
        })
        .collect();
    out.push(Block::Note(Text::plain(plural(
        gaps.len(),
        "question",
        "questions",
    ))));
    out.push(Block::Table(Table {
        columns: vec![
            Column::new("Question", 5.0),
            Column::new("Then", 1.6),
            Column::new("Now", 1.6),
            Column::new("Severity", 1.2),
        ],
        rows,
    }));
    out
}
