//! What both multi-page reports are drawn from: the assessment, its answers, scorecard and plan,
//! with the lookups the report modules share (category names, answers by question, action
//! references, audit wording). Pure data; the workspace fills it in.

use chrono::{DateTime, NaiveDate, Utc};
use std::collections::HashMap;
use trustgap_domain::assessment::{CompanyProfile, Response};
use trustgap_domain::branding::Branding;
use trustgap_domain::catalog::{Catalog, CategoryId, Question, ScopingNote};
use trustgap_domain::evidence::ControlEvidence;
use trustgap_domain::people::{Owner, Person};
use trustgap_domain::plan::{deadline, Action, AuditProfile, AuditType, Plan};
use trustgap_domain::policy::PolicyView;
use trustgap_domain::scoring::{Scorecard, Severity};
use trustgap_domain::signoff::{Approver, DocumentVersion, ManagementResponse};

/// The assessment as the reports see it.
pub struct ReportContext<'a> {
    pub client: &'a str,
    pub assessment: &'a str,
    /// The company and system described, and the assessor.
    pub company: &'a CompanyProfile,
    pub catalog: &'a Catalog,
    /// The question bank version the answers were given against.
    pub catalog_version: &'a str,
    pub scope: &'a [CategoryId],
    /// The scoping questions answered "yes" when the scope was chosen, with their reasons.
    pub scoping: &'a [ScopingNote],
    pub profile: &'a AuditProfile,
    pub responses: &'a [Response],
    pub card: &'a Scorecard,
    pub plan: &'a Plan,
    /// The client's people, who own answers and actions.
    pub people: &'a [Person],
    /// Time stamp of the file (metadata, document control).
    pub generated_at: DateTime<Utc>,
    /// The report's date as printed (the user's calendar day).
    pub date: NaiveDate,
    /// Whose document it is: the firm, logo, accent, footer and disclaimer (the client's
    /// override over the workspace's).
    pub branding: &'a Branding,
    /// This document's issued versions, oldest first; the last is the one being printed.
    /// Empty: a draft, never issued.
    pub versions: &'a [DocumentVersion],
    /// Who signs the document off.
    pub approvers: &'a [Approver],
    /// Management's responses to findings, by question.
    pub management: &'a [ManagementResponse],
    /// The policy pack, in pack order: the readiness report's "Policy coverage" chapter.
    /// Empty: no pack yet, and the chapter is left out.
    pub policies: &'a [PolicyView],
    /// What the evidence locker holds per control (question id); absent: no file.
    pub locker: &'a HashMap<String, ControlEvidence>,
}

impl ReportContext<'_> {
    pub fn category_name(&self, id: CategoryId) -> String {
        self.catalog
            .category(id)
            .map_or_else(|| id.as_str().to_owned(), |c| c.name.clone())
    }

    /// An owner as printed: the person's name, or the role marked as not yet named.
    pub fn owner_name(&self, owner: &Owner) -> String {
        owner.display(self.people)
    }

    pub fn scope_names(&self) -> String {
        self.scope
            .iter()
            .map(|c| self.category_name(*c))
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub fn responses_by_question(&self) -> HashMap<&str, &Response> {
        self.responses
            .iter()
            .map(|r| (r.question_id.as_str(), r))
            .collect()
    }

    /// Questions in scope, in catalog order.
    pub fn questions(&self) -> Vec<&Question> {
        self.catalog.questions_in(self.scope).collect()
    }

    /// Who prepared the document: the firm when one is set, else the assessor, else
    /// "Trustgap" (the tool, when nobody is named).
    pub fn prepared_by(&self) -> String {
        let firm = self.branding.firm.trim();
        let a = self.company.assessor.trim();
        match (firm.is_empty(), a.is_empty()) {
            (false, _) => firm.to_owned(),
            (true, false) => a.to_owned(),
            (true, true) => "Trustgap".to_owned(),
        }
    }

    /// "Prepared by <firm>", or "Prepared with Trustgap" when no firm is set.
    pub fn prepared_line(&self) -> String {
        self.branding.prepared_line()
    }

    /// Who led the assessment, short: "Ana Ruiz, Meridian Assurance" or "Self-assessment".
    pub fn led_by(&self) -> String {
        self.company.led_by_short()
    }

    /// "This is a self-assessment…" or "This assessment was led by <assessor> of <firm>".
    pub fn led_by_sentence(&self) -> String {
        self.company.led_by_sentence()
    }

    /// The version being printed, "2.0", or "Draft" before the first issue.
    pub fn version_label(&self) -> String {
        self.versions
            .last()
            .map_or_else(|| "Draft".to_owned(), DocumentVersion::label)
    }

    /// Management's response to the finding of a question, if any.
    pub fn management_response(&self, question_id: &str) -> Option<&ManagementResponse> {
        self.management
            .iter()
            .find(|r| r.question_id == question_id)
    }

    /// The footer of every page: "Prepared by <firm> · <what the document is>".
    pub fn footer_line(&self, tail: &str) -> String {
        format!("{} · {tail}", self.prepared_line())
    }

    /// The system in scope: its recorded name, or the assessment's name.
    pub fn system(&self) -> &str {
        let s = self.company.system_name.trim();
        if s.is_empty() {
            self.assessment
        } else {
            s
        }
    }

    /// "A01", "A02", … in plan order, by remediation key.
    pub fn action_refs(&self) -> HashMap<&str, String> {
        self.plan
            .actions
            .iter()
            .enumerate()
            .map(|(i, a)| (a.key.as_str(), action_ref(i)))
            .collect()
    }

    pub fn action_for_key(&self, key: &str) -> Option<(usize, &Action)> {
        self.plan
            .actions
            .iter()
            .enumerate()
            .find(|(_, a)| a.key == key)
    }

    pub fn gap_counts(&self) -> (usize, usize, usize) {
        let count = |s| self.plan.gaps.iter().filter(|g| g.severity == s).count();
        (
            count(Severity::High),
            count(Severity::Medium),
            count(Severity::Low),
        )
    }

    pub fn audit_type_label(&self) -> &'static str {
        match self.profile.audit_type {
            AuditType::Type1 => "SOC 2 Type I",
            AuditType::Type2 => "SOC 2 Type II",
        }
    }

    pub fn deadline(&self) -> Option<NaiveDate> {
        deadline(self.profile)
    }
}

