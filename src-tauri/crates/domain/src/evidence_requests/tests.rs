//! The request list on the fixture bank: one request per question in scope, by criterion, with
//! the status, the wording by audit type and the answer's own facts carried through.

use super::*;
use crate::catalog::fixture::fixture;
use crate::catalog::CategoryId;
use chrono::NaiveDate;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn type1() -> AuditProfile {
    AuditProfile {
        audit_type: AuditType::Type1,
        target_date: Some(date(2027, 9, 30)),
        observation_start: None,
    }
}

fn type2() -> AuditProfile {
    AuditProfile {
        audit_type: AuditType::Type2,
        target_date: Some(date(2027, 12, 31)),
        observation_start: Some(date(2027, 7, 1)),
    }
}

fn answer(id: &str, a: Answer) -> Response {
    Response {
        question_id: id.into(),
        answer: Some(a),
        ..Response::default()
    }
}

fn find<'a>(list: &'a [EvidenceRequest], id: &str) -> &'a EvidenceRequest {
    list.iter()
        .find(|r| r.question_id == id)
        .unwrap_or_else(|| panic!("{id} listed"))
}

#[test]
fn every_question_in_scope_gets_one_request_under_its_main_criterion() {
    let c = fixture();
    let security = Scope::new(&[]);
    let list = evidence_requests(&c, &security, &[], &type1());
    let ids: Vec<&str> = list.iter().map(|r| r.question_id.as_str()).collect();
    assert_eq!(
        ids,
        ["AAA-001", "AAA-002", "AAA-003"],
        "privacy is out of scope"
    );
    let crits: Vec<&str> = list.iter().map(|r| r.criterion.as_str()).collect();
    assert_eq!(crits, ["CC1.1", "CC1.1", "CC1.2"]);
    assert_eq!(find(&list, "AAA-002").criteria, ["CC1.1", "CC1.2"]);
    assert!(list.iter().all(|r| r.status == RequestStatus::NotAnswered));
    assert!(
        list[0].ask.starts_with("Answer the question first"),
        "{}",
        list[0].ask
    );

    // A privacy question that also serves a security criterion is listed under it when Privacy
    // is out of scope.
    let mut shared = fixture();
    shared.questions[3].criteria = vec!["P1.1".into(), "CC1.2".into()];
    shared.questions[3].categories = vec![CategoryId::Security, CategoryId::Privacy];
    let list = evidence_requests(&shared, &Scope::new(&[]), &[], &type1());
    assert_eq!(find(&list, "PRV-001").criterion, "CC1.2");
    let ids: Vec<&str> = list.iter().map(|r| r.question_id.as_str()).collect();
    assert_eq!(ids, ["AAA-001", "AAA-002", "AAA-003", "PRV-001"]);
    let with_privacy =
        evidence_requests(&shared, &Scope::new(&[CategoryId::Privacy]), &[], &type1());
    assert_eq!(find(&with_privacy, "PRV-001").criterion, "P1.1");

    let all = evidence_requests(&c, &Scope::new(&[CategoryId::Privacy]), &[], &type1());
    assert_eq!(all.len(), 4);
    assert_eq!(all[3].question_id, "PRV-001");
}

#[test]
fn the_status_follows_the_answer_and_gaps_name_their_remediation() {
    let c = fixture();
    let mut done = answer("AAA-001", Answer::Implemented);
    done.verified = true;
    done.owner = Some(crate::people::Owner::role("CTO"));
    done.evidence = vec![EvidenceRef {
        description: "MFA policy export".into(),
        link: String::new(),
    }];
    let responses = [
        done,
        answer("AAA-002", Answer::Partial),
        answer("AAA-003", Answer::NotApplicable),
        answer("PRV-001", Answer::Unknown),
    ];
    let scope = Scope::new(&[CategoryId::Privacy]);
    let list = evidence_requests(&c, &scope, &responses, &type1());

    let ready = find(&list, "AAA-001");
    assert_eq!(ready.status, RequestStatus::ReadyToCollect);
    assert!(ready.verified);
    assert_eq!(ready.owner, Some(crate::people::Owner::role("CTO")));
    assert_eq!(ready.items, ["a", "b"], "the bank's evidence examples");
    assert_eq!(ready.on_file.len(), 1);
    assert!(!ready.late);
    assert_eq!(ready.remediation, None);
    assert_eq!(
        ready.ask,
        "Evidence of the control designed and in place on the audit date."
    );

    let gap = find(&list, "AAA-002");
    assert_eq!(gap.status, RequestStatus::AfterRemediation);
    assert!(!gap.verified);
    assert_eq!(gap.remediation.as_deref(), Some("fix"));
    assert!(
        gap.ask.starts_with("Once the remediation action is done"),
        "{}",
        gap.ask
    );

    let na = find(&list, "AAA-003");
    assert_eq!(na.status, RequestStatus::NotApplicable);
    assert_eq!(na.items, ["The written reason the control does not apply"]);
    assert!(
        na.ask.starts_with("No reason is recorded yet"),
        "{}",
        na.ask
    );

    let unknown = find(&list, "PRV-001");
    assert_eq!(unknown.status, RequestStatus::AfterRemediation);
    assert!(
        unknown.ask.starts_with("Find out whether"),
        "{}",
        unknown.ask
    );
}

