//! The readiness report's "Policy coverage" chapter: present with its guide line and contents
//! entry when the report is given the pack, left out when it is not.

use super::*;
use crate::support::tool;
use std::collections::BTreeMap;
use trustgap_documents::report::{readiness_report, ReadinessOptions, ReportContext};
use trustgap_domain::assessment::{CompanyProfile, Scope};
use trustgap_domain::people::ClientCalendar;
use trustgap_domain::plan::{build, AuditProfile, AuditType, PlanInput};
use trustgap_domain::scoring::score;

/// The readiness report of an unanswered Security assessment with `policies`, as text.
fn report_text(policies: &[PolicyView], dir: &Path, name: &str) -> String {
    let catalog = embedded().expect("bank");
    let scope = Scope::new(SECURITY);
    let profile = AuditProfile {
        audit_type: AuditType::Type1,
        target_date: None,
        observation_start: None,
    };
    let card = score(catalog, &scope, &[], None);
    let plan = build(&PlanInput {
        catalog,
        scope: &scope,
        responses: &[],
        profile: &profile,
        edits: &BTreeMap::new(),
        people: &[],
        calendar: &ClientCalendar::default(),
        plan_date: date(2026, 12, 5),
        expired_evidence: &std::collections::HashSet::new(),
    });
    let company = CompanyProfile::default();
    let branding = Branding::default();
    let ctx = ReportContext {
        client: "Acme",
        assessment: "SOC 2 readiness",
        company: &company,
        catalog,
        catalog_version: &catalog.version,
        scope: SECURITY,
        scoping: &[],
        profile: &profile,
        responses: &[],
        card: &card,
        plan: &plan,
        people: &[],
        generated_at: stamp(),
        date: date(2026, 12, 5),
        branding: &branding,
        locker: &std::collections::HashMap::new(),
        versions: &[],
        approvers: &[],
        management: &[],
        policies,
    };
    let report = readiness_report(&ctx, ReadinessOptions::default()).expect("report");
    let bytes = report.into_pdf().expect("pdf");
    keep(&format!("readiness-{name}"), &bytes);
    let path = save(dir, name, &bytes);
    tool("pdftotext", &["-layout", path.to_str().expect("utf8"), "-"])
}

#[test]
fn the_readiness_report_gains_a_policy_coverage_chapter_only_with_a_pack() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut views = pack("Acme", SECURITY, 5);
    views[0] = approved(views[0].clone());
    let planned: usize = views.iter().map(|v| v.planned.len()).sum();
    let with = report_text(&views, dir.path(), "with.pdf");
    let start = with.rfind("Policy coverage").expect("chapter");
    // Up to the appendices, whose control matrix names other categories' criteria.
    let end = with[start..]
        .find("Appendix A")
        .map_or(with.len(), |e| start + e);
    let chapter = &with[start..end];
    assert!(chapter.contains("Policies by criterion"), "{chapter}");
    assert!(
        chapter.contains(&format!("1 of {}", views.len())),
        "{chapter}"
    );
    assert!(chapter.contains(&planned.to_string()), "{chapter}");
    assert!(
        chapter.contains("CC6.1") && !chapter.contains("A1.2"),
        "{chapter}"
    );
    // In the guide, the contents and the chapter itself.
    assert!(with.matches("Policy coverage").count() >= 3, "{with}");
    let without = report_text(&[], dir.path(), "without.pdf");
    assert!(!without.contains("Policy coverage"), "{without}");
    assert!(!without.contains("Policies by criterion"));
}
