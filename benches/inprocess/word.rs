//! The reports written as Word beside the same report as PDF: both come from one document model,
//! so the PDF's time is the floor (the target: the Word file within 1.5× of it).

use super::{check, ms, row, summarize, today};
use chrono::{TimeZone, Utc};
use std::time::Instant;
use trustgap_workspace::{DocFormat, ReportKind, ReportOptions, Workspace};

/// The Word file's target against the PDF's time.
const WORD_TARGET: f64 = 1.5;

/// One row: the report as Word against the PDF's median `pdf_ms`, both of the same assessment
/// (with the appendix, as the PDF was measured).
pub fn word_row(
    label: &str,
    kind: ReportKind,
    size: &str,
    ws: &Workspace,
    id: i64,
    pdf_ms: f64,
    rounds: usize,
) {
    let at = Utc
        .with_ymd_and_hms(2026, 11, 30, 9, 0, 0)
        .single()
        .unwrap_or_default();
    let options = ReportOptions {
        include_appendix: true,
        snapshot_id: None,
    };
    let mut times = Vec::new();
    let mut bytes = Vec::new();
    for round in 0..=rounds {
        let start = Instant::now();
        let (_, docx) = check(
            "word report",
            ws.report_as(id, kind, DocFormat::Docx, &options, at, today()),
        );
        if round > 0 {
            times.push(ms(start.elapsed()));
        }
        bytes = docx;
    }
    let word = summarize(&times).median;
    let ratio = word / pdf_ms;
    row(
        &format!("{label} as Word, {size}"),
        &format!("{word:.1} ms ({} KB)", bytes.len() / 1024),
        &format!("{pdf_ms:.1} ms (the PDF)"),
        &format!("{ratio:.2}×"),
        &format!("≤ {WORD_TARGET}× the PDF"),
        Some(ratio <= WORD_TARGET),
    );
}
