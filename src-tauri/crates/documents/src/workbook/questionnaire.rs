//! The questionnaire a consultant sends a client to fill in offline: an Instructions sheet and a
//! Questionnaire sheet, one row per in-scope question, where only the answer, justification and
//! notes cells can be edited. The same columns as CSV. The import (in the use cases) reads the
//! columns named here, so writer and reader agree by construction.

use super::sheet::{row_num, text};
use super::style::Styles;
use super::Result;
use crate::export::csv::CsvWriter;
use crate::report::ReportContext;
use rust_xlsxwriter::{DataValidation, DataValidationErrorStyle, ProtectionOptions, Workbook};
use trustgap_domain::assessment::{Answer, Response};
use trustgap_domain::catalog::Question;

/// The sheet the import reads.
pub const QUESTIONNAIRE_SHEET: &str = "Questionnaire";
/// The sheet of instructions, which also names the question bank the questions come from.
pub const INSTRUCTIONS_SHEET: &str = "Instructions";
/// The label, in the Instructions sheet's first column, of the question bank's version.
pub const BANK_VERSION_LABEL: &str = "Question bank version";

/// A column of the questionnaire, in sheet order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Id,
    Criteria,
    Question,
    Guidance,
    Answer,
    Justification,
    Notes,
}

pub const QUESTIONNAIRE_COLUMNS: [Column; 7] = [
    Column::Id,
    Column::Criteria,
    Column::Question,
    Column::Guidance,
    Column::Answer,
    Column::Justification,
    Column::Notes,
];

impl Column {
    /// The header cell, which is how the import finds the column.
    pub fn header(self) -> &'static str {
        match self {
            Column::Id => "Question ID",
            Column::Criteria => "Criteria",
            Column::Question => "Question",
            Column::Guidance => "Guidance",
            Column::Answer => "Answer",
            Column::Justification => "N/A justification",
            Column::Notes => "Notes",
        }
    }

    fn width(self) -> f64 {
        match self {
            Column::Id => 12.0,
            Column::Criteria => 14.0,
            Column::Question => 50.0,
            Column::Guidance => 60.0,
            Column::Answer => 22.0,
            Column::Justification | Column::Notes => 40.0,
        }
    }

    /// The client fills these in; the others are the bank's and stay locked.
    pub fn is_editable(self) -> bool {
        matches!(self, Column::Answer | Column::Justification | Column::Notes)
    }
}

/// A stored note as the two columns: a not-applicable answer's note is its justification.
pub fn split_note(answer: Option<Answer>, note: &str) -> (&str, &str) {
    if answer == Some(Answer::NotApplicable) {
        (note, "")
    } else {
        ("", note)
    }
}

/// The stored note from the two columns, the inverse of [`split_note`]: the justification, then
/// the notes after a blank line when both are filled in.
pub fn join_note(justification: &str, notes: &str) -> String {
    match (justification.trim().is_empty(), notes.trim().is_empty()) {
        (true, _) => notes.to_owned(),
        (false, true) => justification.to_owned(),
        (false, false) => format!("{justification}\n\n{notes}"),
    }
}

/// An answer from its label ("Partially implemented") or its code ("partial"), ignoring case
/// and surrounding spaces.
pub fn answer_from_label(raw: &str) -> Option<Answer> {
    let wanted = raw.trim();
    Answer::ALL.into_iter().find(|a| {
        a.label().eq_ignore_ascii_case(wanted)
            || a.as_str().eq_ignore_ascii_case(wanted)
            || (*a == Answer::Unknown && wanted.eq_ignore_ascii_case("Don’t know"))
    })
}

fn guidance(q: &Question) -> String {
    format!(
        "Why it matters: {}\n\nWhat good looks like: {}",
        q.why.trim(),
        q.good.trim()
    )
}

