//! Importer fuzzing with a seeded generator: random bytes, truncated and bit-flipped exports,
//! valid SQLite that is not ours or too new, our application id over a foreign or malicious
//! schema, and exports whose rows hold hostile values. Every input must be imported or refused
//! cleanly, without a panic; a refused one leaves the workspace exactly as it was, and an
//! imported one leaves it readable by every view of the app.
//!
//! Every run prints its seed: `TRUSTGAP_FUZZ_SEED=<seed>` replays a run and
//! `TRUSTGAP_FUZZ_CASES=<n>` tries more (or fewer) inputs than the default 520.

use crate::dbcheck::{assert_sound, digest, listing, raw};
use crate::portable::{sample_file, today};
use crate::seeded::{self, Rng};
use rusqlite::Connection;
use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::Instant;
use trustgap_domain::limits::{MAX_NOTE_CHARS, MAX_SECTION_CHARS};
use trustgap_store::migrations::{self, LATEST};
use trustgap_store::portable::ImportMode;
use trustgap_store::{Store, StoreError, APPLICATION_ID};
use trustgap_workspace::Workspace;

const SEED_ENV: &str = "TRUSTGAP_FUZZ_SEED";
const CASES_ENV: &str = "TRUSTGAP_FUZZ_CASES";
const DEFAULT_CASES: usize = 520;
/// A fresh target workspace after this many accepted imports, to keep each check quick.
const ACCEPTED_PER_WORKSPACE: usize = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    RandomBytes,
    Truncated,
    ByteFlip,
    WrongApplicationId,
    OddVersion,
    ForeignSchema,
    HostileRows,
}

/// The mix of inputs: hostile rows and foreign schemas are where the importer has the most to
/// check, so they come up most.
const MIX: &[Kind] = &[
    Kind::RandomBytes,
    Kind::Truncated,
    Kind::ByteFlip,
    Kind::ByteFlip,
    Kind::WrongApplicationId,
    Kind::OddVersion,
    Kind::ForeignSchema,
    Kind::ForeignSchema,
    Kind::HostileRows,
    Kind::HostileRows,
    Kind::HostileRows,
    Kind::HostileRows,
];

