//! The merged view: edits kept across regeneration and flagged, approval frozen, contradictions.

use super::builtin;
use super::generate_tests::{all_implemented, generate, today, with};
use super::lifecycle::{edit_section, set_status, StatusChange};
use super::model::{DiffKind, GeneratedPolicy, PolicyRecord, PolicyStatus, PolicyView};
use super::view::{current_sections, policy_view};
use super::Facts;
use crate::assessment::{Answer, Response, Scope};
use crate::people::Person;

const AT: &str = "2026-12-05T10:00:00Z";
const POLICY: &str = "access-control";
const SECTION: &str = "authentication";

fn people() -> Vec<Person> {
    vec![Person {
        id: 7,
        client_id: 1,
        name: "Priya Nair".into(),
        role: "CEO".into(),
        email: String::new(),
        share: 20,
        days_off: vec![],
        ..Default::default()
    }]
}

struct World {
    policy: GeneratedPolicy,
    facts: Facts,
}

fn world(responses: &[Response]) -> World {
    let (policies, facts) = generate(&Scope::new(&[]), responses);
    let policy = policies
        .into_iter()
        .find(|p| p.id == POLICY)
        .expect("in the pack");
    World { policy, facts }
}

fn view(w: &World, record: &PolicyRecord) -> PolicyView {
    policy_view(builtin(), &w.policy, record, &people(), &w.facts)
}

fn implemented() -> Vec<Response> {
    all_implemented(&Scope::new(&[]))
}

fn mfa_off() -> Vec<Response> {
    with(implemented(), &[("ACC-002", Answer::NotImplemented)])
}

fn generated_text(w: &World) -> String {
    w.policy
        .sections
        .iter()
        .find(|s| s.id == SECTION)
        .expect("section")
        .text
        .clone()
}

#[test]
fn an_edit_survives_regeneration_and_is_flagged_with_the_difference() {
    let before = world(&implemented());
    let mut record = PolicyRecord::new(POLICY);
    let mine = format!("Our own words first.\n\n{}", generated_text(&before));
    edit_section(
        &mut record,
        SECTION,
        &mine,
        &generated_text(&before),
        "Ana",
        AT,
    )
    .expect("edit");
    let v = view(&before, &record);
    let s = v
        .sections
        .iter()
        .find(|s| s.id == SECTION)
        .expect("section");
    assert!(s.edited && !s.template_changed && s.diff.is_empty());
    assert_eq!(s.text, mine);

    let after = world(&mfa_off());
    let v = view(&after, &record);
    let s = v
        .sections
        .iter()
        .find(|s| s.id == SECTION)
        .expect("section");
    assert_eq!(s.text, mine, "the edit is kept");
    assert!(s.template_changed);
    let added: Vec<&str> = s
        .diff
        .iter()
        .filter(|l| l.kind == DiffKind::Added)
        .map(|l| l.text.as_str())
        .collect();
    assert!(
        added
            .iter()
            .any(|l| l.starts_with("*Planned:* Multi-factor")),
        "{added:?}"
    );
    assert!(v
        .sections
        .iter()
        .filter(|s| s.id != SECTION)
        .all(|s| !s.edited && !s.template_changed));
    // The edit still states MFA as practice: a contradiction on ACC-002.
    assert_eq!(v.contradictions.len(), 1, "{:?}", v.contradictions);
    let c = &v.contradictions[0];
    assert_eq!(
        (c.section_id.as_str(), c.fact.as_str(), c.questions.clone()),
        (SECTION, "mfa-enforced", vec!["ACC-002".to_owned()])
    );
    assert_eq!(v.planned.len(), 1);
    assert_eq!(v.planned[0].fact, "mfa-enforced");
}

#[test]
fn the_generated_text_never_contradicts_and_keeping_the_planned_paragraph_is_no_claim() {
    let after = world(&mfa_off());
    let record = PolicyRecord::new(POLICY);
    assert!(view(&after, &record).contradictions.is_empty());
    let mut edited = record.clone();
    let text = format!("{}\n\nOne more line.", generated_text(&after));
    edit_section(
        &mut edited,
        SECTION,
        &text,
        &generated_text(&after),
        "Ana",
        AT,
    )
    .expect("edit");
    assert!(view(&after, &edited).contradictions.is_empty());
}

fn approve(w: &World, record: &mut PolicyRecord) {
    record.approver = Some(7);
    set_status(
        record,
        StatusChange {
            to: PolicyStatus::Approved,
            approver: Some("Priya Nair"),
            approved_on: Some(today()),
            note: "",
            author: "Ana",
            at: AT,
            today: today(),
            review_months: w.policy.review_months,
            frozen: current_sections(&w.policy, record),
        },
    )
    .expect("approved");
}

#[test]
fn an_approved_version_is_frozen_and_answers_changed_later_are_flagged() {
    let before = world(&implemented());
    let mut record = PolicyRecord::new(POLICY);
    approve(&before, &mut record);
    let v = view(&before, &record);
    assert!(v.frozen && !v.changed_since_approval && v.contradictions.is_empty());
    assert_eq!(v.approver_name, "Priya Nair");
    assert_eq!(v.owner_name, "Security lead (not yet named)");
    let frozen_text: Vec<String> = v.sections.iter().map(|s| s.text.clone()).collect();

    let after = world(&mfa_off());
    let v = view(&after, &record);
    assert!(v.frozen && v.changed_since_approval);
    assert_eq!(
        v.sections
            .iter()
            .map(|s| s.text.clone())
            .collect::<Vec<_>>(),
        frozen_text,
        "frozen text unchanged"
    );
    let s = v
        .sections
        .iter()
        .find(|s| s.id == SECTION)
        .expect("section");
    assert_ne!(s.generated, s.text, "today's generated text differs");
    assert_eq!(v.contradictions.len(), 1);
    assert_eq!(v.contradictions[0].fact, "mfa-enforced");
    assert!(v.contradictions[0]
        .text
        .starts_with("Multi-factor authentication is enforced"));
}

#[test]
fn the_version_in_force_is_the_newest_approved_one_and_a_new_draft_does_not_replace_it() {
    let w = world(&implemented());
    let mut record = PolicyRecord::new(POLICY);
    assert_eq!(view(&w, &record).version_in_force, None, "never approved");
    approve(&w, &mut record);
    assert_eq!(record.version_in_force(), Some(1));
    // Editing the approved text starts version 2 as a draft; version 1 stays in force.
    edit_section(&mut record, SECTION, "Our own words.", "", "Ana", AT).expect("edit");
    let v = view(&w, &record);
    assert_eq!((v.version, v.version_in_force), (2, Some(1)));
    approve(&w, &mut record);
    assert_eq!(view(&w, &record).version_in_force, Some(2));
}
