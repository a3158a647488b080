//! Entering a workshop sign-sheet's results afterwards: who signed, for which policies in
//! force, on which day — checked in full, then written in one transaction.

use crate::error::ApiError;
use crate::{Result, Workspace};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::BTreeSet;
use trustgap_domain::people::Person;

/// What the consultant read off a signed sheet.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Type)]
pub struct SignSheetResults {
    /// The people who signed (the client's, working there on `signed_on`).
    pub person_ids: Vec<i64>,
    /// The policies the session covered; each is acknowledged in its version in force.
    pub policy_ids: Vec<String>,
    pub signed_on: NaiveDate,
}

/// What recording a sheet did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
pub struct SignSheetRecorded {
    pub people: u32,
    pub policies: u32,
    /// Acknowledgements written; one already on record keeps its first day and is not counted.
    pub added: u32,
}

/// Whether `p` worked there on `day`: started (or no start recorded) and not yet left. The
/// sign-sheet lists the same people.
fn current_on(p: &Person, day: NaiveDate) -> bool {
    !p.left_by(day) && p.start_date.is_none_or(|s| s <= day)
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Workspace {
    /// Records a signed sheet: one acknowledgement per person and policy, in the version in
    /// force. Nothing is written unless every person and policy is acceptable.
    pub fn record_sign_sheet(
        &mut self,
        assessment_id: i64,
        results: &SignSheetResults,
        today: NaiveDate,
    ) -> Result<SignSheetRecorded> {
        let on = results.signed_on;
        trustgap_domain::limits::plausible_date("The day the sheet was signed", on)?;
        if on > today {
            return Err(ApiError::validation(format!(
                "{on} is in the future: record a sheet once it is signed."
            )));
        }
        let client_id = self.store.assessment(assessment_id)?.client_id;
        let in_force = self.current_policies(assessment_id)?;
        if in_force.is_empty() {
            return Err(ApiError::validation(
                "No policy is approved yet: approve the policies of the session first.",
            ));
        }
        let wanted: BTreeSet<&str> = results.policy_ids.iter().map(String::as_str).collect();
        if wanted.is_empty() {
            return Err(ApiError::validation(
                "Tick at least one policy of the session.",
            ));
        }
        let mut policies = Vec::with_capacity(wanted.len());
        for id in wanted {
            let p = in_force.iter().find(|p| p.policy_id == id).ok_or_else(|| {
                ApiError::validation(format!(
                    "\"{}\" is not an approved policy of this assessment.",
                    id.chars().take(80).collect::<String>()
                ))
            })?;
            policies.push((p.policy_id.clone(), p.version));
        }
        let ids: BTreeSet<i64> = results.person_ids.iter().copied().collect();
        if ids.is_empty() {
            return Err(ApiError::validation("Tick at least one person who signed."));
        }
        let roster = self.people(client_id)?;
        for &id in &ids {
            let p = roster.iter().find(|p| p.id == id).ok_or_else(|| {
                ApiError::validation(format!(
                    "Person {id} is not in this client's register: read the list again."
                ))
            })?;
            if !current_on(p, on) {
                return Err(ApiError::validation(format!(
                    "{} did not work there on {on} (not yet started, or already left): they \
                     cannot have signed that day.",
                    p.name
                )));
            }
        }
        let people: Vec<i64> = ids.into_iter().collect();
        let added = self
            .store
            .acknowledge_many(assessment_id, &people, &policies, on)?;
        Ok(SignSheetRecorded {
            people: count(people.len()),
            policies: count(policies.len()),
            added,
        })
    }
}
