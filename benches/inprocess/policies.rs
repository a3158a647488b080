//! The sample's whole policy pack (every policy and the index) as PDF, Word and Markdown,
//! against its floor: the same pack built as views (read, generated and merged) without a
//! document written.

use super::{check, header, ms, row, summarize, today, Scratch};
use chrono::{TimeZone, Utc};
use std::time::Instant;
use trustgap_domain::catalog::Catalog;
use trustgap_domain::policy::PolicyFormat;
use trustgap_workspace::Workspace;

/// The target for the whole pack in the three formats.
const TARGET_MS: f64 = 1000.0;

pub fn policies(catalog: &'static Catalog, quick: bool) {
    let rounds = if quick { 2 } else { 10 };
    let dir = Scratch::new("policies");
    let mut ws = check("workspace", Workspace::open_with(dir.path(), catalog));
    let id = check("sample", ws.create_sample(today())).id;
    let at = Utc
        .with_ymd_and_hms(2026, 11, 30, 9, 0, 0)
        .single()
        .unwrap_or_default();
    let (mut pack, mut floor) = (Vec::new(), Vec::new());
    let (mut files, mut bytes) = (0, 0);
    for round in 0..=rounds {
        let start = Instant::now();
        check("views", ws.list_policies(id, today()));
        let floor_ms = ms(start.elapsed());
        let start = Instant::now();
        let mut written = Vec::new();
        for format in PolicyFormat::ALL {
            written.extend(check("pack", ws.policy_pack(id, format, at, today())));
        }
        if round > 0 {
            pack.push(ms(start.elapsed()));
            floor.push(floor_ms);
        }
        files = written.len();
        bytes = written.iter().map(|f| f.bytes.len()).sum::<usize>();
    }
    let (p, f) = (summarize(&pack).median, summarize(&floor).median);
    header(&format!(
        "Policy pack (median of {rounds} after a warm-up; floor: the same pack built as views, \
         no document written)"
    ));
    row(
        "whole policy pack of the sample, PDF + Word + Markdown",
        &format!("{p:.1} ms ({files} files, {} KB)", bytes / 1024),
        &format!("{f:.1} ms"),
        &format!("{:.2}×", p / f),
        &format!("< {TARGET_MS:.0} ms"),
        Some(p < TARGET_MS),
    );
}
