//! A model [`Timeline`] on the PDF canvas: a legend (bar colours, then the markers with their
//! dates), a month axis, one bar per lane on a continuous date scale, month gridlines under the
//! bars and the markers drawn across them. The axis is repeated on every page it runs onto.

use super::chart::swatch;
use super::flow::{Flow, LEFT, WIDTH};
use super::fonts::{face, FontError, Weight};
use super::layout::Canvas;
use super::model::tone_color;
use super::theme::{style, INK, MUTED, RULE, ZEBRA};
use crate::doc::{Lane, Marker, Timeline};
use chrono::{Datelike, Days, NaiveDate};

const LABEL_W: f32 = 178.0;
const ROW_H: f32 = 15.0;
const AXIS_H: f32 = 24.0;
/// Room after the last date, so a bar ending there is not cut by the frame.
const PAD_DAYS: u64 = 10;

/// The dates the timeline spans and how to place a date on it.
struct Scale {
    start: NaiveDate,
    end: NaiveDate,
}

impl Scale {
    fn x(&self, d: NaiveDate) -> f32 {
        let span = (self.end - self.start).num_days().max(1) as f32;
        let at = (d - self.start)
            .num_days()
            .clamp(0, (self.end - self.start).num_days()) as f32;
        LEFT + LABEL_W + (WIDTH - LABEL_W) * at / span
    }

    /// First days of the months inside the range.
    fn months(&self) -> Vec<NaiveDate> {
        let mut out = Vec::new();
        let mut d = NaiveDate::from_ymd_opt(self.start.year(), self.start.month(), 1);
        while let Some(m) = d {
            if m > self.end {
                break;
            }
            if m >= self.start {
                out.push(m);
            }
            d = m.checked_add_months(chrono::Months::new(1));
        }
        out
    }
}

pub(super) fn timeline(flow: &mut Flow, t: &Timeline) -> Result<(), FontError> {
    let Some((start, end)) = t.range() else {
        return Ok(());
    };
    let scale = Scale {
        start,
        end: end.checked_add_days(Days::new(PAD_DAYS)).unwrap_or(end),
    };
    flow.block(34.0, |c, x, top| legend(c, x, top, t))?;
    flow.ensure(AXIS_H + 3.0 * ROW_H);
    let mut segment = axis(flow, &scale, &t.label)?;
    for (n, lane) in t.lanes.iter().enumerate() {
        if flow.remaining() < ROW_H {
            close(flow, &scale, &t.markers, segment)?;
            flow.new_page();
            segment = axis(flow, &scale, &t.label)?;
        }
        let top = flow.y();
        row(flow.canvas(), &scale, top, n, lane)?;
        flow.advance(ROW_H);
    }
    close(flow, &scale, &t.markers, segment)?;
    flow.space(6.0);
    Ok(())
}

fn legend(c: &mut Canvas, x: f32, top: f32, t: &Timeline) -> Result<(), FontError> {
    let mut lx = x;
    for (label, tone) in &t.legend {
        lx += swatch(c, lx, top + 9.0, tone_color(*tone), label)? + 14.0;
    }
    let mut lx = x;
    let small = style(7.5, Weight::Regular, MUTED);
    for m in &t.markers {
        let color = tone_color(m.tone);
        if m.dashed {
            c.dashed(lx, top + 23.0, lx + 16.0, top + 23.0, 1.2, color, 2.0);
        } else {
            c.rule(lx, top + 23.0, lx + 16.0, top + 23.0, 1.2, color);
        }
        let w = c.text(lx + 20.0, top + 26.0, small, &m.printed())?;
        lx += w + 38.0;
    }
    Ok(())
}

/// Draws the month axis; returns where the rows start and the drawing mark for gridlines.
fn axis(flow: &mut Flow, scale: &Scale, label_head: &str) -> Result<(f32, usize), FontError> {
    let top = flow.y();
    let c = flow.canvas();
    let label = style(7.0, Weight::Bold, MUTED);
    let months = scale.months();
    let span_days = (scale.end - scale.start).num_days();
    let step = if span_days > 400 { 2 } else { 1 };
    let first = scale.start.format("%-d %b").to_string();
    let mut last_right = scale.x(scale.start)
        + 2.0
        + c.text(scale.x(scale.start) + 2.0, top + 14.0, label, &first)?;
    for (k, m) in months.iter().enumerate() {
        if k % step != 0 {
            continue;
        }
        let text = if m.month() == 1 || k == 0 {
            m.format("%b %Y").to_string()
        } else {
            m.format("%b").to_string()
        };
        let x = scale.x(*m);
        if x < last_right + 4.0 {
            continue;
        }
        let w = c.text(x + 2.0, top + 14.0, label, &text)?;
        last_right = x + 2.0 + w;
    }
    c.text(LEFT, top + 14.0, label, &label_head.to_uppercase())?;
    let rule_y = top + AXIS_H - 4.0;
    c.rule(LEFT, rule_y, LEFT + WIDTH, rule_y, 0.6, RULE);
    let mark = c.mark();
    flow.advance(AXIS_H);
    Ok((rule_y, mark))
}

fn row(c: &mut Canvas, scale: &Scale, top: f32, n: usize, lane: &Lane) -> Result<(), FontError> {
    if n % 2 == 1 {
        c.fill_rect(LEFT, top, LABEL_W, ROW_H, ZEBRA);
    }
    let key = style(7.5, Weight::Bold, INK);
    let text = style(7.5, Weight::Regular, INK);
    let w = if lane.key.is_empty() {
        0.0
    } else {
        c.text(LEFT + 2.0, top + 10.5, key, &lane.key)?
    };
    let gap = if lane.key.is_empty() { 0.0 } else { 5.0 };
    // The label is cut with an ellipsis to its room: the bar, not the label, is the point.
    let f = face(Weight::Regular)?;
    let room = LABEL_W - w - 12.0;
    let mut label = f.printable(&lane.label);
    if f.width(&label, text.size) > room {
        while f.width(&format!("{label}…"), text.size) > room && label.chars().count() > 1 {
            label.pop();
        }
        label = format!("{}…", label.trim_end());
    }
    c.text(LEFT + 2.0 + w + gap, top + 10.5, text, &label)?;
    let x0 = scale.x(lane.start);
    let x1 = scale
        .x(lane.end.checked_add_days(Days::new(1)).unwrap_or(lane.end))
        .max(x0 + 2.0);
    c.fill_rect(x0, top + 3.5, x1 - x0, ROW_H - 7.0, tone_color(lane.tone));
    Ok(())
}

/// Finishes a page's part of the timeline: month gridlines under the bars, marker lines over.
fn close(
    flow: &mut Flow,
    scale: &Scale,
    markers: &[Marker],
    (grid_top, mark): (f32, usize),
) -> Result<(), FontError> {
    let bottom = flow.y();
    let c = flow.canvas();
    c.draw_under(mark, |g| {
        for m in scale.months() {
            let x = scale.x(m);
            g.rule(x, grid_top, x, bottom, 0.4, RULE);
        }
        Ok::<(), FontError>(())
    })?;
    for m in markers {
        let x = scale.x(m.date);
        let color = tone_color(m.tone);
        if m.dashed {
            c.dashed(x, grid_top - 2.0, x, bottom, 1.1, color, 3.0);
        } else {
            c.rule(x, grid_top - 2.0, x, bottom, 1.1, color);
        }
    }
    c.rule(LEFT, bottom, LEFT + WIDTH, bottom, 0.6, RULE);
    flow.advance(6.0);
    Ok(())
}
