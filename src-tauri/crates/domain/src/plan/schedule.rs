//! Capacity-aware scheduling on a real calendar.
//!
//! Every owner has a share of their working days for compliance work (a person's own share, or
//! an assumed one for a role nobody holds yet). A ledger records, day by day, how much of it is
//! taken, and nothing is placed beyond it, so no owner's load in any week exceeds their share.
//! Preparation tasks are placed first, backwards from their due dates; then actions whose dates
//! the user fixed; then the rest in dependency order, the most urgent ready action first, each as
//! early as its dependencies and its owner's free time allow. Work that waits on outsiders
//! (`lead_weeks`) lasts at least that long, its hands-on days spread over it.

use super::calendar::{next_day, prev_day, WorkCalendar};
use crate::people::Owner;
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};

/// Work smaller than this is considered done (floating-point dust).
const EPSILON: f32 = 1e-4;
/// How far ahead the scheduler looks before it gives up on an action (about three years).
pub(super) const HORIZON_DAYS: i64 = 3 * 365;

/// An owner's share of each working day and the days they can work.
pub(super) struct Worker<'a> {
    /// Fraction of a working day, 0 to 1.
    pub share: f32,
    pub calendar: WorkCalendar<'a>,
}

/// Planned work per owner and day, in working days.
#[derive(Default)]
pub(super) struct Ledger {
    pub used: HashMap<Owner, BTreeMap<NaiveDate, f32>>,
}

impl Ledger {
    fn free(&self, owner: &Owner, worker: &Worker<'_>, d: NaiveDate) -> f32 {
        let used = self
            .used
            .get(owner)
            .and_then(|days| days.get(&d))
            .copied()
            .unwrap_or(0.0);
        (worker.share - used).max(0.0)
    }

    fn take(&mut self, owner: &Owner, d: NaiveDate, days: f32) {
        *self
            .used
            .entry(owner.clone())
            .or_default()
            .entry(d)
            .or_default() += days;
    }
}

/// Where a piece of work landed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Placed {
    pub start: NaiveDate,
    pub due: NaiveDate,
    /// The owner's free time did not cover the work (within the dates or the horizon).
    pub short: bool,
}

/// Places `effort` days of `owner`'s work from `earliest` on, taking at most `rate` days a day
/// (work spread over a lead time) and lasting at least `min_work_days` working days.
pub(super) fn place_forward(
    ledger: &mut Ledger,
    owner: &Owner,
    worker: &Worker<'_>,
    earliest: NaiveDate,
    effort: f32,
    min_work_days: u32,
) -> Placed {
    let rate = if min_work_days > 0 {
        effort / min_work_days as f32
    } else {
        f32::INFINITY
    };
    let horizon = earliest + chrono::Duration::days(HORIZON_DAYS);
    let mut first = earliest;
    while !worker.calendar.is_work_day(first) && first < horizon {
        first = next_day(first);
    }
    let (mut remaining, mut elapsed) = (effort, 0u32);
    let (mut start, mut d) = (None, first);
    loop {
        if worker.calendar.is_work_day(d) {
            let take = ledger.free(owner, worker, d).min(remaining).min(rate);
            if take > EPSILON {
                ledger.take(owner, d, take);
                remaining -= take;
                start.get_or_insert(d);
            }
            if start.is_some() || min_work_days > 0 {
                // Waiting on outsiders counts from the first working day.
                start.get_or_insert(d);
                elapsed += 1;
            }
            if remaining <= EPSILON && elapsed >= min_work_days {
                break;
            }
        }
        if d >= horizon {
            // Never finished: it ends on the horizon's last working day, marked short.
            let mut due = d;
            while !worker.calendar.is_work_day(due) && due > first {
                due = prev_day(due);
            }
            return Placed {
                start: start.unwrap_or(first),
                due,
                short: true,
            };
        }
        d = next_day(d);
    }
    Placed {
        start: start.unwrap_or(d),
        due: d,
        short: false,
    }
}

