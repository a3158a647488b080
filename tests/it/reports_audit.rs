//! What the readiness report tells an auditor beyond the scores: controls that started too late
//! for a Type II observation period, the reasons behind the scope, and the evidence an auditor
//! typically asks for per criterion (in the evidence requests appendix).

use crate::reports::{today, when};
use crate::support::{tool, workspace, TempWorkspace};
use chrono::NaiveDate;
use trustgap_domain::assessment::Answer;
use trustgap_domain::plan::{AuditProfile, AuditType, GapKind};
use trustgap_workspace::{NewAssessmentInput, ReportKind, ReportOptions, SaveAnswerInput};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

#[test]
fn a_control_started_after_the_observation_start_is_explained_and_planned() {
    let mut t = workspace();
    let observation_start = date(2027, 3, 1);
    let a =
        t.ws.create_assessment(&NewAssessmentInput {
            new_client_name: Some("Late Starter".into()),
            scoping_yes: Vec::new(),
            client_id: 0,
            name: "Type II".into(),
            scope: vec![],
            profile: AuditProfile {
                audit_type: AuditType::Type2,
                target_date: Some(date(2027, 9, 30)),
                observation_start: Some(observation_start),
            },
            company: Default::default(),
        })
        .expect("assessment");
    // Restore tests run quarterly, but only from after the period starts.
    t.ws.save_answer(&SaveAnswerInput {
        assessment_id: a.id,
        question_id: "OPS-030".into(),
        answer: Some(Answer::Implemented),
        since: Some(date(2027, 5, 3)),
        ..SaveAnswerInput::default()
    })
    .expect("answer");
    let detail = t.ws.detail(a.id).expect("detail");
    assert_eq!(detail.scorecard.late_controls, 1);
    let plan = t.ws.plan(a.id, today()).expect("plan");
    let gap = plan
        .gaps
        .iter()
        .find(|g| g.question_id == "OPS-030")
        .expect("a gap of its own");
    assert_eq!(gap.kind, GapKind::StartedTooLate);

    let text = report_text(&t, a.id);
    assert!(
        text.contains("One control in place today started after the observation period"),
        "{text}"
    );
    assert!(text.contains("1 March 2027"), "the period's start is named");

    // Started before the period: no longer late, and the sentence goes.
    t.ws.save_answer(&SaveAnswerInput {
        assessment_id: a.id,
        question_id: "OPS-030".into(),
        answer: Some(Answer::Implemented),
        since: Some(date(2026, 6, 1)),
        ..SaveAnswerInput::default()
    })
    .expect("answer");
    assert_eq!(
        t.ws.detail(a.id).expect("detail").scorecard.late_controls,
        0
    );
}

/// The readiness report of assessment `id` as plain text, lines joined.
fn report_text(t: &TempWorkspace, id: i64) -> String {
    let (name, bytes) =
        t.ws.report_pdf(
            id,
            ReportKind::Readiness,
            &ReportOptions {
                include_appendix: false,
                snapshot_id: None,
            },
            when(),
            today(),
        )
        .expect("report");
    let path = t.dir.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    tool("pdftotext", &[path.to_str().expect("utf8"), "-"]).replace('\n', " ")
}

#[test]
fn the_scope_prints_its_reasons_and_the_findings_what_an_auditor_asks_for() {
    let mut t = workspace();
    let a =
        t.ws.create_assessment(&NewAssessmentInput {
            new_client_name: Some("Uptime Co".into()),
            scoping_yes: vec!["SCP-01".into()],
            client_id: 0,
            name: "Scoped".into(),
            scope: vec![trustgap_domain::catalog::CategoryId::Availability],
            profile: AuditProfile {
                audit_type: AuditType::Type1,
                target_date: Some(date(2027, 9, 30)),
                observation_start: None,
            },
            company: Default::default(),
        })
        .expect("assessment");
    let text = report_text(&t, a.id);
    assert!(text.contains("Why this scope"), "{text}");
    // The method states the risk rule the scores and the plan use.
    assert!(text.contains("Gap severity is risk"), "{text}");
    assert!(
        text.contains("only partly in place"),
        "a partial key control is high"
    );
    assert!(
        text.contains("promise a level of uptime"),
        "the scoping question as answered"
    );
    let request = &t.ws.catalog.criterion("CC1.1").expect("CC1.1").requests[0];
    let start: String = request.chars().take(40).collect();
    // The criterion's requests open its group in the evidence requests appendix.
    assert!(text.contains("Typically asked for the criterion"), "{text}");
    assert!(text.contains(&start), "CC1.1's first request: {start}");

    let plain =
        t.ws.create_assessment(&NewAssessmentInput {
            client_id: a.client_id,
            new_client_name: None,
            scoping_yes: Vec::new(),
            name: "Unscoped".into(),
            scope: vec![],
            profile: AuditProfile {
                audit_type: AuditType::Type1,
                target_date: None,
                observation_start: None,
            },
            company: Default::default(),
        })
        .expect("assessment");
    assert!(report_text(&t, plain.id).contains("No scoping question was answered"));
}
