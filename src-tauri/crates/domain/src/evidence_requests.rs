//! The evidence request list: for every control in scope, what an auditor will ask for and
//! whether the company can hand it over now (implemented), only after its remediation (a gap),
//! or must justify leaving it out (not applicable).
//!
//! Plain data built from the bank, the answers and the audit profile, so the readiness report,
//! the spreadsheet exports and an evidence locker all list the same requests.

use crate::assessment::{Answer, EvidenceRef, Response, Scope};
use crate::catalog::{Cadence, Catalog, Question};
use crate::people::Owner;
use crate::plan::{observation_start, AuditProfile, AuditType};
use crate::scoring::started_too_late;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::HashMap;

/// Where a request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    /// Implemented: the evidence can be gathered now.
    ReadyToCollect,
    /// A gap (partial, missing, unknown, or started too late for a Type II period): the evidence
    /// exists only once the remediation action is done.
    AfterRemediation,
    /// Left out: the auditor asks for the written reason instead.
    NotApplicable,
    /// Not answered yet.
    NotAnswered,
}

impl RequestStatus {
    pub const ALL: [RequestStatus; 4] = [
        RequestStatus::ReadyToCollect,
        RequestStatus::AfterRemediation,
        RequestStatus::NotApplicable,
        RequestStatus::NotAnswered,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RequestStatus::ReadyToCollect => "ready_to_collect",
            RequestStatus::AfterRemediation => "after_remediation",
            RequestStatus::NotApplicable => "not_applicable",
            RequestStatus::NotAnswered => "not_answered",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            RequestStatus::ReadyToCollect => "Ready to collect",
            RequestStatus::AfterRemediation => "After remediation",
            RequestStatus::NotApplicable => "Not applicable",
            RequestStatus::NotAnswered => "Not answered",
        }
    }
}

/// What an auditor will ask for to test one control (one question of the bank).
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct EvidenceRequest {
    /// The criterion the request is listed under: the question's main criterion, or when that
    /// one's category is out of scope, its first criterion in scope.
    pub criterion: String,
    /// Every criterion the control supports, the main one first.
    pub criteria: Vec<String>,
    pub question_id: String,
    pub question: String,
    /// The answer as given (`None` when unanswered).
    pub answer: Option<Answer>,
    pub status: RequestStatus,
    /// Type II: implemented, but started after the observation period began (so a gap).
    pub late: bool,
    /// The assessor checked the answer against evidence; otherwise it is self-reported.
    pub verified: bool,
    /// Who owns the control, as chosen on the answer.
    pub owner: Option<Owner>,
    /// The items to hand over: the bank's evidence examples, or for a control left out, the
    /// written reason.
    pub items: Vec<String>,
    /// One sentence on what the evidence must show, given the status and the audit type.
    pub ask: String,
    /// Type II, for a control that operates over time: how often it runs (the company's
    /// cadence when recorded, else the bank's typical one).
    pub cadence: Option<Cadence>,
    /// Type II with both period dates, for a recurring control: the runs the period should show.
    pub runs_in_period: Option<u32>,
    /// For a gap: the remediation key of the action to finish first.
    pub remediation: Option<String>,
    /// The evidence references recorded on the answer.
    pub on_file: Vec<EvidenceRef>,
}

/// The request list for `scope`: one request per question in scope, listed under its main
/// criterion in scope ([`listed_under`]) in the bank's criterion order, in bank order within
/// a criterion.
pub fn evidence_requests(
    catalog: &Catalog,
    scope: &Scope,
    responses: &[Response],
    profile: &AuditProfile,
) -> Vec<EvidenceRequest> {
    let by_question: HashMap<&str, &Response> = responses
        .iter()
        .map(|r| (r.question_id.as_str(), r))
        .collect();
    let order: HashMap<&str, usize> = catalog
        .criteria
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let mut list: Vec<(usize, EvidenceRequest)> = catalog
        .questions_in(scope.categories())
        .map(|q| {
            let r = by_question.get(q.id.as_str()).copied();
            let criterion = listed_under(catalog, scope, q).to_owned();
            let rank = order.get(criterion.as_str()).copied().unwrap_or(usize::MAX);
            (rank, request(q, criterion, r, profile))
        })
        .collect();
    // Stable: bank order within a criterion.
    list.sort_by_key(|(rank, _)| *rank);
    list.into_iter().map(|(_, r)| r).collect()
}

/// The criterion a question in scope is listed under: its first criterion whose category is in
/// `scope` (a privacy question asked for a confidentiality criterion sits under the latter when
/// Privacy is out of scope).
pub fn listed_under<'a>(catalog: &Catalog, scope: &Scope, q: &'a Question) -> &'a str {
    q.criteria
        .iter()
        .find(|c| {
            catalog
                .criterion(c)
                .is_some_and(|x| scope.categories().contains(&x.category))
        })
        .or(q.criteria.first())
        .map_or("", String::as_str)
}

