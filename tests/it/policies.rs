//! The policy pack through the workspace on the sample assessment: generation, edits kept and
//! flagged, approval frozen, contradictions, parameters, and refusals of hostile input.

use crate::support::{workspace, TempWorkspace};
use chrono::NaiveDate;
use trustgap_domain::assessment::Answer;
use trustgap_domain::catalog::CategoryId;
use trustgap_domain::policy::{builtin, PolicyStatus, PolicyView};
use trustgap_workspace::error::ErrorCode;
use trustgap_workspace::SaveAnswerInput;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 5).expect("date")
}

/// A workspace with the sample assessment; its id.
pub fn sample() -> (TempWorkspace, i64) {
    let mut t = workspace();
    let id = t.ws.create_sample(today()).expect("sample").id;
    (t, id)
}

pub fn answer(t: &mut TempWorkspace, id: i64, question: &str, answer: Answer) {
    t.ws.save_answer(&SaveAnswerInput {
        assessment_id: id,
        question_id: question.into(),
        answer: Some(answer),
        ..SaveAnswerInput::default()
    })
    .expect("answer saved");
}

pub fn policy(t: &TempWorkspace, id: i64, policy: &str) -> PolicyView {
    t.ws.get_policy(id, policy, today()).expect("policy")
}

pub fn section<'v>(v: &'v PolicyView, id: &str) -> &'v trustgap_domain::policy::SectionView {
    v.sections.iter().find(|s| s.id == id).expect("section")
}

pub fn person_of_client(t: &TempWorkspace, id: i64, role: &str) -> i64 {
    let client = t.ws.detail(id).expect("detail").summary.client_id;
    t.ws.people(client)
        .expect("people")
        .into_iter()
        .find(|p| p.role == role)
        .expect("the sample names this role")
        .id
}

#[test]
fn the_sample_yields_the_whole_pack_citing_real_criteria_in_scope() {
    let (t, id) = sample();
    let views = t.ws.list_policies(id, today()).expect("pack");
    let detail = t.ws.detail(id).expect("detail");
    let scope: Vec<CategoryId> = detail.summary.scope.clone();
    let expected: Vec<&str> = builtin()
        .policies
        .iter()
        .filter(|p| p.categories.iter().any(|c| scope.contains(c)))
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(
        views.iter().map(|v| v.id.as_str()).collect::<Vec<_>>(),
        expected
    );
    assert!(views.len() >= 15, "{}", views.len());
    let company = &detail.summary.client_name;
    for v in &views {
        assert_eq!((v.status, v.version), (PolicyStatus::Draft, 1));
        assert!(!v.criteria.is_empty(), "{}", v.id);
        for c in &v.criteria {
            let criterion = t.ws.catalog.criterion(c).expect("a real criterion");
            assert!(scope.contains(&criterion.category), "{} cites {c}", v.id);
        }
        let text: String = v.sections.iter().map(|s| s.text.as_str()).collect();
        assert!(!text.contains("{{"), "{}: a placeholder is left", v.id);
        assert!(
            v.contradictions.is_empty(),
            "generated text never contradicts"
        );
        assert!(v.owner_name.ends_with("(not yet named)"));
        let _ = company;
    }
    assert!(views
        .iter()
        .any(|v| v.sections.iter().any(|s| s.text.contains(company.as_str()))));
    let planned: usize = views.iter().map(|v| v.planned.len()).sum();
    assert!(
        planned > 10,
        "the sample's gaps show as planned clauses: {planned}"
    );
    let restore = views
        .iter()
        .flat_map(|v| &v.planned)
        .find(|p| p.fact == "restore-tested")
        .expect("the sample has never tested a restore");
    assert!(
        restore.action_title.is_some() && restore.due.is_some(),
        "{restore:?}"
    );
    let mfa = section(&policy(&t, id, "access-control"), "authentication").clone();
    assert!(mfa.text.contains("*Planned:* Multi-factor"), "{}", mfa.text);
    assert!(
        mfa.text.contains("AWS"),
        "the cloud provider is suggested from the profile"
    );
}

#[test]
fn an_edit_survives_regeneration_and_is_flagged_with_a_diff_when_answers_change() {
    let (mut t, id) = sample();
    let before = section(&policy(&t, id, "access-control"), "access-reviews").clone();
    assert!(
        before.text.contains("*Planned:*"),
        "the sample never reviews access"
    );
    let mine = format!("{}\n\nAdded by us.", before.text);
    let v =
        t.ws.edit_policy_section(id, "access-control", "access-reviews", &mine, today())
            .expect("edit");
    let s = section(&v, "access-reviews");
    assert!(s.edited && !s.template_changed && s.text == mine);
    // Regeneration after an unrelated answer keeps the edit, unflagged.
    answer(&mut t, id, "ACC-002", Answer::Implemented);
    let s = section(&policy(&t, id, "access-control"), "access-reviews").clone();
    assert!(s.edited && !s.template_changed && s.text == mine);
    // The answer under the section changes: the edit is kept and flagged with the difference.
    let question = builtin().fact("access-reviews").expect("fact").questions[0].clone();
    answer(&mut t, id, &question, Answer::Implemented);
    let v = policy(&t, id, "access-control");
    let s = section(&v, "access-reviews");
    assert_eq!(s.text, mine);
    assert!(s.template_changed);
    assert!(s.diff.iter().any(|l| l.text.starts_with("*Planned:*")));
    // The edit keeps the planned paragraph, which states nothing: no contradiction.
    assert!(v.contradictions.is_empty(), "{:?}", v.contradictions);
    let v =
        t.ws.accept_policy_template(id, "access-control", "access-reviews", today())
            .expect("keep my text");
    assert!(!section(&v, "access-reviews").template_changed);
    let v =
        t.ws.revert_policy_section(id, "access-control", "access-reviews", today())
            .expect("use generated");
    let s = section(&v, "access-reviews");
    assert!(!s.edited && s.text == s.generated && !s.text.contains("*Planned:*"));
}

