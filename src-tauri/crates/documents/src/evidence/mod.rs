//! The evidence pack's own documents: the manifest (CSV, for scripts and spreadsheets) and its
//! index (a document: PDF for the auditor's file), and the request list as a workbook.

mod requests;

pub use requests::request_list_workbook;

use crate::doc::{Block, Column, Document, Meta, Row, Table, Text};
use crate::export::csv::CsvWriter;
use crate::report::theme::long_date;
use chrono::{DateTime, Utc};
use trustgap_domain::branding::Branding;

/// One file in the pack, as the manifest and the index list it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackEntry {
    /// Where it is inside the pack: `CC6.1 Logical access/access review.pdf`.
    pub path: String,
    /// The name it was added with.
    pub name: String,
    pub sha256: String,
    pub size: u64,
    pub media_type: String,
    /// What it is attached to: `question ACC-004; request CC6.1/1`.
    pub attached: String,
    /// The criteria it speaks for.
    pub criteria: String,
    /// `2027-01-01 to 2027-03-31`, or empty.
    pub period: String,
    pub produced_on: String,
    pub expires_on: String,
    pub added_by: String,
    pub added_at: String,
}

/// Who the pack is for and when it was made.
pub struct PackInfo<'a> {
    pub client: &'a str,
    pub assessment: &'a str,
    pub branding: &'a Branding,
    pub generated_at: DateTime<Utc>,
}

const MANIFEST_HEADER: [&str; 12] = [
    "Path in pack",
    "Original name",
    "SHA-256",
    "Size (bytes)",
    "Media type",
    "Attached to",
    "Criteria",
    "Period covered",
    "Produced on",
    "Expires on",
    "Provided by",
    "Added at",
];

/// The manifest as CSV: one row per file, in pack order.
pub fn manifest_csv(entries: &[PackEntry]) -> String {
    let mut w = CsvWriter::new(&MANIFEST_HEADER);
    for e in entries {
        let size = e.size.to_string();
        w.row([
            e.path.as_str(),
            &e.name,
            &e.sha256,
            &size,
            &e.media_type,
            &e.attached,
            &e.criteria,
            &e.period,
            &e.produced_on,
            &e.expires_on,
            &e.added_by,
            &e.added_at,
        ]);
    }
    w.finish()
}

/// The index: what the pack holds and how to check it, then one row per file.
pub fn pack_index_document(info: &PackInfo<'_>, entries: &[PackEntry]) -> Document {
    let total: u64 = entries.iter().map(|e| e.size).sum();
    let date = long_date(info.generated_at.date_naive());
    let mut blocks = vec![
        Block::Title {
            kicker: format!("{} · {}", info.client, info.assessment),
            title: "Evidence pack index".to_owned(),
            subtitle: date.clone(),
        },
        Block::Paragraph(Text::plain(format!(
            "This pack holds {} file{} ({}), one folder per criterion. Each file is listed below \
             with its SHA-256: to check a file has not changed since the pack was made, compute \
             its SHA-256 (for example with sha256sum or certutil -hashfile) and compare. \
             manifest.csv holds the same list for a spreadsheet; request-list.xlsx holds the \
             request list with each item's status.",
            entries.len(),
            if entries.len() == 1 { "" } else { "s" },
            human_size(total)
        ))),
    ];
    if entries.is_empty() {
        blocks.push(Block::Note(Text::plain(
            "No evidence has been added to this assessment yet.",
        )));
    } else {
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new("File", 3.4),
                Column::new("Attached to", 2.2),
                Column::new("Period covered", 1.8),
                Column::new("Provided by", 1.6),
                Column::new("SHA-256", 2.8),
            ],
            rows: entries
                .iter()
                .map(|e| {
                    let period = match (e.period.is_empty(), e.produced_on.is_empty()) {
                        (false, _) => e.period.clone(),
                        (true, false) => format!("produced {}", e.produced_on),
                        (true, true) => String::new(),
                    };
                    Row::plain(vec![
                        format!("{}\n{}", e.path, human_size(e.size)),
                        e.attached.clone(),
                        period,
                        format!("{}\n{}", e.added_by, e.added_at.get(..10).unwrap_or("")),
                        // Broken in two so the hash wraps at a predictable place.
                        format!(
                            "{}\n{}",
                            &e.sha256[..32.min(e.sha256.len())],
                            e.sha256.get(32..).unwrap_or("")
                        ),
                    ])
                })
                .collect(),
        }));
    }
    Document {
        meta: Meta {
            title: format!("Evidence pack index: {} - {}", info.client, info.assessment),
            subject: "Evidence pack index".to_owned(),
            author: {
                let firm = info.branding.firm.trim();
                if firm.is_empty() { info.client } else { firm }.to_owned()
            },
            keywords: vec![
                "SOC 2".to_owned(),
                "evidence".to_owned(),
                info.client.to_owned(),
            ],
            generated_at: info.generated_at,
            running_head: format!("{} · Evidence pack index · {date}", info.client),
            marking: "Confidential".to_owned(),
            footer: info.branding.prepared_line(),
            branding: info.branding.clone(),
        },
        blocks,
    }
}

/// `1.2 MB`, `340 KB`, `12 bytes`.
pub fn human_size(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes >= MB {
        format!("{:.1} MB", bytes as f64 / MB as f64)
    } else if bytes >= 1024 {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        format!("{bytes} bytes")
    }
}
