//! Crash safety. A child process (this very test binary, re-run on `crash::child_entry`) runs
//! the real save, migration or backup path in a loop and is killed with SIGKILL at a random
//! moment; the parent then reopens the database and checks it opens, is intact, holds every save
//! the child acknowledged and nothing half-written. Then: a damaged workspace is refused and left
//! as it is, and the latest backup takes its place.
//!
//! Every run prints its seed. `TRUSTGAP_CRASH_SEED=<seed>` replays the same choices (the moment
//! of each kill still depends on the machine); `TRUSTGAP_CRASH_KILLS=<n>` sets the number of kills
//! of the save loop (default 200); migrations and backups get a tenth of that, at least 20.

use crate::dbcheck::{assert_sound, digest, raw};
use crate::seeded::{self, Rng};
use rusqlite::types::ValueRef;
use rusqlite::Connection;
use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};
use trustgap_domain::assessment::Answer;
use trustgap_domain::catalog::CategoryId;
use trustgap_domain::plan::{AuditProfile, AuditType};
use trustgap_store::backup::{inspect, list_backups, restore, set_aside};
use trustgap_store::migrations::{self, LATEST};
use trustgap_store::{Store, StoreError, DB_FILE};
use trustgap_workspace::{NewAssessmentInput, SaveAnswerInput};

const CHILD_ENV: &str = "TRUSTGAP_CRASH_CHILD";
const SEED_ENV: &str = "TRUSTGAP_CRASH_SEED";
const KILLS_ENV: &str = "TRUSTGAP_CRASH_KILLS";
/// A child stops by itself after this long, so nothing can outlive a parent that failed.
const CHILD_LIFETIME: Duration = Duration::from_secs(60);
/// How long the parent waits for a child to get going before it gives up.
const START_TIMEOUT: Duration = Duration::from_secs(60);
/// Save numbers of round `r` start at `r * ROUND_STRIDE + 1`, so every note is unique.
const ROUND_STRIDE: u64 = 1_000_000;
/// The saves cycle over this many questions, so questions are saved over and over.
const QUESTION_POOL: usize = 12;
const ANSWERS: [Option<Answer>; 6] = [
    Some(Answer::Implemented),
    Some(Answer::Partial),
    Some(Answer::NotImplemented),
    Some(Answer::NotApplicable),
    Some(Answer::Unknown),
    None,
];
/// Name of the backup the `backup` child writes over and over in its data folder.
const BACKUP_FILE: &str = "backup.sqlite3";
/// The version-1 database every `migrate` round starts from.
const V1_TEMPLATE: &str = "v1-template.sqlite3";

// ---------------------------------------------------------------------------------------------
// The child side.

/// The child process. Does nothing in a normal test run; runs a loop until killed when
/// `TRUSTGAP_CRASH_CHILD=<mode>:<seed>:<round>:<data dir>` is set.
#[test]
fn child_entry() {
    let Ok(spec) = std::env::var(CHILD_ENV) else {
        return;
    };
    let mut parts = spec.splitn(4, ':');
    let mode = parts.next().unwrap_or_default().to_owned();
    let mut number = |what: &str| -> u64 {
        parts
            .next()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("{CHILD_ENV}: bad {what} in '{spec}'"))
    };
    let seed = number("seed");
    let round = number("round");
    let dir = PathBuf::from(parts.next().expect("data dir"));
    // The harness printed "test crash::child_entry ... " without a line break: start afresh.
    say("");
    match mode.as_str() {
        "saves" => child_saves(&dir, seed, round),
        "migrate" => child_migrate(&dir),
        "backup" => child_backup(&dir),
        "evidence" => crate::crash_evidence::child(&dir, seed, round),
        other => panic!("unknown crash child mode '{other}'"),
    }
}

/// Writes one whole line to stdout in a single write and flushes it: the parent never sees
/// half a line, and a line it sees was written after what it reports had returned.
pub(crate) fn say(line: &str) {
    let mut out = std::io::stdout().lock();
    out.write_all(format!("{line}\n").as_bytes())
        .and_then(|()| out.flush())
        .expect("stdout (the parent has gone)");
}

