//! The people register through the use cases: the roster import (all or nothing, every bad
//! row listed), training statuses, stale acknowledgements, the register's gaps, the export
//! that leaves personal data out unless asked, and erasure that leaves no bytes behind.

use crate::support::{workspace, TempWorkspace};
use chrono::{Days, NaiveDate};
use trustgap_domain::policy::{PolicyRevision, PolicyStatus};
use trustgap_domain::register::{Audience, CourseInput, RegisterGapKind, RosterField, Status};
use trustgap_store::portable::ImportMode;

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

pub fn today() -> NaiveDate {
    date(2026, 6, 15)
}

fn ago(days: u64) -> String {
    today()
        .checked_sub_days(Days::new(days))
        .expect("date")
        .to_string()
}

/// A workspace with the sample assessment; returns it, the assessment and its client.
fn sample() -> (TempWorkspace, i64, i64) {
    let mut t = workspace();
    let a = t.ws.create_sample(today()).expect("sample");
    (t, a.id, a.client_id)
}

pub const BAD_ROSTER: &str = "Full name,Work email,Title,Type,Hire date,Termination date\r\n\
Ada Lovelace,ada@example.com,CTO,employee,2024-01-02,\r\n\
,nameless@example.com,Engineer,employee,2024-02-01,\r\n\
Bo Diddley,bo@example.com,Engineer,employee,01/02/2024,\r\n\
Ada Two,ADA@example.com,Sales,contractor,2024-03-01,\r\n\
Cy Twombly,cy@example.com,Designer,employee,2024-05-01,2024-04-01\r\n";

#[test]
fn a_roster_with_bad_rows_is_refused_with_every_row_listed_and_nothing_changed() {
    let (mut t, _, client) = sample();
    let before = t.ws.people(client).expect("people");
    let preview =
        t.ws.preview_roster(client, "hr.csv", BAD_ROSTER.as_bytes(), &[])
            .expect("preview");
    let rows: Vec<u32> = preview.problems.iter().map(|p| p.row).collect();
    assert_eq!(rows, [3, 4, 5, 6]);
    let err =
        t.ws.import_roster(client, "hr.csv", BAD_ROSTER.as_bytes(), &[])
            .expect_err("refused");
    for (row, words) in [
        (3, "name is missing"),
        (4, "not a date"),
        (5, "also on row 2"),
        (6, "before the start date"),
    ] {
        let line = err
            .message
            .lines()
            .find(|l| l.starts_with(&format!("Row {row}:")))
            .unwrap_or_else(|| panic!("row {row} not listed: {}", err.message));
        assert!(line.contains(words), "row {row}: {line}");
    }
    assert_eq!(t.ws.people(client).expect("people"), before);
}

#[test]
fn a_good_roster_imports_exactly_and_a_second_import_finds_the_duplicates() {
    let (mut t, _, client) = sample();
    let before = t.ws.people(client).expect("people").len();
    let roster = "\u{feff}Name;Mail;Dept;Contract\r\n\
                  x\r\n";
    // Semicolons are not a CSV the reader splits: one column, so no email column is found.
    assert!(t
        .ws
        .import_roster(client, "hr.csv", roster.as_bytes(), &[])
        .is_err());
    let good = "\u{feff}Preferred,Name,Email,Team,Kind,Start,End,Access removed\r\n\
                Lin,Lin Wei,lin@example.com,Platform,contractor,2025-01-06,2025-09-30,2025-10-01\r\n\
                Sol,Sol Reyes,sol@example.com,Sales,employee,2026-05-01,,\r\n";
    let n =
        t.ws.import_roster(
            client,
            "hr.csv",
            good.as_bytes(),
            &[("Name".into(), RosterField::Name)],
        )
        .expect("import");
    assert_eq!(n, 2);
    let people = t.ws.people(client).expect("people");
    assert_eq!(people.len(), before + 2);
    let lin = people.iter().find(|p| p.name == "Lin Wei").expect("Lin");
    assert_eq!(lin.email, "lin@example.com");
    assert_eq!(lin.team, "Platform");
    assert_eq!(lin.kind, trustgap_domain::people::PersonKind::Contractor);
    assert_eq!(lin.start_date, Some(date(2025, 1, 6)));
    assert_eq!(lin.end_date, Some(date(2025, 9, 30)));
    assert_eq!(lin.access_removed_on, Some(date(2025, 10, 1)));
    let again =
        t.ws.import_roster(
            client,
            "hr.csv",
            good.as_bytes(),
            &[("Name".into(), RosterField::Name)],
        )
        .expect_err("duplicates");
    assert!(
        again.message.contains("already on the roster"),
        "{}",
        again.message
    );
}

