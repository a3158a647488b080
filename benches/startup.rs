//! Benchmark (not a test) of the whole app: time from launch to an interactive workspace screen,
//! and the memory of all its processes (the app and WebKit's), against a bare Tauri window built
//! with the same profile (`examples/bare_window`). Needs a display and the release builds;
//! `scripts/bench.sh` provides both. `TRUSTGAP_BENCH_LAUNCHES` sets the launches per program
//! (default 12).
//!
//! Both programs print `ready` on stdout once their first frame with content has been painted:
//! the bare window's static page, Trustgap's (with `TRUSTGAP_READY_PROBE`) workspace screen with
//! its data. Both run with the same WebKit painting setting (`trustgap::painting`); the bare
//! window is also launched with WebKit's default painting, for reference. Launches alternate
//! between the programs so they share the machine's conditions.

mod common;

use common::{check, fail, header, release_dir, row, summarize, Scratch};
use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How long a program may take to report ready before the run is abandoned.
const READY_TIMEOUT: Duration = Duration::from_secs(60);
/// Memory is read this long after ready, once the first screen has settled.
const SETTLE: Duration = Duration::from_millis(1500);

struct Launch {
    ready_ms: f64,
    memory_mb: f64,
    processes: usize,
}

fn main() {
    if std::env::var_os("DISPLAY").is_none() {
        fail("no display: run scripts/bench.sh, which starts one under Xvfb");
    }
    let release = release_dir();
    let app = release.join("trustgap");
    let bare = release.join("examples").join("bare_window");
    for p in [&app, &bare] {
        if !p.is_file() {
            fail(&format!(
                "{} is missing: build it with `cargo build --release --bin trustgap --example bare_window`",
                p.display()
            ));
        }
    }
    let launches: usize = std::env::var("TRUSTGAP_BENCH_LAUNCHES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(12)
        .max(1);

    // A workspace with the sample assessment, as a new user sees it after one click.
    let data = Scratch::new("startup");
    let status = check(
        "trustgap demo",
        Command::new(&app)
            .arg("--data-dir")
            .arg(data.path())
            .arg("demo")
            .stdout(Stdio::null())
            .status(),
    );
    if !status.success() {
        fail("`trustgap demo` failed");
    }
    let app_cmd = || {
        let mut c = Command::new(&app);
        c.arg("--data-dir")
            .arg(data.path())
            .env("TRUSTGAP_READY_PROBE", "1");
        c
    };
    let bare_cmd = || Command::new(&bare);
    // For reference: the bare window as WebKitGTK paints by default, without the setting
    // Trustgap makes for itself (a user's own setting of the variable is kept for the others).
    let default_cmd = || {
        let mut c = Command::new(&bare);
        c.env(trustgap::painting::CPU_PAINTING_ENV, "0");
        c
    };

    // One unmeasured launch each: the app's first start of the day also makes its backup.
    launch(&mut app_cmd());
    launch(&mut bare_cmd());
    launch(&mut default_cmd());
    let (mut app_runs, mut bare_runs, mut default_runs) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..launches {
        bare_runs.push(launch(&mut bare_cmd()));
        app_runs.push(launch(&mut app_cmd()));
        default_runs.push(launch(&mut default_cmd()));
    }

    let start = |runs: &[Launch]| summarize(&runs.iter().map(|l| l.ready_ms).collect::<Vec<_>>());
    let memory = |runs: &[Launch]| summarize(&runs.iter().map(|l| l.memory_mb).collect::<Vec<_>>());
    let (a, b) = (start(&app_runs), start(&bare_runs));
    let (am, bm) = (memory(&app_runs), memory(&bare_runs));
    let (d, dm) = (start(&default_runs), memory(&default_runs));
    let processes = app_runs.last().map_or(0, |l| l.processes);
    header(&format!(
        "Start-up (median of {launches} launches each, release builds, under Xvfb)"
    ));
    row(
        "launch to interactive workspace screen",
        &format!("{:.0} ms (range {:.0}–{:.0})", a.median, a.min, a.max),
        &format!("{:.0} ms (range {:.0}–{:.0})", b.median, b.min, b.max),
        &format!("{:.2}×", a.median / b.median),
        "≤ 1.15×",
        Some(a.median / b.median <= 1.15),
    );
    row(
        &format!("memory of all processes ({processes} for the app), PSS"),
        &format!("{:.1} MB", am.median),
        &format!("{:.1} MB", bm.median),
        &format!("{:+.1} MB", am.median - bm.median),
        "≤ +40 MB",
        Some(am.median - bm.median <= 40.0),
    );
    row(
        "launch, against the bare window with WebKit's default painting",
        &format!("{:.0} ms", a.median),
        &format!("{:.0} ms (range {:.0}–{:.0})", d.median, d.min, d.max),
        &format!("{:.2}×", a.median / d.median),
        "≤ 1.15×",
        Some(a.median / d.median <= 1.15),
    );
    row(
        "memory, against the bare window with WebKit's default painting",
        &format!("{:.1} MB", am.median),
        &format!("{:.1} MB", dm.median),
        &format!("{:+.1} MB", am.median - dm.median),
        "≤ +40 MB",
        Some(am.median - dm.median <= 40.0),
    );
}

/// Starts a program, waits for its `ready` line, measures its processes' memory, stops it.
fn launch(cmd: &mut Command) -> Launch {
    let started = Instant::now();
    let mut child = check(
        "launch",
        cmd.stdout(Stdio::piped()).stderr(Stdio::null()).spawn(),
    );
    let stdout = child
        .stdout
        .take()
        .unwrap_or_else(|| fail("no stdout pipe"));
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if line.trim() == "ready" {
                let _ = tx.send(Instant::now());
            }
        }
    });
    let ready = match rx.recv_timeout(READY_TIMEOUT) {
        Ok(at) => at,
        Err(_) => {
            stop(&mut child);
            fail("the program did not report ready within a minute");
        }
    };
    std::thread::sleep(SETTLE);
    let tree = process_tree(child.id());
    let memory_kb: u64 = tree.iter().map(|&pid| pss_kb(pid)).sum();
    stop(&mut child);
    wait_gone(&tree);
    Launch {
        ready_ms: (ready - started).as_secs_f64() * 1e3,
        memory_mb: memory_kb as f64 / 1024.0,
        processes: tree.len(),
    }
}

fn stop(child: &mut Child) {
    let _ = child.kill();
    let _ = child.wait();
}

/// Waits (up to 10 s) until WebKit's helper processes have exited too.
fn wait_gone(pids: &[u32]) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline
        && pids
            .iter()
            .any(|p| Path::new(&format!("/proc/{p}")).exists())
    {
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// `root` and all its descendants (WebKit's web and network processes, their sandbox helpers).
fn process_tree(root: u32) -> Vec<u32> {
    let mut children: HashMap<u32, Vec<u32>> = HashMap::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|s| s.parse::<u32>().ok())
        else {
            continue;
        };
        if let Some(ppid) = parent_of(pid) {
            children.entry(ppid).or_default().push(pid);
        }
    }
    let (mut seen, mut stack) = (HashSet::new(), vec![root]);
    while let Some(pid) = stack.pop() {
        if seen.insert(pid) {
            stack.extend(children.get(&pid).into_iter().flatten());
        }
    }
    seen.into_iter().collect()
}

fn parent_of(pid: u32) -> Option<u32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) may hold spaces; the fields after its ')' are fixed.
    let rest = stat.rsplit_once(')')?.1;
    rest.split_whitespace().nth(1)?.parse().ok()
}

/// Proportional set size: each shared page counted once across the processes sharing it.
fn pss_kb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("Pss:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}
