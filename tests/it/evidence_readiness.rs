//! Readiness sees the evidence locker: an implemented control whose evidence has all expired
//! becomes a gap, and the control matrix (CSV) says what the locker holds per control.

use crate::portable::{date, today};
use trustgap_domain::assessment::Answer;
use trustgap_domain::evidence::{Attachment, EvidenceDates};
use trustgap_domain::plan::GapKind;
use trustgap_workspace::{DataFormat, EvidenceInput, Workspace};

#[test]
fn expired_evidence_raises_a_gap_and_the_matrix_shows_the_locker() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut ws = Workspace::open(&dir.path().join("ws")).expect("workspace");
    let id = ws.create_sample(today()).expect("sample").id;
    let implemented: Vec<String> = ws
        .detail(id)
        .expect("detail")
        .responses
        .iter()
        .filter(|r| r.answer == Some(Answer::Implemented))
        .map(|r| r.question_id.clone())
        .take(2)
        .collect();
    let (stale, fresh) = (&implemented[0], &implemented[1]);
    let plan = ws.plan(id, today()).expect("plan");
    assert!(plan.gaps.iter().all(|g| &g.question_id != stale));
    let file = dir.path().join("pen test report.pdf");
    std::fs::write(&file, b"%PDF-1.4 report").expect("file");
    let add = |ws: &mut Workspace, q: &String, expires| {
        ws.add_evidence(
            id,
            &file,
            EvidenceInput {
                attach: vec![Attachment::Question(q.clone())],
                dates: EvidenceDates {
                    produced_on: Some(date(2024, 1, 10)),
                    expires_on: Some(expires),
                    ..EvidenceDates::default()
                },
                ..EvidenceInput::default()
            },
        )
        .expect("add")
    };
    add(&mut ws, stale, date(2025, 1, 10));
    add(&mut ws, fresh, date(2099, 1, 1));

    let plan = ws.plan(id, today()).expect("plan");
    let gap = plan
        .gaps
        .iter()
        .find(|g| &g.question_id == stale)
        .expect("the control with expired evidence is a gap");
    assert_eq!(gap.kind, GapKind::EvidenceExpired);
    assert!(plan.gaps.iter().all(|g| &g.question_id != fresh));

    let (_, csv) = ws
        .export_data(id, DataFormat::CsvControls, chrono::Utc::now(), today())
        .expect("control matrix");
    let csv = String::from_utf8(csv).expect("utf-8");
    let line = |q: &str| {
        csv.lines()
            .find(|l| l.contains(&format!(",{q},")))
            .unwrap_or_else(|| panic!("{q} in the matrix"))
            .to_owned()
    };
    assert!(
        line(stale).ends_with(",expired (1 file)"),
        "{}",
        line(stale)
    );
    assert!(line(fresh).ends_with(",1 file on file"), "{}", line(fresh));
}

#[test]
fn the_calendar_counts_a_recurring_controls_runs_against_its_evidence() {
    use trustgap_domain::catalog::Cadence;
    use trustgap_domain::plan::{AuditProfile, AuditType};
    let dir = tempfile::tempdir().expect("tempdir");
    let mut ws = Workspace::open(&dir.path().join("ws")).expect("workspace");
    let id = ws.create_sample(today()).expect("sample").id;
    let type1 = ws.observation_calendar(id).expect("calendar");
    if ws.detail(id).expect("detail").summary.profile.audit_type == AuditType::Type1 {
        assert!(type1.unavailable.is_some(), "a Type I audit has no period");
    }
    ws.set_audit_profile(
        id,
        &AuditProfile {
            audit_type: AuditType::Type2,
            target_date: Some(date(2027, 6, 30)),
            observation_start: Some(date(2027, 1, 1)),
        },
    )
    .expect("type II");
    let calendar = ws.observation_calendar(id).expect("calendar");
    assert!(calendar.unavailable.is_none());
    let row = calendar
        .rows
        .iter()
        .find(|r| r.cadence == Cadence::Quarterly)
        .expect("a quarterly control in scope");
    assert_eq!(row.runs.len(), 2, "two quarters in six months");
    assert!(row.too_few && row.recorded == 0);
    let q = row.question_id.clone();
    let file = dir.path().join("review Q1.pdf");
    std::fs::write(&file, b"%PDF-1.4 review").expect("file");
    for (from, to) in [
        (date(2026, 10, 1), date(2026, 12, 31)),
        (date(2027, 1, 1), date(2027, 3, 31)),
    ] {
        std::fs::write(&file, format!("review {from}")).expect("file");
        ws.add_evidence(
            id,
            &file,
            EvidenceInput {
                attach: vec![Attachment::Question(q.clone())],
                dates: EvidenceDates {
                    covers_from: Some(from),
                    covers_to: Some(to),
                    ..EvidenceDates::default()
                },
                ..EvidenceInput::default()
            },
        )
        .expect("add");
    }
    let calendar = ws.observation_calendar(id).expect("calendar");
    let row = calendar
        .rows
        .iter()
        .find(|r| r.question_id == q)
        .expect("row");
    assert_eq!(
        (row.recorded, row.too_few, row.older_than_period),
        (1, true, 1)
    );
    assert!(row.runs[0].covered && !row.runs[1].covered);
}
