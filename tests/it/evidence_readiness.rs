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
