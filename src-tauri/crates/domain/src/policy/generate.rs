//! Writes each policy of the pack from the assessment: the filled body of every section, then
//! one paragraph per clause whose fact is decidable, in place when the fact holds and marked
//! planned (with the plan action that will make it true) when the answers deny it.

use super::facts::{FactState, Facts};
use super::fill::{fill, FillContext};
use super::model::{
    ClauseState, GeneratedClause, GeneratedPolicy, GeneratedSection, PolicyLibrary, PolicyTemplate,
    SectionTemplate,
};
use crate::catalog::{Catalog, CategoryId};
use crate::people::Person;
use crate::plan::Action;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// Everything generation reads from the assessment.
#[derive(Debug, Clone, Copy)]
pub struct GenerateInput<'a> {
    pub library: &'a PolicyLibrary,
    pub catalog: &'a Catalog,
    pub scope: &'a [CategoryId],
    pub facts: &'a Facts,
    /// The current plan's actions.
    pub actions: &'a [Action],
    /// The client's name.
    pub company: &'a str,
    pub system: &'a str,
    pub people: &'a [Person],
    /// Every parameter's value as it applies (see `suggest::resolved`).
    pub parameters: &'a BTreeMap<String, String>,
}

/// The policy's own document fields its text may quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocFields {
    pub owner: String,
    pub approver: String,
    pub version: u32,
    pub effective_date: Option<NaiveDate>,
    pub next_review: Option<NaiveDate>,
}

/// Written in place of `{{system}}` when the profile names no system.
pub const UNNAMED_SYSTEM: &str = "our service";

/// The policy belongs in the pack: one of its categories is in scope.
pub fn in_pack(t: &PolicyTemplate, scope: &[CategoryId]) -> bool {
    t.categories.iter().any(|c| scope.contains(c))
}

/// The templates of the pack, in order.
pub fn pack<'l>(
    library: &'l PolicyLibrary,
    scope: &'l [CategoryId],
) -> impl Iterator<Item = &'l PolicyTemplate> + 'l {
    library.policies.iter().filter(move |t| in_pack(t, scope))
}

/// The `*Planned:*` paragraph of a clause the answers deny.
pub fn planned_paragraph(text: &str, state: &ClauseState) -> String {
    match state {
        ClauseState::InPlace => text.to_owned(),
        ClauseState::Planned {
            action_title: Some(title),
            due: Some(due),
            ..
        } => format!(
            "*Planned:* {text} (plan action \"{title}\", due {})",
            due.format("%Y-%m-%d")
        ),
        ClauseState::Planned { .. } => format!("*Planned:* {text} (not yet in the plan)"),
    }
}

/// Whether a paragraph of policy text is a planned clause rather than a statement of practice.
pub fn is_planned_paragraph(paragraph: &str) -> bool {
    paragraph.trim_start().starts_with("*Planned:*")
}

/// One policy as the templates write it today.
pub fn generate_policy(
    input: &GenerateInput,
    t: &PolicyTemplate,
    doc: &DocFields,
) -> GeneratedPolicy {
    let system = if input.system.trim().is_empty() {
        UNNAMED_SYSTEM
    } else {
        input.system.trim()
    };
    let ctx = FillContext {
        company: input.company,
        system,
        owner: &doc.owner,
        approver: &doc.approver,
        version: doc.version,
        effective_date: doc.effective_date,
        next_review: doc.next_review,
        people: input.people,
        parameters: input.parameters,
    };
    let sections: Vec<GeneratedSection> = t
        .sections
        .iter()
        .filter_map(|s| section(input, &ctx, s))
        .collect();
    let mut criteria: Vec<String> = sections.iter().flat_map(|s| s.criteria.clone()).collect();
    sort_in_bank_order(input.catalog, &mut criteria);
    GeneratedPolicy {
        id: t.id.clone(),
        title: t.title.clone(),
        summary: fill(&t.summary, &ctx),
        owner_role: t.owner_role.clone(),
        approver_role: t.approver_role.clone(),
        review_months: t.review_months,
        criteria,
        sections,
    }
}

/// A section is left out when it cites criteria and none of them is in scope.
fn section(
    input: &GenerateInput,
    ctx: &FillContext,
    s: &SectionTemplate,
) -> Option<GeneratedSection> {
    let mut criteria: Vec<String> = s
        .criteria
        .iter()
        .filter(|c| {
            input
                .catalog
                .criterion(c)
                .is_some_and(|c| input.scope.contains(&c.category))
        })
        .cloned()
        .collect();
    if criteria.is_empty() && !s.criteria.is_empty() {
        return None;
    }
    sort_in_bank_order(input.catalog, &mut criteria);
    let clauses: Vec<GeneratedClause> = s
        .clauses
        .iter()
        .filter_map(|c| {
            let state = match input.facts.state(&c.fact) {
                FactState::Undecidable => return None,
                FactState::Holds => ClauseState::InPlace,
                FactState::Denied(questions) => planned(input.actions, questions),
            };
            Some(GeneratedClause {
                fact: c.fact.clone(),
                text: fill(c.text.trim(), ctx),
                state,
            })
        })
        .collect();
    let mut paragraphs = vec![fill(s.body.trim(), ctx)];
    paragraphs.extend(clauses.iter().map(|c| planned_paragraph(&c.text, &c.state)));
    Some(GeneratedSection {
        id: s.id.clone(),
        title: s.title.clone(),
        criteria,
        text: paragraphs.join("\n\n"),
        clauses,
    })
}

/// The plan action that closes one of the denied questions, earliest due first.
fn planned(actions: &[Action], questions: &[String]) -> ClauseState {
    let action = actions
        .iter()
        .filter(|a| a.questions.iter().any(|q| questions.contains(q)))
        .min_by_key(|a| (a.due, a.key.clone()));
    ClauseState::Planned {
        questions: questions.to_vec(),
        action_key: action.map(|a| a.key.clone()),
        action_title: action.map(|a| a.title.clone()),
        due: action.map(|a| a.due),
    }
}

fn sort_in_bank_order(catalog: &Catalog, ids: &mut Vec<String>) {
    let rank = |id: &String| catalog.criteria.iter().position(|c| &c.id == id);
    ids.sort_by_key(rank);
    ids.dedup();
}
