//! Chapter: people and time: the preparation tasks for the audit itself, and each owner's
//! planned load week by week against the time they have for it.

use crate::doc::{Block, Cell, Column, Row, Table, Text, Tone};
use crate::report::context::ReportContext;
use crate::report::theme::{long_date, short_date};
use trustgap_domain::plan::{ActionFlag, PersonLoad};

/// Owners shown side by side in the weekly table; the rest are summed in "Others".
const OWNER_COLUMNS: usize = 5;

/// The quiet dash of an empty week: printed as a cell's secondary line.
fn quiet_dash() -> Cell {
    Cell::default().with("–")
}

pub(super) fn people_and_time(ctx: &ReportContext<'_>, number: &str) -> Vec<Block> {
    let plan = ctx.plan;
    let mut out = vec![
        Block::Chapter {
            number: number.to_owned(),
            title: "Audit preparation and workload".to_owned(),
        },
        Block::section(format!("{number}.1"), "Preparing the audit itself"),
    ];
    if plan.prep.is_empty() {
        out.push(Block::Paragraph(Text::plain(
            "Set the audit date to plan the steps of getting the audit itself ready: engaging \
             the audit firm, the readiness call and, for Type I, freezing the evidence.",
        )));
    } else {
        out.push(Block::Paragraph(Text::plain(
            "Beyond closing gaps, every first audit needs these steps. They are placed backwards \
             from the audit date (Type I) or the start of the observation period (Type II).",
        )));
        let rows = plan
            .prep
            .iter()
            .map(|p| {
                let late = if p.late {
                    "Should already have started"
                } else {
                    ""
                };
                Row {
                    cells: vec![
                        Cell::strong(p.title.clone()).with(p.description.clone()),
                        p.owner_name.clone().into(),
                        short_date(p.start).into(),
                        Cell::strong(short_date(p.due)).with(late),
                        p.status.label().into(),
                    ],
                    tone: None,
                }
            })
            .collect();
        out.push(Block::Table(Table {
            columns: vec![
                Column::new("Step", 3.4),
                Column::new("Owner", 1.8),
                Column::new("From", 1.1),
                Column::new("Due", 1.1),
                Column::new("Status", 1.2),
            ],
            rows,
        }));
    }
    let flagged: Vec<String> = plan
        .actions
        .iter()
        .filter(|a| a.flags.contains(&ActionFlag::AfterObservationStart))
        .map(|a| {
            format!(
                "{} ({}, due {})",
                a.title,
                a.priority.label(),
                short_date(a.due)
            )
        })
        .collect();
    if let (false, Some(start)) = (flagged.is_empty(), plan.profile.observation_start) {
        out.push(Block::Callout {
            tone: Tone::Critical,
            title: format!(
                "Finishing after the observation period starts on {}",
                long_date(start)
            ),
            text: Text::plain(format!(
                "{}. A control not operating from the first day of the period is an exception \
                 in a Type II report.",
                flagged.join("; ")
            )),
        });
    }

    out.extend([
        Block::section(format!("{number}.2"), "Load per week"),
        Block::Paragraph(Text::plain(
            "Working days of compliance work planned for each owner, week by week, beside the \
             days they have for it (their share of the week's working days). No week is planned \
             beyond an owner's time.",
        )),
        Block::Table(load_table(&plan.load)),
        Block::Note(Text::plain(
            "A share of time is set per person in Trustgap (on the client); a role nobody holds \
             yet is planned at an assumed share until a person is named.",
        )),
    ]);
    out
}

/// A row per week, a column per owner (the first few; the rest summed as "Others").
fn load_table(load: &[PersonLoad]) -> Table {
    let shown: Vec<&PersonLoad> = load.iter().take(OWNER_COLUMNS).collect();
    let others: Vec<&PersonLoad> = load.iter().skip(OWNER_COLUMNS).collect();
    let mut columns = vec![Column::new("Week of", 1.2)];
    for l in &shown {
        columns.push(Column::new(format!("{} ({}%)", l.name, l.share), 1.3).right());
    }
    if !others.is_empty() {
        columns.push(Column::new("Others", 1.0).right());
    }
    let weeks: std::collections::BTreeSet<_> = load
        .iter()
        .flat_map(|l| l.weeks.iter().map(|w| w.week))
        .collect();
    let rows = weeks
        .into_iter()
        .map(|week| {
            let mut cells = vec![Cell::from(short_date(week))];
            for l in &shown {
                cells.push(match l.weeks.iter().find(|w| w.week == week) {
                    Some(w) if w.days > 0.005 => load_text(w.days, w.capacity).into(),
                    _ => quiet_dash(),
                });
            }
            if !others.is_empty() {
                let d: f32 = others
                    .iter()
                    .flat_map(|l| l.weeks.iter().filter(|w| w.week == week))
                    .map(|w| w.days)
                    .sum();
                // An empty float sum is -0.0: show the quiet dash, never "-0.0".
                cells.push(if d > 0.005 {
                    format!("{d:.1}").into()
                } else {
                    quiet_dash()
                });
            }
            Row { cells, tone: None }
        })
        .collect();
    Table { columns, rows }
}

/// "1.5 of 2.0": a full week reads as full even when both figures round differently (0.45 of
/// 0.4499… would print as "0.5 of 0.4").
fn load_text(days: f32, capacity: f32) -> String {
    let days = if (days - capacity).abs() < 0.01 {
        capacity
    } else {
        days
    };
    format!("{days:.1} of {capacity:.1}")
}

#[cfg(test)]
mod tests {
    use super::load_text;

    #[test]
    fn a_full_week_never_reads_as_over_capacity() {
        assert_eq!(load_text(0.45, 0.449_999_9), "0.4 of 0.4");
        assert_eq!(load_text(0.3, 1.5), "0.3 of 1.5");
        assert_eq!(load_text(2.0, 2.0), "2.0 of 2.0");
    }
}