fn answer_name(a: Option<Answer>) -> &'static str {
    a.map_or("none", Answer::as_str)
}

/// Saves answers through `Workspace::save_answer` until killed, acknowledging each one.
fn child_saves(dir: &Path, seed: u64, round: u64) {
    let mut ws = trustgap_workspace::Workspace::open(dir).expect("open workspace");
    let existing = ws.overview().expect("overview").assessments;
    let id = match existing.first() {
        Some(a) => a.id,
        None => {
            let client = ws.create_client("Crash Test Ltd").expect("client");
            ws.create_assessment(&NewAssessmentInput {
                new_client_name: None,
                scoping_yes: Vec::new(),
                client_id: client.id,
                name: "Killed at random".into(),
                scope: CategoryId::ALL.to_vec(),
                profile: AuditProfile {
                    audit_type: AuditType::Type1,
                    target_date: None,
                    observation_start: None,
                },
                company: Default::default(),
            })
            .expect("assessment")
            .id
        }
    };
    let scope = ws.detail(id).expect("assessment").summary.scope;
    let questions: Vec<String> = ws
        .catalog
        .questions_in(&scope)
        .take(QUESTION_POOL)
        .map(|q| q.id.clone())
        .collect();
    let mut rng = Rng::new(seed);
    let started = Instant::now();
    let mut n = round * ROUND_STRIDE;
    while started.elapsed() < CHILD_LIFETIME {
        n += 1;
        let question = rng.pick(&questions).clone();
        let answer = *rng.pick(&ANSWERS);
        let note = format!("save {n}");
        ws.save_answer(&SaveAnswerInput {
            assessment_id: id,
            question_id: question.clone(),
            answer,
            note: note.clone(),
            ..SaveAnswerInput::default()
        })
        .expect("save");
        say(&format!(
            "ack {n} {question} {} {note}",
            answer_name(answer)
        ));
    }
}

/// Puts a fresh copy of the version-1 template in place and opens it (which migrates it),
/// over and over.
fn child_migrate(dir: &Path) {
    let template = dir.join(V1_TEMPLATE);
    let work = dir.join(DB_FILE);
    let next = dir.join("next.sqlite3");
    say("ready");
    let started = Instant::now();
    let mut n = 0u64;
    while started.elapsed() < CHILD_LIFETIME {
        std::fs::copy(&template, &next).expect("copy template");
        // The previous copy was closed cleanly, so its side files hold nothing it needs, and
        // they must not be applied to the new file.
        for side in ["-wal", "-shm", "-journal"] {
            let _ = std::fs::remove_file(side_file(&work, side));
        }
        std::fs::rename(&next, &work).expect("put the copy in place");
        let store = Store::open(&work).expect("migrate");
        drop(store);
        n += 1;
        say(&format!("ack {n}"));
    }
}

/// Backs up the workspace into the same file in the data folder, over and over.
fn child_backup(dir: &Path) {
    let store = Store::open_dir(dir).expect("open workspace");
    let dest = dir.join(BACKUP_FILE);
    say("ready");
    let started = Instant::now();
    let mut n = 0u64;
    while started.elapsed() < CHILD_LIFETIME {
        store.backup_to(&dest).expect("backup");
        n += 1;
        say(&format!("ack {n}"));
    }
}

fn side_file(db: &Path, suffix: &str) -> PathBuf {
    PathBuf::from(format!("{}{suffix}", db.display()))
}

// ---------------------------------------------------------------------------------------------
// The parent side.

/// A running child and the lines it printed.
pub(crate) struct Running {
    child: std::process::Child,
    lines: mpsc::Receiver<String>,
    seen: Vec<String>,
    reader: Option<JoinHandle<()>>,
    stderr_log: PathBuf,
    what: String,
}

