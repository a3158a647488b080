//! Training courses, their rules (within N days of joining, again every M months, who must take
//! them) and each person's status on a given day: done, due, overdue or not required.

use crate::error::{DomainError, Result};
use crate::limits;
use crate::people::{Person, PersonKind};
use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use specta::Type;

/// Longest first-training window and refresh period a rule may have.
pub const MAX_WITHIN_DAYS: u32 = 3_650;
pub const MAX_EVERY_MONTHS: u32 = 120;
/// Days before a refresh falls due that it shows as due rather than done.
pub const DUE_SOON_DAYS: u64 = 30;

/// Who must take a course.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", content = "names", rename_all = "snake_case")]
pub enum Audience {
    Everyone,
    EmployeesOnly,
    /// People whose role is one of these (compared without case).
    Roles(Vec<String>),
    /// People whose team is one of these (compared without case).
    Teams(Vec<String>),
}

impl Audience {
    pub fn includes(&self, p: &Person) -> bool {
        let among =
            |list: &[String], v: &str| list.iter().any(|x| x.eq_ignore_ascii_case(v.trim()));
        match self {
            Audience::Everyone => true,
            Audience::EmployeesOnly => p.kind == PersonKind::Employee,
            Audience::Roles(roles) => among(roles, &p.role),
            Audience::Teams(teams) => among(teams, &p.team),
        }
    }

    pub fn label(&self) -> String {
        match self {
            Audience::Everyone => "Everyone".into(),
            Audience::EmployeesOnly => "Employees only".into(),
            Audience::Roles(r) => format!("Roles: {}", r.join(", ")),
            Audience::Teams(t) => format!("Teams: {}", t.join(", ")),
        }
    }
}

/// What a user enters for a course.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct CourseInput {
    pub name: String,
    /// Days after joining by which a new person must have taken it; `None`: no deadline.
    pub within_days: Option<u32>,
    /// Months after which it must be taken again; `None`: once is enough.
    pub every_months: Option<u32>,
    pub audience: Audience,
}

impl CourseInput {
    pub fn cleaned(&self) -> Result<CourseInput> {
        if self.within_days.is_some_and(|d| d > MAX_WITHIN_DAYS) {
            return Err(DomainError::invalid(format!(
                "The first-training window is at most {MAX_WITHIN_DAYS} days."
            )));
        }
        if self
            .every_months
            .is_some_and(|m| m == 0 || m > MAX_EVERY_MONTHS)
        {
            return Err(DomainError::invalid(format!(
                "A course is taken again every 1 to {MAX_EVERY_MONTHS} months."
            )));
        }
        let list = |what: &str, names: &[String]| -> Result<Vec<String>> {
            if names.is_empty() || names.len() > 50 {
                return Err(DomainError::invalid(format!("Name 1 to 50 {what}.")));
            }
            names.iter().map(|n| limits::name(what, n)).collect()
        };
        let audience = match &self.audience {
            Audience::Roles(r) => Audience::Roles(list("roles", r)?),
            Audience::Teams(t) => Audience::Teams(list("teams", t)?),
            other => other.clone(),
        };
        Ok(CourseInput {
            name: limits::name("A course name", &self.name)?,
            within_days: self.within_days,
            every_months: self.every_months,
            audience,
        })
    }
}

/// A course of a client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Course {
    pub id: i64,
    pub client_id: i64,
    pub name: String,
    pub within_days: Option<u32>,
    pub every_months: Option<u32>,
    pub audience: Audience,
}

/// A person took a course on a day; the evidence is a certificate's file name or a note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Completion {
    pub id: i64,
    pub person_id: i64,
    pub course_id: i64,
    pub completed_on: NaiveDate,
    pub evidence: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Done,
    Due,
    Overdue,
    NotRequired,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Done => "Done",
            Status::Due => "Due",
            Status::Overdue => "Overdue",
            Status::NotRequired => "Not required",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Status::Done => "done",
            Status::Due => "due",
            Status::Overdue => "overdue",
            Status::NotRequired => "not_required",
        }
    }
}

/// One person's standing on one course.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct TrainingStatus {
    pub person_id: i64,
    pub course_id: i64,
    pub status: Status,
    pub last_completed: Option<NaiveDate>,
    /// When it must be (or had to be) taken next; `None` when nothing is owed.
    pub due_on: Option<NaiveDate>,
    /// The first training came after the joining window closed.
    pub first_late: bool,
}

/// Where `p` stands on `course` on `today`. A leaver is judged on their last day, so their
/// record still shows what the auditor will sample; someone not yet started owes nothing.
pub fn training_status(
    p: &Person,
    course: &Course,
    completions: &[Completion],
    today: NaiveDate,
) -> TrainingStatus {
    let mine: Vec<NaiveDate> = completions
        .iter()
        .filter(|c| c.person_id == p.id && c.course_id == course.id)
        .map(|c| c.completed_on)
        .collect();
    let first = mine.iter().min().copied();
    let last = mine.iter().max().copied();
    let at = p.end_date.map_or(today, |end| end.min(today));
    let first_deadline = match (p.start_date, course.within_days) {
        (Some(start), Some(n)) => start.checked_add_days(Days::new(n.into())),
        (Some(start), None) => Some(start),
        (None, _) => None,
    };
    let first_late = match (first, first_deadline, course.within_days) {
        (Some(f), Some(d), Some(_)) => f > d,
        _ => false,
    };
    let status = |status, due_on| TrainingStatus {
        person_id: p.id,
        course_id: course.id,
        status,
        last_completed: last,
        due_on,
        first_late,
    };
    let not_started = p.start_date.is_some_and(|s| s > at);
    if !course.audience.includes(p) || not_started {
        return status(Status::NotRequired, None);
    }
    match (last, course.every_months) {
        (None, _) => match first_deadline {
            Some(d) if at > d => status(Status::Overdue, Some(d)),
            d => status(Status::Due, d),
        },
        (Some(_), None) => status(Status::Done, None),
        (Some(l), Some(m)) => {
            let next = l
                .checked_add_months(Months::new(m))
                .unwrap_or(NaiveDate::MAX);
            if at > next {
                status(Status::Overdue, Some(next))
            } else if next
                .checked_sub_days(Days::new(DUE_SOON_DAYS))
                .is_some_and(|s| at >= s)
            {
                status(Status::Due, Some(next))
            } else {
                status(Status::Done, Some(next))
            }
        }
    }
}
