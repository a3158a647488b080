//! The gap register and plan through the workspace, on the real question bank.

use crate::support::workspace;
use chrono::NaiveDate;
use trustgap_domain::assessment::Answer;
use trustgap_domain::people::{Owner, PersonInput};
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
            new_client_name: None,
            scoping_yes: Vec::new(),
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

    let priya = ws
        .add_person(
            a.client_id,
            &PersonInput {
                name: "  Priya  ".into(),
                share: 50,
                ..PersonInput::default()
            },
        )
        .expect("person");
    let edit = ActionEdit {
        owner: Some(Owner::Person { id: priya.id }),
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
    assert_eq!(plan.actions[0].owner_name, "Priya");

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
    assert_eq!(plan.actions[0].owner_name, "Priya");
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
            new_client_name: None,
            scoping_yes: Vec::new(),
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
    // A Type I audit a year ahead, so a sample made any day has a plan that can fit.
    assert_eq!(sample.profile.target_date, Some(date(2027, 11, 30)));
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
    assert_eq!(mfa.owner_name, "Maya Chen");
    assert_eq!(mfa.status, ActionStatus::InProgress);
    assert!(plan.retired.is_empty());
    assert!(!matches!(plan.fit, Fit::NoTargetDate));
}

#[test]
fn a_small_company_missing_admin_mfa_restore_tests_and_vendor_reviews_fixes_them_first() {
    use trustgap_domain::catalog::CategoryId;
    use trustgap_domain::plan::Priority;
    use trustgap_domain::scoring::{ScoreLevel, Severity};
    let mut t = workspace();
    let ws = &mut t.ws;
    let today = date(2026, 12, 1);
    let observation_start = date(2027, 6, 1);
    let a = ws
        .create_assessment(&NewAssessmentInput {
            new_client_name: Some("Fifteen-person SaaS".into()),
            scoping_yes: Vec::new(),
            client_id: 0,
            name: "Type II readiness".into(),
            scope: vec![],
            profile: AuditProfile {
                audit_type: AuditType::Type2,
                target_date: Some(date(2027, 11, 30)),
                observation_start: Some(observation_start),
            },
            company: Default::default(),
        })
        .expect("assessment");
    // The people who will do the work, with the time they can give it.
    for (name, role, share) in [
        ("Priya Nair", "CEO", 15),
        ("Maya Chen", "CTO", 30),
        ("Jon Reyes", "Security lead", 50),
        ("Tomás Ruiz", "IT / Operations lead", 40),
    ] {
        ws.add_person(
            a.client_id,
            &PersonInput {
                name: name.into(),
                role: role.into(),
                email: String::new(),
                share,
                days_off: Vec::new(),
                ..Default::default()
            },
        )
        .expect("person");
    }
    // Honest answers: everything else runs (since long before the observation period), but
    // MFA stops at staff SSO (partial; nothing on the root and admin consoles), no restore was
    // ever tested, and vendors are never reviewed.
    let honest = |id: &str| match id {
        "ACC-002" => Answer::Partial,
        "ACC-022" | "OPS-030" | "VEN-002" | "VEN-003" => Answer::NotImplemented,
        _ => Answer::Implemented,
    };
    let ids: Vec<String> = ws
        .catalog
        .questions_in(&[CategoryId::Security])
        .map(|q| q.id.clone())
        .collect();
    for id in &ids {
        ws.save_answer(&SaveAnswerInput {
            assessment_id: a.id,
            question_id: id.clone(),
            answer: Some(honest(id)),
            note: String::new(),
            flagged: false,
            owner: None,
            evidence: Vec::new(),
            since: Some(date(2025, 1, 6)),
            cadence: None,
            verified: false,
        })
        .unwrap_or_else(|e| panic!("{id}: {e}"));
    }
    let plan = ws.plan(a.id, today).expect("plan");
    for key in ["mfa-everywhere", "sec-restore-test", "vendor-management"] {
        let action = plan
            .actions
            .iter()
            .find(|x| x.key == key)
            .unwrap_or_else(|| panic!("no action {key}"));
        assert_eq!(action.severity, Severity::High, "{key}");
        assert_eq!(action.priority, Priority::P1, "{key}");
        assert!(
            action.due < observation_start,
            "{key} is due {} , after the observation starts",
            action.due
        );
        assert!(action.start >= today, "{key} starts {}", action.start);
    }
    // A criterion holding one of these gaps is never shown as good.
    let detail = ws.detail(a.id).expect("detail");
    let mfa_criteria = &ws.catalog.question("ACC-002").expect("ACC-002").criteria;
    for c in &detail.scorecard.criteria {
        if mfa_criteria.contains(&c.criterion) {
            assert!(c.tally.high_gaps > 0, "{}", c.criterion);
            assert_ne!(c.tally.level, Some(ScoreLevel::Good), "{}", c.criterion);
            assert_ne!(c.tally.level, Some(ScoreLevel::Fair), "{}", c.criterion);
        }
    }
}
