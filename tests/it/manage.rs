//! Managing assessments: N/A justification, re-assessment, archive, trash, clients.

use crate::support::workspace;
use trustgap_domain::assessment::{Answer, CompanyProfile, EvidenceRef};
use trustgap_domain::catalog::CategoryId;
use trustgap_domain::people::Owner;
use trustgap_domain::plan::{AuditProfile, AuditType};
use trustgap_workspace::error::ErrorCode;
use trustgap_workspace::{NewAssessmentInput, SaveAnswerInput, UpdateDetailsInput};

fn new(client_id: i64, name: &str) -> NewAssessmentInput {
    NewAssessmentInput {
        new_client_name: None,
        scoping_yes: Vec::new(),
        client_id,
        name: name.into(),
        scope: vec![],
        profile: AuditProfile {
            audit_type: AuditType::Type1,
            target_date: None,
            observation_start: None,
        },
        company: CompanyProfile {
            assessor: "Alex Morgan".into(),
            headcount: Some(12),
            ..CompanyProfile::default()
        },
    }
}

#[test]
fn not_applicable_needs_a_justification_and_details_are_kept() {
    let mut t = workspace();
    let ws = &mut t.ws;
    let c = ws.create_client("Acme").expect("client");
    let a = ws.create_assessment(&new(c.id, "A")).expect("assessment");
    assert_eq!(a.company.headcount, Some(12));
    let q = ws
        .catalog
        .questions_in(&[CategoryId::Security])
        .next()
        .expect("q")
        .id
        .clone();
    let na = SaveAnswerInput {
        assessment_id: a.id,
        question_id: q.clone(),
        answer: Some(Answer::NotApplicable),
        note: "  ".into(),
        ..SaveAnswerInput::default()
    };
    let err = ws.save_answer(&na).expect_err("no justification");
    assert_eq!(err.code, ErrorCode::Validation);
    assert!(err.message.contains("justification"), "{}", err.message);

    let full = SaveAnswerInput {
        note: "No office: fully remote".into(),
        flagged: true,
        owner: Some(Owner::role(" Dana ")),
        evidence: vec![EvidenceRef {
            description: "Remote-work policy".into(),
            link: "policies/remote.pdf".into(),
        }],
        ..na
    };
    let saved = ws.save_answer(&full).expect("justified");
    assert_eq!(saved.response.owner, Some(Owner::role("Dana")));
    assert!(saved.response.flagged);
    assert_eq!(saved.summary.flagged, 1);
    assert_eq!(saved.summary.last_question.as_deref(), Some(q.as_str()));
    let stored = &ws.detail(a.id).expect("detail").responses[0];
    assert_eq!(stored.evidence, full.evidence);
    assert_eq!(
        ws.question_history(a.id, &q).expect("history")[0].assessor,
        "Alex Morgan"
    );

    let too_many = SaveAnswerInput {
        evidence: vec![
            EvidenceRef {
                description: "x".into(),
                link: String::new()
            };
            21
        ],
        ..full
    };
    assert_eq!(
        ws.save_answer(&too_many).expect_err("21 references").code,
        ErrorCode::Validation
    );
}

#[test]
fn a_reassessment_carries_answers_over_marked_for_review() {
    let mut t = workspace();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).expect("date");
    let sample = t.ws.create_sample(today).expect("sample");
    let again =
        t.ws.reassess(sample.id, "Re-assessment, spring")
            .expect("re-assess");
    assert_eq!(again.based_on, Some(sample.id));
    assert_eq!(again.answered, sample.answered);
    assert_eq!(again.readiness, sample.readiness);
    assert_eq!(again.needs_review, sample.answered);
    assert_eq!(again.company, sample.company);
    let plan = t.ws.plan(again.id, today).expect("plan");
    let mfa = plan
        .actions
        .iter()
        .find(|a| a.key == "mfa-everywhere")
        .expect("mfa");
    assert_eq!(mfa.owner_name, "Maya Chen", "plan edits carried over");

    // Confirming an answer clears its review mark; the original is untouched.
    let r = t.ws.detail(again.id).expect("detail").responses[0].clone();
    let saved =
        t.ws.save_answer(&SaveAnswerInput {
            assessment_id: again.id,
            question_id: r.question_id,
            answer: r.answer,
            note: r.note,
            ..SaveAnswerInput::default()
        })
        .expect("confirm");
    assert_eq!(saved.summary.needs_review, again.needs_review - 1);
    assert_eq!(
        t.ws.detail(sample.id)
            .expect("original")
            .summary
            .needs_review,
        0
    );
}

#[test]
fn archive_trash_restore_and_purge() {
    let mut t = workspace();
    let ws = &mut t.ws;
    let c = ws.create_client("Acme").expect("client");
    let a = ws.create_assessment(&new(c.id, "A")).expect("assessment");
    assert!(ws
        .set_archived(a.id, true)
        .expect("archive")
        .archived_at
        .is_some());
    assert_eq!(
        ws.overview().expect("overview").assessments.len(),
        1,
        "archived stays listed"
    );
    assert!(ws
        .set_archived(a.id, false)
        .expect("unarchive")
        .archived_at
        .is_none());

    assert_eq!(
        ws.purge(a.id).expect_err("not in the trash").code,
        ErrorCode::Validation
    );
    ws.set_trashed(a.id, true).expect("trash");
    let o = ws.overview().expect("overview");
    assert!(o.assessments.is_empty());
    assert_eq!(o.trash.len(), 1);
    ws.set_trashed(a.id, false).expect("restore");
    assert_eq!(ws.overview().expect("overview").assessments.len(), 1);

    assert_eq!(
        ws.delete_client(c.id).expect_err("has an assessment").code,
        ErrorCode::Validation
    );
    ws.set_trashed(a.id, true).expect("trash");
    ws.purge(a.id).expect("purge");
    assert_eq!(ws.detail(a.id).expect_err("gone").code, ErrorCode::NotFound);
    assert_eq!(
        ws.rename_client(c.id, "Acme Europe").expect("rename").name,
        "Acme Europe"
    );
    ws.delete_client(c.id).expect("delete");
    assert!(ws.overview().expect("overview").clients.is_empty());
}

#[test]
fn details_and_scope_can_change_later() {
    let mut t = workspace();
    let ws = &mut t.ws;
    let c = ws.create_client("Acme").expect("client");
    let a = ws.create_assessment(&new(c.id, "A")).expect("assessment");
    let company = CompanyProfile {
        system_name: "Acme API".into(),
        hosting: "EU cloud".into(),
        ..a.company.clone()
    };
    let updated = ws
        .update_details(&UpdateDetailsInput {
            scoping_yes: Vec::new(),
            id: a.id,
            name: "Renamed".into(),
            company: company.clone(),
            scope: vec![CategoryId::Privacy],
        })
        .expect("update");
    assert_eq!(updated.name, "Renamed");
    assert_eq!(updated.company, company);
    assert_eq!(
        updated.scope,
        vec![CategoryId::Security, CategoryId::Privacy]
    );
    assert!(updated.questions > a.questions);
    let bad = UpdateDetailsInput {
        scoping_yes: Vec::new(),
        id: a.id,
        name: "".into(),
        company,
        scope: vec![],
    };
    assert_eq!(
        ws.update_details(&bad).expect_err("empty name").code,
        ErrorCode::Validation
    );
}
