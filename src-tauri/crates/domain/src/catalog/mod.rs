//! The SOC 2 question bank: categories, criteria, questions, remediations, scoping questions,
//! the coverage map and the mapping from the previous bank.
//!
//! Pure domain code. The bank ships as TOML files under `assets/catalog/`, embedded at compile
//! time ([`embedded`]) and checked by [`validate`]; a `Catalog` that exists has passed validation,
//! so the rest of the app can index it without re-checking references.

mod cadence;
mod changes;
mod coverage;
mod deps;
#[cfg(test)]
pub(crate) mod fixture;
mod load;
mod model;
mod scoping;
mod validate;
mod validate_links;

pub use changes::{upgrade, Merged, Retired, RetiredAnswer, Split, Upgrade};
pub use coverage::CoverageTopic;
pub use deps::dependency_order;
pub use load::{embedded, embedded_sources, parse, CatalogSources};
pub use model::*;
pub use scoping::{recommend, scoping_notes, Recommendation, ScopingNote};
pub use validate::{validate, ValidationError};

/// Why a catalog could not be built.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error("catalog file {file} is not valid TOML for its schema: {message}")]
    Parse { file: String, message: String },
    #[error("the catalog failed validation: {}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<ValidationError>),
}