/// Tables of a `.trustgap` file with the columns of their key and the columns to tamper with
/// (`touchpoints` fails when a table or column of the schema is missing here).
pub(crate) const TABLES: &[(&str, &str, &[&str])] = &[
    (
        "clients",
        "id",
        &[
            "uid",
            "name",
            "created_at",
            "updated_at",
            "year_end_break",
            "closures",
        ],
    ),
    (
        "people",
        "id",
        &[
            "uid",
            "client_id",
            "name",
            "role",
            "email",
            "share",
            "days_off",
            "created_at",
            "updated_at",
            "kind",
            "team",
            "start_date",
            "end_date",
            "access_removed_on",
        ],
    ),
    (
        "assessments",
        "id",
        &[
            "uid",
            "client_id",
            "name",
            "catalog_version",
            "scope",
            "audit_type",
            "target_date",
            "observation_start",
            "industry",
            "headcount",
            "system_name",
            "system_description",
            "hosting",
            "assessor",
            "created_at",
            "updated_at",
            "opened_at",
            "archived_at",
            "deleted_at",
            "based_on",
            "last_question",
            "scoping",
            "led_by",
            "assessor_firm",
        ],
    ),
    (
        "responses",
        "assessment_id, question_id",
        &[
            "question_id",
            "answer",
            "note",
            "updated_at",
            "flagged",
            "evidence",
            "needs_review",
            "owner_person",
            "owner_role",
            "since",
            "cadence",
            "verified",
        ],
    ),
    (
        "response_history",
        "id",
        &["question_id", "answer", "note", "assessor", "changed_at"],
    ),
    ("snapshots", "id", &["label", "scope", "created_at"]),
    (
        "snapshot_responses",
        "snapshot_id, question_id",
        &["question_id", "answer", "note"],
    ),
    (
        "plan_edits",
        "assessment_id, remediation_key",
        &[
            "remediation_key",
            "owner_person",
            "owner_role",
            "start_date",
            "due_date",
            "status",
            "justification",
            "notes",
            "updated_at",
        ],
    ),
    (
        "retired_answers",
        "assessment_id, question_id",
        &[
            "question_id",
            "answer",
            "note",
            "reason",
            "catalog_version",
            "retired_at",
        ],
    ),
    (
        "cost_assumptions",
        "assessment_id",
        &["currency", "day_rate", "lines", "updated_at"],
    ),
    (
        "client_branding",
        "client_id",
        &[
            "firm",
            "logo",
            "logo_format",
            "accent",
            "footer",
            "disclaimer",
            "updated_at",
        ],
    ),
    (
        "document_versions",
        "assessment_id, kind, version",
        &["kind", "version", "issued_on", "author", "change"],
    ),
    (
        "approvers",
        "assessment_id, position",
        &["position", "name", "role", "signed_on"],
    ),
    (
        "management_responses",
        "assessment_id, question_id",
        &["question_id", "kind", "text", "updated_at"],
    ),
    (
        "policy_records",
        "assessment_id, policy_id",
        &[
            "policy_id",
            "owner_id",
            "approver_id",
            "status",
            "version",
            "approved_on",
            "next_review",
        ],
    ),
    (
        "policy_section_edits",
        "assessment_id, policy_id, section_id",
        &["policy_id", "section_id", "text", "base", "edited_at"],
    ),
    (
        "policy_revisions",
        "assessment_id, policy_id, seq",
        &[
            "policy_id",
            "seq",
            "version",
            "status",
            "at",
            "author",
            "note",
            "approver",
            "approved_on",
            "sections_json",
        ],
    ),
    (
        "policy_parameters",
        "assessment_id, parameter_id",
        &["parameter_id", "value"],
    ),
    (
        "courses",
        "id",
        &["name", "within_days", "every_months", "audience"],
    ),
    ("training_completions", "id", &["completed_on", "evidence"]),
    (
        "policy_acknowledgements",
        "person_id, assessment_id, policy_id, version",
        &["policy_id", "version", "acknowledged_on"],
    ),
    ("evidence_blobs", "id", &["sha256", "size"]),
    ("evidence_chunks", "id", &["seq", "data"]),
    (
        "evidence_files",
        "id",
        &[
            "uid",
            "name",
            "media_type",
            "added_by",
            "added_at",
            "produced_on",
            "covers_from",
            "covers_to",
            "expires_on",
            "note",
            "deleted_at",
        ],
    ),
    (
        "evidence_links",
        "file_id, kind, target",
        &["kind", "target"],
    ),
    (
        "request_items",
        "id",
        &["reference", "title", "detail", "criteria"],
    ),
    (
        "request_states",
        "assessment_id, reference",
        &[
            "reference",
            "owner",
            "due",
            "status",
            "reason",
            "updated_at",
        ],
    ),
];

/// A value to plant in a row.
#[derive(Debug, Clone)]
enum Val {
    Text(String),
    /// Bytes stored as TEXT although they are not UTF-8.
    BadText(Vec<u8>),
    Blob(Vec<u8>),
    Int(i64),
    Real(f64),
    Null,
}

impl Val {
    fn describe(&self) -> String {
        match self {
            Val::Text(s) if s.chars().count() > 40 => {
                format!("text of {} chars", s.chars().count())
            }
            other => format!("{other:?}"),
        }
    }
}

const TEXTS: &[&str] = &[
    "'); DROP TABLE clients;--",
    "Robert'); DELETE FROM assessments WHERE ('1'='1",
    "\" OR \"\"=\"",
    "1; ATTACH DATABASE 'x.db' AS x; --",
    "security,bogus",
    "",
    " ",
    ",",
    "SECURITY",
    "security;privacy",
    "privacy,privacy,security",
    "2024-02-30",
    "2024-13-01",
    "2024-1-1",
    "yesterday",
    "+10000-01-01",
    "0000-00-00",
    "2024-01-01T00:00:00Z",
    "a\0b",
    "\0",
    "\u{202E}gnp.exe",
    "株式会社テスト 🚀",
    "line\nbreak",
    "\u{7}bell",
    "\u{FEFF}",
    "yes",
    "IMPLEMENTED",
    "not_applicable",
    "risk_accepted",
    "type3",
    "[{\"description\":\"\",\"link\":\"\"}]",
    "{not json",
];

