//! Tables: columns sized by weight, cells wrapped with the font's metrics, a header row that is
//! repeated on every page the table runs onto (with the current group, such as a criterion,
//! named again as continued), and rows that split across a page break when they are tall (a
//! long note) instead of leaving a large hole.

mod cells;
#[cfg(test)]
mod tests;

use super::flow::{Flow, LEFT, WIDTH};
use super::fonts::FontError;
use super::layout::{Rgb8, Style};
use super::theme::{BRAND, CELL, CELL_BOLD, CELL_MUTED, HEAD_CELL, RULE, ZEBRA};
use cells::{draw_cells, full, lay, row_height, Laid};

pub(super) const PAD_X: f32 = 5.0;
pub(super) const PAD_Y: f32 = 4.0;
/// A row is split at a page break only if at least this many lines stay on the first page.
const MIN_SPLIT_LINES: usize = 2;
/// Rows shorter than this move whole to the next page instead of splitting.
const SPLIT_ROWS_TALLER_THAN: f32 = 150.0;
/// Tables shorter than this move whole to the next page rather than start at a page's foot.
const KEEP_WHOLE: f32 = 200.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

pub struct Column {
    pub header: String,
    /// Share of the table width (relative to the other columns).
    pub weight: f32,
    pub align: Align,
}

impl Column {
    pub fn new(header: &str, weight: f32) -> Column {
        Column {
            header: header.to_owned(),
            weight,
            align: Align::Left,
        }
    }

    pub fn right(mut self) -> Column {
        self.align = Align::Right;
        self
    }
}

/// What a cell shows.
pub enum Cell {
    /// Paragraphs, each in its own style, wrapped to the column.
    Text(Vec<(String, Style)>),
    /// A coloured label (severity, priority, status).
    Chip(String, Rgb8),
    /// A small score bar with the percentage.
    Score(Option<f64>),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(vec![(s.into(), CELL)])
    }

    pub fn styled(s: impl Into<String>, style: Style) -> Cell {
        Cell::Text(vec![(s.into(), style)])
    }

    /// A main line and a secondary line under it.
    pub fn two(
        main: impl Into<String>,
        main_style: Style,
        sub: impl Into<String>,
        sub_style: Style,
    ) -> Cell {
        let sub = sub.into();
        let mut parts = vec![(main.into(), main_style)];
        if !sub.trim().is_empty() {
            parts.push((sub, sub_style));
        }
        Cell::Text(parts)
    }
}

pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    /// Colour of the header band.
    pub header_fill: Rgb8,
    /// Whether the header row is drawn (and repeated); off for label/value lists.
    pub show_header: bool,
    /// Shade every other row.
    pub zebra: bool,
    /// A grouping column (a criterion above its controls): when a row without a value there
    /// opens a page, it shows the last value above it, marked as continued.
    pub carry: Option<usize>,
}

impl Table {
    pub fn new(columns: Vec<Column>) -> Table {
        Table {
            columns,
            rows: Vec::new(),
            header_fill: BRAND,
            show_header: true,
            zebra: true,
            carry: None,
        }
    }

    /// A table without a header row or shading: label/value lists, findings.
    pub fn plain(columns: Vec<Column>) -> Table {
        Table {
            show_header: false,
            zebra: false,
            ..Table::new(columns)
        }
    }

    pub fn row(&mut self, cells: Vec<Cell>) {
        self.rows.push(cells);
    }
}

fn widths(columns: &[Column]) -> Vec<f32> {
    let total: f32 = columns.iter().map(|c| c.weight.max(0.01)).sum();
    columns
        .iter()
        .map(|c| WIDTH * c.weight.max(0.01) / total)
        .collect()
}

impl Flow {
    /// Draws `table` from the cursor, breaking pages as needed.
    pub fn table(&mut self, table: &Table) -> Result<(), FontError> {
        let widths = widths(&table.columns);
        let header: Vec<Laid> = table
            .columns
            .iter()
            .zip(&widths)
            .map(|(c, w)| lay(&Cell::styled(c.header.clone(), HEAD_CELL), w - 2.0 * PAD_X))
            .collect::<Result<_, _>>()?;
        let header_h = if table.show_header {
            row_height(&header, &full(&header))
        } else {
            0.0
        };
        let rows: Vec<Vec<Laid>> = table
            .rows
            .iter()
            .map(|row| {
                row.iter()
                    .zip(&widths)
                    .map(|(c, w)| lay(c, w - 2.0 * PAD_X))
                    .collect::<Result<Vec<_>, _>>()
            })
            .collect::<Result<_, _>>()?;
        let heights: Vec<f32> = rows.iter().map(|r| row_height(r, &full(r))).collect();
        self.ensure(lead_height(header_h, &heights));
        let mut first = true;
        // The grouping column's last value, for rows that open a page without one.
        let mut carried: Option<String> = None;
        for (index, base) in rows.iter().enumerate() {
            if let Some(label) = table.carry.and_then(|c| cell_text(&table.rows[index], c)) {
                carried = Some(label.to_owned());
            }
            let mut relaid: Option<Vec<Laid>> = None;
            // Lines of each cell still to draw.
            let mut from: Vec<usize> = vec![0; base.len()];
            let mut broke = false;
            loop {
                let laid = relaid.as_deref().unwrap_or(base);
                let rest: Vec<(usize, usize)> = laid
                    .iter()
                    .zip(&from)
                    .map(|(l, &f)| (f, l.heights().len()))
                    .collect();
                let need = row_height(laid, &rest);
                if first {
                    self.draw_header(table, &header, &widths, header_h)?;
                    first = false;
                }
                if need <= self.remaining() {
                    self.draw_row(table, laid, &widths, &rest, need, index)?;
                    break;
                }
                // Split the row where the page ends, if enough of it fits to be worth it.
                let room = self.remaining() - 2.0 * PAD_Y;
                let cut: Vec<(usize, usize)> = laid
                    .iter()
                    .zip(&from)
                    .map(|(l, &f)| {
                        let hs = l.heights();
                        let mut used = 0.0;
                        let mut end = f;
                        while end < hs.len() && used + hs[end] <= room {
                            used += hs[end];
                            end += 1;
                        }
                        (f, end)
                    })
                    .collect();
                let placed = cut.iter().map(|(f, e)| e - f).max().unwrap_or(0);
                if (placed >= MIN_SPLIT_LINES && need > SPLIT_ROWS_TALLER_THAN)
                    || (broke && placed > 0)
                {
                    let h = row_height(laid, &cut);
                    self.draw_row(table, laid, &widths, &cut, h, index)?;
                    for (f, (_, e)) in from.iter_mut().zip(&cut) {
                        *f = *e;
                    }
                } else if broke {
                    // Nothing fits even on a fresh page (a line taller than the page): draw it
                    // rather than loop.
                    self.draw_row(table, laid, &widths, &rest, need, index)?;
                    break;
                }
                self.new_page();
                self.draw_header(table, &header, &widths, header_h)?;
                broke = true;
                if relaid.is_none() && from.iter().all(|f| *f == 0) {
                    relaid = continued(table, index, &widths, carried.as_deref())?;
                }
            }
        }
        if first {
            // A table without rows still shows its header.
            self.ensure(header_h);
            self.draw_header(table, &header, &widths, header_h)?;
        }
        Ok(())
    }