impl Running {
    pub(crate) fn spawn(mode: &str, seed: u64, round: u64, dir: &Path, logs: &Path) -> Running {
        let exe = std::env::current_exe().expect("the test binary");
        let stderr_log = logs.join(format!("{mode}-{round}.stderr"));
        let log = std::fs::File::create(&stderr_log).expect("child log");
        let mut child = Command::new(exe)
            .args([
                "crash::child_entry",
                "--exact",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(
                CHILD_ENV,
                format!("{mode}:{seed}:{round}:{}", dir.display()),
            )
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .expect("start the child");
        let stdout = child.stdout.take().expect("child stdout");
        let (tx, lines) = mpsc::channel();
        let reader = thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let mut line = String::new();
                match r.read_line(&mut line) {
                    // A line cut short by the kill is not a line the child finished saying.
                    Ok(0) | Err(_) => break,
                    Ok(_) if !line.ends_with('\n') => break,
                    Ok(_) => {
                        line.pop();
                        if tx.send(line).is_err() {
                            break;
                        }
                    }
                }
            }
        });
        Running {
            child,
            lines,
            seen: Vec::new(),
            reader: Some(reader),
            stderr_log,
            what: format!("{mode} child of round {round}"),
        }
    }

    /// Waits until the child printed a line starting with `prefix`.
    pub(crate) fn wait_for(&mut self, prefix: &str) {
        let deadline = Instant::now() + START_TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    let found = line.starts_with(prefix);
                    self.seen.push(line);
                    if found {
                        return;
                    }
                }
                Err(_) => self.fail(&format!("no '{prefix}' line")),
            }
        }
    }

    /// SIGKILLs the child; returns every whole line it printed.
    pub(crate) fn kill(mut self) -> Vec<String> {
        self.child.kill().expect("kill the child");
        let status = self.child.wait().expect("reap the child");
        if status.signal() != Some(9) {
            self.fail(&format!(
                "it ended by itself ({status}) before it was killed"
            ));
        }
        if let Some(reader) = self.reader.take() {
            reader.join().expect("stdout reader");
        }
        let mut seen = std::mem::take(&mut self.seen);
        seen.extend(self.lines.try_iter());
        seen
    }

    fn fail(&mut self, why: &str) -> ! {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let log = std::fs::read_to_string(&self.stderr_log).unwrap_or_default();
        panic!(
            "{}: {why}; it printed {:?}; its stderr:\n{log}",
            self.what, self.seen
        );
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A random pause in `lo..=hi` microseconds.
pub(crate) fn pause(rng: &mut Rng, lo_us: u64, hi_us: u64) {
    thread::sleep(Duration::from_micros(rng.range(lo_us, hi_us)));
}

pub(crate) fn start(what: &str) -> (u64, Rng, Instant) {
    let seed = seeded::seed(SEED_ENV);
    seeded::report(&format!(
        "crash seed {seed} ({what}; replay with {SEED_ENV}={seed})"
    ));
    (seed, Rng::new(seed), Instant::now())
}

fn save_kills() -> u64 {
    seeded::count(KILLS_ENV, 200) as u64
}

fn other_kills() -> u64 {
    (save_kills() / 10).max(20)
}

// ----- saves

/// What the save children acknowledged, by save number.
#[derive(Default)]
struct Ledger {
    /// Save number -> (question, answer).
    acks: HashMap<u64, (String, String)>,
    /// The latest acknowledged save number of each question.
    latest: HashMap<String, u64>,
    /// The last acknowledged save number of each round.
    last_of_round: HashMap<u64, u64>,
}

impl Ledger {
    fn record(&mut self, round: u64, lines: &[String]) {
        for line in lines {
            let Some(rest) = line.strip_prefix("ack ") else {
                continue;
            };
            let fields: Vec<&str> = rest.splitn(4, ' ').collect();
            let [n, question, answer, note] = fields[..] else {
                panic!("round {round}: bad ack line '{line}'");
            };
            let n: u64 = n.parse().expect("save number");
            assert_eq!(note, format!("save {n}"), "round {round}: '{line}'");
            assert_eq!(n / ROUND_STRIDE, round, "'{line}' from round {round}");
            let question = question.to_owned();
            self.acks.insert(n, (question.clone(), answer.to_owned()));
            self.latest.insert(question, n);
            self.last_of_round.insert(round, n);
        }
    }

    /// The only save of `round` that may be committed without an acknowledgement: the one
    /// in flight when the child was killed.
    fn in_flight(&self, round: u64) -> u64 {
        self.last_of_round
            .get(&round)
            .copied()
            .unwrap_or(round * ROUND_STRIDE)
            + 1
    }
}

fn text(v: ValueRef<'_>) -> String {
    match v {
        ValueRef::Null => "none".to_owned(),
        ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
        other => format!("{other:?}"),
    }
}

fn save_number(note: &str) -> u64 {
    note.strip_prefix("save ")
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("a note the children never write: {note:?}"))
}

