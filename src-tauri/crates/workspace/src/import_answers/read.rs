//! Reading a filled-in questionnaire into rows of cells, from an `.xlsx` workbook or a `.csv`
//! file, with the size limits checked before anything is unpacked or parsed. Nothing here
//! evaluates a cell: a formula is reported as a formula, text stays text.

use crate::error::ApiError;
use crate::Result;
use calamine::{DataRef, Reader, Xlsx};
use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use trustgap_documents::workbook::{BANK_VERSION_LABEL, INSTRUCTIONS_SHEET, QUESTIONNAIRE_SHEET};

/// Largest questionnaire file accepted, checked before it is read.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;
/// Largest total the parts of a workbook may unpack to (a small file can unpack to gigabytes).
pub const MAX_UNPACKED_BYTES: u64 = 100 * 1024 * 1024;
/// Most rows a questionnaire may have below its header (the largest bank has far fewer).
pub const MAX_ROWS: u32 = 5_000;
/// Columns past this one are ignored (the questionnaire has seven).
const MAX_COLUMNS: u32 = 64;

/// One cell as the import sees it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text, or a number, date or true/false value written out as text.
    Text(String),
    /// A formula: never evaluated, the row is refused.
    Formula,
    /// An error value such as `#REF!`.
    Error,
}

impl Cell {
    pub fn text(&self) -> &str {
        match self {
            Cell::Text(t) => t,
            Cell::Formula | Cell::Error => "",
        }
    }
}

/// A row of the file with its spreadsheet row number (the header is row 1).
#[derive(Debug, Clone)]
pub struct Row {
    pub number: u32,
    pub cells: Vec<Cell>,
}

impl Row {
    pub fn get(&self, col: usize) -> Option<&Cell> {
        self.cells.get(col)
    }

    pub fn is_blank(&self) -> bool {
        self.cells
            .iter()
            .all(|c| matches!(c, Cell::Text(t) if t.trim().is_empty()))
    }
}

/// The header row and the rows below it.
#[derive(Debug)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Row>,
    /// The question bank the workbook was exported with, from its Instructions sheet.
    pub bank_version: Option<String>,
}

/// Reads the file by its extension: `.xlsx` or `.csv`.
pub fn read_file(path: &std::path::Path) -> Result<Table> {
    let size = std::fs::metadata(path)
        .map_err(|e| ApiError::io(format!("Could not read {}: {e}", path.display())))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(ApiError::validation(format!(
            "That file is {} MB; a questionnaire is at most {} MB. Is it the questionnaire \
             exported from Trustgap?",
            size.div_ceil(1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| ApiError::io(format!("Could not read {}: {e}", path.display())))?;
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "xlsx" => read_xlsx(bytes),
        "csv" => read_csv(&bytes),
        _ => Err(ApiError::validation(
            "Choose the questionnaire as an Excel workbook (.xlsx) or a CSV file (.csv).",
        )),
    }
}

fn not_a_workbook() -> ApiError {
    ApiError::validation(
        "That file is not an Excel workbook Trustgap can read (it may be damaged or cut short). \
         Save it again from your spreadsheet app as an Excel workbook (.xlsx).",
    )
}

/// Refuses a workbook whose parts unpack past the limit, before calamine unpacks them. The
/// sizes a zip declares can lie, so each part is inflated here into nothing, counting, and
/// the count stops one byte past what is left of the limit.
fn check_unpacked_size(bytes: &[u8]) -> Result<()> {
    let too_big = || {
        ApiError::validation(
            "That workbook unpacks to far more data than a questionnaire holds, so it was not \
             opened. Export a fresh questionnaire from Trustgap and copy the answers into it.",
        )
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| not_a_workbook())?;
    let mut left = MAX_UNPACKED_BYTES;
    for i in 0..zip.len() {
        let part = zip.by_index(i).map_err(|_| not_a_workbook())?;
        if part.size() > left {
            return Err(too_big());
        }
        let read = std::io::copy(&mut part.take(left + 1), &mut std::io::sink())
            .map_err(|_| not_a_workbook())?;
        left = left.checked_sub(read).ok_or_else(too_big)?;
    }
    Ok(())
}

pub fn read_xlsx(bytes: Vec<u8>) -> Result<Table> {
    check_unpacked_size(&bytes)?;
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|_| not_a_workbook())?;
    if !book.sheet_names().iter().any(|n| n == QUESTIONNAIRE_SHEET) {
        return Err(ApiError::validation(format!(
            "This workbook has no sheet called \"{QUESTIONNAIRE_SHEET}\". Import the \
             questionnaire workbook exported from Trustgap, with its sheets as they were."
        )));
    }
    let bank_version = bank_version(&mut book);
    let (header, rows) = sheet(&mut book, QUESTIONNAIRE_SHEET, MAX_ROWS, &too_many_rows)?;
    Ok(Table {
        header,
        rows,
        bank_version,
    })
}

/// The first sheet of any workbook (an HR system's export), with the same size checks and at
/// most `max_rows` rows below the header (`too_many` says so otherwise).
pub(super) fn read_first_sheet(
    bytes: Vec<u8>,
    max_rows: u32,
    too_many: &dyn Fn() -> ApiError,
) -> Result<Table> {
    check_unpacked_size(&bytes)?;
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|_| not_a_workbook())?;
    let first = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(not_a_workbook)?;
    let (header, rows) = sheet(&mut book, &first, max_rows, too_many)?;
    Ok(Table {
        header,
        rows,
        bank_version: None,
    })
}

