//! The people register's use cases: the roster import, courses, training completions and their
//! status, policy acknowledgements (one by one or from a signed sheet), the register's gaps
//! and what it suggests for the questionnaire, and erasing a person.

mod ack_statuses;
mod documents;
mod overview;
mod roster;
mod sign_sheet;

pub use ack_statuses::AckStatusView;
pub use documents::RegisterFile;
pub use overview::RegisterOverview;
pub use sign_sheet::{SignSheetRecorded, SignSheetResults};

pub use roster::{describe_problems, read_roster_file, RosterPreview, MAX_ROSTER_BYTES};

use crate::error::ApiError;
use crate::{Result, Workspace};
use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;
use trustgap_domain::people::Person;
use trustgap_domain::policy::{library, PolicyStatus};
use trustgap_domain::register::{
    register_gaps, training_status, Acknowledgement, Completion, Course, CourseInput,
    CurrentPolicy, RegisterGap, Status,
};

/// One person's standing on one course, as the lists show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct TrainingRow {
    pub person_id: i64,
    pub person: String,
    pub email: String,
    pub course_id: i64,
    pub course: String,
    pub status: Status,
    pub status_label: String,
    pub last_completed: Option<NaiveDate>,
    pub due_on: Option<NaiveDate>,
}

/// What an erasure did: how many rows went, and whether the file was rewritten.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
pub struct ErasureView {
    pub rows_removed: i64,
    pub file_cleared: bool,
}

impl Workspace {
    /// The person of a client with this email address (compared without case).
    pub fn person_by_email(&self, client_id: i64, email: &str) -> Result<Person> {
        self.people(client_id)?
            .into_iter()
            .find(|p| !p.email.is_empty() && p.email.eq_ignore_ascii_case(email.trim()))
            .ok_or_else(|| ApiError::not_found(format!("No one with the email {email}.")))
    }

    pub fn courses(&self, client_id: i64) -> Result<Vec<Course>> {
        self.store.client(client_id)?;
        Ok(self.store.courses(client_id)?)
    }

    /// The client's course with this name (compared without case).
    pub fn course_by_name(&self, client_id: i64, name: &str) -> Result<Course> {
        self.courses(client_id)?
            .into_iter()
            .find(|c| c.name.eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| ApiError::not_found(format!("No course called {name}.")))
    }

    pub fn add_course(&mut self, client_id: i64, input: &CourseInput) -> Result<Course> {
        Ok(self.store.add_course(client_id, input)?)
    }

    pub fn update_course(&mut self, id: i64, input: &CourseInput) -> Result<Course> {
        Ok(self.store.update_course(id, input)?)
    }

    /// Removes a course and its completions.
    pub fn remove_course(&mut self, id: i64) -> Result<()> {
        Ok(self.store.remove_course(id)?)
    }

    /// Records that a person took a course on a day (not after `today`).
    pub fn record_completion(
        &mut self,
        person_id: i64,
        course_id: i64,
        on: NaiveDate,
        evidence: &str,
        today: NaiveDate,
    ) -> Result<Completion> {
        trustgap_domain::limits::plausible_date("The completion date", on)?;
        if on > today {
            return Err(ApiError::validation(format!(
                "{on} is in the future; record training once it is done."
            )));
        }
        Ok(self
            .store
            .record_completion(person_id, course_id, on, evidence)?)
    }

    pub fn remove_completion(&mut self, id: i64) -> Result<()> {
        Ok(self.store.remove_completion(id)?)
    }

    /// The completions of a client's people, oldest first.
    pub fn completions(&self, client_id: i64) -> Result<Vec<Completion>> {
        self.store.client(client_id)?;
        Ok(self.store.completions(client_id)?)
    }

    /// Every person's standing on every course on `today`, by person then course.
    pub fn training_list(&self, client_id: i64, today: NaiveDate) -> Result<Vec<TrainingRow>> {
        let people = self.people(client_id)?;
        let courses = self.store.courses(client_id)?;
        let completions = self.store.completions(client_id)?;
        let mut rows = Vec::with_capacity(people.len() * courses.len());
        for p in &people {
            for c in &courses {
                let s = training_status(p, c, &completions, today);
                rows.push(TrainingRow {
                    person_id: p.id,
                    person: p.name.clone(),
                    email: p.email.clone(),
                    course_id: c.id,
                    course: c.name.clone(),
                    status: s.status,
                    status_label: s.status.label().to_owned(),
                    last_completed: s.last_completed,
                    due_on: s.due_on,
                });
            }
        }
        Ok(rows)
    }

    /// The assessment's policies in force: each one's newest approved version.
    pub fn current_policies(&self, assessment_id: i64) -> Result<Vec<CurrentPolicy>> {
        let lib = library::builtin();
        Ok(self
            .store
            .policy_records(assessment_id)?
            .into_iter()
            .filter_map(|r| {
                let version = r.version_in_force()?;
                let title = lib
                    .policy(&r.policy_id)
                    .map_or_else(|| r.policy_id.clone(), |t| t.title.clone());
                Some(CurrentPolicy {
                    policy_id: r.policy_id,
                    title,
                    version,
                })
            })
            .collect())
    }

    /// Records that a person acknowledged an approved version of one of the assessment's
    /// policies on a day (not after `today`).
    pub fn acknowledge_policy(
        &mut self,
        assessment_id: i64,
        person_id: i64,
        policy_id: &str,
        version: u32,
        on: NaiveDate,
        today: NaiveDate,
    ) -> Result<()> {
        trustgap_domain::limits::plausible_date("The acknowledgement date", on)?;
        if on > today {
            return Err(ApiError::validation(format!("{on} is in the future.")));
        }
        let approved = self
            .store
            .policy_records(assessment_id)?
            .into_iter()
            .find(|r| r.policy_id == policy_id)
            .is_some_and(|r| {
                r.revisions
                    .iter()
                    .any(|v| v.status == PolicyStatus::Approved && v.version == version)
            });
        if !approved {
            return Err(ApiError::validation(format!(
                "Version {version} of {policy_id} was never approved; only an approved version \
                 can be acknowledged."
            )));
        }
        Ok(self
            .store
            .acknowledge_policy(person_id, assessment_id, policy_id, version, on)?)
    }

    pub fn acknowledgements(&self, assessment_id: i64) -> Result<Vec<Acknowledgement>> {
        Ok(self.store.acknowledgements(assessment_id)?)
    }

    /// The register's gaps on `today` for the assessment's client, against its policies.
    pub fn register_gaps(&self, assessment_id: i64, today: NaiveDate) -> Result<Vec<RegisterGap>> {
        let client = self.store.assessment(assessment_id)?.client_id;
        Ok(register_gaps(
            &self.people(client)?,
            &self.store.courses(client)?,
            &self.store.completions(client)?,
            &self.current_policies(assessment_id)?,
            &self.store.acknowledgements(assessment_id)?,
            today,
        ))
    }

    /// Erases a person: their rows everywhere, their name from the texts that quote it, and
    /// the bytes from the database file. Only the day and the count stay.
    pub fn erase_person(&mut self, person_id: i64, today: NaiveDate) -> Result<ErasureView> {
        let e = self.store.erase_person(person_id, today)?;
        Ok(ErasureView {
            rows_removed: e.rows_removed,
            file_cleared: e.file_cleared,
        })
    }
}
