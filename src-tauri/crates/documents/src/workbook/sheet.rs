//! A table sheet: a header row, typed cells, frozen header, filter and column widths. Text is
//! always written as a string so `=`, `+`, `-` and `@` at the start of a cell are never run as
//! a formula.

use super::style::Styles;
use super::Result;
use chrono::NaiveDate;
use rust_xlsxwriter::{ColNum, Format, RowNum, Workbook, Worksheet};

/// A column: its header and its width in characters.
pub struct Col(pub &'static str, pub f64);

/// Adds a sheet called `name` with a header row and widths; the data starts on row 1.
pub fn table<'b>(
    book: &'b mut Workbook,
    name: &str,
    cols: &[Col],
    styles: &Styles,
) -> Result<&'b mut Worksheet> {
    let sheet = book.add_worksheet();
    sheet.set_name(name)?;
    for (i, c) in cols.iter().enumerate() {
        let col = col_num(i);
        sheet.set_column_width(col, c.1)?;
        sheet.write_string_with_format(0, col, c.0, &styles.header)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(sheet)
}

/// The filter over the header and `rows` data rows.
pub fn filter(sheet: &mut Worksheet, rows: usize, cols: usize) -> Result<()> {
    sheet.autofilter(0, 0, row_num(rows), col_num(cols.saturating_sub(1)))?;
    Ok(())
}

/// Writes one row of cells from column 0.
pub fn row(sheet: &mut Worksheet, r: usize, cells: &[Cell<'_>], styles: &Styles) -> Result<()> {
    let r = row_num(r);
    for (i, cell) in cells.iter().enumerate() {
        let c = col_num(i);
        match cell {
            Cell::Text(t) => text(sheet, r, c, t, &styles.text)?,
            Cell::Styled(t, f) => text(sheet, r, c, t, f)?,
            Cell::Date(d) => {
                sheet.write_date_with_format(r, c, d, &styles.date)?;
            }
            Cell::Number(n) => {
                sheet.write_number_with_format(r, c, *n, &styles.number)?;
            }
        }
    }
    Ok(())
}

/// A text cell; an empty one is left blank but keeps its format (an unlocked blank stays
/// editable on a protected sheet).
pub fn text(sheet: &mut Worksheet, r: RowNum, c: ColNum, t: &str, f: &Format) -> Result<()> {
    if t.is_empty() {
        sheet.write_blank(r, c, f)?;
    } else {
        sheet.write_string_with_format(r, c, t, f)?;
    }
    Ok(())
}

pub enum Cell<'a> {
    Text(&'a str),
    Styled(&'a str, &'a Format),
    Date(NaiveDate),
    Number(f64),
}

/// Sheet row index from a count; the writer refuses rows past Excel's limit itself.
pub fn row_num(i: usize) -> RowNum {
    RowNum::try_from(i).unwrap_or(RowNum::MAX)
}

pub fn col_num(i: usize) -> ColNum {
    ColNum::try_from(i).unwrap_or(ColNum::MAX)
}
