//! PDF reports. `fonts` measures (the embedded face, then installed `fallback` fonts for other
//! scripts), `bidi` orders right-to-left lines, `missing` collects what no font could draw,
//! `wrap` breaks paragraphs into lines, `layout` and `shapes` draw on a page, `flow` moves a
//! cursor down pages, `table`, `chart` and `compose` (contents, outline, page chrome) build on
//! it; the report modules (`readiness`, `remediation`) only say what goes where; `model` draws a
//! `crate::doc` document (the board brief, `brief`) with the same engine.
//!
//! Output is deterministic: the same inputs and `generated_at` give byte-identical files.

mod bidi;
mod brand;
mod brief;
mod chart;
mod compose;
mod context;
mod control;
mod cover;
mod fallback;
mod flow;
mod fonts;
mod front;
mod graphic;
mod layout;
mod missing;
mod model;
mod readiness;
mod remediation;
mod rich;
mod shapes;
mod signoff;
mod table;
pub(crate) mod theme;
mod timeline;
mod wrap;

pub use brief::{board_brief, strength_sentence, weakest_category, TITLE as BRIEF_TITLE};
pub use compose::{OutlineEntry, Report};
pub use context::{action_ref, ReportContext};
pub use fonts::FontError;
pub use missing::collect_missing_glyphs;
pub use model::{document_report, render_document};
pub use readiness::{readiness_document, readiness_report, ReadinessOptions};
pub use remediation::{remediation_plan, remediation_report, TITLE as PLAN_TITLE};

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Font(#[from] FontError),
    /// The branding's logo could not be read.
    #[error(transparent)]
    Logo(#[from] trustgap_domain::DomainError),
}
