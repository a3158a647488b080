//! The gap register and the remediation plan, built from the catalog, the answers, the audit
//! profile, the client's people and calendar, and the user's edits.
//!
//! Pure and deterministic: the plan date is an input. Gaps that share a remediation key become
//! one action, owned by whoever owns the answers behind it (else the bank's role), ordered by
//! risk and by what must come first, and scheduled on each owner's share of their working days
//! (`schedule`). Preparation tasks for the audit itself are placed backwards from it (`prep`).
//! The user's edits are keyed by remediation key, so they survive every rebuild; edited actions
//! whose gaps are all closed are listed as retired.

mod build;
mod calendar;
mod fit;
mod gaps;
mod model;
mod owners;
mod prep;
mod schedule;
mod validate;

pub use build::{build, PlanInput};
pub use calendar::is_client_work_day;
pub use fit::{deadline, profile_warnings, MIN_OBSERVATION_DAYS};
pub use gaps::{critical, gap_register, observation_start, priority};
pub use model::*;
pub use validate::{validate_edit, validate_profile};

#[cfg(test)]
mod properties;
#[cfg(test)]
mod tests;
