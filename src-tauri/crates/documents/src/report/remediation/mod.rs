//! The remediation plan, built once on the document model (PDF through the layout engine, Word
//! through `word::docx`): cover, document control, contents, plan summary (does it fit before
//! the audit; actions by priority, phase and owner), audit preparation and each owner's load
//! per week, the roadmap timeline, the action table, a section per owner and the evidence
//! request list for the auditor.

mod actions;
mod capacity;
mod overview;
mod roadmap;

use super::context::ReportContext;
use super::control::{control_blocks, sign_off_blocks};
use super::front::{cover_of, CoverText, MARKING};
use super::model::document_report;
use super::{Report, ReportError};
use crate::doc::{Block, Document, Meta, Tone};
use trustgap_domain::plan::Priority;

pub const TITLE: &str = "SOC 2 remediation plan";

const GUIDE: &[(&str, &str)] = &[
    (
        "Plan summary",
        "Whether the plan finishes before the audit, and the actions by priority, phase and owner.",
    ),
    (
        "Audit preparation and workload",
        "The steps of getting the audit itself ready, and each owner's time week by week.",
    ),
    (
        "Roadmap",
        "Every action on a timeline against today, the readiness deadline and the audit date.",
    ),
    (
        "Actions",
        "The full list: what, which criteria it closes, who, how urgent, how big and when.",
    ),
    (
        "Actions by owner",
        "What each person has to do, in detail, to hand to them as their brief.",
    ),
    (
        "Evidence request list",
        "What to collect for each action: the records an auditor will ask to see.",
    ),
];

/// The remediation plan as a model document: cover, document control, sign-off, contents and
/// the six chapters.
pub fn remediation_plan(ctx: &ReportContext<'_>) -> Result<Document, ReportError> {
    let cover = cover_of(
        ctx,
        &CoverText {
            kicker: "SOC 2 READINESS ASSESSMENT",
            title: "Remediation plan",
        },
    )?;
    let mut blocks = vec![Block::Cover(cover)];
    blocks.extend(control_blocks(ctx, TITLE, GUIDE));
    blocks.extend(sign_off_blocks(ctx, TITLE));
    blocks.extend([Block::FrontPage("Contents".to_owned()), Block::Contents]);
    blocks.extend(overview::plan_summary(ctx, "1"));
    blocks.extend(capacity::people_and_time(ctx, "2"));
    blocks.extend(roadmap::roadmap(ctx, "3"));
    blocks.extend(actions::action_table(ctx, "4"));
    blocks.extend(actions::by_owner(ctx, "5"));
    blocks.extend(actions::evidence_requests(ctx, "6"));
    Ok(Document {
        meta: Meta {
            title: format!("{TITLE}: {}", ctx.client),
            subject: format!(
                "Remediation plan for the SOC 2 gap assessment of {}: actions, owners, dates and \
                 evidence",
                ctx.assessment
            ),
            keywords: vec![
                "SOC 2".to_owned(),
                "remediation plan".to_owned(),
                "roadmap".to_owned(),
                ctx.client.to_owned(),
            ],
            author: ctx.prepared_by(),
            generated_at: ctx.generated_at,
            running_head: format!("{} · {TITLE}", ctx.client),
            marking: MARKING.to_owned(),
            footer: ctx.footer_line("dates are a plan, not a commitment"),
            branding: ctx.branding.clone(),
        },
        blocks,
    })
}

/// Lays out the remediation plan report (PDF).
pub fn remediation_report(ctx: &ReportContext<'_>) -> Result<Report, ReportError> {
    document_report(&remediation_plan(ctx)?)
}

/// The tone a priority reads as: the theme's priority colours.
fn priority_tone(p: Priority) -> Tone {
    match p {
        Priority::P1 => Tone::Critical,
        Priority::P2 => Tone::Warning,
        Priority::P3 => Tone::Info,
        Priority::P4 => Tone::Muted,
    }
}
