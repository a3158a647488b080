//! Policy PDFs as poppler reads them: headings, document control, the approval block, the status
//! on every page, names in any script, every template without overflow, the coverage table.

use super::*;
use crate::support::tool;
use trustgap_documents::policy::{coverage_document, pack_index, policy_document};
use trustgap_documents::report::collect_missing_glyphs;
use trustgap_domain::catalog::CategoryId;

fn text(path: &Path) -> String {
    tool("pdftotext", &["-layout", path.to_str().expect("utf8"), "-"])
}

/// `s` with every run of spaces made one: headings' numbers sit in their own column.
fn squeezed(s: &str) -> String {
    s.split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `all` has `word` as a whole word ("C1.1" is not in "CC1.1").
fn has_word(all: &str, word: &str) -> bool {
    all.split(|c: char| c.is_whitespace() || c == ',' || c == ';' || c == '(')
        .any(|w| w == word)
}

#[test]
fn a_policy_pdf_has_its_headings_control_block_and_approval_on_numbered_branded_pages() {
    let dir = tempfile::tempdir().expect("tempdir");
    let view = view_of(policy("access-control"), "Acme Cloud", 3);
    assert!(!view.planned.is_empty(), "the fixture plans some clauses");
    let (bytes, word) = with_ctx("Acme Cloud", SECURITY, |ctx| {
        let doc = policy_document(&view, ctx);
        (pdf(&doc), docx(&doc))
    });
    keep("access-control.pdf", &bytes);
    keep("access-control.docx", &word);
    let path = save(dir.path(), "access-control.pdf", &bytes);
    tool("qpdf", &["--check", path.to_str().expect("utf8")]);
    let all = text(&path);
    let mut expected = vec![
        "Access Control Policy".to_owned(),
        "Document control".to_owned(),
        "Criteria supported".to_owned(),
        "Not yet approved".to_owned(),
        "Set when approved".to_owned(),
        "Planned clauses".to_owned(),
        "Revision history".to_owned(),
        "Approval".to_owned(),
        "SIGNATURE".to_owned(),
        "CTO (not yet named)".to_owned(),
        "Planned: not yet in place".to_owned(),
    ];
    for (i, s) in view.sections.iter().enumerate() {
        expected.push(format!("{} {}", i + 1, s.title));
    }
    let flat = squeezed(&all);
    for e in &expected {
        assert!(flat.contains(e.as_str()), "missing {e:?} in:\n{all}");
    }
    let pages: Vec<&str> = all
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert!(pages.len() >= 2, "{} pages", pages.len());
    for (i, page) in pages.iter().enumerate() {
        assert!(
            page.contains("DRAFT · NOT APPROVED"),
            "page {}:\n{page}",
            i + 1
        );
        assert!(
            page.contains("Prepared by Meridian Assurance"),
            "page {}",
            i + 1
        );
        assert!(
            page.contains(&format!("Page {} of {}", i + 1, pages.len())),
            "page {}:\n{page}",
            i + 1
        );
    }
    // The approval block is the last thing in the document.
    let approval = all.rfind("Approval").expect("approval");
    assert!(all[approval..].contains("SIGNATURE") && all[approval..].contains("DATE"));
    assert!(
        !all.contains("{{"),
        "no placeholder left in the fixture's text"
    );
}

#[test]
fn an_approved_policy_prints_its_approver_dates_and_history() {
    let dir = tempfile::tempdir().expect("tempdir");
    let view = approved(view_of(policy("incident-response"), "Acme Cloud", 0));
    let (bytes, word) = with_ctx("Acme Cloud", SECURITY, |ctx| {
        let doc = policy_document(&view, ctx);
        (pdf(&doc), docx(&doc))
    });
    keep("incident-response.pdf", &bytes);
    keep("incident-response.docx", &word);
    let all = text(&save(dir.path(), "ir.pdf", &bytes));
    for e in [
        "Sam Ortiz",
        "1 December 2026",
        "1 December 2027",
        "Annual review",
        "Sent for review",
        "INTERNAL",
    ] {
        assert!(all.contains(e), "missing {e:?} in:\n{all}");
    }
    assert!(!all.contains("not yet approved"), "{all}");
    // History oldest first.
    let sent = all.find("Sent for review").expect("v1");
    assert!(sent < all.find("Annual review").expect("v2"));
}

#[test]
fn japanese_and_hebrew_company_names_print_as_typed() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (i, company) in ["株式会社テスト", "שלום Ltd"].into_iter().enumerate() {
        let view = view_of(policy("information-security"), company, 4);
        let ((bytes, index), missing) = collect_missing_glyphs(|| {
            with_ctx(company, SECURITY, |ctx| {
                (
                    pdf(&policy_document(&view, ctx)),
                    pdf(&pack_index(std::slice::from_ref(&view), ctx)),
                )
            })
        });
        assert!(missing.is_empty(), "{company}: no font for {missing:?}");
        for (name, b) in [("policy", &bytes), ("index", &index)] {
            let all = text(&save(dir.path(), &format!("{i}-{name}.pdf"), b));
            let word = company.split(' ').next().expect("word");
            assert!(all.contains(word), "{company} missing in {name}:\n{all}");
            assert!(!all.contains("םולש"), "Hebrew drawn in logical order");
            assert!(!all.contains("????"), "{all}");
        }
    }
}

