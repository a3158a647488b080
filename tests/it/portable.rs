//! Portable `.trustgap` files: export, import into another workspace, the choices when the
//! assessment is already there, and the files that must be refused with nothing imported.

use crate::dbcheck::{assert_sound, digest, listing, raw};
use crate::support::workspace;
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use trustgap_domain::assessment::Answer;
use trustgap_domain::people::Owner;
use trustgap_domain::plan::{ActionEdit, ActionStatus};
use trustgap_domain::signoff::{Approver, ManagementResponse, ResponseKind};
use trustgap_store::migrations::{self, LATEST};
use trustgap_store::portable::ImportMode;
use trustgap_store::{Store, StoreError, APPLICATION_ID};
use trustgap_workspace::{BrandingInput, SaveAnswerInput, TextEdit, UpdateActionInput, Workspace};

pub fn date(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

pub fn today() -> chrono::NaiveDate {
    date(2025, 3, 1)
}

/// The sample assessment with a snapshot, changed answers (history) and dated plan edits,
/// exported to `<dir>/sample.trustgap` from a workspace in `<dir>/source`.
pub fn sample_file(dir: &Path) -> PathBuf {
    let mut ws =
        trustgap_workspace::Workspace::open(&dir.join("source")).expect("source workspace");
    let id = ws.create_sample(today()).expect("sample").id;
    ws.take_snapshot(id, "Workshop baseline").expect("snapshot");
    let questions: Vec<String> = ws
        .detail(id)
        .expect("detail")
        .responses
        .iter()
        .take(3)
        .map(|r| r.question_id.clone())
        .collect();
    let people = ws
        .people(ws.detail(id).expect("detail").summary.client_id)
        .expect("people");
    let person = |name: &str| {
        people
            .iter()
            .find(|p| p.name == name)
            .map(|p| Owner::Person { id: p.id })
    };
    for (i, q) in questions.iter().enumerate() {
        ws.save_answer(&SaveAnswerInput {
            assessment_id: id,
            question_id: q.clone(),
            answer: Some(Answer::Implemented),
            note: format!("Fixed after the workshop ({i}) — ✓ 完了"),
            flagged: i == 0,
            owner: person("Maya Chen"),
            ..SaveAnswerInput::default()
        })
        .expect("save");
    }
    ws.update_action(
        &UpdateActionInput {
            assessment_id: id,
            key: "penetration-test".into(),
            edit: ActionEdit {
                owner: person("Sam Ortiz"),
                start: Some(date(2025, 4, 1)),
                due: Some(date(2025, 6, 30)),
                status: Some(ActionStatus::InProgress),
                justification: String::new(),
                notes: "Vendor shortlisted".into(),
            },
        },
        today(),
    )
    .expect("plan edit");
    // An answer kept from a question an earlier bank retired.
    rusqlite::Connection::open(ws.database())
        .and_then(|c| {
            c.execute(
                "INSERT INTO retired_answers (assessment_id, question_id, answer, note, reason, \
                 catalog_version, retired_at) VALUES (?1, 'AVL-005', 'implemented', \
                 'Status page', 'Asked in the Security questions now.', '2026.11.0', \
                 '2026-12-01T09:00:00Z')",
                [id],
            )
        })
        .expect("retired answer");
    // What the board brief prices the plan with.
    ws.save_cost_assumptions(
        id,
        &trustgap_domain::costs::CostAssumptions {
            currency: "EUR".into(),
            day_rate: Some(850),
            lines: vec![trustgap_domain::costs::CostLine {
                label: "Penetration test — 株式会社 <vendor>".into(),
                low: 8_000,
                high: 12_000,
            }],
        },
    )
    .expect("costs");

    // The client's branding override, approvers, a management response and an issued version.
    let client = ws.detail(id).expect("detail").summary.client_id;
    ws.set_branding(
        Some(client),
        &BrandingInput {
            firm: TextEdit::Set("Meridian Assurance 日本".into()),
            accent: TextEdit::Set("#0B6E4F".into()),
            footer: TextEdit::Set("Meridian · Tokyo".into()),
            ..BrandingInput::default()
        },
    )
    .expect("client branding");
    ws.set_logo(Some(client), &crate::branding::png_logo(60, 20))
        .expect("client logo");
    ws.set_approvers(
        id,
        &[Approver {
            name: "Dana Whitfield".into(),
            role: "CEO".into(),
            signed_on: Some(date(2025, 3, 2)),
        }],
    )
    .expect("approvers");
    let gap = ws.plan(id, today()).expect("plan").gaps[0]
        .question_id
        .clone();
    ws.save_management_response(
        id,
        &ManagementResponse {
            question_id: gap,
            kind: ResponseKind::AcceptedRisk,
            text: "Compensating control: weekly review — 週次".into(),
        },
    )
    .expect("management response");
    ws.issue_summary(id, "Board pack", chrono::Utc::now(), today())
        .expect("issued version");
    // A policy approved once and edited since, owned and approved by the client's people, and
    // a parameter the policies fill in.
    let person_id = |name: &str| people.iter().find(|p| p.name == name).map(|p| p.id);
    let mut store = Store::open(ws.database()).expect("store");
    store
        .save_policy_record(
            id,
            &crate::policies_store::sample_policy(person_id("Maya Chen"), person_id("Sam Ortiz")),
        )
        .expect("policy");
    store
        .set_policy_parameter(id, "cloud_provider", Some("AWS — 東京リージョン"))
        .expect("policy parameter");
    // The register: a person's roster fields, a course, a completion with its evidence and
    // an acknowledgement of the approved policy version.
    let maya = person_id("Maya Chen").expect("Maya Chen");
    let mut roster = store.person(maya).expect("Maya");
    roster.kind = trustgap_domain::people::PersonKind::Contractor;
    roster.team = "Platform — 基盤".into();
    roster.start_date = Some(date(2024, 9, 2));
    roster.access_removed_on = None;
    store
        .update_person(
            maya,
            &trustgap_domain::people::PersonInput {
                name: roster.name,
                role: roster.role,
                email: "maya@example.com".into(),
                share: roster.share,
                days_off: roster.days_off,
                kind: roster.kind,
                team: roster.team,
                start_date: roster.start_date,
                end_date: None,
                access_removed_on: None,
            },
        )
        .expect("roster fields");
    let course = store
        .add_course(
            client,
            &trustgap_domain::register::CourseInput {
                name: "Security awareness — 意識".into(),
                within_days: Some(30),
                every_months: Some(12),
                audience: trustgap_domain::register::Audience::Roles(vec!["CTO".into()]),
            },
        )
        .expect("course");
    store
        .record_completion(maya, course.id, date(2024, 9, 20), "certificate — maya.pdf")
        .expect("completion");
    let policy = crate::policies_store::sample_policy(None, None).policy_id;
    store
        .acknowledge_policy(maya, id, &policy, 1, date(2025, 3, 5))
        .expect("acknowledgement");
    // Evidence: an auditor's request item, a file attached to it and to a question, and what
    // was set on the item.
    ws.import_requests(
        id,
        "pbc.csv",
        "Ref,Request\nPBC-1,Organisation chart — 組織図\n".as_bytes(),
        &[],
    )
    .expect("auditor's list");
    let staging = tempfile::tempdir().expect("staging");
    let evidence = staging.path().join("access review — 一月.pdf");
    std::fs::write(&evidence, b"%PDF-1.4 access review").expect("evidence file");
    ws.add_evidence(
        id,
        &evidence,
        trustgap_workspace::EvidenceInput {
            attach: vec![
                trustgap_domain::evidence::Attachment::Question(questions[0].clone()),
                trustgap_domain::evidence::Attachment::Request("PBC-1".into()),
            ],
            dates: trustgap_domain::evidence::EvidenceDates {
                covers_from: Some(date(2025, 1, 1)),
                covers_to: Some(date(2025, 3, 31)),
                ..Default::default()
            },
            note: "Q1 review".into(),
            added_by: "Maya Chen".into(),
        },
    )
    .expect("evidence");
    ws.set_request_state(
        id,
        "PBC-1",
        trustgap_domain::evidence::requests::ItemState {
            owner: Some("Maya Chen".into()),
            due: Some(date(2025, 5, 1)),
            status: Some(trustgap_domain::evidence::requests::ItemStatus::Provided),
            reason: None,
        },
    )
    .expect("request state");
    let file = dir.join("sample.trustgap");
    ws.export_portable(&[id], &file, true).expect("export");
    file
}

/// Everything a user sees of an assessment, without the ids that differ between workspaces.
fn contents(ws: &Workspace, id: i64) -> serde_json::Value {
    let detail = ws.detail(id).expect("detail");
    let mut summary = serde_json::to_value(&detail.summary).expect("json");
    for key in ["id", "client_id", "opened_at", "based_on"] {
        summary.as_object_mut().expect("object").remove(key);
    }
    let history: Vec<_> = detail
        .responses
        .iter()
        .map(|r| ws.question_history(id, &r.question_id).expect("history"))
        .collect();
    let store = Store::open(ws.database()).expect("store");
    let snapshots: Vec<_> = store
        .snapshots(id)
        .expect("snapshots")
        .into_iter()
        .map(|s| (s.label, s.scope, s.created_at, s.responses))
        .collect();
    // People get new ids in another workspace: policies name them.
    let people = ws.people(detail.summary.client_id).expect("people");
    let name = |p: Option<i64>| {
        p.map(|id| {
            people
                .iter()
                .find(|x| x.id == id)
                .expect("a person")
                .name
                .clone()
        })
    };
    let policies: Vec<String> = store
        .policy_records(id)
        .expect("policies")
        .into_iter()
        .map(|mut r| {
            let who = (name(r.owner.take()), name(r.approver.take()));
            format!("{who:?} {r:?}")
        })
        .collect();
    serde_json::json!({
        "summary": summary,
        "responses": detail.responses,
        "retired": detail.retired,
        "scorecard": detail.scorecard,
        "history": history,
        "snapshots": format!("{snapshots:?}"),
        "plan_edits": format!("{:?}", store.plan_edits(id).expect("edits")),
        "costs": ws.cost_assumptions(id).expect("costs"),
        "plan": ws.plan(id, today()).expect("plan"),
        "policies": policies,
        "policy_parameters": store.policy_parameters(id).expect("parameters"),
    })
}

fn source_contents(dir: &Path) -> serde_json::Value {
    let ws = trustgap_workspace::Workspace::open(&dir.join("source")).expect("source");
    let id = ws.overview().expect("overview").assessments[0].id;
    contents(&ws, id)
}

fn state(ws: &Workspace) -> (u64, Vec<String>) {
    let dir = ws.database().parent().expect("data dir");
    (digest(&raw(ws.database())), listing(dir))
}

#[test]
fn an_export_imports_into_an_empty_workspace_with_everything() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = sample_file(dir.path());
    let expected = source_contents(dir.path());
    let before = std::fs::read(&file).expect("file");

    let t = workspace();
    let ids = t
        .store()
        .import_portable(&file, ImportMode::Ask)
        .expect("import");
    assert_eq!(ids.len(), 1);
    let got = contents(&t.ws, ids[0]);
    assert_eq!(got, expected);
    let history: usize = got["history"]
        .as_array()
        .expect("history")
        .iter()
        .map(|h| h.as_array().expect("entries").len())
        .sum();
    let answered = got["responses"].as_array().expect("responses").len();
    assert!(history > answered, "changed answers keep their history");
    let store = t.store();
    assert_eq!(store.snapshots(ids[0]).expect("snapshots").len(), 1);
    assert_eq!(store.plan_edits(ids[0]).expect("edits").len(), 4);
    assert_eq!(
        t.ws.overview().expect("overview").clients[0].name,
        trustgap_workspace::SAMPLE_CLIENT
    );
    assert_sound(&raw(t.ws.database()), "after import");
    assert_eq!(
        std::fs::read(&file).expect("file"),
        before,
        "the file is only read"
    );
}

