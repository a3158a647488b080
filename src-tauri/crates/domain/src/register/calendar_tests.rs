//! The test calendar: statuses, stale acknowledgements and gaps on fixed days.

use super::*;
use crate::people::{Person, PersonKind};
use chrono::{Days, Months, NaiveDate};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 15).expect("date")
}

fn days_ago(n: u64) -> NaiveDate {
    today().checked_sub_days(Days::new(n)).expect("date")
}

fn months_ago(n: u32) -> NaiveDate {
    today().checked_sub_months(Months::new(n)).expect("date")
}

fn person(id: i64, kind: PersonKind, start: NaiveDate) -> Person {
    Person {
        id,
        name: format!("Person {id}"),
        kind,
        start_date: Some(start),
        ..Person::default()
    }
}

fn course(within_days: Option<u32>, every_months: Option<u32>, audience: Audience) -> Course {
    Course {
        id: 1,
        client_id: 1,
        name: "Security awareness".into(),
        within_days,
        every_months,
        audience,
    }
}

fn done(person_id: i64, on: NaiveDate) -> Completion {
    Completion {
        id: 0,
        person_id,
        course_id: 1,
        completed_on: on,
        evidence: String::new(),
    }
}

#[test]
fn joined_40_days_ago_untrained_with_a_30_day_rule_is_overdue() {
    let p = person(1, PersonKind::Employee, days_ago(40));
    let s = training_status(
        &p,
        &course(Some(30), Some(12), Audience::Everyone),
        &[],
        today(),
    );
    assert_eq!(s.status, Status::Overdue);
    assert_eq!(s.due_on, Some(days_ago(10)));
}

#[test]
fn joined_20_days_ago_untrained_is_due_not_overdue() {
    let p = person(1, PersonKind::Employee, days_ago(20));
    let s = training_status(
        &p,
        &course(Some(30), None, Audience::Everyone),
        &[],
        today(),
    );
    assert_eq!(s.status, Status::Due);
}

#[test]
fn trained_13_months_ago_with_a_12_month_rule_is_overdue() {
    let p = person(1, PersonKind::Employee, months_ago(30));
    let c = course(Some(30), Some(12), Audience::Everyone);
    let s = training_status(&p, &c, &[done(1, months_ago(13))], today());
    assert_eq!(s.status, Status::Overdue);
    let s = training_status(
        &p,
        &c,
        &[done(1, months_ago(13)), done(1, months_ago(2))],
        today(),
    );
    assert_eq!(s.status, Status::Done);
    assert_eq!(s.last_completed, Some(months_ago(2)));
}

#[test]
fn a_refresh_within_30_days_is_due() {
    let p = person(1, PersonKind::Employee, months_ago(30));
    let c = course(None, Some(12), Audience::Everyone);
    let s = training_status(&p, &c, &[done(1, months_ago(12) + Days::new(10))], today());
    assert_eq!(s.status, Status::Due);
}

#[test]
fn a_contractor_is_not_required_where_the_rule_says_employees_only() {
    let c = course(Some(30), Some(12), Audience::EmployeesOnly);
    let contractor = person(1, PersonKind::Contractor, days_ago(40));
    assert_eq!(
        training_status(&contractor, &c, &[], today()).status,
        Status::NotRequired
    );
    let employee = person(2, PersonKind::Employee, days_ago(40));
    assert_eq!(
        training_status(&employee, &c, &[], today()).status,
        Status::Overdue
    );
}

#[test]
fn role_and_team_rules_pick_their_people() {
    let mut p = person(1, PersonKind::Employee, days_ago(5));
    p.role = "Engineer".into();
    p.team = "Platform".into();
    let roles = course(None, None, Audience::Roles(vec!["engineer".into()]));
    let teams = course(None, None, Audience::Teams(vec!["Sales".into()]));
    assert_eq!(
        training_status(&p, &roles, &[], today()).status,
        Status::Overdue
    );
    assert_eq!(
        training_status(&p, &teams, &[], today()).status,
        Status::NotRequired
    );
}

#[test]
fn a_leaver_is_judged_on_their_last_day() {
    let mut p = person(1, PersonKind::Employee, months_ago(24));
    p.end_date = Some(months_ago(6));
    let c = course(None, Some(12), Audience::Everyone);
    // Trained 13 months before today, 7 before leaving: in time when they left.
    let s = training_status(&p, &c, &[done(1, months_ago(13))], today());
    assert_eq!(s.status, Status::Done);
}

#[test]
fn a_new_approved_version_makes_the_acknowledgement_stale() {
    let ack = Acknowledgement {
        person_id: 1,
        assessment_id: 1,
        policy_id: "access".into(),
        version: 1,
        acknowledged_on: days_ago(100),
    };
    let mut policy = CurrentPolicy {
        policy_id: "access".into(),
        title: "Access control policy".into(),
        version: 1,
    };
    assert_eq!(
        ack_status(1, &policy, std::slice::from_ref(&ack)),
        AckState::Current
    );
    policy.version = 2;
    assert_eq!(
        ack_status(1, &policy, std::slice::from_ref(&ack)),
        AckState::Stale
    );
    assert_eq!(ack_status(2, &policy, &[ack]), AckState::Missing);
}

#[test]
fn the_register_lists_each_kind_of_gap() {
    let new_hire = person(1, PersonKind::Employee, days_ago(40));
    let veteran = person(2, PersonKind::Employee, months_ago(40));
    let mut leaver = person(3, PersonKind::Employee, months_ago(40));
    leaver.end_date = Some(days_ago(10));
    let mut removed = leaver.clone();
    removed.id = 4;
    removed.access_removed_on = Some(days_ago(10));
    let c = course(Some(30), Some(12), Audience::Everyone);
    let policy = CurrentPolicy {
        policy_id: "access".into(),
        title: "Access control policy".into(),
        version: 2,
    };
    let acks = [Acknowledgement {
        person_id: 2,
        assessment_id: 1,
        policy_id: "access".into(),
        version: 1,
        acknowledged_on: months_ago(13),
    }];
    let gaps = register_gaps(
        &[new_hire, veteran, leaver, removed],
        &[c],
        &[done(2, months_ago(13))],
        &[policy],
        &acks,
        today(),
    );
    let kinds: Vec<(i64, &str)> = gaps
        .iter()
        .map(|g| {
            let k = match g.gap {
                RegisterGapKind::NotTrainedInTime { .. } => "not_trained",
                RegisterGapKind::RefreshOverdue { .. } => "refresh",
                RegisterGapKind::AcknowledgementMissing { .. } => "ack_missing",
                RegisterGapKind::AcknowledgementStale { .. } => "ack_stale",
                RegisterGapKind::AccessRemovalMissing { .. } => "access",
            };
            (g.person_id, k)
        })
        .collect();
    assert_eq!(
        kinds,
        [
            (1, "not_trained"),
            (1, "ack_missing"),
            (2, "refresh"),
            (2, "ack_stale"),
            (3, "access")
        ]
    );
    // Counted by kind, every kind once in the register's order, with no name.
    let counts: Vec<(GapType, u32)> = gap_counts(&gaps)
        .iter()
        .map(|c| (c.kind, c.count))
        .collect();
    assert_eq!(
        counts,
        [
            (GapType::NotTrainedInTime, 1),
            (GapType::RefreshOverdue, 1),
            (GapType::AcknowledgementMissing, 1),
            (GapType::AcknowledgementStale, 1),
            (GapType::AccessRemovalMissing, 1),
        ]
    );
    assert_eq!(gap_counts(&gaps[..2])[2].count, 1);
    assert_eq!(gap_counts(&[])[4].label, "Access removal not recorded");
}
