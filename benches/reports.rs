//! Benchmark (not a test): time to render the readiness report and the remediation plan PDF for
//! the sample assessment. Run with `cargo bench --bench reports`; prints median and range of
//! ten renders each, after one warm-up render (which parses the embedded fonts).

use chrono::{NaiveDate, TimeZone, Utc};
use std::time::{Duration, Instant};
use trustgap::workspace::{ReportKind, ReportOptions};

fn main() {
    let dir = std::env::temp_dir().join(format!("trustgap-bench-{}", std::process::id()));
    let mut ws = match trustgap::open_workspace(&dir) {
        Ok(ws) => ws,
        Err(e) => {
            return eprintln!(
                "cannot open a workspace in {}: {}",
                dir.display(),
                e.message
            )
        }
    };
    let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap_or_default();
    let at = Utc
        .with_ymd_and_hms(2026, 11, 30, 9, 0, 0)
        .single()
        .unwrap_or_default();
    let sample = match ws.create_sample(today) {
        Ok(s) => s,
        Err(e) => return eprintln!("cannot create the sample: {}", e.message),
    };
    let options = ReportOptions {
        include_appendix: true,
        snapshot_id: None,
    };
    for (label, kind) in [
        ("readiness report", ReportKind::Readiness),
        ("remediation plan", ReportKind::Plan),
    ] {
        let mut times: Vec<Duration> = Vec::new();
        let mut size = 0;
        for round in 0..11 {
            let start = Instant::now();
            match ws.report_pdf(sample.id, kind, &options, at, today) {
                Ok((_, bytes)) => size = bytes.len(),
                Err(e) => return eprintln!("{label} failed: {}", e.message),
            }
            if round > 0 {
                times.push(start.elapsed());
            }
        }
        times.sort();
        println!(
            "{label}: median {:.1} ms (min {:.1}, max {:.1}) over {} renders, {} KB",
            times[times.len() / 2].as_secs_f64() * 1e3,
            times[0].as_secs_f64() * 1e3,
            times[times.len() - 1].as_secs_f64() * 1e3,
            times.len(),
            size / 1024
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
