//! Plan types: gaps, actions and preparation tasks, the user's edits to them, the audit profile
//! they are scheduled against, the load per owner and whether it all fits.

use crate::assessment::Answer;
use crate::catalog::{Cadence, Effort};
use crate::people::Owner;
use crate::scoring::Severity;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

/// Type I looks at controls at one point in time; Type II watches them operate over a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "lowercase")]
pub enum AuditType {
    Type1,
    Type2,
}

impl AuditType {
    pub fn as_str(self) -> &'static str {
        match self {
            AuditType::Type1 => "type1",
            AuditType::Type2 => "type2",
        }
    }

    pub fn parse(s: &str) -> Option<AuditType> {
        [AuditType::Type1, AuditType::Type2]
            .into_iter()
            .find(|t| t.as_str() == s)
    }
}

/// When the audit happens; the plan is scheduled against it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct AuditProfile {
    pub audit_type: AuditType,
    /// Target date of the audit (Type I) or of the end of the observation period (Type II).
    pub target_date: Option<NaiveDate>,
    /// Type II only: the first day of the observation period.
    pub observation_start: Option<NaiveDate>,
}

/// Why a question is a gap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum GapKind {
    /// Answered partial, not implemented or don't know.
    Answer,
    /// Type II: implemented, but started after the observation period began.
    StartedTooLate,
    /// Implemented, but every file of evidence for it in the locker has expired.
    EvidenceExpired,
}

/// A question answered partial, not implemented or don't know, or a control that started too
/// late for a Type II observation period.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Gap {
    pub question_id: String,
    pub criteria: Vec<String>,
    pub question: String,
    /// How the gap reads in a report ("No MFA on administrative consoles").
    pub finding: String,
    pub answer: Answer,
    pub kind: GapKind,
    pub severity: Severity,
    pub weight: u8,
    /// A key control in the bank.
    pub key: bool,
    pub note: String,
    pub remediation: String,
    /// Who owns the control, as chosen on the question.
    pub owner: Option<Owner>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Type,
)]
pub enum Priority {
    P1,
    P2,
    P3,
    P4,
}

impl Priority {
    pub const ALL: [Priority; 4] = [Priority::P1, Priority::P2, Priority::P3, Priority::P4];

    pub fn label(self) -> &'static str {
        match self {
            Priority::P1 => "P1",
            Priority::P2 => "P2",
            Priority::P3 => "P3",
            Priority::P4 => "P4",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    NotStarted,
    InProgress,
    Done,
    /// Leadership accepts the risk instead of fixing it; needs a justification.
    RiskAccepted,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 4] = [
        ActionStatus::NotStarted,
        ActionStatus::InProgress,
        ActionStatus::Done,
        ActionStatus::RiskAccepted,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ActionStatus::NotStarted => "not_started",
            ActionStatus::InProgress => "in_progress",
            ActionStatus::Done => "done",
            ActionStatus::RiskAccepted => "risk_accepted",
        }
    }

    pub fn parse(s: &str) -> Option<ActionStatus> {
        ActionStatus::ALL.into_iter().find(|a| a.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::NotStarted => "Not started",
            ActionStatus::InProgress => "In progress",
            ActionStatus::Done => "Done",
            ActionStatus::RiskAccepted => "Risk accepted",
        }
    }

    /// Done or accepted: no more work, no place in the schedule.
    pub fn is_closed(self) -> bool {
        matches!(self, ActionStatus::Done | ActionStatus::RiskAccepted)
    }
}

/// When in the run-up to the audit an action falls, by its due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Due within 30 days of the plan date.
    // Explicit names: serde's snake_case would write "first30_days", specta "first_30_days".
    #[serde(rename = "first_30_days")]
    First30Days,
    /// Due within days 31 to 90.
    #[serde(rename = "days_31_to_90")]
    Days31To90,
    /// Due later, before the audit.
    BeforeAudit,
}

impl Phase {
    pub const ALL: [Phase; 3] = [Phase::First30Days, Phase::Days31To90, Phase::BeforeAudit];

    pub fn label(self) -> &'static str {
        match self {
            Phase::First30Days => "First 30 days",
            Phase::Days31To90 => "Days 31 to 90",
            Phase::BeforeAudit => "Before the audit",
        }
    }
}

/// What the user changed on an action or a preparation task; `None` keeps the generated value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ActionEdit {
    pub owner: Option<Owner>,
    pub start: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    pub status: Option<ActionStatus>,
    pub justification: String,
    pub notes: String,
}