fn approve(t: &mut TempWorkspace, id: i64, policy_id: &str) -> PolicyView {
    let approver = person_of_client(t, id, "CEO");
    t.ws.set_policy_people(id, policy_id, None, Some(approver), today())
        .expect("approver named");
    t.ws.set_policy_status(
        id,
        policy_id,
        PolicyStatus::Approved,
        Some(today()),
        "Board meeting",
        today(),
    )
    .expect("approved")
}

#[test]
fn approval_freezes_the_text_and_a_later_edit_starts_a_new_version() {
    let (mut t, id) = sample();
    let v = approve(&mut t, id, "business-continuity");
    assert!(v.frozen && !v.changed_since_approval);
    assert_eq!(v.approved_on, Some(today()));
    assert_eq!(
        v.next_review,
        today().checked_add_months(chrono::Months::new(u32::from(v.review_months)))
    );
    assert_eq!(v.approver_name, "Priya Nair");
    assert_eq!(v.revisions.len(), 1);
    assert!(v.revisions[0].sections.is_some());
    let frozen: Vec<String> = v.sections.iter().map(|s| s.text.clone()).collect();
    // The restore test happens: the frozen text stays, and the change is flagged.
    answer(&mut t, id, "OPS-030", Answer::Implemented);
    let v = policy(&t, id, "business-continuity");
    assert!(v.frozen && v.changed_since_approval);
    assert_eq!(
        v.sections
            .iter()
            .map(|s| s.text.clone())
            .collect::<Vec<_>>(),
        frozen
    );
    // An edit starts version 2 as a draft; version 1 stays in the history with its text.
    let sid = v.sections[0].id.clone();
    let v =
        t.ws.edit_policy_section(id, "business-continuity", &sid, "Our words.", today())
            .expect("edit after approval");
    assert_eq!(
        (v.status, v.version, v.frozen, v.approved_on),
        (PolicyStatus::Draft, 2, false, None)
    );
    assert_eq!(v.revisions.len(), 2);
    assert_eq!(
        v.revisions[1].sections.as_ref().map(|s| s[0].text.clone()),
        Some(frozen[0].clone())
    );
    assert!(
        !section(&v, &sid).template_changed,
        "the base is the new version's text"
    );
}

#[test]
fn an_answer_changed_to_not_implemented_after_approval_is_a_contradiction() {
    let (mut t, id) = sample();
    let question = builtin().fact("named-accounts").expect("fact").questions[0].clone();
    answer(&mut t, id, &question, Answer::Implemented);
    approve(&mut t, id, "access-control");
    assert!(t
        .ws
        .policy_contradictions(id, today())
        .expect("none")
        .is_empty());
    answer(&mut t, id, &question, Answer::NotImplemented);
    let v = policy(&t, id, "access-control");
    assert!(v
        .contradictions
        .iter()
        .any(|c| c.fact == "named-accounts" && c.questions == [question.clone()]));
    let all = t.ws.policy_contradictions(id, today()).expect("listed");
    let c = all
        .iter()
        .find(|c| c.fact == "named-accounts")
        .expect("listed for the questionnaire");
    assert_eq!(
        (c.policy_id.as_str(), c.section_id.as_str()),
        ("access-control", "principles")
    );
    assert!(c.text.starts_with("Everyone who works on production"));
}

#[test]
fn parameters_are_suggested_set_and_cleared() {
    let (mut t, id) = sample();
    let params = t.ws.list_policy_parameters(id).expect("parameters");
    let cloud = params
        .iter()
        .find(|p| p.id == "cloud_provider")
        .expect("listed");
    assert_eq!(cloud.suggested.as_deref(), Some("AWS"));
    assert_eq!(
        cloud.suggested_from.as_deref(),
        Some("Company profile: hosting")
    );
    assert_eq!(params.len(), builtin().parameters.len());
    t.ws.set_policy_parameter(id, "cloud_provider", Some("  Hetzner  "))
        .expect("set");
    let s = section(&policy(&t, id, "access-control"), "purpose-and-scope")
        .text
        .clone();
    assert!(s.contains("Hetzner") && !s.contains("AWS"), "{s}");
    let listed = t.ws.list_policy_parameters(id).expect("parameters");
    assert_eq!(
        listed
            .iter()
            .find(|p| p.id == "cloud_provider")
            .and_then(|p| p.value.clone())
            .as_deref(),
        Some("Hetzner")
    );
    t.ws.set_policy_parameter(id, "cloud_provider", Some(" "))
        .expect("cleared");
    let s = section(&policy(&t, id, "access-control"), "purpose-and-scope")
        .text
        .clone();
    assert!(s.contains("AWS"), "{s}");
    let e =
        t.ws.set_policy_parameter(id, "nope", Some("x"))
            .expect_err("unknown");
    assert_eq!(e.code, ErrorCode::NotFound);
    let e =
        t.ws.set_policy_parameter(id, "rto", Some(&"9".repeat(500)))
            .expect_err("long");
    assert_eq!(e.code, ErrorCode::Validation);
    let e =
        t.ws.set_policy_parameter(id, "rto", Some("4\nhours"))
            .expect_err("two lines");
    assert_eq!(e.code, ErrorCode::Validation);
}
