//! Each person's acknowledgement of each policy in force, decided by the domain
//! (`register::ack_status`) and worded by it, so the window shows the states without a copy of
//! the rule.

use crate::{Result, Workspace};
use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;
use trustgap_domain::register::{ack_status, newest_acknowledgement, AckState};

/// One person against one policy in force, as the Acknowledgements tab shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct AckStatusView {
    pub person_id: i64,
    pub policy_id: String,
    pub version_in_force: u32,
    pub state: AckState,
    pub label: String,
    /// The version of the person's newest acknowledgement of the policy, if any.
    pub acknowledged_version: Option<u32>,
    pub acknowledged_on: Option<NaiveDate>,
}

impl Workspace {
    /// Every person in the client's register (leavers too, as the tab lists them) against every
    /// policy of the assessment in force, by person then policy.
    pub fn acknowledgement_statuses(&self, assessment_id: i64) -> Result<Vec<AckStatusView>> {
        let client = self.store.assessment(assessment_id)?.client_id;
        let people = self.people(client)?;
        let policies = self.current_policies(assessment_id)?;
        let acks = self.store.acknowledgements(assessment_id)?;
        let mut rows = Vec::with_capacity(people.len() * policies.len());
        for person in &people {
            for policy in &policies {
                let state = ack_status(person.id, policy, &acks);
                let newest = newest_acknowledgement(person.id, &policy.policy_id, &acks);
                rows.push(AckStatusView {
                    person_id: person.id,
                    policy_id: policy.policy_id.clone(),
                    version_in_force: policy.version,
                    state,
                    label: state.label().to_owned(),
                    acknowledged_version: newest.map(|a| a.version),
                    acknowledged_on: newest.map(|a| a.acknowledged_on),
                });
            }
        }
        Ok(rows)
    }
}
