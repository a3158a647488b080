//! The register's tables: the upgrade from a version-8 workspace, and the checks a
//! `.trustgap` file's register meets on import.

use rusqlite::Connection;
use trustgap_store::migrations::{self, Migration, LATEST};
use trustgap_store::portable::ImportMode;
use trustgap_store::Store;

#[test]
fn a_version_8_workspace_is_upgraded_with_its_people_as_employees() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("workspace.sqlite3");
    {
        let conn = Connection::open(&path).expect("open");
        let v8: Vec<Migration> = migrations::ALL
            .iter()
            .filter(|m| m.version <= 8)
            .map(|m| Migration {
                version: m.version,
                sql: m.sql,
            })
            .collect();
        migrations::migrate(&conn, &v8).expect("v8");
        conn.execute_batch(
            "INSERT INTO clients (uid, name, created_at, updated_at) VALUES ('c', 'Old', 't', 't');
             INSERT INTO people (uid, client_id, name, role, email, created_at, updated_at)
             VALUES ('p', 1, 'Ana', 'CTO', 'ana@example.com', 't', 't');",
        )
        .expect("v8 data");
    }
    let mut store = Store::open(&path).expect("upgrade");
    assert_eq!(
        Connection::open(&path)
            .and_then(|c| migrations::version(&c))
            .expect("version"),
        LATEST
    );
    let ana = &store.people(1).expect("people")[0];
    assert_eq!(ana.kind, trustgap_domain::people::PersonKind::Employee);
    assert_eq!((ana.team.as_str(), ana.start_date), ("", None));
    assert!(store.courses(1).expect("courses").is_empty());
    let course = store
        .add_course(
            1,
            &trustgap_domain::register::CourseInput {
                name: "Awareness".into(),
                within_days: Some(30),
                every_months: None,
                audience: trustgap_domain::register::Audience::Everyone,
            },
        )
        .expect("course");
    assert!(store
        .add_course(
            1,
            &trustgap_domain::register::CourseInput {
                name: "Awareness".into(),
                within_days: None,
                every_months: Some(0),
                audience: trustgap_domain::register::Audience::Everyone,
            },
        )
        .is_err());
    store
        .record_completion(ana.id, course.id, crate::register::date(2026, 1, 2), "cert")
        .expect("completion");
    assert_eq!(store.completions(1).expect("completions").len(), 1);
}

/// The sample file (with its register) tampered with by `sql`, then imported.
fn import_tampered(sql: &str) -> trustgap_store::StoreError {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = crate::portable::sample_file(dir.path());
    Connection::open(&file)
        .and_then(|c| c.execute_batch(sql))
        .expect("tamper");
    let mut store = Store::open_dir(&dir.path().join("target")).expect("target");
    store
        .import_portable(&file, ImportMode::Ask)
        .expect_err("refused")
}

#[test]
fn a_file_with_a_damaged_register_is_refused() {
    for sql in [
        "UPDATE training_completions SET completed_on = '2024-13-40'",
        "UPDATE training_completions SET evidence = 'a' || char(10) || 'b'",
        "UPDATE courses SET audience = '{\"kind\":\"roles\",\"names\":[]}'",
        "UPDATE courses SET audience = 'not json'",
        "UPDATE policy_acknowledgements SET acknowledged_on = 'yesterday'",
        "UPDATE people SET start_date = '1850-01-01' WHERE start_date IS NOT NULL",
        "UPDATE people SET team = 'x' || char(13) || 'y'",
    ] {
        let e = import_tampered(sql);
        assert!(
            e.to_string().contains("invalid data") || e.to_string().contains("out of bounds"),
            "{sql}: {e}"
        );
    }
}
