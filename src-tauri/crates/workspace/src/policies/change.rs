//! Changes to a policy: its people, its sections' text and its status. Each reads the pack,
//! applies one pure lifecycle step to the record, saves it in one transaction and returns the
//! policy as it reads now.

use super::{clip, PackSource};
use crate::error::ApiError;
use crate::{Result, Workspace};
use chrono::{Months, NaiveDate};
use trustgap_domain::policy::lifecycle::{
    accept_template, edit_section, revert_section, set_status, StatusChange,
};
use trustgap_domain::policy::{
    current_sections, PolicyRecord, PolicyStatus, PolicyTemplate, PolicyView,
};

/// Who changed a policy, for its history: the assessor named on the assessment.
fn author(src: &PackSource) -> String {
    src.record.company.assessor.trim().to_owned()
}

fn stamp() -> String {
    crate::clock::now().to_rfc3339()
}

/// Today's generated text of a section, or a not-found error naming it.
fn generated_section(
    src: &PackSource,
    t: &PolicyTemplate,
    record: &PolicyRecord,
    section_id: &str,
) -> Result<String> {
    src.generate(t, record)
        .sections
        .into_iter()
        .find(|s| s.id == section_id)
        .map(|s| s.text)
        .ok_or_else(|| {
            ApiError::not_found(format!(
                "The policy \"{}\" has no section '{}'.",
                t.title,
                clip(section_id)
            ))
        })
}

impl Workspace {
    fn save_policy(
        &mut self,
        id: i64,
        src: &PackSource,
        t: &PolicyTemplate,
        record: &PolicyRecord,
    ) -> Result<PolicyView> {
        self.store.save_policy_record(id, record)?;
        Ok(src.view(t, record))
    }

    /// Names the owner and the approver (people of the assessment's client; `None` clears).
    /// The approver of an approved version stays as approved: reopen the policy first.
    pub fn set_policy_people(
        &mut self,
        id: i64,
        policy_id: &str,
        owner: Option<i64>,
        approver: Option<i64>,
        today: NaiveDate,
    ) -> Result<PolicyView> {
        let src = self.pack_source(id, today)?;
        let t = src.template(policy_id)?;
        for person in [owner, approver].into_iter().flatten() {
            if !src.people.iter().any(|p| p.id == person) {
                return Err(ApiError::validation(format!(
                    "Person {person} is not one of {}'s people.",
                    src.record.client_name
                )));
            }
        }
        let mut record = src.record_of(policy_id);
        if record.status == PolicyStatus::Approved && record.approver != approver {
            return Err(ApiError::validation(
                "This version is approved: its approver stays. Reopen the policy as a draft to \
                 name another.",
            ));
        }
        record.owner = owner;
        record.approver = approver;
        self.save_policy(id, &src, t, &record)
    }

    /// Replaces a section's text with the user's. On an approved policy this starts a new
    /// draft version; the approved one stays in the history.
    pub fn edit_policy_section(
        &mut self,
        id: i64,
        policy_id: &str,
        section_id: &str,
        text: &str,
        today: NaiveDate,
    ) -> Result<PolicyView> {
        let src = self.pack_source(id, today)?;
        let t = src.template(policy_id)?;
        let mut record = src.record_of(policy_id);
        generated_section(&src, t, &record, section_id)?;
        edit_section(&mut record, section_id, text, "", &author(&src), &stamp())?;
        // The base is what the templates write for the record as it now is (a new version
        // may change the version and dates the text quotes).
        let base = generated_section(&src, t, &record, section_id)?;
        accept_template(&mut record, section_id, &base)?;
        self.save_policy(id, &src, t, &record)
    }

    /// Drops a section's edit: it reads as generated again.
    pub fn revert_policy_section(
        &mut self,
        id: i64,
        policy_id: &str,
        section_id: &str,
        today: NaiveDate,
    ) -> Result<PolicyView> {
        let src = self.pack_source(id, today)?;
        let t = src.template(policy_id)?;
        let mut record = src.record_of(policy_id);
        generated_section(&src, t, &record, section_id)?;
        revert_section(&mut record, section_id, &author(&src), &stamp())?;
        self.save_policy(id, &src, t, &record)
    }

    /// Keeps an edited section's text although the generated text under it changed.
    pub fn accept_policy_template(
        &mut self,
        id: i64,
        policy_id: &str,
        section_id: &str,
        today: NaiveDate,
    ) -> Result<PolicyView> {
        let src = self.pack_source(id, today)?;
        let t = src.template(policy_id)?;
        let mut record = src.record_of(policy_id);
        let generated = generated_section(&src, t, &record, section_id)?;
        accept_template(&mut record, section_id, &generated)?;
        self.save_policy(id, &src, t, &record)
    }

    /// Moves the policy to `status`; approving freezes the text as it reads with the
    /// approval's date and next review filled in.
    pub fn set_policy_status(
        &mut self,
        id: i64,
        policy_id: &str,
        status: PolicyStatus,
        approved_on: Option<NaiveDate>,
        note: &str,
        today: NaiveDate,
    ) -> Result<PolicyView> {
        let src = self.pack_source(id, today)?;
        let t = src.template(policy_id)?;
        let mut record = src.record_of(policy_id);
        let approver = record
            .approver
            .and_then(|a| src.people.iter().find(|p| p.id == a))
            .map(|p| p.name.clone());
        let frozen = if status == PolicyStatus::Approved {
            let mut approved = record.clone();
            approved.status = PolicyStatus::Approved;
            approved.approved_on = approved_on;
            approved.next_review = approved_on
                .and_then(|d| d.checked_add_months(Months::new(u32::from(t.review_months))));
            current_sections(&src.generate(t, &approved), &approved)
        } else {
            Vec::new()
        };
        set_status(
            &mut record,
            StatusChange {
                to: status,
                approver: approver.as_deref(),
                approved_on,
                note,
                author: &author(&src),
                at: &stamp(),
                today,
                review_months: t.review_months,
                frozen,
            },
        )?;
        self.save_policy(id, &src, t, &record)
    }
}
