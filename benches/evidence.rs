//! Benchmark (not a test) of the evidence locker through the release `trustgap-cli`:
//! - adding a 200 MB file (`evidence add`) against `cp` followed by `sha256sum` of the same file,
//!   wall time, and the rise in peak memory (max RSS from GNU time) over `evidence list` on the
//!   same workspace;
//! - building a pack of five 200 MB files (1000 MB, `evidence pack`) against `zip -0 -r` of the
//!   same files, as throughput, with its peak memory.
//!
//! Each add gets a fresh workspace (a second add of the same bytes would be stored once).
//! `TRUSTGAP_BENCH_QUICK=1` uses 20 MB files and one run each, for a smoke run.

mod common;

use common::{check, fail, header, ms, release_dir, row, summarize, Scratch};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

const GNU_TIME: &str = "/usr/bin/time";
const MB: u64 = 1024 * 1024;

fn main() {
    let quick = std::env::var_os("TRUSTGAP_BENCH_QUICK").is_some_and(|v| !v.is_empty());
    let (size, runs) = if quick { (20 * MB, 1) } else { (200 * MB, 3) };
    let cli = release_dir().join("trustgap-cli");
    if !cli.is_file() {
        fail("target/release/trustgap-cli is missing: build it with `cargo build --release --bin trustgap-cli`");
    }
    for tool in [GNU_TIME, "/usr/bin/zip"] {
        if !Path::new(tool).is_file() {
            fail(&format!(
                "{tool} is needed: install the `time` and `zip` packages"
            ));
        }
    }
    let scratch = Scratch::new("evidence");
    let files: Vec<PathBuf> = (0..5)
        .map(|i| {
            noise(
                &scratch.path().join(format!("files/evidence-{i}.bin")),
                size,
                i + 1,
            )
        })
        .collect();
    let file = &files[0];

    // Adding one file, against cp + sha256sum. One unmeasured round of each first (page cache).
    let mut add = Vec::new();
    let mut floor = Vec::new();
    let mut rise = Vec::new();
    for round in 0..=runs {
        let copy = scratch.path().join("copy.bin");
        let started = Instant::now();
        run("cp", Command::new("cp").arg(file).arg(&copy));
        run("sha256sum", Command::new("sha256sum").arg(&copy));
        let floor_ms = ms(started.elapsed());
        check("remove copy", std::fs::remove_file(&copy));

        let data = fresh_workspace(&cli, scratch.path(), round);
        let baseline = peak_mb(cli_in(&cli, &data).args(["evidence", "list", "--assessment", "1"]));
        let started = Instant::now();
        let peak = peak_mb(
            cli_in(&cli, &data)
                .args([
                    "evidence",
                    "add",
                    "--assessment",
                    "1",
                    "--criterion",
                    "CC6.1",
                ])
                .arg(file),
        );
        let add_ms = ms(started.elapsed());
        check("remove workspace", std::fs::remove_dir_all(&data));
        if round > 0 {
            add.push(add_ms);
            floor.push(floor_ms);
            rise.push(peak - baseline);
        }
    }
    let (add, floor, rise) = (summarize(&add), summarize(&floor), summarize(&rise));
    let mb = size / MB;
    header(&format!(
        "Evidence locker (release `trustgap-cli`, median of {runs} runs after a warm-up; floor: \
         `cp` then `sha256sum` of the same file, and `zip -0 -r` of the same files)"
    ));
    row(
        &format!("add a {mb} MB file (`evidence add`), wall time"),
        &format!("{:.0} ms", add.median),
        &format!("{:.0} ms (`cp` + `sha256sum`)", floor.median),
        &format!("{:.2}×", add.median / floor.median),
        "≤ 1.5×",
        Some(add.median <= 1.5 * floor.median),
    );
    row(
        &format!("add a {mb} MB file, rise in peak memory over `evidence list`"),
        &format!("{:+.1} MB", rise.median),
        "`evidence list` on the same workspace",
        "",
        "< 32 MB",
        Some(rise.median < 32.0),
    );

    // A pack of the five files, against zip -0 -r of the same files.
    let data = fresh_workspace(&cli, scratch.path(), 99);
    for f in &files {
        run(
            "evidence add",
            cli_in(&cli, &data)
                .args([
                    "evidence",
                    "add",
                    "--assessment",
                    "1",
                    "--criterion",
                    "CC7.2",
                ])
                .arg(f),
        );
    }
    let total = size * files.len() as u64;
    let mut pack = Vec::new();
    let mut zip = Vec::new();
    let mut pack_peak = Vec::new();
    let baseline = peak_mb(cli_in(&cli, &data).args(["evidence", "list", "--assessment", "1"]));
    for round in 0..=runs {
        let out = scratch.path().join("pack.zip");
        let started = Instant::now();
        let peak = peak_mb(
            cli_in(&cli, &data)
                .args(["evidence", "pack", "--assessment", "1", "--out"])
                .arg(&out),
        );
        let pack_ms = ms(started.elapsed());
        check("remove pack", std::fs::remove_file(&out));
        let reference = scratch.path().join("reference.zip");
        let started = Instant::now();
        run(
            "zip",
            Command::new("zip")
                .args(["-0", "-r", "-q"])
                .arg(&reference)
                .arg("files")
                .current_dir(scratch.path()),
        );
        let zip_ms = ms(started.elapsed());
        check("remove zip", std::fs::remove_file(&reference));
        if round > 0 {
            pack.push(pack_ms);
            zip.push(zip_ms);
            pack_peak.push(peak - baseline);
        }
    }
    let (pack, zip, pack_peak) = (summarize(&pack), summarize(&zip), summarize(&pack_peak));
    let throughput = |ms: f64| total as f64 / MB as f64 / (ms / 1000.0);
    let (ours, theirs) = (throughput(pack.median), throughput(zip.median));
    row(
        &format!(
            "evidence pack of {} MB (`evidence pack`), throughput",
            total / MB
        ),
        &format!("{ours:.0} MB/s ({:.0} ms)", pack.median),
        &format!("{theirs:.0} MB/s ({:.0} ms, `zip -0 -r`)", zip.median),
        &format!("{:.2}×", ours / theirs),
        "≥ 0.7×",
        Some(ours >= 0.7 * theirs),
    );
    row(
        &format!(
            "evidence pack of {} MB, rise in peak memory over `evidence list`",
            total / MB
        ),
        &format!("{:+.1} MB", pack_peak.median),
        "`evidence list` on the same workspace",
        "",
        "no more than a small pack's",
        None,
    );
}

