//! A table sheet: a header row, typed cells, frozen header, filter and column widths. Text is
//! always written as a string so `=`, `+`, `-` and `@` at the start of a cell are never run as
//! a formula.

use super::style::Styles;
use super::Result;
use chrono::NaiveDate;
use rust_xlsxwriter::{ColNum, Format, RowNum, Workbook, Worksheet};

/// A column: its header and its width in characters.
pub struct Col(pub &'static str, pub f64);

/// Height of one line of the default 11 pt font, in points.
const LINE_HEIGHT: f64 = 15.0;

/// How many lines `text` takes wrapped in a column `width` characters wide: a little
/// pessimistic (a column fits about its width in average letters, less its padding), since a
/// cut-off line is worse than a spare one.
fn lines(text: &str, width: f64) -> usize {
    let per_line = (width - 1.0).max(1.0);
    text.split('\n')
        .map(|l| {
            let chars = l.chars().count() as f64;
            (chars / per_line).ceil().max(1.0) as usize
        })
        .sum()
}

/// Sets row `r` tall enough for its wrapped text: `cells` pairs each text with its column's
/// width. Excel fits rows to wrapped text when it opens a file, LibreOffice and other readers
/// do not, so the height is written.
pub fn fit_row<'a>(
    sheet: &mut Worksheet,
    r: RowNum,
    cells: impl IntoIterator<Item = (&'a str, f64)>,
) -> Result<()> {
    let most = cells
        .into_iter()
        .map(|(t, w)| lines(t, w))
        .max()
        .unwrap_or(1);
    if most > 1 {
        sheet.set_row_height(r, LINE_HEIGHT * most as f64)?;
    }
    Ok(())
}

/// Printing: landscape, one page wide, the header row repeated on every page.
pub fn print_setup(sheet: &mut Worksheet, header: bool) -> Result<()> {
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    if header {
        sheet.set_repeat_rows(0, 0)?;
    }
    Ok(())
}

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
    print_setup(sheet, true)?;
    Ok(sheet)
}

/// The filter over the header and `rows` data rows.
pub fn filter(sheet: &mut Worksheet, rows: usize, cols: usize) -> Result<()> {
    sheet.autofilter(0, 0, row_num(rows), col_num(cols.saturating_sub(1)))?;
    Ok(())
}

/// Writes one row of cells from column 0, in columns `cols`, as tall as its text needs.
pub fn row(
    sheet: &mut Worksheet,
    r: usize,
    cells: &[Cell<'_>],
    cols: &[Col],
    styles: &Styles,
) -> Result<()> {
    let r = row_num(r);
    let texts = cells.iter().zip(cols).filter_map(|(cell, col)| match cell {
        Cell::Text(t) | Cell::Styled(t, _) => Some((*t, col.1)),
        Cell::Date(_) | Cell::Number(_) => None,
    });
    fit_row(sheet, r, texts)?;
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

#[cfg(test)]
mod tests {
    use super::lines;

    #[test]
    fn wrapped_lines_are_counted_per_paragraph() {
        assert_eq!(lines("", 20.0), 1);
        assert_eq!(lines("short", 20.0), 1);
        assert_eq!(lines(&"x".repeat(19), 20.0), 1);
        assert_eq!(lines(&"x".repeat(20), 20.0), 2);
        assert_eq!(lines("a\nb\nc", 20.0), 3);
        assert_eq!(lines(&format!("{}\nb", "x".repeat(40)), 20.0), 4);
    }
}
