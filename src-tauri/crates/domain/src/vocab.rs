//! The app's vocabulary in one place: every label, threshold and limit the reports, exports,
//! the command line and the window show. The window gets it as a generated constant
//! (`VOCABULARY` in the TypeScript bindings), so it keeps no copy of its own.

use crate::assessment::{Answer, MAX_EVIDENCE};
use crate::catalog::Cadence;
use crate::limits::{MAX_NAME_CHARS, MAX_NOTE_CHARS, MAX_SECTION_CHARS};
use crate::people::DEFAULT_SHARE;
use crate::plan::{ActionStatus, Phase, Priority};
use crate::policy::{PolicyFormat, PolicyStatus};
use crate::scoring::{Band, ScoreLevel, Severity};
use serde::Serialize;
use specta::Type;

/// A value and how it reads.
#[derive(Debug, Clone, Serialize, Type)]
pub struct Term<T> {
    pub value: T,
    pub label: String,
}

fn terms<T: Copy>(all: &[T], label: impl Fn(T) -> &'static str) -> Vec<Term<T>> {
    all.iter()
        .map(|v| Term {
            value: *v,
            label: label(*v).to_owned(),
        })
        .collect()
}

/// A score level, the lowest score that reaches it and how it reads.
#[derive(Debug, Clone, Serialize, Type)]
pub struct LevelTerm {
    pub value: ScoreLevel,
    pub min_score: f64,
    pub label: String,
}

/// The input limits, as the checks enforce them.
#[derive(Debug, Clone, Serialize, Type)]
pub struct Limits {
    pub name_chars: u32,
    pub note_chars: u32,
    pub evidence_refs: u32,
    pub evidence_description_chars: u32,
    pub evidence_link_chars: u32,
    /// Longest text of one policy section.
    pub section_chars: u32,
}

#[derive(Debug, Clone, Serialize, Type)]
pub struct Vocabulary {
    pub answers: Vec<Term<Answer>>,
    pub severities: Vec<Term<Severity>>,
    pub priorities: Vec<Term<Priority>>,
    pub statuses: Vec<Term<ActionStatus>>,
    pub phases: Vec<Term<Phase>>,
    pub bands: Vec<Term<Band>>,
    pub cadences: Vec<Term<Cadence>>,
    pub policy_statuses: Vec<Term<PolicyStatus>>,
    pub policy_formats: Vec<Term<PolicyFormat>>,
    /// Best first.
    pub score_levels: Vec<LevelTerm>,
    pub limits: Limits,
    /// Percent of a person's time assumed for a role nobody holds yet.
    pub default_share: u8,
}

pub fn vocabulary() -> Vocabulary {
    Vocabulary {
        answers: terms(&Answer::ALL, Answer::label),
        severities: terms(&Severity::ALL, Severity::label),
        priorities: terms(&Priority::ALL, Priority::label),
        statuses: terms(&ActionStatus::ALL, ActionStatus::label),
        phases: terms(&Phase::ALL, Phase::label),
        bands: terms(&Band::ALL, Band::label),
        cadences: terms(&Cadence::ALL, Cadence::label),
        policy_statuses: terms(&PolicyStatus::ALL, PolicyStatus::label),
        policy_formats: terms(&PolicyFormat::ALL, PolicyFormat::label),
        score_levels: ScoreLevel::THRESHOLDS
            .iter()
            .map(|(level, min)| LevelTerm {
                value: *level,
                min_score: *min,
                label: level.label().to_owned(),
            })
            .collect(),
        limits: Limits {
            name_chars: MAX_NAME_CHARS as u32,
            note_chars: MAX_NOTE_CHARS as u32,
            evidence_refs: MAX_EVIDENCE as u32,
            evidence_description_chars: crate::assessment::MAX_EVIDENCE_DESCRIPTION as u32,
            evidence_link_chars: crate::assessment::MAX_EVIDENCE_LINK as u32,
            section_chars: MAX_SECTION_CHARS as u32,
        },
        default_share: DEFAULT_SHARE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_has_a_label() {
        let v = vocabulary();
        assert_eq!(v.answers.len(), 5);
        assert_eq!(v.priorities.len(), 4);
        assert!(v.answers.iter().all(|t| !t.label.is_empty()));
        assert!(v.cadences.iter().all(|t| !t.label.is_empty()));
        assert_eq!(v.score_levels[0].value, ScoreLevel::Good);
        assert_eq!(v.score_levels[0].min_score, 85.0);
        assert_eq!(v.limits.name_chars, 120);
        assert_eq!(v.limits.section_chars, 20_000);
        assert_eq!(v.policy_statuses.len(), 4);
        assert_eq!(v.policy_formats[1].label, "Word");
    }
}
