//! CSV that opens cleanly in a spreadsheet: UTF-8 with a byte-order mark, a header row, RFC 4180
//! quoting, CRLF line ends, and cells that a spreadsheet would run as a formula defused.

/// Builds a CSV document row by row.
pub struct CsvWriter {
    out: String,
}

impl CsvWriter {
    /// Starts a document with its header row. The BOM makes spreadsheet apps read UTF-8.
    pub fn new(header: &[&str]) -> CsvWriter {
        let mut w = CsvWriter {
            out: String::from('\u{feff}'),
        };
        w.row(header.iter().copied());
        w
    }

    pub fn row<'a>(&mut self, cells: impl IntoIterator<Item = &'a str>) {
        let mut first = true;
        for cell in cells {
            if !first {
                self.out.push(',');
            }
            first = false;
            self.out.push_str(&escape(cell));
        }
        self.out.push_str("\r\n");
    }

    pub fn finish(self) -> String {
        self.out
    }
}

/// One cell: a leading `=`, `+`, `-`, `@`, tab or carriage return gets a `'` prefix so it is
/// shown as text, never evaluated; then the cell is quoted if it needs to be.
pub fn escape(cell: &str) -> String {
    let defused = if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    };
    if defused.contains([',', '"', '\n', '\r'])
        || defused.starts_with(' ')
        || defused.ends_with(' ')
    {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_separators_quotes_and_line_breaks() {
        assert_eq!(escape("plain"), "plain");
        assert_eq!(escape("a,b"), "\"a,b\"");
        assert_eq!(escape("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(escape("two\nlines"), "\"two\nlines\"");
        assert_eq!(escape("Zoë 株式会社"), "Zoë 株式会社");
    }

    #[test]
    fn defuses_formulas() {
        assert_eq!(escape("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(escape("+1"), "'+1");
        assert_eq!(escape("-2"), "'-2");
        assert_eq!(escape("@SUM(A1)"), "'@SUM(A1)");
    }

    #[test]
    fn document_has_bom_header_and_crlf() {
        let mut w = CsvWriter::new(&["id", "text"]);
        w.row(["A-1", "x"]);
        assert_eq!(w.finish(), "\u{feff}id,text\r\nA-1,x\r\n");
    }
}
