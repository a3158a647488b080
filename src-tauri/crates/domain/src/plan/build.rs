//! Building the plan: gaps into actions, owners and dependencies resolved, preparation tasks and
//! actions scheduled on the owners' time, then the fit, the load per owner and the warnings.

use super::calendar::week_of;
use super::fit::{deadline, fit, phase, profile_warnings, OwnerFacts};
use super::gaps::{critical, gap_register, observation_start, priority};
use super::model::*;
use super::owners::Owners;
use super::prep::prep_tasks;
use super::schedule::{place_backward, place_fixed, place_forward, Ledger, Placed};
use crate::assessment::{Response, Scope};
use crate::catalog::{Catalog, Remediation};
use crate::people::{ClientCalendar, Owner, Person};
use crate::scoring::Severity;
use chrono::NaiveDate;
use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Everything a plan is built from.
pub struct PlanInput<'a> {
    pub catalog: &'a Catalog,
    pub scope: &'a Scope,
    pub responses: &'a [Response],
    pub profile: &'a AuditProfile,
    pub edits: &'a BTreeMap<String, ActionEdit>,
    pub people: &'a [Person],
    pub calendar: &'a ClientCalendar,
    /// Normally today.
    pub plan_date: NaiveDate,
    /// Controls whose evidence in the locker has all expired (question ids).
    pub expired_evidence: &'a HashSet<String>,
}

/// An action before it is scheduled.
struct Draft<'a> {
    rem: &'a Remediation,
    gaps: Vec<&'a Gap>,
    criteria: Vec<String>,
    severity: Severity,
    priority: Priority,
    owner: Owner,
    owner_is_default: bool,
    edit: ActionEdit,
    /// Indexes of the drafts that must be done first.
    after: Vec<usize>,
    /// The most urgent priority among itself and what waits on it.
    rank: (Priority, Reverse<usize>, String),
}

/// The most common owner among the answers behind an action, else `None`.
fn owner_from_answers(gaps: &[&Gap]) -> Option<Owner> {
    let mut counts: Vec<(&Owner, usize)> = Vec::new();
    for owner in gaps.iter().filter_map(|g| g.owner.as_ref()) {
        match counts.iter_mut().find(|(o, _)| *o == owner) {
            Some((_, n)) => *n += 1,
            None => counts.push((owner, 1)),
        }
    }
    // First seen wins a tie: gaps come most severe first.
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts
        .into_iter()
        .find(|(_, n)| *n == best)
        .map(|(o, _)| o.clone())
}

