//! Editable exports: spreadsheet-safe CSV tables and JSON.

mod catalog;
pub mod csv;
mod json;
mod register;

pub use catalog::catalog_csv;
pub use json::{assessment_json, FORMAT, FORMAT_VERSION};
pub use register::{gaps_csv, plan_csv};
