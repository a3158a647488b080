//! Policy documents: each policy as a document a consultant hands over (document control,
//! the sections, planned clauses, revision history, approval block), the pack's index, and the
//! policy × criterion coverage, on the document model (PDF and Word) and as Markdown.
//!
//! Everything here reads `PolicyView`s built by the workspace; nothing decides what a policy
//! says. `text` turns the light markup of the sections into model blocks.

mod coverage;
mod document;
mod markdown;
mod pack;
#[cfg(test)]
mod tests;
mod text;

pub use coverage::{coverage_blocks, coverage_document, covered_by};
pub use document::policy_document;
pub use markdown::{pack_index_markdown, policy_markdown};
pub use pack::pack_index;

use crate::report::theme::long_date;
use crate::report::ReportContext;
use chrono::{DateTime, NaiveDate, Utc};
use trustgap_domain::branding::Branding;
use trustgap_domain::catalog::{Catalog, CategoryId, Criterion};
use trustgap_domain::policy::{builtin, PolicyStatus, PolicyView};

/// What every policy document is printed under: whose policies, for which system, prepared by
/// whom, dated when.
#[derive(Clone, Copy)]
pub struct PolicyDocContext<'a> {
    /// The company the policies belong to (the client).
    pub company: &'a str,
    /// The system in scope.
    pub system: &'a str,
    /// The firm, logo, accent and footer the pages carry.
    pub branding: &'a Branding,
    /// The day printed on the documents.
    pub date: NaiveDate,
    /// Stamps the files: the same stamp gives the same bytes.
    pub generated_at: DateTime<Utc>,
    /// For criterion topics and the criteria in scope.
    pub catalog: &'a Catalog,
    pub scope: &'a [CategoryId],
}

impl<'a> PolicyDocContext<'a> {
    /// The policy documents of the assessment a report is drawn from.
    pub fn from_report(ctx: &ReportContext<'a>) -> PolicyDocContext<'a> {
        let system = ctx.company.system_name.trim();
        PolicyDocContext {
            company: ctx.client,
            system: if system.is_empty() {
                ctx.assessment
            } else {
                system
            },
            branding: ctx.branding,
            date: ctx.date,
            generated_at: ctx.generated_at,
            catalog: ctx.catalog,
            scope: ctx.scope,
        }
    }

    /// The firm when one is set, else the company itself (file metadata).
    pub fn author(&self) -> String {
        let firm = self.branding.firm.trim();
        if firm.is_empty() {
            self.company.to_owned()
        } else {
            firm.to_owned()
        }
    }

    /// The footer of every page: who prepared it, and that paper copies are not controlled.
    pub fn footer(&self) -> String {
        format!(
            "{} · uncontrolled when printed",
            self.branding.prepared_line()
        )
    }

    /// The criteria of the scope, in bank order.
    pub fn criteria_in_scope(&self) -> impl Iterator<Item = &'a Criterion> + '_ {
        self.catalog
            .criteria
            .iter()
            .filter(|c| self.scope.contains(&c.category))
    }
}

/// The role that approves a policy, from its template ("CTO"); "Approver" for a policy the
/// library does not know.
pub fn approver_role(view: &PolicyView) -> String {
    builtin()
        .policy(&view.id)
        .map_or_else(|| "Approver".to_owned(), |t| t.approver_role.clone())
}

/// The role that owns a policy, from its template; "Policy owner" when unknown.
pub fn owner_role(view: &PolicyView) -> String {
    builtin()
        .policy(&view.id)
        .map_or_else(|| "Policy owner".to_owned(), |t| t.owner_role.clone())
}

/// Who approves, mid-sentence: the named person, else "the CTO".
pub(crate) fn approver_phrase(view: &PolicyView) -> String {
    if view.approver.is_some() {
        view.approver_name.clone()
    } else {
        format!("the {}", approver_role(view))
    }
}

/// "Dana Lee (CTO)"; a name that already is the role ("CTO (not yet named)") as it is.
pub(crate) fn with_role(name: &str, role: &str) -> String {
    if name.starts_with(role) {
        name.to_owned()
    } else {
        format!("{name} ({role})")
    }
}

/// The file name, without extension, of the policy at `index` (0-based) in the pack:
/// "01-access-control"; the index is "00-index".
pub fn file_stem(index: usize, policy_id: &str) -> String {
    let safe: String = policy_id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("{:02}-{safe}", index + 1)
}

/// The index's file name, without extension.
pub const INDEX_STEM: &str = "00-index";

/// "1 December 2026", or what stands in for a missing date.
fn date_or(d: Option<NaiveDate>, missing: &str) -> String {
    d.map_or_else(|| missing.to_owned(), long_date)
}

/// The approval date as printed in document control.
pub(crate) fn approved_line(view: &PolicyView) -> String {
    date_or(view.approved_on, "Not yet approved")
}

/// The next review date as printed in document control.
pub(crate) fn review_line(view: &PolicyView) -> String {
    date_or(view.next_review, "Set when approved")
}

/// The word printed at the top right of every page: the status, so a draft is never taken for
/// the policy in force.
pub(crate) fn marking(status: PolicyStatus) -> &'static str {
    match status {
        PolicyStatus::Approved => "Internal",
        PolicyStatus::Draft => "Draft · not approved",
        PolicyStatus::InReview => "In review · not approved",
        PolicyStatus::Retired => "Retired · not in force",
    }
}

/// The date part of a revision's RFC 3339 time stamp, as printed.
pub(crate) fn revision_date(at: &str) -> String {
    DateTime::parse_from_rfc3339(at).map_or_else(
        |_| at.chars().take(10).collect(),
        |t| long_date(t.date_naive()),
    )
}

/// "CC6.1, CC6.3", or "None in scope".
pub(crate) fn criteria_line(criteria: &[String]) -> String {
    if criteria.is_empty() {
        "None in scope".to_owned()
    } else {
        criteria.join(", ")
    }
}
