//! Policies in `.trustgap` files and re-assessments: tampered files refused with a clear
//! message and nothing imported, an older file upgraded, the history carried to the next round.

use crate::dbcheck::raw;
use crate::policies_store::sample_policy;
use crate::portable::{altered, assert_refused, sample_file};
use crate::support::workspace;
use rusqlite::Connection;
use std::path::Path;
use trustgap_domain::limits::MAX_SECTION_CHARS;
use trustgap_domain::policy::{PolicyRevision, PolicyStatus};
use trustgap_store::migrations;
use trustgap_store::portable::ImportMode;
use trustgap_store::StoreError;

/// Tampered copies of the sample file, each with what its refusal must say. Checks and
/// references are off while tampering, so the file holds what the app never writes.
fn tampered() -> Vec<(&'static str, String, &'static str)> {
    let off = "PRAGMA ignore_check_constraints = ON; PRAGMA foreign_keys = OFF;";
    let long = "é".repeat(MAX_SECTION_CHARS + 1);
    vec![
        (
            "bad-status",
            format!("{off} UPDATE policy_records SET status = 'published';"),
            "CHECK constraint failed",
        ),
        (
            "bad-revision-status",
            format!("{off} UPDATE policy_revisions SET status = 'Approved';"),
            "CHECK constraint failed",
        ),
        (
            "version-zero",
            format!("{off} UPDATE policy_records SET version = 0;"),
            "CHECK constraint failed",
        ),
        (
            "long-edit",
            format!("{off} UPDATE policy_section_edits SET text = '{long}';"),
            "A section is limited to 20000 characters",
        ),
        (
            "blank-edit",
            format!("{off} UPDATE policy_section_edits SET text = '  ';"),
            "A section cannot be empty",
        ),
        (
            "control-character",
            format!("{off} UPDATE policy_section_edits SET text = 'a' || char(7) || 'b';"),
            "A section contains control characters",
        ),
        (
            "long-frozen-text",
            format!(
                "{off} UPDATE policy_revisions SET sections_json = json_set(sections_json, \
                 '$[0].text', '{long}') WHERE sections_json IS NOT NULL;"
            ),
            "An approved section is limited to 20000 characters",
        ),
        (
            "broken-json",
            format!(
                "{off} UPDATE policy_revisions SET sections_json = '[{{\"id\": \"a\", ' \
                 WHERE sections_json IS NOT NULL;"
            ),
            "a policy with approved sections that are not readable",
        ),
        (
            "json-of-another-shape",
            format!(
                "{off} UPDATE policy_revisions SET sections_json = '[{{\"id\": 7}}]' \
                 WHERE sections_json IS NOT NULL;"
            ),
            "a policy with approved sections that are not readable",
        ),
        (
            "bad-date",
            format!("{off} UPDATE policy_revisions SET approved_on = '2025-02-30';"),
            "a policy with '2025-02-30', which is not a date",
        ),
        (
            "padless-date",
            format!("{off} UPDATE policy_revisions SET approved_on = '2025-3-2';"),
            "not a date",
        ),
        (
            "blob-in-text",
            format!("{off} UPDATE policy_revisions SET author = x'00ff';"),
            "a policy row that cannot be read",
        ),
        (
            "missing-revision",
            format!("{off} DELETE FROM policy_revisions WHERE seq = 1;"),
            "a policy history with missing revisions",
        ),
        (
            "long-parameter",
            format!(
                "{off} UPDATE policy_parameters SET value = '{}';",
                "x".repeat(121)
            ),
            "a policy parameter out of bounds",
        ),
        (
            "two-line-parameter",
            format!("{off} UPDATE policy_parameters SET value = 'AWS' || char(10) || 'GCP';"),
            "a policy parameter out of bounds",
        ),
    ]
}

#[test]
fn a_tampered_policy_is_refused_with_a_clear_message_and_nothing_imported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = sample_file(dir.path());
    let t = workspace();
    t.store()
        .import_portable(&file, ImportMode::Ask)
        .expect("the untampered file imports");
    for (name, sql, says) in tampered() {
        let bad = altered(&file, &format!("{name}.trustgap"), &sql);
        assert_refused(&t.ws, &bad, |e| {
            let msg = e.to_string();
            let ok = matches!(e, StoreError::Invalid(_))
                && msg.contains(says)
                && msg.contains("nothing was imported");
            if !ok {
                eprintln!("{name}: {msg}");
            }
            ok
        });
    }
}