fn hostile_value(rng: &mut Rng) -> Val {
    match rng.range(0, 19) {
        0..=7 => Val::Text((*rng.pick(TEXTS)).to_owned()),
        8 => Val::Text("x".repeat(121)),
        9 => Val::Text("é".repeat(MAX_NOTE_CHARS + 1)),
        10 => Val::Text("n".repeat(if rng.chance(1, 3) {
            10 * 1024 * 1024
        } else {
            100_000
        })),
        11 | 12 => Val::BadText(
            rng.pick(&[
                &b"\xC3\x28"[..],
                b"\xFF\xFE\x00",
                b"\xED\xA0\x80",
                b"abc\xC0",
                b"security\xFF",
            ])
            .to_vec(),
        ),
        13 => Val::Blob(rng.pick(&[&b"\x00\xFF"[..], b"implemented", b""]).to_vec()),
        14 | 15 => Val::Int(*rng.pick(&[0, 1, -1, 2, 42, i64::MAX, i64::MIN])),
        16 => Val::Real(*rng.pick(&[1.5, -0.0, f64::INFINITY, 1e300])),
        17 => Val::Null,
        _ => {
            let len = rng.range(1, 40) as usize;
            Val::Text(String::from_utf8_lossy(&rng.bytes(len)).into())
        }
    }
}

/// Sets `column` of one row (or, sometimes, of every row) of `table` to `value`; constraint
/// failures leave the file as it was.
fn plant(conn: &Connection, rng: &mut Rng, table: &str, key: &str, column: &str, value: &Val) {
    let rows: i64 = conn
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .expect("count");
    if rows == 0 {
        return;
    }
    let target = if rng.chance(1, 5) {
        String::new()
    } else {
        let offset = rng.range(0, rows as u64 - 1);
        format!(
            " WHERE ({key}) IN (SELECT {key} FROM {table} ORDER BY {key} LIMIT 1 OFFSET {offset})"
        )
    };
    let set = |expr: &str| format!("UPDATE {table} SET {column} = {expr}{target}");
    let _ = match value {
        Val::Text(s) => conn.execute(&set("?1"), [s]),
        Val::BadText(b) => conn.execute(&set("CAST(?1 AS TEXT)"), [b]),
        Val::Blob(b) => conn.execute(&set("?1"), [b]),
        Val::Int(i) => conn.execute(&set("?1"), [i]),
        Val::Real(f) => conn.execute(&set("?1"), [f]),
        Val::Null => conn.execute(&set("NULL"), []),
    };
}

/// A copy of the base file at `out`, changed through SQL by `f` with checks and references
/// off, so that the file holds what the app itself would never write.
fn sql_copy(base: &Path, out: &Path, f: impl FnOnce(&Connection)) {
    std::fs::copy(base, out).expect("copy base");
    let conn = Connection::open(out).expect("open copy");
    // Legacy renames: a table the schema's triggers name can be dropped and rebuilt (the
    // tampering the cases below do), as a hostile file's author would.
    conn.execute_batch(
        "PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON; \
         PRAGMA legacy_alter_table = ON;",
    )
    .expect("pragmas");
    f(&conn);
}

/// Writes the input of one case to `out`; returns what it is.
fn make_input(kind: Kind, rng: &mut Rng, base: &Path, bytes: &[u8], out: &Path) -> String {
    match kind {
        Kind::RandomBytes => {
            let len = rng.range(0, 70_000) as usize;
            let mut data = rng.bytes(len);
            let keep = match rng.range(0, 3) {
                0 => 0,
                1 => 100.min(len),
                _ => 4096.min(len),
            };
            data[..keep].copy_from_slice(&bytes[..keep]);
            std::fs::write(out, &data).expect("write");
            format!("{len} random bytes after {keep} of a valid file")
        }
        Kind::Truncated => {
            let len = rng.range(0, bytes.len() as u64 - 1) as usize;
            std::fs::write(out, &bytes[..len]).expect("write");
            format!("the export cut to {len} of {} bytes", bytes.len())
        }
        Kind::ByteFlip => {
            let mut data = bytes.to_vec();
            // Half the flips land in the header and the schema, where they matter most.
            let at = if rng.chance(1, 2) {
                rng.index(8192.min(data.len()))
            } else {
                rng.index(data.len())
            };
            let mask = rng.range(1, 255) as u8;
            data[at] ^= mask;
            std::fs::write(out, &data).expect("write");
            format!("byte {at} of the export xor {mask:#04x}")
        }
        Kind::WrongApplicationId => {
            let random = rng.next_u64() as i32;
            let id = *rng.pick(&[
                0,
                1,
                -1,
                APPLICATION_ID + 1,
                APPLICATION_ID.swap_bytes(),
                random,
            ]);
            let id = if id == APPLICATION_ID { 0 } else { id };
            sql_copy(base, out, |c| {
                c.pragma_update(None, "application_id", id).expect("id");
            });
            format!("the export with application_id {id}")
        }
        Kind::OddVersion => {
            let far = LATEST + rng.range(2, 1000) as i64;
            let v = *rng.pick(&[
                LATEST + 1,
                far,
                i64::from(i32::MAX),
                -1,
                i64::from(i32::MIN),
                0,
            ]);
            sql_copy(base, out, |c| {
                c.pragma_update(None, "user_version", v).expect("version");
            });
            format!("the export with user_version {v}")
        }
        Kind::ForeignSchema => foreign_schema(rng, base, out),
        Kind::HostileRows => {
            let mut planted = Vec::new();
            sql_copy(base, out, |c| {
                for _ in 0..rng.range(1, 3) {
                    let (table, key, columns) = *rng.pick(TABLES);
                    let column = *rng.pick(columns);
                    let value = hostile_value(rng);
                    plant(c, rng, table, key, column, &value);
                    planted.push(format!("{table}.{column} = {}", value.describe()));
                }
            });
            format!("the export with {}", planted.join(", "))
        }
    }
}

