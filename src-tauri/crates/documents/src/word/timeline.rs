//! A model [`Timeline`] in Word: a legend, then a table with the label column and one narrow
//! column per week (several weeks a column on long plans), the months as merged header cells,
//! each lane's weeks shaded in its colour (alike weeks merged into one cell) and each marker as
//! a coloured left edge down its week's column. A table, not a picture: editable, and read
//! aloud row by row.

use super::blocks::{cell_text, gap, shaded, tone_hex};
use super::styles::{self, BRAND, MUTED, WHITE};
use super::TEXT_W;
use crate::doc::{Timeline, Tone};
use crate::report::theme::clip;
use chrono::{Datelike, Days, NaiveDate};
use docx_rs::{
    BorderType, Docx, Paragraph, Run, Table as WTable, TableCell, TableCellBorder,
    TableCellBorderPosition, TableCellBorders, TableRow, WidthType,
};

/// At most this many date columns: on a longer plan a column stands for several weeks.
const MAX_COLUMNS: usize = 52;
/// Width of the label column, in twips (about 5.6 cm).
const LABEL_W: usize = 3200;
/// Labels longer than this are cut with an ellipsis, so a lane stays one line high (the full
/// title is in the action table).
const LABEL_CHARS: usize = 34;

/// The first day of each date column, and the days a column spans.
fn columns(start: NaiveDate, end: NaiveDate) -> (Vec<NaiveDate>, u64) {
    let monday = start - Days::new(u64::from(start.weekday().num_days_from_monday()));
    let weeks = ((end - monday).num_days() / 7 + 1).max(1) as usize;
    let per = weeks.div_ceil(MAX_COLUMNS).max(1);
    let days = 7 * per as u64;
    let n = weeks.div_ceil(per);
    let cols = (0..n)
        .filter_map(|i| monday.checked_add_days(Days::new(days * i as u64)))
        .collect();
    (cols, days)
}

pub fn timeline(d: Docx, t: &Timeline) -> Docx {
    let Some((start, end)) = t.range() else {
        return d;
    };
    let (cols, span) = columns(start, end);
    let last_day = |c: NaiveDate| c.checked_add_days(Days::new(span - 1)).unwrap_or(c);
    let col_w = (TEXT_W - LABEL_W) / cols.len().max(1);
    let mut widths = vec![LABEL_W];
    widths.extend(std::iter::repeat_n(col_w, cols.len()));
    // The marker falling in each column, if any (the first one listed wins).
    let marker_at: Vec<Option<(Tone, bool)>> = cols
        .iter()
        .map(|c| {
            t.markers
                .iter()
                .find(|m| m.date >= *c && m.date <= last_day(*c))
                .map(|m| (m.tone, m.dashed))
        })
        .collect();
    // Only the left edge: `set_border` alone would box the cell in.
    let edge = |cell: TableCell, k: usize| match marker_at[k] {
        Some((tone, dashed)) => cell.set_borders(
            TableCellBorders::with_empty().set(
                TableCellBorder::new(TableCellBorderPosition::Left)
                    .border_type(if dashed {
                        BorderType::Dashed
                    } else {
                        BorderType::Single
                    })
                    .size(12)
                    .color(tone_hex(tone)),
            ),
        ),
        None => cell,
    };

    // The header: the label column's title, then each month over its columns.
    let mut head = vec![TableCell::new()
        .width(LABEL_W, WidthType::Dxa)
        .shading(shaded(BRAND))
        .add_paragraph(cell_text(&t.label.to_uppercase(), true, WHITE, 14))];
    let mut k = 0;
    while k < cols.len() {
        let month = (cols[k].year(), cols[k].month());
        let n = cols[k..]
            .iter()
            .take_while(|c| (c.year(), c.month()) == month)
            .count();
        // The year where a month has room for it (the first, and January); the markers in the
        // legend carry full dates.
        let label = if (k == 0 || month.1 == 1) && n >= 5 {
            cols[k].format("%b %Y").to_string()
        } else {
            cols[k].format("%b").to_string()
        };
        // A month of one narrow column has no room for its name.
        let shown = if n >= 2 { label } else { String::new() };
        head.push(
            TableCell::new()
                .width(col_w * n, WidthType::Dxa)
                .grid_span(n)
                .shading(shaded(BRAND))
                .add_paragraph(cell_text(&shown, true, WHITE, 11)),
        );
        k += n;
    }
    // Only header rows carry cantSplit: `package` turns it into a repeating header.
    let mut rows = vec![TableRow::new(head).cant_split()];
    for lane in &t.lanes {
        let mut label = Paragraph::new().style(styles::CELL);
        if !lane.key.is_empty() {
            label = label.add_run(
                Run::new()
                    .add_text(format!("{} ", lane.key))
                    .bold()
                    .size(15),
            );
        }
        label = label.add_run(Run::new().add_text(clip(&lane.label, LABEL_CHARS)).size(15));
        let mut cells = vec![TableCell::new()
            .width(LABEL_W, WidthType::Dxa)
            .add_paragraph(label)];
        // Neighbouring weeks alike (both in the bar or both out of it, no marker between) share
        // one merged cell: a plan of a year is a handful of cells a row, not fifty.
        let on: Vec<bool> = cols
            .iter()
            .map(|c| lane.start <= last_day(*c) && lane.end >= *c)
            .collect();
        let mut k = 0;
        while k < cols.len() {
            let n = 1
                + (k + 1..cols.len())
                    .take_while(|&j| on[j] == on[k] && marker_at[j].is_none())
                    .count();
            let mut cell = TableCell::new()
                .width(col_w * n, WidthType::Dxa)
                .add_paragraph(cell_text("", false, MUTED, 12));
            if n > 1 {
                cell = cell.grid_span(n);
            }
            if on[k] {
                cell = cell.shading(shaded(tone_hex(lane.tone)));
            }
            cells.push(edge(cell, k));
            k += n;
        }
        rows.push(TableRow::new(cells));
    }
    d.add_paragraph(legend(t))
        .add_table(
            WTable::without_borders(rows)
                .set_grid(widths)
                .width(TEXT_W, WidthType::Dxa),
        )
        .add_paragraph(gap(80))
}

/// The bar colours as squares with their meaning, then each marker as a coloured bar with its
/// label and date.
fn legend(t: &Timeline) -> Paragraph {
    let mut p = Paragraph::new().style(styles::NOTE).keep_next(true);
    for (label, tone) in &t.legend {
        p = p
            .add_run(Run::new().add_text("\u{25A0} ").color(tone_hex(*tone)))
            .add_run(Run::new().add_text(format!("{label}   ")));
    }
    for m in &t.markers {
        let mark = if m.dashed { "\u{2506} " } else { "\u{2502} " };
        p = p
            .add_run(Run::new().add_text(mark).bold().color(tone_hex(m.tone)))
            .add_run(Run::new().add_text(format!("{}   ", m.printed())));
    }
    p
}
