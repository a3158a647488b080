//! Plan types: gaps, actions, the user's edits to them, and the audit profile they are
//! scheduled against.

use crate::assessment::Answer;
use crate::catalog::Effort;
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

/// A question answered partial, not implemented or don't know.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Gap {
    pub question_id: String,
    pub criteria: Vec<String>,
    pub question: String,
    pub answer: Answer,
    pub severity: Severity,
    pub weight: u8,
    pub note: String,
    pub remediation: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Type)]
pub enum Priority {
    P1,
    P2,
    P3,
    P4,
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

/// What the user changed on an action; `None` keeps the generated value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ActionEdit {
    pub owner: Option<String>,
    pub start: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    pub status: Option<ActionStatus>,
    pub justification: String,
    pub notes: String,
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
    pub severity: Severity,
    pub priority: Priority,
    pub effort: Effort,
    /// The catalog's role, or the person the user assigned.
    pub owner: String,
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
    /// The last open action ends after the deadline.
    Late { deadline: NaiveDate, late_days: i64 },
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Plan {
    pub plan_date: NaiveDate,
    pub profile: AuditProfile,
    pub fit: Fit,
    pub gaps: Vec<Gap>,
    pub actions: Vec<Action>,
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
