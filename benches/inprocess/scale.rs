//! Scale: a workspace of 500 assessments, listed as the Workspace screen lists it and opened one
//! at a time, each against a bare rusqlite floor on the same file: the same statements, their
//! rows read into plain values (nothing parsed, grouped or scored), and for opening the same
//! durable write of "last opened".

use super::{check, fail, header, ms, new_assessment, row, summarize, Scratch, ANSWERS};
use rusqlite::types::Value;
use rusqlite::Connection;
use std::time::Instant;
use trustgap_domain::assessment::Response;
use trustgap_domain::catalog::Catalog;
use trustgap_store::Store;
use trustgap_workspace::Workspace;

/// The store's statements for the list (clients.rs, assessments.rs, responses.rs): the floor
/// runs the same SQL, so it reads exactly the rows the overview reads.
const CLIENTS: &str =
    "SELECT id, name, created_at, updated_at FROM clients ORDER BY name COLLATE NOCASE, id";
const ASSESSMENTS: &str = "SELECT a.id, a.client_id, c.name AS client_name, a.name, \
     a.catalog_version, a.scope, a.audit_type, a.target_date, a.observation_start, a.industry, \
     a.headcount, a.system_name, a.system_description, a.hosting, a.assessor, a.created_at, \
     a.updated_at, a.opened_at, a.archived_at, a.deleted_at, a.based_on, a.last_question, \
     a.scoping FROM assessments a JOIN clients c ON c.id = a.client_id";
const ORDER: &str =
    "ORDER BY coalesce(a.deleted_at, ''), max(coalesce(a.opened_at, ''), a.updated_at) DESC, a.id DESC";
const MARKS: &str =
    "SELECT assessment_id, question_id, answer, flagged, needs_review FROM responses";

/// The list's target against its floor.
const LIST_TARGET: f64 = 2.0;
/// Opening one assessment against its floor.
const OPEN_TARGET: f64 = 2.0;

/// 500 assessments of 200 answer saves each: listing the workspace and opening one.
pub fn scale(catalog: &'static Catalog, quick: bool) {
    let (clients, per_client) = if quick { (2, 5) } else { (10, 50) };
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
    // The floor's own connection to the same file, set up as the store's is for durability.
    let bare = check("bare", Connection::open(store.path()));
    check(
        "bare pragmas",
        bare.execute_batch("PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;"),
    );

    let rounds = if quick { 3 } else { 30 };
    let (mut list_ms, mut bare_list_ms) = (Vec::new(), Vec::new());
    let mut listed = 0;
    // Interleaved, one warm-up round each.
    for round in 0..=rounds {
        let start = Instant::now();
        let overview = check("overview", ws.overview());
        let t = ms(start.elapsed());
        let start = Instant::now();
        let rows = bare_list(&bare);
        let b = ms(start.elapsed());
        if round > 0 {
            list_ms.push(t);
            bare_list_ms.push(b);
        }
        listed = overview.assessments.len();
        if rows < listed {
            fail("the floor read fewer rows than the list shows");
        }
    }
    let (mut open_ms, mut bare_open_ms) = (Vec::new(), Vec::new());
    for (i, &id) in assessments.iter().enumerate().step_by(7).take(rounds * 2) {
        let start = Instant::now();
        let detail = check("open", ws.open_assessment(id));
        open_ms.push(ms(start.elapsed()));
        if i == 0 && detail.responses.is_empty() {
            fail("an opened assessment has no answers");
        }
        let start = Instant::now();
        bare_open(&bare, id);
        bare_open_ms.push(ms(start.elapsed()));
    }
    let (l, bl) = (summarize(&list_ms), summarize(&bare_list_ms));
    let (o, bo) = (summarize(&open_ms), summarize(&bare_open_ms));
    header(&format!(
        "Scale ({listed} assessments, {} answers each, every question of the bank in scope; \
         floor: the same rows read with bare rusqlite)",
        ids.len()
    ));
    row(
        "list the workspace (overview with progress and readiness), median",
        &format!("{:.1} ms (p99 {:.1})", l.median, l.p99),
        &format!("{:.1} ms (p99 {:.1})", bl.median, bl.p99),
        &format!("{:.2}×", l.median / bl.median),
        &format!(
            "≤ {LIST_TARGET}× (absolute ≤ 30 ms: {})",
            if l.median <= 30.0 { "met" } else { "missed" }
        ),
        Some(l.median / bl.median <= LIST_TARGET),
    );
    row(
        "open one assessment (answers and scorecard), median",
        &format!("{:.2} ms (p99 {:.2})", o.median, o.p99),
        &format!("{:.2} ms (p99 {:.2})", bo.median, bo.p99),
        &format!("{:.2}×", o.median / bo.median),
        &format!(
            "≤ {OPEN_TARGET}× (absolute ≤ 20 ms: {})",
            if o.median <= 20.0 { "met" } else { "missed" }
        ),
        Some(o.median / bo.median <= OPEN_TARGET),
    );
}

/// Every column of every row of a statement, read as plain values.
fn read_all(conn: &Connection, sql: &str, args: impl rusqlite::Params) -> Vec<Vec<Value>> {
    let mut stmt = check("bare prepare", conn.prepare(sql));
    let columns = stmt.column_count();
    let rows = check(
        "bare query",
        stmt.query_map(args, |r| {
            (0..columns)
                .map(|i| r.get::<_, Value>(i))
                .collect::<rusqlite::Result<Vec<Value>>>()
        }),
    );
    check("bare rows", rows.collect::<rusqlite::Result<Vec<_>>>())
}

/// The list's reads: clients, assessments and the trash, and every answer's marks.
fn bare_list(conn: &Connection) -> usize {
    let clients = read_all(conn, CLIENTS, []);
    let live = read_all(
        conn,
        &format!("{ASSESSMENTS} WHERE a.deleted_at IS NULL {ORDER}"),
        [],
    );
    let trash = read_all(
        conn,
        &format!("{ASSESSMENTS} WHERE a.deleted_at IS NOT NULL {ORDER}"),
        [],
    );
    // The big read (every answer of the workspace) into plain tuples, as the store reads it
    // but without parsing the answer or grouping by assessment.
    let mut stmt = check("bare prepare", conn.prepare(MARKS));
    let marks = check(
        "bare marks",
        stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, bool>(3)?,
                r.get::<_, bool>(4)?,
            ))
        })
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>()),
    );
    std::hint::black_box((&clients, &trash, &marks));
    live.len()
}

/// Opening one: the durable "last opened" write, the assessment's row and its answers.
fn bare_open(conn: &Connection, id: i64) {
    // The same kind of transaction as the store's writes (IMMEDIATE), one row changed.
    check(
        "bare touch",
        conn.execute_batch(&format!(
            "BEGIN IMMEDIATE; \
             UPDATE assessments SET opened_at = '2026-11-30T09:00:00Z' WHERE id = {id}; \
             COMMIT;"
        )),
    );
    let record = read_all(conn, &format!("{ASSESSMENTS} WHERE a.id = ?1"), [id]);
    let answers = read_all(
        conn,
        "SELECT question_id, answer, note, updated_at, flagged, owner_person, owner_role, \
         evidence, needs_review, since, cadence, verified \
         FROM responses WHERE assessment_id = ?1 ORDER BY question_id",
        [id],
    );
    let retired = read_all(
        conn,
        "SELECT question_id, answer, note, reason, catalog_version FROM retired_answers \
         WHERE assessment_id = ?1 ORDER BY question_id",
        [id],
    );
    std::hint::black_box((&record, &answers, &retired));
}
