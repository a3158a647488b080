//! One model block as Word paragraphs and tables.

use super::styles::{self, BRAND, MUTED, WHITE};
use super::TEXT_W;
use crate::doc::{score_tone, Align, Block, Chart, Figure, Signatory, Table, Text, Tone};
use docx_rs::{
    AlignmentType, BorderType, BreakType, Docx, FieldCharType, InstrText, InstrToC, LineSpacing,
    Paragraph, Run, Shading, ShdType, SpecialIndentType, Table as WTable, TableCell,
    TableCellBorder, TableCellBorderPosition, TableCellBorders, TableRow, WidthType,
};

/// The hex colour a tone reads as (the PDF theme's).
pub fn tone_hex(tone: Tone) -> &'static str {
    match tone {
        Tone::Neutral => BRAND,
        Tone::Good => "1B7F4C",
        Tone::Info => "2F6FB0",
        Tone::Warning => "B7791F",
        Tone::Critical => "B42318",
        Tone::Muted => MUTED,
        Tone::Faint => "8A93A3",
        Tone::Unsure => "6B4FA0",
    }
}

/// A light tint of a tone, for shaded backgrounds.
pub(super) fn tone_tint(tone: Tone) -> &'static str {
    match tone {
        Tone::Neutral => "EEF3F9",
        Tone::Good => "E8F3ED",
        Tone::Info => "EAF1F7",
        Tone::Warning => "F8F2E9",
        Tone::Critical => "F8E9E8",
        Tone::Unsure => "F0ECF6",
        Tone::Muted | Tone::Faint => "F1F2F4",
    }
}

/// Adds `block`; `keep_next` keeps a paragraph on the page of what follows it.
pub fn add(d: Docx, block: &Block, keep_next: bool) -> Docx {
    match block {
        Block::Cover(c) => super::cover::cover(d, c),
        Block::FrontPage(title) => {
            d.add_paragraph(styled(styles::FRONT, title).page_break_before(true))
        }
        Block::Timeline(t) => super::timeline::timeline(d, t),
        Block::Title {
            kicker,
            title,
            subtitle,
        } => d
            .add_paragraph(styled(styles::KICKER, &kicker.to_uppercase()))
            .add_paragraph(styled(styles::TITLE, title))
            .add_paragraph(styled(styles::SUBTITLE, subtitle)),
        Block::Chapter { number, title } => d.add_paragraph(
            styled(styles::heading(0), &numbered(number, title)).page_break_before(true),
        ),
        Block::Heading {
            number,
            title,
            level,
        } => d.add_paragraph(
            styled(styles::heading((*level).max(1)), &numbered(number, title)).keep_next(true),
        ),
        Block::Paragraph(t) => d.add_paragraph(rich(
            Paragraph::new().style("Normal").keep_next(keep_next),
            t,
        )),
        Block::Note(t) => d.add_paragraph(rich(Paragraph::new().style(styles::NOTE), t)),
        Block::Bullets(items) => items.iter().fold(d, |d, t| d.add_paragraph(item("•", t))),
        Block::Numbered(items) => items.iter().enumerate().fold(d, |d, (i, t)| {
            d.add_paragraph(item(&format!("{}.", i + 1), t))
        }),
        Block::KeyFigures(figures) => d.add_table(key_figures(figures)).add_paragraph(gap(60)),
        Block::Table(t) => d.add_table(table(t)).add_paragraph(gap(80)),
        Block::Callout { tone, title, text } => d
            .add_table(callout(*tone, title, text))
            .add_paragraph(gap(80)),
        Block::Chart(c) => chart(d, c),
        Block::Graphic(g) => super::graphic::graphic(d, g),
        Block::PageBreak => {
            d.add_paragraph(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)))
        }
        Block::SignOff(people) => d.add_table(sign_off(people)).add_paragraph(gap(80)),
        Block::Contents => d.add_paragraph(contents_field()),
        Block::Spacer(h) => d.add_paragraph(gap((h.clamp(0.0, 200.0) * 20.0) as u32)),
    }
}