/// Something on an action the reader must see.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ActionFlag {
    /// Type II: a P1 or P2 action that finishes after the observation period starts.
    AfterObservationStart,
    /// Its owner is a role nobody is named for yet.
    Unassigned,
    /// The owner's time does not fit the edited dates.
    OverCapacity,
}

/// One remediation action: every gap that shares a remediation key, as one piece of work.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Action {
    /// The remediation key; stable across regenerations, so edits follow it.
    pub key: String,
    pub title: String,
    pub description: String,
    /// Criteria the action closes, in catalog order.
    pub criteria: Vec<String>,
    /// Questions whose gaps it closes.
    pub questions: Vec<String>,
    /// The findings it closes, most severe first.
    pub findings: Vec<String>,
    pub severity: Severity,
    pub priority: Priority,
    pub effort: Effort,
    /// The owner's working days the schedule counts.
    pub effort_days: f32,
    /// Minimum elapsed weeks when it waits on outsiders.
    pub lead_weeks: Option<u8>,
    /// Keys of the actions that must be done first (those in this plan).
    pub depends_on: Vec<String>,
    pub owner: Owner,
    /// The person's name, or the role marked as not yet named.
    pub owner_name: String,
    pub owner_is_default: bool,
    pub start: NaiveDate,
    pub due: NaiveDate,
    pub dates_are_default: bool,
    pub phase: Phase,
    pub status: ActionStatus,
    pub justification: String,
    pub notes: String,
    /// The evidence that shows the action is done.
    pub evidence: String,
    /// The recurring control it sets up, and for a Type II audit how many runs the observation
    /// period needs (the first one due with the action).
    pub runs: Option<Cadence>,
    pub runs_in_period: Option<u32>,
    pub flags: Vec<ActionFlag>,
}

/// A step of getting the audit itself ready, placed backwards from the audit date.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct PrepTask {
    /// Stable key ("prep-audit-firm"); edits follow it.
    pub key: String,
    pub title: String,
    pub description: String,
    pub owner: Owner,
    pub owner_name: String,
    pub effort_days: f32,
    pub start: NaiveDate,
    pub due: NaiveDate,
    /// Its owner has too little free time before it is due: it should have started already.
    pub late: bool,
    pub status: ActionStatus,
    pub notes: String,
}

/// One week of one owner's compliance work.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct WeekLoad {
    /// The Monday of the week.
    pub week: NaiveDate,
    /// Working days of planned work.
    pub days: f32,
    /// Working days the owner has for compliance work that week.
    pub capacity: f32,
}

/// An owner's planned load, week by week.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct PersonLoad {
    pub owner: Owner,
    pub name: String,
    /// Percent of their time for compliance work.
    pub share: u8,
    /// The share is assumed (a role nobody is named for).
    pub assumed: bool,
    pub total_days: f32,
    pub weeks: Vec<WeekLoad>,
}

/// Who holds the plan up, and the share of time that would let it fit.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Bottleneck {
    pub owner: Owner,
    pub name: String,
    pub share: u8,
    /// Percent of their time their open work needs to end by the deadline (over 100: more than
    /// one person's time).
    pub needed_share: u32,
}

/// Whether the plan finishes before its deadline.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Fit {
    /// No target date yet: nothing to measure against.
    NoTargetDate,
    Fits {
        deadline: NaiveDate,
        spare_days: i64,
    },
    /// An open action or preparation task ends after the deadline (or had to start before
    /// today).
    Late {
        deadline: NaiveDate,
        late_days: i64,
        bottleneck: Option<Bottleneck>,
        /// What would make it fit, in plain sentences.
        remedies: Vec<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Plan {
    pub plan_date: NaiveDate,
    pub profile: AuditProfile,
    /// The date every open action must be done by, when the audit has a date.
    pub deadline: Option<NaiveDate>,
    pub fit: Fit,
    pub gaps: Vec<Gap>,
    pub actions: Vec<Action>,
    pub prep: Vec<PrepTask>,
    pub load: Vec<PersonLoad>,
    /// Things about the plan's inputs the reader should know (a past audit date, unnamed
    /// owners, a short observation period).
    pub warnings: Vec<String>,
    /// Edited actions whose gaps have all been closed since.
    pub retired: Vec<RetiredAction>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct RetiredAction {
    pub key: String,
    pub title: String,
    pub status: ActionStatus,
    pub owner: Option<String>,
    pub notes: String,
}