    /// The room `table` needs below a heading so the heading is not left alone: the whole
    /// table when short, else its header and first row (or the first lines of a tall row).
    pub fn table_lead(&self, table: &Table) -> Result<f32, FontError> {
        let widths = widths(&table.columns);
        let header_h = if table.show_header {
            let header: Vec<Laid> = table
                .columns
                .iter()
                .zip(&widths)
                .map(|(c, w)| lay(&Cell::styled(c.header.clone(), HEAD_CELL), w - 2.0 * PAD_X))
                .collect::<Result<_, _>>()?;
            row_height(&header, &full(&header))
        } else {
            0.0
        };
        let mut heights = Vec::new();
        for row in table.rows.iter().take(40) {
            let laid: Vec<Laid> = row
                .iter()
                .zip(&widths)
                .map(|(c, w)| lay(c, w - 2.0 * PAD_X))
                .collect::<Result<_, _>>()?;
            heights.push(row_height(&laid, &full(&laid)));
        }
        if table.rows.len() > 40 {
            heights.push(KEEP_WHOLE);
        }
        Ok(lead_height(header_h, &heights))
    }

    fn draw_header(
        &mut self,
        table: &Table,
        header: &[Laid],
        widths: &[f32],
        h: f32,
    ) -> Result<(), FontError> {
        if !table.show_header {
            return Ok(());
        }
        let top = self.y();
        let c = self.canvas();
        c.fill_rect(LEFT, top, WIDTH, h, table.header_fill);
        draw_cells(c, &table.columns, header, widths, &full(header), top)?;
        self.advance(h);
        Ok(())
    }

    fn draw_row(
        &mut self,
        table: &Table,
        laid: &[Laid],
        widths: &[f32],
        span: &[(usize, usize)],
        h: f32,
        index: usize,
    ) -> Result<(), FontError> {
        let top = self.y();
        let c = self.canvas();
        if table.zebra && index % 2 == 1 {
            c.fill_rect(LEFT, top, WIDTH, h, ZEBRA);
        }
        draw_cells(c, &table.columns, laid, widths, span, top)?;
        c.rule(LEFT, top + h, LEFT + WIDTH, top + h, 0.4, RULE);
        self.advance(h);
        Ok(())
    }
}

/// The first text of a row's cell in column `c`, when it has one.
fn cell_text(row: &[Cell], c: usize) -> Option<&str> {
    match row.get(c) {
        Some(Cell::Text(parts)) => parts
            .first()
            .map(|(t, _)| t.as_str())
            .filter(|t| !t.trim().is_empty()),
        _ => None,
    }
}

/// Row `index` laid out again with the carried group value, marked as continued, in the
/// grouping column, when the row has no value of its own there.
fn continued(
    table: &Table,
    index: usize,
    widths: &[f32],
    carried: Option<&str>,
) -> Result<Option<Vec<Laid>>, FontError> {
    let (Some(c), Some(label)) = (table.carry, carried) else {
        return Ok(None);
    };
    let row = &table.rows[index];
    if cell_text(row, c).is_some() {
        return Ok(None);
    }
    let mark = Cell::two(label, CELL_BOLD, "continued", CELL_MUTED);
    row.iter()
        .enumerate()
        .zip(widths)
        .map(|((i, cell), w)| lay(if i == c { &mark } else { cell }, w - 2.0 * PAD_X))
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

/// Room a table needs to start on the current page: the whole of a short table; else the
/// header and the first row, or the first three lines of a first row that may split.
fn lead_height(header_h: f32, heights: &[f32]) -> f32 {
    let total: f32 = header_h + heights.iter().sum::<f32>();
    if total <= KEEP_WHOLE {
        return total;
    }
    let first = heights.first().copied().unwrap_or(0.0);
    let first = if first > SPLIT_ROWS_TALLER_THAN {
        3.0 * CELL.leading() + 2.0 * PAD_Y
    } else {
        first
    };
    header_h + first
}
