//! Appendix: the control matrix: every criterion in scope, the controls (questions) listed under
//! their main criterion, the answer, whether the assessor verified it against evidence, and the
//! evidence recorded, on the document model.

use crate::doc::{Block, Cell, Column, Row, Table, Text, Tone};
use crate::report::context::ReportContext;
use crate::report::theme::{answer_tone, clip, plural};
use std::collections::HashMap;
use trustgap_domain::assessment::EvidenceRef;
use trustgap_domain::assessment::{Response, Scope};
use trustgap_domain::catalog::Question;
use trustgap_domain::evidence::EvidenceStatus;
use trustgap_domain::evidence_requests::listed_under;

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
fn answer_cell(r: Option<&Response>) -> Cell {
    let answer = r.and_then(|r| r.answer);
    let (_, tone) = answer_tone(answer);
    let label = answer.map_or("Not answered", |a| a.label());
    let cell = Cell::toned(label, tone, true);
    match basis(r) {
        Some(b @ "Verified") => cell.with(b).marked(Tone::Good),
        Some(b) => cell.with(b),
        None => cell,
    }
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

/// The evidence cell: what the locker holds (files on file, or expired, in their colour), then
/// the references recorded on the answer.
fn evidence_cell(ctx: &ReportContext<'_>, question: &str, r: Option<&Response>) -> Cell {
    let recorded = evidence_summary(r);
    let locker = match ctx.locker.get(question) {
        Some(e) if e.status == EvidenceStatus::Expired => Cell::toned(
            format!("Expired ({})", plural(e.files as usize, "file", "files")),
            Tone::Critical,
            true,
        ),
        Some(e) => Cell::toned(
            format!("{} on file", plural(e.files as usize, "file", "files")),
            Tone::Good,
            true,
        ),
        None => Cell::default().with("No file yet"),
    };
    if recorded == "None recorded" {
        locker
    } else {
        locker.with(recorded)
    }
}

pub(super) fn control_matrix(ctx: &ReportContext<'_>, letter: &str) -> Vec<Block> {
    let responses = ctx.responses_by_question();
    let questions = ctx.questions();
    let answered = questions
        .iter()
        .filter_map(|q| responses.get(q.id.as_str()))
        .filter(|r| r.answer.is_some());
    let (verified, total) = answered.fold((0, 0), |(v, n), r| (v + usize::from(r.verified), n + 1));
    vec![
        Block::chapter(format!("Appendix {letter}"), "Control matrix"),
        Block::Note(Text::plain(format!(
            "Every criterion in scope with the controls that address it, each listed once under \
             its main criterion (other criteria it supports are named under it). Verified: the \
             assessor checked the answer against evidence; self-reported: taken as given. Of \
             the {} recorded, {verified} {} verified. Evidence: the files in the evidence \
             locker for the control (expired ones count as a gap), then the references \
             recorded on the answer; not yet the auditor's samples.",
            plural(total, "answer", "answers"),
            if verified == 1 { "is" } else { "are" }
        ))),
        Block::Spacer(6.0),
        Block::Table(matrix_table(ctx, &questions, &responses)),
    ]
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
    let mut rows = Vec::new();
    let mut row = |cells| rows.push(Row::new(cells));
    for crit in &ctx.card.criteria {
        let head = || Cell::strong(crit.criterion.clone());
        let topic = clip(&crit.topic, 90);
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
            row(vec![
                head(),
                Cell::from(""),
                Cell::default().topic(topic).with(text),
                Cell::from(""),
                Cell::from(""),
            ]);
            continue;
        };
        for (i, q) in own.iter().enumerate() {
            let r = responses.get(q.id.as_str()).copied();
            let mut control = Cell::from(q.text.clone());
            if i == 0 {
                control = control.topic(topic.clone());
            }
            let also = super::also_supports(ctx, &scope, q);
            if !also.is_empty() {
                control = control.with(format!("Also {}", also.join(", ")));
            }
            row(vec![
                if i == 0 { head() } else { Cell::from("") },
                Cell::strong(q.id.clone()),
                control,
                answer_cell(r),
                evidence_cell(ctx, &q.id, r),
            ]);
        }
    }
    // Widths in points of the 483 pt text block.
    Table {
        columns: vec![
            Column::new("Criterion", 56.0).grouped(),
            Column::new("ID", 62.0),
            Column::new("Control", 209.0),
            Column::new("Answer", 82.0),
            Column::new("Evidence", 74.0),
        ],
        rows,
    }
}
