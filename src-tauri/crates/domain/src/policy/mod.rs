//! Policies written from the answers: the template library, generation from an assessment,
//! section edits kept across regeneration, and the approval lifecycle.
//!
//! Pure like the rest of the domain. Templates ship as TOML under `assets/policies/`
//! ([`library`]); [`model`] holds the types every layer shares.

pub mod library;
pub mod markup;
pub mod model;
pub mod validate;

pub use library::{builtin, embedded_sources, parse_library, PolicySources};
pub use model::*;
pub use validate::{validate_library, PolicyIssue};
