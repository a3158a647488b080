//! The sample assessment: a small SaaS company with the gaps a first SOC 2 audit usually finds,
//! fully answered, so a new user sees results, a plan and reports in one click.
//!
//! Answers are chosen by remediation key (what kind of control a question is about), so the
//! sample stays realistic as questions are added to the bank.

use super::{AssessmentSummary, NewAssessmentInput, Result, SaveAnswerInput, Workspace};
use chrono::{Days, NaiveDate};
use trustgap_domain::assessment::{Answer, CompanyProfile};
use trustgap_domain::catalog::CategoryId;
use trustgap_domain::people::{Owner, PersonInput};
use trustgap_domain::plan::{ActionEdit, ActionStatus, AuditProfile, AuditType};

pub const SAMPLE_CLIENT: &str = "Brightwave Analytics (sample)";
const SAMPLE_NAME: &str = "SOC 2 Type I readiness";

/// The sample's people: name, role (as the bank names them), share of time for compliance work.
/// Nobody holds the legal and finance roles: their work shows as a role not yet named.
const PEOPLE: &[(&str, &str, u8)] = &[
    ("Priya Nair", "CEO", 15),
    ("Maya Chen", "CTO", 40),
    ("Jon Reyes", "Security lead", 40),
    ("Sam Ortiz", "Engineering lead", 30),
    ("Lena Brooks", "People / HR lead", 20),
    ("Tomás Ruiz", "IT / Operations lead", 30),
];

/// Controls a 25-person startup has not started yet.
const MISSING: &[&str] = &[
    "risk-assessment",
    "access-reviews",
    "background-checks",
    "penetration-test",
    "gov-fraud-risk",
    "gov-management-review",
    "gov-control-matrix",
    "sec-cyber-insurance",
    "sec-restore-test",
    "sec-incident-exercise",
    "gov-succession",
    "sec-secure-coding-training",
];

/// Controls that exist in part: informal, undocumented or not everywhere yet.
const PARTIAL: &[&str] = &[
    "vendor-management",
    "con-commitment-register",
    "gov-obligations-register",
    "gov-board-oversight",
    "business-continuity",
    "policy-set",
    "infosec-policy",
    "security-training",
    "incident-response",
    "backup-restore",
    "logging-monitoring",
    "mfa-everywhere",
    "joiner-leaver",
    "asset-inventory",
    "data-classification",
    "data-retention-disposal",
    "endpoint-security",
    "vulnerability-management",
    "system-description",
    "control-monitoring",
    "sec-post-incident-review",
    "gov-deficiency-tracking",
    "avl-capacity-review",
    "sec-patching",
    "gov-confidentiality-agreements",
    "sec-personal-devices",
    "sec-product-audit-log",
];

/// Things nobody in the room could answer.
const UNKNOWN: &[&str] = &[
    "sec-vendor-offboarding",
    "con-stray-copies",
    "gov-disciplinary-process",
];

/// Not applicable, with the justification an auditor would expect.
const NOT_APPLICABLE: &[(&str, &str)] = &[(
    "sec-physical-security",
    "Fully remote team since 2022: no office, no on-site equipment.",
)];

/// Notes a consultant would have taken in the workshop.
const NOTES: &[(&str, &str)] = &[
    ("mfa-everywhere", "Enforced on the identity provider and code host; the cloud console root account still uses a password only."),
    ("backup-restore", "Nightly database snapshots kept 14 days. No restore has ever been tested end to end."),
    ("incident-response", "A one-page runbook exists in the wiki; never rehearsed, no severity levels."),
    ("security-training", "New joiners watch a video; no yearly refresher and no completion records."),
    ("vendor-management", "About 30 SaaS tools in use; no list of which ones hold customer data."),
    ("access-reviews", "Access is granted on request in chat and never reviewed."),
];

fn answer_for(key: &str) -> (Answer, &'static str) {
    if let Some((_, why)) = NOT_APPLICABLE.iter().find(|(k, _)| *k == key) {
        return (Answer::NotApplicable, why);
    }
    let note = NOTES.iter().find(|(k, _)| *k == key).map_or("", |(_, n)| n);
    let answer = if MISSING.contains(&key) {
        Answer::NotImplemented
    } else if PARTIAL.contains(&key) {
        Answer::Partial
    } else if UNKNOWN.contains(&key) {
        Answer::Unknown
    } else {
        Answer::Implemented
    };
    (answer, note)
}