fn drafts<'a>(input: &PlanInput<'a>, gaps: &'a [Gap], owners: &Owners<'_>) -> Vec<Draft<'a>> {
    let order: HashMap<&str, usize> = input
        .catalog
        .criteria
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let mut groups: Vec<(&str, Vec<&Gap>)> = Vec::new();
    for gap in gaps {
        match groups.iter_mut().find(|(k, _)| *k == gap.remediation) {
            Some((_, list)) => list.push(gap),
            None => groups.push((&gap.remediation, vec![gap])),
        }
    }
    let mut out: Vec<Draft<'a>> = groups
        .into_iter()
        .filter_map(|(key, group)| {
            let rem = input.catalog.remediation(key)?;
            let mut criteria: Vec<String> = group
                .iter()
                .flat_map(|g| g.criteria.iter().cloned())
                .collect();
            criteria.sort_by_key(|c| order.get(c.as_str()).copied().unwrap_or(usize::MAX));
            criteria.dedup();
            let severity = group
                .iter()
                .map(|g| g.severity)
                .max()
                .unwrap_or(Severity::Low);
            let priority = priority(severity, group.iter().any(|g| critical(g)));
            let edit = input.edits.get(key).cloned().unwrap_or_default();
            let generated = owner_from_answers(&group).unwrap_or_else(|| Owner::role(&rem.owner));
            let owner = owners.resolve(edit.owner.as_ref().unwrap_or(&generated));
            Some(Draft {
                rank: (priority, Reverse(criteria.len()), key.to_owned()),
                owner_is_default: edit.owner.is_none(),
                rem,
                gaps: group,
                criteria,
                severity,
                priority,
                owner,
                edit,
                after: Vec::new(),
            })
        })
        .collect();
    let index: HashMap<String, usize> = out
        .iter()
        .enumerate()
        .map(|(i, d)| (d.rem.key.clone(), i))
        .collect();
    for d in &mut out {
        d.after = d
            .rem
            .after
            .iter()
            .filter_map(|k| index.get(k).copied())
            .collect();
    }
    // What another action waits on is as urgent as that action: pass ranks down the chain
    // (dependencies are acyclic, so this settles within as many rounds as there are drafts).
    for _ in 0..out.len() {
        let mut changed = false;
        for i in 0..out.len() {
            for j in out[i].after.clone() {
                if out[i].rank.0 < out[j].rank.0 {
                    out[j].rank.0 = out[i].rank.0;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    out
}

/// Schedules every draft, returning where each landed (same order).
fn schedule(
    drafts: &[Draft<'_>],
    owners: &Owners<'_>,
    ledger: &mut Ledger,
    start: NaiveDate,
) -> Vec<Placed> {
    let mut placed: Vec<Option<Placed>> = vec![None; drafts.len()];
    // Closed work takes no time; dates the user fixed come before the queue.
    for (i, d) in drafts.iter().enumerate() {
        let e = &d.edit;
        if e.status.is_some_and(ActionStatus::is_closed) {
            let from = e.start.unwrap_or(start);
            placed[i] = Some(Placed {
                start: from,
                due: e.due.unwrap_or(from).max(from),
                short: false,
            });
        } else if let (Some(s), Some(due)) = (e.start, e.due) {
            let w = owners.worker(&d.owner);
            placed[i] = Some(place_fixed(
                ledger,
                &d.owner,
                &w,
                s,
                due,
                d.rem.effort.planning_days(),
            ));
        }
    }
    loop {
        let ready = (0..drafts.len())
            .filter(|&i| placed[i].is_none())
            .filter(|&i| drafts[i].after.iter().all(|&j| placed[j].is_some()))
            .min_by(|&a, &b| drafts[a].rank.cmp(&drafts[b].rank));
        let Some(i) = ready else { break };
        let d = &drafts[i];
        // Done or accepted work does not hold anything up.
        let after_deps = d
            .after
            .iter()
            .filter(|&&j| !drafts[j].edit.status.is_some_and(ActionStatus::is_closed))
            .filter_map(|&j| placed[j])
            .map(|p| super::calendar::next_day(p.due))
            .max();
        let earliest = [Some(start), after_deps, d.edit.start]
            .into_iter()
            .flatten()
            .max()
            .unwrap_or(start);
        let w = owners.worker(&d.owner);
        let effort = d.rem.effort.planning_days();
        placed[i] = Some(match d.edit.due {
            // Only the due date was edited: the work is booked up to it.
            Some(due) => place_fixed(ledger, &d.owner, &w, earliest, due.max(earliest), effort),
            None => {
                let lead = u32::from(d.rem.lead_weeks.unwrap_or(0)) * 5;
                place_forward(ledger, &d.owner, &w, earliest, effort, lead)
            }
        });
    }
    placed
        .into_iter()
        .map(|p| {
            p.unwrap_or(Placed {
                start,
                due: start,
                short: true,
            })
        })
        .collect()
}

/// Builds the plan.
pub fn build(input: &PlanInput<'_>) -> Plan {
    let plan_date = input.plan_date;
    let owners = Owners {
        people: input.people,
        calendar: input.calendar,
    };
    let gaps = gap_register(
        input.catalog,
        input.scope,
        input.responses,
        input.profile,
        input.expired_evidence,
    );
    let deadline = deadline(input.profile);
    let mut ledger = Ledger::default();
    let mut warnings = profile_warnings(input.profile, plan_date);

    // Preparation tasks first: their dates are set by the audit, not by free time.
    let mut prep: Vec<PrepTask> = Vec::new();
    for spec in deadline
        .map(|d| prep_tasks(input.profile, d))
        .unwrap_or_default()
    {
        let edit = input.edits.get(spec.key).cloned().unwrap_or_default();
        let owner = owners.resolve(edit.owner.as_ref().unwrap_or(&Owner::role(spec.role)));
        let status = edit.status.unwrap_or(ActionStatus::NotStarted);
        let p = if status.is_closed() {
            Placed {
                start: spec.due,
                due: spec.due,
                short: false,
            }
        } else {
            let w = owners.worker(&owner);
            place_backward(
                &mut ledger,
                &owner,
                &w,
                spec.due,
                spec.effort_days,
                plan_date,
            )
        };
        prep.push(PrepTask {
            key: spec.key.to_owned(),
            title: spec.title.to_owned(),
            description: spec.description.to_owned(),
            owner_name: owners.name(&owner),
            owner,
            effort_days: spec.effort_days,
            start: p.start,
            due: p.due,
            late: p.short,
            status,
            notes: edit.notes,
        });
    }

    let drafts = drafts(input, &gaps, &owners);
    let placed = schedule(&drafts, &owners, &mut ledger, plan_date);
    let obs = observation_start(input.profile);
    let period = obs.zip(input.profile.target_date);
    let mut actions: Vec<Action> = drafts
        .iter()
        .zip(&placed)
        .map(|(d, p)| {
            let status = d.edit.status.unwrap_or(ActionStatus::NotStarted);
            let mut flags = Vec::new();
            if obs.is_some_and(|o| p.due >= o) && d.priority <= Priority::P2 && !status.is_closed()
            {
                flags.push(ActionFlag::AfterObservationStart);
            }
            if matches!(d.owner, Owner::Role { .. }) {
                flags.push(ActionFlag::Unassigned);
            }
            if p.short && !status.is_closed() {
                flags.push(ActionFlag::OverCapacity);
            }
            Action {
                key: d.rem.key.clone(),
                title: d.rem.title.clone(),
                description: d.rem.action.clone(),
                criteria: d.criteria.clone(),
                questions: d.gaps.iter().map(|g| g.question_id.clone()).collect(),
                findings: d.gaps.iter().map(|g| g.finding.clone()).collect(),
                severity: d.severity,
                priority: d.priority,
                effort: d.rem.effort,
                effort_days: d.rem.effort.planning_days(),
                lead_weeks: d.rem.lead_weeks,
                depends_on: d.after.iter().map(|&j| drafts[j].rem.key.clone()).collect(),
                owner_name: owners.name(&d.owner),
                owner: d.owner.clone(),
                owner_is_default: d.owner_is_default,
                start: p.start,
                due: p.due,
                dates_are_default: d.edit.start.is_none() && d.edit.due.is_none(),
                phase: phase(plan_date, p.due),
                status,
                justification: d.edit.justification.clone(),
                notes: d.edit.notes.clone(),
                evidence: d.rem.proof.clone(),
                runs: d.rem.runs,
                runs_in_period: d
                    .rem
                    .runs
                    .zip(period)
                    .and_then(|(c, (o, t))| c.runs_in(o, t)),
                flags,
            }
        })
        .collect();
    actions.sort_by(|a, b| {
        a.priority
            .cmp(&b.priority)
            .then(a.due.cmp(&b.due))
            .then(a.key.cmp(&b.key))
    });

    let load = super::owners::loads(&ledger, &owners, plan_date, &actions, &prep);
    // Every person can take work over, even one with none yet.
    let idle = input
        .people
        .iter()
        .filter(|p| !load.iter().any(|l| l.owner == Owner::Person { id: p.id }));
    let mut facts: HashMap<Owner, OwnerFacts<'_>> = idle
        .map(|p| {
            let owner = Owner::Person { id: p.id };
            let facts = OwnerFacts {
                name: p.name.clone(),
                share: p.share,
                calendar: owners.calendar(&owner),
                planned_before_deadline: 0.0,
            };
            (owner, facts)
        })
        .collect();
    facts.extend(load.iter().map(|l| {
        let planned = deadline.map_or(0.0, |dl| {
            l.weeks
                .iter()
                .filter(|w| w.week <= week_of(dl))
                .map(|w| w.days)
                .sum()
        });
        (
            l.owner.clone(),
            OwnerFacts {
                name: l.name.clone(),
                share: l.share,
                calendar: owners.calendar(&l.owner),
                planned_before_deadline: planned,
            },
        )
    }));
    let fit = fit(deadline, plan_date, &actions, &prep, &facts);
    warnings.extend(super::owners::warnings(&actions, &prep));

    let retired = input
        .edits
        .iter()
        .filter(|(key, _)| !actions.iter().any(|a| &a.key == *key))
        .filter_map(|(key, edit)| {
            let rem = input.catalog.remediation(key)?;
            Some(RetiredAction {
                key: key.clone(),
                title: rem.title.clone(),
                status: edit.status.unwrap_or(ActionStatus::NotStarted),
                owner: edit.owner.as_ref().map(|o| owners.name(o)),
                notes: edit.notes.clone(),
            })
        })
        .collect();

    Plan {
        plan_date,
        profile: input.profile.clone(),
        deadline,
        fit,
        gaps,
        actions,
        prep,
        load,
        warnings,
        retired,
    }
}
