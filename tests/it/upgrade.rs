//! Assessments and `.trustgap` files answered against question bank 2026.11.0 open under the
//! current bank: kept answers as they were, changed and split ones marked for review, merged
//! ones combined, retired ones kept aside; nothing dropped.

use crate::support::workspace;
use rusqlite::{params, Connection};
use std::path::Path;
use trustgap_domain::assessment::Answer;
use trustgap_domain::catalog::CategoryId;
use trustgap_domain::plan::{AuditProfile, AuditType};
use trustgap_workspace::{AssessmentDetail, ImportMode, NewAssessmentInput, Workspace};

const OLD_BANK: &str = "2026.11.0";

/// Answers as bank 2026.11.0 had them: one of each kind of change.
const OLD_ANSWERS: &[(&str, &str, &str)] = &[
    // kept
    (
        "GOV-005",
        "implemented",
        "Board minutes in the shared drive",
    ),
    // changed: same id, the truthful answer may differ
    ("GOV-002", "partial", "Declared at hire only"),
    // split into GOV-001 and HRS-001
    ("GOV-001", "not_implemented", "No code of conduct yet"),
    // merged into OPS-030
    ("AVL-011", "implemented", "Restore drill every quarter"),
    // retired
    ("AVL-005", "implemented", "Status page on our site"),
];

/// Makes assessment `id` of the database at `db` look as if answered with the old bank.
fn make_old(db: &Path, id: i64) {
    let conn = Connection::open(db).expect("open");
    conn.execute(
        "UPDATE assessments SET catalog_version = ?1 WHERE id = ?2",
        params![OLD_BANK, id],
    )
    .expect("version");
    conn.execute("DELETE FROM responses WHERE assessment_id = ?1", [id])
        .expect("clear");
    for (q, answer, note) in OLD_ANSWERS {
        conn.execute(
            "INSERT INTO responses (assessment_id, question_id, answer, note, updated_at) \
             VALUES (?1, ?2, ?3, ?4, '2026-11-20T10:00:00Z')",
            params![id, q, answer, note],
        )
        .expect("old answer");
    }
}

fn new_assessment(ws: &mut Workspace) -> i64 {
    ws.create_assessment(&NewAssessmentInput {
        new_client_name: Some("Carried Co".into()),
        scoping_yes: Vec::new(),
        client_id: 0,
        name: "Answered on the old bank".into(),
        scope: vec![CategoryId::Availability],
        profile: AuditProfile {
            audit_type: AuditType::Type1,
            target_date: None,
            observation_start: None,
        },
        company: Default::default(),
    })
    .expect("assessment")
    .id
}

fn check_carried(detail: &AssessmentDetail, current: &str) {
    assert_eq!(detail.summary.catalog_version, current);
    let get = |id: &str| {
        detail
            .responses
            .iter()
            .find(|r| r.question_id == id)
            .unwrap_or_else(|| panic!("{id} was dropped"))
    };
    let kept = get("GOV-005");
    assert_eq!(kept.answer, Some(Answer::Implemented));
    assert_eq!(kept.note, "Board minutes in the shared drive");
    assert!(!kept.needs_review, "a kept question needs no review");
    let changed = get("GOV-002");
    assert_eq!(changed.answer, Some(Answer::Partial));
    assert!(
        changed.needs_review,
        "a changed question is marked for review"
    );
    for part in ["GOV-001", "HRS-001"] {
        let r = get(part);
        assert_eq!(r.answer, Some(Answer::NotImplemented), "{part}");
        assert_eq!(r.note, "No code of conduct yet", "{part}");
        assert!(r.needs_review, "{part} of a split is marked for review");
    }
    let merged = get("OPS-030");
    assert_eq!(merged.answer, Some(Answer::Implemented));
    assert!(merged.needs_review);
    assert!(detail.responses.iter().all(|r| r.question_id != "AVL-005"));
    let retired = detail
        .retired
        .iter()
        .find(|r| r.question_id == "AVL-005")
        .expect("the retired answer is kept aside");
    assert_eq!(retired.answer, Some(Answer::Implemented));
    assert_eq!(retired.note, "Status page on our site");
    assert_eq!(retired.catalog_version, OLD_BANK);
    assert!(!retired.reason.is_empty());
}

#[test]
fn an_assessment_of_the_previous_bank_opens_with_its_answers_carried() {
    let t = workspace();
    let dir = t.dir;
    let mut ws = t.ws;
    let id = new_assessment(&mut ws);
    let current = ws.catalog.version.clone();
    assert_ne!(current, OLD_BANK);
    drop(ws);
    make_old(&dir.path().join("workspace.sqlite3"), id);
    let ws = Workspace::open(dir.path()).expect("reopen");
    check_carried(&ws.detail(id).expect("detail"), &current);
    // Opening again changes nothing more (the upgrade ran once).
    drop(ws);
    let ws = Workspace::open(dir.path()).expect("reopen again");
    check_carried(&ws.detail(id).expect("detail"), &current);
}

#[test]
fn a_trustgap_file_of_the_previous_bank_imports_with_its_answers_carried() {
    let mut source = workspace();
    let id = new_assessment(&mut source.ws);
    let current = source.ws.catalog.version.clone();
    let file = source.dir.path().join("old.trustgap");
    source
        .ws
        .export_portable(&[id], &file, false)
        .expect("export");
    // The file as the previous version would have written it.
    let conn = Connection::open(&file).expect("open file");
    let in_file: i64 = conn
        .query_row("SELECT id FROM assessments", [], |r| r.get(0))
        .expect("the assessment");
    drop(conn);
    make_old(&file, in_file);

    let mut target = workspace();
    let ids = target
        .ws
        .import_portable(&file, ImportMode::KeepBoth)
        .expect("import");
    assert_eq!(ids.len(), 1);
    check_carried(&target.ws.detail(ids[0]).expect("detail"), &current);
}