pub fn action_ref(index: usize) -> String {
    format!("A{:02}", index + 1)
}

impl ReportContext<'_> {
    /// Where the readiness deadline comes from, in words.
    pub fn deadline_reason(&self) -> String {
        match (self.profile.audit_type, self.profile.target_date) {
            (_, None) => "No target audit date is set yet.".to_owned(),
            (AuditType::Type1, Some(d)) => format!(
                "Two weeks before the Type I audit date of {}, to leave time to collect evidence.",
                super::theme::long_date(d)
            ),
            (AuditType::Type2, Some(_)) => {
                "The day before the Type II observation period starts: controls must already \
                 operate from its first day."
                    .to_owned()
            }
        }
    }

    /// Whether the plan finishes before the deadline, in one or two sentences.
    pub fn fit_sentence(&self) -> String {
        use super::theme::{long_date, plural};
        use trustgap_domain::plan::{ActionStatus, Fit};
        let open: Vec<&Action> = self
            .plan
            .actions
            .iter()
            .filter(|a| !matches!(a.status, ActionStatus::Done | ActionStatus::RiskAccepted))
            .collect();
        let last = open.iter().map(|a| a.due).max();
        if let Fit::Late {
            deadline,
            late_days,
            bottleneck,
            ..
        } = &self.plan.fit
        {
            return format!(
                "The plan does not fit: at the time its owners have for it, it ends {} after the \
                 readiness deadline of {}.{}",
                plural(usize::try_from(*late_days).unwrap_or(0), "day", "days"),
                long_date(*deadline),
                bottleneck.as_ref().map_or_else(String::new, |b| format!(
                    " {} holds it up ({}% of their time is planned for compliance work).",
                    b.name, b.share
                ))
            );
        }
        match (&self.plan.fit, last) {
            (_, None) => "No remediation action is open: nothing stands between the company and \
                          the audit in this plan."
                .to_owned(),
            (
                Fit::Fits {
                    deadline,
                    spare_days,
                },
                Some(last),
            ) => format!(
                "The plan fits: at the time each owner has for compliance work, the last of the \
                 {} is due on {}, {} before the readiness deadline of {}.",
                plural(open.len(), "open action", "open actions"),
                long_date(last),
                plural(usize::try_from(*spare_days).unwrap_or(0), "day", "days"),
                long_date(*deadline)
            ),
            (_, Some(last)) => format!(
                "No target audit date is set yet, so the plan cannot be measured against a \
                 deadline. At the planned pace the {} would be finished by {}.",
                plural(open.len(), "open action", "open actions"),
                long_date(last)
            ),
        }
    }
}
