//! Policy Word files read back with python-docx: real headings, bold and italic runs from the
//! markup, the status in the page header, the signature table.

use super::*;
use crate::readers::read_with;
use trustgap_documents::policy::{pack_index, policy_document};

const FACTS: &str = r#"
import json, sys, docx
d = docx.Document(sys.argv[1])
runs = [r for p in d.paragraphs for r in p.runs]
cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
print(json.dumps({
    "headings": [p.text for p in d.paragraphs if p.style is not None and p.style.name.startswith("Heading")],
    "bold": [r.text for r in runs if r.bold],
    "italic": [r.text for r in runs if r.italic],
    "header": " ".join(p.text for s in d.sections for p in s.header.paragraphs),
    "footer": " ".join(p.text for s in d.sections for p in s.footer.paragraphs),
    "cells": cells,
    "text": "\n".join(p.text for p in d.paragraphs),
}))
"#;

#[test]
fn a_policy_in_word_has_headings_emphasis_status_and_a_signature_block() {
    let dir = tempfile::tempdir().expect("tempdir");
    let view = view_of(policy("access-control"), "株式会社テスト", 3);
    let bytes = with_ctx("株式会社テスト", SECURITY, |ctx| {
        docx(&policy_document(&view, ctx))
    });
    let facts = read_with(FACTS, &save(dir.path(), "ac.docx", &bytes));
    let headings: Vec<&str> = facts["headings"]
        .as_array()
        .expect("headings")
        .iter()
        .filter_map(|h| h.as_str())
        .collect();
    let mut expected = vec!["Document control".to_owned()];
    expected.extend(
        view.sections
            .iter()
            .enumerate()
            .map(|(i, s)| format!("{} {}", i + 1, s.title)),
    );
    expected.extend(["Planned clauses", "Revision history", "Approval"].map(String::from));
    assert_eq!(headings, expected);
    // "**Least privilege.**" in the principles is a bold run; "*Planned:*" clauses are callouts.
    let bold = facts["bold"].to_string();
    assert!(bold.contains("Least privilege."), "{bold}");
    let header = facts["header"].as_str().expect("header");
    assert!(header.contains("株式会社テスト"), "{header}");
    assert!(header.contains("DRAFT · NOT APPROVED"), "{header}");
    assert!(
        facts["footer"]
            .as_str()
            .expect("footer")
            .contains("Prepared by Meridian Assurance"),
        "{facts}"
    );
    let cells = facts["cells"].to_string();
    for e in [
        "SIGNATURE",
        "DATE",
        "CTO (not yet named)",
        "Planned: not yet in place",
        "Criteria supported",
        "Not yet approved",
    ] {
        assert!(cells.contains(e), "missing {e:?} in {cells}");
    }
}

#[test]
fn emphasis_in_the_markup_becomes_italic_runs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut view = view_of(policy("acceptable-use"), "Acme", 0);
    view.sections[0].text = "Staff *must* report **at once**; ***both*** here.".into();
    let (bytes, printed) = with_ctx("Acme", SECURITY, |ctx| {
        let doc = policy_document(&view, ctx);
        (docx(&doc), pdf(&doc))
    });
    keep("emphasis.pdf", &printed);
    let facts = read_with(FACTS, &save(dir.path(), "au.docx", &bytes));
    assert_eq!(facts["italic"], serde_json::json!(["must", "both"]));
    let bold = facts["bold"].to_string();
    assert!(bold.contains("at once") && bold.contains("both"), "{bold}");
    assert!(
        facts["text"]
            .as_str()
            .expect("text")
            .contains("Staff must report at once; both here."),
        "{facts}"
    );
}

#[test]
fn the_pack_index_in_word_lists_every_policy() {
    let dir = tempfile::tempdir().expect("tempdir");
    let views = pack("Acme", SECURITY, 4);
    let bytes = with_ctx("Acme", SECURITY, |ctx| docx(&pack_index(&views, ctx)));
    let facts = read_with(FACTS, &save(dir.path(), "index.docx", &bytes));
    let cells = facts["cells"].to_string();
    for v in &views {
        assert!(cells.contains(&v.title), "{} missing", v.title);
    }
    assert!(cells.contains("Put it in place"), "planned clauses listed");
}
