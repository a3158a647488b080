//! Policies written from the answers: the template library, generation from an assessment,
//! section edits kept across regeneration, and the approval lifecycle.
//!
//! Pure like the rest of the domain. Templates ship as TOML under `assets/policies/`
//! ([`library`]); [`model`] holds the types every layer shares. [`facts`] decides what the
//! answers let a policy state, [`suggest`] and [`fill`] supply the words, [`generate`] writes
//! the pack, [`view`] merges it with the user's edits and approvals, and [`lifecycle`] changes
//! a policy's record.

pub mod diff;
pub mod facts;
pub mod fill;
pub mod generate;
pub mod library;
pub mod lifecycle;
pub mod markup;
pub mod model;
pub mod suggest;
pub mod validate;
pub mod view;

pub use facts::{FactState, Facts};
pub use generate::{generate_policy, in_pack, pack, DocFields, GenerateInput};
pub use library::{builtin, embedded_sources, parse_library, PolicySources};
pub use model::*;
pub use validate::{validate_library, PolicyIssue};
pub use view::{current_sections, doc_fields, policy_view};

#[cfg(test)]
mod generate_tests;
#[cfg(test)]
mod view_tests;