/// A new workspace with the sample assessment (id 1) under `dir`.
fn fresh_workspace(cli: &Path, dir: &Path, round: u64) -> PathBuf {
    let data = dir.join(format!("ws-{round}"));
    let _ = std::fs::remove_dir_all(&data);
    run("demo", cli_in(cli, &data).arg("demo"));
    data
}

fn cli_in(cli: &Path, data: &Path) -> Command {
    let mut cmd = Command::new(cli);
    cmd.arg("--data-dir").arg(data).stdout(Stdio::null());
    cmd
}

fn run(what: &str, cmd: &mut Command) {
    let status = check(what, cmd.stdout(Stdio::null()).status());
    if !status.success() {
        fail(&format!("{what} failed"));
    }
}

/// Runs `cmd` under GNU time; returns its peak resident memory in MB.
fn peak_mb(cmd: &mut Command) -> f64 {
    let out = check(
        "GNU time",
        Command::new(GNU_TIME)
            .args(["-f", "%M"])
            .arg(cmd.get_program())
            .args(cmd.get_args())
            .stdout(Stdio::null())
            .output(),
    );
    let err = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        fail(&format!(
            "{:?} failed: {err}",
            cmd.get_args().collect::<Vec<_>>()
        ));
    }
    let kb: f64 = err
        .lines()
        .last()
        .and_then(|l| l.trim().parse().ok())
        .unwrap_or_else(|| fail(&format!("cannot read GNU time's output: {err}")));
    kb / 1024.0
}

/// A file of `len` pseudo-random bytes (incompressible), written a megabyte at a time.
fn noise(path: &Path, len: u64, seed: u64) -> PathBuf {
    if let Some(dir) = path.parent() {
        check("mkdir", std::fs::create_dir_all(dir));
    }
    let mut out = std::io::BufWriter::new(check("create", std::fs::File::create(path)));
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut buf = vec![0u8; MB as usize];
    for _ in 0..len / MB {
        for chunk in buf.chunks_mut(8) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            chunk.copy_from_slice(&x.to_le_bytes()[..chunk.len()]);
        }
        check("write", out.write_all(&buf));
    }
    check("flush", out.flush());
    path.to_owned()
}
