//! The document model: a report said once as plain data (meta, then blocks such as headings,
//! paragraphs, tables, callouts and charts), rendered to PDF by the layout engine
//! (`report::render_document`) and to Word by `word::docx`.
//!
//! Nothing here knows about pages or styles: a block says what it is, each renderer decides how
//! it looks. Keep it small and general: briefs, reports, policies and attestations share it.

mod cover;
mod graphic;
mod table;
mod timeline;

pub use cover::Cover;
pub use graphic::{level_tone, percent, score_tone, Graphic, HeatRow, Pair, Verdict};
pub use table::{Align, Cell, Column, Row, Table};
pub use timeline::{Lane, Marker, Timeline};

use chrono::{DateTime, Utc};

/// A whole document: what it says about itself, then its content in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub meta: Meta,
    pub blocks: Vec<Block>,
}

/// File properties and page furniture.
#[derive(Debug, Clone, PartialEq)]
pub struct Meta {
    pub title: String,
    pub subject: String,
    pub author: String,
    pub keywords: Vec<String>,
    /// Stamps the file (creation and modification dates): the same stamp gives the same bytes.
    pub generated_at: DateTime<Utc>,
    /// Left of the running header.
    pub running_head: String,
    /// Right of the running header: the confidentiality marking.
    pub marking: String,
    /// Left of the footer; the page number sits on its right.
    pub footer: String,
    /// The firm's name, logo, accent and footer text the pages are printed under.
    pub branding: trustgap_domain::branding::Branding,
}

/// How a callout, a figure, a row or a bar reads: its colour in both renderers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tone {
    #[default]
    Neutral,
    Good,
    Info,
    Warning,
    Critical,
    /// Quiet grey: low priority, a date of reference.
    Muted,
    /// Set aside, lighter still: an accepted risk.
    Faint,
    /// An answer nobody could give ("don't know"): purple, as the window shows it.
    Unsure,
}

/// A run of text: bold (`strong`), emphasised (italic, `emphasis`), both or neither.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub text: String,
    pub strong: bool,
    pub emphasis: bool,
}

impl Span {
    pub fn new(text: impl Into<String>, strong: bool, emphasis: bool) -> Span {
        Span {
            text: text.into(),
            strong,
            emphasis,
        }
    }
}

/// Inline text: one or more spans read as one paragraph.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Text(pub Vec<Span>);

impl Text {
    pub fn plain(s: impl Into<String>) -> Text {
        Text(vec![Span::new(s, false, false)])
    }

    /// A bold lead-in followed by plain text: "Effort: 42 person-days."
    pub fn lead(strong: impl Into<String>, rest: impl Into<String>) -> Text {
        Text(vec![
            Span::new(strong, true, false),
            Span::new(rest, false, false),
        ])
    }

    /// The text without emphasis.
    pub fn flat(&self) -> String {
        self.0.iter().map(|s| s.text.as_str()).collect()
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text::plain(s)
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text::plain(s)
    }
}

/// One thing on the page, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A cover: the document's first page of its own, before everything else.
    Cover(Cover),
    /// Starts a part of the front matter (document control, sign-off, contents): a title on a
    /// new page, in the PDF outline, out of the contents.
    FrontPage(String),
    /// The document's own title block (a band in PDF, the Title style in Word).
    Title {
        kicker: String,
        title: String,
        subtitle: String,
    },
    /// Starts a new page; listed in the contents (Heading 1).
    Chapter {
        number: String,
        title: String,
    },
    /// A section heading; level 1 is listed in the contents (Heading 2), level 2 below it.
    Heading {
        number: String,
        title: String,
        level: u8,
    },
    Paragraph(Text),
    /// Secondary text: captions, notes, assumptions.
    Note(Text),
    Bullets(Vec<Text>),
    /// Numbered items (1., 2., 3.).
    Numbered(Vec<Text>),
    /// Label/value tiles in one row.
    KeyFigures(Vec<Figure>),
    Table(Table),
    Callout {
        tone: Tone,
        title: String,
        text: Text,
    },
    Chart(Chart),
    /// A picture drawn from data (a score ring, a radar, a heat map, then and now).
    Graphic(Graphic),
    /// Bars on a calendar: one row per item from its first day to its last, against dated
    /// markers (a roadmap).
    Timeline(Timeline),
    PageBreak,
    /// Signature lines: each signatory's name and role, a line to sign and the date (or a line
    /// to date by hand).
    SignOff(Vec<Signatory>),
    /// The table of contents (a field Word updates; page numbers in PDF).
    Contents,
    /// Vertical space in points.
    Spacer(f32),
}

