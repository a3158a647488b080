//! Trustgap's documents: the PDF layout engine and the reports built on it (`report`), and the
//! CSV exports (`export`), the Excel workbooks (`workbook`), and the document model (`doc`)
//! that renders to PDF through the engine (`report::render_document`) and to Word (`word`), with
//! the policy documents built on it (`policy`, also as Markdown).
//!
//! Documents read domain types only; they never touch the store or the window.

pub mod doc;
pub mod evidence;
pub mod export;
pub mod logo;
pub mod policy;
pub mod register;
pub mod report;
pub mod word;
pub mod workbook;