#[test]
fn importing_the_same_assessment_again_asks_then_keeps_both_or_replaces() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = sample_file(dir.path());
    let expected = source_contents(dir.path());
    let mut t = workspace();
    let first = t
        .store()
        .import_portable(&file, ImportMode::Ask)
        .expect("import")[0];

    // Ask: refused, naming the assessment, nothing changed.
    let before = state(&t.ws);
    let err = t
        .store()
        .import_portable(&file, ImportMode::Ask)
        .expect_err("asks");
    assert!(matches!(err, StoreError::Conflict(_)), "{err}");
    assert!(err.to_string().contains("SOC 2 Type I readiness"), "{err}");
    assert_eq!(state(&t.ws), before);

    // Replace: the workspace's changes give way to the file's data; still one assessment.
    let changed = t.ws.detail(first).expect("detail").responses[0].clone();
    t.ws.save_answer(&SaveAnswerInput {
        assessment_id: first,
        question_id: changed.question_id.clone(),
        answer: Some(Answer::Unknown),
        note: "changed in this workspace".into(),
        ..SaveAnswerInput::default()
    })
    .expect("change");
    let replaced = t
        .store()
        .import_portable(&file, ImportMode::Replace)
        .expect("replace");
    let overview = t.ws.overview().expect("overview");
    assert_eq!(overview.assessments.len(), 1);
    assert_eq!(overview.clients.len(), 1, "the client is reused");
    assert_eq!(overview.assessments[0].id, replaced[0]);
    assert_eq!(contents(&t.ws, replaced[0]), expected);

    // Keep both: a second, independent copy; asking again names it as well.
    let both = t
        .store()
        .import_portable(&file, ImportMode::KeepBoth)
        .expect("keep both");
    let overview = t.ws.overview().expect("overview");
    assert_eq!(overview.assessments.len(), 2);
    assert_eq!(overview.clients.len(), 1);
    assert_ne!(both[0], replaced[0]);
    assert_eq!(contents(&t.ws, both[0]), expected);
    // Replacing again replaces only the copy with the file's identity.
    t.store()
        .import_portable(&file, ImportMode::Replace)
        .expect("replace again");
    assert_eq!(t.ws.overview().expect("overview").assessments.len(), 2);
    assert!(t.ws.detail(both[0]).is_ok(), "the kept copy stays");
    assert_sound(&raw(t.ws.database()), "after imports");
}

