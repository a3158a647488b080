//! Owners as the plan sees them: a role is the person who holds it when exactly one does, and
//! every owner has a share of their working days (a role nobody holds: an assumed share); their
//! load per week, and what the reader should know about it.

use super::calendar::{week_of, WorkCalendar};
use super::model::{Action, ActionFlag, PersonLoad, PrepTask, WeekLoad};
use super::schedule::{Ledger, Worker};
use crate::people::{unassigned, ClientCalendar, Owner, Person, DEFAULT_SHARE};
use chrono::NaiveDate;

/// The role given to work whose person is no longer among the client's people.
pub(super) const FORMER_OWNER: &str = "Owner";

pub(super) struct Owners<'a> {
    pub people: &'a [Person],
    pub calendar: &'a ClientCalendar,
}

impl<'a> Owners<'a> {
    fn person(&self, id: i64) -> Option<&'a Person> {
        self.people.iter().find(|p| p.id == id)
    }

    /// The owner the plan schedules: a role held by exactly one person becomes that person; a
    /// person no longer there becomes an unassigned role.
    pub fn resolve(&self, owner: &Owner) -> Owner {
        match owner {
            Owner::Person { id } if self.person(*id).is_some() => owner.clone(),
            Owner::Person { .. } => Owner::role(FORMER_OWNER),
            Owner::Role { role } => {
                let wanted = role.trim().to_lowercase();
                let mut holders = self
                    .people
                    .iter()
                    .filter(|p| p.role.trim().to_lowercase() == wanted);
                match (holders.next(), holders.next()) {
                    (Some(p), None) => Owner::Person { id: p.id },
                    _ => owner.clone(),
                }
            }
        }
    }

    pub fn name(&self, owner: &Owner) -> String {
        match owner {
            Owner::Person { id } => self
                .person(*id)
                .map_or_else(|| unassigned(FORMER_OWNER), |p| p.name.clone()),
            Owner::Role { role } => unassigned(role),
        }
    }

    /// Percent of working time for compliance work, and whether it is assumed.
    pub fn share(&self, owner: &Owner) -> (u8, bool) {
        match owner {
            Owner::Person { id } => self
                .person(*id)
                .map_or((DEFAULT_SHARE, true), |p| (p.share, false)),
            Owner::Role { .. } => (DEFAULT_SHARE, true),
        }
    }

    pub fn calendar(&self, owner: &Owner) -> WorkCalendar<'a> {
        let days_off = match owner {
            Owner::Person { id } => self.person(*id).map_or(&[][..], |p| &p.days_off[..]),
            Owner::Role { .. } => &[],
        };
        WorkCalendar {
            client: self.calendar,
            days_off,
        }
    }

    pub fn worker(&self, owner: &Owner) -> Worker<'a> {
        Worker {
            share: f32::from(self.share(owner).0) / 100.0,
            calendar: self.calendar(owner),
        }
    }
}

/// Each owner's planned work per week, from the plan date's week to their last day of work.
pub(super) fn loads(
    ledger: &Ledger,
    owners: &Owners<'_>,
    plan_date: NaiveDate,
    actions: &[Action],
    prep: &[PrepTask],
) -> Vec<PersonLoad> {
    // Every owner of open work appears, even one whose work took no time yet.
    let mut all: Vec<Owner> = actions
        .iter()
        .filter(|a| !a.status.is_closed())
        .map(|a| a.owner.clone())
        .chain(prep.iter().map(|p| p.owner.clone()))
        .collect();
    all.sort();
    all.dedup();
    let mut out: Vec<PersonLoad> = all
        .into_iter()
        .map(|owner| {
            let days = ledger.used.get(&owner);
            let last = days
                .and_then(|d| d.keys().next_back().copied())
                .unwrap_or(plan_date)
                .max(plan_date);
            let (share, assumed) = owners.share(&owner);
            let cal = owners.calendar(&owner);
            let mut weeks = Vec::new();
            let mut week = week_of(plan_date);
            while week <= last {
                let end = week + chrono::Duration::days(6);
                let used: f32 = days.map_or(0.0, |d| d.range(week..=end).map(|(_, v)| v).sum());
                weeks.push(WeekLoad {
                    week,
                    days: used,
                    capacity: cal.work_days(week.max(plan_date), end) as f32 * f32::from(share)
                        / 100.0,
                });
                week = end + chrono::Duration::days(1);
            }
            PersonLoad {
                name: owners.name(&owner),
                total_days: weeks.iter().map(|w| w.days).sum(),
                owner,
                share,
                assumed,
                weeks,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.total_days
            .total_cmp(&a.total_days)
            .then(a.name.cmp(&b.name))
    });
    out
}

/// What the reader should know about owners and capacity.
pub(super) fn warnings(actions: &[Action], prep: &[PrepTask]) -> Vec<String> {
    let mut out = Vec::new();
    let open = || actions.iter().filter(|a| !a.status.is_closed());
    let unassigned = open()
        .filter(|a| a.flags.contains(&ActionFlag::Unassigned))
        .count()
        + prep
            .iter()
            .filter(|p| !p.status.is_closed() && matches!(p.owner, Owner::Role { .. }))
            .count();
    if unassigned > 0 {
        let (tasks, belong) = if unassigned == 1 {
            ("task", "belongs")
        } else {
            ("tasks", "belong")
        };
        out.push(format!(
            "{unassigned} open {tasks} {belong} to roles nobody is named for yet; the plan assumes \
             {DEFAULT_SHARE}% of one person's time for each role until someone is."
        ));
    }
    for a in open().filter(|a| a.flags.contains(&ActionFlag::OverCapacity)) {
        out.push(if a.dates_are_default {
            format!(
                "\u{201c}{}\u{201d} does not fit in {}'s time within three years: give them \
                 more time for it or move it to someone else.",
                a.title, a.owner_name
            )
        } else {
            format!(
                "The dates set for \u{201c}{}\u{201d} need more of {}'s time than their share \
                 allows.",
                a.title, a.owner_name
            )
        });
    }
    out
}
