//! Input rules for audit profiles and action edits, shared by the window and the CLI.

use super::model::{ActionEdit, ActionStatus, AuditProfile, AuditType};
use crate::error::{DomainError, Result};
use crate::limits;
use chrono::NaiveDate;

fn plausible(d: NaiveDate, what: &str) -> Result<()> {
    limits::plausible_date(&format!("The {what}"), d)
}

pub fn validate_profile(p: &AuditProfile) -> Result<()> {
    if let Some(d) = p.target_date {
        plausible(d, "audit date")?;
    }
    match (p.audit_type, p.observation_start, p.target_date) {
        (AuditType::Type1, Some(_), _) => Err(DomainError::invalid(
            "A Type I audit has no observation period; clear its start date.",
        )),
        (AuditType::Type2, Some(start), Some(end)) if start >= end => Err(DomainError::invalid(
            "The observation period must start before the audit date that ends it.",
        )),
        (_, Some(start), _) => plausible(start, "observation start"),
        _ => Ok(()),
    }
}

pub fn validate_edit(e: &ActionEdit) -> Result<()> {
    if let Some(owner) = &e.owner {
        owner.cleaned()?;
    }
    for (d, what) in [(e.start, "start date"), (e.due, "due date")] {
        if let Some(d) = d {
            plausible(d, what)?;
        }
    }
    if let (Some(start), Some(due)) = (e.start, e.due) {
        if due < start {
            return Err(DomainError::invalid(
                "The due date cannot be before the start date.",
            ));
        }
    }
    if e.status == Some(ActionStatus::RiskAccepted) && e.justification.trim().is_empty() {
        return Err(DomainError::invalid(
            "Accepting a risk needs a justification: say why, and who agreed.",
        ));
    }
    limits::note("The notes", &e.notes)?;
    limits::note("The justification", &e.justification)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn profiles() {
        let ok = AuditProfile {
            audit_type: AuditType::Type2,
            target_date: Some(date(2027, 12, 31)),
            observation_start: Some(date(2027, 6, 1)),
        };
        assert!(validate_profile(&ok).is_ok());
        let backwards = AuditProfile {
            observation_start: Some(date(2028, 1, 1)),
            ..ok.clone()
        };
        assert!(validate_profile(&backwards).is_err());
        let type1_with_period = AuditProfile {
            audit_type: AuditType::Type1,
            ..ok.clone()
        };
        assert!(validate_profile(&type1_with_period).is_err());
        let far = AuditProfile {
            target_date: Some(date(2300, 1, 1)),
            observation_start: None,
            ..ok
        };
        assert!(validate_profile(&far).is_err());
    }

    #[test]
    fn edits() {
        assert!(validate_edit(&ActionEdit::default()).is_ok());
        let accepted = ActionEdit {
            status: Some(ActionStatus::RiskAccepted),
            ..ActionEdit::default()
        };
        assert!(validate_edit(&accepted).is_err());
        let justified = ActionEdit {
            justification: "Board minute 12".into(),
            ..accepted
        };
        assert!(validate_edit(&justified).is_ok());
        let backwards = ActionEdit {
            start: Some(date(2027, 2, 1)),
            due: Some(date(2027, 1, 1)),
            ..ActionEdit::default()
        };
        assert!(validate_edit(&backwards).is_err());
        let blank_owner = ActionEdit {
            owner: Some(crate::people::Owner::role("  ")),
            ..ActionEdit::default()
        };
        assert!(validate_edit(&blank_owner).is_err());
    }
}
