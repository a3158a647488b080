//! PDF reports. `layout` draws, `fonts` measures; each report module decides what goes where.
//!
//! Output is deterministic: the same inputs and `generated_at` give byte-identical files.

mod fonts;
mod layout;
mod summary;

pub use fonts::FontError;
pub use summary::{readiness_summary, GapLine, SummaryInput};

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Font(#[from] FontError),
}
