//! The register's gaps on a given day: new hires not trained in time, refreshes overdue,
//! missing or stale acknowledgements of the policies in force, and leavers whose access removal
//! is not recorded.

use super::acknowledgements::{ack_status, AckState, Acknowledgement, CurrentPolicy};
use super::training::{training_status, Completion, Course, Status};
use crate::people::Person;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RegisterGapKind {
    /// Never trained, and the joining window has closed.
    NotTrainedInTime {
        course: String,
        due_on: NaiveDate,
    },
    /// Trained once, but the refresh is overdue.
    RefreshOverdue {
        course: String,
        due_on: NaiveDate,
    },
    AcknowledgementMissing {
        policy: String,
        version: u32,
    },
    AcknowledgementStale {
        policy: String,
        version: u32,
    },
    /// Left on `left_on`; no date their access was removed.
    AccessRemovalMissing {
        left_on: NaiveDate,
    },
}

/// The kinds of gap without their details, for counting them where names must not show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum GapType {
    NotTrainedInTime,
    RefreshOverdue,
    AcknowledgementMissing,
    AcknowledgementStale,
    AccessRemovalMissing,
}

impl GapType {
    /// Every kind, in the order the register lists them.
    pub const ALL: [GapType; 5] = [
        GapType::NotTrainedInTime,
        GapType::RefreshOverdue,
        GapType::AcknowledgementMissing,
        GapType::AcknowledgementStale,
        GapType::AccessRemovalMissing,
    ];

    /// What kind of gap, in a few words.
    pub fn label(self) -> &'static str {
        match self {
            GapType::NotTrainedInTime => "Not trained in time",
            GapType::RefreshOverdue => "Refresh overdue",
            GapType::AcknowledgementMissing => "Acknowledgement missing",
            GapType::AcknowledgementStale => "Acknowledgement stale",
            GapType::AccessRemovalMissing => "Access removal not recorded",
        }
    }
}

/// How many gaps of one kind the register has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct GapCount {
    pub kind: GapType,
    pub label: String,
    pub count: u32,
}

/// The gaps counted by kind: every kind once, in `GapType::ALL` order, zeros included.
pub fn gap_counts(gaps: &[RegisterGap]) -> Vec<GapCount> {
    GapType::ALL
        .into_iter()
        .map(|kind| GapCount {
            kind,
            label: kind.label().to_owned(),
            count: u32::try_from(gaps.iter().filter(|g| g.gap.gap_type() == kind).count())
                .unwrap_or(u32::MAX),
        })
        .collect()
}

impl RegisterGapKind {
    pub fn gap_type(&self) -> GapType {
        match self {
            RegisterGapKind::NotTrainedInTime { .. } => GapType::NotTrainedInTime,
            RegisterGapKind::RefreshOverdue { .. } => GapType::RefreshOverdue,
            RegisterGapKind::AcknowledgementMissing { .. } => GapType::AcknowledgementMissing,
            RegisterGapKind::AcknowledgementStale { .. } => GapType::AcknowledgementStale,
            RegisterGapKind::AccessRemovalMissing { .. } => GapType::AccessRemovalMissing,
        }
    }

    /// What kind of gap, in a few words.
    pub fn label(&self) -> &'static str {
        self.gap_type().label()
    }

    /// One sentence for the person reading the list.
    pub fn describe(&self) -> String {
        match self {
            RegisterGapKind::NotTrainedInTime { course, due_on } => {
                format!("{course} not taken; it was due by {due_on}.")
            }
            RegisterGapKind::RefreshOverdue { course, due_on } => {
                format!("{course} had to be taken again by {due_on}.")
            }
            RegisterGapKind::AcknowledgementMissing { policy, version } => {
                format!("{policy} (version {version}) not acknowledged.")
            }
            RegisterGapKind::AcknowledgementStale { policy, version } => {
                format!("{policy}: acknowledged an older version; version {version} is in force.")
            }
            RegisterGapKind::AccessRemovalMissing { left_on } => {
                format!("Left on {left_on}; the removal of their access is not recorded.")
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct RegisterGap {
    pub person_id: i64,
    pub person: String,
    pub gap: RegisterGapKind,
    pub description: String,
}

/// Every gap of the register on `today`, person by person (in the order given). Leavers owe no
/// acknowledgements and are not chased for training; their access removal is.
pub fn register_gaps(
    people: &[Person],
    courses: &[Course],
    completions: &[Completion],
    policies: &[CurrentPolicy],
    acks: &[Acknowledgement],
    today: NaiveDate,
) -> Vec<RegisterGap> {
    let mut out = Vec::new();
    for p in people {
        let mut push = |gap: RegisterGapKind| {
            out.push(RegisterGap {
                person_id: p.id,
                person: p.name.clone(),
                description: gap.describe(),
                gap,
            });
        };
        if p.left_by(today) {
            if let (Some(left_on), None) = (p.end_date, p.access_removed_on) {
                push(RegisterGapKind::AccessRemovalMissing { left_on });
            }
            continue;
        }
        for c in courses {
            let s = training_status(p, c, completions, today);
            match (s.status, s.due_on, s.last_completed) {
                (Status::Overdue, Some(due_on), None) => push(RegisterGapKind::NotTrainedInTime {
                    course: c.name.clone(),
                    due_on,
                }),
                (Status::Overdue, Some(due_on), Some(_)) => push(RegisterGapKind::RefreshOverdue {
                    course: c.name.clone(),
                    due_on,
                }),
                _ => {}
            }
        }
        if p.start_date.is_some_and(|s| s > today) {
            continue;
        }
        for pol in policies {
            let (policy, version) = (pol.title.clone(), pol.version);
            match ack_status(p.id, pol, acks) {
                AckState::Current => {}
                AckState::Stale => push(RegisterGapKind::AcknowledgementStale { policy, version }),
                AckState::Missing => {
                    push(RegisterGapKind::AcknowledgementMissing { policy, version })
                }
            }
        }
    }
    out
}
