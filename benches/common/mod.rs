//! What the benchmark programs share: a scratch folder, summary statistics and the lines they
//! print (Markdown table rows, collected into BENCHMARKS.md by `scripts/bench.sh`).

#![allow(dead_code)] // each benchmark uses its own subset
#![allow(
    clippy::print_stdout,
    reason = "benchmark programs print their result rows; scripts/bench.sh collects them"
)]

use std::path::{Path, PathBuf};
use std::time::Duration;

/// A folder under the system temp dir, removed when dropped.
pub struct Scratch(PathBuf);

impl Scratch {
    pub fn new(name: &str) -> Scratch {
        let dir =
            std::env::temp_dir().join(format!("trustgap-bench-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        if let Err(e) = std::fs::create_dir_all(&dir) {
            fail(&format!("cannot create {}: {e}", dir.display()));
        }
        Scratch(dir)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Median, 99th percentile and range of a set of samples.
#[derive(Debug, Clone, Copy)]
pub struct Summary {
    pub n: usize,
    pub median: f64,
    pub p99: f64,
    pub min: f64,
    pub max: f64,
}

/// `target/release`, where the benchmark's own binary lives (in `deps/`) beside the release
/// builds it launches.
pub fn release_dir() -> PathBuf {
    let exe = check("current exe", std::env::current_exe());
    exe.parent()
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| fail("cannot locate the target folder"))
}

/// Summarises samples (any unit); nearest-rank percentiles.
pub fn summarize(samples: &[f64]) -> Summary {
    let mut v = samples.to_vec();
    v.sort_by(f64::total_cmp);
    let rank = |p: f64| {
        let i = ((p * v.len() as f64).ceil() as usize).clamp(1, v.len().max(1));
        v.get(i - 1).copied().unwrap_or(f64::NAN)
    };
    Summary {
        n: v.len(),
        median: rank(0.5),
        p99: rank(0.99),
        min: v.first().copied().unwrap_or(f64::NAN),
        max: v.last().copied().unwrap_or(f64::NAN),
    }
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// One result row: `| figure | measured | floor | ratio | target | verdict |`.
pub fn row(
    figure: &str,
    measured: &str,
    floor: &str,
    ratio: &str,
    target: &str,
    met: Option<bool>,
) {
    let verdict = match met {
        Some(true) => "met",
        Some(false) => "**missed**",
        None => "",
    };
    println!("| {figure} | {measured} | {floor} | {ratio} | {target} | {verdict} |");
}

pub fn header(title: &str) {
    println!("\n### {title}\n");
    println!("| Figure | Measured | Floor | Ratio | Target | |");
    println!("|---|---|---|---|---|---|");
}

/// Stops the benchmark with a message (benchmarks are programs: no panics, a clear reason).
#[allow(
    clippy::disallowed_methods,
    reason = "a benchmark stops where it fails; it holds nothing to release"
)]
pub fn fail(message: &str) -> ! {
    eprintln!("benchmark failed: {message}");
    std::process::exit(1)
}

/// Unwraps a result or stops with its error.
pub fn check<T, E: std::fmt::Display>(what: &str, r: Result<T, E>) -> T {
    r.unwrap_or_else(|e| fail(&format!("{what}: {e}")))
}
