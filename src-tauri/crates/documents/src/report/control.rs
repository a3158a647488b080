//! The front matter after the cover, as model blocks so every renderer prints the same: the
//! document control page (identity, version history, handling, disclaimer, reading guide) and
//! the sign-off page (each approver's line to sign).

use super::context::ReportContext;
use super::front::{status_line, MARKING};
use super::theme::long_date;
use crate::doc::{Block, Cell, Column, Row, Signatory, Table, Text};

/// The document control page.
pub fn control_blocks(ctx: &ReportContext<'_>, title: &str, guide: &[(&str, &str)]) -> Vec<Block> {
    let stamp = ctx.generated_at.format("%-d %B %Y, %H:%M UTC").to_string();
    let basis = if ctx.branding.firm.is_empty() {
        format!(
            "Trustgap {}, question bank {}; answers as recorded on {}",
            env!("CARGO_PKG_VERSION"),
            ctx.catalog_version,
            long_date(ctx.date)
        )
    } else {
        format!(
            "Question bank {}; answers as recorded on {}",
            ctx.catalog_version,
            long_date(ctx.date)
        )
    };
    let facts: Vec<(&str, String)> = vec![
        ("Document", title.to_owned()),
        ("Client", ctx.client.to_owned()),
        ("System", ctx.system().to_owned()),
        ("Assessment", ctx.assessment.to_owned()),
        (
            "Version",
            format!("{}, generated {stamp}", ctx.version_label()),
        ),
        ("Status", status_line(ctx)),
        (
            "Classification",
            format!("{MARKING}: restricted distribution"),
        ),
        ("Led by", ctx.led_by()),
        ("Prepared by", ctx.prepared_by()),
        ("Basis", basis),
    ];
    let mut out = vec![
        Block::FrontPage("Document control".to_owned()),
        label_table(1.3, 3.7, facts.into_iter().map(|(k, v)| (k.to_owned(), v))),
        heading("Version history"),
    ];
    let mut rows: Vec<Row> = ctx
        .versions
        .iter()
        .map(|v| {
            Row::plain(vec![
                v.label(),
                long_date(v.issued_on),
                v.change.clone(),
                v.author.clone(),
            ])
        })
        .collect();
    if rows.is_empty() {
        rows.push(Row::plain(vec![
            "Draft".to_owned(),
            long_date(ctx.date),
            "Not issued yet: each export of this document adds a numbered version here.".to_owned(),
            ctx.prepared_by(),
        ]));
    }
    out.push(Block::Table(Table {
        columns: vec![
            Column::new("Version", 0.8),
            Column::new("Date", 1.2),
            Column::new("Change", 3.0),
            Column::new("By", 1.4),
        ],
        rows,
    }));
    out.extend([
        heading("Handling"),
        Block::Paragraph(Text::plain(
            "Keep this document with the same care as the systems it describes: it names \
             missing controls an attacker would look for. Share it under a non-disclosure \
             agreement, and generate a new version rather than editing this one when answers \
             change.",
        )),
    ]);
    let disclaimer = ctx.branding.disclaimer.trim();
    if !disclaimer.is_empty() {
        out.extend([
            heading("Disclaimer"),
            Block::Paragraph(Text::plain(disclaimer)),
        ]);
    }
    if !guide.is_empty() {
        out.extend([
            heading("How to read this document"),
            label_table(
                1.5,
                3.5,
                guide
                    .iter()
                    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned())),
            ),
        ]);
    }
    out
}

/// The sign-off page, when the assessment names approvers (else nothing).
pub fn sign_off_blocks(ctx: &ReportContext<'_>, title: &str) -> Vec<Block> {
    if ctx.approvers.is_empty() {
        return Vec::new();
    }
    vec![
        Block::FrontPage("Sign-off".to_owned()),
        Block::Paragraph(Text::plain(format!(
            "By signing, each approver confirms that they have read this {} (version {}) and \
             accept its findings, and the management responses recorded in it, as a fair account \
             of the company's readiness on {}.",
            title.to_lowercase(),
            ctx.version_label(),
            long_date(ctx.date)
        ))),
        Block::Spacer(14.0),
        Block::SignOff(
            ctx.approvers
                .iter()
                .map(|a| Signatory {
                    name: a.name.clone(),
                    role: a.role.clone(),
                    date: a.signed_on.map(long_date).unwrap_or_default(),
                })
                .collect(),
        ),
    ]
}

/// An unnumbered section heading (front matter keeps it out of the contents).
fn heading(title: &str) -> Block {
    Block::Heading {
        number: String::new(),
        title: title.to_owned(),
        level: 1,
    }
}

/// A header-less label/value table, the labels bold.
fn label_table(label_w: f32, value_w: f32, rows: impl Iterator<Item = (String, String)>) -> Block {
    Block::Table(Table {
        columns: vec![Column::new("", label_w), Column::new("", value_w)],
        rows: rows
            .map(|(k, v)| Row {
                cells: vec![Cell::strong(k), Cell::from(v)],
                tone: None,
            })
            .collect(),
    })
}
