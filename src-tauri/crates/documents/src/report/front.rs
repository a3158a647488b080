//! Front matter shared by the multi-page reports: the cover (client, system, who led it, the
//! firm's logo, version and date, confidentiality marking and disclaimer), the document control
//! page with the version history and the contents page.

use super::brand::{draw_logo, logo_size};
use super::compose::contents;
use super::context::ReportContext;
use super::flow::{Anchor, Flow};
use super::fonts::{face, Weight};
use super::layout::{wrap, CONTENT_WIDTH, MARGIN, PAGE_HEIGHT, PAGE_WIDTH};
use super::table::{Cell, Column, Table};
use super::theme::{
    long_date, style, BODY, BRAND, BRAND_DARK, BRAND_SOFT, BRAND_TINT, CELL, CELL_BOLD, INK, MUTED,
    SMALL, WHITE,
};
use super::ReportError;

/// The marking printed on every page.
pub const MARKING: &str = "Confidential";

/// What a cover says about the document itself.
pub struct CoverText<'a> {
    /// "SOC 2 READINESS ASSESSMENT"
    pub kicker: &'a str,
    /// "Readiness report"
    pub title: &'a str,
}

/// The cover page, drawn by hand on the first page.
pub fn cover(
    flow: &mut Flow,
    ctx: &ReportContext<'_>,
    text: &CoverText<'_>,
) -> Result<(), ReportError> {
    flow.bare_page("Cover");
    let c = flow.canvas();
    let band_h = 330.0;
    c.fill_rect(0.0, 0.0, PAGE_WIDTH, band_h, BRAND);
    c.fill_rect(0.0, band_h, PAGE_WIDTH, 6.0, BRAND_DARK);
    if let Some(size) = logo_size(ctx.branding.logo.as_ref()) {
        // The logo on a white plate at the top right, as a firm's letterhead carries it.
        let (plate_w, plate_h) = (168.0, 72.0);
        let x = PAGE_WIDTH - MARGIN - plate_w;
        c.fill_rect(x, 36.0, plate_w, plate_h, WHITE);
        draw_logo(
            c,
            size,
            x + 12.0,
            48.0,
            plate_w - 24.0,
            plate_h - 24.0,
            false,
        );
    }
    c.fill_rect(MARGIN, 92.0, 36.0, 3.0, WHITE);
    c.text(
        MARGIN,
        118.0,
        style(9.0, Weight::Bold, BRAND_SOFT),
        text.kicker,
    )?;
    let title = style(30.0, Weight::Bold, WHITE);
    let mut y = 162.0;
    for line in wrap(face(Weight::Bold)?, text.title, title.size, CONTENT_WIDTH) {
        c.text(MARGIN, y, title, &line)?;
        y += title.leading();
    }
    let client = style(17.0, Weight::Bold, WHITE);
    y += 8.0;
    for line in wrap(face(Weight::Bold)?, ctx.client, client.size, CONTENT_WIDTH)
        .iter()
        .take(3)
    {
        c.text(MARGIN, y, client, line)?;
        y += client.leading();
    }
    let sub = style(11.0, Weight::Regular, BRAND_SOFT);
    for line in wrap(
        face(Weight::Regular)?,
        ctx.system(),
        sub.size,
        CONTENT_WIDTH,
    )
    .iter()
    .take(2)
    {
        c.text(MARGIN, y + 2.0, sub, line)?;
        y += sub.leading();
    }

    // Facts about the engagement.
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
    let label = style(7.5, Weight::Bold, MUTED);
    let value = style(10.5, Weight::Regular, INK);
    let mut y = band_h + 52.0;
    let value_x = MARGIN + 130.0;
    let value_w = CONTENT_WIDTH - 130.0;
    for (k, v) in &facts {
        c.text(MARGIN, y, label, &k.to_uppercase())?;
        let lines = wrap(face(Weight::Regular)?, v, value.size, value_w);
        for (i, line) in lines.iter().take(3).enumerate() {
            c.text(value_x, y + i as f32 * value.leading(), value, line)?;
        }
        y += lines.len().clamp(1, 3) as f32 * value.leading() + 12.0;
    }

    // Confidentiality marking and the firm's disclaimer, sized to their text.
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
    let notice_lines = wrap(f, &notice, SMALL.size, CONTENT_WIDTH - 36.0).len();
    let box_h = 52.0 + notice_lines as f32 * SMALL.leading();
    let box_top = PAGE_HEIGHT - 76.0 - box_h;
    c.fill_rect(MARGIN, box_top, CONTENT_WIDTH, box_h, BRAND_TINT);
    c.fill_rect(MARGIN, box_top, 4.0, box_h, BRAND);
    c.text(
        MARGIN + 18.0,
        box_top + 24.0,
        style(9.0, Weight::Bold, BRAND),
        &MARKING.to_uppercase(),
    )?;
    c.paragraph(
        MARGIN + 18.0,
        box_top + 42.0,
        CONTENT_WIDTH - 36.0,
        SMALL,
        &notice,
    )?;
    c.text(
        MARGIN,
        PAGE_HEIGHT - 44.0,
        style(8.0, Weight::Bold, BRAND),
        &ctx.prepared_line(),
    )?;
    c.text_right(
        PAGE_WIDTH - MARGIN,
        PAGE_HEIGHT - 44.0,
        SMALL,
        &format!("Question bank {}", ctx.catalog_version),
    )?;
    Ok(())
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

/// The document control page: identity of the document, revision, handling, reading guide.
pub fn document_control(
    flow: &mut Flow,
    ctx: &ReportContext<'_>,
    title: &str,
    guide: &[(&str, &str)],
) -> Result<(), ReportError> {
    flow.front_matter("Document control")?;
    let mut t = Table::plain(vec![Column::new("Item", 1.3), Column::new("Detail", 3.7)]);
    let stamp = ctx.generated_at.format("%-d %B %Y, %H:%M UTC").to_string();
    let rows: Vec<(&str, String)> = vec![
        ("Document", title.to_owned()),
        ("Client", ctx.client.to_owned()),
        ("System", ctx.system().to_owned()),
        ("Assessment", ctx.assessment.to_owned()),
        (
            "Version",
            format!("{}, generated {stamp}", ctx.version_label()),
        ),
        ("Status", status_line(ctx)),
        (
            "Classification",
            format!("{MARKING}: restricted distribution"),
        ),
        ("Led by", ctx.led_by()),
        ("Prepared by", ctx.prepared_by()),
        (
            "Basis",
            if ctx.branding.firm.is_empty() {
                format!(
                    "Trustgap {}, question bank {}; answers as recorded on {}",
                    env!("CARGO_PKG_VERSION"),
                    ctx.catalog_version,
                    long_date(ctx.date)
                )
            } else {
                format!(
                    "Question bank {}; answers as recorded on {}",
                    ctx.catalog_version,
                    long_date(ctx.date)
                )
            },
        ),
    ];
    for (k, v) in rows {
        t.row(vec![Cell::styled(k, CELL_BOLD), Cell::text(v)]);
    }
    flow.table(&t)?;

    flow.heading("", "Version history", 1, 40.0)?;
    let mut rev = Table::new(vec![
        Column::new("Version", 0.8),
        Column::new("Date", 1.2),
        Column::new("Change", 3.0),
        Column::new("By", 1.4),
    ]);
    for v in ctx.versions {
        rev.row(vec![
            Cell::text(v.label()),
            Cell::text(long_date(v.issued_on)),
            Cell::text(v.change.clone()),
            Cell::text(v.author.clone()),
        ]);
    }
    if ctx.versions.is_empty() {
        rev.row(vec![
            Cell::text("Draft"),
            Cell::text(long_date(ctx.date)),
            Cell::text(
                "Not issued yet: each export of this document adds a numbered version here.",
            ),
            Cell::text(ctx.prepared_by()),
        ]);
    }
    flow.table(&rev)?;

    flow.heading("", "Handling", 1, 40.0)?;
    flow.paragraph(
        BODY,
        "Keep this document with the same care as the systems it describes: it names missing \
         controls an attacker would look for. Share it under a non-disclosure agreement, and \
         generate a new version rather than editing this one when answers change.",
    )?;
    if !ctx.branding.disclaimer.trim().is_empty() {
        flow.heading("", "Disclaimer", 1, 40.0)?;
        flow.paragraph(BODY, ctx.branding.disclaimer.trim())?;
    }

    if !guide.is_empty() {
        let mut g = Table::plain(vec![
            Column::new("Part", 1.5),
            Column::new("What it tells you", 3.5),
        ]);
        for (part, what) in guide {
            g.row(vec![
                Cell::styled(*part, CELL_BOLD),
                Cell::styled(*what, CELL),
            ]);
        }
        // The heading goes with the start of its table, never alone at the foot of a page.
        let keep = flow.table_lead(&g)?;
        flow.heading("", "How to read this document", 1, keep)?;
        flow.table(&g)?;
    }
    Ok(())
}

/// The contents page, from the previous layout pass.
pub fn contents_page(flow: &mut Flow, prev: &[Anchor]) -> Result<(), ReportError> {
    flow.front_matter("Contents")?;
    contents(flow, prev)?;
    Ok(())
}
