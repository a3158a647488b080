//! Planning operations: the audit profile, the gap register and plan, and edits to actions and
//! preparation tasks.

use super::{AssessmentSummary, Result, UpdateActionInput, Workspace};
use crate::error::ApiError;
use chrono::NaiveDate;
use trustgap_domain::plan::{
    build, profile_warnings, validate_edit, validate_profile, AuditProfile, Plan, PlanInput,
};

impl Workspace {
    /// The plan as of `today`: gaps, actions merged with the user's edits, scheduled on the
    /// client's people and calendar, the preparation tasks and the fit.
    pub fn plan(&self, id: i64, today: NaiveDate) -> Result<Plan> {
        let record = self.store.assessment(id)?;
        let responses = self.store.responses(id)?;
        let edits = self.store.plan_edits(id)?;
        let people = self.store.people(record.client_id)?;
        let calendar = self.store.client_calendar(record.client_id)?;
        let expired = self.expired_evidence(id, today)?;
        Ok(build(&PlanInput {
            catalog: self.catalog,
            scope: &record.scope,
            responses: &responses,
            profile: &record.profile,
            edits: &edits,
            people: &people,
            calendar: &calendar,
            plan_date: today,
            expired_evidence: &expired,
        }))
    }

    /// Saves the user's change to one action (by remediation key) or preparation task (by its
    /// key). A due date set alone must not fall before the action's start: it is refused with
    /// the start it would contradict, never silently moved.
    pub fn update_action(&mut self, input: &UpdateActionInput, today: NaiveDate) -> Result<Plan> {
        let current = self.plan(input.assessment_id, today)?;
        let is_prep = current.prep.iter().any(|p| p.key == input.key);
        if self.catalog.remediation(&input.key).is_none() && !is_prep {
            return Err(ApiError::not_found(format!(
                "'{}' is neither an action of the question bank nor a preparation task of this \
                 plan.",
                input.key
            )));
        }
        validate_edit(&input.edit)?;
        if is_prep && (input.edit.start.is_some() || input.edit.due.is_some()) {
            return Err(ApiError::validation(
                "Preparation tasks are dated from the audit: change the audit date instead.",
            ));
        }
        let record = self.store.assessment(input.assessment_id)?;
        self.check_owner(record.client_id, input.edit.owner.as_ref())?;
        if let (None, Some(due)) = (input.edit.start, input.edit.due) {
            let start = current
                .actions
                .iter()
                .find(|a| a.key == input.key)
                .map(|a| a.start);
            if let Some(start) = start.filter(|s| due < *s) {
                return Err(ApiError::validation(format!(
                    "The due date ({}) is before the action's start ({}): set an earlier start \
                     as well, or choose a later due date.",
                    due.format("%-d %b %Y"),
                    start.format("%-d %b %Y")
                )));
            }
        }
        self.store
            .save_plan_edit(input.assessment_id, &input.key, &input.edit)?;
        self.plan(input.assessment_id, today)
    }

    pub fn set_audit_profile(
        &mut self,
        id: i64,
        profile: &AuditProfile,
    ) -> Result<AssessmentSummary> {
        validate_profile(profile)?;
        self.store.set_profile(id, profile)?;
        Ok(self.detail(id)?.summary)
    }
}

/// What the user should know about an audit profile before saving it (a past date, a short
/// observation period), as of `today`.
pub fn audit_profile_warnings(profile: &AuditProfile, today: NaiveDate) -> Result<Vec<String>> {
    validate_profile(profile)?;
    Ok(profile_warnings(profile, today))
}
