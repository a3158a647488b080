//! The attestation report and the sign-sheet, in PDF (pdftotext) and Word (python-docx).

use super::{date, stamp, Fixture, HEBREW, JAPANESE, LATE, LEAVER};
use crate::readers::read_with;
use crate::support::tool;
use std::path::Path;
use trustgap_documents::doc::Document;
use trustgap_documents::register::{attestation_document, sign_sheet_document, SignSheet};
use trustgap_documents::report::render_document;
use trustgap_documents::word::docx;

const DOCX_TEXT: &str = r#"
import sys, json, docx
d = docx.Document(sys.argv[1])
parts = [p.text for p in d.paragraphs]
for t in d.tables:
    for row in t.rows:
        for c in row.cells:
            parts.append(c.text)
print(json.dumps("\n".join(parts)))
"#;

fn pdf_text(doc: &Document, dir: &Path) -> String {
    let file = dir.join("doc.pdf");
    std::fs::write(&file, render_document(doc).expect("pdf").0).expect("write");
    tool("pdftotext", &["-layout", file.to_str().expect("path"), "-"])
}

fn word_text(doc: &Document, dir: &Path) -> String {
    let file = dir.join("doc.docx");
    std::fs::write(&file, docx(doc).expect("docx")).expect("write");
    read_with(DOCX_TEXT, &file)
        .as_str()
        .expect("text")
        .to_owned()
}

#[test]
fn the_attestation_lists_the_period_people_dates_and_exceptions_in_pdf_and_word() {
    let f = Fixture::sample();
    let reg = f.register(date(2026, 7, 15));
    let doc = attestation_document(&reg, date(2026, 1, 1), date(2026, 6, 30));
    let again = attestation_document(&reg, date(2026, 1, 1), date(2026, 6, 30));
    assert!(render_document(&doc).expect("pdf").0 == render_document(&again).expect("pdf").0);
    assert!(docx(&doc).expect("docx") == docx(&again).expect("docx"));
    let dir = tempfile::tempdir().expect("tempdir");
    for text in [pdf_text(&doc, dir.path()), word_text(&doc, dir.path())] {
        for needle in [
            "1 January 2026 to 30 June 2026",
            "Security awareness",
            "Access Control Policy (version 2)",
            JAPANESE,
            HEBREW,
            LEAVER,
            LATE,
            "2026-02-10",
            "certificate-1.pdf",
            "Not trained in time",
            "Access removal not recorded",
            "Acknowledgement stale",
            "Prepared by",
            "Northwind Advisory",
            "Approved by (management)",
        ] {
            // The PDF sets the exceptions' kinds in capitals, Word as written.
            assert!(
                text.to_lowercase().contains(&needle.to_lowercase()),
                "{needle} missing from:\n{text}"
            );
        }
    }
}

#[test]
fn the_attestation_leaves_out_people_outside_the_period_and_later_records() {
    let mut f = Fixture::sample();
    // Left before the period began; and a completion dated after the period's end.
    f.people[0].end_date = Some(date(2025, 12, 1));
    f.completions.push(trustgap_domain::register::Completion {
        id: 9,
        person_id: 5,
        course_id: 10,
        completed_on: date(2026, 7, 10),
        evidence: "late-certificate.pdf".to_owned(),
    });
    let reg = f.register(date(2026, 7, 15));
    let doc = attestation_document(&reg, date(2026, 1, 1), date(2026, 6, 30));
    let texts = doc.texts().join("\n");
    assert!(!texts.contains("Ada Admin"), "{texts}");
    assert!(!texts.contains("late-certificate.pdf"), "{texts}");
    assert!(texts.contains("Not trained in time"), "{texts}");
}

#[test]
fn the_sign_sheet_lists_every_current_person_and_nothing_else_in_pdf_and_word() {
    let f = Fixture::sample();
    let sheet = SignSheet {
        client: "Brightwave",
        branding: &f.branding,
        people: &f.people,
        policies: &f.policies,
        date: date(2026, 6, 30),
        generated_at: stamp(),
    };
    let doc = sign_sheet_document(&sheet);
    assert!(
        render_document(&doc).expect("pdf").0
            == render_document(&sign_sheet_document(&sheet))
                .expect("pdf")
                .0
    );
    assert!(docx(&doc).expect("docx") == docx(&sign_sheet_document(&sheet)).expect("docx"));
    let dir = tempfile::tempdir().expect("tempdir");
    for text in [pdf_text(&doc, dir.path()), word_text(&doc, dir.path())] {
        for needle in [
            "30 June 2026",
            "Access Control Policy",
            "Signature",
            "Ada Admin",
            JAPANESE,
            HEBREW,
            LATE,
        ] {
            assert!(text.contains(needle), "{needle} missing from:\n{text}");
        }
        assert!(!text.contains(LEAVER), "a leaver is on the sheet:\n{text}");
        // The late person's name has "Overdue" in it; their status must not be printed.
        let others = text.replace(LATE, "");
        for private in ["@example.com", "certificate-", "Overdue", "2025-05-20"] {
            assert!(
                !others.contains(private),
                "{private} printed on the sheet:\n{text}"
            );
        }
    }
}
