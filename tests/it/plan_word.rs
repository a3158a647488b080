//! The remediation plan as Word, read back with python-docx as another program sees it: its
//! chapters as real headings, the action table's header row repeating, the roadmap as a table
//! with a shaded week per bar, and the same sentences as the PDF.

use crate::readers::read_with;
use crate::reports::{sample, today, when};
use crate::support::tool;
use std::path::Path;
use trustgap_workspace::{DocFormat, ReportKind, ReportOptions};

pub(crate) const PLAN_FACTS: &str = r#"
import json, sys, docx
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
paras = [{"style": p.style.name if p.style is not None else None, "text": p.text} for p in d.paragraphs]
tables = []
for t in d.tables:
    first = t.rows[0]._tr
    trPr = first.find(qn("w:trPr"))
    rows = []
    for r in t.rows:
        cells = []
        for tc in r._tr.findall(qn("w:tc")):
            shd = tc.find(qn("w:tcPr") + "/" + qn("w:shd"))
            fill = shd.get(qn("w:fill")) if shd is not None else None
            span = tc.find(qn("w:tcPr") + "/" + qn("w:gridSpan"))
            cells.append({"fill": fill, "span": int(span.get(qn("w:val"))) if span is not None else 1})
        rows.append({"texts": [c.text for c in r.cells], "cells": cells})
    tables.append({
        "header": trPr is not None and trPr.find(qn("w:tblHeader")) is not None,
        "rows": rows,
    })
titlepg = d.sections[0]._sectPr.find(qn("w:titlePg")) is not None
print(json.dumps({"paras": paras, "tables": tables, "title_page": titlepg,
                  "title": d.core_properties.title}))
"#;

pub(crate) fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_plan_in_word_has_its_chapters_a_repeating_header_and_the_roadmap_table() {
    let (t, id) = sample();
    let options = ReportOptions::default();
    let (name, bytes) =
        t.ws.report_as(
            id,
            ReportKind::Plan,
            DocFormat::Docx,
            &options,
            when(),
            today(),
        )
        .expect("docx");
    assert_eq!(
        name,
        "Brightwave Analytics (sample) - SOC 2 remediation plan.docx"
    );
    let path = t.dir.path().join(&name);
    std::fs::write(&path, &bytes).expect("write");
    // Kept for looking at: target/tmp/report-plan.docx.
    let _ = std::fs::write(
        Path::new(env!("CARGO_TARGET_TMPDIR")).join("report-plan.docx"),
        &bytes,
    );
    let facts = read_with(PLAN_FACTS, &path);
    let paras = facts["paras"].as_array().expect("paragraphs");
    let styled = |style: &str| -> Vec<String> {
        paras
            .iter()
            .filter(|p| p["style"] == style)
            .map(|p| p["text"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    assert_eq!(
        styled("Heading 1"),
        vec![
            "1 Plan summary",
            "2 Audit preparation and workload",
            "3 Roadmap",
            "4 Actions",
            "5 Actions by owner",
            "6 Evidence request list",
        ]
    );
    let sections = styled("Heading 2");
    for expected in [
        "1.1 Actions by priority",
        "1.5 How the plan is scheduled",
        "2.2 Load per week",
        "5.1 Maya Chen",
        "Version history",
    ] {
        assert!(
            sections.iter().any(|s| s == expected),
            "{expected}: {sections:?}"
        );
    }
    assert_eq!(styled("Title"), vec!["Remediation plan"]);
    assert_eq!(
        styled("Front matter title"),
        vec!["Document control", "Contents"]
    );
    assert_eq!(
        facts["title"],
        "SOC 2 remediation plan: Brightwave Analytics (sample)"
    );
    assert_eq!(facts["title_page"], true, "the cover has no running header");

    let plan = t.ws.plan(id, today()).expect("plan");
    let tables = facts["tables"].as_array().expect("tables");
    let first_row = |t: &serde_json::Value| -> Vec<String> {
        t["rows"][0]["texts"]
            .as_array()
            .expect("cells")
            .iter()
            .map(|c| c.as_str().unwrap_or_default().to_owned())
            .collect()
    };
    // The action table: its header row repeats on every page, one row per action.
    let actions = tables
        .iter()
        .find(|t| {
            first_row(t).starts_with(&[
                "Ref".to_owned(),
                "Action".to_owned(),
                "Criteria".to_owned(),
            ])
        })
        .expect("the action table");
    assert_eq!(actions["header"], true);
    let rows = actions["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), plan.actions.len() + 1);
    let a01 = &rows[1]["texts"];
    assert_eq!(a01[0], "A01");
    assert!(
        a01[1]
            .as_str()
            .expect("text")
            .starts_with(&plan.actions[0].title),
        "{a01}"
    );
    assert_eq!(a01[4], plan.actions[0].priority.label().to_uppercase());

    // The roadmap: a repeating header of months, one row per action, each with shaded weeks.
    let roadmap = tables
        .iter()
        .find(|t| first_row(t).first().map(String::as_str) == Some("ACTION"))
        .expect("the roadmap table");
    assert_eq!(roadmap["header"], true);
    let rows = roadmap["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), plan.actions.len() + 1);
    for row in &rows[1..] {
        let shaded = row["cells"]
            .as_array()
            .expect("cells")
            .iter()
            .skip(1)
            .filter(|c| c["fill"].is_string())
            .count();
        assert!(shaded >= 1, "a bar has at least one shaded week: {row}");
    }
    // Every row spans the same weeks, merged cells counted by their span.
    let weeks = |row: &serde_json::Value| -> u64 {
        row["cells"]
            .as_array()
            .expect("cells")
            .iter()
            .skip(1)
            .map(|c| c["span"].as_u64().unwrap_or(1))
            .sum()
    };
    let n = weeks(&rows[0]);
    assert!((20..=52).contains(&n), "{n} week columns");
    assert!(rows.iter().all(|r| weeks(r) == n), "rows of unequal width");
    // Every action is on it, by reference.
    for i in 0..plan.actions.len() {
        let r = format!("A{:02} ", i + 1);
        assert!(
            rows.iter()
                .any(|row| row["texts"][0].as_str().is_some_and(|s| s.starts_with(&r))),
            "{r} missing from the roadmap"
        );
    }

    // Every heading and paragraph of the Word file is printed in the PDF as well.
    let (_, pdf) =
        t.ws.report_as(
            id,
            ReportKind::Plan,
            DocFormat::Pdf,
            &options,
            when(),
            today(),
        )
        .expect("pdf");
    let pdf_path = t.dir.path().join("plan.pdf");
    std::fs::write(&pdf_path, &pdf).expect("write");
    let text = normalise(&tool("pdftotext", &[pdf_path.to_str().expect("utf8"), "-"]));
    for p in paras {
        let s = normalise(p["text"].as_str().unwrap_or_default());
        // The roadmap's legend and the cover's foot line are laid out differently in the PDF
        // (swatches; two corners of the page), and the contents field is Word's own.
        let apart = s.contains('■') || s.contains(" · Question bank") || s.starts_with("Contents:");
        if s.is_empty() || apart {
            continue;
        }
        let probe: String = s.chars().take(50).collect();
        assert!(
            text.contains(probe.trim()),
            "{probe:?} is in the Word plan but not the PDF"
        );
    }
}
