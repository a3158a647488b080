//! Acknowledgements of policy versions: a person confirms they read version N of a policy; once
//! a newer version is approved, that confirmation is stale.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Acknowledgement {
    pub person_id: i64,
    pub assessment_id: i64,
    pub policy_id: String,
    pub version: u32,
    pub acknowledged_on: NaiveDate,
}

/// A policy's version in force: the newest approved one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct CurrentPolicy {
    pub policy_id: String,
    pub title: String,
    pub version: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum AckState {
    Current,
    /// Acknowledged an older version than the one in force.
    Stale,
    Missing,
}

impl AckState {
    pub fn label(self) -> &'static str {
        match self {
            AckState::Current => "Acknowledged",
            AckState::Stale => "Acknowledged an older version",
            AckState::Missing => "Not acknowledged",
        }
    }
}

/// The acknowledgement of `policy_id` by `person_id` with the highest version (the latest day
/// among equals), if any: the one their state is decided on.
pub fn newest_acknowledgement<'a>(
    person_id: i64,
    policy_id: &str,
    acks: &'a [Acknowledgement],
) -> Option<&'a Acknowledgement> {
    acks.iter()
        .filter(|a| a.person_id == person_id && a.policy_id == policy_id)
        .max_by_key(|a| (a.version, a.acknowledged_on))
}

/// Whether `person_id` acknowledged the version of `policy` in force, an older one, or none.
pub fn ack_status(person_id: i64, policy: &CurrentPolicy, acks: &[Acknowledgement]) -> AckState {
    let newest = newest_acknowledgement(person_id, &policy.policy_id, acks).map(|a| a.version);
    match newest {
        Some(v) if v >= policy.version => AckState::Current,
        Some(_) => AckState::Stale,
        None => AckState::Missing,
    }
}