/// A TOC field over Heading 1–2, marked dirty so Word fills it in when the file opens, with a
/// line that says so until then (docx-rs's own contents block leaves the field empty, which
/// other readers show as its raw instruction).
fn contents_field() -> Paragraph {
    Paragraph::new()
        .add_run(
            Run::new()
                .add_field_char(FieldCharType::Begin, true)
                .add_instr_text(InstrText::TOC(
                    InstrToC::new().heading_styles_range(1, 2).hyperlink(),
                ))
                .add_field_char(FieldCharType::Separate, false),
        )
        .add_run(
            Run::new()
                .add_text("Contents: in Word, right-click here and choose Update Field.")
                .color(MUTED),
        )
        .add_run(Run::new().add_field_char(FieldCharType::End, false))
}

fn numbered(number: &str, title: &str) -> String {
    if number.is_empty() {
        title.to_owned()
    } else {
        format!("{number} {title}")
    }
}

pub(super) fn styled(style: &str, text: &str) -> Paragraph {
    Paragraph::new()
        .style(style)
        .add_run(Run::new().add_text(text))
}

/// An empty paragraph `twips` tall, between blocks.
pub(super) fn gap(twips: u32) -> Paragraph {
    Paragraph::new()
        .line_spacing(
            LineSpacing::new()
                .before(0)
                .after(0)
                .line(twips.max(20) as i32),
        )
        .size(2)
}

fn rich(mut p: Paragraph, t: &Text) -> Paragraph {
    for span in &t.0 {
        let mut run = Run::new().add_text(&span.text);
        if span.strong {
            run = run.bold();
        }
        if span.emphasis {
            run = run.italic();
        }
        p = p.add_run(run);
    }
    p
}

/// A list item: its marker, a tab and the text, with a hanging indent.
fn item(marker: &str, t: &Text) -> Paragraph {
    let p = Paragraph::new()
        .style(styles::LIST)
        .indent(Some(360), Some(SpecialIndentType::Hanging(360)), None, None)
        .add_run(Run::new().add_text(marker).bold().color(BRAND))
        .add_run(Run::new().add_tab());
    rich(p, t)
}

pub(super) fn cell_text(text: &str, bold: bool, color: &str, size: usize) -> Paragraph {
    let run = Run::new().add_text(text).color(color).size(size);
    Paragraph::new()
        .style(styles::CELL)
        .add_run(if bold { run.bold() } else { run })
}

pub(super) fn shaded(fill: &str) -> Shading {
    Shading::new()
        .shd_type(ShdType::Clear)
        .color("auto")
        .fill(fill)
}

/// Column widths in twips, in proportion to the weights.
pub(super) fn grid(weights: &[f32]) -> Vec<usize> {
    let total: f32 = weights.iter().map(|w| w.max(0.01)).sum();
    weights
        .iter()
        .map(|w| (TEXT_W as f32 * w.max(0.01) / total).round() as usize)
        .collect()
}

fn key_figures(figures: &[Figure]) -> WTable {
    let widths = grid(&vec![1.0; figures.len().max(1)]);
    let cells = figures
        .iter()
        .zip(&widths)
        .map(|(f, w)| {
            TableCell::new()
                .width(*w, WidthType::Dxa)
                .shading(shaded(tone_tint(Tone::Neutral)))
                .set_border(
                    TableCellBorder::new(TableCellBorderPosition::Left)
                        .border_type(BorderType::Single)
                        .size(24)
                        .color(tone_hex(f.tone)),
                )
                .add_paragraph(cell_text(&f.label.to_uppercase(), true, MUTED, 14))
                .add_paragraph(cell_text(&f.value, true, tone_hex(f.tone), 30))
                .add_paragraph(cell_text(&f.detail, false, MUTED, 15))
        })
        .collect();
    WTable::without_borders(vec![TableRow::new(cells)])
        .set_grid(widths)
        .width(TEXT_W, WidthType::Dxa)
}

