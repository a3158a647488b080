//! The board brief's sentences, each a pure function of the data it states, so none can say
//! something the numbers do not (tested one by one below and in `tests.rs`).

use crate::report::theme::{long_date, percent, plural};
use trustgap_domain::costs::CostAssumptions;
use trustgap_domain::people::Owner;
use trustgap_domain::plan::{Action, ActionFlag, ActionStatus, Fit, Gap, PersonLoad};
use trustgap_domain::scoring::{Band, CategoryScore, Scorecard, Severity};

/// The category a reader should worry about most: the one holding the most high-severity gaps
/// (the lower score breaks a tie); with no high gap anywhere, the lowest score.
pub fn weakest_category(card: &Scorecard) -> Option<&CategoryScore> {
    let scored = card.categories.iter().filter(|c| c.tally.score.is_some());
    if card.categories.iter().any(|c| c.tally.high_gaps > 0) {
        return card.categories.iter().max_by(|a, b| {
            a.tally.high_gaps.cmp(&b.tally.high_gaps).then(
                b.tally
                    .score
                    .unwrap_or(0.0)
                    .total_cmp(&a.tally.score.unwrap_or(0.0)),
            )
        });
    }
    scored.min_by(|a, b| {
        a.tally
            .score
            .unwrap_or(0.0)
            .total_cmp(&b.tally.score.unwrap_or(0.0))
    })
}

/// "Strongest: … Weakest: …", naming as weakest the category where the high-severity gaps are.
pub fn strength_sentence(card: &Scorecard) -> Option<String> {
    let weak = weakest_category(card)?;
    let strong = card
        .categories
        .iter()
        .filter(|c| c.tally.score.is_some() && c.category != weak.category)
        .max_by(|a, b| {
            a.tally
                .score
                .unwrap_or(0.0)
                .total_cmp(&b.tally.score.unwrap_or(0.0))
        });
    // The scorecard's own count: a question listed under two categories is one gap, not two.
    let total_high = card.high_gaps.max(weak.tally.high_gaps);
    let weak_part = if weak.tally.high_gaps > 0 {
        let share = if weak.tally.high_gaps == total_high {
            if total_high == 1 {
                "the one high-severity gap".to_owned()
            } else {
                format!("all {total_high} high-severity gaps")
            }
        } else {
            format!(
                "{} of the {total_high} high-severity gaps",
                weak.tally.high_gaps
            )
        };
        format!(
            "Weakest: {} at {}, with {share}; that is where an auditor is most likely to find \
             exceptions.",
            weak.name,
            percent(weak.tally.score)
        )
    } else {
        format!(
            "Weakest: {} at {}; no high-severity gap is open in any category.",
            weak.name,
            percent(weak.tally.score)
        )
    };
    Some(match strong {
        Some(s) => format!(
            "Strongest: {} at {}. {weak_part}",
            s.name,
            percent(s.tally.score)
        ),
        None => weak_part,
    })
}

/// One line of verdict (the band is its title): the score, the high gaps, what they mean.
pub fn verdict_sentence(card: &Scorecard) -> String {
    let score = percent(card.overall.score);
    let gaps = plural(
        card.high_gaps as usize,
        "high-severity gap",
        "high-severity gaps",
    );
    match card.band {
        Band::Incomplete => format!(
            "No verdict yet: fewer than half of the questions are answered ({} of {}).",
            card.overall.answered, card.overall.questions
        ),
        Band::Ready => format!(
            "{score} of what an auditor expects is in place, with {gaps} open: ready for the audit."
        ),
        Band::NearlyReady => {
            format!("{score} of what an auditor expects is in place; {gaps} to close first.")
        }
        Band::SignificantGaps => format!(
            "{score} of what an auditor expects is in place and {gaps} remain: an audit now \
             would likely record exceptions."
        ),
        Band::NotReady => format!(
            "{score} of what an auditor expects is in place, but {gaps} remain: an audit now \
             would very likely fail on them."
        ),
    }
}