#[test]
fn a_policy_pointing_at_nobody_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = sample_file(dir.path());
    let t = workspace();
    let off = "PRAGMA foreign_keys = OFF;";
    // References the file itself breaks: found before any row is read.
    for (name, sql) in [
        (
            "orphan-revision",
            format!("{off} UPDATE policy_revisions SET policy_id = 'nobody';"),
        ),
        (
            "orphan-edit",
            format!("{off} UPDATE policy_section_edits SET policy_id = 'nobody';"),
        ),
        (
            "owner-nobody",
            format!("{off} UPDATE policy_records SET owner_id = 9999;"),
        ),
    ] {
        let bad = altered(&file, &format!("{name}.trustgap"), &sql);
        assert_refused(&t.ws, &bad, |e| {
            matches!(e, StoreError::Corrupt { .. }) && e.to_string().contains("broken references")
        });
    }
    // A person who exists in the file, but for another client: never the policy's owner.
    let stranger = altered(
        &file,
        "stranger.trustgap",
        "INSERT INTO clients (uid, name, created_at, updated_at) VALUES ('other', 'Other', 't', 't');
         INSERT INTO people (uid, client_id, name, created_at, updated_at)
           VALUES ('stranger', (SELECT id FROM clients WHERE uid = 'other'), 'Stranger', 't', 't');
         UPDATE policy_records SET approver_id = (SELECT id FROM people WHERE uid = 'stranger');",
    );
    assert_refused(&t.ws, &stranger, |e| {
        e.to_string()
            .contains("a policy owner or approver who is not one of the client's people")
    });
}

/// A `.trustgap` file as version 7 of the schema wrote it, before policies.
fn version_7_file(path: &Path) {
    let conn = Connection::open(path).expect("v7");
    migrations::migrate(&conn, &migrations::ALL[..7]).expect("migrate to 7");
    conn.execute_batch(
        "INSERT INTO clients (id, uid, name, created_at, updated_at)
           VALUES (4, 'v7-client', 'Before Policies Ltd', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
         INSERT INTO people (id, uid, client_id, name, role, created_at, updated_at)
           VALUES (9, 'v7-person', 4, 'Ana Lima', 'CTO', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
         INSERT INTO assessments (id, uid, client_id, name, catalog_version, scope, created_at, updated_at)
           VALUES (2, 'v7-assessment', 4, 'Made by schema 7', '2026.11.0', 'security',
             '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z');
         INSERT INTO responses (assessment_id, question_id, answer, note, updated_at, owner_person)
           VALUES (2, 'GOV-001', 'implemented', 'Done', '2026-01-02T00:00:00Z', 9);",
    )
    .expect("v7 rows");
}

#[test]
fn a_version_7_file_imports_and_its_people_can_own_policies() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("v7.trustgap");
    version_7_file(&file);
    let bytes = std::fs::read(&file).expect("file");
    let t = workspace();
    let id = t
        .store()
        .import_portable(&file, ImportMode::Ask)
        .expect("import")[0];
    assert_eq!(std::fs::read(&file).expect("file"), bytes, "only read");
    let mut store = t.store();
    assert!(store.policy_records(id).expect("records").is_empty());
    let client = t.ws.detail(id).expect("detail").summary.client_id;
    let ana = t.ws.people(client).expect("people")[0].id;
    let record = sample_policy(Some(ana), None);
    store.save_policy_record(id, &record).expect("save");
    assert_eq!(
        store.policy_record(id, &record.policy_id).expect("read"),
        Some(record)
    );
}

#[test]
fn a_reassessment_carries_the_policies_and_their_history_on_separately() {
    let dir = tempfile::tempdir().expect("tempdir");
    sample_file(dir.path());
    let db = dir.path().join("source").join(trustgap_workspace::DB_FILE);
    let id: i64 = raw(&db)
        .query_row("SELECT id FROM assessments", [], |r| r.get(0))
        .expect("one assessment");
    let mut store = trustgap_store::Store::open(&db).expect("store");
    let original = store.policy_records(id).expect("records");
    let copy = store.duplicate(id, "Next year").expect("duplicate");
    assert_eq!(store.policy_records(copy).expect("copied"), original);
    assert_eq!(
        store.policy_parameters(copy).expect("params"),
        store.policy_parameters(id).expect("params")
    );
    // The next round's history grows on its own.
    let mut next = original[0].clone();
    next.status = PolicyStatus::InReview;
    next.revisions.insert(
        0,
        PolicyRevision {
            version: next.version,
            status: PolicyStatus::InReview,
            at: "2026-03-01T09:00:00Z".into(),
            author: "Maya Chen".into(),
            note: "Yearly review".into(),
            approver: String::new(),
            approved_on: None,
            sections: None,
        },
    );
    store.save_policy_record(copy, &next).expect("save copy");
    assert_eq!(store.policy_records(id).expect("original"), original);
    assert_eq!(
        store.policy_records(copy).expect("copy")[0].revisions.len(),
        original[0].revisions.len() + 1
    );
}
