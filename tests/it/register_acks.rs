//! The acknowledgement states the window shows, decided and worded by the domain: missing,
//! current once acknowledged, stale when a newer version is approved, for everyone in the
//! register against every policy in force.

use crate::policies::{person_of_client, sample, today};
use crate::support::TempWorkspace;
use trustgap_domain::policy::PolicyStatus;
use trustgap_domain::register::AckState;
use trustgap_workspace::AckStatusView;

const POLICY: &str = "business-continuity";

fn approve(t: &mut TempWorkspace, id: i64) {
    let approver = person_of_client(t, id, "CEO");
    t.ws.set_policy_people(id, POLICY, None, Some(approver), today())
        .expect("approver named");
    t.ws.set_policy_status(
        id,
        POLICY,
        PolicyStatus::Approved,
        Some(today()),
        "Board meeting",
        today(),
    )
    .expect("approved");
}

/// The row of `person` for the policy; panics when there is none.
fn row(t: &TempWorkspace, id: i64, person: i64) -> AckStatusView {
    t.ws.acknowledgement_statuses(id)
        .expect("statuses")
        .into_iter()
        .find(|r| r.person_id == person && r.policy_id == POLICY)
        .expect("a row for the person and the policy")
}

#[test]
fn a_policy_not_approved_has_no_row() {
    let (t, id) = sample();
    let rows = t.ws.acknowledgement_statuses(id).expect("statuses");
    assert!(rows.iter().all(|r| r.policy_id != POLICY), "{rows:?}");
}

#[test]
fn a_new_approved_version_makes_an_acknowledgement_stale() {
    let (mut t, id) = sample();
    approve(&mut t, id);
    let client = t.ws.detail(id).expect("detail").summary.client_id;
    let people = t.ws.people(client).expect("people");
    let rows = t.ws.acknowledgement_statuses(id).expect("statuses");
    let mine: Vec<i64> = rows
        .iter()
        .filter(|r| r.policy_id == POLICY)
        .map(|r| r.person_id)
        .collect();
    let everyone: Vec<i64> = people.iter().map(|p| p.id).collect();
    assert_eq!(
        mine, everyone,
        "one row per person, in the register's order"
    );

    let reader = people[0].id;
    let r = row(&t, id, reader);
    assert_eq!(
        (r.version_in_force, r.state, r.label.as_str()),
        (1, AckState::Missing, AckState::Missing.label())
    );
    assert_eq!((r.acknowledged_version, r.acknowledged_on), (None, None));

    let on = today().pred_opt().expect("date");
    t.ws.acknowledge_policy(id, reader, POLICY, 1, on, today())
        .expect("acknowledged");
    let r = row(&t, id, reader);
    assert_eq!(
        (r.state, r.label.as_str()),
        (AckState::Current, AckState::Current.label())
    );
    assert_eq!(
        (r.acknowledged_version, r.acknowledged_on),
        (Some(1), Some(on))
    );

    // A draft of version 2 is not in force: the acknowledgement stays current.
    let sid =
        t.ws.get_policy(id, POLICY, today())
            .expect("policy")
            .sections[0]
            .id
            .clone();
    t.ws.edit_policy_section(id, POLICY, &sid, "Our words.", today())
        .expect("version 2 started");
    assert_eq!(row(&t, id, reader).state, AckState::Current);

    approve(&mut t, id);
    let r = row(&t, id, reader);
    assert_eq!(
        (r.version_in_force, r.state, r.label.as_str()),
        (2, AckState::Stale, AckState::Stale.label())
    );
    assert_eq!(
        (r.acknowledged_version, r.acknowledged_on),
        (Some(1), Some(on))
    );
    let other = row(&t, id, people[1].id);
    assert_eq!(other.state, AckState::Missing);
}