/// Checks the workspace after a kill; returns how many saves are committed but were never
/// acknowledged (each one the save in flight at a kill).
fn check_saves(dir: &Path, ledger: &Ledger, round: u64) -> usize {
    let ctx = format!("after kill {round}");
    let store = Store::open_dir(dir).unwrap_or_else(|e| panic!("{ctx}: reopening failed: {e}"));
    let conn = raw(store.path());
    assert_sound(&conn, &ctx);

    let mut stmt = conn
        .prepare("SELECT id, question_id, answer, note FROM response_history ORDER BY id")
        .expect("history");
    let history: Vec<(i64, String, String, String)> = stmt
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                text(r.get_ref(2)?),
                r.get::<_, String>(3)?,
            ))
        })
        .expect("history")
        .collect::<rusqlite::Result<_>>()
        .expect("history rows");
    let mut stmt = conn
        .prepare("SELECT question_id, answer, note FROM responses")
        .expect("responses");
    let responses: HashMap<String, (String, String)> = stmt
        .query_map([], |r| {
            Ok((r.get(0)?, (text(r.get_ref(1)?), r.get::<_, String>(2)?)))
        })
        .expect("responses")
        .collect::<rusqlite::Result<_>>()
        .expect("response rows");

    // History: in save order, each save once, acknowledged ones as acknowledged, and at most
    // the one in-flight save of each round besides.
    let mut numbers = HashSet::new();
    let mut previous = 0;
    let mut unacknowledged = 0;
    let mut latest_entry: HashMap<&str, (u64, &str, &str)> = HashMap::new();
    for (id, question, answer, note) in &history {
        let n = save_number(note);
        assert!(
            n > previous,
            "{ctx}: history row {id} ({note}) out of order"
        );
        previous = n;
        assert!(numbers.insert(n), "{ctx}: {note} saved twice");
        match ledger.acks.get(&n) {
            Some((q, a)) => assert_eq!(
                (q.as_str(), a.as_str()),
                (question.as_str(), answer.as_str()),
                "{ctx}: {note} differs from what was acknowledged"
            ),
            None => {
                let r = n / ROUND_STRIDE;
                assert!(
                    r <= round && n == ledger.in_flight(r),
                    "{ctx}: {note} was never acknowledged and was not in flight at a kill"
                );
                unacknowledged += 1;
            }
        }
        latest_entry.insert(question, (n, answer, note));
    }
    let mut missing: Vec<_> = ledger
        .acks
        .keys()
        .filter(|n| !numbers.contains(n))
        .collect();
    missing.sort();
    assert!(
        missing.is_empty(),
        "{ctx}: acknowledged saves lost: {missing:?}"
    );

    // Responses: exactly the latest history entry of each question, no more, no less.
    assert_eq!(
        responses.len(),
        latest_entry.len(),
        "{ctx}: responses and history disagree on which questions were saved"
    );
    for (question, (n, answer, note)) in &latest_entry {
        let got = responses
            .get(*question)
            .unwrap_or_else(|| panic!("{ctx}: {question} has history but no response"));
        assert_eq!(
            (got.0.as_str(), got.1.as_str()),
            (*answer, *note),
            "{ctx}: {question}'s response is not its latest history entry"
        );
        let acked = ledger.latest.get(*question).copied().unwrap_or(0);
        assert!(
            *n >= acked,
            "{ctx}: {question} shows save {n}, older than acknowledged save {acked}"
        );
    }
    for (question, acked) in &ledger.latest {
        assert!(
            latest_entry.contains_key(question.as_str()),
            "{ctx}: {question} (save {acked}) has no response"
        );
    }

    // Where the user left off was written in the same transaction as the last save.
    let last_question: Option<String> = conn
        .query_row("SELECT last_question FROM assessments", [], |r| r.get(0))
        .expect("last question");
    assert_eq!(
        last_question.as_deref(),
        history.last().map(|h| h.1.as_str()),
        "{ctx}: last_question does not follow the last save"
    );
    unacknowledged
}

