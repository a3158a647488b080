//! The document model (`crate::doc`) drawn with the layout engine: one block at a time onto a
//! [`Flow`], with the engine's own tables, tiles, bars, contents and page chrome. Every page,
//! the first included, carries the running header and "Page X of Y" (a model document has no
//! cover drawn by hand).

use super::chart::{bars, bars_height, tiles, Datum, Tile, TILE_H};
use super::compose::{compose, contents, Meta};
use super::flow::{baseline_offset, Flow, KEEP_DEFAULT, LEFT, WIDTH};
use super::fonts::{face, FontError, Weight};
use super::layout::{wrap, Rgb8, Style};
use super::rich::{draw_line, is_rich, wrap_rich};
use super::table::{Cell, Column as TableColumn, Table as TableBlock};
use super::theme::{style, BAD, BODY, BRAND, FAINT, FAIR, GOOD, INK, LABEL, MUTED, SMALL, WARN};
use super::ReportError;
use crate::doc::{Align, Block, Chart, Document, Figure, Signatory, Table, Text, Tone};

/// A model document as PDF bytes, and its page count.
pub fn render_document(doc: &Document) -> Result<(Vec<u8>, usize), ReportError> {
    let composed = compose(&doc.meta.title, |flow, prev| {
        for (i, block) in doc.blocks.iter().enumerate() {
            // A paragraph introducing signatures stays on the page of the first one.
            if let (Block::Paragraph(t), Some(Block::SignOff(people))) =
                (block, doc.blocks.get(i + 1))
            {
                if !people.is_empty() {
                    flow.ensure(flow.paragraph_height(BODY, &t.flat())? + SIGNATORY_H);
                }
            }
            if let Block::Heading {
                number,
                title,
                level,
            } = block
            {
                let keep = keep_below(flow, &doc.blocks[i + 1..])?;
                flow.heading(number, title, (*level).clamp(1, 3), keep)?;
                continue;
            }
            draw(flow, prev, block)?;
        }
        Ok(())
    })?;
    let pages = composed.page_count();
    let m = &doc.meta;
    let meta = Meta {
        title: m.title.clone(),
        subject: m.subject.clone(),
        keywords: m.keywords.clone(),
        author: m.author.clone(),
        generated_at: m.generated_at,
        running_head: m.running_head.clone(),
        marking: m.marking.clone(),
        footer: m.footer.clone(),
        branding: m.branding.clone(),
    };
    Ok((composed.into_pdf_from(&meta, 0)?, pages))
}

/// The room a heading keeps below it so it is never left alone at the foot of a page: a
/// table's header and first row, or a paragraph with the signatures it introduces.
fn keep_below(flow: &Flow, next: &[Block]) -> Result<f32, ReportError> {
    Ok(match next {
        [Block::Table(t), ..] => flow.table_lead(&table(t))?.max(KEEP_DEFAULT),
        [Block::Paragraph(p), Block::SignOff(people), ..] if !people.is_empty() => {
            flow.paragraph_height(BODY, &p.flat())? + SIGNATORY_H
        }
        _ => KEEP_DEFAULT,
    })
}

/// Model blocks drawn onto a report's flow (a chapter of the readiness report built from them).
pub(super) fn draw_blocks(flow: &mut Flow, blocks: &[Block]) -> Result<(), ReportError> {
    blocks.iter().try_for_each(|b| draw(flow, &[], b))
}

/// The colour a tone reads as in print.
pub fn tone_color(tone: Tone) -> Rgb8 {
    match tone {
        Tone::Neutral => BRAND,
        Tone::Good => GOOD,
        Tone::Info => FAIR,
        Tone::Warning => WARN,
        Tone::Critical => BAD,
    }
}