/// Our application id over a schema that is not ours, or ours with something hostile added.
fn foreign_schema(rng: &mut Rng, base: &Path, out: &Path) -> String {
    let tables: Vec<&str> = TABLES.iter().map(|t| t.0).collect();
    let table = *rng.pick(&tables);
    let fresh = |out: &Path, version: i64, sql: &str| {
        let conn = Connection::open(out).expect("create");
        conn.execute_batch(sql).expect("schema");
        conn.pragma_update(None, "application_id", APPLICATION_ID)
            .expect("id");
        conn.pragma_update(None, "user_version", version)
            .expect("version");
    };
    match rng.range(0, 12) {
        0 => {
            let v = rng.range(1, LATEST as u64) as i64;
            fresh(
                out,
                v,
                "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hi');",
            );
            format!("a foreign table under our id at version {v}")
        }
        1 => {
            fresh(out, LATEST, "");
            "our id and the latest version over an empty schema".into()
        }
        2 => {
            sql_copy(base, out, |c| {
                c.execute_batch(&format!("DROP TABLE {table}"))
                    .expect("drop");
            });
            format!("the export without {table}")
        }
        3 => {
            sql_copy(base, out, |c| {
                for t in &tables {
                    for (when, what) in [
                        ("BEFORE", "INSERT"),
                        ("BEFORE", "UPDATE"),
                        ("AFTER", "DELETE"),
                    ] {
                        c.execute_batch(&format!(
                            "CREATE TRIGGER evil_{t}_{what} {when} {what} ON {t} \
                             BEGIN SELECT RAISE(ABORT, 'evil trigger'); END;"
                        ))
                        .expect("trigger");
                    }
                }
            });
            "the export with a RAISE trigger on every write of every table".into()
        }
        4 => {
            // The real rows moved aside; a view of the same name serves them.
            sql_copy(base, out, |c| {
                c.execute_batch(&format!(
                    "ALTER TABLE {table} RENAME TO {table}_real; \
                     CREATE VIEW {table} AS SELECT * FROM {table}_real;"
                ))
                .expect("view");
            });
            format!("the export with {table} shadowed by a view of its rows")
        }
        5 => {
            // A view that makes up rows: blobs and huge text where text belongs.
            sql_copy(base, out, |c| {
                let cols: Vec<String> = c
                    .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
                    .and_then(|mut s| {
                        s.query_map([], |r| r.get::<_, String>(0))?
                            .collect::<rusqlite::Result<_>>()
                    })
                    .expect("columns");
                let select: Vec<String> = cols
                    .iter()
                    .map(|col| match col.as_str() {
                        "id" | "assessment_id" | "client_id" | "snapshot_id" => col.clone(),
                        "note" | "name" | "label" => format!("randomblob(64) AS {col}"),
                        _ => format!("replace(hex(zeroblob(2000)), '0', 'x') || {col} AS {col}"),
                    })
                    .collect();
                c.execute_batch(&format!(
                    "ALTER TABLE {table} RENAME TO {table}_real; \
                     CREATE VIEW {table} AS SELECT {} FROM {table}_real;",
                    select.join(", ")
                ))
                .expect("view");
            });
            format!("the export with {table} replaced by a view of made-up values")
        }
        6 => {
            // Missing columns: the table rebuilt with only its first two.
            sql_copy(base, out, |c| {
                let cols: Vec<String> = c
                    .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
                    .and_then(|mut s| {
                        s.query_map([], |r| r.get::<_, String>(0))?
                            .collect::<rusqlite::Result<_>>()
                    })
                    .expect("columns");
                let keep = cols[..2].join(", ");
                c.execute_batch(&format!(
                    "CREATE TABLE {table}_new AS SELECT {keep} FROM {table}; \
                     DROP TABLE {table}; ALTER TABLE {table}_new RENAME TO {table};"
                ))
                .expect("rebuild");
            });
            format!("the export with {table} missing columns")
        }
        7 => {
            // No constraints at all, and the assessment twice under one identity.
            sql_copy(base, out, |c| {
                c.execute_batch(
                    "CREATE TABLE a2 AS SELECT * FROM assessments; DROP TABLE assessments; \
                     ALTER TABLE a2 RENAME TO assessments; \
                     INSERT INTO assessments SELECT * FROM assessments; \
                     UPDATE assessments SET id = rowid;",
                )
                .expect("duplicate");
            });
            "the export with its assessment twice under the same uid, without constraints".into()
        }
        8 => {
            let v = rng.range(1, LATEST as u64 - 1) as i64;
            let conn = Connection::open(out).expect("create");
            migrations::migrate(&conn, &migrations::ALL[..v as usize]).expect("old schema");
            conn.execute_batch("DROP TABLE clients").expect("drop");
            format!("a version {v} schema without its clients table")
        }
        10 => {
            sql_copy(base, out, |c| {
                c.execute_batch(&format!(
                    "ALTER TABLE {table} RENAME TO {table}_real; \
                     CREATE VIEW {table} AS \
                       WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) \
                       SELECT {table}_real.* FROM {table}_real, n;"
                ))
                .expect("endless view");
            });
            format!("the export with {table} shadowed by a view of endless rows")
        }
        11 => {
            sql_copy(base, out, |c| {
                c.execute_batch(&format!(
                    "ALTER TABLE {table} ADD COLUMN g BLOB \
                     GENERATED ALWAYS AS (hex(zeroblob(100000))) VIRTUAL"
                ))
                .expect("generated column");
            });
            format!("the export with a generated column in {table}")
        }
        _ => {
            // An extra column and an extra table: not what any Trustgap writes.
            sql_copy(base, out, |c| {
                c.execute_batch(&format!(
                    "ALTER TABLE {table} ADD COLUMN extra TEXT DEFAULT 'x'; \
                     CREATE TABLE unrelated (v); INSERT INTO unrelated VALUES (zeroblob(1000));"
                ))
                .expect("extra");
            });
            format!("the export with an extra column in {table} and an extra table")
        }
    }
}