#[test]
fn killed_saves_keep_every_acknowledged_answer() {
    let (seed, mut rng, started) = start("saves");
    let kills = save_kills();
    let dir = tempfile::tempdir().expect("tempdir");
    let logs = tempfile::tempdir().expect("log dir");
    let mut ledger = Ledger::default();
    let mut unacknowledged = 0;
    for round in 1..=kills {
        let mut child = Running::spawn("saves", rng.next_u64(), round, dir.path(), logs.path());
        child.wait_for("ack ");
        pause(&mut rng, 0, 15_000);
        let lines = child.kill();
        ledger.record(round, &lines);
        unacknowledged = check_saves(dir.path(), &ledger, round);
    }
    seeded::report(&format!(
        "crash saves: {kills} kills, {} acknowledged saves all kept, {unacknowledged} saves \
         in flight at a kill found committed, {:.1?} (seed {seed})",
        ledger.acks.len(),
        started.elapsed()
    ));
    assert!(
        ledger.acks.len() as u64 >= kills,
        "every round acknowledged a save"
    );
}

// ----- migrations

/// Rows of the version-1 template, as text, in a fixed order: they must survive migration.
fn v1_rows(conn: &Connection) -> Vec<String> {
    let queries = [
        "SELECT id, uid, name, created_at, updated_at FROM clients ORDER BY id",
        "SELECT id, uid, client_id, name, catalog_version, scope, created_at, updated_at, \
         opened_at FROM assessments ORDER BY id",
        "SELECT assessment_id, question_id, answer, note, updated_at FROM responses \
         ORDER BY assessment_id, question_id",
        "SELECT key, value FROM settings ORDER BY key",
    ];
    let mut out = Vec::new();
    for sql in queries {
        let mut stmt = conn.prepare(sql).expect("v1 query");
        let n = stmt.column_count();
        let mut rows = stmt.query([]).expect("v1 rows");
        while let Some(row) = rows.next().expect("row") {
            let cells: Vec<String> = (0..n)
                .map(|i| text(row.get_ref(i).expect("cell")))
                .collect();
            out.push(cells.join("|"));
        }
    }
    out
}

/// A version-1 workspace with clients, assessments and a few thousand answers.
fn build_v1(path: &Path) -> Vec<String> {
    let conn = Connection::open(path).expect("v1");
    migrations::migrate(&conn, &migrations::ALL[..1]).expect("migrate to v1");
    conn.execute_batch("BEGIN").expect("begin");
    for c in 1..=3 {
        conn.execute(
            "INSERT INTO clients (uid, name, created_at, updated_at) \
             VALUES (?1, ?2, '2023-01-01T00:00:00Z', '2023-01-02T00:00:00Z')",
            [format!("client-{c}"), format!("Client {c} — Ωmega")],
        )
        .expect("client");
    }
    for a in 1..=6i64 {
        conn.execute(
            "INSERT INTO assessments (uid, client_id, name, catalog_version, scope, \
             created_at, updated_at, opened_at) \
             VALUES (?1, ?2, ?3, '2023.1', 'security,availability', \
             '2023-02-01T00:00:00Z', '2023-02-02T00:00:00Z', NULL)",
            rusqlite::params![
                format!("assessment-{a}"),
                (a - 1) % 3 + 1,
                format!("Year {a}")
            ],
        )
        .expect("assessment");
        for q in 0..400 {
            let answer = ANSWERS[(q + a as usize) % ANSWERS.len()].map(Answer::as_str);
            conn.execute(
                "INSERT INTO responses (assessment_id, question_id, answer, note, updated_at) \
                 VALUES (?1, ?2, ?3, ?4, '2023-03-01T00:00:00Z')",
                rusqlite::params![a, format!("Q-{q:04}"), answer, format!("note {a}/{q}")],
            )
            .expect("response");
        }
    }
    conn.execute(
        "INSERT INTO settings (key, value) VALUES ('window', '{\"w\":800}')",
        [],
    )
    .expect("setting");
    conn.execute_batch("COMMIT").expect("commit");
    v1_rows(&conn)
}