fn sheet(
    book: &mut Xlsx<Cursor<Vec<u8>>>,
    name: &str,
    max_rows: u32,
    too_many: &dyn Fn() -> ApiError,
) -> Result<(Vec<String>, Vec<Row>)> {
    let mut reader = book
        .worksheet_cells_reader(name)
        .map_err(|_| not_a_workbook())?;
    // Sparse: a hostile sheet can name a cell a million rows down without a huge allocation.
    let mut grid: BTreeMap<u32, BTreeMap<u32, Cell>> = BTreeMap::new();
    while let Some(cell) = reader
        .next_cell_with_formula()
        .map_err(|_| not_a_workbook())?
    {
        let (r, c) = cell.pos;
        if c >= MAX_COLUMNS {
            continue;
        }
        if r > max_rows {
            return Err(too_many());
        }
        let value = match (&cell.formula, &cell.value) {
            (Some(f), _) if !f.is_empty() => Cell::Formula,
            (_, v) => value_text(v),
        };
        grid.entry(r).or_default().insert(c, value);
    }
    let header_cells = grid.remove(&0).unwrap_or_default();
    let header = dense(&header_cells)
        .into_iter()
        .map(|c| c.text().to_owned())
        .collect();
    let rows = grid
        .into_iter()
        .map(|(r, cells)| Row {
            number: r + 1,
            cells: dense(&cells),
        })
        .collect();
    Ok((header, rows))
}

/// The value beside "Question bank version" on the Instructions sheet, if it is there (only
/// the first cells are read: the row is near the top).
fn bank_version(book: &mut Xlsx<Cursor<Vec<u8>>>) -> Option<String> {
    let mut reader = book.worksheet_cells_reader(INSTRUCTIONS_SHEET).ok()?;
    let mut label_row = None;
    for _ in 0..200 {
        let cell = reader.next_cell().ok()??;
        let (r, c) = cell.get_position();
        let text = match cell.get_value() {
            DataRef::String(s) => s.clone(),
            DataRef::SharedString(s) => (*s).to_owned(),
            _ => continue,
        };
        if c == 0 && text == BANK_VERSION_LABEL {
            label_row = Some(r);
        } else if c == 1 && label_row == Some(r) {
            return Some(text);
        }
    }
    None
}

fn too_many_rows() -> ApiError {
    ApiError::validation(format!(
        "That questionnaire has more than {MAX_ROWS} rows; Trustgap's has one row per question. \
         Import the questionnaire exported from Trustgap."
    ))
}