/// The workspace inputs are imported into, and what it held after the last case.
struct Target {
    dir: tempfile::TempDir,
    ws: Workspace,
    digest: u64,
    files: Vec<String>,
    accepted: usize,
}

impl Target {
    /// A fresh workspace holding the base file once, so that imports can clash with it.
    fn new(base: &Path) -> Target {
        let dir = tempfile::tempdir().expect("tempdir");
        let ws = trustgap_workspace::Workspace::open(dir.path()).expect("workspace");
        Store::open(ws.database())
            .expect("store")
            .import_portable(base, ImportMode::Ask)
            .expect("the base file imports");
        let mut t = Target {
            dir,
            ws,
            digest: 0,
            files: Vec::new(),
            accepted: 0,
        };
        t.remember();
        t
    }

    fn remember(&mut self) {
        self.digest = digest(&raw(self.ws.database()));
        self.files = listing(self.dir.path());
    }
}

/// Reads the imported assessments through every view of the app; checks documented limits.
fn assert_readable(ws: &Workspace, ids: &[i64], ctx: &str) {
    ws.overview()
        .unwrap_or_else(|e| panic!("{ctx}: overview fails: {}", e.message));
    let conn = raw(ws.database());
    for &id in ids {
        let fail = |what: &str, e: trustgap_workspace::error::ApiError| -> ! {
            panic!(
                "{ctx}: {what} of imported assessment {id} fails: {}",
                e.message
            )
        };
        let detail = ws.detail(id).unwrap_or_else(|e| fail("detail", e));
        ws.plan(id, today()).unwrap_or_else(|e| fail("plan", e));
        ws.summary_pdf(id, chrono::Utc::now())
            .unwrap_or_else(|e| fail("summary PDF", e));
        ws.approvers(id).unwrap_or_else(|e| fail("approvers", e));
        ws.management_responses(id)
            .unwrap_or_else(|e| fail("management responses", e));
        let store = Store::open(ws.database()).expect("store");
        let policies = store
            .policy_records(id)
            .unwrap_or_else(|e| panic!("{ctx}: policies of {id}: {e}"));
        store
            .policy_parameters(id)
            .unwrap_or_else(|e| panic!("{ctx}: policy parameters of {id}: {e}"));
        // Approved text is held to the section limit like any other section.
        for frozen in policies
            .iter()
            .flat_map(|p| &p.revisions)
            .flat_map(|r| r.sections.iter().flatten())
        {
            assert!(
                frozen.text.chars().count() <= MAX_SECTION_CHARS,
                "{ctx}: an approved section of {id} holds {} characters",
                frozen.text.chars().count()
            );
        }
        for snap in ws.snapshots(id).unwrap_or_else(|e| fail("snapshots", e)) {
            ws.compare_with_snapshot(id, snap.id)
                .unwrap_or_else(|e| fail("comparison", e));
        }
        let mut stmt = conn
            .prepare("SELECT DISTINCT question_id FROM response_history WHERE assessment_id = ?1")
            .expect("questions");
        let questions: Vec<String> = stmt
            .query_map([id], |r| r.get(0))
            .expect("questions")
            .collect::<rusqlite::Result<_>>()
            .unwrap_or_else(|e| panic!("{ctx}: history question ids of {id}: {e}"));
        for q in questions
            .iter()
            .chain(detail.responses.iter().map(|r| &r.question_id))
        {
            ws.question_history(id, q)
                .unwrap_or_else(|e| fail("history", e));
        }
        // No text of the assessment is longer than the longest the app lets anyone write.
        for (table, _, columns) in TABLES {
            let owner = match *table {
                "clients" => "id = (SELECT client_id FROM assessments WHERE id = ?1)",
                "people" | "client_branding" | "courses" => {
                    "client_id = (SELECT client_id FROM assessments WHERE id = ?1)"
                }
                "training_completions" => {
                    "person_id IN (SELECT p.id FROM people p JOIN assessments a \
                     ON a.client_id = p.client_id WHERE a.id = ?1)"
                }
                "assessments" => "id = ?1",
                "snapshot_responses" => {
                    "snapshot_id IN (SELECT id FROM snapshots WHERE assessment_id = ?1)"
                }
                "evidence_blobs" => {
                    "id IN (SELECT blob_id FROM evidence_files WHERE assessment_id = ?1)"
                }
                "evidence_chunks" => {
                    "blob_id IN (SELECT blob_id FROM evidence_files WHERE assessment_id = ?1)"
                }
                "evidence_links" => {
                    "file_id IN (SELECT id FROM evidence_files WHERE assessment_id = ?1)"
                }
                _ => "assessment_id = ?1",
            };
            for column in *columns {
                // A logo is bytes, not text: bounded by its own limit.
                let limit = match (*table, *column) {
                    (_, "logo") => trustgap_domain::branding::MAX_LOGO_BYTES as i64,
                    ("policy_section_edits", "text" | "base") => MAX_SECTION_CHARS as i64,
                    // Its decoded texts are checked above; the JSON around them may be longer.
                    ("policy_revisions", "sections_json") => continue,
                    // A file's bytes, checked against its hash and size on import instead.
                    ("evidence_chunks", "data") => continue,
                    _ => MAX_NOTE_CHARS as i64,
                };
                let longest: Option<i64> = conn
                    .query_row(
                        &format!("SELECT max(length({column})) FROM {table} WHERE {owner}"),
                        [id],
                        |r| r.get(0),
                    )
                    .expect("length");
                assert!(
                    longest.unwrap_or(0) <= limit,
                    "{ctx}: {table}.{column} of {id} holds {longest:?} characters"
                );
            }
        }
    }
    assert_sound(&conn, ctx);
}

