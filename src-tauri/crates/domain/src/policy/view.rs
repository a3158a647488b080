//! The policy as the app shows it: today's generated text merged with the user's edits and the
//! approved (frozen) version, with its planned clauses and the contradictions between what it
//! states and what the answers say today.

use super::diff::line_diff;
use super::facts::Facts;
use super::generate::{is_planned_paragraph, DocFields};
use super::markup;
use super::model::PolicyView;
use super::model::{
    ClauseState, Contradiction, FrozenSection, GeneratedClause, GeneratedPolicy, GeneratedSection,
    PlannedClause, PolicyLibrary, PolicyRecord, PolicyStatus, SectionEdit, SectionView,
};
use crate::people::Person;
use std::collections::BTreeSet;

/// A person's name, or the role marked as not yet named.
pub fn person_or_role(people: &[Person], id: Option<i64>, role: &str) -> String {
    named(people, id).map_or_else(|| format!("{role} (not yet named)"), str::to_owned)
}

fn named(people: &[Person], id: Option<i64>) -> Option<&str> {
    let id = id?;
    people.iter().find(|p| p.id == id).map(|p| p.name.as_str())
}

/// What `{{owner}}`, `{{version}}` and the dates in a policy's text read, from its record.
pub fn doc_fields(
    owner_role: &str,
    approver_role: &str,
    record: &PolicyRecord,
    people: &[Person],
) -> DocFields {
    DocFields {
        owner: named(people, record.owner).unwrap_or(owner_role).to_owned(),
        approver: named(people, record.approver)
            .unwrap_or(approver_role)
            .to_owned(),
        version: record.version,
        effective_date: record.approved_on,
        next_review: record.next_review,
    }
}

/// Text compared for statements: planned paragraphs dropped, markers removed, whitespace
/// collapsed, lower case.
fn statements(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let stated: Vec<&str> = text
        .split("\n\n")
        .filter(|p| !is_planned_paragraph(p))
        .collect();
    normalised(&markup::plain(&stated.join("\n\n")))
}

/// Whitespace collapsed to single spaces, lower case.
pub fn normalised(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The facts whose in-place clause text `text` states (outside planned paragraphs).
pub fn stated_facts(text: &str, clauses: &[GeneratedClause]) -> Vec<String> {
    let stated = statements(text);
    clauses
        .iter()
        .filter(|c| {
            let clause = normalised(&markup::plain(&c.text));
            !clause.is_empty() && stated.contains(&clause)
        })
        .map(|c| c.fact.clone())
        .collect()
}

fn edit_of<'r>(record: &'r PolicyRecord, section: &str) -> Option<&'r SectionEdit> {
    record.edits.iter().find(|e| e.section_id == section)
}

/// What the policy would say now, unfrozen: each section's edit, else its generated text,
/// with the facts it states. This is what approving freezes.
pub fn current_sections(g: &GeneratedPolicy, record: &PolicyRecord) -> Vec<FrozenSection> {
    g.sections
        .iter()
        .map(|s| {
            let text = edit_of(record, &s.id).map_or(&s.text, |e| &e.text).clone();
            FrozenSection {
                id: s.id.clone(),
                title: s.title.clone(),
                criteria: s.criteria.clone(),
                stated_facts: stated_facts(&text, &s.clauses),
                text,
            }
        })
        .collect()
}

/// The frozen sections of the approved version, when the policy is approved.
pub fn frozen_sections(record: &PolicyRecord) -> Option<&[FrozenSection]> {
    if record.status != PolicyStatus::Approved {
        return None;
    }
    record
        .revisions
        .iter()
        .find(|r| r.version == record.version && r.status == PolicyStatus::Approved)
        .and_then(|r| r.sections.as_deref())
}

fn section_view(
    record: &PolicyRecord,
    id: &str,
    title: &str,
    criteria: &[String],
    text: Option<&str>,
    g: Option<&GeneratedSection>,
) -> SectionView {
    let generated = g.map_or("", |s| s.text.as_str());
    let edit = edit_of(record, id);
    let template_changed = edit.is_some_and(|e| g.is_some() && e.base != generated);
    SectionView {
        id: id.to_owned(),
        title: title.to_owned(),
        criteria: criteria.to_vec(),
        text: text
            .or(edit.map(|e| e.text.as_str()))
            .unwrap_or(generated)
            .to_owned(),
        generated: generated.to_owned(),
        edited: edit.is_some(),
        template_changed,
        diff: match edit {
            Some(e) if template_changed => line_diff(&e.base, generated),
            _ => Vec::new(),
        },
        clauses: g.map(|s| s.clauses.clone()).unwrap_or_default(),
    }
}

