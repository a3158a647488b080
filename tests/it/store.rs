//! The workspace database: migrations, refusals, and every repository.

use crate::support::workspace;
use rusqlite::Connection;
use trustgap_domain::assessment::{Answer, Response, Scope};
use trustgap_domain::catalog::CategoryId;
use trustgap_domain::plan::{ActionEdit, ActionStatus, AuditProfile, AuditType};
use trustgap_store::migrations::{self, Migration, LATEST};
use trustgap_store::{NewAssessment, Store, StoreError, APPLICATION_ID};

fn pragma_i64(conn: &Connection, name: &str) -> i64 {
    conn.pragma_query_value(None, name, |r| r.get(0))
        .expect("pragma")
}

#[test]
fn a_fresh_workspace_is_migrated_with_durable_settings() {
    let t = workspace();
    let conn = Connection::open(t.ws.database()).expect("open");
    assert_eq!(pragma_i64(&conn, "user_version"), LATEST);
    assert_eq!(
        pragma_i64(&conn, "application_id"),
        i64::from(APPLICATION_ID)
    );
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .expect("mode");
    assert_eq!(mode, "wal");
    for table in [
        "clients",
        "assessments",
        "responses",
        "settings",
        "plan_edits",
    ] {
        let n: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = ?1",
                [table],
                |r| r.get(0),
            )
            .expect("table");
        assert_eq!(n, 1, "{table} missing");
    }
}

#[test]
fn reopening_keeps_data_and_changes_nothing() {
    let t = workspace();
    let client = t.store().create_client("Acme").expect("client");
    drop(t.ws);
    let store = Store::open_dir(t.dir.path()).expect("reopen");
    assert_eq!(store.clients().expect("clients"), vec![client]);
}

#[test]
fn a_newer_schema_is_refused_and_left_byte_for_byte_untouched() {
    let t = workspace();
    let path = t.ws.database().to_owned();
    drop(t.ws);
    {
        let conn = Connection::open(&path).expect("open");
        conn.pragma_update(None, "user_version", LATEST + 7)
            .expect("bump");
        conn.pragma_update(None, "journal_mode", "DELETE")
            .expect("checkpoint");
    }
    let before = std::fs::read(&path).expect("read");
    let err = Store::open(&path).err().expect("refused");
    assert!(
        matches!(err, StoreError::NewerSchema { found, .. } if found == LATEST + 7),
        "{err}"
    );
    assert!(err.to_string().contains("newer version of Trustgap"));
    assert_eq!(std::fs::read(&path).expect("read"), before);
    assert!(!path.with_extension("sqlite3-wal").exists());
}

#[test]
fn a_foreign_database_is_refused_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("other.db");
    Connection::open(&path)
        .and_then(|c| {
            c.execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('x');")
        })
        .expect("seed");
    let before = std::fs::read(&path).expect("read");
    assert!(matches!(
        Store::open(&path),
        Err(StoreError::NotOurs { .. })
    ));
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

#[test]
fn a_file_that_is_not_sqlite_is_reported_as_damaged() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("workspace.sqlite3");
    std::fs::write(&path, vec![0x5a; 8192]).expect("write junk");
    let err = Store::open(&path).err().expect("refused");
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
    assert_eq!(std::fs::read(&path).expect("read"), vec![0x5a; 8192]);
}

#[test]
fn a_failing_migration_applies_nothing() {
    let conn = Connection::open_in_memory().expect("memory");
    let broken = [
        Migration {
            version: 1,
            sql: "CREATE TABLE a (x INTEGER);",
        },
        Migration {
            version: 2,
            sql: "CREATE TABLE b (y INTEGER); THIS IS NOT SQL;",
        },
    ];
    assert!(migrations::migrate(&conn, &broken).is_err());
    assert_eq!(migrations::version(&conn).expect("version"), 0);
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
        .expect("count");
    assert_eq!(tables, 0, "the first migration must be rolled back too");
}

#[test]
fn migrating_twice_is_a_no_op() {
    let conn = Connection::open_in_memory().expect("memory");
    migrations::migrate(&conn, migrations::ALL).expect("first");
    migrations::migrate(&conn, migrations::ALL).expect("second");
    assert_eq!(migrations::version(&conn).expect("version"), LATEST);
}

