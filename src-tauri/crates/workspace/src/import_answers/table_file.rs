//! Reading a table file someone brings in (a roster, an auditor's request list): `.csv` or
//! `.xlsx` by its extension, with the questionnaire's safe reader and the limits and words of
//! the kind of file it is.

use super::read::{read_csv_with, read_first_sheet, Table};
use crate::error::ApiError;
use crate::files::{check_import_size, read_for_import};
use crate::Result;
use std::path::Path;

/// A kind of table file: its limits and how its messages name it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TableFile {
    /// What the file holds, as messages name it: "roster", "request list".
    pub noun: &'static str,
    /// Largest file accepted, checked before it is read.
    pub max_bytes: u64,
    /// Most rows below the header.
    pub max_rows: u32,
    /// How the person makes the file again: "Export" (from an HR system), "Save".
    pub remake: &'static str,
}

impl TableFile {
    /// Reads a file of this kind from disk (its name and bytes), its size checked first.
    pub fn read_from(&self, path: &Path) -> Result<(String, Vec<u8>)> {
        read_for_import(path, self.max_bytes, &format!("a {}", self.noun))
    }
}

/// A table file's rows, read by the file's extension (`.csv` or `.xlsx`).
pub(crate) fn read_table(file_name: &str, bytes: &[u8], kind: &TableFile) -> Result<Table> {
    let TableFile {
        noun,
        max_bytes,
        max_rows,
        remake,
    } = *kind;
    check_import_size(bytes.len() as u64, max_bytes, &format!("a {noun}"))?;
    let too_many = || {
        ApiError::validation(format!(
            "That {noun} has more than {max_rows} rows; split it into several files."
        ))
    };
    let ext = Path::new(file_name)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "xlsx" => read_first_sheet(bytes.to_vec(), max_rows, &too_many),
        "csv" if bytes.contains(&0) => Err(ApiError::validation(format!(
            "That file is not a CSV text file (it holds binary data). {remake} the {noun} again \
             as CSV or as an Excel workbook."
        ))),
        "csv" => read_csv_with(bytes, max_rows, &too_many),
        _ => Err(ApiError::validation(format!(
            "Choose the {noun} as a CSV file (.csv) or an Excel workbook (.xlsx)."
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: TableFile = TableFile {
        noun: "request list",
        max_bytes: 64,
        max_rows: 2,
        remake: "Save",
    };

    fn refusal(file_name: &str, bytes: &[u8]) -> String {
        read_table(file_name, bytes, &LIST)
            .expect_err("refused")
            .message
    }

    #[test]
    fn each_refusal_names_the_kind_of_file() {
        assert_eq!(
            refusal("list.csv", &[b'a'; 65]),
            "That file is 1 MB; a request list is at most 0 MB."
        );
        assert_eq!(
            refusal("list.csv", b"a\n1\n2\n3\n"),
            "That request list has more than 2 rows; split it into several files."
        );
        assert_eq!(
            refusal("list.CSV", b"a\0"),
            "That file is not a CSV text file (it holds binary data). Save the request list \
             again as CSV or as an Excel workbook."
        );
        assert_eq!(
            refusal("list.txt", b"a"),
            "Choose the request list as a CSV file (.csv) or an Excel workbook (.xlsx)."
        );
        let table = read_table("list.csv", b"a\n1\n2\n", &LIST).expect("two rows fit");
        assert_eq!(table.rows.len(), 2);
    }
}