/// The variant of an error, from its debug form (so new variants need no change here).
fn error_kind(e: &StoreError) -> String {
    let debug = format!("{e:?}");
    debug
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// Imports `input` into the target and checks the outcome; returns the error kind, if any.
fn try_input(target: &mut Target, input: &Path, mode: ImportMode, ctx: &str) -> Option<String> {
    // The preview the app shows before importing reads the same file first.
    catch_unwind(AssertUnwindSafe(|| {
        let _ = target.ws.preview_portable(input);
    }))
    .unwrap_or_else(|_| panic!("{ctx}: the preview panicked"));
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        Store::open(target.ws.database())
            .expect("store")
            .import_portable(input, mode)
    }))
    .unwrap_or_else(|_| panic!("{ctx}: the importer panicked"));
    match outcome {
        Err(e) => {
            assert!(!e.to_string().trim().is_empty(), "{ctx}: an empty message");
            let conn = raw(target.ws.database());
            assert_sound(&conn, ctx);
            assert_eq!(
                digest(&conn),
                target.digest,
                "{ctx}: refused ({e}) but the workspace changed"
            );
            assert_eq!(
                listing(target.dir.path()),
                target.files,
                "{ctx}: refused ({e}) but files were left in the workspace folder"
            );
            // A bare database error would reach the user as "something went wrong inside".
            assert!(
                !matches!(e, StoreError::Sqlite(_)),
                "{ctx}: refused without saying why: {e}"
            );
            Some(error_kind(&e))
        }
        Ok(ids) => {
            assert!(!ids.is_empty(), "{ctx}: imported nothing without an error");
            assert_readable(&target.ws, &ids, ctx);
            target.accepted += 1;
            target.remember();
            None
        }
    }
}

