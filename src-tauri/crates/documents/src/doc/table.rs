//! Tables in the document model: columns with their share of the width and alignment, rows of
//! cells (text with quieter lines and paragraphs under it, or a coloured chip).

use super::{Span, Tone};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    #[default]
    Left,
    Right,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub header: String,
    /// Share of the table width, relative to the other columns.
    pub weight: f32,
    pub align: Align,
    /// A grouping column (a criterion above its controls): a row left blank here belongs to the
    /// group above, and a page that opens on it repeats the group, marked as continued.
    pub group: bool,
}

impl Column {
    pub fn new(header: impl Into<String>, weight: f32) -> Column {
        Column {
            header: header.into(),
            weight,
            align: Align::Left,
            group: false,
        }
    }

    pub fn grouped(mut self) -> Column {
        self.group = true;
        self
    }

    pub fn right(mut self) -> Column {
        self.align = Align::Right;
        self
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub cells: Vec<Cell>,
    /// Colours the first cell as a chip (a severity, a status); `None` for plain rows.
    pub tone: Option<Tone>,
}

impl Row {
    /// A row of cells, no chip tone.
    pub fn new(cells: Vec<Cell>) -> Row {
        Row { cells, tone: None }
    }

    /// A row of plain cells.
    pub fn plain(cells: Vec<String>) -> Row {
        Row::of(cells, None)
    }

    /// Plain cells, the first one a chip of `tone` when given.
    pub fn of(cells: Vec<String>, tone: Option<Tone>) -> Row {
        Row {
            cells: cells.into_iter().map(Cell::from).collect(),
            tone,
        }
    }
}

/// One table cell: its text (bold when `strong`), quieter lines under it (a key, a reason),
/// then paragraphs in the cell's normal text (a description); or a chip of a tone (a priority)
/// instead of plain text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cell {
    pub text: String,
    pub strong: bool,
    pub detail: Vec<String>,
    /// The quieter lines' colour, when they say something (then bold): a green "Verified".
    pub detail_tone: Option<Tone>,
    /// A small accent line above the text: the topic of the group the row starts.
    pub topic: Option<String>,
    /// Paragraphs in the cell's normal text, a bold one for a lead line.
    pub body: Vec<Span>,
    pub chip: Option<Tone>,
    /// The text's colour, when it says something (a score, a late date).
    pub tone: Option<Tone>,
    /// A small score bar and the percentage (the text) instead of plain text; `Some(None)` for
    /// no score.
    pub score: Option<Option<f64>>,
}

impl Cell {
    pub fn strong(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            strong: true,
            ..Cell::default()
        }
    }

    pub fn chip(text: impl Into<String>, tone: Tone) -> Cell {
        Cell {
            text: text.into(),
            chip: Some(tone),
            ..Cell::default()
        }
    }

    /// Text in a tone's colour, bold when `strong`.
    pub fn toned(text: impl Into<String>, tone: Tone, strong: bool) -> Cell {
        Cell {
            text: text.into(),
            strong,
            tone: Some(tone),
            ..Cell::default()
        }
    }

    /// A score bar with its percentage.
    pub fn score(score: Option<f64>) -> Cell {
        Cell {
            text: super::percent(score),
            score: Some(score),
            ..Cell::default()
        }
    }

    /// Adds a quieter line under the text (skipped when blank).
    pub fn with(mut self, detail: impl Into<String>) -> Cell {
        let d = detail.into();
        if !d.trim().is_empty() {
            self.detail.push(d);
        }
        self
    }

    /// Colours the quieter lines in `tone`.
    pub fn marked(mut self, tone: Tone) -> Cell {
        self.detail_tone = Some(tone);
        self
    }

    /// Puts a small accent line (a topic) above the text.
    pub fn topic(mut self, topic: impl Into<String>) -> Cell {
        self.topic = Some(topic.into());
        self
    }

    /// Adds a paragraph of normal text after the quieter lines (skipped when blank).
    pub fn and(self, body: impl Into<String>) -> Cell {
        self.and_span(body.into(), false)
    }

    /// Adds a bold paragraph after the quieter lines: the lead of what follows it.
    pub fn and_strong(self, body: impl Into<String>) -> Cell {
        self.and_span(body.into(), true)
    }

    fn and_span(mut self, text: String, strong: bool) -> Cell {
        if !text.trim().is_empty() {
            self.body.push(Span::new(text, strong, false));
        }
        self
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell {
            text,
            ..Cell::default()
        }
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::from(text.to_owned())
    }
}

/// A table with a header row that repeats on every page it runs onto; when every header is
/// empty it has no header row (a label/value list).
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

impl Table {
    /// Whether the header row is printed: not when every header is empty.
    pub fn has_header(&self) -> bool {
        self.columns.iter().any(|c| !c.header.trim().is_empty())
    }
}