#[test]
fn killed_migrations_leave_a_usable_database() {
    let (seed, mut rng, started) = start("migrate");
    let kills = other_kills();
    let dir = tempfile::tempdir().expect("tempdir");
    let logs = tempfile::tempdir().expect("log dir");
    let template = dir.path().join(V1_TEMPLATE);
    let expected = build_v1(&template);
    let work = dir.path().join(DB_FILE);
    std::fs::copy(&template, &work).expect("first copy");
    let template_bytes = std::fs::read(&template).expect("template");
    let (mut completed, mut found_v1, mut mid_write) = (0, 0, 0);
    for round in 1..=kills {
        let mut child = Running::spawn("migrate", rng.next_u64(), round, dir.path(), logs.path());
        child.wait_for("ready");
        pause(&mut rng, 5_000, 60_000);
        let lines = child.kill();
        completed += lines.iter().filter(|l| l.starts_with("ack ")).count();
        let ctx = format!("after kill {round}");
        // A journal, or a WAL with frames in it, means the kill interrupted a write.
        let wal = side_file(&work, "-wal").metadata().map_or(0, |m| m.len());
        mid_write += usize::from(side_file(&work, "-journal").exists() || wal > 0);
        // Opening recovers whatever the kill interrupted; the version found tells which.
        let found = migrations::version(&raw(&work)).expect("version");
        assert!(
            found == 1 || found == LATEST,
            "{ctx}: half-migrated to {found}"
        );
        found_v1 += usize::from(found == 1);
        let store = Store::open(&work).unwrap_or_else(|e| panic!("{ctx}: open failed: {e}"));
        let conn = raw(&work);
        assert_eq!(
            migrations::version(&conn).expect("version"),
            LATEST,
            "{ctx}"
        );
        assert_sound(&conn, &ctx);
        assert_eq!(v1_rows(&conn), expected, "{ctx}: the original rows changed");
        assert_eq!(store.assessment(6).expect("readable").name, "Year 6");
        assert_eq!(store.responses(1).expect("readable").len(), 400);
    }
    assert_eq!(std::fs::read(&template).expect("template"), template_bytes);
    seeded::report(&format!(
        "crash migrate: {kills} kills ({mid_write} in the middle of a write, {found_v1} before \
         the migration committed), {completed} migrations completed, {:.1?} (seed {seed})",
        started.elapsed()
    ));
}

// ----- backups

