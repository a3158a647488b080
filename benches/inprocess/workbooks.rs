//! The assessment workbook (Excel) for the sample assessment and for the same company answering
//! a bank five times as large, against its floor: the gap register CSV of the same assessment,
//! which reads the same answers and builds the same plan, then writes the text without a
//! workbook's sheets, formats, drop-downs and zip.

use super::{check, header, ms, row, summarize, today};
use chrono::{TimeZone, Utc};
use std::time::Instant;
use trustgap_workspace::{DataFormat, Workspace};

/// The sample's target, from the issue.
const SAMPLE_TARGET_MS: f64 = 50.0;

pub fn workbooks(demo: (&Workspace, i64), large: (&Workspace, i64), rounds: usize) {
    header(&format!(
        "Assessment workbook (median of {rounds} exports after a warm-up; floor: the gap \
         register CSV of the same assessment, the same answers read and plan built)"
    ));
    let mut own = Vec::new();
    for (label, (ws, id)) in [("sample", demo), ("5× larger assessment", large)] {
        let r = export(ws, id, DataFormat::Xlsx, rounds);
        let floor = export(ws, id, DataFormat::CsvGaps, rounds);
        let target = if label == "sample" {
            format!("≤ {SAMPLE_TARGET_MS} ms")
        } else {
            String::new()
        };
        row(
            &format!("Assessment workbook ({label})"),
            &format!("{:.1} ms ({} KB)", r.ms, r.bytes / 1024),
            &format!("{:.1} ms", floor.ms),
            &format!("{:.2}×", r.ms / floor.ms),
            &target,
            (label == "sample").then_some(r.ms <= SAMPLE_TARGET_MS),
        );
        own.push((r.ms - floor.ms).max(0.01));
    }
    // The plan both start from grows faster than the bank (scheduling); the workbook's own cost
    // is what is over the floor.
    let (small, big) = (own[0], own[1]);
    row(
        "Assessment workbook, growth of its own cost (over the floor): 5× larger against the sample",
        &format!("{big:.1} ms"),
        &format!("{small:.1} ms"),
        &format!("{:.2}×", big / small),
        "grows about linearly (≤ 5×)",
        Some(big / small <= 5.5),
    );
}

struct Exported {
    ms: f64,
    bytes: usize,
}

fn export(ws: &Workspace, id: i64, format: DataFormat, rounds: usize) -> Exported {
    let at = Utc
        .with_ymd_and_hms(2026, 11, 30, 9, 0, 0)
        .single()
        .unwrap_or_default();
    let mut times = Vec::new();
    let mut bytes = 0;
    for round in 0..=rounds {
        let start = Instant::now();
        let (_, out) = check("export", ws.export_data(id, format, at, today()));
        if round > 0 {
            times.push(ms(start.elapsed()));
        }
        bytes = out.len();
    }
    Exported {
        ms: summarize(&times).median,
        bytes,
    }
}
