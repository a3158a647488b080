//! The model's graphics drawn with the chart engine: the verdict ring, the radar, the heat map
//! and scores then and now, each kept whole on a page.

use super::chart::{
    donut, heatmap, heatmap_height, paired_bars, paired_bars_height, radar, radar_height, Datum,
    HeatRow as EngineRow,
};
use super::flow::{Flow, WIDTH};
use super::fonts::{FontError, Weight};
use super::model::tone_color;
use super::theme::{style, BODY, LABEL};
use crate::doc::{Bar, Graphic, Tone};
use trustgap_domain::scoring::ScoreLevel;
use trustgap_domain::snapshot::Delta;

const VERDICT_H: f32 = 132.0;
const RADAR_R: f32 = 105.0;
const HEAT_LABEL_W: f32 = 126.0;
const PAIR_LABEL_W: f32 = 150.0;

/// The level a tone stands for, the inverse of [`crate::doc::level_tone`].
fn tone_level(tone: Tone) -> Option<ScoreLevel> {
    match tone {
        Tone::Good => Some(ScoreLevel::Good),
        Tone::Info => Some(ScoreLevel::Fair),
        Tone::Warning => Some(ScoreLevel::Weak),
        Tone::Critical => Some(ScoreLevel::Poor),
        Tone::Neutral | Tone::Muted | Tone::Faint | Tone::Unsure => None,
    }
}

fn datum(b: &Bar) -> Datum {
    Datum {
        label: b.label.clone(),
        score: b.value,
        level: tone_level(b.tone),
    }
}

fn heat_rows(rows: &[crate::doc::HeatRow]) -> Vec<EngineRow> {
    rows.iter()
        .map(|r| EngineRow {
            label: r.label.clone(),
            cells: r.cells.iter().map(datum).collect(),
        })
        .collect()
}

/// The height a graphic takes on the page.
pub fn graphic_height(g: &Graphic) -> Result<f32, FontError> {
    Ok(match g {
        Graphic::Verdict(_) => VERDICT_H,
        Graphic::Radar(bars) if bars.len() < 3 => super::chart::bars_height(bars.len()),
        Graphic::Radar(_) => radar_height(RADAR_R),
        Graphic::HeatMap(rows) => heatmap_height(&heat_rows(rows), HEAT_LABEL_W, WIDTH),
        Graphic::Paired { pairs, .. } => paired_bars_height(pairs.len()) + 6.0,
    })
}

/// Draws `g` from the cursor, on the next page when it does not fit on this one.
pub fn graphic(flow: &mut Flow, g: &Graphic) -> Result<(), FontError> {
    let h = graphic_height(g)?;
    match g {
        Graphic::Verdict(v) => {
            let color = tone_color(v.tone);
            flow.block(h, |c, x, top| {
                donut(c, x + 58.0, top + 56.0, 52.0, v.score, color, &v.caption)?;
                let tx = x + 150.0;
                c.text(tx, top + 12.0, LABEL, &v.kicker)?;
                c.text(tx, top + 36.0, style(20.0, Weight::Bold, color), &v.value)?;
                c.paragraph(tx, top + 56.0, WIDTH - 150.0, BODY, &v.text)
                    .map(|_| ())
            })
        }
        Graphic::Radar(bars) => {
            let data: Vec<Datum> = bars.iter().map(datum).collect();
            flow.block(h, |c, x, top| radar(c, x, top, WIDTH, RADAR_R, &data))
        }
        Graphic::HeatMap(rows) => {
            let rows = heat_rows(rows);
            flow.block(h, |c, x, top| {
                heatmap(c, x, top, WIDTH, HEAT_LABEL_W, &rows)
            })
        }
        Graphic::Paired { then, pairs } => {
            let data: Vec<Delta> = pairs
                .iter()
                .map(|p| Delta {
                    key: p.label.clone(),
                    label: p.label.clone(),
                    before: p.before,
                    now: p.now,
                    change: p.now.zip(p.before).map(|(n, b)| n - b),
                })
                .collect();
            flow.block(h, |c, x, top| {
                paired_bars(c, x, top, WIDTH, PAIR_LABEL_W, &data, then)
            })
        }
    }
}
