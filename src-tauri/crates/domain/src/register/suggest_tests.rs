//! The suggested answers on the test calendar: statuses in, answer and counts out.

use super::*;
use crate::assessment::Answer;
use crate::catalog::embedded;
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

fn person(id: i64, start: NaiveDate) -> Person {
    Person {
        id,
        name: format!("Person {id}"),
        kind: PersonKind::Employee,
        start_date: Some(start),
        ..Person::default()
    }
}

fn leaver(id: i64, left: NaiveDate, removed: Option<NaiveDate>) -> Person {
    Person {
        end_date: Some(left),
        access_removed_on: removed,
        ..person(id, months_ago(40))
    }
}

/// Security awareness within 30 days of joining and every 12 months, for everyone.
fn awareness() -> Course {
    Course {
        id: 1,
        client_id: 1,
        name: "Security awareness".into(),
        within_days: Some(30),
        every_months: Some(12),
        audience: Audience::Everyone,
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

fn policy(version: u32) -> CurrentPolicy {
    CurrentPolicy {
        policy_id: "access".into(),
        title: "Access control policy".into(),
        version,
    }
}

fn ack(person_id: i64, version: u32) -> Acknowledgement {
    Acknowledgement {
        person_id,
        assessment_id: 1,
        policy_id: "access".into(),
        version,
        acknowledged_on: days_ago(20),
    }
}

struct Reg {
    people: Vec<Person>,
    courses: Vec<Course>,
    completions: Vec<Completion>,
    policies: Vec<CurrentPolicy>,
    acks: Vec<Acknowledgement>,
}

impl Reg {
    fn new(people: Vec<Person>) -> Reg {
        Reg {
            people,
            courses: vec![awareness()],
            completions: vec![],
            policies: vec![],
            acks: vec![],
        }
    }

    fn suggestion(&self, question: &str) -> Option<(Answer, String)> {
        let data = RegisterData {
            people: &self.people,
            courses: &self.courses,
            completions: &self.completions,
            policies: &self.policies,
            acks: &self.acks,
        };
        suggest_answers(&data, today())
            .into_iter()
            .find(|s| s.question_id == question)
            .map(|s| (s.answer, s.evidence))
    }
}

#[test]
fn every_mapped_question_is_in_the_bank() {
    let bank = embedded().expect("the bank loads");
    for (id, _) in REGISTER_QUESTIONS {
        assert!(bank.question(id).is_some(), "{id} is not in the bank");
    }
}

#[test]
fn no_register_suggests_nothing() {
    assert_eq!(
        suggest_answers(
            &RegisterData {
                people: &[],
                courses: &[],
                completions: &[],
                policies: &[],
                acks: &[],
            },
            today()
        ),
        []
    );
}

#[test]
fn joiners_trained_in_time_late_or_not_at_all_set_the_answer() {
    // 1 took it 10 days after joining, 2 took it 45 days after, 3 never did (joined 40 days
    // ago), 4 joined 20 days ago and still has time.
    let mut reg = Reg::new(vec![
        person(1, months_ago(6)),
        person(2, months_ago(6)),
        person(3, days_ago(40)),
        person(4, days_ago(20)),
    ]);
    reg.completions = vec![
        done(1, months_ago(6) + Days::new(10)),
        done(2, months_ago(6) + Days::new(45)),
    ];
    let (answer, evidence) = reg.suggestion("GOV-009").expect("a suggestion");
    assert_eq!(answer, Answer::Partial);
    assert_eq!(
        evidence,
        "1 of 3 people on staff took Security awareness (within 30 days of joining) in time; \
         1 late and 1 not at all. Not counted: 1 person still within their joining window."
    );

    reg.people.truncate(1);
    assert_eq!(
        reg.suggestion("GOV-009").map(|s| s.0),
        Some(Answer::Implemented)
    );
    reg.people = vec![person(3, days_ago(40))];
    assert_eq!(
        reg.suggestion("GOV-009").map(|s| s.0),
        Some(Answer::NotImplemented)
    );
    // Only someone still within their window: nobody to judge yet.
    reg.people = vec![person(4, days_ago(20))];
    assert_eq!(reg.suggestion("GOV-009"), None);
}

#[test]
fn role_courses_and_leavers_do_not_count_for_the_awareness_questions() {
    let mut reg = Reg::new(vec![
        person(1, days_ago(40)),
        leaver(2, days_ago(5), Some(days_ago(5))),
    ]);
    reg.courses[0].audience = Audience::Roles(vec!["Engineer".into()]);
    assert_eq!(reg.suggestion("GOV-009"), None);
    assert_eq!(reg.suggestion("HRS-007"), None);
    reg.courses[0].audience = Audience::EmployeesOnly;
    let (answer, evidence) = reg.suggestion("GOV-009").expect("a suggestion");
    assert_eq!(answer, Answer::NotImplemented);
    assert!(evidence.starts_with("0 of 1 person on staff"), "{evidence}");
}

#[test]
fn the_refresh_counts_who_is_up_to_date_overdue_or_never_trained() {
    // 1 trained 2 months ago; 2 trained 13 months ago (12-month rule: overdue); 3 joined 40
    // days ago untrained; 4 joined 10 days ago (not yet due, not judged).
    let mut reg = Reg::new(vec![
        person(1, months_ago(30)),
        person(2, months_ago(30)),
        person(3, days_ago(40)),
        person(4, days_ago(10)),
    ]);
    reg.completions = vec![done(1, months_ago(2)), done(2, months_ago(13))];
    let (answer, evidence) = reg.suggestion("HRS-007").expect("a suggestion");
    assert_eq!(answer, Answer::Partial);
    assert_eq!(
        evidence,
        "1 of 3 people on staff are up to date with Security awareness (every 12 months); \
         1 overdue for the refresh and 1 never trained."
    );
    reg.completions.push(done(2, months_ago(1)));
    reg.completions.push(done(3, days_ago(5)));
    assert_eq!(
        reg.suggestion("HRS-007").map(|s| s.0),
        Some(Answer::Implemented)
    );
    // A course taken once is not a refresh: the question has nothing to go on.
    reg.courses[0].every_months = None;
    assert_eq!(reg.suggestion("HRS-007"), None);
}

#[test]
fn acknowledgements_follow_the_version_in_force() {
    let mut reg = Reg::new(vec![
        person(1, months_ago(30)),
        person(2, months_ago(30)),
        person(3, months_ago(30)),
        person(4, today() + Days::new(5)),
    ]);
    // No approved policy: nothing to acknowledge, no suggestion.
    assert_eq!(reg.suggestion("COM-010"), None);
    reg.policies = vec![policy(2)];
    reg.acks = vec![ack(1, 2), ack(2, 1)];
    let (answer, evidence) = reg.suggestion("COM-010").expect("a suggestion");
    assert_eq!(answer, Answer::Partial);
    assert_eq!(
        evidence,
        "1 of 3 people on staff acknowledged the version in force of the approved policy; \
         1 has not acknowledged one or more and 1 acknowledged an older version."
    );
    reg.acks = vec![ack(1, 2), ack(2, 2), ack(3, 3)];
    assert_eq!(
        reg.suggestion("COM-010").map(|s| s.0),
        Some(Answer::Implemented)
    );
    reg.acks.clear();
    assert_eq!(
        reg.suggestion("COM-010").map(|s| s.0),
        Some(Answer::NotImplemented)
    );
}

#[test]
fn leavers_access_removal_is_counted_with_how_soon_it_came() {
    let mut reg = Reg::new(vec![
        person(1, months_ago(30)),
        leaver(2, days_ago(30), Some(days_ago(30))),
        leaver(3, days_ago(30), Some(days_ago(24))),
        leaver(4, days_ago(10), None),
        // Leaves in the future: still on staff.
        leaver(5, today() + Days::new(3), None),
    ]);
    let (answer, evidence) = reg.suggestion("ACC-007").expect("a suggestion");
    assert_eq!(answer, Answer::Partial);
    assert_eq!(
        evidence,
        "Access removal is recorded for 2 of 3 leavers; 1 not recorded. \
         1 of 2 on or before the last day; the slowest 6 days after it."
    );
    reg.people.retain(|p| p.id != 4);
    assert_eq!(
        reg.suggestion("ACC-007").map(|s| s.0),
        Some(Answer::Implemented)
    );
    reg.people = vec![person(1, months_ago(30))];
    assert_eq!(reg.suggestion("ACC-007"), None);
}

#[test]
fn suggestions_never_name_anyone() {
    let mut reg = Reg::new(vec![person(1, days_ago(40)), leaver(2, days_ago(10), None)]);
    reg.policies = vec![policy(1)];
    let data = RegisterData {
        people: &reg.people,
        courses: &reg.courses,
        completions: &reg.completions,
        policies: &reg.policies,
        acks: &reg.acks,
    };
    let all = suggest_answers(&data, today());
    assert_eq!(all.len(), 4);
    for s in all {
        assert!(!s.evidence.contains("Person"), "{}", s.evidence);
        assert_eq!(s.answer_label, s.answer.label());
    }
}
