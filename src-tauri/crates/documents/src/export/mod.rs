//! Editable exports: spreadsheet-safe CSV tables (the JSON export of a whole assessment is the
//! use-case layer's, since it serialises its views).

mod catalog;
mod controls;
pub mod csv;
mod register;

pub use catalog::catalog_csv;
pub use controls::{controls_csv, CONTROLS_HEADER};
pub use register::{gaps_csv, plan_csv};
