//! Getting the audit itself ready: the steps every first audit needs beyond fixing gaps, placed
//! backwards from the audit (Type I) or the start of the observation period (Type II).

use super::model::{AuditProfile, AuditType};
use chrono::{Days, NaiveDate};

/// A preparation step before its owner and dates are resolved.
pub(super) struct PrepSpec {
    pub key: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    /// The catalog role that usually does it.
    pub role: &'static str,
    pub effort_days: f32,
    pub due: NaiveDate,
}

fn before(d: NaiveDate, days: u64) -> NaiveDate {
    d.checked_sub_days(Days::new(days)).unwrap_or(d)
}

/// The preparation steps for `profile`, with the deadline they serve; none without a date.
pub(super) fn prep_tasks(profile: &AuditProfile, deadline: NaiveDate) -> Vec<PrepSpec> {
    let Some(target) = profile.target_date else {
        return Vec::new();
    };
    let anchor = match profile.audit_type {
        AuditType::Type1 => target,
        // Everything must be ready before the observation period starts.
        AuditType::Type2 => super::calendar::next_day(deadline),
    };
    let mut out = vec![
        PrepSpec {
            key: "prep-audit-firm",
            title: "Choose and engage the audit firm",
            description: "Ask two or three licensed CPA firms that audit small SaaS companies \
                for a proposal, compare scope, timing and fees, sign the engagement letter and \
                agree the audit dates (only a licensed CPA firm can issue a SOC 2 report).",
            role: "CEO",
            effort_days: 3.0,
            due: before(anchor, 12 * 7),
        },
        PrepSpec {
            key: "prep-readiness-call",
            title: "Hold a readiness call with the auditor",
            description: "Walk the audit firm through the system description, the scope and \
                the controls; agree the request list, the sampling periods and how evidence \
                will be shared.",
            role: "Security lead",
            effort_days: 1.0,
            due: before(anchor, 4 * 7),
        },
    ];
    out.push(match profile.audit_type {
        AuditType::Type1 => PrepSpec {
            key: "prep-evidence-freeze",
            title: "Collect, index and freeze the evidence",
            description: "Gather the evidence for every control on the request list, name and \
                index it, check each item shows what it should and on what date, and stop \
                changing controls until the audit.",
            role: "Security lead",
            effort_days: 5.0,
            due: deadline,
        },
        AuditType::Type2 => PrepSpec {
            key: "prep-controls-running",
            title: "Confirm every control runs before the observation period",
            description: "Check that each control is in place and producing evidence, that \
                recurring ones have their first run on record and are scheduled for the whole \
                period, and that owners know what to keep.",
            role: "Security lead",
            effort_days: 2.0,
            due: deadline,
        },
    });
    out
}