#[test]
fn clients_are_validated_sorted_and_unicode_safe() {
    let t = workspace();
    let mut store = t.store();
    let s = &mut store;
    assert!(matches!(
        s.create_client("   "),
        Err(StoreError::Invalid(_))
    ));
    assert!(matches!(
        s.create_client(&"x".repeat(121)),
        Err(StoreError::Invalid(_))
    ));
    s.create_client("zeta GmbH").expect("z");
    s.create_client("  Ålesund Data AS ").expect("å");
    s.create_client("株式会社テスト 🚀").expect("jp");
    s.create_client("acme'); DROP TABLE clients;--")
        .expect("sql-looking");
    let names: Vec<_> = s
        .clients()
        .expect("list")
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names.len(), 4);
    assert!(
        names.contains(&"Ålesund Data AS".to_owned()),
        "trimmed: {names:?}"
    );
    assert!(names.contains(&"株式会社テスト 🚀".to_owned()));
    assert!(matches!(s.client(999), Err(StoreError::NotFound(_))));
}

fn resp(question: &str, answer: Option<Answer>, note: &str) -> Response {
    Response {
        question_id: question.into(),
        answer,
        note: note.into(),
        ..Response::default()
    }
}

fn new_assessment(client_id: i64, name: &str) -> NewAssessment<'_> {
    NewAssessment {
        new_client: None,
        scoping: Vec::new(),
        client_id,
        name,
        catalog_version: "test-1",
        scope: Scope::new(&[CategoryId::Privacy]),
        profile: AuditProfile {
            audit_type: AuditType::Type1,
            target_date: None,
            observation_start: None,
        },
        company: Default::default(),
    }
}

#[test]
fn assessments_belong_to_a_client_and_list_recently_opened_first() {
    let t = workspace();
    let mut store = t.store();
    let s = &mut store;
    assert!(matches!(
        s.create_assessment(new_assessment(42, "x")),
        Err(StoreError::NotFound(_))
    ));
    let c = s.create_client("Acme").expect("client");
    let first = s
        .create_assessment(new_assessment(c.id, "First"))
        .expect("first");
    let second = s
        .create_assessment(new_assessment(c.id, "Second"))
        .expect("second");
    assert_eq!(first.scope, Scope::new(&[CategoryId::Privacy]));
    assert_eq!(first.catalog_version, "test-1");
    assert_eq!(first.client_name, "Acme");
    // Timestamps have one-second resolution; make "first" clearly the most recent.
    let conn = Connection::open(s.path()).expect("open");
    conn.execute("UPDATE assessments SET opened_at = '2000-01-01T00:00:00Z', updated_at = '2000-01-01T00:00:00Z'", [])
        .expect("age");
    drop(conn);
    s.touch_assessment(first.id).expect("touch");
    let ids: Vec<_> = s
        .assessments()
        .expect("list")
        .into_iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(ids, vec![first.id, second.id]);
    assert!(matches!(
        s.touch_assessment(999),
        Err(StoreError::NotFound(_))
    ));
}

#[test]
fn responses_upsert_clear_and_survive_reopening() {
    let t = workspace();
    let mut store = t.store();
    let s = &mut store;
    let c = s.create_client("Acme").expect("client");
    let a = s
        .create_assessment(new_assessment(c.id, "A"))
        .expect("assessment");
    s.save_response(
        a.id,
        &resp("GOV-001", Some(Answer::Partial), "Started"),
        "Ana",
    )
    .expect("save");
    s.save_response(
        a.id,
        &resp("GOV-001", Some(Answer::Implemented), "Done — ✓ 完了"),
        "Ben",
    )
    .expect("update");
    s.save_response(a.id, &resp("GOV-002", None, "only a note"), "")
        .expect("note");
    assert!(matches!(
        s.save_response(a.id, &resp("GOV-003", None, &"n".repeat(10_001)), ""),
        Err(StoreError::Invalid(_))
    ));
    assert!(matches!(
        s.save_response(999, &resp("GOV-001", None, ""), ""),
        Err(StoreError::NotFound(_))
    ));
    let path = s.path().to_owned();
    drop(t.ws);
    let store = Store::open(&path).expect("reopen");
    let got = store.responses(a.id).expect("responses");
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].question_id, "GOV-001");
    assert_eq!(got[0].answer, Some(Answer::Implemented));
    assert_eq!(got[0].note, "Done — ✓ 完了");
    assert_eq!(got[1].answer, None);
    let history = store.history(a.id, "GOV-001").expect("history");
    let trail: Vec<_> = history
        .iter()
        .map(|h| (h.answer, h.assessor.as_str()))
        .collect();
    assert_eq!(
        trail,
        vec![
            (Some(Answer::Partial), "Ana"),
            (Some(Answer::Implemented), "Ben")
        ]
    );
    assert!(
        store.history(a.id, "GOV-003").expect("none").is_empty(),
        "refused saves leave no trace"
    );
}

