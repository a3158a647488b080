//! The policy tables: records with their edits and append-only history, parameters, the limits
//! and refusals of the repository, the upgrade from a version-7 workspace, and backups.

use chrono::NaiveDate;
use rusqlite::Connection;
use trustgap_domain::assessment::Scope;
use trustgap_domain::catalog::CategoryId;
use trustgap_domain::limits::{MAX_NOTE_CHARS, MAX_SECTION_CHARS};
use trustgap_domain::people::PersonInput;
use trustgap_domain::plan::{AuditProfile, AuditType};
use trustgap_domain::policy::{
    FrozenSection, PolicyRecord, PolicyRevision, PolicyStatus, SectionEdit,
};
use trustgap_store::migrations::{self, Migration, LATEST};
use trustgap_store::{NewAssessment, Store, StoreError};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

/// A policy approved once (version 1, frozen text) and edited since: version 2, a draft.
pub fn sample_policy(owner: Option<i64>, approver: Option<i64>) -> PolicyRecord {
    let approved = PolicyRevision {
        version: 1,
        status: PolicyStatus::Approved,
        at: "2025-03-02T10:00:00Z".into(),
        author: "Maya Chen".into(),
        note: "First approval — 承認".into(),
        approver: "Dana Whitfield".into(),
        approved_on: Some(date(2025, 3, 2)),
        sections: Some(vec![FrozenSection {
            id: "authentication".into(),
            title: "Signing in".into(),
            criteria: vec!["CC6.1".into()],
            text: "Staff sign in through single sign-on.\n\n*Planned:* MFA everywhere.".into(),
            stated_facts: vec!["sso".into()],
        }]),
    };
    let draft = PolicyRevision {
        version: 2,
        status: PolicyStatus::Draft,
        at: "2025-03-05T08:30:00Z".into(),
        author: "Maya Chen".into(),
        note: "Edited after approval".into(),
        approver: String::new(),
        approved_on: None,
        sections: None,
    };
    PolicyRecord {
        policy_id: "access-control".into(),
        owner,
        approver,
        status: PolicyStatus::Draft,
        version: 2,
        approved_on: None,
        next_review: None,
        edits: vec![SectionEdit {
            section_id: "authentication".into(),
            text: "Everyone signs in with **MFA**.\n- even admins 🚀".into(),
            base: "Staff sign in through single sign-on.".into(),
            edited_at: "2025-03-05T08:30:00Z".into(),
        }],
        revisions: vec![draft, approved],
    }
}

struct Fixture {
    _dir: tempfile::TempDir,
    store: Store,
    assessment: i64,
    client: i64,
    maya: i64,
    dana: i64,
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

fn person(store: &mut Store, client: i64, name: &str) -> i64 {
    store
        .add_person(
            client,
            &PersonInput {
                name: name.into(),
                role: "CTO".into(),
                share: 20,
                ..PersonInput::default()
            },
        )
        .expect("person")
        .id
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open_dir(dir.path()).expect("store");
    let client = store.create_client("Brightwave").expect("client").id;
    let assessment = store
        .create_assessment(new_assessment(client, "Readiness"))
        .expect("assessment")
        .id;
    let maya = person(&mut store, client, "Maya Chen");
    let dana = person(&mut store, client, "Dana Whitfield");
    Fixture {
        _dir: dir,
        store,
        assessment,
        client,
        maya,
        dana,
    }
}

fn count(store: &Store, table: &str) -> i64 {
    Connection::open(store.path())
        .and_then(|c| c.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)))
        .expect("count")
}

