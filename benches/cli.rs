//! Benchmark (not a test) of the command line's start: `trustgap-cli --version` (the headless
//! binary scripts run) and, for reference, `trustgap --version` (the app binary, which links
//! WebKitGTK and GTK), each against an empty process as the floor: `true`, which starts, does
//! nothing and exits. Wall time from spawn to exit, and peak memory (maximum resident set size,
//! from GNU time's `%M`). Release builds; `scripts/bench.sh` builds them.
//! `TRUSTGAP_BENCH_QUICK=1` launches fewer times for a smoke run.

mod common;

use common::{check, fail, header, ms, release_dir, row, summarize, Scratch, Summary};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// GNU time, for the peak memory of one child (`wait4`'s `ru_maxrss`).
const GNU_TIME: &str = "/usr/bin/time";

fn main() {
    let quick = std::env::var_os("TRUSTGAP_BENCH_QUICK").is_some_and(|v| !v.is_empty());
    let (launches, memory_launches) = if quick { (20, 5) } else { (200, 30) };
    let release = release_dir();
    let cli = release.join("trustgap-cli");
    let app = release.join("trustgap");
    for p in [&cli, &app] {
        if !p.is_file() {
            fail(&format!(
                "{} is missing: build it with `cargo build --release --bin trustgap --bin trustgap-cli`",
                p.display()
            ));
        }
    }
    if !Path::new(GNU_TIME).is_file() {
        fail("GNU time (/usr/bin/time) is needed for peak memory: install the `time` package");
    }
    let floor = on_path("true").unwrap_or_else(|| fail("`true` is not on PATH"));
    // --version reads no workspace; a scratch folder keeps a stray read away from the user's.
    let data = Scratch::new("cli");
    let programs = [&floor, &cli, &app];

    // One unmeasured launch each (page cache), then interleaved launches.
    for p in programs {
        launch_ms(p, data.path());
    }
    let mut times: [Vec<f64>; 3] = Default::default();
    for _ in 0..launches {
        for (i, p) in programs.iter().enumerate() {
            times[i].push(launch_ms(p, data.path()));
        }
    }
    let mut memory: [Vec<f64>; 3] = Default::default();
    for _ in 0..memory_launches {
        for (i, p) in programs.iter().enumerate() {
            memory[i].push(peak_mb(p, data.path()));
        }
    }
    let [t_floor, t_cli, t_app] = times.map(|v| summarize(&v));
    let [m_floor, m_cli, m_app] = memory.map(|v| summarize(&v));

    header(&format!(
        "Command line start (`--version`, median of {launches} launches each, peak memory of \
         {memory_launches}, release builds)"
    ));
    let time = |s: Summary| format!("{:.1} ms (p99 {:.1})", s.median, s.p99);
    let mb = |s: Summary| format!("{:.1} MB", s.median);
    row(
        "`trustgap-cli --version`, wall time",
        &time(t_cli),
        &format!("{} (`true`)", time(t_floor)),
        &format!("{:.1}×", t_cli.median / t_floor.median),
        "≤ 10 ms",
        Some(t_cli.median <= 10.0),
    );
    row(
        "`trustgap-cli --version`, peak memory (max RSS)",
        &mb(m_cli),
        &format!("{} (`true`)", mb(m_floor)),
        &format!("{:+.1} MB", m_cli.median - m_floor.median),
        "≤ 15 MB",
        Some(m_cli.median <= 15.0),
    );
    row(
        "for reference: `trustgap --version` (the app binary), wall time",
        &time(t_app),
        &format!("{} (`true`)", time(t_floor)),
        &format!("{:.0}×", t_app.median / t_floor.median),
        &format!("trustgap-cli is {:.0}× faster", t_app.median / t_cli.median),
        None,
    );
    row(
        "for reference: `trustgap --version`, peak memory (max RSS)",
        &mb(m_app),
        &format!("{} (`true`)", mb(m_floor)),
        &format!("{:+.1} MB", m_app.median - m_floor.median),
        &format!(
            "trustgap-cli uses {:.1} MB less",
            m_app.median - m_cli.median
        ),
        None,
    );
}

/// Runs `program --version` to its exit; returns the wall time in ms.
fn launch_ms(program: &Path, data: &Path) -> f64 {
    let mut cmd = version_command(program, data);
    let start = Instant::now();
    let status = check("launch", cmd.status());
    let elapsed = ms(start.elapsed());
    if !status.success() {
        fail(&format!("{} --version failed", program.display()));
    }
    elapsed
}

/// Runs `program --version` under GNU time; returns its peak resident memory in MB.
fn peak_mb(program: &Path, data: &Path) -> f64 {
    let inner = version_command(program, data);
    let out = check(
        "GNU time",
        Command::new(GNU_TIME)
            .args(["-f", "%M"])
            .arg(inner.get_program())
            .args(inner.get_args())
            .env("TRUSTGAP_DATA_DIR", data)
            .stdout(Stdio::null())
            .output(),
    );
    if !out.status.success() {
        fail(&format!(
            "{} --version failed under time",
            program.display()
        ));
    }
    let err = String::from_utf8_lossy(&out.stderr);
    let kb: f64 = err
        .lines()
        .last()
        .and_then(|l| l.trim().parse().ok())
        .unwrap_or_else(|| fail(&format!("cannot read GNU time's output: {err}")));
    kb / 1024.0
}

fn version_command(program: &Path, data: &Path) -> Command {
    let mut cmd = Command::new(program);
    cmd.arg("--version")
        .env("TRUSTGAP_DATA_DIR", data)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

/// The first executable `name` on PATH.
fn on_path(name: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}