#[test]
fn history_cannot_be_rewritten() {
    let t = workspace();
    let mut store = t.store();
    let s = &mut store;
    let c = s.create_client("Acme").expect("client");
    let a = s
        .create_assessment(new_assessment(c.id, "A"))
        .expect("assessment");
    s.save_response(a.id, &resp("GOV-001", Some(Answer::Partial), ""), "Ana")
        .expect("save");
    let conn = Connection::open(s.path()).expect("open");
    let err = conn
        .execute("UPDATE response_history SET answer = 'implemented'", [])
        .expect_err("append-only");
    assert!(err.to_string().contains("append-only"), "{err}");
}

#[test]
fn snapshots_freeze_answers_and_scope() {
    let t = workspace();
    let mut store = t.store();
    let s = &mut store;
    let c = s.create_client("Acme").expect("client");
    let a = s
        .create_assessment(new_assessment(c.id, "A"))
        .expect("assessment");
    s.save_response(a.id, &resp("GOV-001", Some(Answer::Partial), "then"), "")
        .expect("save");
    let snap = s
        .create_snapshot(a.id, "Baseline, March")
        .expect("snapshot");
    s.save_response(a.id, &resp("GOV-001", Some(Answer::Implemented), "now"), "")
        .expect("later");
    let frozen = s.snapshot(snap).expect("read");
    assert_eq!(frozen.label, "Baseline, March");
    assert_eq!(frozen.scope, Scope::new(&[CategoryId::Privacy]));
    assert_eq!(frozen.responses.len(), 1);
    assert_eq!(frozen.responses[0].answer, Some(Answer::Partial));
    assert_eq!(frozen.responses[0].note, "then");
    assert!(matches!(
        s.create_snapshot(a.id, "  "),
        Err(StoreError::Invalid(_))
    ));
    assert!(matches!(
        s.create_snapshot(999, "x"),
        Err(StoreError::NotFound(_))
    ));
    assert!(matches!(s.snapshot(999), Err(StoreError::NotFound(_))));
    s.create_snapshot(a.id, "Second").expect("second");
    let labels: Vec<_> = s
        .snapshots(a.id)
        .expect("list")
        .into_iter()
        .map(|x| x.label)
        .collect();
    assert_eq!(labels, vec!["Second", "Baseline, March"]);
}

#[test]
fn settings_round_trip() {
    let mut t = workspace();
    assert_eq!(t.ws.setting("k").expect("get"), None);
    t.ws.set_setting("k", "1").expect("set");
    t.ws.set_setting("k", "2").expect("replace");
    assert_eq!(t.ws.setting("k").expect("get"), Some("2".to_owned()));
}

#[test]
fn a_version_1_workspace_is_upgraded_with_its_data() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("workspace.sqlite3");
    {
        let conn = Connection::open(&path).expect("open");
        migrations::migrate(&conn, &migrations::ALL[..1]).expect("v1");
        conn.execute_batch(
            "INSERT INTO clients (uid, name, created_at, updated_at) VALUES ('c', 'Old', 't', 't');
             INSERT INTO assessments (uid, client_id, name, catalog_version, scope, created_at, updated_at)
             VALUES ('a', 1, 'Before plans', 'v0', 'security', 't', 't');",
        )
        .expect("v1 data");
    }
    let store = Store::open(&path).expect("upgrade");
    let a = store.assessment(1).expect("kept");
    assert_eq!(a.name, "Before plans");
    assert_eq!(a.profile.audit_type, AuditType::Type1);
    assert_eq!(a.profile.target_date, None);
    assert!(store.plan_edits(1).expect("edits").is_empty());
}

