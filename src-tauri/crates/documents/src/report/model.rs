//! The document model (`crate::doc`) drawn with the layout engine: one block at a time onto a
//! [`Flow`], with the engine's own tables, tiles, bars, timelines, contents and page chrome.
//! Every page carries the running header and "Page X of Y", but a cover.

use super::chart::{bars, bars_height, tiles, Datum, Tile, TILE_H};
use super::compose::{compose, contents, Composed, Meta, Report};
use super::cover::draw_cover;
use super::flow::{baseline_offset, Anchor, Flow, KEEP_DEFAULT, LEFT, WIDTH};
use super::fonts::{face, FontError, Weight};
use super::graphic::{graphic, graphic_height};
use super::layout::{wrap, Rgb8, Style};
use super::rich::{draw_line, is_rich, wrap_rich};
use super::signoff::{signatories, SIGNATORY_H};
use super::table::{Cell, Column as TableColumn, Table as TableBlock};
use super::theme::{
    style, BAD, BODY, BRAND, CELL, CELL_BOLD, CELL_MUTED, FAINT, FAIR, GOOD, INK, LABEL, MUTED,
    SMALL, UNKNOWN, WARN,
};
use super::timeline::timeline;
use super::ReportError;
use crate::doc::{Align, Block, Chart, Document, Figure, Table, Text, Tone};
use trustgap_domain::branding::Branding;

/// A model document as PDF bytes, and its page count.
pub fn render_document(doc: &Document) -> Result<(Vec<u8>, usize), ReportError> {
    let (composed, meta) = lay_out(doc)?;
    let pages = composed.page_count();
    // A cover page carries no running header or page number.
    let first_chrome = usize::from(matches!(doc.blocks.first(), Some(Block::Cover(_))));
    Ok((composed.into_pdf_from(&meta, first_chrome)?, pages))
}

/// A model document with a cover as a laid-out [`Report`] (its outline before its bytes).
pub fn document_report(doc: &Document) -> Result<Report, ReportError> {
    let (composed, meta) = lay_out(doc)?;
    Ok(Report::new(composed, meta))
}

fn lay_out(doc: &Document) -> Result<(Composed, Meta), ReportError> {
    let composed = compose(&doc.meta.title, |flow, prev| {
        draw_all(flow, prev, &doc.blocks, &doc.meta.branding)
    })?;
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
    Ok((composed, meta))
}

fn draw_all(
    flow: &mut Flow,
    prev: &[Anchor],
    blocks: &[Block],
    branding: &Branding,
) -> Result<(), ReportError> {
    for (i, block) in blocks.iter().enumerate() {
        let rest = &blocks[i + 1..];
        // A paragraph introducing signatures stays on the page of the first one.
        let gap: f32 = rest
            .iter()
            .map_while(|b| match b {
                Block::Spacer(h) => Some(*h),
                _ => None,
            })
            .sum();
        let next = rest.iter().find(|b| !matches!(b, Block::Spacer(_)));
        if let (Block::Paragraph(t), Some(Block::SignOff(people))) = (block, next) {
            if !people.is_empty() {
                flow.ensure(flow.paragraph_height(BODY, &t.flat())? + gap + SIGNATORY_H);
            }
        }
        match block {
            Block::Heading {
                number,
                title,
                level,
            } => {
                let keep = heading_keep(flow, rest)?;
                flow.heading(number, title, (*level).clamp(1, 3), keep)?;
            }
            Block::Cover(c) => draw_cover(flow, c, branding)?,
            _ => draw(flow, prev, block)?,
        }
    }
    Ok(())
}