/// A copy of `file` changed with `sql`, at `<dir>/<name>`.
pub(crate) fn altered(file: &Path, name: &str, sql: &str) -> PathBuf {
    let out = file.with_file_name(name);
    std::fs::copy(file, &out).expect("copy");
    Connection::open(&out)
        .and_then(|c| c.execute_batch(sql))
        .expect("alter");
    out
}

pub(crate) fn assert_refused(ws: &Workspace, file: &Path, check: impl Fn(&StoreError) -> bool) {
    let before = state(ws);
    let bytes = std::fs::read(file).expect("file");
    let err = Store::open(ws.database())
        .expect("store")
        .import_portable(file, ImportMode::KeepBoth)
        .expect_err("refused");
    assert!(check(&err), "unexpected error: {err:?}");
    assert_eq!(state(ws), before, "the workspace changed ({err})");
    assert_eq!(
        std::fs::read(file).expect("file"),
        bytes,
        "the file changed"
    );
    assert_sound(&raw(ws.database()), "after a refused import");
}

#[test]
fn a_file_from_a_newer_trustgap_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = sample_file(dir.path());
    let newer = altered(
        &file,
        "newer.trustgap",
        &format!("PRAGMA user_version = {}", LATEST + 1),
    );
    let t = workspace();
    t.store()
        .import_portable(&file, ImportMode::Ask)
        .expect("a first import");
    assert_refused(&t.ws, &newer, |e| {
        matches!(e, StoreError::NewerSchema { found, .. } if *found == LATEST + 1)
            && e.to_string().contains("newer version of Trustgap")
    });
}

