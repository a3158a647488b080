//! Benchmark (not a test) of what happens inside the app's process: durable answer saves against
//! a bare SQLite commit, the two PDF reports for the sample assessment and for one five times
//! larger, and a workspace of 500 assessments. Run through `scripts/bench.sh`, or alone with
//! `cargo bench --bench inprocess`. `TRUSTGAP_BENCH_QUICK=1` shrinks every loop for a smoke run.

mod common;

use chrono::{NaiveDate, TimeZone, Utc};
use common::{check, header, ms, row, summarize, Scratch};
use std::time::Instant;
use trustgap_domain::assessment::{Answer, Response};
use trustgap_domain::catalog::{Catalog, CategoryId};
use trustgap_domain::plan::{AuditProfile, AuditType};
use trustgap_store::Store;
use trustgap_workspace::{
    NewAssessmentInput, ReportKind, ReportOptions, SaveAnswerInput, Workspace,
};

fn quick() -> bool {
    std::env::var_os("TRUSTGAP_BENCH_QUICK").is_some_and(|v| !v.is_empty())
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap_or_default()
}

fn main() {
    let catalog = check("catalog", trustgap_domain::catalog::embedded());
    saves(catalog);
    reports(catalog);
    scale(catalog);
}

/// A client with one assessment of every category, unanswered.
fn new_assessment(ws: &mut Workspace, client: &str, name: &str) -> i64 {
    let client = check("client", ws.create_client(client));
    let input = NewAssessmentInput {
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
                owner: String::new(),
                evidence: Vec::new(),
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

/// Renders both reports `rounds` times after one warm-up; returns the median ms and the size.
fn render(ws: &Workspace, id: i64, kind: ReportKind, rounds: usize) -> (f64, usize) {
    let at = Utc
        .with_ymd_and_hms(2026, 11, 30, 9, 0, 0)
        .single()
        .unwrap_or_default();
    let options = ReportOptions {
        include_appendix: true,
        snapshot_id: None,
    };
    let mut times = Vec::new();
    let mut size = 0;
    for round in 0..=rounds {
        let start = Instant::now();
        let (_, bytes) = check("report", ws.report_pdf(id, kind, &options, at, today()));
        if round > 0 {
            times.push(ms(start.elapsed()));
        }
        size = bytes.len();
    }
    (summarize(&times).median, size)
}

/// The sample assessment, and the same company answering a bank five times as large.
fn reports(catalog: &'static Catalog) {
    let rounds = if quick() { 2 } else { 10 };
    let demo_dir = Scratch::new("reports");
    let mut demo = check("workspace", Workspace::open_with(demo_dir.path(), catalog));
    let sample = check("sample", demo.create_sample(today())).id;

    let large_catalog: &'static Catalog = Box::leak(Box::new(scaled(catalog, 5)));
    let large_dir = Scratch::new("reports-large");
    let mut large = check(
        "workspace",
        Workspace::open_with(large_dir.path(), large_catalog),
    );
    let large_id = check("sample", large.create_sample(today())).id;
    copy_answers_to_copies(&mut large, large_id);

    header(&format!(
        "Reports (median of {rounds} renders after a warm-up, appendix included)"
    ));
    for (label, kind) in [
        ("readiness report", ReportKind::Readiness),
        ("remediation plan", ReportKind::Plan),
    ] {
        let (d, d_size) = render(&demo, sample, kind, rounds);
        let (l, l_size) = render(&large, large_id, kind, rounds);
        let target = matches!(kind, ReportKind::Readiness);
        row(
            &format!("{label}, sample assessment"),
            &format!("{d:.1} ms ({} KB)", d_size / 1024),
            "",
            "",
            if target { "≤ 150 ms" } else { "" },
            target.then_some(d <= 150.0),
        );
        row(
            &format!("{label}, 5× larger assessment"),
            &format!("{l:.1} ms ({} KB)", l_size / 1024),
            &format!("{d:.1} ms"),
            &format!("{:.2}×", l / d),
            "grows about linearly (≤ 5×)",
            Some(l / d <= 5.5),
        );
    }
}

/// A bank with `factor` copies of every question and remediation (new ids and keys, the same
/// criteria), so an assessment of it is `factor` times as large in every part of the reports.
fn scaled(catalog: &Catalog, factor: u32) -> Catalog {
    let mut c = catalog.clone();
    for k in 1..factor {
        for q in &catalog.questions {
            let mut copy = q.clone();
            let (prefix, number) = q.id.split_once('-').unwrap_or((&q.id, "0"));
            let number: u32 = number.parse().unwrap_or(0);
            copy.id = format!("{prefix}-{:03}", number + 200 * k);
            copy.remediation = format!("{}-copy{k}", q.remediation);
            c.questions.push(copy);
        }
        for r in &catalog.remediations {
            let mut copy = r.clone();
            copy.key = format!("{}-copy{k}", r.key);
            c.remediations.push(copy);
        }
    }
    check("scaled catalog", c.checked())
}

/// Answers each copied question as its original was answered in the sample.
fn copy_answers_to_copies(ws: &mut Workspace, id: i64) {
    let responses = check("responses", ws.detail(id)).responses;
    let originals: std::collections::HashMap<&str, &Response> = responses
        .iter()
        .map(|r| (r.question_id.as_str(), r))
        .collect();
    let copies: Vec<(String, String)> = ws
        .catalog
        .questions
        .iter()
        .filter_map(|q| {
            let (prefix, number) = q.id.split_once('-')?;
            let number: u32 = number.parse().ok()?;
            (number > 200).then(|| (q.id.clone(), format!("{prefix}-{:03}", number % 200)))
        })
        .collect();
    for (copy, original) in copies {
        let Some(r) = originals.get(original.as_str()) else {
            continue;
        };
        let input = SaveAnswerInput {
            assessment_id: id,
            question_id: copy,
            answer: r.answer,
            note: r.note.clone(),
            flagged: r.flagged,
            owner: r.owner.clone(),
            evidence: r.evidence.clone(),
        };
        check("copy answer", ws.save_answer(&input));
    }
}

/// 500 assessments of 200 answer saves each: listing the workspace and opening one.
fn scale(catalog: &'static Catalog) {
    let (clients, per_client) = if quick() { (2, 5) } else { (10, 50) };
    let scratch = Scratch::new("scale");
    let mut ws = check("workspace", Workspace::open_with(scratch.path(), catalog));
    let mut store = check("store", Store::open_dir(scratch.path()));
    let ids: Vec<String> = catalog.questions.iter().map(|q| q.id.clone()).collect();
    let mut assessments = Vec::new();
    for c in 0..clients {
        // One assessment answered save by save: every question once, then 20 changed answers.
        let first = new_assessment(&mut ws, &format!("Client {c:02}"), "Baseline");
        for (n, qid) in ids
            .iter()
            .chain(ids.iter().take(200usize.saturating_sub(ids.len())))
            .enumerate()
        {
            let response = Response {
                question_id: qid.clone(),
                answer: Some(ANSWERS[(n * 7 + c) % ANSWERS.len()]),
                note: format!("Observed in the workshop, point {n}."),
                ..Response::default()
            };
            check("save", store.save_response(first, &response, "Bench"));
        }
        assessments.push(first);
        // The rest are re-assessments carrying those answers over (one transaction each).
        for r in 1..per_client {
            let summary = check("reassess", ws.reassess(first, &format!("Review {r:02}")));
            assessments.push(summary.id);
        }
    }
    let rounds = if quick() { 3 } else { 30 };
    let mut list_ms = Vec::new();
    let mut listed = 0;
    for _ in 0..=rounds {
        let start = Instant::now();
        let overview = check("overview", ws.overview());
        list_ms.push(ms(start.elapsed()));
        listed = overview.assessments.len();
    }
    list_ms.remove(0); // warm-up
    let mut open_ms = Vec::new();
    for (i, &id) in assessments.iter().enumerate().step_by(7).take(rounds * 2) {
        let start = Instant::now();
        let detail = check("open", ws.open_assessment(id));
        open_ms.push(ms(start.elapsed()));
        if i == 0 && detail.responses.is_empty() {
            common::fail("an opened assessment has no answers");
        }
    }
    let (l, o) = (summarize(&list_ms), summarize(&open_ms));
    header(&format!(
        "Scale ({listed} assessments, {} answers each, every question of the bank in scope)",
        ids.len()
    ));
    row(
        "list the workspace (overview with progress and readiness), median",
        &format!("{:.1} ms (p99 {:.1})", l.median, l.p99),
        "",
        "",
        "≤ 30 ms",
        Some(l.median <= 30.0),
    );
    row(
        "open one assessment (answers and scorecard), median",
        &format!("{:.1} ms (p99 {:.1})", o.median, o.p99),
        "",
        "",
        "≤ 20 ms",
        Some(o.median <= 20.0),
    );
}
