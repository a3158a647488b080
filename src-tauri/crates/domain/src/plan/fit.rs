//! The deadline, whether the schedule meets it, who holds it up and what would make it fit; and
//! what the reader should know about the audit profile itself.

use super::calendar::WorkCalendar;
use super::model::{Action, AuditProfile, AuditType, Bottleneck, Fit, Phase, PrepTask, Priority};
use crate::people::{Owner, DEFAULT_SHARE};
use chrono::{Days, NaiveDate};
use std::collections::HashMap;

/// Evidence-gathering time kept before a Type I audit date.
const TYPE1_BUFFER_DAYS: u64 = 14;
/// Observation period assumed when a Type II profile has no start date.
const DEFAULT_OBSERVATION_DAYS: u64 = 90;
/// The shortest observation period audit firms usually accept for a first Type II report.
pub const MIN_OBSERVATION_DAYS: i64 = 90;

/// The date by which every open action must be done, if the audit has a date: two weeks before
/// a Type I audit (to collect evidence); the day before a Type II observation period starts
/// (controls must already operate then).
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

/// What the reader should know about an audit profile as of `today`: a date in the past, a
/// Type II period shorter than firms accept, or one with no start date.
pub fn profile_warnings(profile: &AuditProfile, today: NaiveDate) -> Vec<String> {
    let mut out = Vec::new();
    let Some(target) = profile.target_date else {
        return out;
    };
    let fmt = |d: NaiveDate| d.format("%-d %b %Y").to_string();
    if target < today {
        out.push(format!(
            "The audit date ({}) has passed: set the date of the next audit.",
            fmt(target)
        ));
    }
    if profile.audit_type == AuditType::Type2 {
        match profile.observation_start {
            None => out.push(format!(
                "No observation start is set: the plan assumes a {DEFAULT_OBSERVATION_DAYS}-day \
                 period ending on {}.",
                fmt(target)
            )),
            Some(start) => {
                let days = (target - start).num_days();
                if days < MIN_OBSERVATION_DAYS {
                    out.push(format!(
                        "An observation period of {days} days is shorter than most audit firms \
                         accept for a Type II report (three months at least)."
                    ));
                }
                if start < today && target >= today {
                    out.push(format!(
                        "The observation period started on {}: controls put in place now will \
                         not have run across all of it.",
                        fmt(start)
                    ));
                }
            }
        }
    }
    out
}

pub(super) fn phase(plan_date: NaiveDate, due: NaiveDate) -> Phase {
    match (due - plan_date).num_days() {
        ..=30 => Phase::First30Days,
        31..=90 => Phase::Days31To90,
        _ => Phase::BeforeAudit,
    }
}

/// What fit needs to know of each owner: name, share, calendar, open effort.
pub(super) struct OwnerFacts<'a> {
    pub name: String,
    pub share: u8,
    pub calendar: WorkCalendar<'a>,
    /// Days of planned work up to the deadline.
    pub planned_before_deadline: f32,
}

/// Compares the schedule's open work with the deadline; when it misses, says by how much, who
/// holds it up and what would make it fit.
pub(super) fn fit(
    deadline: Option<NaiveDate>,
    plan_date: NaiveDate,
    actions: &[Action],
    prep: &[PrepTask],
    owners: &HashMap<Owner, OwnerFacts<'_>>,
) -> Fit {
    let Some(deadline) = deadline else {
        return Fit::NoTargetDate;
    };
    let open: Vec<&Action> = actions.iter().filter(|a| !a.status.is_closed()).collect();
    let mut late_days = open
        .iter()
        .map(|a| (a.due - deadline).num_days())
        .max()
        .unwrap_or(i64::MIN);
    let mut short_prep = Vec::new();
    for p in prep.iter().filter(|p| !p.status.is_closed()) {
        late_days = late_days.max((p.due - deadline).num_days());
        if p.late || p.due < plan_date {
            late_days = late_days.max((plan_date - p.due).num_days().max(1));
            short_prep.push(p);
        }
    }
    // Preparation tasks end on their anchors by construction: the spare time is the actions'.
    let last_due = open.iter().map(|a| a.due).max().unwrap_or(plan_date);
    if late_days <= 0 {
        return Fit::Fits {
            deadline,
            spare_days: (deadline - last_due).num_days().max(0),
        };
    }
    let bottleneck = bottleneck(deadline, plan_date, &open, prep, owners);
    let remedies = remedies(deadline, plan_date, &open, &short_prep, &bottleneck, owners);
    Fit::Late {
        deadline,
        late_days,
        bottleneck,
        remedies,
    }
}

