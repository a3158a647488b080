//! Editable exports: spreadsheet-safe CSV tables and JSON.

mod catalog;
pub mod csv;

pub use catalog::catalog_csv;