/// How much of what follows a heading must fit on its page: the start of a table (after the
/// sentence introducing it) or the first signature when one follows, else about three lines.
fn heading_keep(flow: &Flow, rest: &[Block]) -> Result<f32, ReportError> {
    let lead = match rest {
        [Block::Table(t), ..] => flow.table_lead(&table(t))?,
        [Block::Note(n), Block::Table(t), ..] => {
            flow.paragraph_height(SMALL, &n.flat())? + 4.0 + flow.table_lead(&table(t))?
        }
        [Block::Paragraph(p), Block::Table(t), ..] => {
            flow.paragraph_height(BODY, &p.flat())? + 5.0 + flow.table_lead(&table(t))?
        }
        // A sign-off's heading goes with the sentence and the first signature.
        [Block::Paragraph(p), Block::SignOff(people), ..] if !people.is_empty() => {
            flow.paragraph_height(BODY, &p.flat())? + SIGNATORY_H
        }
        [Block::Graphic(g), ..] => graphic_height(g)?,
        [Block::Chart(c), ..] if is_percent(c) => bars_height(c.bars.len()) + 6.0,
        // A graphic's heading goes with its introduction and the whole graphic.
        [Block::Paragraph(p), Block::Graphic(g), ..] => {
            flow.paragraph_height(BODY, &p.flat())? + 5.0 + graphic_height(g)?
        }
        [Block::Note(n), Block::Graphic(g), ..] => {
            flow.paragraph_height(SMALL, &n.flat())? + 4.0 + graphic_height(g)?
        }
        _ => KEEP_DEFAULT,
    };
    Ok(lead.max(KEEP_DEFAULT))
}

/// The colour a tone reads as in print.
pub fn tone_color(tone: Tone) -> Rgb8 {
    match tone {
        Tone::Neutral => BRAND,
        Tone::Good => GOOD,
        Tone::Info => FAIR,
        Tone::Warning => WARN,
        Tone::Critical => BAD,
        Tone::Muted => MUTED,
        Tone::Faint => FAINT,
        Tone::Unsure => UNKNOWN,
    }
}

fn draw(flow: &mut Flow, prev: &[Anchor], block: &Block) -> Result<(), ReportError> {
    match block {
        Block::Title {
            kicker,
            title,
            subtitle,
        } => title_block(flow, kicker, title, subtitle)?,
        Block::Chapter { number, title } => flow.chapter(number, title)?,
        Block::FrontPage(title) => flow.front_matter(title)?,
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
        Block::Graphic(g) => graphic(flow, g)?,
        Block::Timeline(t) => timeline(flow, t)?,
        Block::PageBreak => flow.new_page(),
        Block::SignOff(people) => signatories(flow, people)?,
        Block::Contents => contents(flow, prev)?,
        Block::Spacer(h) => flow.space(h.clamp(0.0, 200.0)),
        // Drawn by `draw_all`, which has the branding.
        Block::Cover(_) => {}
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
    let mut out = if t.has_header() {
        TableBlock::new(columns)
    } else {
        TableBlock::plain(columns)
    };
    for row in &t.rows {
        let cells = row
            .cells
            .iter()
            .enumerate()
            .map(|(i, cell)| match (cell.chip, i, row.tone) {
                (Some(tone), ..) | (None, 0, Some(tone)) => {
                    Cell::Chip(cell.text.to_uppercase(), tone_color(tone))
                }
                _ if cell.score.is_some() => Cell::Score(cell.score.flatten()),
                _ => {
                    let main = match (cell.tone, cell.strong) {
                        (Some(tone), strong) => Style::new(
                            CELL.size,
                            if strong {
                                Weight::Bold
                            } else {
                                Weight::Regular
                            },
                            tone_color(tone),
                        ),
                        (None, true) => CELL_BOLD,
                        (None, false) => CELL,
                    };
                    let mut parts = Vec::new();
                    if let Some(topic) = &cell.topic {
                        parts.push((topic.clone(), style(7.5, Weight::Bold, BRAND)));
                    }
                    let quiet = cell
                        .detail_tone
                        .map_or(CELL_MUTED, |t| style(7.5, Weight::Bold, tone_color(t)));
                    if !cell.text.is_empty() || (cell.detail.is_empty() && cell.body.is_empty()) {
                        parts.push((cell.text.clone(), main));
                    }
                    parts.extend(cell.detail.iter().map(|d| (d.clone(), quiet)));
                    parts.extend(
                        cell.body
                            .iter()
                            .map(|b| (b.text.clone(), if b.strong { CELL_BOLD } else { CELL })),
                    );
                    Cell::Text(parts)
                }
            })
            .collect();
        out.row(cells);
    }
    out.carry = t.columns.iter().position(|c| c.group);
    // A grouped table is read group by group: stripes would cut across the groups.
    out.zebra &= out.carry.is_none();
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
/// Percentages are drawn as bars; other charts as a table of values.
fn is_percent(c: &Chart) -> bool {
    c.unit == "%" && (c.max - 100.0).abs() < f64::EPSILON
}

fn chart(flow: &mut Flow, c: &Chart) -> Result<(), FontError> {
    let percent = is_percent(c);
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
