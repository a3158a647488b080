//! Policy documents on a hand-made view: what each carries, in every format, and the same bytes
//! for the same input.

use super::*;
use crate::doc::{Block, Document};
use chrono::NaiveDate;
use trustgap_domain::catalog::embedded;
use trustgap_domain::policy::{
    ClauseState, GeneratedClause, PlannedClause, PolicyRevision, SectionView,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

fn section(id: &str, title: &str, criteria: &[&str], text: &str) -> SectionView {
    SectionView {
        id: id.into(),
        title: title.into(),
        criteria: criteria.iter().map(|c| (*c).to_owned()).collect(),
        text: text.into(),
        generated: text.into(),
        edited: false,
        template_changed: false,
        diff: Vec::new(),
        clauses: vec![GeneratedClause {
            fact: "mfa-enforced".into(),
            text: "MFA is enforced.".into(),
            state: ClauseState::InPlace,
        }],
    }
}

pub(super) fn view(status: PolicyStatus) -> PolicyView {
    let approved = status == PolicyStatus::Approved;
    PolicyView {
        id: "access-control".into(),
        title: "Access Control Policy".into(),
        summary: "Who may use which systems.".into(),
        status,
        version: 2,
        version_in_force: approved.then_some(2),
        owner: Some(1),
        owner_name: "Dana Lee".into(),
        approver: Some(2),
        approver_name: "Sam Ortiz".into(),
        approved_on: approved.then(|| d(2026, 11, 30)),
        next_review: approved.then(|| d(2027, 11, 30)),
        review_months: 12,
        criteria: vec!["CC6.1".into(), "CC6.3".into()],
        sections: vec![
            section(
                "principles",
                "Principles",
                &["CC6.1"],
                "Access **must** follow *least privilege*.\n\n- **Named accounts.** No sharing.\n- Owner decides.",
            ),
            section(
                "authentication",
                "Signing in",
                &["CC6.1", "CC6.3"],
                "*Planned:* Multi-factor authentication is enforced (plan action \"Enforce MFA\", due 2027-01-31)",
            ),
        ],
        planned: vec![PlannedClause {
            section_id: "authentication".into(),
            section_title: "Signing in".into(),
            fact: "mfa-enforced".into(),
            text: "Multi-factor authentication is enforced.".into(),
            questions: vec!["IAM-001".into()],
            action_key: Some("enforce-mfa".into()),
            action_title: Some("Enforce MFA".into()),
            due: Some(d(2027, 1, 31)),
        }],
        contradictions: Vec::new(),
        frozen: approved,
        changed_since_approval: false,
        revisions: vec![PolicyRevision {
            version: 1,
            status: PolicyStatus::Approved,
            at: "2025-11-30T10:00:00Z".into(),
            author: "Dana Lee".into(),
            note: "First issue".into(),
            approver: "Sam Ortiz".into(),
            approved_on: Some(d(2025, 11, 30)),
            sections: None,
        }],
    }
}

pub(super) fn with_ctx<T>(company: &str, f: impl FnOnce(&PolicyDocContext<'_>) -> T) -> T {
    let branding = trustgap_domain::branding::Branding {
        firm: "Meridian Assurance".into(),
        ..Default::default()
    };
    let catalog = embedded().expect("bank");
    let scope = [trustgap_domain::catalog::CategoryId::Security];
    let ctx = PolicyDocContext {
        company,
        system: "Brightwave",
        branding: &branding,
        date: d(2026, 12, 5),
        generated_at: chrono::DateTime::from_timestamp(1_800_000_000, 0).expect("time"),
        catalog,
        scope: &scope,
    };
    f(&ctx)
}

fn texts(doc: &Document) -> String {
    doc.texts().join("\n")
}

#[test]
fn a_draft_carries_document_control_sections_planned_clauses_history_and_approval() {
    let doc = with_ctx("Acme", |ctx| {
        policy_document(&view(PolicyStatus::Draft), ctx)
    });
    let all = texts(&doc);
    for needle in [
        "Access Control Policy",
        "Document control",
        "Dana Lee (Security lead)",
        "Sam Ortiz (CTO)",
        "Not yet approved",
        "Set when approved",
        "CC6.1, CC6.3",
        "Meridian Assurance",
        "1 Principles",
        "Planned clauses",
        "Enforce MFA",
        "31 January 2027",
        "Revision history",
        "First issue",
        "Approval",
    ] {
        assert!(
            all.contains(needle) || doc.blocks.iter().any(|b| heading_is(b, needle)),
            "missing {needle:?} in\n{all}"
        );
    }
    assert!(all.contains("Draft: not yet approved"), "{all}");
    assert_eq!(doc.meta.marking, "Draft · not approved");
    assert!(doc
        .meta
        .footer
        .starts_with("Prepared by Meridian Assurance"));
    let Some(Block::SignOff(people)) = doc.blocks.last() else {
        panic!("the approval block closes the document")
    };
    assert_eq!(people[0].name, "Sam Ortiz");
    assert_eq!(
        people[0].date, "",
        "an unsigned draft leaves the date to write"
    );
    // The planned clause is a callout, not a paragraph stating it as practice.
    assert!(doc.blocks.iter().any(|b| matches!(b,
        Block::Callout { title, text, .. }
            if title == text::PLANNED_TITLE && text.flat().starts_with("Multi-factor"))));
}

fn heading_is(b: &Block, title: &str) -> bool {
    match b {
        Block::Heading {
            number, title: t, ..
        } => format!("{number} {t}").trim() == title,
        _ => false,
    }
}

#[test]
fn an_approved_policy_shows_its_dates_and_signed_block_without_a_draft_notice() {
    let doc = with_ctx("Acme", |ctx| {
        policy_document(&view(PolicyStatus::Approved), ctx)
    });
    let all = texts(&doc);
    assert!(all.contains("30 November 2026"), "{all}");
    assert!(all.contains("30 November 2027"), "{all}");
    assert!(!all.contains("not yet approved"), "{all}");
    assert_eq!(doc.meta.marking, "Internal");
    let Some(Block::SignOff(people)) = doc.blocks.last() else {
        panic!("approval block")
    };
    assert_eq!(people[0].date, "30 November 2026");
}

#[test]
fn the_same_input_gives_the_same_bytes_in_every_format() {
    with_ctx("Acme", |ctx| {
        let v = view(PolicyStatus::InReview);
        let doc = policy_document(&v, ctx);
        let pdf = |d: &Document| crate::report::render_document(d).expect("pdf").0;
        assert!(pdf(&doc) == pdf(&policy_document(&v, ctx)));
        let word = |d: &Document| crate::word::docx(d).expect("docx");
        assert!(word(&doc) == word(&policy_document(&v, ctx)));
        assert_eq!(policy_markdown(&v, ctx), policy_markdown(&v, ctx));
        let views = [v.clone(), view(PolicyStatus::Approved)];
        assert!(pdf(&pack_index(&views, ctx)) == pdf(&pack_index(&views, ctx)));
        assert_eq!(
            pack_index_markdown(&views, ctx),
            pack_index_markdown(&views, ctx)
        );
    });
}

#[test]
fn markdown_keeps_the_markup_and_escapes_everything_else() {
    let mut v = view(PolicyStatus::Draft);
    v.sections[0].text =
        "# not a heading [link](http://x) <b>html</b> a|b **bold** *em*\n\n1. not a list".into();
    v.owner_name = "Dana | \"Lee\"\nNewline".into();
    let md = with_ctx("Acme & Co", |ctx| policy_markdown(&v, ctx));
    assert!(
        md.starts_with("---\ntitle: \"Access Control Policy\"\n"),
        "{md}"
    );
    assert!(
        md.contains("owner: \"Dana | \\\"Lee\\\"\\nNewline\""),
        "{md}"
    );
    assert!(
        md.contains(
            "\\# not a heading \\[link\\](http://x) \\<b\\>html\\</b\\> a\\|b **bold** *em*"
        ),
        "{md}"
    );
    assert!(md.contains("\n1\\. not a list\n"), "{md}");
    assert!(
        md.contains("| Owner | Dana \\| \"Lee\" Newline (Security lead) |"),
        "{md}"
    );
    assert!(md.contains("## 1. Principles"), "{md}");
    assert!(
        md.contains("> **Planned, not yet in place:** Multi\\-factor")
            || md.contains("> **Planned, not yet in place:** Multi-factor"),
        "{md}"
    );
    assert!(
        md.contains("## Approval\n\n| Approver | Role | Signature | Date |"),
        "{md}"
    );
}

#[test]
fn coverage_lists_only_criteria_in_scope_and_names_the_uncovered() {
    let views = [view(PolicyStatus::Approved)];
    let blocks = with_ctx("Acme", |ctx| coverage_blocks(&views, ctx));
    let Some(Block::Table(t)) = blocks.iter().find(|b| matches!(b, Block::Table(_))) else {
        panic!("a table")
    };
    assert!(
        t.rows.iter().all(|r| r.cells[0].text.starts_with("CC")),
        "security only"
    );
    let row = |id: &str| t.rows.iter().find(|r| r.cells[0].text == id).expect("row");
    assert_eq!(row("CC6.1").cells[2].text, "Access Control Policy");
    assert_eq!(row("CC6.1").tone, None);
    assert_eq!(row("CC1.1").cells[2].text, "No policy");
    let Some(Block::Callout { text, .. }) = blocks.last() else {
        panic!("the uncovered criteria are named")
    };
    assert!(text.flat().contains("CC1.1"), "{text:?}");
    assert!(!text.flat().contains("CC6.1 "), "{text:?}");
    // A retired policy covers nothing.
    let retired = [view(PolicyStatus::Retired)];
    assert!(covered_by(&retired, "CC6.1").is_empty());
}

#[test]
fn file_stems_are_numbered_and_safe() {
    assert_eq!(file_stem(0, "access-control"), "01-access-control");
    assert_eq!(file_stem(11, "../x y"), "12----x-y");
}

#[test]
fn an_empty_pack_and_an_empty_policy_still_render_in_every_format() {
    with_ctx("Acme", |ctx| {
        let index = pack_index(&[], ctx);
        assert!(texts(&index).contains("No policy is in the pack"));
        crate::report::render_document(&index).expect("pdf");
        crate::word::docx(&index).expect("docx");
        assert!(pack_index_markdown(&[], ctx).contains("# Policy pack index: Acme"));
        let mut v = view(PolicyStatus::Retired);
        v.sections.clear();
        v.planned.clear();
        v.revisions.clear();
        v.summary.clear();
        let doc = policy_document(&v, ctx);
        assert!(texts(&doc).contains("Retired: no longer in force"));
        crate::report::render_document(&doc).expect("pdf");
        crate::word::docx(&doc).expect("docx");
        let md = policy_markdown(&v, ctx);
        assert!(md.contains("No revision is recorded yet"), "{md}");
        assert!(md.contains("> **Retired: no longer in force.**"), "{md}");
        assert!(!md.contains("not yet approved"), "{md}");
    });
}