#[test]
fn files_that_are_not_ours_are_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = workspace();
    let other = dir.path().join("notes.db");
    Connection::open(&other)
        .and_then(|c| {
            c.execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('x');")
        })
        .expect("other db");
    assert_refused(&t.ws, &other, |e| matches!(e, StoreError::NotOurs { .. }));
    let empty = dir.path().join("empty.trustgap");
    std::fs::write(&empty, b"").expect("empty");
    assert_refused(&t.ws, &empty, |e| matches!(e, StoreError::NotOurs { .. }));
    let text = dir.path().join("readme.trustgap");
    std::fs::write(&text, "This is not a database.\n".repeat(200)).expect("text");
    assert_refused(&t.ws, &text, |e| {
        matches!(e, StoreError::NotOurs { .. } | StoreError::Corrupt { .. })
    });
    let wrong_id = altered(
        &sample_file(dir.path()),
        "wrong-id.trustgap",
        &format!("PRAGMA application_id = {}", APPLICATION_ID + 1),
    );
    assert_refused(&t.ws, &wrong_id, |e| {
        matches!(e, StoreError::NotOurs { .. })
    });
}

#[test]
fn a_truncated_file_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = sample_file(dir.path());
    let bytes = std::fs::read(&file).expect("file");
    let t = workspace();
    for len in [0, 50, 100, 4096, bytes.len() / 2, bytes.len() - 1] {
        let cut = dir.path().join(format!("cut-{len}.trustgap"));
        std::fs::write(&cut, &bytes[..len]).expect("write");
        // Too short for a header it is simply not ours; past the header, it is cut short.
        assert_refused(&t.ws, &cut, |e| match len {
            0..100 => matches!(e, StoreError::NotOurs { .. }),
            _ => matches!(e, StoreError::Corrupt { .. }) && e.to_string().contains("cut short"),
        });
    }
}

