//! Working days: Monday to Friday, less the client's closures and an owner's days off.

use crate::people::{ClientCalendar, DateRange};
use chrono::{Datelike, Days, NaiveDate, Weekday};

pub(super) fn next_day(d: NaiveDate) -> NaiveDate {
    d.checked_add_days(Days::new(1)).unwrap_or(d)
}

pub(super) fn prev_day(d: NaiveDate) -> NaiveDate {
    d.checked_sub_days(Days::new(1)).unwrap_or(d)
}

/// The Monday of `d`'s week.
pub(super) fn week_of(d: NaiveDate) -> NaiveDate {
    let back = u64::from(d.weekday().num_days_from_monday());
    d.checked_sub_days(Days::new(back)).unwrap_or(d)
}

/// The days one owner can work.
#[derive(Debug, Clone)]
pub(super) struct WorkCalendar<'a> {
    pub client: &'a ClientCalendar,
    pub days_off: &'a [DateRange],
}

impl WorkCalendar<'_> {
    pub fn is_work_day(&self, d: NaiveDate) -> bool {
        !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
            && !self.client.closed(d)
            && !self.days_off.iter().any(|r| r.contains(d))
    }

    /// Working days from `from` to `to`, both included.
    pub fn work_days(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        let mut n = 0;
        let mut d = from;
        while d <= to {
            n += u32::from(self.is_work_day(d));
            let next = next_day(d);
            if next == d {
                break;
            }
            d = next;
        }
        n
    }
}

/// Whether the client works on `d` (weekends and closures aside), for any owner.
pub fn is_client_work_day(client: &ClientCalendar, d: NaiveDate) -> bool {
    WorkCalendar {
        client,
        days_off: &[],
    }
    .is_work_day(d)
}
