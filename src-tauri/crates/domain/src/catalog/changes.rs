//! How one version of the bank relates to the one before: questions whose meaning changed, split,
//! merged or retired. Answers given against the previous bank are carried through this mapping
//! ([`upgrade`]), so nothing is dropped silently.

use super::model::Catalog;
use crate::assessment::{Answer, EvidenceRef, Response, MAX_EVIDENCE};
use crate::limits::MAX_NOTE_CHARS;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::{BTreeMap, HashMap, HashSet};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct Changed {
    pub ids: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct Split {
    pub from: String,
    pub into: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct Merged {
    pub from: Vec<String>,
    pub into: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct Retired {
    pub id: String,
    pub reason: String,
}

/// The mapping from the previous bank, gathered from every file of `changes/`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Type)]
pub struct BankChanges {
    /// The version these changes start from ("" when the bank has no predecessor).
    pub from: String,
    /// Every question id of that version.
    pub previous_ids: Vec<String>,
    pub changed: Vec<String>,
    pub split: Vec<Split>,
    pub merged: Vec<Merged>,
    pub retired: Vec<Retired>,
}

/// An answer to a question that left the bank without a successor, kept for the record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct RetiredAnswer {
    pub question_id: String,
    pub answer: Option<Answer>,
    pub note: String,
    /// Why the question left, in words for the user.
    pub reason: String,
    /// The bank version the answer was given against.
    pub catalog_version: String,
}

/// Answers carried to the current bank, and those with nowhere to go.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Upgrade {
    pub responses: Vec<Response>,
    pub retired: Vec<RetiredAnswer>,
}

/// Carries `old` answers, given against bank `version`, to `catalog`: kept questions keep their
/// answer; changed ones keep it marked for review; a split copies it to every part, marked for
/// review; a merge keeps the weakest of the answers (notes and evidence joined), marked for
/// review; retired questions, and ids the bank no longer knows, become [`RetiredAnswer`]s.
/// An unknown older `version` keeps every answer whose id still exists, marked for review.
pub fn upgrade(catalog: &Catalog, version: &str, old: &[Response]) -> Upgrade {
    let c = &catalog.changes;
    let known_mapping = version == c.from;
    let retired: HashMap<&str, &str> = c
        .retired
        .iter()
        .map(|r| (r.id.as_str(), r.reason.as_str()))
        .collect();
    let mut targets: HashMap<&str, Vec<&str>> = HashMap::new();
    if known_mapping {
        for s in &c.split {
            targets.insert(&s.from, s.into.iter().map(String::as_str).collect());
        }
        for m in &c.merged {
            for f in &m.from {
                targets.entry(f).or_default().push(&m.into);
            }
        }
    }
    let changed: HashSet<&str> = c.changed.iter().map(String::as_str).collect();
    // Per new question, the old answers that flow into it (BTreeMap: a stable output order).
    let mut flows: BTreeMap<&str, Vec<(&Response, bool)>> = BTreeMap::new();
    let mut out = Upgrade::default();
    for r in old {
        let id = r.question_id.as_str();
        let mapped = targets.get(id);
        match (mapped, catalog.question(id)) {
            (Some(into), _) => {
                for t in into.iter().filter(|t| catalog.question(t).is_some()) {
                    flows.entry(t).or_default().push((r, true));
                }
            }
            (None, Some(q)) => {
                let review = !known_mapping || changed.contains(id);
                flows.entry(q.id.as_str()).or_default().push((r, review));
            }
            (None, None) => out.retired.push(RetiredAnswer {
                question_id: r.question_id.clone(),
                answer: r.answer,
                note: r.note.clone(),
                reason: retired
                    .get(id)
                    .map_or("This question is no longer in the question bank.", |v| v)
                    .to_owned(),
                catalog_version: version.to_owned(),
            }),
        }
    }
    for (id, sources) in flows {
        out.responses.push(combine(id, &sources));
    }
    out
}

/// How weak an answer is, for merges: the weakest one stands for the merged control.
fn weakness(a: Option<Answer>) -> u8 {
    match a {
        Some(Answer::NotImplemented) => 5,
        Some(Answer::Unknown) => 4,
        Some(Answer::Partial) => 3,
        None => 2,
        Some(Answer::Implemented) => 1,
        Some(Answer::NotApplicable) => 0,
    }
}

fn combine(id: &str, sources: &[(&Response, bool)]) -> Response {
    let first = sources[0].0;
    if let [(r, review)] = sources {
        return Response {
            question_id: id.to_owned(),
            needs_review: r.needs_review || *review,
            ..(*r).clone()
        };
    }
    let weakest = sources
        .iter()
        .map(|(r, _)| r.answer)
        .max_by_key(|a| weakness(*a))
        .flatten();
    let mut note: String = sources
        .iter()
        .filter(|(r, _)| !r.note.trim().is_empty())
        .map(|(r, _)| format!("[{}] {}", r.question_id, r.note.trim()))
        .collect::<Vec<_>>()
        .join("\n\n");
    if note.chars().count() > MAX_NOTE_CHARS {
        note = note.chars().take(MAX_NOTE_CHARS).collect();
    }
    let mut evidence: Vec<EvidenceRef> = Vec::new();
    for e in sources.iter().flat_map(|(r, _)| &r.evidence) {
        if !evidence.contains(e) && evidence.len() < MAX_EVIDENCE {
            evidence.push(e.clone());
        }
    }
    Response {
        question_id: id.to_owned(),
        answer: weakest,
        note,
        flagged: sources.iter().any(|(r, _)| r.flagged),
        owner: sources.iter().find_map(|(r, _)| r.owner.clone()),
        evidence,
        needs_review: true,
        ..first.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::fixture::fixture;

    fn answer(id: &str, a: Answer, note: &str) -> Response {
        Response {
            question_id: id.into(),
            answer: Some(a),
            note: note.into(),
            ..Response::default()
        }
    }

    /// The fixture bank (AAA-001..003, PRV-001) as the successor of a bank that had OLD-001
    /// (split into AAA-001 and AAA-002), OLD-002 and OLD-003 (merged into AAA-003), OLD-004
    /// (retired), and AAA-001 and PRV-001 (changed and kept).
    fn successor() -> Catalog {
        let mut c = fixture();
        c.changes = BankChanges {
            from: "1".into(),
            previous_ids: ["OLD-001", "OLD-002", "OLD-003", "OLD-004", "PRV-001"]
                .map(String::from)
                .to_vec(),
            changed: vec!["PRV-001".into()],
            split: vec![Split {
                from: "OLD-001".into(),
                into: vec!["AAA-001".into(), "AAA-002".into()],
            }],
            merged: vec![Merged {
                from: vec!["OLD-002".into(), "OLD-003".into()],
                into: "AAA-003".into(),
            }],
            retired: vec![Retired {
                id: "OLD-004".into(),
                reason: "Asked elsewhere now.".into(),
            }],
        };
        c
    }

    fn find<'a>(u: &'a Upgrade, id: &str) -> &'a Response {
        u.responses
            .iter()
            .find(|r| r.question_id == id)
            .unwrap_or_else(|| panic!("{id} carried"))
    }

    #[test]
    fn each_kind_of_change_carries_the_answer() {
        let cat = successor();
        let old = [
            answer("OLD-001", Answer::Partial, "split me"),
            answer("OLD-002", Answer::Implemented, "merged a"),
            answer("OLD-003", Answer::NotImplemented, "merged b"),
            answer("OLD-004", Answer::Unknown, "retired"),
            answer("PRV-001", Answer::Implemented, "changed"),
        ];
        let u = upgrade(&cat, "1", &old);
        // Split: copied to both parts, marked for review.
        for id in ["AAA-001", "AAA-002"] {
            let r = find(&u, id);
            assert_eq!((r.answer, r.needs_review), (Some(Answer::Partial), true));
            assert_eq!(r.note, "split me");
        }
        // Merged: the weakest answer, both notes, marked for review.
        let m = find(&u, "AAA-003");
        assert_eq!(m.answer, Some(Answer::NotImplemented));
        assert!(m.note.contains("merged a") && m.note.contains("merged b"));
        assert!(m.needs_review);
        // Changed: kept, marked for review.
        let c = find(&u, "PRV-001");
        assert_eq!(
            (c.answer, c.needs_review),
            (Some(Answer::Implemented), true)
        );
        // Retired: kept aside with its reason, nothing dropped.
        assert_eq!(u.retired.len(), 1);
        assert_eq!(u.retired[0].question_id, "OLD-004");
        assert_eq!(u.retired[0].reason, "Asked elsewhere now.");
        assert_eq!(u.retired[0].catalog_version, "1");
        assert_eq!(u.responses.len(), 4);
    }

    #[test]
    fn kept_answers_are_not_marked_and_unknown_ids_are_kept_aside() {
        let mut cat = successor();
        cat.changes.changed.clear();
        let old = [
            answer("PRV-001", Answer::Implemented, ""),
            answer("ZZZ-999", Answer::Partial, "orphan"),
        ];
        let u = upgrade(&cat, "1", &old);
        assert!(!find(&u, "PRV-001").needs_review);
        assert_eq!(u.retired[0].question_id, "ZZZ-999");
        assert!(u.retired[0].reason.contains("no longer"));
    }

    #[test]
    fn an_unknown_older_version_keeps_what_still_exists_for_review() {
        let cat = successor();
        let u = upgrade(&cat, "0.9", &[answer("PRV-001", Answer::Implemented, "")]);
        assert!(find(&u, "PRV-001").needs_review);
    }

    #[test]
    fn merging_not_applicable_with_a_gap_keeps_the_gap() {
        let cat = successor();
        let old = [
            answer("OLD-002", Answer::NotApplicable, "n/a"),
            answer("OLD-003", Answer::Partial, ""),
        ];
        assert_eq!(
            find(&upgrade(&cat, "1", &old), "AAA-003").answer,
            Some(Answer::Partial)
        );
    }
}