/// One row's cells in column order.
fn cells(q: &Question, response: Option<&Response>) -> [String; 7] {
    let answer = response.and_then(|r| r.answer);
    let (justification, notes) = split_note(answer, response.map_or("", |r| r.note.as_str()));
    [
        q.id.clone(),
        q.criteria.join("; "),
        q.text.clone(),
        guidance(q),
        answer.map(|a| a.label().to_owned()).unwrap_or_default(),
        justification.to_owned(),
        notes.to_owned(),
    ]
}

/// The questionnaire workbook (Instructions, Questionnaire), prefilled with the current answers.
pub fn questionnaire_workbook(ctx: &ReportContext<'_>) -> Result<Vec<u8>> {
    let mut book = super::new_book(ctx, "SOC 2 questionnaire");
    let styles = Styles::new();
    instructions_sheet(&mut book, ctx, &styles)?;
    let sheet = book.add_worksheet();
    sheet.set_name(QUESTIONNAIRE_SHEET)?;
    for (i, c) in QUESTIONNAIRE_COLUMNS.iter().enumerate() {
        let col = super::sheet::col_num(i);
        sheet.set_column_width(col, c.width())?;
        text(sheet, 0, col, c.header(), &styles.header)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    super::sheet::print_setup(sheet, true)?;
    let by_question = ctx.responses_by_question();
    let questions = ctx.questions();
    for (i, q) in questions.iter().enumerate() {
        let values = cells(q, by_question.get(q.id.as_str()).copied());
        super::sheet::fit_row(
            sheet,
            row_num(i + 1),
            QUESTIONNAIRE_COLUMNS
                .iter()
                .zip(&values)
                .map(|(c, v)| (v.as_str(), c.width())),
        )?;
        for (c, (column, value)) in QUESTIONNAIRE_COLUMNS.iter().zip(&values).enumerate() {
            let format = if column.is_editable() {
                &styles.unlocked
            } else {
                &styles.text
            };
            text(
                sheet,
                row_num(i + 1),
                super::sheet::col_num(c),
                value,
                format,
            )?;
        }
    }
    let last = row_num(questions.len());
    if !questions.is_empty() {
        let labels: Vec<&str> = Answer::ALL.iter().map(|a| a.label()).collect();
        let answers = DataValidation::new()
            .allow_list_strings(&labels)?
            .set_error_style(DataValidationErrorStyle::Stop)
            .set_error_title("Answer")?
            .set_error_message("Choose an answer from the list, or leave the cell empty.")?;
        let col = answer_col();
        sheet.add_data_validation(1, col, last, col, &answers)?;
    }
    sheet.autofilter(
        0,
        0,
        last,
        super::sheet::col_num(QUESTIONNAIRE_COLUMNS.len() - 1),
    )?;
    sheet.protect_with_options(&ProtectionOptions {
        format_columns: true,
        format_rows: true,
        use_autofilter: true,
        ..ProtectionOptions::default()
    });
    Ok(book.save_to_buffer()?)
}

fn answer_col() -> u16 {
    let i = QUESTIONNAIRE_COLUMNS
        .iter()
        .position(|c| *c == Column::Answer)
        .unwrap_or(4);
    super::sheet::col_num(i)
}

/// The same questionnaire as CSV (UTF-8 with BOM, formula-looking cells defused with `'`).
pub fn questionnaire_csv(ctx: &ReportContext<'_>) -> String {
    let header: Vec<&str> = QUESTIONNAIRE_COLUMNS.iter().map(|c| c.header()).collect();
    let mut w = CsvWriter::new(&header);
    let by_question = ctx.responses_by_question();
    for q in ctx.questions() {
        let values = cells(q, by_question.get(q.id.as_str()).copied());
        w.row(values.iter().map(String::as_str));
    }
    w.finish()
}

/// Width of the Instructions sheet's text column, in characters.
const INSTRUCTIONS_WIDTH: f64 = 90.0;

fn instructions_sheet(book: &mut Workbook, ctx: &ReportContext<'_>, styles: &Styles) -> Result<()> {
    let sheet = book.add_worksheet();
    sheet.set_name(INSTRUCTIONS_SHEET)?;
    sheet.set_column_width(0, 28)?;
    sheet.set_column_width(1, INSTRUCTIONS_WIDTH)?;
    text(sheet, 0, 0, "SOC 2 questionnaire", &styles.title)?;
    let answers: Vec<String> = Answer::ALL
        .iter()
        .map(|a| format!("{}: {}", a.label(), meaning(*a)))
        .collect();
    let rows: Vec<(&str, String)> = vec![
        ("For", format!("{} - {}", ctx.client, ctx.assessment)),
        (BANK_VERSION_LABEL, ctx.catalog_version.to_owned()),
        (
            "How to fill it in",
            "Open the Questionnaire sheet. For each question, pick an answer from the list in \
             the Answer column. Read the Guidance column first: it says why the question matters \
             and what a good answer looks like. Leave the answer empty if you are not sure who \
             should answer; the row is then left as it is."
                .to_owned(),
        ),
        ("The answers", answers.join("\n")),
        (
            "Not applicable",
            "If a question does not apply to you, choose \"Not applicable\" and say why in the \
             N/A justification column. An answer of not applicable without a reason cannot be \
             imported."
                .to_owned(),
        ),
        (
            "Notes",
            "Use the Notes column for anything the assessor should know: what you do today, \
             what is planned, where the evidence is."
                .to_owned(),
        ),
        (
            "What you cannot change",
            "The question ID, criteria, question and guidance columns are locked so every answer \
             stays matched to its question. Do not add, remove or rename sheets or columns; \
             filtering is fine."
                .to_owned(),
        ),
        (
            "Sending it back",
            "Save the file as it is (Excel workbook, .xlsx) and send it back to your assessor, \
             who imports it into Trustgap. Every row is checked first: if one cannot be read, \
             nothing is imported and you are told which rows to fix."
                .to_owned(),
        ),
    ];
    for (i, (label, value)) in rows.iter().enumerate() {
        let r = row_num(i + 2);
        text(sheet, r, 0, label, &styles.label)?;
        text(sheet, r, 1, value, &styles.text)?;
        super::sheet::fit_row(sheet, r, [(value.as_str(), INSTRUCTIONS_WIDTH)])?;
    }
    super::sheet::print_setup(sheet, false)
}

/// What an answer means, in the client's words.
fn meaning(a: Answer) -> &'static str {
    match a {
        Answer::Implemented => "this is in place today and you could show evidence of it.",
        Answer::Partial => {
            "some of it is in place, or it is done but not everywhere or not always."
        }
        Answer::NotImplemented => "this is not done today.",
        Answer::NotApplicable => "this does not apply to your company or system (say why).",
        Answer::Unknown => "you do not know; the assessor will follow up.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_parse_from_labels_and_codes() {
        for a in Answer::ALL {
            assert_eq!(answer_from_label(a.label()), Some(a));
            assert_eq!(answer_from_label(&a.as_str().to_uppercase()), Some(a));
        }
        assert_eq!(
            answer_from_label(" partially IMPLEMENTED "),
            Some(Answer::Partial)
        );
        assert_eq!(answer_from_label("Yes"), None);
        assert_eq!(answer_from_label(""), None);
    }

    #[test]
    fn a_not_applicable_note_is_its_justification() {
        assert_eq!(
            split_note(Some(Answer::NotApplicable), "No card data"),
            ("No card data", "")
        );
        assert_eq!(
            split_note(Some(Answer::Partial), "Half done"),
            ("", "Half done")
        );
        assert_eq!(split_note(None, ""), ("", ""));
        assert_eq!(join_note("No card data", ""), "No card data");
        assert_eq!(join_note("", "Half done"), "Half done");
        assert_eq!(join_note("Why", "More"), "Why\n\nMore");
        assert_eq!(join_note("  ", "More"), "More");
    }
}
