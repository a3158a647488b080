//! Charts drawn from vector paths: horizontal score bars, a donut for one score, a radar over
//! several axes and a heat-map grid. Each has a `*_height` so the flow can keep it whole on a
//! page, and draws from a top-left corner.

use super::fonts::{face, FontError, Weight};
use super::layout::{wrap, Canvas, Rgb8};
use super::shapes::Paint;
use super::theme::{
    level_color, percent, score_color, style, BRAND, FAINT, INK, MUTED, RULE, SMALL, TRACK,
};
use std::f32::consts::PI;
use trustgap_domain::scoring::ScoreLevel;

/// One labelled score, with the level it reads as.
pub struct Datum {
    pub label: String,
    pub score: Option<f64>,
    pub level: Option<ScoreLevel>,
}

impl Datum {
    pub fn new(label: impl Into<String>, score: Option<f64>) -> Datum {
        Datum {
            label: label.into(),
            score,
            level: score.map(|s| ScoreLevel::of(s, 0)),
        }
    }
}

const BAR_ROW: f32 = 22.0;
const AXIS: f32 = 18.0;

pub fn bars_height(n: usize) -> f32 {
    n as f32 * BAR_ROW + AXIS
}

/// Horizontal bars from 0 to 100% with light gridlines every 25% and the percentage at the end.
pub fn bars(
    c: &mut Canvas,
    x: f32,
    top: f32,
    width: f32,
    label_width: f32,
    data: &[Datum],
) -> Result<(), FontError> {
    let label = style(9.0, Weight::Regular, INK);
    let value = style(9.0, Weight::Bold, INK);
    let x0 = x + label_width;
    let w = (width - label_width - 40.0).max(20.0);
    let bottom = top + data.len() as f32 * BAR_ROW;
    percent_grid(c, x0, w, top, bottom)?;
    let f = face(label.weight)?;
    for (i, d) in data.iter().enumerate() {
        let row = top + i as f32 * BAR_ROW;
        let mut name = f.printable(&d.label);
        while f.width(&name, label.size) > label_width - 8.0 && name.chars().count() > 2 {
            name.pop();
            name = format!("{}…", name.trim_end_matches('…'));
        }
        c.text(x, row + 14.0, label, &name)?;
        c.fill_rect(x0, row + 5.0, w, 12.0, TRACK);
        if let Some(s) = d.score {
            let filled = w * (s as f32 / 100.0).clamp(0.0, 1.0);
            c.fill_rect(x0, row + 5.0, filled, 12.0, score_color(d.score));
        }
        c.text_right(x + width, row + 14.0, value, &percent(d.score))?;
    }
    Ok(())
}

/// A donut showing one score, the number in its centre and a caption under it.
#[allow(clippy::too_many_arguments)]
pub fn donut(
    c: &mut Canvas,
    cx: f32,
    cy: f32,
    r: f32,
    score: Option<f64>,
    color: Rgb8,
    caption: &str,
) -> Result<(), FontError> {
    let inner = r * 0.72;
    c.ring_segment(cx, cy, r, inner, 0.0, 2.0 * PI, TRACK);
    if let Some(s) = score {
        let to = 2.0 * PI * (s as f32 / 100.0).clamp(0.0, 1.0);
        c.ring_segment(cx, cy, r, inner, 0.0, to, color);
    }
    let big = style(r * 0.42, Weight::Bold, color);
    let text = percent(score);
    let f = face(Weight::Bold)?;
    let w = f.width(&text, big.size);
    c.text(cx - w / 2.0, cy + big.size * 0.35, big, &text)?;
    let cap = style(7.5, Weight::Bold, MUTED);
    let cw = face(Weight::Bold)?.width(caption, cap.size);
    c.text(cx - cw / 2.0, cy + r + 14.0, cap, caption)?;
    Ok(())
}

/// Height of a radar of radius `r` with its labels.
pub fn radar_height(r: f32) -> f32 {
    2.0 * r + 44.0
}

