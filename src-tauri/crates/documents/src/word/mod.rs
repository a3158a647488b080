//! The document model (`crate::doc`) as a Word .docx, written with docx-rs: real heading
//! styles, a contents field Word fills in, tables whose header row repeats on every page,
//! callouts as shaded one-cell tables, charts as tables (label, value, a bar of block
//! characters: editable, searchable and readable by a screen reader, with no image to embed),
//! the running header and a footer with PAGE / NUMPAGES fields, and the core properties.
//!
//! docx-rs lacks two things we need and has two habits we undo, all in `package`: it cannot mark
//! a repeating header row (`w:tblHeader`), it cannot set the title or author of the core
//! properties, and it numbers paragraph ids from a counter that lives as long as the thread
//! (so a second document would differ from the first).

mod blocks;
mod cover;
mod graphic;
mod package;
mod styles;
mod timeline;

use crate::doc::{Block, Document};
use docx_rs::{
    AlignmentType, Docx, Footer, Header, NumPages, PageMargin, PageNum, Paragraph, Run, Tab,
    TabValueType,
};

/// A4 in twentieths of a point, and the margins (2 cm).
const PAGE_W: u32 = 11906;
const PAGE_H: u32 = 16838;
const MARGIN: u32 = 1134;
/// The text width, in twips.
pub(crate) const TEXT_W: usize = (PAGE_W - 2 * MARGIN) as usize;

#[derive(Debug, thiserror::Error)]
#[error("The Word document could not be written: {0}")]
pub struct WordError(String);

/// The document as .docx bytes: the same document gives the same bytes.
pub fn docx(doc: &Document) -> Result<Vec<u8>, WordError> {
    let mut d = Docx::new()
        .styles(styles::styles())
        .page_size(PAGE_W, PAGE_H)
        .page_margin(
            PageMargin::new()
                .top(MARGIN as i32 + 200)
                .bottom(MARGIN as i32)
                .left(MARGIN as i32)
                .right(MARGIN as i32)
                .header(600)
                .footer(500),
        )
        .header(header(doc))
        .footer(footer(doc));
    if matches!(doc.blocks.first(), Some(Block::Cover(_))) {
        // A cover carries no running header or page number: the first page has its own, empty.
        d = d
            .first_header(docx_rs::Header::new())
            .first_footer(docx_rs::Footer::new());
    }
    for (i, block) in doc.blocks.iter().enumerate() {
        // A paragraph introducing signatures stays on the page of the signature lines.
        let keep = matches!(doc.blocks.get(i + 1), Some(Block::SignOff(_)));
        d = blocks::add(d, block, keep);
    }
    package::pack(d, &doc.meta)
}

fn right_tab() -> Tab {
    Tab::new().val(TabValueType::Right).pos(TEXT_W)
}

fn small(text: &str, bold: bool, color: &str) -> Run {
    let r = Run::new().add_text(text).size(15).color(color);
    if bold {
        r.bold()
    } else {
        r
    }
}

fn header(doc: &Document) -> Header {
    Header::new().add_paragraph(
        Paragraph::new()
            .add_tab(right_tab())
            .add_run(small(&doc.meta.running_head, false, styles::MUTED))
            .add_run(Run::new().add_tab())
            .add_run(small(&doc.meta.marking.to_uppercase(), true, styles::BRAND)),
    )
}

