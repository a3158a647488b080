//! Appendix: the control matrix: every criterion in scope, the controls (questions) listed under
//! their main criterion, the answer, whether the assessor verified it against evidence, and the
//! evidence recorded.

use crate::report::context::ReportContext;
use crate::report::flow::Flow;
use crate::report::fonts::Weight;
use crate::report::layout::Style;
use crate::report::table::{Cell, Column, Table};
use crate::report::theme::{
    answer_chip, clip, plural, style, BRAND, CELL_BOLD, CELL_MUTED, GOOD, INK, SMALL,
};
use crate::report::ReportError;
use std::collections::HashMap;
use trustgap_domain::assessment::EvidenceRef;
use trustgap_domain::assessment::{Response, Scope};
use trustgap_domain::catalog::Question;
use trustgap_domain::evidence_requests::listed_under;

const VERIFIED: Style = style(8.0, Weight::Bold, GOOD);
/// The control's text, a little smaller than body cells so a matrix row stays short.
pub(super) const CONTROL: Style = style(8.0, Weight::Regular, INK);
/// A criterion's topic, above its first control.
const TOPIC: Style = style(7.5, Weight::Bold, BRAND);

/// How an answer is held: "Verified" (checked against evidence) or "Self-reported".
pub(super) fn basis(r: Option<&Response>) -> Option<&'static str> {
    match r {
        Some(r) if r.answer.is_some() && r.verified => Some("Verified"),
        Some(r) if r.answer.is_some() => Some("Self-reported"),
        _ => None,
    }
}

/// The answer and how it is held, in one cell: the answer in its colour, then "Verified" (in
/// green) or "Self-reported" under it.
pub(super) fn answer_cell(r: Option<&Response>) -> Cell {
    let answer = r.and_then(|r| r.answer);
    let (_, color) = answer_chip(answer);
    let label = answer.map_or("Not answered", |a| a.label());
    let mut parts = vec![(label.to_owned(), style(8.0, Weight::Bold, color))];
    match basis(r) {
        Some(b @ "Verified") => parts.push((b.to_owned(), VERIFIED)),
        Some(b) => parts.push((b.to_owned(), CELL_MUTED)),
        None => {}
    }
    Cell::Text(parts)
}

/// The evidence recorded on an answer, in a line: "None recorded" or the references.
pub(super) fn evidence_summary(r: Option<&Response>) -> String {
    let refs: Vec<String> = r
        .map(|r| r.evidence.as_slice())
        .unwrap_or_default()
        .iter()
        .map(EvidenceRef::display)
        .collect();
    if refs.is_empty() {
        "None recorded".to_owned()
    } else {
        clip(
            &format!(
                "{}: {}",
                plural(refs.len(), "reference", "references"),
                refs.join("; ")
            ),
            120,
        )
    }
}

pub(super) fn control_matrix(
    flow: &mut Flow,
    ctx: &ReportContext<'_>,
    letter: &str,
) -> Result<(), ReportError> {
    flow.chapter(&format!("Appendix {letter}"), "Control matrix")?;
    let responses = ctx.responses_by_question();
    let questions = ctx.questions();
    let answered = questions
        .iter()
        .filter_map(|q| responses.get(q.id.as_str()))
        .filter(|r| r.answer.is_some());
    let (verified, total) = answered.fold((0, 0), |(v, n), r| (v + usize::from(r.verified), n + 1));
    flow.paragraph(
        SMALL,
        &format!(
            "Every criterion in scope with the controls that address it, each listed once under \
             its main criterion (other criteria it supports are named under it). Verified: the \
             assessor checked the answer against evidence; self-reported: taken as given. Of \
             the {} recorded, {verified} {} verified. Evidence is what was recorded on the \
             answer, not yet the auditor's samples.",
            plural(total, "answer", "answers"),
            if verified == 1 { "is" } else { "are" }
        ),
    )?;
    flow.space(6.0);
    flow.table(&matrix_table(ctx, &questions, &responses))?;
    Ok(())
}

fn matrix_table(
    ctx: &ReportContext<'_>,
    questions: &[&Question],
    responses: &HashMap<&str, &Response>,
) -> Table {
    // Each control under its main criterion in scope (as the evidence requests list it).
    let scope = Scope::new(ctx.scope);
    let mut by_primary: HashMap<&str, Vec<&Question>> = HashMap::new();
    for q in questions {
        by_primary
            .entry(listed_under(ctx.catalog, &scope, q))
            .or_default()
            .push(q);
    }
    // Widths in points of the 483 pt text block.
    let mut t = Table::new(vec![
        Column::new("Criterion", 56.0),
        Column::new("ID", 62.0),
        Column::new("Control", 219.0),
        Column::new("Answer", 72.0),
        Column::new("Evidence recorded", 74.0),
    ]);
    t.zebra = false;
    t.carry = Some(0);
    for crit in &ctx.card.criteria {
        let head = || Cell::styled(crit.criterion.clone(), CELL_BOLD);
        let topic = (clip(&crit.topic, 90), TOPIC);
        let Some(own) = by_primary.get(crit.criterion.as_str()) else {
            let others = super::supporting(questions, &crit.criterion);
            let text = if others.is_empty() {
                "No control in this assessment's scope addresses this criterion.".to_owned()
            } else {
                format!(
                    "Addressed by {}, listed under their main criterion.",
                    others.join(", ")
                )
            };
            t.row(vec![
                head(),
                Cell::text(""),
                Cell::Text(vec![topic, (text, CELL_MUTED)]),
                Cell::text(""),
                Cell::text(""),
            ]);
            continue;
        };
        for (i, q) in own.iter().enumerate() {
            let r = responses.get(q.id.as_str()).copied();
            let mut control = Vec::new();
            if i == 0 {
                control.push(topic.clone());
            }
            control.push((q.text.clone(), CONTROL));
            let here = listed_under(ctx.catalog, &scope, q);
            let also: Vec<&str> = q
                .criteria
                .iter()
                .map(String::as_str)
                .filter(|c| *c != here)
                .collect();
            if !also.is_empty() {
                control.push((format!("Also {}", also.join(", ")), CELL_MUTED));
            }
            let evidence = evidence_summary(r);
            t.row(vec![
                if i == 0 { head() } else { Cell::text("") },
                Cell::styled(q.id.clone(), CELL_BOLD),
                Cell::Text(control),
                answer_cell(r),
                if evidence == "None recorded" {
                    Cell::styled(evidence, CELL_MUTED)
                } else {
                    Cell::text(evidence)
                },
            ]);
        }
    }
    t
}
