//! Policy changes the workspace refuses, with clear messages, changing nothing.

use crate::policies::{person_of_client, policy, sample, today};
use chrono::Days;
use trustgap_domain::policy::{ClauseState, PolicyStatus};
use trustgap_workspace::error::ErrorCode;

#[test]
fn status_changes_out_of_turn_are_refused_with_clear_messages() {
    let (mut t, id) = sample();
    let e =
        t.ws.set_policy_status(
            id,
            "access-control",
            PolicyStatus::Approved,
            Some(today()),
            "",
            today(),
        )
        .expect_err("no approver");
    assert!(e.message.contains("approves"), "{}", e.message);
    let e =
        t.ws.set_policy_status(
            id,
            "access-control",
            PolicyStatus::Retired,
            None,
            "",
            today(),
        )
        .expect_err("a draft is not retired");
    assert_eq!(e.code, ErrorCode::Validation);
    assert!(e.message.contains("from draft to retired"), "{}", e.message);
    let approver = person_of_client(&t, id, "CEO");
    t.ws.set_policy_people(id, "access-control", None, Some(approver), today())
        .expect("named");
    let tomorrow = today().checked_add_days(Days::new(1));
    let e =
        t.ws.set_policy_status(
            id,
            "access-control",
            PolicyStatus::Approved,
            tomorrow,
            "",
            today(),
        )
        .expect_err("future");
    assert!(e.message.contains("future"), "{}", e.message);
    let v =
        t.ws.set_policy_status(
            id,
            "access-control",
            PolicyStatus::InReview,
            None,
            "",
            today(),
        )
        .expect("review");
    assert_eq!(v.revisions.len(), 1);
    let e =
        t.ws.set_policy_people(id, "access-control", None, Some(approver), today())
            .map(|_| ())
            .and_then(|()| {
                t.ws.set_policy_status(
                    id,
                    "access-control",
                    PolicyStatus::InReview,
                    None,
                    "",
                    today(),
                )
            })
            .expect_err("already in review");
    assert!(e.message.contains("already"), "{}", e.message);
}

#[test]
fn hostile_inputs_are_refused_and_change_nothing() {
    let (mut t, id) = sample();
    let sid = "authentication";
    let long = "x".repeat(trustgap_domain::limits::MAX_SECTION_CHARS + 1);
    let e =
        t.ws.edit_policy_section(id, "access-control", sid, &long, today())
            .expect_err("long");
    assert_eq!(e.code, ErrorCode::Validation);
    let e =
        t.ws.edit_policy_section(id, "access-control", sid, "  ", today())
            .expect_err("empty");
    assert_eq!(e.code, ErrorCode::Validation);
    let e =
        t.ws.edit_policy_section(id, "no-such-policy", sid, "x", today())
            .expect_err("policy");
    assert_eq!(e.code, ErrorCode::NotFound);
    let e =
        t.ws.edit_policy_section(id, "access-control", "../etc", "x", today())
            .expect_err("section");
    assert_eq!(e.code, ErrorCode::NotFound);
    let e =
        t.ws.get_policy(id, &"p".repeat(10_000), today())
            .expect_err("long id");
    assert!(e.message.chars().count() < 200, "the message clips the id");
    let e =
        t.ws.list_policies(999_999, today())
            .expect_err("no assessment");
    assert_eq!(e.code, ErrorCode::NotFound);
    // A person of another client is not an owner here.
    let other = t.ws.create_client("Other Co").expect("client");
    let stranger =
        t.ws.add_person(
            other.id,
            &trustgap_domain::people::PersonInput {
                name: "Eve".into(),
                role: "CTO".into(),
                share: 10,
                ..Default::default()
            },
        )
        .expect("person")
        .id;
    let e =
        t.ws.set_policy_people(id, "access-control", Some(stranger), None, today())
            .expect_err("stranger");
    assert_eq!(e.code, ErrorCode::Validation);
    let v = policy(&t, id, "access-control");
    assert!(v.owner.is_none() && v.sections.iter().all(|s| !s.edited) && v.revisions.is_empty());
    let planned_states = v
        .sections
        .iter()
        .flat_map(|s| &s.clauses)
        .filter(|c| matches!(c.state, ClauseState::Planned { .. }))
        .count();
    assert_eq!(planned_states, v.planned.len());
}
