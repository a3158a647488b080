//! The whole assessment as one JSON document: summary, audit profile, responses, scorecard and
//! plan, with a format marker and version so other tools can read it.

use crate::AssessmentDetail;
use chrono::{DateTime, Utc};
use serde::Serialize;
use trustgap_domain::plan::Plan;

/// Identifies the document; bump `FORMAT_VERSION` when a field changes meaning.
pub const FORMAT: &str = "trustgap-assessment";
pub const FORMAT_VERSION: u32 = 2;

#[derive(Serialize)]
struct AssessmentExport<'a> {
    format: &'static str,
    format_version: u32,
    generated_at: String,
    generator: String,
    summary: &'a crate::AssessmentSummary,
    profile: &'a trustgap_domain::plan::AuditProfile,
    responses: &'a [trustgap_domain::assessment::Response],
    scorecard: &'a trustgap_domain::scoring::Scorecard,
    plan: &'a Plan,
    /// The client's people, whom owners name by id.
    people: &'a [trustgap_domain::people::Person],
    retired_answers: &'a [trustgap_domain::catalog::RetiredAnswer],
}

/// Pretty-printed JSON of the assessment.
pub fn assessment_json(
    detail: &AssessmentDetail,
    plan: &Plan,
    people: &[trustgap_domain::people::Person],
    generated_at: DateTime<Utc>,
) -> Result<String, serde_json::Error> {
    let doc = AssessmentExport {
        format: FORMAT,
        format_version: FORMAT_VERSION,
        generated_at: generated_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        generator: format!("Trustgap {}", env!("CARGO_PKG_VERSION")),
        summary: &detail.summary,
        profile: &detail.summary.profile,
        responses: &detail.responses,
        scorecard: &detail.scorecard,
        plan,
        people,
        retired_answers: &detail.retired,
    };
    let mut text = serde_json::to_string_pretty(&doc)?;
    text.push('\n');
    Ok(text)
}
