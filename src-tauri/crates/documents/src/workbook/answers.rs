//! The answers sheet: every in-scope question in bank order, with its answer, the justification
//! of a not-applicable answer, notes, owner, whether it was verified, and its evidence.

use super::questionnaire::split_note;
use super::sheet::{filter, row, table, Cell, Col};
use super::style::Styles;
use super::Result;
use crate::report::ReportContext;
use rust_xlsxwriter::Workbook;
use trustgap_domain::assessment::EvidenceRef;

const COLS: [Col; 9] = [
    Col("Question ID", 12.0),
    Col("Criteria", 14.0),
    Col("Question", 50.0),
    Col("Answer", 18.0),
    Col("N/A justification", 36.0),
    Col("Notes", 36.0),
    Col("Owner", 22.0),
    Col("Verified", 9.0),
    Col("Evidence", 40.0),
];

/// What the answer column says of a question nobody has answered yet.
pub const NOT_ANSWERED: &str = "Not answered";

pub fn answers_sheet(book: &mut Workbook, ctx: &ReportContext<'_>, styles: &Styles) -> Result<()> {
    let sheet = table(book, "Answers", &COLS, styles)?;
    let by_question = ctx.responses_by_question();
    let questions = ctx.questions();
    for (i, q) in questions.iter().enumerate() {
        let response = by_question.get(q.id.as_str());
        let answer = response.and_then(|r| r.answer);
        let note = response.map_or("", |r| r.note.as_str());
        let (justification, notes) = split_note(answer, note);
        let owner = response
            .and_then(|r| r.owner.as_ref())
            .map(|o| ctx.owner_name(o))
            .unwrap_or_default();
        let verified = match response {
            Some(r) if r.verified => "Yes",
            Some(r) if r.answer.is_some() => "No",
            _ => "",
        };
        let evidence = response
            .map(|r| {
                r.evidence
                    .iter()
                    .map(EvidenceRef::display)
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .unwrap_or_default();
        let criteria = q.criteria.join("; ");
        row(
            sheet,
            i + 1,
            &[
                Cell::Text(&q.id),
                Cell::Text(&criteria),
                Cell::Text(&q.text),
                Cell::Text(answer.map_or(NOT_ANSWERED, |a| a.label())),
                Cell::Text(justification),
                Cell::Text(notes),
                Cell::Text(&owner),
                Cell::Text(verified),
                Cell::Text(&evidence),
            ],
            &COLS,
            styles,
        )?;
    }
    filter(sheet, questions.len(), COLS.len())
}
