//! The document model's two renderers on a document with every kind of block: Word's headings,
//! contents field and repeating header rows, read back with python-docx; the PDF's header row
//! repeated on the page a long table runs onto, read back with pdftotext.

use crate::readers::read_with;
use crate::support::tool;
use trustgap_documents::doc::{
    Bar, Block, Chart, Column, Document, Figure, Meta, Row, Table, Text, Tone,
};

fn document() -> Document {
    Document {
        meta: Meta {
            title: "Model <test> & co".into(),
            subject: "Every block".into(),
            author: "Dana Assessor".into(),
            keywords: vec!["SOC 2".into()],
            generated_at: chrono::DateTime::from_timestamp(1_800_000_000, 0).expect("time"),
            running_head: "Acme · model".into(),
            marking: "Confidential".into(),
            footer: "Prepared with Trustgap".into(),
            branding: Default::default(),
        },
        blocks: vec![
            Block::Title {
                kicker: "Kicker".into(),
                title: "Acme".into(),
                subtitle: "Subtitle".into(),
            },
            Block::Contents,
            Block::Chapter {
                number: "1".into(),
                title: "First chapter".into(),
            },
            Block::KeyFigures(vec![Figure {
                label: "Score".into(),
                value: "62%".into(),
                detail: "Significant gaps".into(),
                tone: Tone::Warning,
            }]),
            Block::Heading {
                number: "1.1".into(),
                title: "A section".into(),
                level: 1,
            },
            Block::Paragraph(Text::lead("Lead: ", "then plain words.")),
            Block::Note("A note.".into()),
            Block::Bullets(vec!["One point".into(), "Another point".into()]),
            Block::Numbered(vec!["First step".into()]),
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
            Block::Table(Table {
                columns: vec![
                    Column::new("Severity", 1.0),
                    Column::new("Item", 4.0).right(),
                ],
                rows: (0..80)
                    .map(|i| Row {
                        cells: vec!["High".into(), format!("Row item {i}").into()],
                        tone: Some(Tone::Critical),
                    })
                    .chain([Row {
                        // Text that looks like the XML the Word renderer rewrites.
                        cells: vec![
                            "<w:cantSplit />".into(),
                            "w14:paraId=\"0\" \u{1}株式会社".into(),
                        ],
                        tone: None,
                    }])
                    .collect(),
            }),
        ],
    }
}

const FACTS: &str = r#"
import json, sys, docx
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
body = d.element.body.xml
rows = []
for t in d.tables:
    rows.append([tr.find(qn("w:trPr")) is not None and tr.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None for tr in t._tbl.tr_lst])
print(json.dumps({
    "styles": [[p.style.name, p.text] for p in d.paragraphs if p.style is not None and p.style.name.startswith("Heading")],
    "toc": 'TOC \\o "1-2"' in body,
    "rows": rows,
    "title": d.core_properties.title,
    "author": d.core_properties.author,
    "last_row": [c.text for c in d.tables[-1].rows[-1].cells],
}))
"#;

#[test]
fn word_has_real_headings_a_contents_field_and_a_repeating_header_row() {
    let dir = tempfile::tempdir().expect("tempdir");
    let doc = document();
    let bytes = trustgap_documents::word::docx(&doc).expect("docx");
    let path = dir.path().join("model.docx");
    std::fs::write(&path, &bytes).expect("write");
    let facts = read_with(FACTS, &path);
    assert_eq!(
        facts["styles"],
        serde_json::json!([
            ["Heading 1", "1 First chapter"],
            ["Heading 2", "1.1 A section"]
        ])
    );
    assert_eq!(facts["toc"], true, "{facts}");
    assert_eq!(facts["title"], "Model <test> & co");
    assert_eq!(
        facts["last_row"],
        serde_json::json!(["<w:cantSplit />", "w14:paraId=\"0\" 株式会社"]),
        "user text is kept as text; only the control character is dropped"
    );
    assert_eq!(facts["author"], "Dana Assessor");
    // The data table is the last: its first row alone repeats; layout tables have none.
    let tables = facts["rows"].as_array().expect("tables");
    let data = tables
        .last()
        .and_then(|t| t.as_array())
        .expect("data table");
    assert_eq!(data.len(), 82);
    assert_eq!(data[0], true);
    assert!(data[1..].iter().all(|r| r == false));
    assert!(tables[..tables.len() - 1].iter().all(|t| t
        .as_array()
        .is_some_and(|rows| rows.iter().all(|r| r == false))));
}

#[test]
fn the_pdf_repeats_a_long_tables_header_on_the_next_page() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (bytes, pages) = trustgap_documents::report::render_document(&document()).expect("pdf");
    assert!(pages >= 3, "{pages} pages");
    let path = dir.path().join("model.pdf");
    std::fs::write(&path, &bytes).expect("write");
    let p = path.to_str().expect("utf8");
    tool("qpdf", &["--check", p]);
    let last = pages.to_string();
    let text = tool("pdftotext", &["-f", &last, "-l", &last, p, "-"]);
    assert!(
        text.contains("Severity") && text.contains("Row item 79"),
        "{text}"
    );
    let first = tool("pdftotext", &["-f", "1", "-l", "1", p, "-"]);
    assert!(
        first.contains("First chapter") && first.contains(&format!("Page 1 of {pages}")),
        "{first}"
    );
}
