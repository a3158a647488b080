//! Signatures in PDF: the model's sign-off block (each signatory's lines, kept whole on a page).

use super::flow::{Flow, LEFT, WIDTH};
use super::fonts::{face, FontError, Weight};
use super::layout::wrap;
use super::theme::{style, FAINT, INK, LABEL, MUTED};
use crate::doc::Signatory;

/// Height of one signatory's block.
pub(super) const SIGNATORY_H: f32 = 62.0;

/// Each signatory's name and role, a line to sign on and the date (or a line to date by hand),
/// kept whole on one page.
pub(super) fn signatories(flow: &mut Flow, people: &[Signatory]) -> Result<(), FontError> {
    let name = style(10.5, Weight::Bold, INK);
    let role = style(8.5, Weight::Regular, MUTED);
    let sign_x = LEFT + WIDTH * 0.42;
    let date_x = LEFT + WIDTH * 0.76;
    let name_w = sign_x - LEFT - 14.0;
    for p in people {
        flow.block(SIGNATORY_H, |c, x, top| {
            let line_y = top + 36.0;
            let shown = wrap(face(Weight::Bold)?, &p.name, name.size, name_w);
            c.text(
                x,
                line_y - 4.0,
                name,
                shown.first().map_or("", String::as_str),
            )?;
            let roles = wrap(face(Weight::Regular)?, &p.role, role.size, name_w);
            c.text(
                x,
                line_y + 11.0,
                role,
                roles.first().map_or("", String::as_str),
            )?;
            c.rule(sign_x, line_y, date_x - 16.0, line_y, 0.6, FAINT);
            c.text(sign_x, line_y + 11.0, LABEL, "SIGNATURE")?;
            if p.date.trim().is_empty() {
                c.rule(date_x, line_y, x + WIDTH, line_y, 0.6, FAINT);
            } else {
                c.text(
                    date_x,
                    line_y - 4.0,
                    style(9.5, Weight::Regular, INK),
                    &p.date,
                )?;
            }
            c.text(date_x, line_y + 11.0, LABEL, "DATE")?;
            Ok(())
        })?;
    }
    flow.space(6.0);
    Ok(())
}
