//! Policies as Markdown: front matter, headings, planned clauses as quotes, the approval table,
//! the index linking each file, and the same text for the same input.

use super::*;
use trustgap_documents::policy::{file_stem, pack_index_markdown, policy_markdown};

#[test]
fn a_policy_in_markdown_reads_like_the_pdf() {
    let view = view_of(policy("access-control"), "Acme Cloud", 3);
    let md = with_ctx("Acme Cloud", SECURITY, |ctx| policy_markdown(&view, ctx));
    assert!(
        md.starts_with("---\ntitle: \"Access Control Policy\"\n"),
        "{md}"
    );
    assert!(
        md.contains("\nstatus: draft\n") && md.contains("\napproved_on: null\n"),
        "{md}"
    );
    assert!(md.contains("\n# Access Control Policy\n"), "{md}");
    for (i, s) in view.sections.iter().enumerate() {
        assert!(
            md.contains(&format!("\n## {}. {}\n", i + 1, s.title)),
            "{}",
            s.title
        );
    }
    assert_eq!(
        md.matches("> **Planned, not yet in place:**").count(),
        view.planned.len()
    );
    assert!(md.contains("**Least privilege.**"), "bold kept");
    let approval = &md[md.find("## Approval").expect("approval")..];
    assert!(
        approval.contains("| CTO (not yet named) | CTO |  |  |"),
        "{approval}"
    );
    assert!(md.ends_with("*Prepared by Meridian Assurance · uncontrolled when printed*\n"));
    // Every table row has as many cells as its header.
    for block in md.split("\n\n").filter(|b| b.starts_with('|')) {
        let widths: Vec<usize> = block
            .lines()
            .map(|l| l.replace("\\|", "").matches('|').count())
            .collect();
        assert!(widths.windows(2).all(|w| w[0] == w[1]), "{block}");
    }
}

#[test]
fn the_index_links_each_policy_file_and_names_uncovered_criteria() {
    let views = vec![
        approved(view_of(policy("access-control"), "Acme", 0)),
        view_of(policy("incident-response"), "Acme", 2),
    ];
    let md = with_ctx("Acme", SECURITY, |ctx| pack_index_markdown(&views, ctx));
    assert!(
        md.contains("[Access Control Policy](01-access-control.md)"),
        "{md}"
    );
    assert!(
        md.contains(&format!("({}.md)", file_stem(1, "incident-response"))),
        "{md}"
    );
    assert!(md.contains("1 of 2 policies approved"), "{md}");
    assert!(md.contains("| CC6.1 |"), "{md}");
    assert!(
        !md.contains("| A1.2 |"),
        "availability is not in scope: {md}"
    );
    assert!(md.contains("**In scope with no policy:** CC1.1"), "{md}");
    assert!(md.contains("Put it in place"), "{md}");
}

#[test]
fn the_same_views_give_the_same_markdown_and_hostile_text_stays_text() {
    let mut v = view_of(policy("code-of-conduct"), "Acme <script>", 2);
    v.sections[0].text = "<img src=x onerror=alert(1)> [x](javascript:alert(1)) `code`".into();
    let (a, b) = with_ctx("Acme <script>", SECURITY, |ctx| {
        (policy_markdown(&v, ctx), policy_markdown(&v, ctx))
    });
    assert_eq!(a, b);
    // Every bracket is escaped: no tag, no link.
    assert!(!a.replace("\\<", "").contains("<img"), "{a}");
    assert!(
        !a.contains("[x](javascript") && a.contains("\\[x\\](javascript"),
        "{a}"
    );
    assert!(a.contains("\\<img src=x onerror=alert(1)\\>"), "{a}");
    assert!(
        a.contains("company: \"Acme <script>\""),
        "front matter is quoted: {a}"
    );
    assert!(!a.contains("| Company | Acme <script> |"), "{a}");
}