fn footer(doc: &Document) -> Footer {
    Footer::new().add_paragraph(
        Paragraph::new()
            .add_tab(right_tab())
            .align(AlignmentType::Left)
            .add_run(small(&doc.meta.footer, false, styles::MUTED))
            .add_run(Run::new().add_tab())
            .add_run(small("Page ", true, styles::INK))
            .add_page_num(PageNum::new())
            .add_run(small(" of ", true, styles::INK))
            .add_num_pages(NumPages::new()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Bar, Block, Chart, Column, Figure, Meta, Row, Table, Text, Tone};

    pub(crate) fn sample() -> Document {
        Document {
            meta: Meta {
                title: "Board brief: Acme & Co".into(),
                subject: "SOC 2".into(),
                author: "Dana Assessor".into(),
                keywords: vec!["SOC 2".into()],
                generated_at: chrono::DateTime::from_timestamp(1_800_000_000, 0).expect("time"),
                running_head: "Acme · Board brief".into(),
                marking: "Confidential".into(),
                footer: "Prepared with Trustgap".into(),
                branding: Default::default(),
            },
            blocks: vec![
                Block::Title {
                    kicker: "Board brief".into(),
                    title: "Acme <Co>".into(),
                    subtitle: "株式会社 · 4 December 2026".into(),
                },
                Block::Contents,
                Block::Chapter {
                    number: "1".into(),
                    title: "Verdict".into(),
                },
                Block::KeyFigures(vec![Figure {
                    label: "Readiness".into(),
                    value: "62%".into(),
                    detail: "Significant gaps".into(),
                    tone: Tone::Warning,
                }]),
                Block::Heading {
                    number: "1.1".into(),
                    title: "Findings".into(),
                    level: 1,
                },
                Block::Paragraph(Text::lead("Effort: ", "42 person-days.\u{1}")),
                Block::Bullets(vec!["One".into(), "Two".into()]),
                Block::Table(Table {
                    columns: vec![Column::new("Severity", 1.0), Column::new("Finding", 4.0)],
                    rows: (0..60)
                        .map(|i| {
                            Row::of(
                                vec!["High".into(), format!("Finding {i}")],
                                Some(Tone::Critical),
                            )
                        })
                        .collect(),
                }),
                Block::Callout {
                    tone: Tone::Critical,
                    title: "Decision".into(),
                    text: "Approve the budget.".into(),
                },
                Block::Chart(Chart {
                    title: "By category".into(),
                    max: 100.0,
                    unit: "%".into(),
                    bars: vec![Bar {
                        label: "Security".into(),
                        value: Some(55.0),
                        tone: Tone::Warning,
                    }],
                }),
            ],
        }
    }

    #[test]
    fn the_same_document_gives_the_same_bytes_in_both_formats() {
        let doc = sample();
        let a = docx(&doc).expect("docx");
        let b = docx(&doc).expect("docx");
        assert!(a == b, "docx differs between two renders");
        let (p1, pages) = crate::report::render_document(&doc).expect("pdf");
        let (p2, _) = crate::report::render_document(&doc).expect("pdf");
        assert!(p1 == p2, "pdf differs");
        assert!(pages >= 2, "the long table runs onto a second page");
        if let Ok(dir) = std::env::var("TRUSTGAP_SAMPLE_DIR") {
            std::fs::write(format!("{dir}/sample.docx"), &a).expect("write");
            std::fs::write(format!("{dir}/sample.pdf"), &p1).expect("write");
        }
    }

    /// A cell's topic line comes before its text, and a marked detail line keeps its colour
    /// (the control matrix's green "Verified") in Word; the PDF lays the same cell out.
    #[test]
    fn a_cell_topic_and_marked_detail_are_rendered() {
        use crate::doc::Cell;
        let cell = Cell::toned("Implemented", Tone::Good, true)
            .topic("Access reviews")
            .with("Verified")
            .marked(Tone::Good);
        let table = Block::Table(Table {
            columns: vec![Column::new("Answer", 1.0)],
            rows: vec![Row {
                cells: vec![cell],
                tone: None,
            }],
        });
        let xml = String::from_utf8(
            blocks::add(docx_rs::Docx::new(), &table, false)
                .build()
                .document,
        )
        .expect("utf-8");
        let (topic, text, detail) = (
            xml.find("Access reviews").expect("topic"),
            xml.find("Implemented").expect("text"),
            xml.find("Verified").expect("detail"),
        );
        assert!(topic < text && text < detail, "reading order");
        let run = &xml[text..detail];
        assert!(run.contains("1B7F4C") && run.contains("<w:b />"), "{run}");
        let mut doc = sample();
        doc.blocks.push(table);
        assert!(doc
            .texts()
            .windows(2)
            .any(|w| w == ["Access reviews", "Implemented"]));
        crate::report::render_document(&doc).expect("pdf");
    }
}
