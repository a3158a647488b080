//! Policy documents (PDF, Word, Markdown) on views built by hand from the built-in templates:
//! each template's sections filled with simple placeholder values, its clauses in place or
//! planned in turn. The real generation is the workspace's; these tests check what the
//! documents make of any view.

mod markdown;
mod pdf;
mod readiness;
mod word;

use chrono::{DateTime, NaiveDate, Utc};
use std::path::{Path, PathBuf};
use trustgap_documents::doc::Document;
use trustgap_documents::policy::PolicyDocContext;
use trustgap_domain::branding::Branding;
use trustgap_domain::catalog::{embedded, CategoryId};
use trustgap_domain::policy::{
    builtin, ClauseState, GeneratedClause, PlannedClause, PolicyRevision, PolicyStatus,
    PolicyTemplate, PolicyView, SectionView,
};

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

pub fn stamp() -> DateTime<Utc> {
    DateTime::from_timestamp(1_800_000_000, 0).expect("time")
}

/// `text` with every placeholder the templates use filled: company and system names, roles by
/// their name, parameters by their default.
fn fill(text: &str, company: &str) -> String {
    let mut out = text
        .replace("{{company}}", company)
        .replace("{{system}}", "Brightwave platform")
        .replace("{{version}}", "1")
        .replace("{{owner}}", "the policy owner")
        .replace("{{approver}}", "the approver")
        .replace("{{effective_date}}", "the date of approval")
        .replace("{{next_review}}", "the next review date");
    for p in &builtin().parameters {
        out = out.replace(&format!("{{{{{}}}}}", p.id), &p.default);
    }
    while let Some(at) = out.find("{{role:") {
        let Some(end) = out[at..].find("}}") else {
            break;
        };
        let role = out[at + 7..at + end].to_owned();
        out.replace_range(at..at + end + 2, &role);
    }
    out
}

/// A template as a view: every `planned_every`-th clause planned (0: none), the rest in place.
pub fn view_of(t: &PolicyTemplate, company: &str, planned_every: usize) -> PolicyView {
    let mut planned = Vec::new();
    let mut n = 0;
    let sections = t
        .sections
        .iter()
        .map(|s| {
            let mut text = fill(&s.body, company).trim().to_owned();
            let clauses = s
                .clauses
                .iter()
                .map(|c| {
                    n += 1;
                    let clause = fill(&c.text, company);
                    let state = if planned_every > 0 && n % planned_every == 0 {
                        let due = date(2027, 3, 31);
                        text.push_str(&format!(
                            "\n\n*Planned:* {clause} (plan action \"Put it in place\", due {due})"
                        ));
                        planned.push(PlannedClause {
                            section_id: s.id.clone(),
                            section_title: s.title.clone(),
                            fact: c.fact.clone(),
                            text: clause.clone(),
                            questions: Vec::new(),
                            action_key: Some("put-in-place".into()),
                            action_title: Some("Put it in place".into()),
                            due: Some(due),
                        });
                        ClauseState::Planned {
                            questions: Vec::new(),
                            action_key: Some("put-in-place".into()),
                            action_title: Some("Put it in place".into()),
                            due: Some(due),
                        }
                    } else {
                        text.push_str(&format!("\n\n{clause}"));
                        ClauseState::InPlace
                    };
                    GeneratedClause {
                        fact: c.fact.clone(),
                        text: clause,
                        state,
                    }
                })
                .collect();
            SectionView {
                id: s.id.clone(),
                title: s.title.clone(),
                criteria: s.criteria.clone(),
                generated: text.clone(),
                text,
                edited: false,
                template_changed: false,
                diff: Vec::new(),
                clauses,
            }
        })
        .collect::<Vec<_>>();
    let mut criteria: Vec<String> = sections
        .iter()
        .flat_map(|s| s.criteria.iter().cloned())
        .collect();
    criteria.sort();
    criteria.dedup();
    PolicyView {
        id: t.id.clone(),
        title: t.title.clone(),
        summary: t.summary.clone(),
        status: PolicyStatus::Draft,
        version: 1,
        version_in_force: None,
        owner: None,
        owner_name: format!("{} (not yet named)", t.owner_role),
        approver: None,
        approver_name: format!("{} (not yet named)", t.approver_role),
        approved_on: None,
        next_review: None,
        review_months: t.review_months,
        criteria,
        sections,
        planned,
        contradictions: Vec::new(),
        frozen: false,
        changed_since_approval: false,
        revisions: Vec::new(),
    }
}

/// `v` approved on 1 December 2026 by Sam Ortiz, with its history.
pub fn approved(mut v: PolicyView) -> PolicyView {
    v.status = PolicyStatus::Approved;
    v.version = 2;
    v.approver = Some(2);
    v.approver_name = "Sam Ortiz".into();
    v.owner_name = "Dana Lee".into();
    v.approved_on = Some(date(2026, 12, 1));
    v.next_review = Some(date(2027, 12, 1));
    v.frozen = true;
    v.revisions = vec![
        PolicyRevision {
            version: 2,
            status: PolicyStatus::Approved,
            at: "2026-12-01T09:00:00Z".into(),
            author: "Dana Lee".into(),
            note: "Annual review".into(),
            approver: "Sam Ortiz".into(),
            approved_on: Some(date(2026, 12, 1)),
            sections: None,
        },
        PolicyRevision {
            version: 1,
            status: PolicyStatus::InReview,
            at: "2026-11-20T09:00:00Z".into(),
            author: "Dana Lee".into(),
            note: "Sent for review".into(),
            approver: String::new(),
            approved_on: None,
            sections: None,
        },
    ];
    v
}

/// The views of every template whose categories meet `scope`, in pack order.
pub fn pack(company: &str, scope: &[CategoryId], planned_every: usize) -> Vec<PolicyView> {
    builtin()
        .policies
        .iter()
        .filter(|t| t.categories.iter().any(|c| scope.contains(c)))
        .map(|t| view_of(t, company, planned_every))
        .collect()
}

pub fn policy(id: &str) -> &'static PolicyTemplate {
    builtin().policy(id).expect("template")
}

/// Runs `f` with a context for `company` under a firm's branding, scope `scope`.
pub fn with_ctx<T>(
    company: &str,
    scope: &[CategoryId],
    f: impl FnOnce(&PolicyDocContext<'_>) -> T,
) -> T {
    let branding = Branding {
        firm: "Meridian Assurance".into(),
        ..Default::default()
    };
    let ctx = PolicyDocContext {
        company,
        system: "Brightwave platform",
        branding: &branding,
        date: date(2026, 12, 5),
        generated_at: stamp(),
        catalog: embedded().expect("bank"),
        scope,
    };
    f(&ctx)
}

pub const SECURITY: &[CategoryId] = &[CategoryId::Security];

/// Writes `bytes` to `dir/name` and returns the path.
pub fn save(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

pub fn pdf(doc: &Document) -> Vec<u8> {
    trustgap_documents::report::render_document(doc)
        .expect("pdf")
        .0
}

pub fn docx(doc: &Document) -> Vec<u8> {
    trustgap_documents::word::docx(doc).expect("docx")
}

/// Keeps a copy of `bytes` as `name` in `TRUSTGAP_SAMPLE_DIR` when it is set, for looking at.
pub fn keep(name: &str, bytes: &[u8]) {
    if let Some(dir) = std::env::var_os("TRUSTGAP_SAMPLE_DIR") {
        std::fs::write(Path::new(&dir).join(name), bytes).expect("write sample");
    }
}
