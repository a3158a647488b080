//! The bank's cross-references beyond single items: remediation dependencies, the coverage map
//! and the mapping from the previous bank.

use super::deps::dependency_order;
use super::model::Catalog;
use super::validate::Errors;
use std::collections::{HashMap, HashSet};

pub(super) fn validate_links(cat: &Catalog, e: &mut Errors) {
    validate_dependencies(cat, e);
    validate_coverage(cat, e);
    validate_changes(cat, e);
}

fn validate_dependencies(cat: &Catalog, e: &mut Errors) {
    let keys: HashSet<&str> = cat.remediations.iter().map(|r| r.key.as_str()).collect();
    for r in &cat.remediations {
        let s = format!("remediation {}", r.key);
        for dep in &r.after {
            e.check(
                keys.contains(dep.as_str()),
                &s,
                format!("comes after unknown remediation '{dep}'"),
            );
            e.check(dep != &r.key, &s, "comes after itself");
        }
    }
    if let Err(cycle) = dependency_order(&cat.remediations) {
        e.check(
            false,
            "remediations",
            format!("dependencies form a cycle: {}", cycle.join(" → ")),
        );
    }
}

fn validate_coverage(cat: &Catalog, e: &mut Errors) {
    let questions: HashMap<&str, &[String]> = cat
        .questions
        .iter()
        .map(|q| (q.id.as_str(), q.criteria.as_slice()))
        .collect();
    let mut listed: HashMap<&str, HashSet<&str>> = HashMap::new();
    let mut seen = HashSet::new();
    for c in &cat.coverage {
        let s = format!("coverage {}", c.id);
        e.check(seen.insert(c.id.as_str()), &s, "criterion listed twice");
        e.check(
            cat.criteria.iter().any(|x| x.id == c.id),
            &s,
            "unknown criterion",
        );
        e.check(c.topics.len() >= 2, &s, "needs at least two topics");
        for t in &c.topics {
            e.check(!t.topic.trim().is_empty(), &s, "a topic is empty");
            e.check(
                !t.questions.is_empty(),
                &s,
                format!("topic '{}' lists no question", t.topic),
            );
            for q in &t.questions {
                match questions.get(q.as_str()) {
                    None => e.check(false, &s, format!("unknown question {q}")),
                    Some(criteria) => e.check(
                        criteria.contains(&c.id),
                        &s,
                        format!("{q} does not map to {}", c.id),
                    ),
                }
                listed.entry(q).or_default().insert(&c.id);
            }
        }
    }
    for c in &cat.criteria {
        e.check(
            seen.contains(c.id.as_str()),
            &format!("coverage {}", c.id),
            "criterion missing from the coverage map",
        );
    }
    for q in &cat.questions {
        let primary = q.criteria.first().map_or("", String::as_str);
        e.check(
            listed
                .get(q.id.as_str())
                .is_some_and(|c| c.contains(primary)),
            &format!("question {}", q.id),
            format!("not in the coverage map under its primary criterion {primary}"),
        );
    }
}

fn validate_changes(cat: &Catalog, e: &mut Errors) {
    let c = &cat.changes;
    if c.from.is_empty() {
        return;
    }
    let s = format!("changes from {}", c.from);
    let current: HashSet<&str> = cat.questions.iter().map(|q| q.id.as_str()).collect();
    let previous: HashSet<&str> = c.previous_ids.iter().map(String::as_str).collect();
    // How many times each previous id is accounted for by a split, merge or retirement.
    let mut named: HashMap<&str, usize> = HashMap::new();
    for id in &c.changed {
        e.check(
            current.contains(id.as_str()) && previous.contains(id.as_str()),
            &s,
            format!("changed {id} must be in both versions"),
        );
        *named.entry(id).or_default() += 1;
    }
    for sp in &c.split {
        *named.entry(&sp.from).or_default() += 1;
        e.check(
            sp.into.len() >= 2,
            &s,
            format!("split {} into one", sp.from),
        );
        for t in &sp.into {
            e.check(
                current.contains(t.as_str()),
                &s,
                format!("{} is split into unknown {t}", sp.from),
            );
        }
    }
    for m in &c.merged {
        e.check(
            current.contains(m.into.as_str()),
            &s,
            format!("merged into unknown {}", m.into),
        );
        for f in &m.from {
            *named.entry(f).or_default() += 1;
        }
    }
    for r in &c.retired {
        *named.entry(&r.id).or_default() += 1;
        e.check(
            !current.contains(r.id.as_str()),
            &s,
            format!("retired {} is still in the bank", r.id),
        );
        e.check(
            !r.reason.trim().is_empty(),
            &s,
            format!("retired {} gives no reason", r.id),
        );
    }
    for (id, n) in &named {
        e.check(
            previous.contains(id),
            &s,
            format!("{id} was not in {}", c.from),
        );
        e.check(*n == 1, &s, format!("{id} is named {n} times"));
    }
    for id in &previous {
        e.check(
            current.contains(id) || named.contains_key(id),
            &s,
            format!("{id} is neither kept nor accounted for"),
        );
    }
}