/// Places `effort` days of work ending on `due` (or the working day before it), going backwards
/// through the owner's free time; `short` when it would have to start before `not_before`.
pub(super) fn place_backward(
    ledger: &mut Ledger,
    owner: &Owner,
    worker: &Worker<'_>,
    due: NaiveDate,
    effort: f32,
    not_before: NaiveDate,
) -> Placed {
    // The work ends on the last working day on or before `due`.
    let mut due = due;
    for _ in 0..HORIZON_DAYS {
        if worker.calendar.is_work_day(due) {
            break;
        }
        due = prev_day(due);
    }
    let (mut remaining, mut d, mut start) = (effort, due, due);
    while remaining > EPSILON {
        if d < not_before {
            return Placed {
                start: not_before.min(start),
                due,
                short: true,
            };
        }
        if worker.calendar.is_work_day(d) {
            let take = ledger.free(owner, worker, d).min(remaining);
            if take > EPSILON {
                ledger.take(owner, d, take);
                remaining -= take;
                start = d;
            }
        }
        d = prev_day(d);
    }
    Placed {
        start,
        due,
        short: false,
    }
}

/// Books `effort` days between dates the user fixed, as far as the owner's free time goes.
pub(super) fn place_fixed(
    ledger: &mut Ledger,
    owner: &Owner,
    worker: &Worker<'_>,
    start: NaiveDate,
    due: NaiveDate,
    effort: f32,
) -> Placed {
    let days = worker.calendar.work_days(start, due).max(1);
    let rate = effort / days as f32;
    let (mut remaining, mut d) = (effort, start);
    while d <= due && remaining > EPSILON {
        if worker.calendar.is_work_day(d) {
            let take = ledger.free(owner, worker, d).min(rate).min(remaining);
            ledger.take(owner, d, take);
            remaining -= take;
        }
        let next = next_day(d);
        if next == d {
            break;
        }
        d = next;
    }
    Placed {
        start,
        due,
        short: remaining > 0.01,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people::ClientCalendar;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    fn worker(cal: &ClientCalendar, share: f32) -> Worker<'_> {
        Worker {
            share,
            calendar: WorkCalendar {
                client: cal,
                days_off: &[],
            },
        }
    }

    #[test]
    fn a_share_stretches_work_over_working_days() {
        let cal = ClientCalendar::default();
        let w = worker(&cal, 0.5);
        let mut ledger = Ledger::default();
        let me = Owner::role("CTO");
        // Two days of work at half time from Friday 26 Feb 2027: Fri, Mon, Tue, Wed.
        let p = place_forward(&mut ledger, &me, &w, d(2027, 2, 26), 2.0, 0);
        assert_eq!(
            (p.start, p.due, p.short),
            (d(2027, 2, 26), d(2027, 3, 3), false)
        );
        // A second piece of work waits for the free time.
        let q = place_forward(&mut ledger, &me, &w, d(2027, 2, 26), 0.5, 0);
        assert_eq!(q.start, d(2027, 3, 4));
    }

    #[test]
    fn lead_times_last_and_closures_are_skipped() {
        let cal = ClientCalendar::default();
        let w = worker(&cal, 1.0);
        let mut ledger = Ledger::default();
        let me = Owner::role("CTO");
        // One day of work over two weeks of waiting on a testing firm.
        let p = place_forward(&mut ledger, &me, &w, d(2027, 3, 1), 1.0, 10);
        assert_eq!(p.due, d(2027, 3, 12));
        // Across the year-end closure: Wed 23 Dec 2026, then Mon 4 Jan 2027.
        let q = place_forward(&mut ledger, &me, &w, d(2026, 12, 23), 2.0, 0);
        assert_eq!((q.start, q.due), (d(2026, 12, 23), d(2027, 1, 4)));
    }

    #[test]
    fn backwards_placement_ends_on_the_due_date_or_says_it_cannot() {
        let cal = ClientCalendar::default();
        let w = worker(&cal, 0.2);
        let mut ledger = Ledger::default();
        let me = Owner::role("CEO");
        let p = place_backward(&mut ledger, &me, &w, d(2027, 3, 5), 1.0, d(2027, 1, 4));
        assert_eq!(
            (p.start, p.due, p.short),
            (d(2027, 3, 1), d(2027, 3, 5), false)
        );
        let q = place_backward(&mut ledger, &me, &w, d(2027, 1, 8), 3.0, d(2027, 1, 4));
        assert!(q.short);
    }
}