#[test]
fn profiles_and_plan_edits_round_trip() {
    let t = workspace();
    let mut store = t.store();
    let s = &mut store;
    let c = s.create_client("Acme").expect("client");
    let a = s
        .create_assessment(new_assessment(c.id, "A"))
        .expect("assessment");
    let date = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).expect("date");
    let profile = AuditProfile {
        audit_type: AuditType::Type2,
        target_date: Some(date(2027, 12, 31)),
        observation_start: Some(date(2027, 7, 1)),
    };
    let created = s
        .create_assessment(NewAssessment {
            new_client: None,
            scoping: Vec::new(),
            profile: profile.clone(),
            ..new_assessment(c.id, "B")
        })
        .expect("with profile");
    assert_eq!(
        created.profile, profile,
        "the profile given at creation is stored"
    );
    s.set_profile(a.id, &profile).expect("profile");
    assert_eq!(s.assessment(a.id).expect("a").profile, profile);
    assert!(matches!(
        s.set_profile(999, &profile),
        Err(StoreError::NotFound(_))
    ));

    let edit = ActionEdit {
        owner: Some(trustgap_domain::people::Owner::role("Dana Ó")),
        start: Some(date(2027, 1, 4)),
        due: Some(date(2027, 2, 1)),
        status: Some(ActionStatus::RiskAccepted),
        justification: "Board accepted".into(),
        notes: "n".into(),
    };
    s.save_plan_edit(a.id, "mfa-everywhere", &edit)
        .expect("save");
    s.save_plan_edit(a.id, "mfa-everywhere", &edit)
        .expect("idempotent");
    let edits = s.plan_edits(a.id).expect("edits");
    assert_eq!(edits.len(), 1);
    assert_eq!(edits["mfa-everywhere"], edit);
    assert!(matches!(
        s.save_plan_edit(999, "x", &edit),
        Err(StoreError::NotFound(_))
    ));
}

#[test]
fn the_next_automatic_backup_clears_copies_left_by_a_killed_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let backups = dir.path().join("backups");
    std::fs::create_dir_all(&backups).expect("backups dir");
    let stale = ".workspace-20250101-000000.sqlite3.tmp-4000001";
    let own = format!(
        ".workspace-20250101-000000.sqlite3.tmp-{}",
        std::process::id()
    );
    let names = [
        stale.to_owned(),
        format!("{stale}-journal"),
        own.clone(),
        "notes.txt".to_owned(),
    ];
    for name in &names {
        std::fs::write(backups.join(name), b"partial").expect("write");
    }
    let s = Store::open_dir(dir.path()).expect("open");
    let made = s
        .auto_backup(&backups, 10, chrono::Duration::hours(20))
        .expect("backup");
    assert!(made.is_some_and(|p| p.exists()));
    assert!(
        !backups.join(stale).exists(),
        "a killed backup's copy is left"
    );
    assert!(!backups.join(format!("{stale}-journal")).exists());
    // This process's own temporary name and files that are not copies are left alone.
    assert!(backups.join(&own).exists());
    assert!(backups.join("notes.txt").exists());
}

#[test]
fn a_version_5_workspace_gains_empty_cost_assumptions_that_round_trip_and_cascade() {
    use trustgap_domain::costs::{CostAssumptions, CostLine};
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("workspace.sqlite3");
    {
        let conn = Connection::open(&path).expect("open");
        let v5: Vec<Migration> = migrations::ALL
            .iter()
            .filter(|m| m.version <= 5)
            .map(|m| Migration {
                version: m.version,
                sql: m.sql,
            })
            .collect();
        migrations::migrate(&conn, &v5).expect("v5");
        conn.execute_batch(
            "INSERT INTO clients (uid, name, created_at, updated_at) VALUES ('c', 'Old', 't', 't');
             INSERT INTO assessments (uid, client_id, name, catalog_version, scope, created_at, updated_at)
             VALUES ('a', 1, 'Before costs', 'v0', 'security', 't', 't');",
        )
        .expect("v5 data");
    }
    let mut store = Store::open(&path).expect("upgrade");
    assert!(store.cost_assumptions(1).expect("costs").is_empty());
    let costs = CostAssumptions {
        currency: "€".into(),
        day_rate: Some(700),
        lines: vec![CostLine {
            label: "Audit fee".into(),
            low: 1,
            high: 2,
        }],
    };
    store.save_cost_assumptions(1, &costs).expect("save");
    store
        .save_cost_assumptions(1, &costs)
        .expect("save again (upsert)");
    assert_eq!(store.cost_assumptions(1).expect("costs"), costs);
    drop(store);
    let conn = Connection::open(&path).expect("open");
    conn.execute_batch("PRAGMA foreign_keys = ON; DELETE FROM assessments WHERE id = 1;")
        .expect("delete");
    let left: i64 = conn
        .query_row("SELECT count(*) FROM cost_assumptions", [], |r| r.get(0))
        .expect("count");
    assert_eq!(left, 0, "costs go with their assessment");
    // The schema refuses what the app never writes.
    let bad = conn.execute(
        "INSERT INTO cost_assumptions (assessment_id, currency, day_rate, lines, updated_at) \
         VALUES (99, 'EUR', 0, '[]', 't')",
        [],
    );
    assert!(bad.is_err());
}