#[test]
fn hostile_roster_files_are_refused_with_a_reason() {
    let (mut t, _, client) = sample();
    let huge = vec![b'a'; (trustgap_workspace::MAX_ROSTER_BYTES + 1) as usize];
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("hr.csv", huge, "at most"),
        (
            "hr.csv",
            b"Name,Email\x00\x01\x02\xff\xfe".to_vec(),
            "binary",
        ),
        (
            "hr.xlsx",
            b"PK\x03\x04 not really".to_vec(),
            "not an Excel workbook",
        ),
        (
            "hr.pdf",
            b"Name,Email\r\nA,a@example.com\r\n".to_vec(),
            ".csv",
        ),
        (
            "hr.csv",
            b"Name,Email\r\n=HYPERLINK(\"x\"),f@example.com\r\n".to_vec(),
            "formula",
        ),
    ];
    for (name, bytes, words) in cases {
        let err =
            t.ws.import_roster(client, name, &bytes, &[])
                .expect_err(name);
        assert!(err.message.contains(words), "{name}: {}", err.message);
    }
    // Ten thousand good rows import in one transaction.
    let mut big = String::from("Name,Email,Start date\n");
    for i in 0..10_000 {
        big.push_str(&format!("Person {i},p{i}@example.com,2025-01-01\n"));
    }
    assert_eq!(
        t.ws.import_roster(client, "big.csv", big.as_bytes(), &[])
            .expect("10k"),
        10_000
    );
}

#[test]
fn training_statuses_follow_the_rules_on_the_calendar() {
    let (mut t, _, client) = sample();
    let roster = format!(
        "Name,Email,Kind,Start date\n\
         New Hire,new@example.com,employee,{}\n\
         Veteran,vet@example.com,employee,{}\n\
         Contractor,con@example.com,contractor,{}\n",
        ago(40),
        ago(900),
        ago(40)
    );
    t.ws.import_roster(client, "r.csv", roster.as_bytes(), &[])
        .expect("roster");
    let course =
        t.ws.add_course(
            client,
            &CourseInput {
                name: "Security awareness".into(),
                within_days: Some(30),
                every_months: Some(12),
                audience: Audience::EmployeesOnly,
            },
        )
        .expect("course");
    let vet =
        t.ws.person_by_email(client, "VET@example.com")
            .expect("vet");
    let thirteen_months = date(2025, 5, 15);
    t.ws.record_completion(vet.id, course.id, thirteen_months, "cert.pdf", today())
        .expect("completion");
    assert!(t
        .ws
        .record_completion(vet.id, course.id, date(2026, 7, 1), "", today())
        .is_err());
    let list = t.ws.training_list(client, today()).expect("list");
    let status = |email: &str| {
        list.iter()
            .find(|r| r.email == email)
            .map(|r| r.status)
            .expect("row")
    };
    assert_eq!(status("new@example.com"), Status::Overdue);
    assert_eq!(status("vet@example.com"), Status::Overdue);
    assert_eq!(status("con@example.com"), Status::NotRequired);
    t.ws.record_completion(vet.id, course.id, date(2026, 6, 1), "", today())
        .expect("refresh");
    let list = t.ws.training_list(client, today()).expect("list");
    let vet_row = list
        .iter()
        .find(|r| r.email == "vet@example.com")
        .expect("vet");
    assert_eq!(vet_row.status, Status::Done);
    assert_eq!(vet_row.due_on, Some(date(2027, 6, 1)));
}