/// A radar (spider) chart: one spoke per datum, rings at 25/50/75/100%, the scores joined as a
/// filled shape. Needs three or more data; with fewer it draws bars instead.
pub fn radar(
    c: &mut Canvas,
    x: f32,
    top: f32,
    width: f32,
    r: f32,
    data: &[Datum],
) -> Result<(), FontError> {
    if data.len() < 3 {
        return bars(c, x, top, width, 140.0, data);
    }
    let cx = x + width / 2.0;
    let cy = top + 22.0 + r;
    let n = data.len();
    let angle = |i: usize| 2.0 * PI * i as f32 / n as f32;
    let at = |i: usize, frac: f32| {
        let a = angle(i);
        (cx + r * frac * a.sin(), cy - r * frac * a.cos())
    };
    for ring in [0.25, 0.5, 0.75, 1.0] {
        let pts: Vec<(f32, f32)> = (0..n).map(|i| at(i, ring)).collect();
        let color = if ring == 1.0 { FAINT } else { RULE };
        c.polygon(&pts, Paint::Stroke(color, 0.5));
    }
    for i in 0..n {
        let (ex, ey) = at(i, 1.0);
        c.rule(cx, cy, ex, ey, 0.4, RULE);
    }
    let scale = style(6.5, Weight::Regular, FAINT);
    for ring in [50.0, 100.0] {
        let (_, ry) = at(0, ring / 100.0);
        c.text(cx + 3.0, ry + 8.0, scale, &format!("{ring:.0}%"))?;
    }
    let shape: Vec<(f32, f32)> = data
        .iter()
        .enumerate()
        .map(|(i, d)| at(i, (d.score.unwrap_or(0.0) as f32 / 100.0).clamp(0.0, 1.0)))
        .collect();
    c.polygon(&shape, Paint::FillStroke(BRAND.tint(0.75), BRAND, 1.2));
    for (i, d) in data.iter().enumerate() {
        let (px, py) = shape[i];
        c.circle(px, py, 2.2, Paint::Fill(score_color(d.score)));
    }
    let label = style(7.5, Weight::Bold, INK);
    let value = style(7.0, Weight::Regular, MUTED);
    let f = face(Weight::Bold)?;
    for (i, d) in data.iter().enumerate() {
        let a = angle(i);
        let (lx, ly) = at(i, 1.0);
        let (dx, dy) = (a.sin(), -a.cos());
        let name = f.printable(&d.label);
        let tw = f.width(&name, label.size);
        let vw = face(Weight::Regular)?.width(&percent(d.score), value.size);
        let w = tw.max(vw);
        let ax = if dx > 0.3 {
            lx + 6.0
        } else if dx < -0.3 {
            lx - 6.0 - w
        } else {
            lx - w / 2.0
        };
        let ay = if dy < -0.3 {
            ly - 14.0
        } else if dy > 0.3 {
            ly + 10.0
        } else {
            ly - 2.0
        };
        c.text(ax + (w - tw) / 2.0, ay, label, &name)?;
        c.text(ax + (w - vw) / 2.0, ay + 9.0, value, &percent(d.score))?;
    }
    Ok(())
}

/// One heat-map row: a label and its cells.
pub struct HeatRow {
    pub label: String,
    pub cells: Vec<Datum>,
}

const HEAT_CELL_H: f32 = 28.0;
const HEAT_GAP: f32 = 3.0;

pub fn heatmap_height(rows: &[HeatRow], label_width: f32, width: f32) -> f32 {
    let per_line = per_line(label_width, width);
    let lines: usize = rows
        .iter()
        .map(|r| r.cells.len().div_ceil(per_line).max(1))
        .sum();
    lines as f32 * (HEAT_CELL_H + HEAT_GAP) + 30.0
}

fn per_line(label_width: f32, width: f32) -> usize {
    (((width - label_width) / 44.0).floor() as usize).max(1)
}

/// The colour a heat-map cell takes for a level: a tint of the level's colour.
pub fn heat_fill(level: Option<ScoreLevel>) -> Rgb8 {
    match level {
        None => TRACK,
        Some(_) => level_color(level).tint(0.55),
    }
}

/// A grid: one row per label, one coloured cell per datum (its label and score inside), and a
/// legend of the colour bands underneath.
pub fn heatmap(
    c: &mut Canvas,
    x: f32,
    top: f32,
    width: f32,
    label_width: f32,
    rows: &[HeatRow],
) -> Result<(), FontError> {
    let per_line = per_line(label_width, width);
    let cell_w = (width - label_width) / per_line as f32 - HEAT_GAP;
    let label = style(8.0, Weight::Bold, INK);
    let id = style(7.0, Weight::Bold, INK);
    let val = style(7.0, Weight::Regular, INK);
    let mut y = top;
    for row in rows {
        let f = face(label.weight)?;
        let lines = wrap(f, &row.label, label.size, label_width - 8.0);
        for (i, l) in lines.iter().take(2).enumerate() {
            c.text(x, y + 11.0 + i as f32 * 10.0, label, l)?;
        }
        for (i, d) in row.cells.iter().enumerate() {
            let cx = x + label_width + (i % per_line) as f32 * (cell_w + HEAT_GAP);
            let cy = y + (i / per_line) as f32 * (HEAT_CELL_H + HEAT_GAP);
            c.fill_rect(cx, cy, cell_w, HEAT_CELL_H, heat_fill(d.level));
            c.text(cx + 4.0, cy + 11.0, id, &d.label)?;
            c.text(cx + 4.0, cy + 22.0, val, &percent(d.score))?;
        }
        let n = row.cells.len().div_ceil(per_line).max(1);
        y += n as f32 * (HEAT_CELL_H + HEAT_GAP);
    }
    // Legend.
    let y = y + 10.0;
    let mut lx = x + label_width;
    let levels = ScoreLevel::THRESHOLDS.iter().rev().map(|(l, _)| Some(*l));
    for level in levels.chain([None]) {
        let text = level.map_or("No score", ScoreLevel::label);
        c.fill_rect(lx, y, 10.0, 10.0, heat_fill(level));
        let w = c.text(lx + 14.0, y + 8.0, SMALL, text)?;
        lx += w + 22.0;
    }
    Ok(())
}