#[test]
fn killed_backups_leave_the_workspace_untouched() {
    let (seed, mut rng, started) = start("backup");
    let kills = other_kills();
    let dir = tempfile::tempdir().expect("tempdir");
    let logs = tempfile::tempdir().expect("log dir");
    {
        let mut ws = trustgap_workspace::Workspace::open(dir.path()).expect("workspace");
        let today = chrono::NaiveDate::from_ymd_opt(2025, 3, 1).expect("date");
        let sample = ws.create_sample(today).expect("sample");
        for i in 0..3 {
            ws.reassess(sample.id, &format!("Copy {i}")).expect("copy");
        }
    }
    let work = dir.path().join(DB_FILE);
    let before = digest(&raw(&work));
    let backup = dir.path().join(BACKUP_FILE);
    let (mut completed, mut checked) = (0, 0);
    for round in 1..=kills {
        let mut child = Running::spawn("backup", rng.next_u64(), round, dir.path(), logs.path());
        child.wait_for("ready");
        pause(&mut rng, 5_000, 60_000);
        let lines = child.kill();
        completed += lines.iter().filter(|l| l.starts_with("ack ")).count();
        let ctx = format!("after kill {round}");
        let store =
            Store::open_dir(dir.path()).unwrap_or_else(|e| panic!("{ctx}: open failed: {e}"));
        let conn = raw(store.path());
        assert_sound(&conn, &ctx);
        assert_eq!(digest(&conn), before, "{ctx}: the workspace changed");
        drop((conn, store));
        if backup.exists() {
            let check = inspect(&backup).unwrap_or_else(|e| panic!("{ctx}: backup: {e}"));
            assert_eq!(check.schema_version, LATEST);
            assert_eq!(
                digest(&raw(&backup)),
                before,
                "{ctx}: the backup is not a copy"
            );
            checked += 1;
        }
    }
    let leftovers = crate::dbcheck::listing(dir.path())
        .into_iter()
        .filter(|n| {
            n.strip_prefix(&format!(".{BACKUP_FILE}.tmp-"))
                .is_some_and(|pid| pid.bytes().all(|b| b.is_ascii_digit()))
        })
        .count();
    assert!(completed > 0, "no backup ever completed");
    seeded::report(&format!(
        "crash backup: {kills} kills, {completed} backups completed, the backup file checked \
         {checked} times, {leftovers} temp files left by killed backups (ignored), {:.1?} \
         (seed {seed})",
        started.elapsed()
    ));
}

// ---------------------------------------------------------------------------------------------
// A damaged workspace at start-up.

fn save(ws: &mut trustgap_workspace::Workspace, id: i64, question: &str, note: &str) {
    ws.save_answer(&SaveAnswerInput {
        assessment_id: id,
        question_id: question.to_owned(),
        answer: Some(Answer::Partial),
        note: note.to_owned(),
        ..SaveAnswerInput::default()
    })
    .expect("save");
}

/// A sample workspace closed cleanly, with two backups in `backups`: an old one and the
/// latest, taken before a last save. Returns the sample id and a question it answered.
fn workspace_with_backups(data: &Path, backups: &Path) -> (i64, String) {
    let mut ws = trustgap_workspace::Workspace::open(data).expect("workspace");
    let today = chrono::NaiveDate::from_ymd_opt(2025, 3, 1).expect("date");
    let id = ws.create_sample(today).expect("sample").id;
    let question = ws.detail(id).expect("detail").responses[0]
        .question_id
        .clone();
    std::fs::create_dir_all(backups).expect("backups");
    ws.backup_to(&backups.join("workspace-20250301-090000.sqlite3"))
        .expect("old backup");
    save(&mut ws, id, &question, "in the latest backup");
    ws.backup_to(&backups.join("workspace-20250302-090000.sqlite3"))
        .expect("latest backup");
    save(&mut ws, id, &question, "after the latest backup");
    (id, question)
}

/// Overwrites 64 bytes in the middle of every leaf page of `table`.
fn damage_pages(path: &Path, table: &str) -> Vec<u8> {
    let (page_size, pages): (usize, Vec<i64>) = {
        let conn = raw(path);
        let size: i64 = conn
            .pragma_query_value(None, "page_size", |r| r.get(0))
            .expect("page size");
        let mut stmt = conn
            .prepare("SELECT pageno FROM dbstat WHERE name = ?1 AND pagetype = 'leaf'")
            .expect("dbstat");
        let pages = stmt
            .query_map([table], |r| r.get(0))
            .expect("pages")
            .collect::<rusqlite::Result<_>>()
            .expect("page numbers");
        (size as usize, pages)
    };
    assert!(!pages.is_empty(), "{table} has no leaf page");
    let mut bytes = std::fs::read(path).expect("read");
    for page in pages {
        let middle = (page as usize - 1) * page_size + page_size / 2;
        bytes[middle - 32..middle + 32].fill(0xA5);
    }
    std::fs::write(path, &bytes).expect("write damage");
    bytes
}

