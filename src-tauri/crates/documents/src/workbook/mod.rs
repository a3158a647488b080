//! Excel workbooks: the assessment workbook a client or a CTO works in (gap register, plan,
//! answers, evidence requests) and the questionnaire a consultant sends out to be filled in offline and imported
//! back. Written with rust_xlsxwriter; every text cell is written as a string, never a formula,
//! and the file is stamped with the time passed in, so the same data gives the same bytes.

mod about;
mod answers;
mod gaps;
mod plan;
mod questionnaire;
mod requests;
pub(crate) mod sheet;
pub(crate) mod style;

pub use questionnaire::{
    answer_from_label, join_note, questionnaire_csv, questionnaire_workbook, split_note, Column,
    BANK_VERSION_LABEL, INSTRUCTIONS_SHEET, QUESTIONNAIRE_COLUMNS, QUESTIONNAIRE_SHEET,
};

use crate::report::ReportContext;
use rust_xlsxwriter::{DocProperties, Workbook};

/// A workbook could not be written (a limit of the format, never the user's data as such).
#[derive(Debug, thiserror::Error)]
#[error("The workbook could not be written: {0}")]
pub struct WorkbookError(#[from] rust_xlsxwriter::XlsxError);

pub type Result<T> = std::result::Result<T, WorkbookError>;

/// The assessment workbook: an About sheet, the gap register, the plan, every answer and the
/// evidence an auditor will request for each control in scope.
pub fn assessment_workbook(ctx: &ReportContext<'_>) -> Result<Vec<u8>> {
    let mut book = new_book(ctx, "SOC 2 assessment workbook");
    let styles = style::Styles::new();
    about::about_sheet(&mut book, ctx, &styles)?;
    gaps::gap_sheet(&mut book, ctx, &styles)?;
    plan::plan_sheet(&mut book, ctx, &styles)?;
    answers::answers_sheet(&mut book, ctx, &styles)?;
    requests::requests_sheet(&mut book, ctx, &styles)?;
    Ok(book.save_to_buffer()?)
}

/// A workbook with its document properties, created at the context's time stamp (rust_xlsxwriter
/// would otherwise stamp the current time, and two exports would differ).
fn new_book(ctx: &ReportContext<'_>, title: &str) -> Workbook {
    let mut book = Workbook::new();
    let properties = DocProperties::new()
        .set_title(format!("{title}: {} - {}", ctx.client, ctx.assessment))
        .set_company(ctx.client)
        .set_author("Trustgap")
        .set_custom_property("Question bank version", ctx.catalog_version)
        .set_creation_datetime(&ctx.generated_at);
    book.set_properties(&properties);
    book
}