#[test]
fn a_record_round_trips_with_its_edits_and_history_newest_first() {
    let mut f = fixture();
    let id = f.assessment;
    assert!(f.store.policy_records(id).expect("none").is_empty());
    assert_eq!(
        f.store.policy_record(id, "access-control").expect("none"),
        None
    );

    let record = sample_policy(Some(f.maya), Some(f.dana));
    f.store.save_policy_record(id, &record).expect("save");
    let mut other = PolicyRecord::new("acceptable-use");
    other.owner = Some(f.dana);
    f.store.save_policy_record(id, &other).expect("save other");

    assert_eq!(
        f.store.policy_record(id, "access-control").expect("read"),
        Some(record.clone())
    );
    let all = f.store.policy_records(id).expect("all");
    assert_eq!(
        all,
        vec![other, record.clone()],
        "only touched policies, by id"
    );

    // Saving again without change adds nothing; a new status adds one row on top.
    f.store.save_policy_record(id, &record).expect("again");
    assert_eq!(count(&f.store, "policy_revisions"), 2);
    let mut review = record.clone();
    review.status = PolicyStatus::InReview;
    review.edits.clear();
    review.revisions.insert(
        0,
        PolicyRevision {
            version: 2,
            status: PolicyStatus::InReview,
            at: "2025-03-06T09:00:00Z".into(),
            author: "Maya Chen".into(),
            note: String::new(),
            approver: String::new(),
            approved_on: None,
            sections: None,
        },
    );
    f.store.save_policy_record(id, &review).expect("in review");
    let read = f.store.policy_record(id, "access-control").expect("read");
    assert_eq!(read, Some(review), "edits replaced, the revision appended");
    assert_eq!(count(&f.store, "policy_revisions"), 3);
    assert_eq!(count(&f.store, "policy_section_edits"), 0);
}

#[test]
fn history_is_append_only() {
    let mut f = fixture();
    let id = f.assessment;
    let record = sample_policy(Some(f.maya), None);
    f.store.save_policy_record(id, &record).expect("save");

    let mut dropped = record.clone();
    dropped.revisions.pop();
    let mut rewritten = record.clone();
    rewritten.revisions[1].note = "A different approval".into();
    let mut reordered = record.clone();
    reordered.revisions.reverse();
    for attempt in [dropped, rewritten, reordered] {
        let err = f
            .store
            .save_policy_record(id, &attempt)
            .expect_err("history rewritten");
        assert!(matches!(err, StoreError::Conflict(_)), "{err:?}");
        assert!(err.to_string().contains("cannot be rewritten"), "{err}");
    }
    assert_eq!(
        f.store.policy_record(id, "access-control").expect("read"),
        Some(record),
        "nothing changed"
    );
}

#[test]
fn records_are_held_to_the_limits_and_to_the_clients_people() {
    let mut f = fixture();
    let id = f.assessment;
    let other_client = f.store.create_client("Elsewhere").expect("client").id;
    let stranger = person(&mut f.store, other_client, "Stranger");
    let base = sample_policy(Some(f.maya), Some(f.dana));
    let refused = |store: &mut Store, change: &dyn Fn(&mut PolicyRecord), why: &str| {
        let mut r = base.clone();
        change(&mut r);
        let err = store.save_policy_record(id, &r).expect_err(why);
        assert!(matches!(err, StoreError::Invalid(_)), "{why}: {err:?}");
        err.to_string()
    };
    let s = &mut f.store;
    let msg = refused(s, &|r| r.edits[0].text = "  \n ".into(), "blank edit");
    assert_eq!(msg, "A section cannot be empty.");
    let msg = refused(
        s,
        &|r| r.edits[0].text = "é".repeat(MAX_SECTION_CHARS + 1),
        "long edit",
    );
    assert!(msg.contains("20000 characters"), "{msg}");
    refused(
        s,
        &|r| r.edits[0].base = "x".repeat(MAX_SECTION_CHARS + 1),
        "long base",
    );
    refused(s, &|r| r.edits.push(r.edits[0].clone()), "edited twice");
    refused(s, &|r| r.policy_id = String::new(), "no policy id");
    refused(s, &|r| r.policy_id = "a\nb".into(), "two-line id");
    refused(s, &|r| r.version = 0, "version 0");
    refused(s, &|r| r.revisions[0].version = 0, "revision version 0");
    refused(
        s,
        &|r| r.revisions[0].note = "n".repeat(MAX_NOTE_CHARS + 1),
        "long note",
    );
    refused(
        s,
        &|r| r.revisions[0].author = "x".repeat(121),
        "long author",
    );
    refused(
        s,
        &|r| r.approved_on = Some(date(1999, 12, 31)),
        "implausible date",
    );
    refused(
        s,
        &|r| {
            let frozen = r.revisions[1].sections.as_mut().expect("frozen");
            frozen[0].text = "x".repeat(MAX_SECTION_CHARS + 1);
        },
        "long frozen text",
    );
    refused(
        s,
        &|r| {
            let frozen = r.revisions[1].sections.as_mut().expect("frozen");
            let one = frozen[0].clone();
            frozen.extend(std::iter::repeat_n(one, 100));
        },
        "too many frozen sections",
    );
    let msg = refused(s, &|r| r.owner = Some(stranger), "another client's person");
    assert!(msg.contains("people of the client"), "{msg}");
    refused(s, &|r| r.approver = Some(9_999), "nobody");
    assert_eq!(s.policy_records(id).expect("read"), vec![], "nothing saved");

    // The longest section text fits.
    let mut longest = base.clone();
    longest.edits[0].text = "é".repeat(MAX_SECTION_CHARS);
    s.save_policy_record(id, &longest).expect("longest");
    assert!(matches!(
        s.save_policy_record(9_999, &base),
        Err(StoreError::NotFound(_))
    ));
    let _ = f.client;
}

