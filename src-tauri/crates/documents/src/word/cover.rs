//! A model [`Cover`] in Word: the kicker, the title (Title style), the client and system, the
//! facts as a borderless label/value table, the notice as a shaded box and the foot line. The
//! section's first page has a header and footer of its own, left empty (see `docx`).

use super::blocks::{cell_text, gap, grid, shaded, styled, tone_tint};
use super::styles::{self, BRAND, MUTED};
use super::TEXT_W;
use crate::doc::{Cover, Tone};
use docx_rs::{
    BorderType, Docx, Paragraph, Run, Table as WTable, TableCell, TableCellBorder,
    TableCellBorderPosition, TableRow, WidthType,
};

pub fn cover(d: Docx, c: &Cover) -> Docx {
    let widths = grid(&[1.3, 3.7]);
    let facts: Vec<TableRow> = c
        .facts
        .iter()
        .map(|(k, v)| {
            TableRow::new(vec![
                TableCell::new()
                    .width(widths[0], WidthType::Dxa)
                    .add_paragraph(cell_text(&k.to_uppercase(), true, MUTED, 14)),
                TableCell::new()
                    .width(widths[1], WidthType::Dxa)
                    .add_paragraph(cell_text(v, false, styles::INK, 21)),
            ])
        })
        .collect();
    let mut notice = TableCell::new()
        .width(TEXT_W, WidthType::Dxa)
        .shading(shaded(tone_tint(Tone::Neutral)))
        .set_border(
            TableCellBorder::new(TableCellBorderPosition::Left)
                .border_type(BorderType::Single)
                .size(36)
                .color(BRAND),
        )
        .add_paragraph(cell_text(&c.notice_title.to_uppercase(), true, BRAND, 18));
    for line in c.notice.lines().filter(|l| !l.trim().is_empty()) {
        notice = notice.add_paragraph(cell_text(line, false, MUTED, 17));
    }
    d.add_paragraph(styled(styles::KICKER, &c.kicker.to_uppercase()))
        .add_paragraph(styled(styles::TITLE, &c.title))
        .add_paragraph(
            Paragraph::new().style(styles::SUBTITLE).add_run(
                Run::new()
                    .add_text(&c.subtitle)
                    .bold()
                    .size(30)
                    .color(BRAND),
            ),
        )
        .add_paragraph(styled(styles::SUBTITLE, &c.detail))
        .add_paragraph(gap(400))
        .add_table(
            WTable::without_borders(facts)
                .set_grid(widths)
                .width(TEXT_W, WidthType::Dxa),
        )
        .add_paragraph(gap(600))
        .add_table(
            WTable::without_borders(vec![TableRow::new(vec![notice])])
                .set_grid(vec![TEXT_W])
                .width(TEXT_W, WidthType::Dxa),
        )
        .add_paragraph(gap(200))
        .add_paragraph(
            Paragraph::new()
                .style(styles::NOTE)
                .add_run(Run::new().add_text(&c.foot_left).bold().color(BRAND))
                .add_run(Run::new().add_text(" · "))
                .add_run(Run::new().add_text(&c.foot_right)),
        )
}