/// A `.trustgap` file as version 3 of the schema wrote it: before company profiles, flags,
/// owners and evidence.
fn version_3_file(path: &Path) {
    let conn = Connection::open(path).expect("v3");
    migrations::migrate(&conn, &migrations::ALL[..3]).expect("migrate to 3");
    conn.execute_batch(
        "INSERT INTO clients (id, uid, name, created_at, updated_at)
           VALUES (7, 'old-client', 'Legacy Ltd', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z');
         INSERT INTO assessments (id, uid, client_id, name, catalog_version, scope, created_at,
             updated_at, opened_at, audit_type, target_date, observation_start)
           VALUES (3, 'old-assessment', 7, 'Made by Trustgap 0.3', '2024.1', 'security,privacy',
             '2024-01-02T00:00:00Z', '2024-01-03T00:00:00Z', NULL, 'type2', '2024-12-31',
             '2024-06-01');
         INSERT INTO responses (assessment_id, question_id, answer, note, updated_at)
           VALUES (3, 'GOV-001', 'partial', 'Half done', '2024-01-03T00:00:00Z'),
                  (3, 'GOV-002', NULL, 'Only a note', '2024-01-03T00:00:00Z');
         INSERT INTO response_history (assessment_id, question_id, answer, note, assessor, changed_at)
           VALUES (3, 'GOV-001', 'not_implemented', '', 'Ana', '2024-01-02T00:00:00Z'),
                  (3, 'GOV-001', 'partial', 'Half done', 'Ben', '2024-01-03T00:00:00Z');
         INSERT INTO snapshots (id, assessment_id, label, scope, created_at)
           VALUES (5, 3, 'Kick-off', 'security', '2024-01-02T12:00:00Z');
         INSERT INTO snapshot_responses (snapshot_id, question_id, answer, note)
           VALUES (5, 'GOV-001', 'not_implemented', '');
         INSERT INTO plan_edits (assessment_id, remediation_key, owner, start_date, due_date,
             status, justification, notes, updated_at)
           VALUES (3, 'mfa-everywhere', 'Dana', '2024-02-01', '2024-03-01', 'done', '', 'Rolled out',
             '2024-03-01T00:00:00Z');",
    )
    .expect("v3 rows");
}

#[test]
fn an_older_schema_file_is_upgraded_on_import_without_touching_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("old.trustgap");
    version_3_file(&file);
    let bytes = std::fs::read(&file).expect("file");
    let files = listing(dir.path());

    let t = workspace();
    let ids = t
        .store()
        .import_portable(&file, ImportMode::Ask)
        .expect("import");
    assert_eq!(
        std::fs::read(&file).expect("file"),
        bytes,
        "the source is untouched"
    );
    assert_eq!(listing(dir.path()), files, "nothing written beside it");
    assert_eq!(
        listing(t.dir.path()),
        vec![
            "workspace.sqlite3",
            "workspace.sqlite3-shm",
            "workspace.sqlite3-wal"
        ],
        "no upgrade copy left in the workspace folder"
    );

    let id = ids[0];
    let detail = t.ws.detail(id).expect("detail");
    assert_eq!(detail.summary.name, "Made by Trustgap 0.3");
    assert_eq!(detail.summary.client_name, "Legacy Ltd");
    assert_eq!(detail.summary.profile.target_date, Some(date(2024, 12, 31)));
    assert_eq!(detail.summary.company, Default::default());
    assert_eq!(detail.responses.len(), 2);
    let gov1 = &detail.responses[0];
    assert_eq!(
        (
            gov1.answer,
            gov1.note.as_str(),
            gov1.flagged,
            gov1.owner.clone()
        ),
        (Some(Answer::Partial), "Half done", false, None)
    );
    assert!(gov1.evidence.is_empty());
    let trail: Vec<_> =
        t.ws.question_history(id, "GOV-001")
            .expect("history")
            .into_iter()
            .map(|h| h.assessor)
            .collect();
    assert_eq!(trail, ["Ana", "Ben"]);
    let store = t.store();
    let snaps = store.snapshots(id).expect("snapshots");
    assert_eq!(snaps.len(), 1);
    assert_eq!(snaps[0].responses[0].answer, Some(Answer::NotImplemented));
    let edits = store.plan_edits(id).expect("edits");
    assert_eq!(edits["mfa-everywhere"].status, Some(ActionStatus::Done));
    t.ws.plan(id, today()).expect("plan");
    assert_sound(&raw(t.ws.database()), "after the upgrade import");
}

#[test]
fn an_export_is_a_trustgap_database_of_the_current_schema() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = sample_file(dir.path());
    let check = trustgap_store::backup::inspect(&file).expect("inspect");
    assert_eq!(check.schema_version, LATEST);
    let conn = raw(&file);
    let journal: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .expect("journal mode");
    assert_ne!(journal, "wal", "a single self-contained file");
    let assessments: i64 = conn
        .query_row("SELECT count(*) FROM assessments", [], |r| r.get(0))
        .expect("count");
    assert_eq!(assessments, 1);
    assert_eq!(
        listing(dir.path()),
        vec!["sample.trustgap", "source"],
        "no temp file left"
    );
}