#[test]
fn parameters_are_set_trimmed_replaced_and_removed() {
    let mut f = fixture();
    let id = f.assessment;
    let s = &mut f.store;
    s.set_policy_parameter(id, "cloud_provider", Some("  AWS  "))
        .expect("set");
    s.set_policy_parameter(id, "log_tool", Some("Datadog — 東京"))
        .expect("set");
    s.set_policy_parameter(id, "cloud_provider", Some("Google Cloud"))
        .expect("replace");
    let got = s.policy_parameters(id).expect("read");
    assert_eq!(
        got.into_iter().collect::<Vec<_>>(),
        vec![
            ("cloud_provider".to_owned(), "Google Cloud".to_owned()),
            ("log_tool".to_owned(), "Datadog — 東京".to_owned()),
        ]
    );
    s.set_policy_parameter(id, "cloud_provider", None)
        .expect("remove");
    s.set_policy_parameter(id, "log_tool", Some("   "))
        .expect("empty removes");
    assert!(s.policy_parameters(id).expect("read").is_empty());
    for (param, value) in [
        ("cloud_provider", "two\nlines"),
        ("cloud_provider", &*"x".repeat(121)),
        ("", "AWS"),
        (" cloud_provider", "AWS"),
    ] {
        let err = s
            .set_policy_parameter(id, param, Some(value))
            .expect_err("refused");
        assert!(matches!(err, StoreError::Invalid(_)), "{err:?}");
    }
    assert!(matches!(
        s.set_policy_parameter(9_999, "cloud_provider", Some("AWS")),
        Err(StoreError::NotFound(_))
    ));
    assert!(s.policy_parameters(id).expect("read").is_empty());
}

#[test]
fn a_removed_person_leaves_the_policy_unowned_and_a_deleted_assessment_takes_its_policies() {
    let mut f = fixture();
    let id = f.assessment;
    f.store
        .save_policy_record(id, &sample_policy(Some(f.maya), Some(f.dana)))
        .expect("save");
    f.store
        .set_policy_parameter(id, "cloud_provider", Some("AWS"))
        .expect("param");
    f.store.remove_person(f.maya).expect("remove");
    let read = f
        .store
        .policy_record(id, "access-control")
        .expect("read")
        .expect("kept");
    assert_eq!((read.owner, read.approver), (None, Some(f.dana)));
    assert_eq!(read.revisions.len(), 2, "the history stays");

    let path = f.store.path().to_owned();
    let conn = Connection::open(&path).expect("open");
    conn.execute_batch("PRAGMA foreign_keys = ON; DELETE FROM assessments;")
        .expect("delete");
    for table in [
        "policy_records",
        "policy_section_edits",
        "policy_revisions",
        "policy_parameters",
    ] {
        assert_eq!(count(&f.store, table), 0, "{table} rows left");
    }
}

