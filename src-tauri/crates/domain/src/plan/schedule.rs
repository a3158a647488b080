//! Scheduling: start and due dates in working days, phases, and whether the plan fits.
//!
//! The rule, as the plan report states it: long-lead actions (effort L or XL) start on the plan
//! date, since their elapsed time is mostly waiting on others; every other action is queued by
//! priority, quickest first, across [`WORKSTREAMS`] parallel workstreams. Durations are the upper
//! end of each effort's range in working days (Monday to Friday). The deadline is worked
//! backwards from the audit: two weeks before a Type I audit date, to collect evidence; the day
//! before a Type II observation period starts, since controls must already be operating then.

use super::model::{Action, ActionStatus, AuditProfile, AuditType, Fit, Phase, Priority};
use crate::catalog::Effort;
use crate::scoring::Severity;
use chrono::{Datelike, Days, NaiveDate, Weekday};

/// Parallel workstreams for the non-long-lead queue: what a small team runs at once.
pub const WORKSTREAMS: usize = 2;
/// Evidence-gathering time kept before a Type I audit date.
const TYPE1_BUFFER_DAYS: u64 = 14;
/// Observation period assumed when a Type II profile has no start date.
const DEFAULT_OBSERVATION_DAYS: u64 = 90;

/// An action before dates are assigned.
pub(super) struct Draft {
    pub key: String,
    pub priority: Priority,
    pub effort: Effort,
    pub severity: Severity,
    pub criteria: Vec<String>,
    pub questions: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scheduled {
    pub start: NaiveDate,
    pub due: NaiveDate,
}

fn working_days(effort: Effort) -> u64 {
    u64::from(effort.day_range().1.max(1))
}

fn is_long_lead(effort: Effort) -> bool {
    matches!(effort, Effort::L | Effort::XL)
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The first working day on or after `d`.
fn on_working_day(mut d: NaiveDate) -> NaiveDate {
    while is_weekend(d) {
        d = d + Days::new(1);
    }
    d
}

/// The last day of `n` working days starting on working day `start` (n >= 1).
fn finish(start: NaiveDate, n: u64) -> NaiveDate {
    let mut d = start;
    let mut left = n.saturating_sub(1);
    while left > 0 {
        d = d + Days::new(1);
        if !is_weekend(d) {
            left -= 1;
        }
    }
    d
}

/// Dates for each draft, in the same order as `drafts`.
pub(super) fn schedule(drafts: &[Draft], plan_date: NaiveDate) -> Vec<Scheduled> {
    let first = on_working_day(plan_date);
    let mut out = vec![
        Scheduled {
            start: first,
            due: first
        };
        drafts.len()
    ];
    let mut queue: Vec<usize> = Vec::new();
    for (i, d) in drafts.iter().enumerate() {
        if is_long_lead(d.effort) {
            out[i] = Scheduled {
                start: first,
                due: finish(first, working_days(d.effort)),
            };
        } else {
            queue.push(i);
        }
    }
    queue.sort_by(|&a, &b| {
        let (x, y) = (&drafts[a], &drafts[b]);
        x.priority
            .cmp(&y.priority)
            .then(x.effort.cmp(&y.effort))
            .then(x.key.cmp(&y.key))
    });
    let mut lanes = [first; WORKSTREAMS];
    for i in queue {
        // The lane that frees up first takes the next action.
        let lane = (0..WORKSTREAMS).min_by_key(|&l| lanes[l]).unwrap_or(0);
        let start = lanes[lane];
        let due = finish(start, working_days(drafts[i].effort));
        out[i] = Scheduled { start, due };
        lanes[lane] = on_working_day(due + Days::new(1));
    }
    out
}

/// The date by which every open action must be done, if the audit has a date.
pub fn deadline(profile: &AuditProfile) -> Option<NaiveDate> {
    let target = profile.target_date?;
    Some(match profile.audit_type {
        AuditType::Type1 => target - Days::new(TYPE1_BUFFER_DAYS),
        AuditType::Type2 => {
            let start = profile
                .observation_start
                .unwrap_or(target - Days::new(DEFAULT_OBSERVATION_DAYS));
            start - Days::new(1)
        }
    })
}

pub(super) fn phase(plan_date: NaiveDate, due: NaiveDate) -> Phase {
    match (due - plan_date).num_days() {
        ..=30 => Phase::First30Days,
        31..=90 => Phase::Days31To90,
        _ => Phase::BeforeAudit,
    }
}

/// Compares the last open action's due date with the deadline.
pub(super) fn fit(profile: &AuditProfile, actions: &[Action]) -> Fit {
    let Some(deadline) = deadline(profile) else {
        return Fit::NoTargetDate;
    };
    let last = actions
        .iter()
        .filter(|a| !matches!(a.status, ActionStatus::Done | ActionStatus::RiskAccepted))
        .map(|a| a.due)
        .max();
    let margin = last.map_or(0, |last| (deadline - last).num_days());
    if margin >= 0 {
        Fit::Fits {
            deadline,
            spare_days: margin,
        }
    } else {
        Fit::Late {
            deadline,
            late_days: -margin,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    #[test]
    fn working_days_skip_weekends() {
        // Friday 27 Nov 2026 + 5 working days ends on Thursday 3 Dec.
        assert_eq!(finish(date(2026, 11, 27), 5), date(2026, 12, 3));
        assert_eq!(finish(date(2026, 11, 27), 1), date(2026, 11, 27));
        assert_eq!(on_working_day(date(2026, 11, 28)), date(2026, 11, 30));
    }

    #[test]
    fn deadlines_work_backwards_from_the_audit() {
        let mut p = AuditProfile {
            audit_type: AuditType::Type1,
            target_date: None,
            observation_start: None,
        };
        assert_eq!(deadline(&p), None);
        p.target_date = Some(date(2027, 6, 30));
        assert_eq!(deadline(&p), Some(date(2027, 6, 16)));
        p.audit_type = AuditType::Type2;
        assert_eq!(
            deadline(&p),
            Some(date(2027, 3, 31)),
            "90-day period assumed"
        );
        p.observation_start = Some(date(2027, 1, 1));
        assert_eq!(deadline(&p), Some(date(2026, 12, 31)));
    }

    #[test]
    fn phases_follow_the_due_date() {
        let d = date(2026, 11, 29);
        assert_eq!(phase(d, date(2026, 12, 29)), Phase::First30Days);
        assert_eq!(phase(d, date(2026, 12, 30)), Phase::Days31To90);
        assert_eq!(phase(d, date(2027, 3, 1)), Phase::BeforeAudit);
    }
}
