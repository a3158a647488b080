//! Workspace operations as the window uses them: validation, scoring, views.

use crate::support::workspace;
use trustgap_domain::assessment::Answer;
use trustgap_domain::catalog::CategoryId;
use trustgap_domain::plan::{AuditProfile, AuditType};
use trustgap_domain::scoring::Band;
use trustgap_workspace::error::ErrorCode;
use trustgap_workspace::{NewAssessmentInput, SaveAnswerInput};

fn answer(id: i64, question: &str, answer: Option<Answer>) -> SaveAnswerInput {
    SaveAnswerInput {
        assessment_id: id,
        question_id: question.into(),
        answer,
        note: "Checked in the workshop".into(),
        ..SaveAnswerInput::default()
    }
}

#[test]
fn answering_moves_the_score_and_the_overview() {
    let mut t = workspace();
    let ws = &mut t.ws;
    let client = ws.create_client("Northwind").expect("client");
    let a = ws
        .create_assessment(&NewAssessmentInput {
            new_client_name: None,
            scoping_yes: Vec::new(),
            client_id: client.id,
            name: "Type I".into(),
            scope: vec![],
            profile: type1(),
            company: Default::default(),
        })
        .expect("assessment");
    assert_eq!(a.scope, vec![CategoryId::Security]);
    assert_eq!(a.catalog_version, ws.catalog.version);
    assert_eq!(a.readiness, Some(0.0));
    assert_eq!(a.band, Band::Incomplete);

    let first = ws
        .catalog
        .questions_in(&[CategoryId::Security])
        .next()
        .expect("a question")
        .id
        .clone();
    let saved = ws
        .save_answer(&answer(a.id, &first, Some(Answer::Implemented)))
        .expect("save");
    let score = saved.summary.readiness.expect("score");
    assert!(score > 0.0 && score < 100.0, "{score}");
    assert_eq!(saved.summary.answered, 1);

    let overview = ws.overview().expect("overview");
    assert_eq!(overview.assessments.len(), 1);
    assert_eq!(overview.assessments[0].readiness, Some(score));

    let detail = ws.open_assessment(a.id).expect("open");
    assert_eq!(detail.responses.len(), 1);
    assert_eq!(detail.scorecard.overall.score, Some(score));
}

#[test]
fn answers_are_checked_against_the_catalog_and_the_scope() {
    let mut t = workspace();
    let ws = &mut t.ws;
    let client = ws.create_client("Northwind").expect("client");
    let a = ws
        .create_assessment(&NewAssessmentInput {
            new_client_name: None,
            scoping_yes: Vec::new(),
            client_id: client.id,
            name: "A".into(),
            scope: vec![],
            profile: type1(),
            company: Default::default(),
        })
        .expect("assessment");
    let err = ws
        .save_answer(&answer(a.id, "NOPE-001", Some(Answer::Implemented)))
        .expect_err("must be refused");
    assert_eq!(err.code, ErrorCode::NotFound);
    // A question asked for Privacy only (not also for Security, which is in scope).
    let privacy = ws
        .catalog
        .questions_in(&[CategoryId::Privacy])
        .find(|q| q.categories == [CategoryId::Privacy])
        .expect("privacy q")
        .id
        .clone();
    let err = ws
        .save_answer(&answer(a.id, &privacy, Some(Answer::Implemented)))
        .expect_err("must be refused");
    assert_eq!(err.code, ErrorCode::Validation, "{}", err.message);
    let err = ws
        .save_answer(&answer(a.id + 1, &privacy, None))
        .expect_err("must be refused");
    assert_eq!(err.code, ErrorCode::NotFound);
    let err = ws
        .create_assessment(&NewAssessmentInput {
            new_client_name: None,
            scoping_yes: Vec::new(),
            client_id: client.id,
            name: " ".into(),
            scope: vec![],
            profile: type1(),
            company: Default::default(),
        })
        .expect_err("must be refused");
    assert_eq!(err.code, ErrorCode::Validation);
}

#[test]
fn optional_categories_join_the_scope_in_canonical_order() {
    let mut t = workspace();
    let client = t.ws.create_client("Northwind").expect("client");
    let a =
        t.ws.create_assessment(&NewAssessmentInput {
            new_client_name: None,
            scoping_yes: Vec::new(),
            client_id: client.id,
            name: "Full".into(),
            scope: vec![
                CategoryId::Privacy,
                CategoryId::Availability,
                CategoryId::Privacy,
            ],
            profile: type1(),
            company: Default::default(),
        })
        .expect("assessment");
    assert_eq!(
        a.scope,
        vec![
            CategoryId::Security,
            CategoryId::Availability,
            CategoryId::Privacy
        ]
    );
    let total = t.ws.catalog.questions_in(&a.scope).count() as u32;
    assert_eq!(a.questions, total);
}