impl Block {
    /// A numbered section heading (level 1): "4.2 Heat map of criteria".
    pub fn section(number: impl Into<String>, title: impl Into<String>) -> Block {
        Block::Heading {
            number: number.into(),
            title: title.into(),
            level: 1,
        }
    }

    /// A chapter: "5 Gap register", "Appendix A Control matrix".
    pub fn chapter(number: impl Into<String>, title: impl Into<String>) -> Block {
        Block::Chapter {
            number: number.into(),
            title: title.into(),
        }
    }
}

/// Who signs: "Dana Lee", "CTO", and the date signed as printed (empty: dated by hand).
#[derive(Debug, Clone, PartialEq)]
pub struct Signatory {
    pub name: String,
    pub role: String,
    pub date: String,
}

/// One key figure: "Readiness 62%".
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub label: String,
    pub value: String,
    pub detail: String,
    pub tone: Tone,
}

/// A simple chart. Bars run from zero to `max` (100 for percentages).
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub title: String,
    pub max: f64,
    /// Appended to each value as printed ("%", " days").
    pub unit: String,
    pub bars: Vec<Bar>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    /// `None`: no value (printed as "n/a", no bar).
    pub value: Option<f64>,
    pub tone: Tone,
}

impl Bar {
    /// "62%" or "n/a".
    pub fn printed(&self, unit: &str) -> String {
        self.value
            .map_or_else(|| "n/a".to_owned(), |v| format!("{v:.0}{unit}"))
    }
}

impl Document {
    /// Every sentence the document carries, in reading order, one per paragraph, cell or item:
    /// what both renderers must print (tests compare them with the files).
    pub fn texts(&self) -> Vec<String> {
        let mut out = Vec::new();
        for b in &self.blocks {
            match b {
                Block::Cover(c) => out.extend(c.texts()),
                Block::FrontPage(title) => out.push(title.clone()),
                Block::Timeline(t) => out.extend(t.texts()),
                Block::Title {
                    kicker,
                    title,
                    subtitle,
                } => out.extend([kicker.clone(), title.clone(), subtitle.clone()]),
                Block::Chapter { title, .. } | Block::Heading { title, .. } => {
                    out.push(title.clone());
                }
                Block::Paragraph(t) | Block::Note(t) => out.push(t.flat()),
                Block::Bullets(items) | Block::Numbered(items) => {
                    out.extend(items.iter().map(Text::flat));
                }
                Block::KeyFigures(fs) => {
                    for f in fs {
                        out.extend([f.label.clone(), f.value.clone(), f.detail.clone()]);
                    }
                }
                Block::Table(t) => {
                    out.extend(t.columns.iter().map(|c| c.header.clone()));
                    for r in &t.rows {
                        for c in &r.cells {
                            out.extend(c.topic.iter().cloned());
                            out.push(c.text.clone());
                            out.extend(c.detail.iter().cloned());
                            out.extend(c.body.iter().map(|b| b.text.clone()));
                        }
                    }
                }
                Block::Callout { title, text, .. } => out.extend([title.clone(), text.flat()]),
                Block::Chart(c) => {
                    out.push(c.title.clone());
                    out.extend(c.bars.iter().map(|b| b.label.clone()));
                }
                Block::Graphic(g) => out.extend(g.texts()),
                Block::SignOff(people) => {
                    for p in people {
                        out.extend([p.name.clone(), p.role.clone(), p.date.clone()]);
                    }
                }
                Block::PageBreak | Block::Contents | Block::Spacer(_) => {}
            }
        }
        out.retain(|s| !s.trim().is_empty());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_list_every_sentence_once_and_skip_empty_ones() {
        let doc = Document {
            meta: Meta {
                title: "t".into(),
                subject: String::new(),
                author: String::new(),
                keywords: Vec::new(),
                generated_at: DateTime::from_timestamp(0, 0).expect("time"),
                running_head: String::new(),
                marking: String::new(),
                footer: String::new(),
                branding: Default::default(),
            },
            blocks: vec![
                Block::Paragraph(Text::lead("Effort: ", "12 days.")),
                Block::Callout {
                    tone: Tone::Critical,
                    title: "Late".into(),
                    text: "".into(),
                },
                Block::Spacer(4.0),
                Block::SignOff(vec![Signatory {
                    name: "Sam Ortiz".into(),
                    role: "CTO".into(),
                    date: String::new(),
                }]),
            ],
        };
        assert_eq!(
            doc.texts(),
            vec!["Effort: 12 days.", "Late", "Sam Ortiz", "CTO"]
        );
        assert_eq!(
            Bar {
                label: "x".into(),
                value: Some(61.6),
                tone: Tone::Good
            }
            .printed("%"),
            "62%"
        );
    }
}
