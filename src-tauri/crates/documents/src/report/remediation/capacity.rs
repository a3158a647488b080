//! Chapter: people and time: the preparation tasks for the audit itself, and each owner's
//! planned load week by week against the time they have for it.

use crate::report::context::ReportContext;
use crate::report::flow::Flow;
use crate::report::table::{Cell, Column, Table};
use crate::report::theme::{long_date, short_date, BAD, BODY, CELL, CELL_BOLD, CELL_MUTED, SMALL};
use crate::report::ReportError;
use trustgap_domain::plan::{ActionFlag, PersonLoad};

/// Owners shown side by side in the weekly table; the rest are summed in "Others".
const OWNER_COLUMNS: usize = 5;

pub(super) fn people_and_time(
    flow: &mut Flow,
    ctx: &ReportContext<'_>,
    number: &str,
) -> Result<(), ReportError> {
    flow.chapter(number, "Audit preparation and workload")?;
    let plan = ctx.plan;
    flow.heading(
        &format!("{number}.1"),
        "Preparing the audit itself",
        1,
        80.0,
    )?;
    if plan.prep.is_empty() {
        flow.paragraph(
            BODY,
            "Set the audit date to plan the steps of getting the audit itself ready: engaging \
             the audit firm, the readiness call and, for Type I, freezing the evidence.",
        )?;
    } else {
        flow.paragraph(
            BODY,
            "Beyond closing gaps, every first audit needs these steps. They are placed backwards \
             from the audit date (Type I) or the start of the observation period (Type II).",
        )?;
        let mut t = Table::new(vec![
            Column::new("Step", 3.4),
            Column::new("Owner", 1.8),
            Column::new("From", 1.1),
            Column::new("Due", 1.1),
            Column::new("Status", 1.2),
        ]);
        for p in &plan.prep {
            let late = if p.late {
                "Should already have started"
            } else {
                ""
            };
            t.row(vec![
                Cell::two(
                    p.title.clone(),
                    CELL_BOLD,
                    p.description.clone(),
                    CELL_MUTED,
                ),
                Cell::text(p.owner_name.clone()),
                Cell::text(short_date(p.start)),
                Cell::two(short_date(p.due), CELL_BOLD, late, CELL_MUTED),
                Cell::styled(p.status.label(), CELL),
            ]);
        }
        flow.table(&t)?;
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
        flow.space(4.0);
        flow.paragraph(
            crate::report::theme::style(9.0, crate::report::fonts::Weight::Bold, BAD),
            &format!(
                "Finishing after the observation period starts on {}: {}. A control not \
                 operating from the first day of the period is an exception in a Type II report.",
                long_date(start),
                flagged.join("; ")
            ),
        )?;
    }

    flow.heading(&format!("{number}.2"), "Load per week", 1, 80.0)?;
    flow.paragraph(
        BODY,
        "Working days of compliance work planned for each owner, week by week, beside the days \
         they have for it (their share of the week's working days). No week is planned beyond \
         an owner's time.",
    )?;
    let shown: Vec<&PersonLoad> = plan.load.iter().take(OWNER_COLUMNS).collect();
    let others: Vec<&PersonLoad> = plan.load.iter().skip(OWNER_COLUMNS).collect();
    let mut columns = vec![Column::new("Week of", 1.2)];
    for l in &shown {
        columns.push(Column::new(&format!("{} ({}%)", l.name, l.share), 1.3).right());
    }
    if !others.is_empty() {
        columns.push(Column::new("Others", 1.0).right());
    }
    let mut t = Table::new(columns);
    let weeks: Vec<_> = shown
        .iter()
        .chain(&others)
        .flat_map(|l| l.weeks.iter().map(|w| w.week))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    for week in weeks {
        let mut row = vec![Cell::text(short_date(week))];
        for l in &shown {
            row.push(match l.weeks.iter().find(|w| w.week == week) {
                Some(w) if w.days > 0.005 => Cell::text(load_text(w.days, w.capacity)),
                _ => Cell::styled("–", CELL_MUTED),
            });
        }
        if !others.is_empty() {
            let d: f32 = others
                .iter()
                .flat_map(|l| l.weeks.iter().filter(|w| w.week == week))
                .map(|w| w.days)
                .sum();
            // An empty float sum is -0.0: show the quiet dash, never "-0.0".
            row.push(if d > 0.005 {
                Cell::text(format!("{d:.1}"))
            } else {
                Cell::styled("–", CELL_MUTED)
            });
        }
        t.row(row);
    }
    flow.table(&t)?;
    flow.space(4.0);
    flow.paragraph(
        SMALL,
        "A share of time is set per person in Trustgap (on the client); a role nobody holds yet \
         is planned at an assumed share until a person is named.",
    )?;
    Ok(())
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