/// A thin vertical legend swatch with a label (used beside charts).
pub fn swatch(c: &mut Canvas, x: f32, y: f32, color: Rgb8, text: &str) -> Result<f32, FontError> {
    c.fill_rect(x, y - 7.0, 8.0, 8.0, color);
    let w = c.text(x + 12.0, y, SMALL, text)?;
    Ok(w + 12.0)
}

/// One key figure: a small label, a big value and a line of detail.
pub struct Tile {
    pub label: String,
    pub value: String,
    pub detail: String,
    pub color: Rgb8,
}

pub const TILE_H: f32 = 62.0;

/// A row of key-figure tiles across `width`.
pub fn tiles(
    c: &mut Canvas,
    x: f32,
    top: f32,
    width: f32,
    tiles: &[Tile],
) -> Result<(), FontError> {
    if tiles.is_empty() {
        return Ok(());
    }
    let gap = 8.0;
    let w = (width - gap * (tiles.len() - 1) as f32) / tiles.len() as f32;
    for (i, t) in tiles.iter().enumerate() {
        let tx = x + i as f32 * (w + gap);
        c.fill_rect(tx, top, w, TILE_H, super::theme::BRAND_TINT);
        c.fill_rect(tx, top, 3.0, TILE_H, t.color);
        c.text(
            tx + 10.0,
            top + 14.0,
            super::theme::LABEL,
            &t.label.to_uppercase(),
        )?;
        c.text(
            tx + 10.0,
            top + 36.0,
            style(17.0, Weight::Bold, t.color),
            &t.value,
        )?;
        let f = face(Weight::Regular)?;
        let detail = style(7.5, Weight::Regular, MUTED);
        let lines = wrap(f, &t.detail, detail.size, w - 16.0);
        for (j, l) in lines.iter().take(2).enumerate() {
            c.text(tx + 10.0, top + 48.0 + j as f32 * 9.0, detail, l)?;
        }
    }
    Ok(())
}

const PAIR_ROW: f32 = 30.0;

pub fn paired_bars_height(n: usize) -> f32 {
    16.0 + n as f32 * PAIR_ROW + AXIS
}

/// Scores then and now, one pair of bars per item: the snapshot's in grey above today's in
/// its score colour, with both numbers at the end.
pub fn paired_bars(
    c: &mut Canvas,
    x: f32,
    top: f32,
    width: f32,
    label_width: f32,
    data: &[trustgap_domain::snapshot::Delta],
    then_label: &str,
) -> Result<(), FontError> {
    let then_color = FAINT.tint(0.3);
    let mut lx = x + label_width;
    lx += swatch(
        c,
        lx,
        top + 8.0,
        then_color,
        &format!("Snapshot: {then_label}"),
    )? + 16.0;
    swatch(c, lx, top + 8.0, BRAND, "Now")?;
    let top = top + 16.0;
    let label = style(9.0, Weight::Regular, INK);
    let value = style(8.5, Weight::Bold, INK);
    let x0 = x + label_width;
    let w = (width - label_width - 70.0).max(20.0);
    let bottom = top + data.len() as f32 * PAIR_ROW;
    percent_grid(c, x0, w, top, bottom)?;
    let frac = |s: Option<f64>| (s.unwrap_or(0.0) as f32 / 100.0).clamp(0.0, 1.0);
    for (i, d) in data.iter().enumerate() {
        let row = top + i as f32 * PAIR_ROW;
        c.text(x, row + 17.0, label, &d.label)?;
        c.fill_rect(x0, row + 6.0, w * frac(d.before), 8.0, then_color);
        c.fill_rect(x0, row + 15.0, w * frac(d.now), 10.0, score_color(d.now));
        let text = format!("{} → {}", percent(d.before), percent(d.now));
        c.text_right(x + width, row + 17.0, value, &text)?;
    }
    Ok(())
}

/// Vertical rules at 0, 25, 50, 75 and 100 % of `w` from `x0`, labelled under `bottom`.
fn percent_grid(c: &mut Canvas, x0: f32, w: f32, top: f32, bottom: f32) -> Result<(), FontError> {
    for tick in [0.0, 25.0, 50.0, 75.0, 100.0] {
        let tx = x0 + w * tick / 100.0;
        c.rule(tx, top, tx, bottom, 0.4, RULE);
        let t = format!("{tick:.0}%");
        let tw = face(Weight::Regular)?.width(&t, 7.0);
        c.text(
            tx - tw / 2.0,
            bottom + 11.0,
            style(7.0, Weight::Regular, FAINT),
            &t,
        )?;
    }
    Ok(())
}