fn draw(flow: &mut Flow, prev: &[super::flow::Anchor], block: &Block) -> Result<(), ReportError> {
    match block {
        Block::Title {
            kicker,
            title,
            subtitle,
        } => title_block(flow, kicker, title, subtitle)?,
        Block::Chapter { number, title } => flow.chapter(number, title)?,
        Block::Heading {
            number,
            title,
            level,
        } => flow.heading(number, title, (*level).clamp(1, 3), KEEP_DEFAULT)?,
        Block::Paragraph(t) => {
            rich(flow, 0.0, WIDTH, BODY, t)?;
            flow.space(5.0);
        }
        Block::Note(t) => {
            rich(flow, 0.0, WIDTH, SMALL, t)?;
            flow.space(4.0);
        }
        Block::Bullets(items) => list(flow, items, |_| "•".to_owned())?,
        Block::Numbered(items) => list(flow, items, |i| format!("{}.", i + 1))?,
        Block::KeyFigures(figures) => key_figures(flow, figures)?,
        Block::Table(t) => {
            flow.table(&table(t))?;
            flow.space(8.0);
        }
        Block::Callout { tone, title, text } => callout(flow, *tone, title, text)?,
        Block::Chart(c) => chart(flow, c)?,
        Block::PageBreak => flow.new_page(),
        Block::SignOff(people) => sign_off(flow, people)?,
        Block::Contents => contents(flow, prev)?,
        Block::Spacer(h) => flow.space(h.clamp(0.0, 200.0)),
    }
    Ok(())
}

fn title_block(
    flow: &mut Flow,
    kicker: &str,
    title: &str,
    subtitle: &str,
) -> Result<(), FontError> {
    let big = style(19.0, Weight::Bold, INK);
    let sub = style(9.5, Weight::Regular, MUTED);
    let f = face(Weight::Bold)?;
    let title_lines = wrap(f, title, big.size, WIDTH);
    let sub_lines = wrap(face(Weight::Regular)?, subtitle, sub.size, WIDTH);
    let h = 14.0
        + title_lines.len() as f32 * big.leading()
        + sub_lines.len() as f32 * sub.leading()
        + 14.0;
    flow.block(h, |c, x, top| {
        c.text(x, top + 8.0, LABEL, &kicker.to_uppercase())?;
        let mut y = top + 14.0;
        for l in &title_lines {
            c.text(x, y + baseline_offset(big), big, l)?;
            y += big.leading();
        }
        for l in &sub_lines {
            c.text(x, y + baseline_offset(sub), sub, l)?;
            y += sub.leading();
        }
        c.rule(x, y + 5.0, x + WIDTH, y + 5.0, 1.2, BRAND);
        Ok(())
    })
}

/// A paragraph with its bold and emphasised runs drawn as such (see `rich`); plain,
/// all-bold and right-to-left paragraphs take the engine's paragraph path.
fn rich(flow: &mut Flow, indent: f32, width: f32, st: Style, text: &Text) -> Result<(), FontError> {
    if is_rich(text) {
        let lines = wrap_rich(text, st, width)?;
        return flow.lines_with(lines.len(), st.leading(), |c, i, baseline| {
            draw_line(c, LEFT + indent, baseline, st, &lines[i])
        });
    }
    let all_strong = !text.0.is_empty() && text.0.iter().all(|s| s.strong);
    let st = if all_strong {
        Style::new(st.size, Weight::Bold, st.color)
    } else {
        st
    };
    flow.paragraph_at(indent, width, st, &text.flat())
}

fn list(
    flow: &mut Flow,
    items: &[Text],
    marker: impl Fn(usize) -> String,
) -> Result<(), FontError> {
    const INDENT: f32 = 16.0;
    for (i, item) in items.iter().enumerate() {
        // Room for two lines first, so the marker never sits alone at a page's foot.
        flow.ensure(2.0 * BODY.leading());
        let baseline = flow.y() + baseline_offset(BODY);
        let m = marker(i);
        flow.canvas().text(
            LEFT + 3.0,
            baseline,
            style(BODY.size, Weight::Bold, BRAND),
            &m,
        )?;
        rich(flow, INDENT, WIDTH - INDENT, BODY, item)?;
        flow.space(3.0);
    }
    flow.space(4.0);
    Ok(())
}