fn remove_with_side_files(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

#[test]
fn the_importer_survives_hostile_files() {
    let started = Instant::now();
    let seed = seeded::seed(SEED_ENV);
    let cases = seeded::count(CASES_ENV, DEFAULT_CASES);
    seeded::report(&format!(
        "fuzz seed {seed} ({cases} cases; replay with {SEED_ENV}={seed})"
    ));
    let mut rng = Rng::new(seed);
    let dir = tempfile::tempdir().expect("tempdir");
    let base = sample_file(dir.path());
    let bytes = std::fs::read(&base).expect("base");
    let inputs = dir.path().join("inputs");
    std::fs::create_dir(&inputs).expect("inputs");

    let mut target = Target::new(&base);
    let mut tally: BTreeMap<(Kind, String), usize> = BTreeMap::new();
    let (mut accepted, mut rejected) = (0, 0);
    for case in 0..cases {
        let mut case_rng = rng.fork();
        let kind = *case_rng.pick(MIX);
        let input: PathBuf = inputs.join(format!("case-{case}.trustgap"));
        let what = make_input(kind, &mut case_rng, &base, &bytes, &input);
        // Asking stops at the clash with the target's copy before the content is read: rarely.
        let mode = *case_rng.pick(&[
            ImportMode::Ask,
            ImportMode::Replace,
            ImportMode::Replace,
            ImportMode::KeepBoth,
            ImportMode::KeepBoth,
            ImportMode::KeepBoth,
        ]);
        let ctx = format!("case {case} (seed {seed}): {what}, {mode:?}");
        match try_input(&mut target, &input, mode, &ctx) {
            Some(kind_of_error) => {
                rejected += 1;
                *tally.entry((kind, kind_of_error)).or_default() += 1;
            }
            None => {
                accepted += 1;
                *tally.entry((kind, "accepted".into())).or_default() += 1;
            }
        }
        remove_with_side_files(&input);
        if target.accepted >= ACCEPTED_PER_WORKSPACE {
            target = Target::new(&base);
        }
    }
    let summary: Vec<String> = tally
        .iter()
        .map(|((kind, outcome), n)| format!("  {kind:?} -> {outcome}: {n}"))
        .collect();
    seeded::report(&format!(
        "fuzz: {cases} inputs tried, {rejected} rejected, {accepted} accepted, {:.1?} \
         (seed {seed})\n{}",
        started.elapsed(),
        summary.join("\n")
    ));
    assert_eq!(accepted + rejected, cases);
}

// ---------------------------------------------------------------------------------------------
// Inputs the fuzzer found (or that defeated an earlier importer), kept as named cases.

/// The sample export changed by `sql` (checks and references off), imported into a workspace
/// that already holds one assessment: returns the error, after checking nothing changed.
fn refused_after(sql: &str) -> StoreError {
    let dir = tempfile::tempdir().expect("tempdir");
    let base = sample_file(dir.path());
    let input = dir.path().join("hostile.trustgap");
    sql_copy(&base, &input, |c| {
        c.execute_batch(sql).expect("hostile change")
    });
    let target = Target::new(&base);
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        Store::open(target.ws.database())
            .expect("store")
            .import_portable(&input, ImportMode::KeepBoth)
    }))
    .expect("no panic");
    let err = outcome.expect_err("refused");
    let conn = raw(target.ws.database());
    assert_sound(&conn, "after a refused import");
    assert_eq!(digest(&conn), target.digest, "the workspace changed");
    assert_eq!(listing(target.dir.path()), target.files);
    err
}

