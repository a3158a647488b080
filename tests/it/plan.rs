//! The gap register and plan through the workspace, on the real question bank.

use crate::support::workspace;
use chrono::NaiveDate;
use trustgap_domain::assessment::Answer;
use trustgap_domain::plan::{ActionEdit, ActionStatus, AuditProfile, AuditType, Fit};
use trustgap_workspace::error::ErrorCode;
use trustgap_workspace::{NewAssessmentInput, SaveAnswerInput, UpdateActionInput};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

#[test]
fn shared_remediations_merge_and_edits_survive_answer_changes() {
    let mut t = workspace();
    let ws = &mut t.ws;
    let client = ws.create_client("Northwind").expect("client");
    let profile = AuditProfile {
        audit_type: AuditType::Type1,
        target_date: Some(date(2027, 9, 30)),
        observation_start: None,
    };
    let a = ws
        .create_assessment(&NewAssessmentInput {
            client_id: client.id,
            name: "A".into(),
            scope: vec![],
            profile,
            company: Default::default(),
        })
        .expect("assessment");
    // Every question that shares the first multi-question remediation key gets a gap.
    let key = ws
        .catalog
        .remediations
        .iter()
        .map(|r| &r.key)
        .find(|k| {
            ws.catalog
                .questions
                .iter()
                .filter(|q| &q.remediation == *k && q.id.starts_with("GOV"))
                .count()
                >= 2
        })
        .expect("a shared remediation")
        .clone();
    let ids: Vec<String> = ws
        .catalog
        .questions
        .iter()
        .filter(|q| q.remediation == key)
        .map(|q| q.id.clone())
        .collect();
    for id in &ids {
        ws.save_answer(&SaveAnswerInput {
            assessment_id: a.id,
            question_id: id.clone(),
            answer: Some(Answer::NotImplemented),
            note: String::new(),
            ..SaveAnswerInput::default()
        })
        .expect("answer");
    }
    let today = date(2026, 11, 30);
    let plan = ws.plan(a.id, today).expect("plan");
    assert_eq!(plan.actions.len(), 1, "one action for one remediation key");
    assert_eq!(plan.actions[0].key, key);
    assert_eq!(plan.actions[0].questions.len(), ids.len());
    assert!(
        matches!(plan.fit, Fit::Fits { .. }),
        "{:?} {:?}",
        plan.fit,
        plan.actions[0]
    );

    let edit = ActionEdit {
        owner: Some("  Priya  ".into()),
        status: Some(ActionStatus::InProgress),
        ..ActionEdit::default()
    };
    let plan = ws
        .update_action(
            &UpdateActionInput {
                assessment_id: a.id,
                key: key.clone(),
                edit,
            },
            today,
        )
        .expect("edit");
    assert_eq!(plan.actions[0].owner, "Priya");

    // Close one gap: the action stays, with the edit; close all: it is retired, edit kept.
    ws.save_answer(&SaveAnswerInput {
        assessment_id: a.id,
        question_id: ids[0].clone(),
        answer: Some(Answer::Implemented),
        note: String::new(),
        ..SaveAnswerInput::default()
    })
    .expect("fix one");
    let plan = ws.plan(a.id, today).expect("plan");
    assert_eq!(plan.actions[0].owner, "Priya");
    for id in &ids {
        ws.save_answer(&SaveAnswerInput {
            assessment_id: a.id,
            question_id: id.clone(),
            answer: Some(Answer::Implemented),
            note: String::new(),
            ..SaveAnswerInput::default()
        })
        .expect("fix");
    }
    let plan = ws.plan(a.id, today).expect("plan");
    assert!(plan.actions.is_empty());
    assert_eq!(plan.retired.len(), 1);
    assert_eq!(plan.retired[0].owner.as_deref(), Some("Priya"));
}

#[test]
fn bad_edits_and_profiles_are_refused() {
    let mut t = workspace();
    let ws = &mut t.ws;
    let client = ws.create_client("Northwind").expect("client");
    let type1 = AuditProfile {
        audit_type: AuditType::Type1,
        target_date: None,
        observation_start: None,
    };
    let a = ws
        .create_assessment(&NewAssessmentInput {
            client_id: client.id,
            name: "A".into(),
            scope: vec![],
            profile: type1,
            company: Default::default(),
        })
        .expect("assessment");
    let today = date(2026, 11, 30);
    let accepted = ActionEdit {
        status: Some(ActionStatus::RiskAccepted),
        ..ActionEdit::default()
    };
    let err = ws
        .update_action(
            &UpdateActionInput {
                assessment_id: a.id,
                key: "mfa-everywhere".into(),
                edit: accepted,
            },
            today,
        )
        .expect_err("needs a justification");
    assert_eq!(err.code, ErrorCode::Validation);
    let err = ws
        .update_action(
            &UpdateActionInput {
                assessment_id: a.id,
                key: "no-such-key".into(),
                edit: ActionEdit::default(),
            },
            today,
        )
        .expect_err("unknown key");
    assert_eq!(err.code, ErrorCode::NotFound);
    let backwards = AuditProfile {
        audit_type: AuditType::Type2,
        target_date: Some(date(2027, 1, 1)),
        observation_start: Some(date(2027, 6, 1)),
    };
    let err = ws
        .set_audit_profile(a.id, &backwards)
        .expect_err("backwards period");
    assert_eq!(err.code, ErrorCode::Validation);
    let good = AuditProfile {
        observation_start: Some(date(2026, 7, 1)),
        ..backwards
    };
    let summary = ws.set_audit_profile(a.id, &good).expect("valid");
    assert_eq!(summary.profile, good);
}

#[test]
fn the_sample_has_a_plan_with_merged_actions_and_assigned_owners() {
    let mut t = workspace();
    let today = date(2026, 11, 30);
    let sample = t.ws.create_sample(today).expect("sample");
    assert_eq!(sample.profile.target_date, Some(date(2027, 5, 31)));
    let plan = t.ws.plan(sample.id, today).expect("plan");
    assert!(plan.gaps.len() > 20, "{} gaps", plan.gaps.len());
    assert!(
        plan.actions.len() < plan.gaps.len(),
        "shared remediations merge"
    );
    assert!(plan.actions.iter().any(|a| a.criteria.len() > 1));
    let mfa = plan
        .actions
        .iter()
        .find(|a| a.key == "mfa-everywhere")
        .expect("MFA action");
    assert_eq!(mfa.owner, "Maya Chen (CTO)");
    assert_eq!(mfa.status, ActionStatus::InProgress);
    assert!(plan.retired.is_empty());
    assert!(!matches!(plan.fit, Fit::NoTargetDate));
}
