//! Planning operations: the audit profile, the gap register and plan, and edits to actions.

use super::{AssessmentSummary, Result, UpdateActionInput, Workspace};
use crate::error::ApiError;
use chrono::NaiveDate;
use trustgap_domain::plan::{build, validate_edit, validate_profile, AuditProfile, Plan};

impl Workspace {
    /// The plan as of `today`: gaps, actions merged with the user's edits, and the fit.
    pub fn plan(&self, id: i64, today: NaiveDate) -> Result<Plan> {
        let record = self.store.assessment(id)?;
        let responses = self.store.responses(id)?;
        let edits = self.store.plan_edits(id)?;
        Ok(build(
            self.catalog,
            &record.scope,
            &responses,
            &record.profile,
            &edits,
            today,
        ))
    }

    pub fn update_action(&mut self, input: &UpdateActionInput, today: NaiveDate) -> Result<Plan> {
        if self.catalog.remediation(&input.key).is_none() {
            return Err(ApiError::not_found(format!(
                "Remediation '{}' is not in the question bank.",
                input.key
            )));
        }
        validate_edit(&input.edit)?;
        let mut edit = input.edit.clone();
        edit.owner = edit.owner.map(|o| o.trim().to_owned());
        self.store
            .save_plan_edit(input.assessment_id, &input.key, &edit)?;
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
