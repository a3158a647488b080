//! The board brief in PDF and Word, read back as a reader's tools see it: poppler for the PDF,
//! python-docx (and the XML under it) for the .docx.

use crate::readers::read_with;
use crate::support::{tool, workspace, TempWorkspace};
use chrono::{NaiveDate, TimeZone, Utc};
use std::path::{Path, PathBuf};
use trustgap_workspace::{DocFormat, ReportKind, ReportOptions};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 2).expect("date")
}

fn sample() -> (TempWorkspace, i64) {
    let mut t = workspace();
    let id = t.ws.create_sample(today()).expect("sample").id;
    (t, id)
}

fn render(t: &TempWorkspace, id: i64, format: DocFormat) -> (String, Vec<u8>, PathBuf) {
    let when = Utc
        .with_ymd_and_hms(2026, 11, 2, 9, 30, 0)
        .single()
        .expect("date");
    let (name, bytes) = t.ws.brief(id, format, when, today()).expect("brief");
    let path = t.dir.path().join(format!("brief.{}", format.extension()));
    std::fs::write(&path, &bytes).expect("write");
    // Kept for looking at: target/tmp/board-brief.{pdf,docx}.
    let _ = std::fs::write(
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("board-brief.{}", format.extension())),
        &bytes,
    );
    (name, bytes, path)
}

const DOCX_FACTS: &str = r#"
import json, sys, docx
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
paras = [{"style": p.style.name if p.style is not None else None, "text": p.text} for p in d.paragraphs]
cells = []
header_rows = []
for t in d.tables:
    first = t.rows[0]._tr
    trPr = first.find(qn("w:trPr"))
    header_rows.append(trPr is not None and trPr.find(qn("w:tblHeader")) is not None)
    for r in t.rows:
        for c in r.cells:
            cells.extend(p.text for p in c.paragraphs)
footer = d.sections[0].footer._element.xml
header = "".join(p.text for p in d.sections[0].header.paragraphs)
cp = d.core_properties
print(json.dumps({
    "paras": paras, "cells": cells, "header_rows": header_rows,
    "footer_page": "PAGE" in footer and "NUMPAGES" in footer,
    "header": header,
    "title": cp.title, "author": cp.author,
    "created": cp.created.isoformat() if cp.created else None,
}))
"#;

fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_brief_is_one_page_in_pdf_and_carries_the_same_sentences_in_word() {
    let (t, id) = sample();
    let (name, _, pdf_path) = render(&t, id, DocFormat::Pdf);
    assert!(name.ends_with(" - Board brief.pdf"), "{name}");
    let p = pdf_path.to_str().expect("utf8");
    let info = tool("pdfinfo", &[p]);
    assert!(
        info.lines()
            .any(|l| l.starts_with("Pages:") && l.ends_with(" 1")),
        "{info}"
    );
    tool("qpdf", &["--check", p]);
    let text = normalise(&tool("pdftotext", &[p, "-"]));

    let (name, docx, docx_path) = render(&t, id, DocFormat::Docx);
    assert!(name.ends_with(" - Board brief.docx"), "{name}");
    assert!(docx.starts_with(b"PK"));
    let facts = read_with(DOCX_FACTS, &docx_path);
    let paras = facts["paras"].as_array().expect("paragraphs");
    let styled = |style: &str| -> Vec<String> {
        paras
            .iter()
            .filter(|p| p["style"] == style)
            .map(|p| p["text"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    let headings = styled("Heading 2");
    assert_eq!(
        headings,
        vec![
            "Will we make the audit date?",
            "The three findings that matter most",
            "Effort and cost",
            "Decisions needed from leadership",
        ]
    );
    assert_eq!(styled("Title"), vec!["Brightwave Analytics (sample)"]);
    assert!(facts["footer_page"].as_bool().expect("bool"), "{facts}");
    assert!(facts["header"]
        .as_str()
        .expect("header")
        .contains("CONFIDENTIAL"));
    assert_eq!(facts["title"], "Board brief: Brightwave Analytics (sample)");
    assert!(facts["created"]
        .as_str()
        .expect("created")
        .starts_with("2026-11-02T09:30:00"));

    // Every heading, paragraph and list item of the Word file is printed in the PDF as well.
    let word_text: Vec<String> = paras
        .iter()
        .filter_map(|p| p["text"].as_str())
        .map(normalise)
        .filter(|s| !s.is_empty())
        .collect();
    assert!(word_text.len() >= 10, "{word_text:?}");
    let cells: Vec<String> = facts["cells"]
        .as_array()
        .expect("cells")
        .iter()
        .filter_map(|c| c.as_str())
        .map(normalise)
        .filter(|s| !s.is_empty())
        .collect();
    // Table cells wrap inside their column, so only their first words are probed.
    let probes = word_text
        .iter()
        .map(|s| (s, 60))
        .chain(cells.iter().map(|s| (s, 20)));
    for (sentence, n) in probes {
        let probe = sentence.trim_start_matches(|c: char| !c.is_alphanumeric());
        let probe: String = probe.chars().take(n).collect();
        assert!(
            text.contains(probe.trim()),
            "{probe:?} is in the Word brief but not the PDF:\n{text}"
        );
    }
    for expected in [
        "Will we make the audit date?",
        "Decisions needed from leadership",
    ] {
        assert!(text.contains(expected), "{expected} missing:\n{text}");
    }
    assert!(text.contains("Page 1 of 1"), "{text}");
}

#[test]
fn the_findings_table_repeats_its_header_row_in_word() {
    let (t, id) = sample();
    let (_, _, path) = render(&t, id, DocFormat::Docx);
    let facts = read_with(DOCX_FACTS, &path);
    let rows = facts["header_rows"].as_array().expect("tables");
    // Key figures, the verdict callout (layout tables, no header), then the findings.
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert_eq!(
        rows[2], true,
        "the findings table's first row repeats: {rows:?}"
    );
    assert_eq!(rows[0], false);
    let cells: Vec<&str> = facts["cells"]
        .as_array()
        .expect("cells")
        .iter()
        .filter_map(|c| c.as_str())
        .collect();
    let at = cells.iter().position(|c| *c == "Severity").expect("header");
    assert_eq!(
        &cells[at..at + 4],
        ["Severity", "Finding", "What closes it", "Owner"]
    );
    assert_eq!(
        cells.len() - at,
        16,
        "a header and three findings: {cells:?}"
    );
}

#[test]
fn both_formats_are_byte_identical_for_the_same_data_and_stamp() {
    let (t, id) = sample();
    for format in [DocFormat::Pdf, DocFormat::Docx] {
        let (_, a, _) = render(&t, id, format);
        let (_, b, _) = render(&t, id, format);
        assert!(a == b, "{format:?} output is not deterministic");
        // The remediation plan, on the same document model, in the same format.
        let when = Utc
            .with_ymd_and_hms(2026, 11, 2, 9, 30, 0)
            .single()
            .expect("date");
        let plan = |t: &TempWorkspace| {
            t.ws.report_as(
                id,
                ReportKind::Plan,
                format,
                &ReportOptions::default(),
                when,
                today(),
            )
            .expect("plan")
            .1
        };
        assert!(
            plan(&t) == plan(&t),
            "the plan's {format:?} is not deterministic"
        );
    }
}

#[test]
fn exports_under_source_date_epoch_are_byte_identical_across_workspaces() {
    use crate::support::{binary, stderr};
    // Two workspaces made and exported the same way, each by fresh processes, with the same
    // stamp: the files are the same bytes (each export is the document's version 1.0).
    let export = |name: &str| -> Vec<u8> {
        let dir = tempfile::tempdir().expect("tempdir");
        let data = dir.path().join("data");
        let run = |args: &[&str]| {
            let o = std::process::Command::new(binary())
                .args(args)
                .env("TRUSTGAP_DATA_DIR", &data)
                .env("SOURCE_DATE_EPOCH", "1793611800")
                .output()
                .expect("run trustgap");
            assert!(o.status.success(), "{args:?}: {}", stderr(&o));
            String::from_utf8_lossy(&o.stdout).trim().to_owned()
        };
        let id = run(&["demo"]);
        let out = dir.path().join(name);
        let what = name.split('.').next().expect("kind");
        run(&[
            "report",
            what,
            "--assessment",
            &id,
            "--out",
            out.to_str().expect("utf8"),
        ]);
        std::fs::read(&out).expect("read")
    };
    for name in ["brief.docx", "plan.docx", "plan.pdf"] {
        let (a, b) = (export(name), export(name));
        assert!(!a.is_empty());
        assert!(a == b, "{name} differs between two exports");
    }
}

#[test]
fn the_format_comes_from_the_extension_and_others_are_refused() {
    assert_eq!(
        DocFormat::from_path(Path::new("x/brief.PDF")).expect("pdf"),
        DocFormat::Pdf
    );
    assert_eq!(
        DocFormat::from_path(Path::new("brief.docx")).expect("docx"),
        DocFormat::Docx
    );
    for bad in ["brief.doc", "brief", "brief.pdf.txt", ".docx"] {
        let err = DocFormat::from_path(Path::new(bad)).expect_err(bad);
        assert!(err.message.contains(".pdf or .docx"), "{}", err.message);
    }
}

#[test]
fn the_cli_writes_the_brief_in_the_format_its_extension_names() {
    use crate::support::{cli, stderr, stdout};
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let demo = cli(&data, &["demo"]);
    assert!(demo.status.success(), "{}", stderr(&demo));
    let id = stdout(&demo).trim().to_owned();
    let out = |name: &str| dir.path().join(name).to_str().expect("utf8").to_owned();
    for name in ["brief.pdf", "brief.docx"] {
        let o = cli(
            &data,
            &["report", "brief", "--assessment", &id, "--out", &out(name)],
        );
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(stdout(&o).contains(name));
    }
    assert!(std::fs::read(out("brief.pdf"))
        .expect("pdf")
        .starts_with(b"%PDF-"));
    assert!(std::fs::read(out("brief.docx"))
        .expect("docx")
        .starts_with(b"PK"));

    let o = cli(
        &data,
        &[
            "report",
            "brief",
            "--assessment",
            &id,
            "--out",
            &out("brief.odt"),
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains(".pdf or .docx"), "{}", stderr(&o));
    assert!(!Path::new(&out("brief.odt")).exists());

    let o = cli(
        &data,
        &[
            "report",
            "plan",
            "--assessment",
            &id,
            "--out",
            &out("plan.docx"),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read(out("plan.docx"))
        .expect("docx")
        .starts_with(b"PK"));

    // The readiness report is written as Word too.
    let o = cli(
        &data,
        &[
            "report",
            "readiness",
            "--assessment",
            &id,
            "--out",
            &out("readiness.docx"),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read(out("readiness.docx"))
        .expect("docx")
        .starts_with(b"PK"));
}

fn costs() -> trustgap_domain::costs::CostAssumptions {
    trustgap_domain::costs::CostAssumptions {
        currency: "EUR".into(),
        day_rate: Some(900),
        lines: vec![
            trustgap_domain::costs::CostLine {
                label: "Penetration test".into(),
                low: 8_000,
                high: 12_000,
            },
            trustgap_domain::costs::CostLine {
                label: "Audit fee".into(),
                low: 25_000,
                high: 25_000,
            },
        ],
    }
}

#[test]
fn saved_costs_price_the_brief_in_both_formats_and_it_stays_one_page() {
    let (mut t, id) = sample();
    let saved = t.ws.save_cost_assumptions(id, &costs()).expect("save");
    assert_eq!(saved, costs());
    assert_eq!(t.ws.cost_assumptions(id).expect("read"), costs());
    let (_, _, pdf) = render(&t, id, DocFormat::Pdf);
    let p = pdf.to_str().expect("utf8");
    let info = tool("pdfinfo", &[p]);
    assert!(
        info.lines()
            .any(|l| l.starts_with("Pages:") && l.ends_with(" 1")),
        "{info}"
    );
    let text = normalise(&tool("pdftotext", &[p, "-"]));
    for expected in [
        "At EUR 900 a day",
        "External costs (Penetration test, Audit fee) add EUR 33,000 to 37,000.",
        "Approve the external budget of EUR 33,000 to 37,000.",
    ] {
        assert!(text.contains(expected), "{expected} missing:\n{text}");
    }
    let (_, _, docx) = render(&t, id, DocFormat::Docx);
    let facts = read_with(DOCX_FACTS, &docx);
    let all: String = facts["paras"]
        .as_array()
        .expect("paragraphs")
        .iter()
        .filter_map(|p| p["text"].as_str())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        all.contains("Approve the external budget of EUR 33,000 to 37,000."),
        "{all}"
    );
}

#[test]
fn cost_assumptions_are_checked_before_they_are_saved() {
    let (mut t, id) = sample();
    let mut too_many = costs();
    too_many.lines = vec![too_many.lines[0].clone(); 21];
    let mut upside_down = costs();
    upside_down.lines[0].low = 20_000;
    let mut huge_rate = costs();
    huge_rate.day_rate = Some(u32::MAX);
    let mut long_label = costs();
    long_label.lines[0].label = "x".repeat(500);
    let mut injected = costs();
    injected.currency = "EUR'); DROP TABLE cost_assumptions;--".into();
    for bad in [too_many, upside_down, huge_rate, long_label, injected] {
        let err = t.ws.save_cost_assumptions(id, &bad).expect_err("refused");
        assert_eq!(
            err.code,
            trustgap_workspace::ErrorCode::Validation,
            "{}",
            err.message
        );
    }
    assert!(
        t.ws.cost_assumptions(id).expect("read").is_empty(),
        "nothing saved"
    );
    assert!(
        t.ws.save_cost_assumptions(9_999, &costs()).is_err(),
        "unknown assessment"
    );
}

#[test]
fn the_readiness_report_names_as_weakest_the_category_with_the_high_severity_gaps() {
    use trustgap_workspace::{ReportKind, ReportOptions};
    let (t, id) = sample();
    let when = Utc
        .with_ymd_and_hms(2026, 11, 2, 9, 30, 0)
        .single()
        .expect("date");
    let (_, bytes) =
        t.ws.report_pdf(
            id,
            ReportKind::Readiness,
            &ReportOptions::default(),
            when,
            today(),
        )
        .expect("report");
    let path = t.dir.path().join("readiness.pdf");
    std::fs::write(&path, bytes).expect("write");
    let text = normalise(&tool("pdftotext", &[path.to_str().expect("utf8"), "-"]));
    // In the sample every category scores, Confidentiality lowest, but most high gaps are in
    // Security: the sentence must point where an auditor will find exceptions.
    let card = t.ws.detail(id).expect("detail").scorecard;
    let most = card
        .categories
        .iter()
        .max_by_key(|c| c.tally.high_gaps)
        .expect("categories");
    assert!(most.tally.high_gaps > 0);
    let expected = format!("Weakest: {} at", most.name);
    assert!(text.contains(&expected), "{expected} missing:\n{text}");
    let lowest = card
        .categories
        .iter()
        .filter(|c| c.tally.score.is_some())
        .min_by(|a, b| {
            a.tally
                .score
                .unwrap_or(0.0)
                .total_cmp(&b.tally.score.unwrap_or(0.0))
        })
        .expect("scored");
    assert_ne!(lowest.name, most.name, "the sample tells the two apart");
    assert!(
        !text.contains(&format!("Weakest: {} at", lowest.name)),
        "{text}"
    );
}
