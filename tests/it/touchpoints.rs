//! The places that must change together, guarded (CONTRIBUTING.md has the checklists): every
//! table that holds assessment data travels in a `.trustgap` file (export and import), is carried
//! over by a re-assessment unless listed below with the reason, and is in the importer fuzzer's
//! table list with every column; and the three lists of the window's commands agree.
//!
//! Tables are read from `sqlite_master` after migrating a fresh workspace, and which assessment
//! a row belongs to is followed through the schema's foreign keys, so a new table or column is
//! covered the day its migration lands.

use crate::dbcheck::raw;
use crate::portable::sample_file;
use rusqlite::Connection;
use std::collections::BTreeSet;
use std::path::Path;
use trustgap_workspace::{ImportMode, Workspace};

/// Tables that hold no assessment's data, and why. Everything else is assessment data.
const NOT_ASSESSMENT_DATA: &[(&str, &str)] = &[
    (
        "settings",
        "workspace-wide preferences (window placement, the last backup day): not an assessment's; \
         a .trustgap file stores only its own export stamp there, which import ignores",
    ),
    (
        "workspace_branding",
        "the consultant's own firm identity (name, logo, colours) for every client: not client \
         data; a .trustgap file sent to a client or a colleague must not carry it into their \
         workspace (a client's override, client_branding, does travel)",
    ),
    (
        "register_erasures",
        "the day and count of people erased from this workspace's register: a record of what \
         this workspace did, nothing of the client's data to carry",
    ),
];

/// Tables of an assessment that a re-assessment deliberately starts empty, and why.
const NOT_CARRIED_OVER: &[(&str, &str)] = &[
    (
        "response_history",
        "who answered what and when is the original's record; the re-assessment starts its own",
    ),
    (
        "snapshots",
        "labelled states of the original assessment; the re-assessment takes its own",
    ),
    (
        "snapshot_responses",
        "the answers frozen in those snapshots",
    ),
    (
        "document_versions",
        "the versions issued of the original's documents; the re-assessment's start at 1.0",
    ),
    (
        "request_items",
        "the auditor's request list of the original audit; the next audit brings its own",
    ),
    (
        "request_states",
        "who provided what for the original audit, and what its auditor accepted",
    ),
    (
        "management_responses",
        "management's answers to the original's findings; the re-assessment's findings are \
         new and get their own (the original keeps its record)",
    ),
];

fn tables(conn: &Connection) -> BTreeSet<String> {
    let mut stmt = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .expect("tables");
    let names = stmt.query_map([], |r| r.get(0)).expect("tables");
    names.collect::<rusqlite::Result<_>>().expect("names")
}

/// `(column, parent table, parent column)` of each foreign key of `table`.
fn foreign_keys(conn: &Connection, table: &str) -> Vec<(String, String, String)> {
    let mut stmt = conn
        .prepare("SELECT \"from\", \"table\", coalesce(\"to\", 'rowid') FROM pragma_foreign_key_list(?1)")
        .expect("foreign keys");
    let keys = stmt
        .query_map([table], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("foreign keys");
    keys.collect::<rusqlite::Result<_>>().expect("keys")
}

/// A condition selecting the rows of `table` that belong to assessment `?1`, following foreign
/// keys up to `assessments`; `None` when no chain of them leads there.
fn owned_by(conn: &Connection, table: &str, depth: usize) -> Option<String> {
    if table == "assessments" {
        return Some("id = ?1".into());
    }
    if depth > 8 {
        return None;
    }
    foreign_keys(conn, table)
        .into_iter()
        .find_map(|(column, parent, to)| {
            let parent_rows = owned_by(conn, &parent, depth + 1)?;
            Some(if parent == "assessments" {
                format!("{column} = ?1")
            } else {
                format!("{column} IN (SELECT {to} FROM {parent} WHERE {parent_rows})")
            })
        })
}

fn count(conn: &Connection, table: &str, filter: Option<&str>, id: i64) -> i64 {
    match filter {
        Some(f) => conn.query_row(
            &format!("SELECT count(*) FROM {table} WHERE {f}"),
            [id],
            |r| r.get(0),
        ),
        None => conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)),
    }
    .unwrap_or_else(|e| panic!("count {table}: {e}"))
}

/// The schema of a freshly migrated workspace, read through a plain connection.
struct Schema {
    _dir: tempfile::TempDir,
    conn: Connection,
}

impl Schema {
    fn fresh() -> Schema {
        let dir = tempfile::tempdir().expect("tempdir");
        Workspace::open(dir.path()).expect("migrate a fresh workspace");
        let conn = raw(&dir.path().join(trustgap_workspace::DB_FILE));
        Schema { _dir: dir, conn }
    }