#[test]
fn a_justified_not_applicable_answer_is_asked_for_its_reason() {
    let c = fixture();
    let mut na = answer("AAA-003", Answer::NotApplicable);
    na.note = "No office".into();
    let list = evidence_requests(&c, &Scope::new(&[]), &[na], &type1());
    assert_eq!(
        find(&list, "AAA-003").ask,
        "Reason recorded: \u{201c}No office\u{201d} The auditor checks that it holds."
    );
    let mut long = answer("AAA-003", Answer::NotApplicable);
    long.note = format!("Line one\n{}", "x".repeat(400));
    let list = evidence_requests(&c, &Scope::new(&[]), &[long], &type1());
    let ask = &find(&list, "AAA-003").ask;
    assert!(
        ask.contains("Line one x") && ask.contains('\u{2026}'),
        "{ask}"
    );
    assert!(ask.chars().count() < 320, "quoted, not copied: {ask}");
}

#[test]
fn type_two_asks_for_operation_across_the_period_at_the_companys_cadence() {
    let mut c = fixture();
    c.questions[0].runs = Some(Cadence::Quarterly); // AAA-001
    c.questions[1].runs = Some(Cadence::Continuous); // AAA-002
    let mut quarterly = answer("AAA-001", Answer::Implemented);
    quarterly.since = Some(date(2027, 1, 4));
    let mut monthly = answer("AAA-002", Answer::Implemented);
    monthly.cadence = Some(Cadence::Monthly);
    let responses = [quarterly, monthly, answer("AAA-003", Answer::Implemented)];
    let list = evidence_requests(&c, &Scope::new(&[]), &responses, &type2());

    let q = find(&list, "AAA-001");
    assert_eq!(
        q.cadence,
        Some(Cadence::Quarterly),
        "the bank's typical cadence"
    );
    assert_eq!(
        q.runs_in_period,
        Some(2),
        "two quarters from July to December"
    );
    assert!(q.ask.contains("(quarterly, 2 runs expected)"), "{}", q.ask);

    let m = find(&list, "AAA-002");
    assert_eq!(
        m.cadence,
        Some(Cadence::Monthly),
        "the company's cadence wins"
    );
    assert_eq!(m.runs_in_period, Some(6));

    let once = find(&list, "AAA-003");
    assert_eq!(once.cadence, None, "a control that does not run over time");
    assert!(once
        .ask
        .contains("in place throughout the observation period"));

    // The same answers for a Type I audit: no cadence, no period.
    let t1 = evidence_requests(&c, &Scope::new(&[]), &responses, &type1());
    assert!(t1
        .iter()
        .all(|r| r.cadence.is_none() && r.runs_in_period.is_none()));
}

#[test]
fn a_control_started_after_the_period_began_is_collected_after_remediation() {
    let mut c = fixture();
    c.questions[0].runs = Some(Cadence::Monthly);
    let mut late = answer("AAA-001", Answer::Implemented);
    late.since = Some(date(2027, 9, 1));
    let list = evidence_requests(&c, &Scope::new(&[]), &[late], &type2());
    let r = find(&list, "AAA-001");
    assert_eq!(r.status, RequestStatus::AfterRemediation);
    assert!(r.late);
    assert_eq!(r.remediation.as_deref(), Some("big"));
    assert!(
        r.ask.contains("started after the observation period began"),
        "{}",
        r.ask
    );
}

#[test]
fn statuses_have_a_spelling_and_a_label() {
    for s in RequestStatus::ALL {
        assert!(!s.label().is_empty());
        assert_eq!(
            serde_json::to_value(s).ok(),
            Some(serde_json::Value::String(s.as_str().into()))
        );
    }
}