/// Every word pdftotext finds, with its page's size: (page width, xMin, xMax, yMax, word).
fn words(path: &Path) -> Vec<(f32, f32, f32, f32, String)> {
    let html = tool("pdftotext", &["-bbox", path.to_str().expect("utf8"), "-"]);
    let mut page_w = 0.0;
    let mut out = Vec::new();
    let get = |attrs: &str, key: &str| -> f32 {
        let at = attrs.find(&format!("{key}=\"")).expect("attr") + key.len() + 2;
        attrs[at..]
            .split('"')
            .next()
            .expect("value")
            .parse()
            .expect("number")
    };
    for l in html.lines().map(str::trim) {
        if let Some(attrs) = l.strip_prefix("<page ") {
            page_w = get(attrs, "width");
        } else if let Some(inner) = l.strip_prefix("<word ") {
            let (attrs, rest) = inner.split_once('>').expect("word");
            let w = rest.trim_end_matches("</word>").to_owned();
            out.push((
                page_w,
                get(attrs, "xMin"),
                get(attrs, "xMax"),
                get(attrs, "yMax"),
                w,
            ));
        }
    }
    out
}

#[test]
fn every_template_renders_inside_the_margins_in_pdf_and_word() {
    let dir = tempfile::tempdir().expect("tempdir");
    let all = [
        CategoryId::Security,
        CategoryId::Availability,
        CategoryId::ProcessingIntegrity,
        CategoryId::Confidentiality,
        CategoryId::Privacy,
    ];
    let views = pack("Acme Cloud", &all, 2);
    assert_eq!(views.len(), builtin().policies.len());
    with_ctx("Acme Cloud", &all, |ctx| {
        let mut docs: Vec<(String, Document)> = views
            .iter()
            .map(|v| (v.id.clone(), policy_document(v, ctx)))
            .collect();
        docs.push(("index".into(), pack_index(&views, ctx)));
        docs.push(("coverage".into(), coverage_document(&views, ctx)));
        for (id, doc) in docs.iter().filter(|(id, _)| id == "index") {
            keep(&format!("{id}.pdf"), &pdf(doc));
            keep(&format!("{id}.docx"), &docx(doc));
        }
        for (id, doc) in &docs {
            let path = save(dir.path(), &format!("{id}.pdf"), &pdf(doc));
            let found = words(&path);
            assert!(found.len() > 100, "{id}: {} words", found.len());
            for (page_w, x0, x1, y1, w) in &found {
                // The layout's margins are 56 pt; a point of slack for glyph overhang.
                assert!(
                    *x0 >= 55.0 && *x1 <= page_w - 55.0 && *y1 <= 842.0,
                    "{id}: {w:?} at {x0}..{x1}, {y1}"
                );
            }
            assert!(!docx(doc).is_empty());
        }
    });
}

#[test]
fn the_coverage_lists_only_criteria_in_scope_and_names_the_uncovered() {
    let dir = tempfile::tempdir().expect("tempdir");
    let views = vec![view_of(policy("access-control"), "Acme", 0)];
    let bytes = with_ctx("Acme", SECURITY, |ctx| pdf(&coverage_document(&views, ctx)));
    let all = text(&save(dir.path(), "coverage.pdf", &bytes));
    assert!(has_word(&all, "CC6.1"), "{all}");
    for other in ["A1.2", "C1.1", "PI1.1", "P1.1"] {
        assert!(!has_word(&all, other), "{other} is not in scope:\n{all}");
    }
    assert!(all.contains("Access Control Policy"), "{all}");
    assert!(all.contains("No policy"), "{all}");
    let tail = &all[all.find("in scope with no policy").expect("callout")..];
    assert!(tail.contains("CC1.1"), "{tail}");
    // With availability in scope its criteria appear too.
    let both = [CategoryId::Security, CategoryId::Availability];
    let bytes = with_ctx("Acme", &both, |ctx| pdf(&coverage_document(&views, ctx)));
    assert!(has_word(
        &text(&save(dir.path(), "coverage-a.pdf", &bytes)),
        "A1.2"
    ));
}

#[test]
fn the_same_views_and_stamp_give_the_same_pdf_and_word_bytes() {
    let views = pack("Acme", SECURITY, 3);
    with_ctx("Acme", SECURITY, |ctx| {
        for v in views.iter().take(3) {
            assert!(pdf(&policy_document(v, ctx)) == pdf(&policy_document(v, ctx)));
            assert!(docx(&policy_document(v, ctx)) == docx(&policy_document(v, ctx)));
        }
        assert!(pdf(&pack_index(&views, ctx)) == pdf(&pack_index(&views, ctx)));
        assert!(docx(&pack_index(&views, ctx)) == docx(&pack_index(&views, ctx)));
    });
}
