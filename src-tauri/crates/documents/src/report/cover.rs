//! A model [`Cover`] drawn as a page of its own: the brand band with the kicker, title, client
//! and system, the firm's logo on a white plate, the facts, the notice sized to its text, and
//! the foot line. No page chrome: the flow's first page is left bare.

use super::brand::{draw_logo, logo_size};
use super::flow::Flow;
use super::fonts::{face, Weight};
use super::layout::{wrap, CONTENT_WIDTH, MARGIN, PAGE_HEIGHT, PAGE_WIDTH};
use super::theme::{style, BRAND, BRAND_DARK, BRAND_SOFT, BRAND_TINT, INK, MUTED, SMALL, WHITE};
use super::ReportError;
use crate::doc::Cover;
use trustgap_domain::branding::Branding;

/// Draws `cover` on a bare page, with `branding`'s logo when it has one.
pub fn draw_cover(flow: &mut Flow, cover: &Cover, branding: &Branding) -> Result<(), ReportError> {
    flow.bare_page("Cover");
    let c = flow.canvas();
    let band_h = 330.0;
    c.fill_rect(0.0, 0.0, PAGE_WIDTH, band_h, BRAND);
    c.fill_rect(0.0, band_h, PAGE_WIDTH, 6.0, BRAND_DARK);
    if let Some(size) = logo_size(branding.logo.as_ref()) {
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
        &cover.kicker,
    )?;
    let title = style(30.0, Weight::Bold, WHITE);
    let mut y = 162.0;
    for line in wrap(face(Weight::Bold)?, &cover.title, title.size, CONTENT_WIDTH) {
        c.text(MARGIN, y, title, &line)?;
        y += title.leading();
    }
    let client = style(17.0, Weight::Bold, WHITE);
    y += 8.0;
    for line in wrap(
        face(Weight::Bold)?,
        &cover.subtitle,
        client.size,
        CONTENT_WIDTH,
    )
    .iter()
    .take(3)
    {
        c.text(MARGIN, y, client, line)?;
        y += client.leading();
    }
    let sub = style(11.0, Weight::Regular, BRAND_SOFT);
    for line in wrap(
        face(Weight::Regular)?,
        &cover.detail,
        sub.size,
        CONTENT_WIDTH,
    )
    .iter()
    .take(2)
    {
        c.text(MARGIN, y + 2.0, sub, line)?;
        y += sub.leading();
    }

    let label = style(7.5, Weight::Bold, MUTED);
    let value = style(10.5, Weight::Regular, INK);
    let mut y = band_h + 52.0;
    let value_x = MARGIN + 130.0;
    let value_w = CONTENT_WIDTH - 130.0;
    for (k, v) in &cover.facts {
        c.text(MARGIN, y, label, &k.to_uppercase())?;
        let lines = wrap(face(Weight::Regular)?, v, value.size, value_w);
        for (i, line) in lines.iter().take(3).enumerate() {
            c.text(value_x, y + i as f32 * value.leading(), value, line)?;
        }
        y += lines.len().clamp(1, 3) as f32 * value.leading() + 12.0;
    }

    // The notice sits above the foot line, as tall as its text.
    let f = face(SMALL.weight)?;
    let notice_lines = wrap(f, &cover.notice, SMALL.size, CONTENT_WIDTH - 36.0).len();
    let box_h = 52.0 + notice_lines as f32 * SMALL.leading();
    let box_top = PAGE_HEIGHT - 76.0 - box_h;
    c.fill_rect(MARGIN, box_top, CONTENT_WIDTH, box_h, BRAND_TINT);
    c.fill_rect(MARGIN, box_top, 4.0, box_h, BRAND);
    c.text(
        MARGIN + 18.0,
        box_top + 24.0,
        style(9.0, Weight::Bold, BRAND),
        &cover.notice_title.to_uppercase(),
    )?;
    c.paragraph(
        MARGIN + 18.0,
        box_top + 42.0,
        CONTENT_WIDTH - 36.0,
        SMALL,
        &cover.notice,
    )?;
    c.text(
        MARGIN,
        PAGE_HEIGHT - 44.0,
        style(8.0, Weight::Bold, BRAND),
        &cover.foot_left,
    )?;
    c.text_right(
        PAGE_WIDTH - MARGIN,
        PAGE_HEIGHT - 44.0,
        SMALL,
        &cover.foot_right,
    )?;
    Ok(())
}
