//! The people register an auditor samples: the roster (imported from the HR system's export and
//! checked row by row), training courses with their rules and each person's status on a given
//! day, acknowledgements of policy versions, the gaps the register shows, and the answers it
//! suggests for the questionnaire's training, acknowledgement and leaver questions.
//!
//! Pure: today's date is an argument, the rows come in as text already read from a file.

pub mod acknowledgements;
pub mod gaps;
pub mod mapping;
pub mod roster;
pub mod suggest;
pub mod training;

#[cfg(test)]
mod calendar_tests;
#[cfg(test)]
mod suggest_tests;

pub use acknowledgements::{
    ack_status, newest_acknowledgement, AckState, Acknowledgement, CurrentPolicy,
};
pub use gaps::{gap_counts, register_gaps, GapCount, GapType, RegisterGap, RegisterGapKind};
pub use mapping::{ColumnMapping, RosterField};
pub use roster::{check_roster, RosterCheck, RosterRowProblem};
pub use suggest::{suggest_answers, AnswerSuggestion, Evidence, RegisterData, REGISTER_QUESTIONS};
pub use training::{
    training_status, Audience, Completion, Course, CourseInput, Status, TrainingStatus,
};
