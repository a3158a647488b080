//! The model's graphics in Word as native tables: the verdict beside its score, bars of block
//! characters for the radar and then-and-now, and the heat map as a grid of shaded cells, so
//! a client can edit them and every label stays text.

use super::blocks::{cell_text, gap, grid, shaded, tone_hex};
use super::styles::{self, MUTED};
use super::TEXT_W;
use crate::doc::{
    level_tone, percent, score_tone, Bar, Chart, Graphic, HeatRow, Pair, Tone, Verdict,
};
use docx_rs::{
    AlignmentType, Docx, Paragraph, Run, Table as WTable, TableCell, TableRow, WidthType,
};
use trustgap_domain::scoring::ScoreLevel;

/// Heat-map cells per line, as in print.
const HEAT_PER_LINE: usize = 8;
/// A bar of 100 % is this many block characters.
const BAR_CELLS: f64 = 20.0;

pub fn graphic(d: Docx, g: &Graphic) -> Docx {
    match g {
        Graphic::Verdict(v) => d.add_table(verdict(v)).add_paragraph(gap(80)),
        Graphic::Radar(bars) => super::blocks::chart(
            d,
            &Chart {
                title: String::new(),
                max: 100.0,
                unit: "%".to_owned(),
                bars: bars.clone(),
            },
        ),
        Graphic::HeatMap(rows) => d
            .add_table(heat_map(rows))
            .add_paragraph(gap(40))
            .add_table(legend())
            .add_paragraph(gap(80)),
        Graphic::Paired { then, pairs } => d.add_table(paired(then, pairs)).add_paragraph(gap(80)),
    }
}

/// A medium tint of a score tone: heat-map cells (the PDF's level colours at 55 %).
fn heat_tint(tone: Tone) -> &'static str {
    match tone {
        Tone::Good => "A6CEB8",
        Tone::Info => "A8C4E0",
        Tone::Warning => "E5C9A0",
        Tone::Critical => "E2A7A2",
        Tone::Neutral | Tone::Muted | Tone::Faint | Tone::Unsure => "E6E8EC",
    }
}

fn verdict(v: &Verdict) -> WTable {
    let widths = grid(&[1.0, 3.0]);
    let hex = tone_hex(v.tone);
    let score = TableCell::new()
        .width(widths[0], WidthType::Dxa)
        .add_paragraph(cell_text(&percent(v.score), true, hex, 56).align(AlignmentType::Center))
        .add_paragraph(cell_text(&v.caption, true, MUTED, 14).align(AlignmentType::Center));
    let words = TableCell::new()
        .width(widths[1], WidthType::Dxa)
        .add_paragraph(cell_text(&v.kicker, true, MUTED, 14))
        .add_paragraph(cell_text(&v.value, true, hex, 36))
        .add_paragraph(cell_text(&v.text, false, styles::INK, 19));
    WTable::without_borders(vec![TableRow::new(vec![score, words])])
        .set_grid(widths)
        .width(TEXT_W, WidthType::Dxa)
}

fn bar_text(value: Option<f64>) -> String {
    let n = value.map_or(0, |v| {
        ((v / 100.0).clamp(0.0, 1.0) * BAR_CELLS).round() as usize
    });
    "\u{2588}".repeat(n)
}

fn heat_map(rows: &[HeatRow]) -> WTable {
    let mut weights = vec![2.6];
    weights.extend([1.0; HEAT_PER_LINE]);
    let widths = grid(&weights);
    let mut out = Vec::new();
    for row in rows {
        let chunks: Vec<&[Bar]> = if row.cells.is_empty() {
            vec![&[]]
        } else {
            row.cells.chunks(HEAT_PER_LINE).collect()
        };
        for (line, chunk) in chunks.iter().enumerate() {
            let label = if line == 0 { row.label.as_str() } else { "" };
            let mut cells = vec![TableCell::new()
                .width(widths[0], WidthType::Dxa)
                .add_paragraph(cell_text(label, true, styles::INK, 15))];
            for i in 0..HEAT_PER_LINE {
                let w = widths[i + 1];
                cells.push(match chunk.get(i) {
                    Some(b) => TableCell::new()
                        .width(w, WidthType::Dxa)
                        .shading(shaded(heat_tint(b.tone)))
                        .add_paragraph(cell_text(&b.label, true, styles::INK, 14))
                        .add_paragraph(cell_text(&percent(b.value), false, styles::INK, 14)),
                    None => TableCell::new()
                        .width(w, WidthType::Dxa)
                        .add_paragraph(Paragraph::new()),
                });
            }
            out.push(TableRow::new(cells).cant_split());
        }
    }
    WTable::without_borders(out)
        .set_grid(widths)
        .width(TEXT_W, WidthType::Dxa)
}

/// The colour key under the heat map: each level's tint and name, then "No score".
fn legend() -> WTable {
    let levels: Vec<(Tone, &str)> = ScoreLevel::THRESHOLDS
        .iter()
        .rev()
        .map(|(l, _)| (level_tone(Some(*l)), l.label()))
        .chain([(Tone::Faint, "No score")])
        .collect();
    let widths = grid(&vec![1.0; levels.len()]);
    let cells = levels
        .iter()
        .zip(&widths)
        .map(|((tone, label), w)| {
            TableCell::new().width(*w, WidthType::Dxa).add_paragraph(
                Paragraph::new()
                    .style(styles::CELL)
                    .add_run(
                        Run::new()
                            .add_text("\u{25A0} ")
                            .color(heat_tint(*tone))
                            .size(20),
                    )
                    .add_run(Run::new().add_text(*label).color(MUTED).size(15)),
            )
        })
        .collect();
    WTable::without_borders(vec![TableRow::new(cells)])
        .set_grid(widths)
        .width(TEXT_W, WidthType::Dxa)
}

fn paired(then: &str, pairs: &[Pair]) -> WTable {
    let widths = grid(&[2.6, 3.0, 3.0, 1.6]);
    let head = ["", &format!("Snapshot: {then}"), "Now", "Change"];
    let mut rows = vec![TableRow::new(
        head.iter()
            .zip(&widths)
            .map(|(h, w)| {
                TableCell::new()
                    .width(*w, WidthType::Dxa)
                    .add_paragraph(cell_text(h, true, MUTED, 15))
            })
            .collect(),
    )];
    for p in pairs {
        let change = match p.now.zip(p.before) {
            Some((n, b)) => format!("{:+.0} pts", n - b),
            None => "n/a".to_owned(),
        };
        let now_tone = score_tone(p.now);
        let cells = [
            (p.label.clone(), true, styles::INK.to_owned()),
            (
                format!("{} {}", bar_text(p.before), percent(p.before)),
                false,
                "8A93A3".to_owned(),
            ),
            (
                format!("{} {}", bar_text(p.now), percent(p.now)),
                false,
                tone_hex(now_tone).to_owned(),
            ),
            (change, true, styles::INK.to_owned()),
        ];
        rows.push(TableRow::new(
            cells
                .iter()
                .zip(&widths)
                .map(|((text, bold, color), w)| {
                    TableCell::new()
                        .width(*w, WidthType::Dxa)
                        .add_paragraph(cell_text(text, *bold, color, 16))
                })
                .collect(),
        ));
    }
    WTable::without_borders(rows)
        .set_grid(widths)
        .width(TEXT_W, WidthType::Dxa)
}