impl Workspace {
    /// Creates the sample client and assessment, answered in full, with a Type I audit a
    /// year after `today` and a few plan edits; returns the assessment.
    pub fn create_sample(&mut self, today: NaiveDate) -> Result<AssessmentSummary> {
        let client = self.create_client(SAMPLE_CLIENT)?;
        let target = today.checked_add_days(Days::new(365)).unwrap_or(today);
        let created = self.create_assessment(&NewAssessmentInput {
            client_id: client.id,
            new_client_name: None,
            scoping_yes: vec!["SCP-01".to_owned(), "SCP-07".to_owned()],
            name: SAMPLE_NAME.to_owned(),
            scope: vec![CategoryId::Availability, CategoryId::Confidentiality],
            profile: AuditProfile {
                audit_type: AuditType::Type1,
                target_date: Some(target),
                observation_start: None,
            },
            company: CompanyProfile {
                industry: "B2B SaaS (marketing analytics)".to_owned(),
                headcount: Some(25),
                system_name: "Brightwave analytics platform".to_owned(),
                system_description: "Multi-tenant web application that ingests customers' \
                    marketing data through connectors and shows dashboards; customer data is \
                    stored in a managed Postgres database and object storage."
                    .to_owned(),
                hosting: "AWS, two availability zones in eu-west-1".to_owned(),
                assessor: "Alex Morgan (consultant)".to_owned(),
                ..CompanyProfile::default()
            },
        })?;
        let mut people = Vec::new();
        for (name, role, share) in PEOPLE {
            people.push(self.add_person(
                client.id,
                &PersonInput {
                    name: (*name).to_owned(),
                    role: (*role).to_owned(),
                    email: format!(
                        "{}@brightwave.example",
                        name.split(' ').next().unwrap_or("team").to_lowercase()
                    ),
                    share: *share,
                    days_off: Vec::new(),
                    ..Default::default()
                },
            )?);
        }
        // Each control is owned by the person holding its remediation's role, when one does.
        let owner_for = |role: &str| -> Option<Owner> {
            people
                .iter()
                .find(|p| p.role == role)
                .map(|p| Owner::Person { id: p.id })
                .or_else(|| Some(Owner::role(role)))
        };
        let questions: Vec<(String, String, Option<Owner>)> = self
            .catalog
            .questions_in(&created.scope)
            .map(|q| {
                let role = self
                    .catalog
                    .remediation(&q.remediation)
                    .map_or("Security lead", |r| r.owner.as_str());
                (q.id.clone(), q.remediation.clone(), owner_for(role))
            })
            .collect();
        for (id, key, owner) in questions {
            let (answer, note) = answer_for(&key);
            self.save_answer(&SaveAnswerInput {
                assessment_id: created.id,
                question_id: id,
                answer: Some(answer),
                note: note.to_owned(),
                flagged: answer == Answer::Unknown,
                owner,
                verified: answer == Answer::Implemented,
                ..SaveAnswerInput::default()
            })?;
        }
        let edits = [
            ("mfa-everywhere", "Maya Chen", ActionStatus::InProgress),
            ("background-checks", "Lena Brooks", ActionStatus::NotStarted),
            ("risk-assessment", "Priya Nair", ActionStatus::NotStarted),
        ];
        for (key, name, status) in edits {
            let owner = people
                .iter()
                .find(|p| p.name == name)
                .map(|p| Owner::Person { id: p.id });
            let edit = ActionEdit {
                owner,
                status: Some(status),
                ..ActionEdit::default()
            };
            self.store.save_plan_edit(created.id, key, &edit)?;
        }
        Ok(self.detail(created.id)?.summary)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_key_exists_in_the_bank() {
        let catalog = trustgap_domain::catalog::embedded().expect("catalog");
        let listed = MISSING
            .iter()
            .chain(PARTIAL)
            .chain(UNKNOWN)
            .chain(NOT_APPLICABLE.iter().map(|(k, _)| k))
            .chain(NOTES.iter().map(|(k, _)| k));
        for key in listed {
            assert!(
                catalog.remediation(key).is_some(),
                "{key} is not a remediation key"
            );
        }
    }
}