fn key_figures(flow: &mut Flow, figures: &[Figure]) -> Result<(), FontError> {
    let t: Vec<Tile> = figures
        .iter()
        .map(|f| Tile {
            label: f.label.clone(),
            value: f.value.clone(),
            detail: f.detail.clone(),
            color: tone_color(f.tone),
        })
        .collect();
    flow.block(TILE_H + 10.0, |c, x, top| tiles(c, x, top, WIDTH, &t))
}

fn table(t: &Table) -> TableBlock {
    let columns = t
        .columns
        .iter()
        .map(|c| {
            let col = TableColumn::new(&c.header, c.weight);
            match c.align {
                Align::Left => col,
                Align::Right => col.right(),
            }
        })
        .collect();
    let mut out = TableBlock::new(columns);
    out.show_header = t.has_header();
    for row in &t.rows {
        let cells = row
            .cells
            .iter()
            .enumerate()
            .map(|(i, text)| match (i, row.tone) {
                (0, Some(tone)) => Cell::Chip(text.to_uppercase(), tone_color(tone)),
                _ => Cell::text(text.clone()),
            })
            .collect();
        out.row(cells);
    }
    out
}

fn callout(flow: &mut Flow, tone: Tone, title: &str, text: &Text) -> Result<(), FontError> {
    let color = tone_color(tone);
    let head = style(10.0, Weight::Bold, color);
    let inner = WIDTH - 26.0;
    let title_lines = wrap(face(Weight::Bold)?, title, head.size, inner);
    let body_lines = wrap(face(Weight::Regular)?, &text.flat(), BODY.size, inner);
    let h =
        16.0 + title_lines.len() as f32 * head.leading() + body_lines.len() as f32 * BODY.leading();
    flow.block(h + 8.0, |c, x, top| {
        c.fill_rect(x, top, WIDTH, h, color.tint(0.9));
        c.fill_rect(x, top, 3.5, h, color);
        let mut y = top + 8.0;
        for l in &title_lines {
            c.text(x + 14.0, y + baseline_offset(head), head, l)?;
            y += head.leading();
        }
        for l in &body_lines {
            c.text(x + 14.0, y + baseline_offset(BODY), BODY, l)?;
            y += BODY.leading();
        }
        Ok(())
    })
}

/// Percentages are drawn with the engine's bars; other units as a label/value table (the
/// engine's bars print percentages only).
fn chart(flow: &mut Flow, c: &Chart) -> Result<(), FontError> {
    let percent = c.unit == "%" && (c.max - 100.0).abs() < f64::EPSILON;
    if !c.title.is_empty() {
        flow.ensure(LABEL.leading() + 30.0);
        let baseline = flow.y() + baseline_offset(LABEL);
        flow.canvas()
            .text(LEFT, baseline, LABEL, &c.title.to_uppercase())?;
        flow.advance(LABEL.leading() + 2.0);
    }
    if percent {
        let data: Vec<Datum> = c
            .bars
            .iter()
            .map(|b| Datum::new(b.label.clone(), b.value))
            .collect();
        let h = bars_height(data.len());
        flow.block(h + 6.0, |canvas, x, top| {
            bars(canvas, x, top, WIDTH, 150.0, &data)
        })
    } else {
        let mut t = TableBlock::plain(vec![
            TableColumn::new("", 3.0),
            TableColumn::new("", 1.0).right(),
        ]);
        for b in &c.bars {
            t.row(vec![
                Cell::text(b.label.clone()),
                Cell::text(b.printed(&c.unit)),
            ]);
        }
        flow.table(&t)
    }
}

/// Height of one signatory's block.
const SIGNATORY_H: f32 = 62.0;

/// Each signatory's name and role, a line to sign on and the date (or a line to date by hand),
/// kept whole on one page.
fn sign_off(flow: &mut Flow, people: &[Signatory]) -> Result<(), FontError> {
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