    /// Tables holding assessment data: those whose rows belong to an assessment, and every
    /// table their rows point at (the client; whatever else a foreign key names).
    fn assessment_data(&self) -> BTreeSet<String> {
        let mut data: BTreeSet<String> = self.owned().into_iter().map(|(t, _)| t).collect();
        let mut queue: Vec<String> = data.iter().cloned().collect();
        while let Some(table) = queue.pop() {
            for (_, parent, _) in foreign_keys(&self.conn, &table) {
                if data.insert(parent.clone()) {
                    queue.push(parent);
                }
            }
        }
        // A client's own rows (its people, its branding override, its courses) travel with the
        // client, and so do the rows that belong to those (a person's training records).
        // Likewise a stored file's chunks travel with its contents (evidence_blobs).
        let mut client_rows: BTreeSet<String> =
            BTreeSet::from(["clients".to_owned(), "evidence_blobs".to_owned()]);
        loop {
            let before = client_rows.len();
            for table in tables(&self.conn) {
                if foreign_keys(&self.conn, &table)
                    .iter()
                    .any(|(_, parent, _)| client_rows.contains(parent))
                {
                    client_rows.insert(table);
                }
            }
            if client_rows.len() == before {
                break;
            }
        }
        data.extend(client_rows);
        data.retain(|t| NOT_ASSESSMENT_DATA.iter().all(|(n, _)| n != t));
        data
    }

    /// Tables whose rows belong to one assessment, with the condition that selects them.
    fn owned(&self) -> Vec<(String, String)> {
        tables(&self.conn)
            .into_iter()
            .filter_map(|t| owned_by(&self.conn, &t, 0).map(|f| (t, f)))
            .collect()
    }
}

#[test]
fn every_table_is_assessment_data_or_listed_with_its_reason() {
    let schema = Schema::fresh();
    let all = tables(&schema.conn);
    let data = schema.assessment_data();
    for table in &all {
        assert!(
            data.contains(table) || NOT_ASSESSMENT_DATA.iter().any(|(n, _)| n == table),
            "table {table} is neither an assessment's (a chain of foreign keys to or from \
             assessments) nor listed in NOT_ASSESSMENT_DATA with its reason"
        );
    }
    for (listed, _) in NOT_ASSESSMENT_DATA.iter().chain(NOT_CARRIED_OVER) {
        assert!(all.contains(*listed), "{listed} is listed but is no table");
    }
}

/// The sample assessment with a row in every table of an assessment (tests/it/portable.rs).
fn sample(dir: &Path) -> (std::path::PathBuf, i64) {
    let file = sample_file(dir);
    let source = raw(&dir.join("source").join(trustgap_workspace::DB_FILE));
    let id = source
        .query_row("SELECT id FROM assessments", [], |r| r.get(0))
        .expect("one assessment");
    (file, id)
}

#[test]
fn a_trustgap_file_carries_every_table_of_assessment_data_both_ways() {
    let schema = Schema::fresh();
    let dir = tempfile::tempdir().expect("tempdir");
    let (file, id) = sample(dir.path());
    let source = raw(&dir.path().join("source").join(trustgap_workspace::DB_FILE));
    for (table, filter) in schema.owned() {
        assert!(
            count(&source, &table, Some(&filter), id) > 0,
            "the fixture writes no {table} row: extend sample_file (tests/it/portable.rs) so \
             this guard covers it"
        );
    }
    let exported = raw(&file);
    for table in schema.assessment_data() {
        assert!(
            count(&exported, &table, None, 0) > 0,
            "the .trustgap file has no {table} row: add the table to Store::export_portable \
             (store/src/portable/mod.rs), or list it in NOT_ASSESSMENT_DATA with the reason"
        );
    }
    let target = tempfile::tempdir().expect("tempdir");
    let mut ws = Workspace::open(target.path()).expect("target workspace");
    let imported = ws.import_portable(&file, ImportMode::Ask).expect("import");
    assert_eq!(imported.len(), 1);
    let target = raw(&target.path().join(trustgap_workspace::DB_FILE));
    for (table, filter) in schema.owned() {
        assert_eq!(
            count(&target, &table, Some(&filter), imported[0]),
            count(&source, &table, Some(&filter), id),
            "import copied a different number of {table} rows: add the table to copy_in and \
             verify (store/src/portable/)"
        );
    }
}