#[test]
fn a_new_approved_policy_version_makes_acknowledgements_stale() {
    let (mut t, id, client) = sample();
    t.ws.import_roster(
        client,
        "r.csv",
        format!(
            "Name,Email,Start date\nAnn Reader,ann@example.com,{}\n",
            ago(100)
        )
        .as_bytes(),
        &[],
    )
    .expect("roster");
    let ann =
        t.ws.person_by_email(client, "ann@example.com")
            .expect("ann");
    let mut store = t.store();
    let mut record = crate::policies_store::sample_policy(None, None);
    store.save_policy_record(id, &record).expect("policy");
    let gaps = |t: &TempWorkspace| -> Vec<RegisterGapKind> {
        t.ws.register_gaps(id, today())
            .expect("gaps")
            .into_iter()
            .filter(|g| g.person_id == ann.id)
            .map(|g| g.gap)
            .collect()
    };
    assert!(gaps(&t).iter().any(|g| matches!(
        g,
        RegisterGapKind::AcknowledgementMissing { version: 1, .. }
    )));
    assert!(
        t.ws.acknowledge_policy(id, ann.id, &record.policy_id, 2, today(), today())
            .is_err(),
        "version 2 is a draft"
    );
    t.ws.acknowledge_policy(id, ann.id, &record.policy_id, 1, today(), today())
        .expect("acknowledge");
    assert!(gaps(&t).is_empty(), "{:?}", gaps(&t));
    record.status = PolicyStatus::Approved;
    record.approved_on = Some(today());
    record.revisions.insert(
        0,
        PolicyRevision {
            version: 2,
            status: PolicyStatus::Approved,
            at: "2026-06-14T10:00:00Z".into(),
            author: "Maya Chen".into(),
            note: "Second approval".into(),
            approver: "Dana Whitfield".into(),
            approved_on: Some(today()),
            sections: record.revisions[1].sections.clone(),
        },
    );
    store
        .save_policy_record(id, &record)
        .expect("version 2 approved");
    assert!(
        matches!(
            gaps(&t).as_slice(),
            [RegisterGapKind::AcknowledgementStale { version: 2, .. }]
        ),
        "{:?}",
        gaps(&t)
    );
}

