//! Readiness bands and gap severity: the verdict beside the number.
//!
//! A band looks at high-severity gaps as well as the average, so a high score with a missing
//! critical control (no MFA, no backups) cannot read as "ready".

use super::Tally;
use crate::assessment::Answer;
use crate::catalog::Question;
use serde::Serialize;
use specta::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    /// Not enough answered to judge.
    Incomplete,
    NotReady,
    SignificantGaps,
    NearlyReady,
    Ready,
}

impl Band {
    pub const ALL: [Band; 5] = [
        Band::Incomplete,
        Band::NotReady,
        Band::SignificantGaps,
        Band::NearlyReady,
        Band::Ready,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Band::Incomplete => "Incomplete",
            Band::NotReady => "Not ready",
            Band::SignificantGaps => "Significant gaps",
            Band::NearlyReady => "Nearly ready",
            Band::Ready => "Ready",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Low,
    Medium,
    High,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::High, Severity::Medium, Severity::Low];

    /// Severity of a gap from the control's criticality (its weight, and whether the bank marks
    /// it as a key control) and the answer; `None` when it is no gap. Unanswered questions are
    /// reported as unanswered, not as gaps. The rule, as the README and the reports state it:
    /// - missing or unknown: high for a key control or weight 4–5, medium for weight 3, else low;
    /// - partial: high for a key control or weight 5, medium for weight 3–4, else low.
    pub fn of(q: &Question, answer: Option<Answer>) -> Option<Severity> {
        let missing = match answer? {
            Answer::Implemented | Answer::NotApplicable => return None,
            Answer::Partial => false,
            Answer::NotImplemented | Answer::Unknown => true,
        };
        Some(match (missing, q.key, q.weight) {
            (_, true, _) | (true, _, 4..=5) | (false, _, 5) => Severity::High,
            (true, _, 3) | (false, _, 3..=4) => Severity::Medium,
            _ => Severity::Low,
        })
    }

    pub fn label(self) -> &'static str {
        match self {
            Severity::High => "High",
            Severity::Medium => "Medium",
            Severity::Low => "Low",
        }
    }
}

/// How a score reads on a heat map or a card: the colour band, from the thresholds below.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ScoreLevel {
    Poor,
    Weak,
    Fair,
    Good,
}

impl ScoreLevel {
    /// The lowest score of each level, best first.
    pub const THRESHOLDS: [(ScoreLevel, f64); 4] = [
        (ScoreLevel::Good, 85.0),
        (ScoreLevel::Fair, 70.0),
        (ScoreLevel::Weak, 40.0),
        (ScoreLevel::Poor, 0.0),
    ];

    /// The level of a score; with a high-severity gap inside, never better than weak, so a
    /// criterion that holds one never reads green.
    pub fn of(score: f64, high_gaps: u32) -> ScoreLevel {
        let by_score = Self::THRESHOLDS
            .iter()
            .find(|(_, min)| score >= *min)
            .map_or(ScoreLevel::Poor, |(level, _)| *level);
        if high_gaps > 0 {
            by_score.min(ScoreLevel::Weak)
        } else {
            by_score
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ScoreLevel::Good => "85% or more",
            ScoreLevel::Fair => "70–84%",
            ScoreLevel::Weak => "40–69%, or a high-severity gap",
            ScoreLevel::Poor => "under 40%",
        }
    }
}

/// The band for an overall tally: the score sets a ceiling, high-severity gaps pull it down.
pub fn band_for(overall: &Tally, high_gaps: u32) -> Band {
    let applicable = overall.questions - overall.not_applicable;
    // Below half of the applicable questions answered, any verdict would mislead.
    let Some(score) = overall.score else {
        return Band::Incomplete;
    };
    if applicable == 0 || overall.answered * 2 < overall.questions {
        return Band::Incomplete;
    }
    let by_score = match ScoreLevel::of(score, 0) {
        ScoreLevel::Good => Band::Ready,
        ScoreLevel::Fair => Band::NearlyReady,
        ScoreLevel::Weak => Band::SignificantGaps,
        ScoreLevel::Poor => Band::NotReady,
    };
    let by_gaps = match high_gaps {
        0 => Band::Ready,
        1..=3 => Band::NearlyReady,
        4..=10 => Band::SignificantGaps,
        _ => Band::NotReady,
    };
    by_score.min(by_gaps)
}
