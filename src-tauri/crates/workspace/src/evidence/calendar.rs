//! The observation calendar of an assessment: its Type II period, and for each recurring
//! control in scope the runs due and the evidence on file for them.

use crate::{Result, Workspace};
use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;
use trustgap_domain::evidence::observation::{calendar, ObservationRow, RecurringControl};
use trustgap_domain::evidence::Attachment;
use trustgap_domain::plan::{observation_start, AuditType};

/// The calendar, or why there is none.
#[derive(Debug, Clone, Serialize, Type)]
pub struct ObservationCalendar {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub rows: Vec<ObservationRow>,
    /// Set when the assessment has no observation period to lay out (a Type I audit, or a
    /// Type II without both dates).
    pub unavailable: Option<String>,
}

impl Workspace {
    /// The observation calendar of assessment `id`.
    pub fn observation_calendar(&self, id: i64) -> Result<ObservationCalendar> {
        let detail = self.detail(id)?;
        let (_, scope_requests, people) = self.control_requests(&detail)?;
        let profile = &detail.summary.profile;
        let (from, to) = (observation_start(profile), profile.target_date);
        let unavailable = match (profile.audit_type, from, to) {
            (AuditType::Type1, _, _) => Some(
                "A Type I audit looks at one day: there is no observation period to lay out."
                    .to_owned(),
            ),
            (_, Some(f), Some(t)) if f <= t => None,
            _ => Some(
                "Set the observation period's start and the audit's target date to see the \
                 calendar."
                    .to_owned(),
            ),
        };
        let (Some(start), Some(end), None) = (from, to, &unavailable) else {
            return Ok(ObservationCalendar {
                from,
                to,
                rows: Vec::new(),
                unavailable,
            });
        };
        let files = self.store.evidence_files(id, false)?;
        let controls: Vec<RecurringControl> = scope_requests
            .iter()
            .filter_map(|r| {
                let cadence = r.cadence?;
                let evidence = files
                    .iter()
                    .filter(|f| {
                        f.attached.iter().any(|a| {
                            matches!(a, Attachment::Question(q) | Attachment::Request(q)
                                if *q == r.question_id)
                        })
                    })
                    .map(|f| f.dates)
                    .collect();
                Some(RecurringControl {
                    question_id: r.question_id.clone(),
                    question: r.question.clone(),
                    cadence,
                    owner: r.owner.as_ref().map(|o| o.display(&people)),
                    evidence,
                })
            })
            .collect();
        Ok(ObservationCalendar {
            from,
            to,
            rows: calendar(&controls, start, end),
            unavailable: None,
        })
    }
}