#[test]
fn the_export_leaves_personal_data_out_unless_asked() {
    let (mut t, id, client) = sample();
    t.ws.import_roster(
        client,
        "r.csv",
        b"Name,Email,Team,Start date\nPriv Person,priv@example.com,Secret Team,2025-02-03\n",
        &[],
    )
    .expect("roster");
    let course =
        t.ws.add_course(
            client,
            &CourseInput {
                name: "Secure coding".into(),
                within_days: None,
                every_months: None,
                audience: Audience::Everyone,
            },
        )
        .expect("course");
    let p = t.ws.person_by_email(client, "priv@example.com").expect("p");
    t.ws.record_completion(p.id, course.id, date(2025, 3, 1), "cert-priv.pdf", today())
        .expect("completion");
    let without = t.dir.path().join("without.trustgap");
    let with = t.dir.path().join("with.trustgap");
    t.ws.export_portable(&[id], &without, false)
        .expect("export");
    t.ws.export_portable(&[id], &with, true).expect("export");
    let bytes = std::fs::read(&without).expect("file");
    for secret in [
        "priv@example.com",
        "Secret Team",
        "cert-priv.pdf",
        "Secure coding",
    ] {
        assert!(
            !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
            "{secret} is in the file exported without the register"
        );
    }
    let conn = rusqlite::Connection::open(&without).expect("open");
    let dated: i64 = conn
        .query_row(
            "SELECT count(*) FROM people WHERE start_date IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(dated, 0);
    // With the register, everything comes in to another workspace.
    let mut other = workspace();
    let ids = other
        .ws
        .import_portable(&with, ImportMode::Ask)
        .expect("import");
    let other_client = other.ws.detail(ids[0]).expect("detail").summary.client_id;
    let q = other
        .ws
        .person_by_email(other_client, "priv@example.com")
        .expect("person travelled");
    assert_eq!(q.team, "Secret Team");
    assert_eq!(q.start_date, Some(date(2025, 2, 3)));
    let list = other.ws.training_list(other_client, today()).expect("list");
    let row = list.iter().find(|r| r.person_id == q.id).expect("row");
    assert_eq!(row.last_completed, Some(date(2025, 3, 1)));
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

#[test]
fn erasing_a_person_leaves_no_row_and_no_bytes_in_the_database_file() {
    let (mut t, id, client) = sample();
    let name = "Zephyrine Quablevault";
    let email = "zephyrine.quablevault@example.org";
    t.ws.import_roster(
        client,
        "r.csv",
        format!("Name,Email,Role\n{name},{email},Security lead\n").as_bytes(),
        &[],
    )
    .expect("roster");
    let p = t.ws.person_by_email(client, email).expect("person");
    // An earlier edit leaves old text in freed space unless the file is rewritten.
    let mut input: trustgap_domain::people::PersonInput = trustgap_domain::people::PersonInput {
        name: format!("{name} Jr"),
        role: p.role.clone(),
        email: p.email.clone(),
        share: p.share,
        ..Default::default()
    };
    t.ws.update_person(p.id, &input).expect("edit");
    input.name = name.into();
    t.ws.update_person(p.id, &input).expect("edit back");
    let course =
        t.ws.add_course(
            client,
            &CourseInput {
                name: "Security awareness".into(),
                within_days: Some(30),
                every_months: Some(12),
                audience: Audience::Everyone,
            },
        )
        .expect("course");
    t.ws.record_completion(p.id, course.id, date(2026, 1, 5), "zq-cert.pdf", today())
        .expect("completion");
    let question = t.ws.detail(id).expect("detail").responses[0]
        .question_id
        .clone();
    t.ws.save_answer(&trustgap_workspace::SaveAnswerInput {
        assessment_id: id,
        question_id: question,
        answer: Some(trustgap_domain::assessment::Answer::Implemented),
        owner: Some(trustgap_domain::people::Owner::Person { id: p.id }),
        ..Default::default()
    })
    .expect("owned answer");
    let db = t.ws.database().to_owned();
    let e = t.ws.erase_person(p.id, today()).expect("erase");
    assert_eq!(e.rows_removed, 2, "the person and their completion");
    assert!(e.file_cleared);
    let conn = rusqlite::Connection::open(&db).expect("open");
    let rows: i64 = conn
        .query_row(
            "SELECT (SELECT count(*) FROM people WHERE id = ?1) + \
             (SELECT count(*) FROM training_completions WHERE person_id = ?1) + \
             (SELECT count(*) FROM responses WHERE owner_person = ?1)",
            [p.id],
            |r| r.get(0),
        )
        .expect("rows");
    assert_eq!(rows, 0);
    let (count, role): (i64, String) = conn
        .query_row(
            "SELECT (SELECT rows_removed FROM register_erasures), \
             (SELECT owner_role FROM responses WHERE owner_role = 'Security lead')",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("count kept, owner moved to the role");
    assert_eq!((count, role.as_str()), (2, "Security lead"));
    drop(conn);
    for suffix in ["", "-wal"] {
        let path = format!("{}{suffix}", db.display());
        let bytes = std::fs::read(&path).unwrap_or_default();
        for secret in [name, email, "Quablevault", "zq-cert.pdf"] {
            assert!(!contains(&bytes, secret), "{secret} is still in {path}");
        }
    }
}
