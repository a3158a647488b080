//! Trustgap's documents: the PDF layout engine and the reports built on it (`report`), and the
//! CSV exports (`export`).
//!
//! Documents read domain types only; they never touch the store or the window.

pub mod export;
pub mod logo;
pub mod report;
