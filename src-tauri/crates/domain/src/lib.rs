//! Trustgap's domain: the question bank, answers and scope, scoring, the remediation plan and
//! snapshots.
//!
//! Pure: no storage, windows, files or PDF. The store, the documents and the use cases build on
//! these types; this crate depends on none of them (its `Cargo.toml` is the proof).

pub mod assessment;
pub mod branding;
pub mod catalog;
pub mod costs;
pub mod error;
pub mod evidence;
pub mod evidence_requests;
pub mod limits;
pub mod people;
pub mod plan;
pub mod policy;
pub mod register;
pub mod scoring;
pub mod signoff;
pub mod snapshot;
pub mod vocab;

pub use error::DomainError;
