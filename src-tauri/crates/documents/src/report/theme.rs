//! The reports' visual language: colours, text styles, score and severity colours, and the small
//! formatting helpers (percentages, dates, plurals) every report module shares.

use super::fonts::Weight;
use super::layout::{Rgb8, Style};
use crate::doc::Tone;
use chrono::NaiveDate;
use trustgap_domain::assessment::Answer;
use trustgap_domain::scoring::{Band, ScoreLevel, Severity};

pub const INK: Rgb8 = Rgb8(0x1d2433);
pub const MUTED: Rgb8 = Rgb8(0x5b6475);
pub const FAINT: Rgb8 = Rgb8(0x8a93a3);
pub const BRAND: Rgb8 = Rgb8(0x1f4e79);
pub const BRAND_DARK: Rgb8 = Rgb8(0x163a5c);
pub const BRAND_SOFT: Rgb8 = Rgb8(0xc9d8ea);
pub const BRAND_TINT: Rgb8 = Rgb8(0xeef3f9);
pub const TRACK: Rgb8 = Rgb8(0xe6e9ef);
pub const RULE: Rgb8 = Rgb8(0xd5dae3);
pub const ZEBRA: Rgb8 = Rgb8(0xf6f8fb);
pub const WHITE: Rgb8 = Rgb8(0xffffff);

pub const GOOD: Rgb8 = Rgb8(0x1b7f4c);
pub const FAIR: Rgb8 = Rgb8(0x2f6fb0);
pub const WARN: Rgb8 = Rgb8(0xb7791f);
pub const BAD: Rgb8 = Rgb8(0xb42318);
pub const UNKNOWN: Rgb8 = Rgb8(0x6b4fa0);

impl Rgb8 {
    /// This colour mixed towards white by `t` (0 = unchanged, 1 = white): tints for fills.
    pub fn tint(self, t: f32) -> Rgb8 {
        let t = t.clamp(0.0, 1.0);
        let mix = |shift: u32| {
            let c = ((self.0 >> shift) & 0xff) as f32;
            let m = c + (255.0 - c) * t;
            (m.round() as u32).min(255) << shift
        };
        Rgb8(mix(16) | mix(8) | mix(0))
    }
}

pub const fn style(size: f32, weight: Weight, color: Rgb8) -> Style {
    Style::new(size, weight, color)
}

/// Body text.
pub const BODY: Style = style(9.5, Weight::Regular, INK);
/// Secondary text: captions, notes, explanations.
pub const SMALL: Style = style(8.5, Weight::Regular, MUTED);
/// Table body and header.
pub const CELL: Style = style(8.5, Weight::Regular, INK);
pub const CELL_BOLD: Style = style(8.5, Weight::Bold, INK);
pub const CELL_MUTED: Style = style(7.5, Weight::Regular, MUTED);
pub const HEAD_CELL: Style = style(7.5, Weight::Bold, WHITE);
/// Small capitals-style label above figures.
pub const LABEL: Style = style(7.5, Weight::Bold, MUTED);

/// The tone a verdict band reads as on the document model.
pub fn band_tone(band: Band) -> Tone {
    match band {
        Band::Ready => Tone::Good,
        Band::NearlyReady => Tone::Info,
        Band::SignificantGaps => Tone::Warning,
        Band::NotReady => Tone::Critical,
        Band::Incomplete => Tone::Muted,
    }
}

/// Colour of a score level (the domain's thresholds, and its rule that a high gap caps it).
pub fn level_color(level: Option<ScoreLevel>) -> Rgb8 {
    match level {
        Some(ScoreLevel::Good) => GOOD,
        Some(ScoreLevel::Fair) => FAIR,
        Some(ScoreLevel::Weak) => WARN,
        Some(ScoreLevel::Poor) => BAD,
        None => FAINT,
    }
}

/// Colour of a score on its own (no gap information): bars of categories and averages.
pub fn score_color(score: Option<f64>) -> Rgb8 {
    level_color(score.map(|s| ScoreLevel::of(s, 0)))
}

/// The tone a gap's severity reads as on the document model.
pub fn severity_tone(s: Severity) -> Tone {
    match s {
        Severity::High => Tone::Critical,
        Severity::Medium => Tone::Warning,
        Severity::Low => Tone::Info,
    }
}

/// A short label and tone for an answer chip on the document model.
pub fn answer_tone(answer: Option<Answer>) -> (&'static str, Tone) {
    match answer {
        Some(Answer::Implemented) => ("IMPLEMENTED", Tone::Good),
        Some(Answer::Partial) => ("PARTIAL", Tone::Warning),
        Some(Answer::NotImplemented) => ("MISSING", Tone::Critical),
        Some(Answer::Unknown) => ("DON'T KNOW", Tone::Unsure),
        Some(Answer::NotApplicable) => ("N/A", Tone::Muted),
        None => ("UNANSWERED", Tone::Faint),
    }
}

/// "45%" or "n/a".
pub fn percent(score: Option<f64>) -> String {
    score.map_or_else(|| "n/a".to_owned(), |s| format!("{s:.0}%"))
}

/// "3 March 2027".
pub fn long_date(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

/// "3 Mar 2027".
pub fn short_date(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

/// `text` cut to about `max` characters at a word boundary, with an ellipsis when cut.
pub fn clip(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    let at = cut
        .rfind(char::is_whitespace)
        .filter(|&i| i > max / 2)
        .unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end())
}

/// "1 gap" / "3 gaps".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tints_move_towards_white() {
        assert_eq!(Rgb8(0x000000).tint(1.0), WHITE);
        assert_eq!(Rgb8(0x102030).tint(0.0), Rgb8(0x102030));
        assert_eq!(Rgb8(0x000000).tint(0.5), Rgb8(0x808080));
    }

    #[test]
    fn scores_and_dates_read_plainly() {
        assert_eq!(percent(Some(44.6)), "45%");
        assert_eq!(percent(None), "n/a");
        let d = NaiveDate::from_ymd_opt(2027, 3, 3).expect("date");
        assert_eq!(long_date(d), "3 March 2027");
        assert_eq!(short_date(d), "3 Mar 2027");
        assert_eq!(plural(1, "gap", "gaps"), "1 gap");
        assert_eq!(plural(0, "gap", "gaps"), "0 gaps");
        assert_eq!(clip("short", 10), "short");
        assert_eq!(clip("one two three four", 12), "one two…");
        assert_eq!(clip(&"x".repeat(30), 10), format!("{}…", "x".repeat(10)));
        assert_eq!(clip("株式会社株式会社", 4), "株式会社…");
    }
}
