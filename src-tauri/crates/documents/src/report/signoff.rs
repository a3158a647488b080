//! The sign-off page: each approver's name and role with a line to sign, and the date they
//! approved or a line to date it by hand.

use super::context::ReportContext;
use super::flow::{Flow, LEFT, WIDTH};
use super::fonts::Weight;
use super::theme::{long_date, style, BODY, FAINT, INK, LABEL, MUTED};
use super::ReportError;

/// Height of one approver's block.
const BLOCK: f32 = 74.0;

/// The sign-off page, when the assessment names approvers.
pub fn sign_off(flow: &mut Flow, ctx: &ReportContext<'_>, title: &str) -> Result<(), ReportError> {
    if ctx.approvers.is_empty() {
        return Ok(());
    }
    flow.front_matter("Sign-off")?;
    flow.paragraph(
        BODY,
        &format!(
            "By signing, each approver confirms that they have read this {} (version {}) and \
             accept its findings, and the management responses recorded in it, as a fair account \
             of the company's readiness on {}.",
            title.to_lowercase(),
            ctx.version_label(),
            long_date(ctx.date)
        ),
    )?;
    flow.space(14.0);
    let name = style(10.5, Weight::Bold, INK);
    let role = style(8.5, Weight::Regular, MUTED);
    let signed = style(9.5, Weight::Regular, INK);
    let sign_x = LEFT + WIDTH * 0.42;
    let date_x = LEFT + WIDTH * 0.78;
    for a in ctx.approvers {
        flow.ensure(BLOCK);
        let top = flow.y();
        let c = flow.canvas();
        c.text(LEFT, top + 14.0, name, &a.name)?;
        c.text(LEFT, top + 28.0, role, &a.role)?;
        let line_y = top + 40.0;
        c.rule(sign_x, line_y, date_x - 18.0, line_y, 0.6, FAINT);
        c.text(sign_x, line_y + 11.0, LABEL, "SIGNATURE")?;
        match a.signed_on {
            Some(d) => {
                c.text(date_x, line_y - 4.0, signed, &long_date(d))?;
            }
            None => c.rule(date_x, line_y, LEFT + WIDTH, line_y, 0.6, FAINT),
        }
        c.text(date_x, line_y + 11.0, LABEL, "DATE")?;
        flow.advance(BLOCK);
    }
    Ok(())
}
