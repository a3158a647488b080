//! PDF reports. `fonts` measures, `layout` and `shapes` draw on a page, `flow` moves a cursor
//! down pages, `table`, `chart` and `compose` (contents, outline, page chrome) build on it; the
//! report modules (`summary`, `readiness`, `remediation`) only say what goes where.
//!
//! Output is deterministic: the same inputs and `generated_at` give byte-identical files.

mod brand;
mod chart;
mod compose;
mod context;
mod flow;
mod fonts;
mod front;
mod layout;
mod readiness;
mod remediation;
mod shapes;
mod signoff;
mod summary;
mod table;
mod theme;

pub use compose::{OutlineEntry, Report};
pub use context::{action_ref, ReportContext};
pub use fonts::FontError;
pub use readiness::{readiness_report, ReadinessOptions};
pub use remediation::remediation_report;
pub use summary::{readiness_summary, GapLine, SummaryInput};

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Font(#[from] FontError),
    /// The branding's logo could not be read.
    #[error(transparent)]
    Logo(#[from] trustgap_domain::DomainError),
}
