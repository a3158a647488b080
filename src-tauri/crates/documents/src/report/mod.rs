//! PDF reports. `fonts` measures, `layout` and `shapes` draw on a page, `flow` moves a cursor
//! down pages, `table`, `chart` and `compose` (contents, outline, page chrome) build on it; the
//! report modules (`readiness`, `remediation`) only say what goes where; `model` draws a
//! `crate::doc` document (the board brief, `brief`) with the same engine.
//!
//! Output is deterministic: the same inputs and `generated_at` give byte-identical files.

mod brief;
mod chart;
mod compose;
mod context;
mod flow;
mod fonts;
mod front;
mod layout;
mod model;
mod readiness;
mod remediation;
mod shapes;
mod table;
mod theme;

pub use brief::{board_brief, strength_sentence, weakest_category, TITLE as BRIEF_TITLE};
pub use compose::{OutlineEntry, Report};
pub use context::{action_ref, ReportContext};
pub use fonts::FontError;
pub use model::render_document;
pub use readiness::{readiness_report, ReadinessOptions};
pub use remediation::remediation_report;

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Font(#[from] FontError),
}
