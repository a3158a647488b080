//! Chapter: the roadmap: a timeline with one bar per action from its start to its due date,
//! coloured by priority, against the plan date, the readiness deadline and the audit date. The
//! month axis is repeated on every page the timeline runs onto.

use crate::report::chart::swatch;
use crate::report::context::{action_ref, ReportContext};
use crate::report::flow::{Flow, LEFT, WIDTH};
use crate::report::fonts::{face, FontError, Weight};
use crate::report::layout::Canvas;
use crate::report::theme::{
    priority_color, style, BAD, BODY, BRAND, FAINT, GOOD, INK, MUTED, RULE, ZEBRA,
};
use crate::report::ReportError;
use chrono::{Datelike, Days, NaiveDate};
use trustgap_domain::plan::{Action, ActionStatus, Priority};

const LABEL_W: f32 = 178.0;
const ROW_H: f32 = 15.0;
const AXIS_H: f32 = 24.0;

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

/// Lines drawn across the timeline: (date, colour, dashed, label).
fn markers(
    ctx: &ReportContext<'_>,
) -> Vec<(NaiveDate, crate::report::layout::Rgb8, bool, &'static str)> {
    let mut m = vec![(ctx.plan.plan_date, BRAND, false, "Plan date")];
    if let Some(d) = ctx.deadline() {
        m.push((d, BAD, true, "Readiness deadline"));
    }
    if let Some(d) = ctx.profile.target_date {
        m.push((d, INK, false, "Target audit date"));
    }
    m
}

pub(super) fn roadmap(
    flow: &mut Flow,
    ctx: &ReportContext<'_>,
    number: &str,
) -> Result<(), ReportError> {
    flow.chapter(number, "Roadmap")?;
    let actions = &ctx.plan.actions;
    if actions.is_empty() {
        flow.paragraph(
            BODY,
            "The plan has no action: there is nothing to schedule.",
        )?;
        return Ok(());
    }
    flow.paragraph(
        BODY,
        "Each bar runs from an action's start to its due date, coloured by priority; finished \
         actions are green and accepted risks grey. Vertical lines mark the plan date, the \
         readiness deadline (dashed) and the target audit date.",
    )?;
    flow.space(8.0);
    let first = actions
        .iter()
        .map(|a| a.start)
        .min()
        .unwrap_or(ctx.plan.plan_date);
    let start = first.min(ctx.plan.plan_date);
    let mut end = actions.iter().map(|a| a.due).max().unwrap_or(start);
    for (d, ..) in markers(ctx) {
        end = end.max(d);
    }
    let scale = Scale {
        start,
        end: end.checked_add_days(Days::new(10)).unwrap_or(end),
    };
    let marks = markers(ctx);
    flow.block(34.0, |c, x, top| legend(c, x, top, &marks))?;

    // Bars in start order, then plan order.
    let mut order: Vec<(usize, &Action)> = actions.iter().enumerate().collect();
    order.sort_by_key(|(i, a)| (a.start, *i));

    flow.ensure(AXIS_H + 3.0 * ROW_H);
    let mut segment = axis(flow, &scale)?;
    for (n, (i, a)) in order.iter().enumerate() {
        if flow.remaining() < ROW_H {
            close(flow, &scale, &marks, segment)?;
            flow.new_page();
            segment = axis(flow, &scale)?;
        }
        let top = flow.y();
        row(flow.canvas(), &scale, top, n, *i, a)?;
        flow.advance(ROW_H);
    }
    close(flow, &scale, &marks, segment)?;
    Ok(())
}

fn legend(
    c: &mut Canvas,
    x: f32,
    top: f32,
    marks: &[(NaiveDate, crate::report::layout::Rgb8, bool, &str)],
) -> Result<(), FontError> {
    let mut lx = x;
    for p in [Priority::P1, Priority::P2, Priority::P3, Priority::P4] {
        lx += swatch(c, lx, top + 9.0, priority_color(p), p.label())? + 14.0;
    }
    lx += swatch(c, lx, top + 9.0, GOOD, "Done")? + 14.0;
    swatch(c, lx, top + 9.0, FAINT, "Risk accepted")?;
    let mut lx = x;
    let small = style(7.5, Weight::Regular, MUTED);
    for (d, color, dashed, label) in marks {
        if *dashed {
            c.dashed(lx, top + 23.0, lx + 16.0, top + 23.0, 1.2, *color, 2.0);
        } else {
            c.rule(lx, top + 23.0, lx + 16.0, top + 23.0, 1.2, *color);
        }
        let w = c.text(
            lx + 20.0,
            top + 26.0,
            small,
            &format!("{label} {}", d.format("%-d %b %Y")),
        )?;
        lx += w + 38.0;
    }
    Ok(())
}

/// Draws the month axis; returns where the rows start and the drawing mark for gridlines.
fn axis(flow: &mut Flow, scale: &Scale) -> Result<(f32, usize), FontError> {
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
    c.text(LEFT, top + 14.0, label, "ACTION")?;
    c.rule(
        LEFT,
        top + AXIS_H - 4.0,
        LEFT + WIDTH,
        top + AXIS_H - 4.0,
        0.6,
        RULE,
    );
    let mark = c.mark();
    flow.advance(AXIS_H);
    Ok((top + AXIS_H - 4.0, mark))
}

fn row(
    c: &mut Canvas,
    scale: &Scale,
    top: f32,
    n: usize,
    index: usize,
    a: &Action,
) -> Result<(), FontError> {
    if n % 2 == 1 {
        c.fill_rect(LEFT, top, LABEL_W, ROW_H, ZEBRA);
    }
    let id = style(7.5, Weight::Bold, INK);
    let text = style(7.5, Weight::Regular, INK);
    let w = c.text(LEFT + 2.0, top + 10.5, id, &action_ref(index))?;
    let f = face(Weight::Regular)?;
    let room = LABEL_W - w - 12.0;
    let mut title = f.printable(&a.title);
    if f.width(&title, text.size) > room {
        while f.width(&format!("{title}…"), text.size) > room && title.chars().count() > 1 {
            title.pop();
        }
        title = format!("{}…", title.trim_end());
    }
    c.text(LEFT + 2.0 + w + 5.0, top + 10.5, text, &title)?;
    let color = match a.status {
        ActionStatus::Done => GOOD,
        ActionStatus::RiskAccepted => FAINT,
        _ => priority_color(a.priority),
    };
    let x0 = scale.x(a.start);
    let x1 = scale
        .x(a.due.checked_add_days(Days::new(1)).unwrap_or(a.due))
        .max(x0 + 2.0);
    c.fill_rect(x0, top + 3.5, x1 - x0, ROW_H - 7.0, color);
    Ok(())
}

/// Finishes a page's part of the timeline: month gridlines under the bars, marker lines over.
fn close(
    flow: &mut Flow,
    scale: &Scale,
    marks: &[(NaiveDate, crate::report::layout::Rgb8, bool, &str)],
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
    for (d, color, dashed, _) in marks {
        let x = scale.x(*d);
        if *dashed {
            c.dashed(x, grid_top - 2.0, x, bottom, 1.1, *color, 3.0);
        } else {
            c.rule(x, grid_top - 2.0, x, bottom, 1.1, *color);
        }
    }
    c.rule(LEFT, bottom, LEFT + WIDTH, bottom, 0.6, RULE);
    flow.advance(6.0);
    Ok(())
}
