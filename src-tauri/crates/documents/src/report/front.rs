//! Front matter shared by the multi-page reports: what the cover says (client, system, who led
//! it, version and date, confidentiality marking and disclaimer) and the cover's facts.

use super::context::ReportContext;
use super::fonts::face;
use super::layout::{wrap, CONTENT_WIDTH};
use super::theme::{long_date, SMALL};
use super::ReportError;
use crate::doc::Cover;

/// The marking printed on every page.
pub const MARKING: &str = "Confidential";

/// What a cover says about the document itself.
pub struct CoverText<'a> {
    /// "SOC 2 READINESS ASSESSMENT"
    pub kicker: &'a str,
    /// "Readiness report"
    pub title: &'a str,
}

/// What the cover says: the document, the client and system, the facts of the engagement, the
/// confidentiality notice (with the firm's disclaimer when it is short enough) and the foot.
pub fn cover_of(ctx: &ReportContext<'_>, text: &CoverText<'_>) -> Result<Cover, ReportError> {
    let mut facts: Vec<(&str, String)> = vec![
        ("Client", ctx.client.to_owned()),
        ("System", ctx.system().to_owned()),
        ("Assessment", ctx.assessment.to_owned()),
        ("Audit", audit_line(ctx)),
        ("Categories in scope", ctx.scope_names()),
        ("Led by", ctx.led_by()),
    ];
    if !ctx.branding.firm.is_empty() {
        facts.push(("Prepared by", ctx.branding.firm.clone()));
    }
    facts.push((
        "Version",
        format!("{} · {}", ctx.version_label(), long_date(ctx.date)),
    ));
    let mut notice = format!(
        "This document is confidential to {}. It describes weaknesses in security controls: \
         share it only with the leadership team, the board, the auditors and customers who \
         have signed a non-disclosure agreement. {}",
        ctx.client,
        records_sentence(ctx)
    );
    let f = face(SMALL.weight)?;
    let disclaimer = ctx.branding.disclaimer.trim();
    if !disclaimer.is_empty() {
        // A long disclaimer would run into the facts: it is printed in full on the document
        // control page, and the cover points there.
        if wrap(f, disclaimer, SMALL.size, CONTENT_WIDTH - 36.0).len() <= 6 {
            notice = format!("{notice}\n{disclaimer}");
        } else {
            notice = format!("{notice} The disclaimer is on the document control page.");
        }
    }
    Ok(Cover {
        kicker: text.kicker.to_owned(),
        title: text.title.to_owned(),
        subtitle: ctx.client.to_owned(),
        detail: ctx.system().to_owned(),
        facts: facts.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
        notice_title: MARKING.to_owned(),
        notice,
        foot_left: ctx.prepared_line(),
        foot_right: format!("Question bank {}", ctx.catalog_version),
    })
}

/// What the document records, for the cover's notice: a self-assessment, or who led it.
fn records_sentence(ctx: &ReportContext<'_>) -> String {
    if ctx.company.assessor_led() {
        format!(
            "It records an assessment against the SOC 2 Trust Services Criteria led by {}; it \
             is not an audit opinion or a SOC 2 report.",
            led_by_phrase(ctx)
        )
    } else {
        "It records a self-assessment against the SOC 2 Trust Services Criteria, answered by \
         the company itself; it is not an audit opinion or a SOC 2 report."
            .to_owned()
    }
}

/// "Ana Ruiz of Meridian Assurance", "Ana Ruiz" or "Meridian Assurance".
fn led_by_phrase(ctx: &ReportContext<'_>) -> String {
    let (name, firm) = (
        ctx.company.assessor.trim(),
        ctx.company.assessor_firm.trim(),
    );
    match (name.is_empty(), firm.is_empty()) {
        (false, false) => format!("{name} of {firm}"),
        (false, true) => name.to_owned(),
        _ => firm.to_owned(),
    }
}

/// The document's status line: whose assessment it is, and that it is not an audit opinion.
pub fn status_line(ctx: &ReportContext<'_>) -> String {
    if ctx.company.assessor_led() {
        format!(
            "Readiness assessment led by {}, for discussion; not an audit opinion",
            led_by_phrase(ctx)
        )
    } else {
        "Self-assessment for discussion; not an audit opinion".to_owned()
    }
}

/// "SOC 2 Type I · target date 3 June 2027".
pub fn audit_line(ctx: &ReportContext<'_>) -> String {
    match ctx.profile.target_date {
        Some(d) => format!("{} · target date {}", ctx.audit_type_label(), long_date(d)),
        None => format!("{} · no target date set yet", ctx.audit_type_label()),
    }
}