/// Will the plan make the audit date: yes or no, by how much, and who holds it up.
pub fn date_sentence(fit: &Fit, open_actions: usize) -> String {
    match fit {
        Fit::NoTargetDate => {
            "No audit date is set, so the plan cannot be checked against one.".to_owned()
        }
        Fit::Fits {
            deadline,
            spare_days,
        } => {
            if open_actions == 0 {
                format!(
                    "Yes: no remediation action is open before the readiness deadline of {}.",
                    long_date(*deadline)
                )
            } else {
                format!(
                    "Yes: the {} end {} before the readiness deadline of {}.",
                    plural(open_actions, "open action", "open actions"),
                    plural(usize::try_from(*spare_days).unwrap_or(0), "day", "days"),
                    long_date(*deadline)
                )
            }
        }
        Fit::Late {
            deadline,
            late_days,
            bottleneck,
            ..
        } => format!(
            "No: at today's capacity the plan ends {} after the readiness deadline of {}.{}",
            plural(usize::try_from(*late_days).unwrap_or(0), "day", "days"),
            long_date(*deadline),
            bottleneck.as_ref().map_or_else(String::new, |b| format!(
                " {} is the bottleneck: {}% of their time is planned, {}% would be needed.",
                b.name, b.share, b.needed_share
            ))
        ),
    }
}

/// The assumptions the date answer rests on: capacity shares, working days, lead times.
pub fn assumptions(load: &[PersonLoad], open: &[&Action]) -> Vec<String> {
    let mut out = Vec::new();
    let busy: Vec<&PersonLoad> = load.iter().filter(|p| p.total_days > 0.0).collect();
    let named: Vec<u8> = busy
        .iter()
        .filter(|p| !p.assumed)
        .map(|p| p.share)
        .collect();
    let assumed: Vec<u8> = busy.iter().filter(|p| p.assumed).map(|p| p.share).collect();
    let span = |shares: &[u8]| match (shares.iter().min(), shares.iter().max()) {
        (Some(lo), Some(hi)) if lo == hi => format!("{lo}%"),
        (Some(lo), Some(hi)) => format!("{lo}% to {hi}%"),
        _ => String::new(),
    };
    let mut capacity = Vec::new();
    if !named.is_empty() {
        capacity.push(format!(
            "{} with {} of their time for compliance work",
            plural(named.len(), "person", "people"),
            span(&named)
        ));
    }
    if !assumed.is_empty() {
        capacity.push(format!(
            "{} nobody holds yet, assumed at {}",
            plural(assumed.len(), "role", "roles"),
            span(&assumed)
        ));
    }
    if !capacity.is_empty() {
        out.push(format!("Capacity: {}.", capacity.join("; ")));
    }
    out.push("Work days: Monday to Friday, less closures and days off.".to_owned());
    let waiting: Vec<u8> = open.iter().filter_map(|a| a.lead_weeks).collect();
    if let Some(longest) = waiting.iter().max() {
        out.push(format!(
            "Lead times: {} on outside parties, the longest {}.",
            plural(waiting.len(), "action waits", "actions wait"),
            plural(usize::from(*longest), "week", "weeks")
        ));
    }
    out
}

/// One of the top findings: the statement and the action that closes it.
#[derive(Debug, Clone, PartialEq)]
pub struct TopFinding {
    pub severity: Severity,
    pub statement: String,
    pub action: String,
    pub owner: String,
}

/// The `n` most serious gaps as findings, never two closed by the same action: gaps come most
/// severe first (then the action's priority, then the control's weight).
pub fn top_findings(gaps: &[Gap], actions: &[Action], n: usize) -> Vec<TopFinding> {
    let action_of = |g: &Gap| {
        actions
            .iter()
            .find(|a| a.questions.iter().any(|q| q == &g.question_id))
    };
    let mut ranked: Vec<(&Gap, Option<&Action>)> = gaps.iter().map(|g| (g, action_of(g))).collect();
    ranked.sort_by(|(ga, aa), (gb, ab)| {
        gb.severity
            .cmp(&ga.severity)
            .then(aa.map(|a| a.priority).cmp(&ab.map(|a| a.priority)))
            .then(gb.weight.cmp(&ga.weight))
    });
    let mut used: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for (g, a) in ranked {
        let key = a.map_or(g.remediation.as_str(), |a| a.key.as_str());
        if used.contains(&key) {
            continue;
        }
        used.push(key);
        out.push(TopFinding {
            severity: g.severity,
            statement: g.finding.clone(),
            action: a.map_or_else(|| g.remediation.clone(), |a| a.title.clone()),
            owner: a.map_or_else(String::new, |a| a.owner_name.clone()),
        });
        if out.len() == n {
            break;
        }
    }
    out
}

