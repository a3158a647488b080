//! The register's documents (roster-and-training workbook, attestation report, sign-sheet) on a
//! register built by hand, read back by independent readers; and their command-line doors.

mod cli;
mod documents;
mod workbook;

use chrono::{DateTime, NaiveDate, Utc};
use trustgap_documents::register::Register;
use trustgap_domain::branding::Branding;
use trustgap_domain::people::{Person, PersonKind};
use trustgap_domain::register::{Acknowledgement, Audience, Completion, Course, CurrentPolicy};

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

pub fn stamp() -> DateTime<Utc> {
    DateTime::from_timestamp(1_800_000_000, 0).expect("time")
}

pub const JAPANESE: &str = "山田 花子";
pub const HEBREW: &str = "דנה לוי";
pub const LEAVER: &str = "Lee Leaver";
pub const LATE: &str = "Olu Overdue";

fn person(
    id: i64,
    name: &str,
    kind: PersonKind,
    start: NaiveDate,
    end: Option<NaiveDate>,
) -> Person {
    Person {
        id,
        client_id: 1,
        name: name.to_owned(),
        role: "Engineer".to_owned(),
        email: format!("p{id}@example.com"),
        share: 10,
        days_off: Vec::new(),
        kind,
        team: "Platform".to_owned(),
        start_date: Some(start),
        end_date: end,
        access_removed_on: None,
    }
}

/// The register's parts: five people (one left in March 2026, one never trained), one course,
/// one policy in force at version 2.
pub struct Fixture {
    pub branding: Branding,
    pub people: Vec<Person>,
    pub courses: Vec<Course>,
    pub completions: Vec<Completion>,
    pub policies: Vec<CurrentPolicy>,
    pub acks: Vec<Acknowledgement>,
}

impl Fixture {
    pub fn sample() -> Fixture {
        let people = vec![
            person(1, "Ada Admin", PersonKind::Employee, date(2024, 1, 8), None),
            person(2, JAPANESE, PersonKind::Employee, date(2025, 5, 1), None),
            person(3, HEBREW, PersonKind::Contractor, date(2025, 9, 1), None),
            person(
                4,
                LEAVER,
                PersonKind::Employee,
                date(2024, 2, 1),
                Some(date(2026, 3, 31)),
            ),
            person(5, LATE, PersonKind::Employee, date(2026, 1, 5), None),
        ];
        let courses = vec![Course {
            id: 10,
            client_id: 1,
            name: "Security awareness".to_owned(),
            within_days: Some(30),
            every_months: Some(12),
            audience: Audience::Everyone,
        }];
        let done = |id, person_id, on| Completion {
            id,
            person_id,
            course_id: 10,
            completed_on: on,
            evidence: format!("certificate-{person_id}.pdf"),
        };
        let completions = vec![
            done(1, 1, date(2026, 2, 10)),
            done(2, 2, date(2025, 5, 20)),
            done(3, 3, date(2025, 9, 15)),
            done(4, 4, date(2025, 6, 1)),
        ];
        let policies = vec![CurrentPolicy {
            policy_id: "access-control".to_owned(),
            title: "Access Control Policy".to_owned(),
            version: 2,
        }];
        let ack = |person_id, version, on| Acknowledgement {
            person_id,
            assessment_id: 7,
            policy_id: "access-control".to_owned(),
            version,
            acknowledged_on: on,
        };
        let acks = vec![
            ack(1, 2, date(2026, 2, 11)),
            ack(2, 1, date(2025, 5, 21)),
            ack(3, 2, date(2026, 2, 12)),
        ];
        Fixture {
            branding: Branding {
                firm: "Northwind Advisory".to_owned(),
                ..Branding::default()
            },
            people,
            courses,
            completions,
            policies,
            acks,
        }
    }

    pub fn register(&self, today: NaiveDate) -> Register<'_> {
        Register {
            client: "Brightwave",
            branding: &self.branding,
            people: &self.people,
            courses: &self.courses,
            completions: &self.completions,
            policies: &self.policies,
            acks: &self.acks,
            today,
            generated_at: stamp(),
        }
    }
}