#[test]
fn regression_a_view_of_endless_rows_is_refused() {
    // Used to run forever, appending to the workspace's WAL until the disk was full.
    let err = refused_after(
        "ALTER TABLE response_history RENAME TO h; \
         CREATE VIEW response_history AS \
           WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) \
           SELECT h.id + n.i * 100000 AS id, h.assessment_id, h.question_id, h.answer, h.note, \
                  h.assessor, h.changed_at FROM h, n;",
    );
    assert!(matches!(err, StoreError::Invalid(_)), "{err}");
    assert!(err.to_string().contains("its tables differ"), "{err}");
}

#[test]
fn regression_text_that_is_not_utf8_is_refused() {
    // Used to be imported; listing the assessment's snapshots then failed for good.
    let err =
        refused_after("UPDATE snapshots SET created_at = CAST(X'7365637572697479FF' AS TEXT)");
    assert!(matches!(err, StoreError::Invalid(_)), "{err}");
    assert!(err.to_string().contains("snapshots.created_at"), "{err}");
}

#[test]
fn regression_evidence_text_that_is_not_utf8_is_refused() {
    // Used to be imported; the plan (which reads the evidence's dates) then failed for good.
    let err =
        refused_after("UPDATE evidence_files SET added_by = CAST(X'7365637572697479FF' AS TEXT)");
    assert!(err.to_string().contains("evidence_files.added_by"), "{err}");
    let err = refused_after("UPDATE request_states SET owner = CAST(X'FF' AS TEXT)");
    assert!(err.to_string().contains("request_states.owner"), "{err}");
}

#[test]
fn regression_huge_text_outside_notes_is_refused() {
    // A 10 MB owner and a 10,001-character question id used to be imported as they were.
    let err = refused_after(
        "UPDATE responses SET owner_role = replace(hex(zeroblob(5 * 1024 * 1024)), '0', 'o'), \
         owner_person = NULL WHERE question_id = (SELECT min(question_id) FROM responses)",
    );
    assert!(err.to_string().contains("owner_role"), "{err}");
    let err = refused_after(
        // A new person (the workspace already knows the file's people by their uid).
        "UPDATE people SET name = replace(hex(zeroblob(5 * 1024)), '0', 'p'), \
         uid = 'ffff' || uid WHERE id = (SELECT min(id) FROM people)",
    );
    assert!(err.to_string().contains("name"), "{err}");
    let err = refused_after(
        "UPDATE assessments SET last_question = replace(hex(zeroblob(10001)), '00', 'q')",
    );
    assert!(
        err.to_string().contains("assessments.last_question"),
        "{err}"
    );
}

#[test]
fn regression_an_unknown_snapshot_scope_is_refused() {
    let err = refused_after("UPDATE snapshots SET scope = 'security,bogus'");
    assert!(err.to_string().contains("snapshots.scope"), "{err}");
}

#[test]
fn regression_a_failed_upgrade_leaves_no_copy_in_the_workspace_folder() {
    // An old version under our id whose tables are not ours: the upgrade copy used to stay.
    let dir = tempfile::tempdir().expect("tempdir");
    let base = sample_file(dir.path());
    let input = dir.path().join("old-foreign.trustgap");
    {
        let conn = Connection::open(&input).expect("create");
        migrations::migrate(&conn, &migrations::ALL[..1]).expect("v1");
        conn.execute_batch("DROP TABLE settings; CREATE TABLE settings (k, v);")
            .expect("foreign table");
    }
    let target = Target::new(&base);
    Store::open(target.ws.database())
        .expect("store")
        .import_portable(&input, ImportMode::Ask)
        .expect_err("refused");
    assert_eq!(listing(target.dir.path()), target.files);
}

#[test]
fn regression_a_file_missing_its_last_byte_is_refused() {
    // SQLite reads a missing end as zeros: the file passed every check and was imported.
    let dir = tempfile::tempdir().expect("tempdir");
    let base = sample_file(dir.path());
    let bytes = std::fs::read(&base).expect("base");
    let input = dir.path().join("cut.trustgap");
    std::fs::write(&input, &bytes[..bytes.len() - 1]).expect("write");
    let target = Target::new(&base);
    let err = Store::open(target.ws.database())
        .expect("store")
        .import_portable(&input, ImportMode::KeepBoth)
        .expect_err("refused");
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
    assert!(err.to_string().contains("cut short"), "{err}");
    assert_eq!(digest(&raw(target.ws.database())), target.digest);
}
