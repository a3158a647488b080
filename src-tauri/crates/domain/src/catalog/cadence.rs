//! How often a control operates: continuously, or on a cycle.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

/// How often a control runs. The bank gives a typical cadence; the company's own policy (and
/// the answer that records it) decides.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum Cadence {
    /// Always on (MFA enforced, logging, encryption) or on every event (change approval).
    Continuous,
    Weekly,
    Monthly,
    Quarterly,
    Semiannual,
    Annual,
}

impl Cadence {
    pub const ALL: [Cadence; 6] = [
        Cadence::Continuous,
        Cadence::Weekly,
        Cadence::Monthly,
        Cadence::Quarterly,
        Cadence::Semiannual,
        Cadence::Annual,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Cadence::Continuous => "Continuous",
            Cadence::Weekly => "Weekly",
            Cadence::Monthly => "Monthly",
            Cadence::Quarterly => "Quarterly",
            Cadence::Semiannual => "Every six months",
            Cadence::Annual => "Yearly",
        }
    }

    /// Days between two runs of a recurring control; `None` for a continuous one.
    pub fn interval_days(self) -> Option<i64> {
        match self {
            Cadence::Continuous => None,
            Cadence::Weekly => Some(7),
            Cadence::Monthly => Some(30),
            Cadence::Quarterly => Some(91),
            Cadence::Semiannual => Some(182),
            Cadence::Annual => Some(365),
        }
    }

    /// How many runs a period from `start` to `end` (inclusive) should show: one per cycle the
    /// period touches (a quarterly review in a six-month window: 2), at least one; `None` for a
    /// continuous control.
    pub fn runs_in(self, start: NaiveDate, end: NaiveDate) -> Option<u32> {
        let days = (end - start).num_days() + 1;
        let runs = match self {
            Cadence::Continuous => return None,
            Cadence::Weekly => (days + 6) / 7,
            _ => {
                // Whole months in the period, rounded, then cycles of the cadence's length.
                let months = ((days as f64) / 30.44).round() as i64;
                let per = self.interval_days().unwrap_or(30) / 30;
                (months + per - 1) / per
            }
        };
        Some(u32::try_from(runs.max(1)).unwrap_or(u32::MAX))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn runs_are_counted_per_full_interval() {
        let (start, end) = (d(2027, 1, 1), d(2027, 6, 30));
        assert_eq!(Cadence::Quarterly.runs_in(start, end), Some(2));
        assert_eq!(Cadence::Quarterly.runs_in(start, d(2027, 12, 31)), Some(4));
        assert_eq!(Cadence::Monthly.runs_in(start, end), Some(6));
        assert_eq!(Cadence::Weekly.runs_in(start, d(2027, 1, 14)), Some(2));
        assert_eq!(Cadence::Semiannual.runs_in(start, end), Some(1));
        assert_eq!(Cadence::Annual.runs_in(start, end), Some(1), "at least one");
        assert_eq!(Cadence::Continuous.runs_in(start, end), None);
    }
}