fn request(
    q: &Question,
    criterion: String,
    r: Option<&Response>,
    profile: &AuditProfile,
) -> EvidenceRequest {
    let answer = r.and_then(|r| r.answer);
    let since = r.and_then(|r| r.since);
    let start = observation_start(profile);
    let late = started_too_late(q, answer, since, start);
    let type2 = profile.audit_type == AuditType::Type2;
    let cadence = if type2 && q.runs.is_some() {
        r.and_then(|r| r.cadence).or(q.runs)
    } else {
        None
    };
    let runs_in_period = match (cadence, start, profile.target_date) {
        (Some(c), Some(s), Some(e)) if e >= s => c.runs_in(s, e),
        _ => None,
    };
    let status = match answer {
        None => RequestStatus::NotAnswered,
        Some(Answer::NotApplicable) => RequestStatus::NotApplicable,
        Some(Answer::Implemented) if !late => RequestStatus::ReadyToCollect,
        Some(_) => RequestStatus::AfterRemediation,
    };
    let note = r.map_or("", |r| r.note.trim());
    let items = if status == RequestStatus::NotApplicable {
        vec!["The written reason the control does not apply".to_owned()]
    } else {
        q.evidence.clone()
    };
    let shows = what_it_shows(profile.audit_type, cadence, runs_in_period);
    let ask = match (status, answer) {
        (RequestStatus::NotApplicable, _) if note.is_empty() => {
            "No reason is recorded yet: write down why the control does not apply.".to_owned()
        }
        (RequestStatus::NotApplicable, _) => format!(
            "Reason recorded: \u{201c}{}\u{201d} The auditor checks that it holds.",
            quoted(note)
        ),
        (RequestStatus::NotAnswered, _) => {
            format!(
                "Answer the question first; if the control exists, the auditor asks for {shows}."
            )
        }
        (RequestStatus::AfterRemediation, _) if late => format!(
            "The control started after the observation period began; the auditor asks for \
             {shows}, so expect questions about the months before it started."
        ),
        (RequestStatus::AfterRemediation, Some(Answer::Unknown)) => {
            format!("Find out whether the control exists first; then the auditor asks for {shows}.")
        }
        (RequestStatus::AfterRemediation, _) => {
            format!("Once the remediation action is done: {shows}.")
        }
        (RequestStatus::ReadyToCollect, _) => {
            let mut chars = shows.chars();
            let first = chars.next().map(|c| c.to_uppercase().collect::<String>());
            format!("{}{}.", first.unwrap_or_default(), chars.as_str())
        }
    };
    EvidenceRequest {
        criterion,
        criteria: q.criteria.clone(),
        question_id: q.id.clone(),
        question: q.text.clone(),
        answer,
        status,
        late,
        verified: r.is_some_and(|r| r.verified),
        owner: r.and_then(|r| r.owner.clone()),
        items,
        ask,
        cadence,
        runs_in_period,
        remediation: (status == RequestStatus::AfterRemediation).then(|| q.remediation.clone()),
        on_file: r.map_or_else(Vec::new, |r| r.evidence.clone()),
    }
}

/// A note as quoted in a request: one line, at most [`QUOTE_CHARS`] characters.
fn quoted(note: &str) -> String {
    let line = note.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= QUOTE_CHARS {
        return line;
    }
    let cut: String = line.chars().take(QUOTE_CHARS).collect();
    format!("{}\u{2026}", cut.trim_end())
}

/// Longest note quoted in a request; the answer keeps it in full.
const QUOTE_CHARS: usize = 240;

/// "evidence of …": what the auditor tests, by audit type and how the control runs.
fn what_it_shows(audit: AuditType, cadence: Option<Cadence>, runs: Option<u32>) -> String {
    match (audit, cadence) {
        (AuditType::Type1, _) => {
            "evidence of the control designed and in place on the audit date".to_owned()
        }
        (AuditType::Type2, None) => {
            "evidence of the control in place throughout the observation period".to_owned()
        }
        (AuditType::Type2, Some(Cadence::Continuous)) => {
            "evidence of the control operating throughout the observation period, \
             sampled from across it"
                .to_owned()
        }
        (AuditType::Type2, Some(c)) => {
            let expected = runs.map_or_else(String::new, |n| {
                format!(", {n} {} expected", if n == 1 { "run" } else { "runs" })
            });
            format!(
                "evidence of each run across the observation period ({}{expected})",
                c.label().to_lowercase()
            )
        }
    }
}

#[cfg(test)]
mod tests;
