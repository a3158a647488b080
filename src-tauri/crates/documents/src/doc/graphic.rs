//! Pictures drawn from data: a score ring with its verdict, a radar, a heat map and scores then
//! and now. The PDF draws them as vector graphics; Word as native tables, so a client can edit
//! them and their text stays text.

use super::{Bar, Tone};
use trustgap_domain::scoring::ScoreLevel;

#[derive(Debug, Clone, PartialEq)]
pub enum Graphic {
    /// One score as a ring, and beside it a kicker ("VERDICT"), a value in the tone's colour
    /// ("Significant gaps") and a sentence saying what it means.
    Verdict(Verdict),
    /// One spoke per bar, rings at 25, 50, 75 and 100 %; with fewer than three bars, bars.
    Radar(Vec<Bar>),
    /// One row per label, a cell per bar coloured by its tone, and the legend of levels.
    HeatMap(Vec<HeatRow>),
    /// Scores then (a snapshot, named by `then`) and now, a pair of bars per item.
    Paired { then: String, pairs: Vec<Pair> },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub score: Option<f64>,
    pub tone: Tone,
    /// Under the ring: "OVERALL READINESS".
    pub caption: String,
    pub kicker: String,
    pub value: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct HeatRow {
    pub label: String,
    pub cells: Vec<Bar>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    pub label: String,
    pub before: Option<f64>,
    pub now: Option<f64>,
}

/// The tone a score level reads as (no level: faint, "no score").
pub fn level_tone(level: Option<ScoreLevel>) -> Tone {
    match level {
        Some(ScoreLevel::Good) => Tone::Good,
        Some(ScoreLevel::Fair) => Tone::Info,
        Some(ScoreLevel::Weak) => Tone::Warning,
        Some(ScoreLevel::Poor) => Tone::Critical,
        None => Tone::Faint,
    }
}

/// The tone of a score on its own, without gap information (a category's bar).
pub fn score_tone(score: Option<f64>) -> Tone {
    level_tone(score.map(|s| ScoreLevel::of(s, 0)))
}

/// "62%" or "n/a".
pub fn percent(score: Option<f64>) -> String {
    score.map_or_else(|| "n/a".to_owned(), |v| format!("{v:.0}%"))
}

impl Graphic {
    /// The text the graphic prints, in reading order.
    pub fn texts(&self) -> Vec<String> {
        match self {
            Graphic::Verdict(v) => vec![
                percent(v.score),
                v.caption.clone(),
                v.kicker.clone(),
                v.value.clone(),
                v.text.clone(),
            ],
            Graphic::Radar(bars) => bars.iter().map(|b| b.label.clone()).collect(),
            Graphic::HeatMap(rows) => rows
                .iter()
                .flat_map(|r| {
                    std::iter::once(r.label.clone()).chain(r.cells.iter().map(|c| c.label.clone()))
                })
                .collect(),
            Graphic::Paired { pairs, .. } => pairs.iter().map(|p| p.label.clone()).collect(),
        }
    }
}