#[test]
fn a_reassessment_carries_over_every_table_but_those_listed() {
    let schema = Schema::fresh();
    let dir = tempfile::tempdir().expect("tempdir");
    let (_, id) = sample(dir.path());
    let mut ws = Workspace::open(&dir.path().join("source")).expect("source");
    let copy = ws.reassess(id, "Re-assessment").expect("reassess").id;
    let conn = raw(&dir.path().join("source").join(trustgap_workspace::DB_FILE));
    for (table, filter) in schema.owned() {
        let rows = count(&conn, &table, Some(&filter), copy);
        match NOT_CARRIED_OVER.iter().find(|(n, _)| *n == table) {
            Some((_, why)) => assert_eq!(
                rows, 0,
                "{table} is listed as not carried over ({why}) but the copy has rows: \
                 remove it from NOT_CARRIED_OVER"
            ),
            None => assert!(
                rows > 0,
                "a re-assessment does not carry {table} over: copy it in Store::duplicate \
                 (store/src/assessments.rs), or list it in NOT_CARRIED_OVER with the reason"
            ),
        }
    }
}

#[test]
fn the_importer_fuzzer_tampers_with_every_table_and_column() {
    let schema = Schema::fresh();
    let fuzzed: BTreeSet<String> = crate::fuzz::TABLES
        .iter()
        .map(|(t, _, _)| (*t).to_owned())
        .collect();
    assert_eq!(
        fuzzed,
        schema.assessment_data(),
        "the fuzzer's TABLES (tests/it/fuzz.rs) must list every table a .trustgap file carries"
    );
    for (table, key, columns) in crate::fuzz::TABLES {
        let links: Vec<String> = foreign_keys(&schema.conn, table)
            .into_iter()
            .map(|(column, _, _)| column)
            .collect();
        let mut stmt = schema
            .conn
            .prepare("SELECT name FROM pragma_table_info(?1)")
            .expect("columns");
        let names: Vec<String> = stmt
            .query_map([table], |r| r.get(0))
            .expect("columns")
            .collect::<rusqlite::Result<_>>()
            .expect("names");
        for column in names {
            assert!(
                columns.contains(&column.as_str())
                    || key.split(", ").any(|k| k == column)
                    || links.contains(&column),
                "the fuzzer never tampers with {table}.{column}: add it to TABLES"
            );
        }
    }
}

/// The command names between the brackets after `fn trustgap_commands` in build.rs.
fn build_rs_commands() -> BTreeSet<String> {
    let build =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/build.rs"))
            .expect("build.rs");
    let from = build
        .find("fn trustgap_commands")
        .expect("fn trustgap_commands");
    let list = &build[from..];
    let list = &list[list.find("&[").expect("a list") + 2..];
    let list = &list[..list.find(']').expect("its end")];
    list.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

#[test]
fn build_rs_the_command_builder_and_the_capability_list_the_same_commands() {
    let ts = trustgap::commands::typescript_bindings().expect("bindings");
    let builder: BTreeSet<String> = ts
        .match_indices("TAURI_INVOKE(\"")
        .map(|(at, m)| {
            let rest = &ts[at + m.len()..];
            rest[..rest.find('"').expect("quote")].to_owned()
        })
        .collect();
    assert_eq!(
        build_rs_commands(),
        builder,
        "src-tauri/build.rs's list and commands::builder() differ"
    );
    let cap: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/capabilities/main.json"),
        )
        .expect("capability"),
    )
    .expect("json");
    let granted: BTreeSet<String> = cap["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .filter_map(|p| p.as_str()?.strip_prefix("allow-"))
        .map(|c| c.replace('-', "_"))
        .collect();
    assert_eq!(
        granted, builder,
        "the capability grants other commands than the builder has"
    );
}

#[test]
fn every_command_that_can_fail_leaves_a_line_in_the_log() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/src/commands");
    let mut sources = String::new();
    for entry in std::fs::read_dir(&dir).expect("commands folder") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "rs") {
            sources.push_str(&std::fs::read_to_string(&path).expect("source"));
        }
    }
    let mut checked = 0;
    for command in build_rs_commands() {
        let head = [
            format!("pub fn {command}("),
            format!("pub async fn {command}("),
        ]
        .into_iter()
        .find_map(|h| sources.find(&h))
        .unwrap_or_else(|| panic!("no function for the command {command}"));
        let rest = &sources[head..];
        let signature = &rest[..rest.find('{').expect("a body")];
        if !signature.contains("-> Result") {
            continue; // ui_ready: it cannot fail and says nothing worth keeping.
        }
        let body = &rest[..rest.find("\n}\n").expect("the body's end")];
        assert!(
            body.contains(&format!("logged(\"{command}\""))
                || body.contains(&format!("logged_async(\"{command}\"")),
            "{command} does not run through logged()/logged_async() with its own name"
        );
        checked += 1;
    }
    assert!(checked > 40, "only {checked} commands checked");
}