fn table(t: &Table) -> WTable {
    let widths = grid(&t.columns.iter().map(|c| c.weight).collect::<Vec<_>>());
    let align = |a: Align| match a {
        Align::Left => AlignmentType::Left,
        Align::Right => AlignmentType::Right,
    };
    let head = TableRow::new(
        t.columns
            .iter()
            .zip(&widths)
            .map(|(c, w)| {
                TableCell::new()
                    .width(*w, WidthType::Dxa)
                    .shading(shaded(BRAND))
                    .add_paragraph(cell_text(&c.header, true, WHITE, 15).align(align(c.align)))
            })
            .collect(),
    )
    // Only header rows carry cantSplit: `package` turns it into a repeating header.
    .cant_split();
    let mut rows = if t.has_header() {
        vec![head]
    } else {
        Vec::new()
    };
    for row in &t.rows {
        let cells = row
            .cells
            .iter()
            .zip(&t.columns)
            .zip(&widths)
            .enumerate()
            .map(|(i, ((cell, col), w))| {
                let chip = cell.chip.or(if i == 0 { row.tone } else { None });
                let a = align(col.align);
                let mut c = TableCell::new().width(*w, WidthType::Dxa);
                if let Some(tone) = chip {
                    return c.add_paragraph(
                        cell_text(&cell.text.to_uppercase(), true, tone_hex(tone), 15).align(a),
                    );
                }
                if let Some(score) = cell.score {
                    let tone = score_tone(score);
                    return c.add_paragraph(
                        Paragraph::new()
                            .style(styles::CELL)
                            .add_run(
                                Run::new()
                                    .add_text(score_bar(score))
                                    .color(tone_hex(tone))
                                    .size(17),
                            )
                            .add_run(
                                Run::new()
                                    .add_text(format!(" {}", cell.text))
                                    .bold()
                                    .size(17),
                            )
                            .align(a),
                    );
                }
                let color = cell.tone.map_or(styles::INK, tone_hex);
                if let Some(topic) = &cell.topic {
                    c = c.add_paragraph(cell_text(topic, true, BRAND, 15).align(a));
                }
                if !cell.text.is_empty() || (cell.detail.is_empty() && cell.body.is_empty()) {
                    c = c.add_paragraph(cell_text(&cell.text, cell.strong, color, 17).align(a));
                }
                for d in &cell.detail {
                    let (bold, hex) = cell
                        .detail_tone
                        .map_or((false, MUTED), |t| (true, tone_hex(t)));
                    c = c.add_paragraph(cell_text(d, bold, hex, 15).align(a));
                }
                for b in &cell.body {
                    c = c.add_paragraph(cell_text(&b.text, b.strong, styles::INK, 17).align(a));
                }
                c
            })
            .collect();
        rows.push(TableRow::new(cells));
    }
    let table = if t.has_header() {
        WTable::new(rows)
    } else {
        WTable::without_borders(rows)
    };
    table.set_grid(widths).width(TEXT_W, WidthType::Dxa)
}

fn callout(tone: Tone, title: &str, text: &Text) -> WTable {
    let cell = TableCell::new()
        .width(TEXT_W, WidthType::Dxa)
        .shading(shaded(tone_tint(tone)))
        .set_border(
            TableCellBorder::new(TableCellBorderPosition::Left)
                .border_type(BorderType::Single)
                .size(36)
                .color(tone_hex(tone)),
        )
        .add_paragraph(cell_text(title, true, tone_hex(tone), 20))
        .add_paragraph(rich(Paragraph::new().style("Normal"), text));
    WTable::without_borders(vec![TableRow::new(vec![cell])])
        .set_grid(vec![TEXT_W])
        .width(TEXT_W, WidthType::Dxa)
}