/// Person-days of the open actions.
pub fn effort_days(open: &[&Action]) -> f32 {
    open.iter().map(|a| a.effort_days).sum()
}

/// "12,500"
pub fn money(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The effort, and what it and the external costs come to when the user gave costs.
pub fn effort_sentence(days: f32, costs: Option<&CostAssumptions>) -> String {
    let days_text = format!("{:.0} person-days", days.ceil());
    let effort = format!("The open actions take about {days_text} of work.");
    let Some(c) = costs.filter(|c| !c.is_empty()) else {
        return format!("{effort} No cost assumptions are recorded, so no budget is given.");
    };
    let cur = &c.currency;
    let people = c
        .day_rate
        .map(|r| (f64::from(days.ceil()) * f64::from(r)).round() as u64);
    let (ext_lo, ext_hi) = c.external();
    let mut parts = vec![effort];
    if let (Some(p), Some(r)) = (people, c.day_rate) {
        parts.push(format!(
            "At {cur} {} a day, that is {cur} {}.",
            money(u64::from(r)),
            money(p)
        ));
    }
    if !c.lines.is_empty() {
        parts.push(format!(
            "External costs ({}) add {}.",
            c.lines
                .iter()
                .map(|l| l.label.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            range(cur, ext_lo, ext_hi)
        ));
        if let Some(p) = people {
            parts.push(format!("In total: {}.", range(cur, p + ext_lo, p + ext_hi)));
        }
    }
    parts.join(" ")
}

/// "a", "a and b", "a, b and c".
fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn range(cur: &str, lo: u64, hi: u64) -> String {
    if lo == hi {
        format!("{cur} {}", money(lo))
    } else {
        format!("{cur} {} to {}", money(lo), money(hi))
    }
}

/// What leadership must decide, built from the plan: each entry names the decision and why.
pub fn decisions(fit: &Fit, actions: &[Action], costs: Option<&CostAssumptions>) -> Vec<String> {
    let mut out = Vec::new();
    match fit {
        Fit::Late { bottleneck, .. } => out.push(match bottleneck {
            Some(b) if b.needed_share <= 100 => format!(
                "Move the audit date, or give {} {}% of their time for compliance work instead \
                 of {}%.",
                b.name, b.needed_share, b.share
            ),
            _ => "Move the audit date or add people: the plan does not fit the time available."
                .to_owned(),
        }),
        Fit::NoTargetDate => {
            out.push("Set a target audit date, so the plan can be measured against it.".to_owned());
        }
        Fit::Fits { .. } => {}
    }
    let open = |a: &&Action| !a.status.is_closed();
    let mut roles: Vec<&str> = actions
        .iter()
        .filter(open)
        .filter(|a| a.flags.contains(&ActionFlag::Unassigned))
        .map(|a| match &a.owner {
            Owner::Role { role } => role.as_str(),
            Owner::Person { .. } => a.owner_name.as_str(),
        })
        .collect();
    roles.sort_unstable();
    roles.dedup();
    if !roles.is_empty() {
        out.push(format!(
            "Name someone for the {} {}: {} no one to do them.",
            join_and(&roles),
            if roles.len() == 1 { "role" } else { "roles" },
            if roles.len() == 1 {
                "its actions have"
            } else {
                "their actions have"
            }
        ));
    }
    let mut busy: Vec<&str> = actions
        .iter()
        .filter(open)
        .filter(|a| a.flags.contains(&ActionFlag::OverCapacity))
        .map(|a| a.owner_name.as_str())
        .collect();
    busy.sort_unstable();
    busy.dedup();
    if !busy.is_empty() {
        out.push(format!(
            "Free time for {}: the dates set for their actions exceed the time they have.",
            join_and(&busy)
        ));
    }
    let accepted: Vec<&str> = actions
        .iter()
        .filter(|a| a.status == ActionStatus::RiskAccepted)
        .map(|a| a.title.as_str())
        .collect();
    if !accepted.is_empty() {
        out.push(format!(
            "Confirm the {} instead of fixing: {}.",
            plural(accepted.len(), "accepted risk", "accepted risks"),
            accepted.join("; ")
        ));
    }
    if let Some(c) = costs.filter(|c| !c.lines.is_empty()) {
        let (lo, hi) = c.external();
        out.push(format!(
            "Approve the external budget of {}.",
            range(&c.currency, lo, hi)
        ));
    }
    out
}
