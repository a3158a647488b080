//! Readiness bands and gap severity: the verdict beside the number.
//!
//! A band looks at high-severity gaps as well as the average, so a high score with a missing
//! critical control (no MFA, no backups) cannot read as "ready".

use super::Tally;
use crate::assessment::Answer;
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
    /// Severity of a gap from the question's weight and the answer; `None` when it is no gap.
    /// Unanswered questions are reported as unanswered, not as gaps.
    pub fn of(weight: u8, answer: Option<Answer>) -> Option<Severity> {
        let missing = match answer? {
            Answer::Implemented | Answer::NotApplicable => return None,
            Answer::Partial => false,
            Answer::NotImplemented | Answer::Unknown => true,
        };
        Some(match (weight, missing) {
            (4..=5, true) => Severity::High,
            (4..=5, false) | (3, true) => Severity::Medium,
            _ => Severity::Low,
        })
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
    let by_score = match score {
        s if s >= 85.0 => Band::Ready,
        s if s >= 70.0 => Band::NearlyReady,
        s if s >= 40.0 => Band::SignificantGaps,
        _ => Band::NotReady,
    };
    let by_gaps = match high_gaps {
        0 => Band::Ready,
        1..=3 => Band::NearlyReady,
        4..=10 => Band::SignificantGaps,
        _ => Band::NotReady,
    };
    by_score.min(by_gaps)
}