fn type1() -> AuditProfile {
    AuditProfile {
        audit_type: AuditType::Type1,
        target_date: None,
        observation_start: None,
    }
}

#[test]
fn a_snapshot_comparison_shows_progress_since() {
    let mut t = workspace();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).expect("date");
    let sample = t.ws.create_sample(today).expect("sample");
    let baseline = t.ws.take_snapshot(sample.id, "Baseline").expect("snapshot");
    assert_eq!(baseline.readiness, sample.readiness);
    let plan = t.ws.plan(sample.id, today).expect("plan");
    let gap = plan.gaps.first().expect("a gap").question_id.clone();
    t.ws.save_answer(&answer(sample.id, &gap, Some(Answer::Implemented)))
        .expect("close it");
    let c =
        t.ws.compare_with_snapshot(sample.id, baseline.id)
            .expect("compare");
    assert_eq!(c.gaps_closed.len(), 1);
    assert_eq!(c.gaps_closed[0].question_id, gap);
    assert!(c.gaps_opened.is_empty());
    assert!(c.overall.change.is_some_and(|d| d > 0.0));
    assert_eq!(t.ws.snapshots(sample.id).expect("list").len(), 1);
    let history = t.ws.question_history(sample.id, &gap).expect("history");
    assert_eq!(history.len(), 2, "the sample's answer, then the fix");
    assert_eq!(history[1].answer, Some(Answer::Implemented));

    let other = t.ws.create_sample(today).expect("another");
    let err =
        t.ws.compare_with_snapshot(other.id, baseline.id)
            .expect_err("foreign snapshot");
    assert_eq!(err.code, ErrorCode::Validation);
}

/// The overview scores every assessment from one lean query; it must say exactly what opening
/// each one says.
#[test]
fn the_overview_agrees_with_each_assessment_opened() {
    let mut t = workspace();
    let ws = &mut t.ws;
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).expect("date");
    let sample = ws.create_sample(today).expect("sample");
    let review = ws.reassess(sample.id, "Review").expect("reassess");
    let mut flag = answer(review.id, "GOV-001", Some(Answer::NotImplemented));
    flag.flagged = true;
    ws.save_answer(&flag).expect("save");
    let gone = ws.reassess(sample.id, "Discarded").expect("reassess");
    ws.set_trashed(gone.id, true).expect("trash");

    let overview = ws.overview().expect("overview");
    assert_eq!(overview.assessments.len(), 2);
    assert_eq!(overview.trash.len(), 1);
    for listed in overview.assessments.iter().chain(&overview.trash) {
        let detail = ws.detail(listed.id).expect("detail");
        let opened = &detail.summary;
        assert_eq!(
            (
                listed.answered,
                listed.questions,
                listed.readiness,
                listed.band
            ),
            (
                opened.answered,
                opened.questions,
                opened.readiness,
                opened.band
            ),
            "{}",
            listed.name
        );
        assert_eq!(
            (listed.flagged, listed.needs_review),
            (opened.flagged, opened.needs_review),
            "{}",
            listed.name
        );
    }
    let listed = |id| {
        overview
            .assessments
            .iter()
            .find(|a| a.id == id)
            .expect("listed")
    };
    assert!(listed(review.id).needs_review > 0);
    assert!(listed(review.id).flagged > listed(sample.id).flagged);
}

/// A save answers with the assessment's summary; it must be what opening the assessment says.
#[test]
fn a_save_answers_with_the_summary_opening_would_show() {
    let mut t = workspace();
    let ws = &mut t.ws;
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).expect("date");
    let sample = ws.create_sample(today).expect("sample");
    let saved = ws
        .save_answer(&answer(sample.id, "GOV-001", Some(Answer::Partial)))
        .expect("save");
    let opened = ws.detail(sample.id).expect("detail").summary;
    assert_eq!(saved.summary.last_question.as_deref(), Some("GOV-001"));
    assert_eq!(saved.summary.updated_at, opened.updated_at);
    assert_eq!(saved.summary.last_question, opened.last_question);
    assert_eq!(
        (
            saved.summary.answered,
            saved.summary.readiness,
            saved.summary.band
        ),
        (opened.answered, opened.readiness, opened.band)
    );
}
