//! The remediation plan PDF: cover, document control, contents, plan summary (does it fit
//! before the audit; actions by priority, phase and owner), audit preparation and each owner's
//! load per week, the roadmap timeline, the action
//! table, a section per owner and the evidence request list for the auditor.

mod actions;
mod capacity;
mod overview;
mod roadmap;

use super::compose::{compose, Meta, Report};
use super::context::ReportContext;
use super::flow::{Anchor, Flow};
use super::front::{contents_page, cover, document_control, CoverText, MARKING};
use super::signoff::sign_off;
use super::ReportError;

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

/// Lays out the remediation plan report.
pub fn remediation_report(ctx: &ReportContext<'_>) -> Result<Report, ReportError> {
    let composed = compose(TITLE, |flow: &mut Flow, prev: &[Anchor]| {
        cover(
            flow,
            ctx,
            &CoverText {
                kicker: "SOC 2 READINESS ASSESSMENT",
                title: "Remediation plan",
            },
        )?;
        document_control(flow, ctx, TITLE, GUIDE)?;
        sign_off(flow, ctx, TITLE)?;
        contents_page(flow, prev)?;
        overview::plan_summary(flow, ctx, "1")?;
        capacity::people_and_time(flow, ctx, "2")?;
        roadmap::roadmap(flow, ctx, "3")?;
        actions::action_table(flow, ctx, "4")?;
        actions::by_owner(flow, ctx, "5")?;
        actions::evidence_requests(flow, ctx, "6")?;
        Ok(())
    })?;
    let meta = Meta {
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
    };
    Ok(Report::new(composed, meta))
}
