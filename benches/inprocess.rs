//! Benchmark (not a test) of what happens inside the app's process, each figure against a floor
//! measured in the same run: durable answer saves against a bare SQLite commit (here), the PDF
//! reports against their text written without layout and the assessment workbook against the
//! gap register CSV (`reports`), the sample's policy pack in three formats
//! against the same pack built as views (`policies`), and a workspace of 500
//! assessments against a bare read of the same rows (`scale`). Run through `scripts/bench.sh`,
//! or alone with `cargo bench --bench inprocess`. `TRUSTGAP_BENCH_QUICK=1` shrinks every loop
//! for a smoke run; `TRUSTGAP_BENCH_ONLY=saves|reports|policies|scale` runs one
//! part.

mod common;
#[path = "inprocess/policies.rs"]
mod policies;
#[path = "inprocess/reports.rs"]
mod reports;
#[path = "inprocess/scale.rs"]
mod scale;
#[path = "inprocess/word.rs"]
mod word;
#[path = "inprocess/workbooks.rs"]
mod workbooks;

use chrono::NaiveDate;
use common::{check, fail, header, ms, row, summarize, Scratch};
use std::time::Instant;
use trustgap_domain::assessment::{Answer, Response};
use trustgap_domain::catalog::{Catalog, CategoryId};
use trustgap_domain::plan::{AuditProfile, AuditType};
use trustgap_store::Store;
use trustgap_workspace::{NewAssessmentInput, SaveAnswerInput, Workspace};

fn quick() -> bool {
    std::env::var_os("TRUSTGAP_BENCH_QUICK").is_some_and(|v| !v.is_empty())
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap_or_default()
}

fn main() {
    let catalog = check("catalog", trustgap_domain::catalog::embedded());
    // `TRUSTGAP_BENCH_ONLY=saves|reports|policies|scale` runs one part (e.g. a quick figure in debug).
    let only = std::env::var("TRUSTGAP_BENCH_ONLY").unwrap_or_default();
    let run = |part: &str| only.is_empty() || only == part;
    if run("saves") {
        saves(catalog);
    }
    if run("reports") {
        reports::reports(catalog, quick());
    }
    if run("policies") {
        policies::policies(catalog, quick());
    }
    if run("scale") {
        scale::scale(catalog, quick());
    }
}

/// A client with one assessment of every category, unanswered.
fn new_assessment(ws: &mut Workspace, client: &str, name: &str) -> i64 {
    let client = check("client", ws.create_client(client));
    let input = NewAssessmentInput {
        new_client_name: None,
        scoping_yes: Vec::new(),
        client_id: client.id,
        name: name.to_owned(),
        scope: trustgap_workspace::optional_categories().collect::<Vec<CategoryId>>(),
        profile: AuditProfile {
            audit_type: AuditType::Type1,
            target_date: NaiveDate::from_ymd_opt(2027, 6, 30),
            observation_start: None,
        },
        company: Default::default(),
    };
    check("assessment", ws.create_assessment(&input)).id
}

const ANSWERS: [Answer; 4] = [
    Answer::Implemented,
    Answer::Partial,
    Answer::NotImplemented,
    Answer::Unknown,
];

/// Durable saves: the store's (upsert, history row, resume point; one WAL commit with
/// synchronous=FULL), the whole save command (which also rescores), and a bare one-row commit.
fn saves(catalog: &'static Catalog) {
    let rounds = if quick() { 2 } else { 20 };
    let block = 50;
    let scratch = Scratch::new("saves");
    let mut ws = check("workspace", Workspace::open_with(scratch.path(), catalog));
    let mut store = check("store", Store::open_dir(scratch.path()));
    let id = new_assessment(&mut ws, "Bench client", "Saves");
    let ids: Vec<String> = catalog.questions.iter().map(|q| q.id.clone()).collect();

    let mut bare = check(
        "bare database",
        rusqlite::Connection::open(scratch.path().join("bare.sqlite3")),
    );
    check(
        "bare pragmas",
        bare.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
             CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL);",
        ),
    );

    let (mut store_ms, mut command_ms, mut bare_ms) = (Vec::new(), Vec::new(), Vec::new());
    let mut n = 0usize;
    // Interleaved blocks, so the three see the same disk conditions. The first round warms up
    // and is not counted: statement caches, and each WAL file grown to its working size (an
    // appending WAL costs more per fsync than one reused after a checkpoint, and the bare WAL,
    // one page per commit, reaches the 1,000-page checkpoint last).
    for round in 0..=rounds {
        if round == 1 {
            store_ms.clear();
            command_ms.clear();
            bare_ms.clear();
        }
        let bare_block = if round == 0 { 1100 } else { block };
        for _ in 0..bare_block {
            n += 1;
            let start = Instant::now();
            // The same transaction kind as the store's, holding one row.
            let tx = check(
                "bare begin",
                bare.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate),
            );
            check(
                "bare insert",
                tx.prepare_cached("INSERT INTO t (v) VALUES (?1)")
                    .and_then(|mut insert| insert.execute([format!("answer {n}")])),
            );
            check("bare commit", tx.commit());
            bare_ms.push(ms(start.elapsed()));
        }
        for _ in 0..block {
            n += 1;
            let response = Response {
                question_id: ids[n % ids.len()].clone(),
                answer: Some(ANSWERS[n % ANSWERS.len()]),
                note: format!("note {n}"),
                ..Response::default()
            };
            let start = Instant::now();
            check("store save", store.save_response(id, &response, "Bench"));
            store_ms.push(ms(start.elapsed()));
        }
        for _ in 0..block {
            n += 1;
            let input = SaveAnswerInput {
                assessment_id: id,
                question_id: ids[n % ids.len()].clone(),
                answer: Some(ANSWERS[n % ANSWERS.len()]),
                note: format!("note {n}"),
                flagged: false,
                owner: None,
                evidence: Vec::new(),
                since: None,
                cadence: None,
                verified: false,
            };
            let start = Instant::now();
            check("save command", ws.save_answer(&input));
            command_ms.push(ms(start.elapsed()));
        }
    }
    let (s, c, b) = (
        summarize(&store_ms),
        summarize(&command_ms),
        summarize(&bare_ms),
    );
    header(&format!(
        "Durable answer save ({} saves each, WAL, synchronous=FULL)",
        s.n
    ));
    // The target is for the store's save; the command's figure shows what rescoring adds.
    for (label, x, target) in [
        ("store save", s, true),
        ("save command (save + rescore)", c, false),
    ] {
        let ratio = x.median / b.median;
        row(
            &format!("{label}, median"),
            &format!("{:.2} ms", x.median),
            &format!("{:.2} ms", b.median),
            &format!("{ratio:.2}×"),
            if target { "≤ 1.5×" } else { "" },
            target.then_some(ratio <= 1.5),
        );
        row(
            &format!("{label}, p99"),
            &format!("{:.2} ms", x.p99),
            &format!("{:.2} ms", b.p99),
            &format!("{:.2}×", x.p99 / b.p99),
            "≤ 10 ms",
            Some(x.p99 <= 10.0),
        );
    }
}
