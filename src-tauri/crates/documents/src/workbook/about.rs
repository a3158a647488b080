//! The About sheet: which client and assessment the workbook is, when it was made, and from
//! which question bank.

use super::sheet::{fit_row, print_setup, text};
use super::style::Styles;
use super::Result;
use crate::report::ReportContext;
use rust_xlsxwriter::Workbook;

/// Width of the values' column, in characters.
const VALUE_WIDTH: f64 = 70.0;

pub fn about_sheet(book: &mut Workbook, ctx: &ReportContext<'_>, styles: &Styles) -> Result<()> {
    let sheet = book.add_worksheet();
    sheet.set_name("About")?;
    sheet.set_column_width(0, 24)?;
    sheet.set_column_width(1, VALUE_WIDTH)?;
    text(sheet, 0, 0, "SOC 2 assessment workbook", &styles.title)?;
    let generated = ctx.generated_at.format("%Y-%m-%d %H:%M UTC").to_string();
    let plan_date = ctx.plan.plan_date.format("%Y-%m-%d").to_string();
    let rows: [(&str, &str); 7] = [
        ("Client", ctx.client),
        ("Assessment", ctx.assessment),
        ("Scope", &ctx.scope_names()),
        ("Audit", ctx.audit_type_label()),
        ("Plan dated", &plan_date),
        ("Generated", &generated),
        ("Question bank version", ctx.catalog_version),
    ];
    for (i, (label, value)) in rows.iter().enumerate() {
        let r = super::sheet::row_num(i + 2);
        text(sheet, r, 0, label, &styles.label)?;
        text(sheet, r, 1, value, &styles.text)?;
        fit_row(sheet, r, [(*value, VALUE_WIDTH)])?;
    }
    let note = "Changes made in this workbook stay in it: Trustgap does not read it back. To \
                send answers back, use the questionnaire workbook.";
    let r = super::sheet::row_num(rows.len() + 3);
    text(sheet, r, 0, "Note", &styles.label)?;
    text(sheet, r, 1, note, &styles.text)?;
    fit_row(sheet, r, [(note, VALUE_WIDTH)])?;
    print_setup(sheet, false)
}
