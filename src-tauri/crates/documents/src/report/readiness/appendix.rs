//! Appendices: every answer in one table (for the auditor's file) and a glossary of the terms
//! the report uses, on the document model.

use crate::doc::{Block, Cell, Column, Row, Table, Text, Tone};
use crate::report::context::ReportContext;
use crate::report::theme::answer_tone;
use trustgap_domain::assessment::Response;

pub(super) fn all_answers(ctx: &ReportContext<'_>, letter: &str) -> Vec<Block> {
    let responses = ctx.responses_by_question();
    let rows = ctx
        .questions()
        .into_iter()
        .map(|q| {
            let r = responses.get(q.id.as_str()).copied();
            let note = r.map_or("", |r| r.note.trim());
            let (label, tone) = answer_tone(r.and_then(|r| r.answer));
            let question = if note.is_empty() {
                Cell::from(q.text.clone())
            } else {
                Cell::from(q.text.clone()).with(format!("Note: {note}"))
            };
            Row {
                cells: vec![
                    Cell::strong(q.id.clone()),
                    Cell::from(q.criteria.join("\n")),
                    question,
                    Cell::chip(label, tone),
                    basis_cell(r),
                ],
                tone: None,
            }
        })
        .collect();
    vec![
        Block::chapter(format!("Appendix {letter}"), "All answers"),
        Block::Note(Text::plain(
            "Every question in scope with the answer and note recorded, in question bank order. \
             Verified: the assessor checked the answer against evidence; self-reported: taken as \
             given.",
        )),
        Block::Spacer(6.0),
        Block::Table(Table {
            columns: vec![
                Column::new("ID", 1.2),
                Column::new("Criteria", 1.0),
                Column::new("Question and note", 4.75),
                Column::new("Answer", 1.55),
                Column::new("Basis", 1.4),
            ],
            rows,
        }),
    ]
}

/// The basis alone, as a table cell: verified in green, self-reported muted, a dash when
/// unanswered.
fn basis_cell(r: Option<&Response>) -> Cell {
    match super::matrix::basis(r) {
        Some(b @ "Verified") => Cell::toned(b, Tone::Good, true),
        Some(b) => Cell::toned(b, Tone::Muted, false),
        None => Cell::toned("\u{2014}", Tone::Muted, false),
    }
}

/// Terms a reader new to SOC 2 meets in this report.
pub const GLOSSARY: &[(&str, &str)] = &[
    (
        "SOC 2",
        "An independent auditor's report on a service company's controls, against the AICPA's \
         Trust Services Criteria. Customers ask for it to trust a supplier with their data.",
    ),
    (
        "Type I",
        "A SOC 2 report on whether controls are suitably designed and in place on one date.",
    ),
    (
        "Type II",
        "A SOC 2 report on whether controls operated effectively throughout an observation \
         period, usually three to twelve months.",
    ),
    (
        "Observation period",
        "The months a Type II auditor examines; controls must operate from its first day.",
    ),
    (
        "Trust Services Categories",
        "Security (always included), Availability, Processing Integrity, Confidentiality and \
         Privacy.",
    ),
    (
        "Criterion",
        "One requirement of the Trust Services Criteria, such as CC6.1 (logical access). \
         Criteria are grouped, for example CC6 for logical and physical access.",
    ),
    (
        "Control",
        "Something the company does routinely to meet a criterion, such as reviewing who has \
         access every quarter.",
    ),
    (
        "Verified / self-reported",
        "Whether the assessor checked an answer against evidence (verified) or took it as \
         given (self-reported). The auditor tests every control again either way.",
    ),
    (
        "Subservice organisation",
        "An outside provider, such as the cloud provider, whose services are part of the \
         system and whose controls the company relies on. See About the audit.",
    ),
    (
        "Evidence",
        "A record that shows a control exists and operates: a policy, a ticket, a log, a \
         screenshot, signed minutes. Auditors test controls through evidence.",
    ),
    (
        "Gap",
        "A question answered as partially implemented, not implemented or don't know: a \
         control the auditor will not find, or not in full.",
    ),
    (
        "Severity",
        "How much a gap matters: high for a critical control (weight 4–5) that is missing or \
         unknown, medium or low otherwise.",
    ),
    (
        "Weight",
        "How critical a question's control is, from 1 (minor) to 5 (an audit exception is \
         certain without it).",
    ),
    (
        "N/A (not applicable)",
        "A control that does not apply to the company, such as office security for a fully \
         remote team. It needs a written justification and is left out of the score.",
    ),
    (
        "Exception",
        "An auditor's finding that a control was missing or did not operate as described; it \
         appears in the SOC 2 report.",
    ),
    (
        "Readiness deadline",
        "The date by which every action must be done: two weeks before a Type I audit, or the \
         day before a Type II observation period starts.",
    ),
    (
        "Remediation action",
        "One piece of work that closes one or more gaps, with an owner, a priority (P1 first) \
         and an effort size from XS (a day) to XL (six weeks or more).",
    ),
];

pub(super) fn glossary(letter: &str) -> Vec<Block> {
    let rows = GLOSSARY
        .iter()
        .map(|(term, meaning)| Row {
            cells: vec![Cell::strong(*term), Cell::from(*meaning)],
            tone: None,
        })
        .collect();
    vec![
        Block::chapter(format!("Appendix {letter}"), "Glossary"),
        Block::Table(Table {
            columns: vec![Column::new("Term", 1.6), Column::new("Meaning", 5.0)],
            rows,
        }),
    ]
}