/// The owner whose open work ends latest after the deadline, and the share that would fit it.
fn bottleneck(
    deadline: NaiveDate,
    plan_date: NaiveDate,
    open: &[&Action],
    prep: &[PrepTask],
    owners: &HashMap<Owner, OwnerFacts<'_>>,
) -> Option<Bottleneck> {
    let worst = open
        .iter()
        .filter(|a| a.due > deadline)
        .max_by_key(|a| (a.due, std::cmp::Reverse(a.key.clone())))?;
    let facts = owners.get(&worst.owner)?;
    let effort: f32 = open
        .iter()
        .filter(|a| a.owner == worst.owner)
        .map(|a| a.effort_days)
        .chain(
            prep.iter()
                .filter(|p| p.owner == worst.owner && !p.status.is_closed())
                .map(|p| p.effort_days),
        )
        .sum();
    let days = facts.calendar.work_days(plan_date, deadline);
    let needed_share = if days == 0 {
        u32::MAX
    } else {
        (100.0 * effort / days as f32).ceil() as u32
    };
    Some(Bottleneck {
        owner: worst.owner.clone(),
        name: facts.name.clone(),
        share: facts.share,
        needed_share,
    })
}

fn remedies(
    deadline: NaiveDate,
    plan_date: NaiveDate,
    open: &[&Action],
    short_prep: &[&PrepTask],
    bottleneck: &Option<Bottleneck>,
    owners: &HashMap<Owner, OwnerFacts<'_>>,
) -> Vec<String> {
    let fmt = |d: NaiveDate| d.format("%-d %b %Y").to_string();
    let mut out = Vec::new();
    if deadline < plan_date {
        out.push(format!(
            "The deadline ({}) has passed: move the audit date.",
            fmt(deadline)
        ));
        return out;
    }
    for p in short_prep {
        out.push(format!(
            "Start now: \u{201c}{}\u{201d} is due {} and {} has too little time left for it.",
            p.title,
            fmt(p.due),
            p.owner_name
        ));
    }
    if let Some(b) = bottleneck {
        out.push(if b.needed_share <= 100 {
            format!(
                "{} would need about {}% of their working time for compliance work until {} \
                 ({}% planned).",
                b.name,
                b.needed_share,
                fmt(deadline),
                b.share
            )
        } else {
            format!(
                "{}'s open work needs more than one person's full time before {}: share it out.",
                b.name,
                fmt(deadline)
            )
        });
        let mut spare: Vec<(&OwnerFacts<'_>, f32)> = owners
            .iter()
            .filter(|(o, _)| *o != &b.owner && matches!(o, Owner::Person { .. }))
            .map(|(_, f)| {
                let capacity =
                    f.calendar.work_days(plan_date, deadline) as f32 * f32::from(f.share) / 100.0;
                (f, capacity - f.planned_before_deadline)
            })
            .filter(|(_, free)| *free >= 2.0)
            .collect();
        spare.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.name.cmp(&b.0.name)));
        if !spare.is_empty() {
            let names: Vec<String> = spare
                .iter()
                .take(3)
                .map(|(f, free)| format!("{} (about {} days)", f.name, free.floor()))
                .collect();
            out.push(format!(
                "Move some of {}'s actions to people with time to spare before the deadline: {}.",
                b.name,
                names.join(", ")
            ));
        }
    }
    for a in open
        .iter()
        .filter(|a| a.due > deadline && a.lead_weeks.is_some())
    {
        out.push(format!(
            "\u{201c}{}\u{201d} waits on outsiders for at least {} weeks once it can start: \
             begin it as early as its dependencies allow.",
            a.title,
            a.lead_weeks.unwrap_or_default()
        ));
    }
    let deferrable: Vec<String> = open
        .iter()
        .filter(|a| a.due > deadline && a.priority >= Priority::P3)
        .take(5)
        .map(|a| format!("{} ({})", a.title, a.priority.label()))
        .collect();
    if !deferrable.is_empty() {
        out.push(format!(
            "Accept the risk of, or plan after the audit, lower-priority actions that end after \
             the deadline: {}.",
            deferrable.join("; ")
        ));
    }
    if owners.keys().any(|o| matches!(o, Owner::Role { .. })) {
        out.push(format!(
            "Name the people behind unassigned roles and set their time: the plan assumes \
             {DEFAULT_SHARE}% of one person's time for each."
        ));
    }
    out
}