#[test]
fn the_schema_refuses_what_the_app_never_writes() {
    let mut f = fixture();
    let id = f.assessment;
    f.store
        .save_policy_record(id, &sample_policy(None, None))
        .expect("save");
    let conn = Connection::open(f.store.path()).expect("open");
    conn.pragma_update(None, "foreign_keys", "ON").expect("fk");
    for sql in [
        "UPDATE policy_records SET status = 'Approved'",
        "UPDATE policy_records SET status = 'published'",
        "UPDATE policy_revisions SET status = 'in review'",
        "UPDATE policy_records SET version = 0",
        "UPDATE policy_records SET version = 'two'",
        "UPDATE policy_revisions SET seq = 0",
        "INSERT INTO policy_revisions (assessment_id, policy_id, seq, version, status, at) \
         VALUES (1, 'nobody', 1, 1, 'draft', 't')",
        "INSERT INTO policy_section_edits (assessment_id, policy_id, section_id, text, base, \
         edited_at) VALUES (1, 'nobody', 's', 't', 'b', 't')",
        "UPDATE policy_records SET owner_id = 9999",
    ] {
        assert!(conn.execute(sql, []).is_err(), "accepted: {sql}");
    }
    // Every status the domain spells is accepted.
    for status in PolicyStatus::ALL {
        conn.execute("UPDATE policy_records SET status = ?1", [status.as_str()])
            .expect("a known status");
    }
}

#[test]
fn a_version_7_workspace_is_upgraded_with_its_people_as_policy_owners() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("workspace.sqlite3");
    {
        let conn = Connection::open(&path).expect("open");
        let v7: Vec<Migration> = migrations::ALL
            .iter()
            .filter(|m| m.version <= 7)
            .map(|m| Migration {
                version: m.version,
                sql: m.sql,
            })
            .collect();
        migrations::migrate(&conn, &v7).expect("v7");
        assert_eq!(migrations::version(&conn).expect("version"), 7);
        conn.execute_batch(
            "INSERT INTO clients (uid, name, created_at, updated_at) VALUES ('c', 'Old', 't', 't');
             INSERT INTO people (uid, client_id, name, role, created_at, updated_at)
             VALUES ('p', 1, 'Ana', 'CTO', 't', 't');
             INSERT INTO assessments (uid, client_id, name, catalog_version, scope, created_at, updated_at)
             VALUES ('a', 1, 'Before policies', 'v0', 'security', 't', 't');",
        )
        .expect("v7 data");
    }
    let mut store = Store::open(&path).expect("upgrade");
    assert_eq!(
        Connection::open(&path)
            .and_then(|c| migrations::version(&c))
            .expect("version"),
        LATEST
    );
    assert!(store.policy_records(1).expect("records").is_empty());
    assert!(store.policy_parameters(1).expect("params").is_empty());
    let record = sample_policy(Some(1), Some(1));
    store.save_policy_record(1, &record).expect("save");
    store
        .set_policy_parameter(1, "cloud_provider", Some("AWS"))
        .expect("param");
    drop(store);
    let store = Store::open(&path).expect("reopen");
    assert_eq!(
        store.policy_record(1, "access-control").expect("read"),
        Some(record)
    );
}

#[test]
fn a_backup_and_its_restore_keep_the_policies() {
    let mut f = fixture();
    let id = f.assessment;
    let record = sample_policy(Some(f.maya), Some(f.dana));
    f.store.save_policy_record(id, &record).expect("save");
    f.store
        .set_policy_parameter(id, "cloud_provider", Some("AWS"))
        .expect("param");
    let backups = tempfile::tempdir().expect("backups");
    let copy = backups.path().join("workspace-20250301-120000.sqlite3");
    f.store.backup_to(&copy).expect("backup");

    // Changed after the backup: the restore brings back the state of the backup.
    f.store
        .set_policy_parameter(id, "cloud_provider", None)
        .expect("clear");
    let data_dir = f.store.path().parent().expect("dir").to_owned();
    drop(f.store);
    trustgap_store::backup::restore(&data_dir, &copy).expect("restore");
    let store = Store::open_dir(&data_dir).expect("open restored");
    assert_eq!(
        store.policy_record(id, "access-control").expect("read"),
        Some(record)
    );
    assert_eq!(
        store
            .policy_parameters(id)
            .expect("params")
            .get("cloud_provider"),
        Some(&"AWS".to_owned())
    );
}