/// Merges one generated policy with its record and the client's people.
pub fn policy_view(
    library: &PolicyLibrary,
    g: &GeneratedPolicy,
    record: &PolicyRecord,
    people: &[Person],
    facts: &Facts,
) -> PolicyView {
    let generated = |id: &str| g.sections.iter().find(|s| s.id == id);
    let frozen = frozen_sections(record);
    let sections: Vec<SectionView> = match frozen {
        Some(fs) => fs
            .iter()
            .map(|f| {
                section_view(
                    record,
                    &f.id,
                    &f.title,
                    &f.criteria,
                    Some(&f.text),
                    generated(&f.id),
                )
            })
            .collect(),
        None => g
            .sections
            .iter()
            .map(|s| section_view(record, &s.id, &s.title, &s.criteria, None, Some(s)))
            .collect(),
    };
    let changed_since_approval = frozen.is_some_and(|fs| {
        let now = current_sections(g, record);
        now.len() != fs.len()
            || now
                .iter()
                .zip(fs)
                .any(|(n, f)| n.id != f.id || n.text != f.text)
    });
    let planned = sections
        .iter()
        .flat_map(|s| s.clauses.iter().map(move |c| (s, c)))
        .filter_map(|(s, c)| match &c.state {
            ClauseState::InPlace => None,
            ClauseState::Planned {
                questions,
                action_key,
                action_title,
                due,
            } => Some(PlannedClause {
                section_id: s.id.clone(),
                section_title: s.title.clone(),
                fact: c.fact.clone(),
                text: c.text.clone(),
                questions: questions.clone(),
                action_key: action_key.clone(),
                action_title: action_title.clone(),
                due: *due,
            }),
        })
        .collect();
    let contradictions = contradictions(library, g, &sections, frozen, facts);
    PolicyView {
        id: g.id.clone(),
        title: g.title.clone(),
        summary: g.summary.clone(),
        status: record.status,
        version: record.version,
        version_in_force: record.version_in_force(),
        owner: record.owner,
        owner_name: person_or_role(people, record.owner, &g.owner_role),
        approver: record.approver,
        approver_name: person_or_role(people, record.approver, &g.approver_role),
        approved_on: record.approved_on,
        next_review: record.next_review,
        review_months: g.review_months,
        criteria: g.criteria.clone(),
        sections,
        planned,
        contradictions,
        frozen: frozen.is_some(),
        changed_since_approval,
        revisions: record.revisions.clone(),
    }
}

/// Statements in the policy's current text (approved or edited) of facts the answers deny
/// today, and facts an approved version states that are denied today.
fn contradictions(
    library: &PolicyLibrary,
    g: &GeneratedPolicy,
    sections: &[SectionView],
    frozen: Option<&[FrozenSection]>,
    facts: &Facts,
) -> Vec<Contradiction> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    let mut push = |section: &SectionView, fact: &str, text: &str| {
        let Some(questions) = facts.denied(fact) else {
            return;
        };
        if seen.insert((section.id.clone(), fact.to_owned())) {
            out.push(Contradiction {
                policy_id: g.id.clone(),
                policy_title: g.title.clone(),
                section_id: section.id.clone(),
                section_title: section.title.clone(),
                fact: fact.to_owned(),
                text: text.to_owned(),
                questions: questions.to_vec(),
            });
        }
    };
    for s in sections {
        let denied: Vec<GeneratedClause> = s
            .clauses
            .iter()
            .filter(|c| facts.denied(&c.fact).is_some())
            .cloned()
            .collect();
        for fact in stated_facts(&s.text, &denied) {
            let text = denied
                .iter()
                .find(|c| c.fact == fact)
                .map_or("", |c| c.text.as_str());
            push(s, &fact, text);
        }
    }
    for f in frozen.unwrap_or_default() {
        let Some(s) = sections.iter().find(|s| s.id == f.id) else {
            continue;
        };
        for fact in &f.stated_facts {
            let text = s
                .clauses
                .iter()
                .find(|c| &c.fact == fact)
                .map(|c| c.text.clone())
                .or_else(|| library.fact(fact).map(|x| x.statement.clone()))
                .unwrap_or_default();
            push(s, fact, &text);
        }
    }
    out
}
