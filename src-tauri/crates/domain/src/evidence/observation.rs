//! The observation calendar of a Type II audit: for each recurring control, the runs the
//! observation period should show, when each is due, and how many the evidence on file covers.

use super::EvidenceDates;
use crate::catalog::Cadence;
use chrono::{Days, NaiveDate};
use serde::Serialize;
use specta::Type;

/// A recurring control as the calendar reads it.
#[derive(Debug, Clone)]
pub struct RecurringControl {
    pub question_id: String,
    pub question: String,
    pub cadence: Cadence,
    /// Who runs it, as shown ("Head of IT", "Dana Smith").
    pub owner: Option<String>,
    /// The dates of every file of evidence attached to the control.
    pub evidence: Vec<EvidenceDates>,
}

/// One run the period should show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ExpectedRun {
    /// The cycle's first and last day; the run is due by the last.
    pub from: NaiveDate,
    pub due: NaiveDate,
    /// Some file of evidence speaks for a day in this cycle.
    pub covered: bool,
}

/// One recurring control over the observation period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ObservationRow {
    pub question_id: String,
    pub question: String,
    pub cadence: Cadence,
    pub owner: Option<String>,
    pub runs: Vec<ExpectedRun>,
    /// Cycles some evidence covers.
    pub recorded: u32,
    /// Fewer cycles covered than the period has.
    pub too_few: bool,
    /// Files of evidence that speak only for days before the period began.
    pub older_than_period: u32,
}

/// The calendar of `controls` over the period from `start` to `end` (inclusive). Continuous
/// controls have no runs and are left out; so is everything when the period is empty.
pub fn calendar(
    controls: &[RecurringControl],
    start: NaiveDate,
    end: NaiveDate,
) -> Vec<ObservationRow> {
    if end < start {
        return Vec::new();
    }
    controls.iter().filter_map(|c| row(c, start, end)).collect()
}

fn row(c: &RecurringControl, start: NaiveDate, end: NaiveDate) -> Option<ObservationRow> {
    let expected = c.cadence.runs_in(start, end)?;
    let cycles = cycles(start, end, expected);
    let runs: Vec<ExpectedRun> = cycles
        .into_iter()
        .map(|(from, due)| ExpectedRun {
            from,
            due,
            covered: c.evidence.iter().any(|d| speaks_for(d, from, due)),
        })
        .collect();
    let recorded = runs.iter().filter(|r| r.covered).count() as u32;
    let older_than_period = c
        .evidence
        .iter()
        .filter(|d| d.last_day().is_some_and(|last| last < start))
        .count() as u32;
    Some(ObservationRow {
        question_id: c.question_id.clone(),
        question: c.question.clone(),
        cadence: c.cadence,
        owner: c.owner.clone(),
        too_few: recorded < runs.len() as u32,
        recorded,
        older_than_period,
        runs,
    })
}

/// The period cut into `n` cycles of (nearly) equal length, the last ending on `end`.
fn cycles(start: NaiveDate, end: NaiveDate, n: u32) -> Vec<(NaiveDate, NaiveDate)> {
    let days = (end - start).num_days() + 1;
    let n = i64::from(n.max(1));
    (0..n)
        .map(|k| {
            let from = start + Days::new((days * k / n) as u64);
            let due = start + Days::new((days * (k + 1) / n - 1) as u64);
            (from, due)
        })
        .collect()
}

/// Whether evidence with `dates` speaks for a day from `from` to `to`: its period overlaps
/// the cycle, or it was produced within it. Undated evidence speaks for no cycle.
fn speaks_for(dates: &EvidenceDates, from: NaiveDate, to: NaiveDate) -> bool {
    match (dates.first_day(), dates.last_day()) {
        (Some(first), Some(last)) => first <= to && last >= from,
        _ => false,
    }
}