/// A score as a short bar of block characters (ten for 100 %) in a table cell.
fn score_bar(score: Option<f64>) -> String {
    let n = score.map_or(0, |v| ((v / 100.0).clamp(0.0, 1.0) * 10.0).round() as usize);
    "\u{2588}".repeat(n)
}

/// Bars longest at `BAR_CELLS` block characters.
const BAR_CELLS: f64 = 24.0;

pub(super) fn chart(d: Docx, c: &Chart) -> Docx {
    let d = if c.title.is_empty() {
        d
    } else {
        d.add_paragraph(
            Paragraph::new()
                .style(styles::KICKER)
                .keep_next(true)
                .add_run(Run::new().add_text(c.title.to_uppercase())),
        )
    };
    let widths = grid(&[3.0, 1.0, 5.0]);
    let rows = c
        .bars
        .iter()
        .map(|b| {
            let n = b.value.map_or(0, |v| {
                let frac = if c.max > 0.0 { v / c.max } else { 0.0 };
                (frac.clamp(0.0, 1.0) * BAR_CELLS).round() as usize
            });
            let bar = "\u{2588}".repeat(n);
            TableRow::new(vec![
                TableCell::new()
                    .width(widths[0], WidthType::Dxa)
                    .add_paragraph(cell_text(&b.label, false, styles::INK, 17)),
                TableCell::new()
                    .width(widths[1], WidthType::Dxa)
                    .add_paragraph(
                        cell_text(&b.printed(&c.unit), true, styles::INK, 17)
                            .align(AlignmentType::Right),
                    ),
                TableCell::new()
                    .width(widths[2], WidthType::Dxa)
                    .add_paragraph(cell_text(&bar, false, tone_hex(b.tone), 17)),
            ])
        })
        .collect();
    d.add_table(
        WTable::without_borders(rows)
            .set_grid(widths)
            .width(TEXT_W, WidthType::Dxa),
    )
    .add_paragraph(gap(80))
}

/// A cell whose bottom edge is the line to sign (or date) on.
fn signing_cell(width: usize, text: &str) -> TableCell {
    TableCell::new()
        .width(width, WidthType::Dxa)
        // Only the bottom edge: `set_border` alone would box the cell in.
        .set_borders(
            TableCellBorders::with_empty().set(
                TableCellBorder::new(TableCellBorderPosition::Bottom)
                    .border_type(BorderType::Single)
                    .size(6)
                    .color(MUTED),
            ),
        )
        .add_paragraph(
            Paragraph::new()
                .style(styles::CELL)
                .line_spacing(LineSpacing::new().before(480).after(40))
                .add_run(Run::new().add_text(text).size(19)),
        )
}

fn caption_cell(width: usize, text: &str, bold: bool, color: &str) -> TableCell {
    TableCell::new()
        .width(width, WidthType::Dxa)
        .add_paragraph(cell_text(text, bold, color, 15))
}

/// Two rows per signatory: name over the lines, role over the captions.
fn sign_off(people: &[Signatory]) -> WTable {
    let widths = grid(&[4.0, 4.0, 0.4, 2.6]);
    let mut rows = Vec::new();
    for p in people {
        let name = TableCell::new()
            .width(widths[0], WidthType::Dxa)
            .vertical_align(docx_rs::VAlignType::Bottom)
            .add_paragraph(cell_text(&p.name, true, styles::INK, 21).keep_next(true));
        rows.push(TableRow::new(vec![
            name,
            signing_cell(widths[1], ""),
            caption_cell(widths[2], "", false, MUTED),
            signing_cell(widths[3], &p.date),
        ]));
        rows.push(TableRow::new(vec![
            caption_cell(widths[0], &p.role, false, MUTED),
            caption_cell(widths[1], "SIGNATURE", true, MUTED),
            caption_cell(widths[2], "", false, MUTED),
            caption_cell(widths[3], "DATE", true, MUTED),
        ]));
    }
    WTable::without_borders(rows)
        .set_grid(widths)
        .width(TEXT_W, WidthType::Dxa)
}