/// Cells by column, gaps filled with empty text.
fn dense(cells: &BTreeMap<u32, Cell>) -> Vec<Cell> {
    let width = cells.keys().next_back().map_or(0, |c| c + 1);
    (0..width)
        .map(|c| cells.get(&c).cloned().unwrap_or(Cell::Text(String::new())))
        .collect()
}

/// A value written out as the text a person sees: numbers without a needless ".0", dates as
/// ISO dates, true/false as words.
fn value_text(v: &DataRef<'_>) -> Cell {
    Cell::Text(match v {
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        DataRef::Float(f) => f.to_string(),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        DataRef::DateTime(d) => match d.as_datetime() {
            Some(t) if t.time() == chrono::NaiveTime::MIN => t.date().to_string(),
            Some(t) => t.to_string(),
            None => d.as_f64().to_string(),
        },
        DataRef::Error(_) => return Cell::Error,
        DataRef::Empty => String::new(),
    })
}

/// A CSV questionnaire: UTF-8 (a byte-order mark is fine), any line ends, RFC 4180 quoting.
pub fn read_csv(bytes: &[u8]) -> Result<Table> {
    read_csv_with(bytes, MAX_ROWS, &too_many_rows)
}

/// Any CSV file, read as [`read_csv`] reads a questionnaire, with its own row limit.
pub(super) fn read_csv_with(
    bytes: &[u8],
    max_rows: u32,
    too_many: &dyn Fn() -> ApiError,
) -> Result<Table> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if std::str::from_utf8(bytes).is_err() {
        return Err(ApiError::validation(
            "That CSV file is not UTF-8 text. Save it again as \"CSV UTF-8\" from your \
             spreadsheet app.",
        ));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut header = Vec::new();
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| {
            ApiError::validation(format!(
                "That CSV file could not be read near row {}: {e}. Save it again as CSV from \
                 your spreadsheet app.",
                i + 1
            ))
        })?;
        let number = u32::try_from(i + 1).unwrap_or(u32::MAX);
        if number > max_rows + 1 {
            return Err(too_many());
        }
        let cells: Vec<Cell> = record
            .iter()
            .take(MAX_COLUMNS as usize)
            .map(|c| Cell::Text(undefuse(c).to_owned()))
            .collect();
        if i == 0 {
            header = cells.iter().map(|c| c.text().to_owned()).collect();
        } else {
            rows.push(Row { number, cells });
        }
    }
    Ok(Table {
        header,
        rows,
        bank_version: None,
    })
}

/// Undoes the `'` the CSV export puts before a cell a spreadsheet would run as a formula, so a
/// note starting with "-" comes back as written. The text is kept as text either way.
fn undefuse(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_reads_bom_quotes_and_defused_cells() {
        let t = read_csv(
            "\u{feff}Question ID,Notes\r\nA-1,\"two\nlines\"\r\nA-2,'=SUM(1)\r\nA-3,'plain\r\n"
                .as_bytes(),
        )
        .expect("reads");
        assert_eq!(t.header, ["Question ID", "Notes"]);
        assert_eq!(t.rows.len(), 3);
        assert_eq!(t.rows[0].cells[1].text(), "two\nlines");
        assert_eq!(t.rows[1].cells[1].text(), "=SUM(1)");
        assert_eq!(t.rows[2].cells[1].text(), "'plain");
        assert_eq!(t.rows[2].number, 4);
    }

    #[test]
    fn csv_that_is_not_utf8_is_refused() {
        let err = read_csv(b"Question ID,Notes\r\nA-1,caf\xe9\r\n").expect_err("latin-1");
        assert!(err.message.contains("UTF-8"), "{}", err.message);
    }

    #[test]
    fn junk_is_not_a_workbook() {
        let err = read_xlsx(b"PK\x03\x04 truncated".to_vec()).expect_err("junk");
        assert!(
            err.message.contains("not an Excel workbook"),
            "{}",
            err.message
        );
        let err = read_xlsx(b"hello".to_vec()).expect_err("junk");
        assert!(
            err.message.contains("not an Excel workbook"),
            "{}",
            err.message
        );
    }
}
