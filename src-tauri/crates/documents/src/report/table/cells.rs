//! Table cells: laying a cell out for its column (wrapped lines, a chip, a score bar) and
//! drawing the lines of it that fall on the current page.

use super::{Align, Cell, Column, PAD_X, PAD_Y};
use crate::report::flow::{baseline_offset, LEFT};
use crate::report::fonts::{face, FontError, Weight};
use crate::report::layout::{wrap, Canvas, Rgb8, Style};
use crate::report::theme::{percent, score_color, style, CELL, CELL_BOLD, TRACK, WHITE};

/// One laid-out line of a cell.
pub(super) struct Line {
    text: String,
    style: Style,
}

/// A cell laid out for its column width.
pub(super) enum Laid {
    Lines(Vec<Line>),
    Chip(String, Rgb8),
    Score(Option<f64>),
}

impl Laid {
    pub(super) fn heights(&self) -> Vec<f32> {
        match self {
            Laid::Lines(lines) => lines.iter().map(|l| l.style.leading()).collect(),
            Laid::Chip(..) | Laid::Score(_) => vec![CELL.leading()],
        }
    }
}

pub(super) fn lay(cell: &Cell, width: f32) -> Result<Laid, FontError> {
    Ok(match cell {
        Cell::Text(parts) => {
            let mut lines = Vec::new();
            for (text, style) in parts {
                for l in wrap(face(style.weight)?, text, style.size, width) {
                    lines.push(Line {
                        text: l,
                        style: *style,
                    });
                }
            }
            Laid::Lines(lines)
        }
        Cell::Chip(t, c) => Laid::Chip(t.clone(), *c),
        Cell::Score(s) => Laid::Score(*s),
    })
}

pub(super) fn full(laid: &[Laid]) -> Vec<(usize, usize)> {
    laid.iter().map(|l| (0, l.heights().len())).collect()
}

pub(super) fn row_height(laid: &[Laid], span: &[(usize, usize)]) -> f32 {
    let content = laid
        .iter()
        .zip(span)
        .map(|(l, &(f, e))| l.heights().get(f..e).map_or(0.0, |h| h.iter().sum()))
        .fold(0.0_f32, f32::max);
    content + 2.0 * PAD_Y
}

pub(super) fn draw_cells(
    c: &mut Canvas,
    columns: &[Column],
    laid: &[Laid],
    widths: &[f32],
    span: &[(usize, usize)],
    top: f32,
) -> Result<(), FontError> {
    let mut x = LEFT;
    for (((cell, w), col), &(from, to)) in laid.iter().zip(widths).zip(columns).zip(span) {
        let inner = w - 2.0 * PAD_X;
        let mut y = top + PAD_Y;
        match cell {
            Laid::Lines(lines) => {
                for line in lines.get(from..to).unwrap_or(&[]) {
                    let baseline = y + baseline_offset(line.style);
                    match col.align {
                        Align::Left => {
                            c.text(x + PAD_X, baseline, line.style, &line.text)?;
                        }
                        Align::Right => {
                            c.text_right(x + w - PAD_X, baseline, line.style, &line.text)?
                        }
                    }
                    y += line.style.leading();
                }
            }
            Laid::Chip(text, color) if from == 0 && to > 0 => {
                let chip = style(7.0, Weight::Bold, WHITE);
                let f = face(chip.weight)?;
                let tw = f.width(&f.printable(text), chip.size).min(inner - 6.0);
                c.fill_rect(x + PAD_X, y + 1.0, tw + 8.0, CELL.leading() - 2.0, *color);
                c.text(x + PAD_X + 4.0, y + baseline_offset(CELL) - 0.5, chip, text)?;
            }
            Laid::Score(score) if from == 0 && to > 0 => {
                let label_w = 30.0;
                let bar_w = (inner - label_w - 4.0).max(8.0);
                c.fill_rect(x + PAD_X, y + 3.5, bar_w, 5.0, TRACK);
                if let Some(s) = score {
                    let filled = bar_w * (*s as f32 / 100.0).clamp(0.0, 1.0);
                    c.fill_rect(x + PAD_X, y + 3.5, filled, 5.0, score_color(*score));
                }
                c.text_right(
                    x + w - PAD_X,
                    y + baseline_offset(CELL),
                    CELL_BOLD,
                    &percent(*score),
                )?;
            }
            _ => {}
        }
        x += w;
    }
    Ok(())
}