#[test]
fn a_damaged_workspace_is_refused_untouched_and_the_latest_backup_restores() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let backups = dir.path().join("backups");
    let (id, question) = workspace_with_backups(&data, &backups);
    let db = data.join(DB_FILE);
    assert!(!side_file(&db, "-wal").exists(), "closed cleanly");

    let damaged = damage_pages(&db, "response_history");
    for _ in 0..2 {
        let err = Store::open(&db)
            .err()
            .expect("a damaged workspace is refused");
        assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
        assert!(err.to_string().contains("damaged"), "{err}");
        assert_eq!(std::fs::read(&db).expect("read"), damaged, "left as it was");
    }
    let via_app = trustgap_workspace::Workspace::open(&data)
        .err()
        .expect("refused");
    assert!(via_app.message.contains("damaged"), "{}", via_app.message);
    assert_eq!(std::fs::read(&db).expect("read"), damaged);

    // What the app offers: keep the damaged file aside, bring back the latest backup.
    // A rollback journal left by a killed bulk write goes aside with its database: left in
    // place, it would be rolled back into the restored one.
    let aside = data.join("workspace.damaged-20250303-090000.sqlite3");
    std::fs::write(side_file(&db, "-journal"), b"journal").expect("journal");
    set_aside(&db, &aside).expect("set aside");
    assert!(!db.exists());
    assert!(
        !side_file(&db, "-journal").exists(),
        "the journal went aside"
    );
    assert_eq!(
        std::fs::read(side_file(&aside, "-journal")).expect("journal aside"),
        b"journal"
    );
    let (latest, _) = list_backups(&backups).expect("backups").remove(0);
    assert!(latest.ends_with("workspace-20250302-090000.sqlite3"));
    restore(&data, &latest).expect("restore");
    assert_eq!(std::fs::read(&aside).expect("aside"), damaged, "kept aside");

    let mut ws = trustgap_workspace::Workspace::open(&data).expect("the restored workspace opens");
    assert_sound(&raw(&db), "restored");
    let detail = ws.detail(id).expect("detail");
    let note = &detail
        .responses
        .iter()
        .find(|r| r.question_id == question)
        .expect("answer")
        .note;
    assert_eq!(note, "in the latest backup");
    save(&mut ws, id, &question, "working again");
}

#[test]
fn restoring_over_a_damaged_workspace_keeps_it_aside() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let backups = dir.path().join("backups");
    workspace_with_backups(&data, &backups);
    let db = data.join(DB_FILE);
    let damaged = damage_pages(&db, "responses");
    assert!(matches!(Store::open(&db), Err(StoreError::Corrupt { .. })));
    let (latest, _) = list_backups(&backups).expect("backups").remove(0);
    let aside = restore(&data, &latest).expect("restore");
    assert_eq!(std::fs::read(&aside).expect("aside"), damaged);
    assert_sound(&raw(Store::open(&db).expect("restored").path()), "restored");
}

#[test]
fn a_clobbered_header_is_refused_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    workspace_with_backups(&data, &dir.path().join("backups"));
    let db = data.join(DB_FILE);
    let clean = std::fs::read(&db).expect("read");

    // The magic string gone: not a database at all.
    let mut bytes = clean.clone();
    bytes[..16].copy_from_slice(b"Hello, world!!!\0");
    std::fs::write(&db, &bytes).expect("write");
    let err = Store::open(&db).err().expect("refused");
    assert!(
        matches!(err, StoreError::Corrupt { .. } | StoreError::NotOurs { .. }),
        "{err}"
    );
    assert_eq!(std::fs::read(&db).expect("read"), bytes);

    // Another application id in an otherwise sound header: not ours.
    let mut bytes = clean.clone();
    bytes[68..72].copy_from_slice(&0x1234_5678u32.to_be_bytes());
    std::fs::write(&db, &bytes).expect("write");
    let err = Store::open(&db).err().expect("refused");
    assert!(matches!(err, StoreError::NotOurs { .. }), "{err}");
    assert_eq!(std::fs::read(&db).expect("read"), bytes);
}
