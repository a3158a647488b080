//! The readiness report and remediation plan PDFs of the sample assessment, read back with
//! poppler and qpdf as a reader's viewer would: pages, sections, fonts, links and determinism.

use crate::support::{tool, workspace, TempWorkspace};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use std::path::{Path, PathBuf};
use trustgap_domain::assessment::Answer;
use trustgap_domain::catalog::CategoryId;
use trustgap_domain::plan::{AuditProfile, AuditType};
use trustgap_workspace::{NewAssessmentInput, ReportKind, ReportOptions, SaveAnswerInput};

pub fn when() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 2, 9, 30, 0)
        .single()
        .expect("date")
}

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 2).expect("date")
}

/// A workspace holding the sample assessment, and its id.
pub fn sample() -> (TempWorkspace, i64) {
    let mut t = workspace();
    let id = t.ws.create_sample(today()).expect("sample").id;
    (t, id)
}

fn appendix(on: bool) -> ReportOptions {
    ReportOptions {
        include_appendix: on,
        snapshot_id: None,
    }
}

/// Keeps a copy in target/tmp for looking at (`pdftoppm -png -r 60 …`).
pub(crate) fn keep(name: &str, bytes: &[u8]) {
    let _ = std::fs::write(Path::new(env!("CARGO_TARGET_TMPDIR")).join(name), bytes);
}

/// Renders a report to a file in the workspace's folder.
fn render(
    t: &TempWorkspace,
    id: i64,
    kind: ReportKind,
    options: &ReportOptions,
) -> (String, Vec<u8>, PathBuf) {
    let (name, bytes) =
        t.ws.report_pdf(id, kind, options, when(), today())
            .expect("report");
    let path = t.dir.path().join(&name);
    std::fs::write(&path, &bytes).expect("write");
    (name, bytes, path)
}

fn pages(p: &str) -> usize {
    let info = tool("pdfinfo", &[p]);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count")
}

fn page_text(p: &str, page: usize) -> String {
    let n = page.to_string();
    tool("pdftotext", &["-layout", "-f", &n, "-l", &n, p, "-"])
}

/// Every outline entry's title is on the page the contents give for it.
fn assert_contents_point_at_their_pages(
    t: &TempWorkspace,
    id: i64,
    kind: ReportKind,
    options: &ReportOptions,
    p: &str,
) {
    let preview =
        t.ws.report_preview(id, kind, options, when(), today())
            .expect("preview");
    assert_eq!(preview.pages as usize, pages(p));
    assert!(preview.outline.len() >= 6, "{:?}", preview.outline);
    let contents = (1..=4)
        .map(|n| page_text(p, n))
        .find(|text| text.contains("Contents"))
        .expect("a contents page");
    for entry in preview.outline.iter().filter(|e| e.title != "Cover") {
        let text = page_text(p, entry.page as usize);
        // Long titles may wrap in the heading; the first words are enough to find it.
        let probe: String = entry.title.chars().take(28).collect();
        assert!(
            text.contains(probe.trim()),
            "{:?} is not on page {}:\n{text}",
            entry.title,
            entry.page
        );
        if !matches!(entry.title.as_str(), "Document control" | "Contents") {
            let line = contents
                .lines()
                .find(|l| {
                    let numbered = l
                        .trim_start()
                        .strip_prefix(entry.number.as_str())
                        .is_some_and(|rest| entry.number.is_empty() || rest.starts_with(' '));
                    numbered && l.contains(probe.trim())
                })
                .unwrap_or_else(|| panic!("{probe:?} missing from the contents:\n{contents}"));
            assert!(
                line.trim_end().ends_with(&format!(" {}", entry.page)),
                "contents line {line:?} should end with page {}",
                entry.page
            );
        }
    }
}

/// The PDF outline (bookmarks) lists every chapter on its page, in reading order, and the
/// contents page holds one internal link per entry, each to the page of its heading.
fn assert_outline_and_links(
    t: &TempWorkspace,
    id: i64,
    kind: ReportKind,
    options: &ReportOptions,
    p: &str,
) {
    let preview =
        t.ws.report_preview(id, kind, options, when(), today())
            .expect("preview");
    let json: serde_json::Value = serde_json::from_str(&tool(
        "qpdf",
        &[
            "--json=2",
            "--json-key=outlines",
            "--json-key=pages",
            "--json-key=qpdf",
            p,
        ],
    ))
    .expect("qpdf json");
    let bookmarks: Vec<(String, u64)> = json["outlines"]
        .as_array()
        .expect("an outline")
        .iter()
        .map(|o| {
            (
                o["title"].as_str().unwrap_or_default().to_owned(),
                o["destpageposfrom1"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    let chapters: Vec<(String, u64)> = preview
        .outline
        .iter()
        .filter(|e| e.level == 0)
        .map(|e| {
            let label = if e.number.is_empty() {
                e.title.clone()
            } else {
                format!("{} {}", e.number, e.title)
            };
            (label, u64::from(e.page))
        })
        .collect();
    assert_eq!(bookmarks, chapters, "bookmarks follow the chapters");

    let pages: Vec<&str> = json["pages"]
        .as_array()
        .expect("pages")
        .iter()
        .filter_map(|p| p["object"].as_str())
        .collect();
    let contents_page = preview
        .outline
        .iter()
        .find(|e| e.title == "Contents")
        .map(|e| e.page as usize)
        .expect("a contents page");
    let objects = &json["qpdf"][1];
    let annots = objects[format!("obj:{}", pages[contents_page - 1])]["value"]["/Annots"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let targets: Vec<u32> = annots
        .iter()
        .filter_map(|a| a["/A"]["/D"][0].as_str())
        .filter_map(|r| pages.iter().position(|p| *p == r))
        .map(|i| i as u32 + 1)
        .collect();
    let listed: Vec<u32> = preview
        .outline
        .iter()
        .filter(|e| !matches!(e.title.as_str(), "Cover" | "Document control" | "Contents"))
        .map(|e| e.page)
        .collect();
    assert_eq!(targets, listed, "one link per contents entry, to its page");
}

fn assert_well_formed(p: &str, bytes: &[u8]) {
    assert!(bytes.starts_with(b"%PDF-"));
    tool("qpdf", &["--check", p]);
    let fonts = tool("pdffonts", &[p]);
    let subsets = fonts
        .lines()
        .filter(|l| l.contains("DejaVuSans") && l.contains('+') && l.contains(" yes yes "))
        .count();
    assert_eq!(subsets, 2, "regular and bold embedded as subsets:\n{fonts}");
}

#[test]
fn the_readiness_report_has_every_section_and_valid_contents() {
    let (t, id) = sample();
    let options = appendix(true);
    let (name, bytes, path) = render(&t, id, ReportKind::Readiness, &options);
    assert_eq!(
        name,
        "Brightwave Analytics (sample) - SOC 2 readiness report.pdf"
    );
    keep("report-readiness.pdf", &bytes);
    let p = path.to_str().expect("utf8");
    assert_well_formed(p, &bytes);
    let n = pages(p);
    // The sample with its appendices runs to about 111 pages (the appendix tables at the normal
    // cell size); far more would mean a layout gone wrong.
    assert!((20..=120).contains(&n), "{n} pages");
    let text = tool("pdftotext", &[p, "-"]);
    for expected in [
        "Brightwave Analytics (sample)",
        "Readiness report",
        "CONFIDENTIAL",
        "Prepared with Trustgap",
        "Document control",
        "Contents",
        "Executive summary",
        "Readiness by category",
        "Top risks",
        "Key recommendations",
        "Scope and approach",
        "Trust Services Categories",
        "Results by category",
        "Heat map of criteria",
        "Gap register",
        "Detailed findings",
        "About the audit",
        "Control matrix",
        "Evidence requests",
        "All answers",
        "Glossary",
        "Fully remote team since 2022",
        &format!("Page 2 of {n}"),
        &format!("Page {n} of {n}"),
    ] {
        assert!(text.contains(expected), "missing {expected:?}");
    }
    let info = tool("pdfinfo", &[p]);
    assert!(
        info.contains("Title:           SOC 2 readiness report: Brightwave Analytics (sample)"),
        "{info}"
    );
    assert!(
        info.contains("Author:          Alex Morgan (consultant)"),
        "{info}"
    );
    assert!(
        info.contains("Subject:         SOC 2 gap assessment"),
        "{info}"
    );
    assert!(info.contains("Keywords:        SOC 2"), "{info}");
    assert!(
        info.contains("CreationDate:") && info.contains("2026"),
        "{info}"
    );
    assert_contents_point_at_their_pages(&t, id, ReportKind::Readiness, &options, p);
    assert_outline_and_links(&t, id, ReportKind::Readiness, &options, p);
}

#[test]
fn the_appendix_is_optional() {
    let (t, id) = sample();
    let (_, _, with) = render(&t, id, ReportKind::Readiness, &appendix(true));
    let with_pages = pages(with.to_str().expect("utf8"));
    let (_, bytes, without) = render(&t, id, ReportKind::Readiness, &appendix(false));
    let p = without.to_str().expect("utf8");
    assert!(pages(p) < with_pages);
    let text = tool("pdftotext", &[p, "-"]);
    assert!(!text.contains("All answers"));
    assert!(!text.contains("Glossary"));
    assert_well_formed(p, &bytes);
}

#[test]
fn the_plan_report_has_every_section_and_valid_contents() {
    let (t, id) = sample();
    let options = ReportOptions::default();
    let (name, bytes, path) = render(&t, id, ReportKind::Plan, &options);
    assert_eq!(
        name,
        "Brightwave Analytics (sample) - SOC 2 remediation plan.pdf"
    );
    keep("report-plan.pdf", &bytes);
    let p = path.to_str().expect("utf8");
    assert_well_formed(p, &bytes);
    let n = pages(p);
    assert!((8..=40).contains(&n), "{n} pages");
    let text = tool("pdftotext", &[p, "-"]);
    for expected in [
        "Brightwave Analytics (sample)",
        "Remediation plan",
        "Plan summary",
        "The plan fits before the audit",
        "Audit preparation and workload",
        "Choose and engage the audit firm",
        "Load per week",
        "Actions by priority",
        "Actions by phase",
        "Roadmap",
        "Readiness deadline",
        "Actions by owner",
        "Maya Chen",
        "not yet named",
        "Evidence request list",
        &format!("Page {n} of {n}"),
    ] {
        assert!(text.contains(expected), "missing {expected:?}");
    }
    assert_contents_point_at_their_pages(&t, id, ReportKind::Plan, &options, p);
    assert_outline_and_links(&t, id, ReportKind::Plan, &options, p);
}

#[test]
fn the_same_data_and_time_give_identical_reports() {
    let (t, id) = sample();
    for kind in [ReportKind::Readiness, ReportKind::Plan] {
        let (_, a) =
            t.ws.report_pdf(id, kind, &appendix(true), when(), today())
                .expect("pdf");
        let (_, b) =
            t.ws.report_pdf(id, kind, &appendix(true), when(), today())
                .expect("pdf");
        assert!(a == b, "{kind:?} is not deterministic");
    }
}

#[test]
fn long_notes_and_non_latin_text_do_not_break_the_layout() {
    let mut t = workspace();
    let client =
        t.ws.create_client("Zoë Ålesund — 株式会社")
            .expect("client");
    let a =
        t.ws.create_assessment(&NewAssessmentInput {
            new_client_name: None,
            scoping_yes: Vec::new(),
            client_id: client.id,
            name: "Året runt — 年次評価".into(),
            scope: vec![CategoryId::Availability],
            profile: AuditProfile {
                audit_type: AuditType::Type2,
                target_date: NaiveDate::from_ymd_opt(2027, 9, 30),
                observation_start: NaiveDate::from_ymd_opt(2027, 4, 1),
            },
            company: Default::default(),
        })
        .expect("assessment");
    let ids: Vec<String> =
        t.ws.catalog
            .questions_in(&a.scope)
            .take(60)
            .map(|q| q.id.clone())
            .collect();
    let long = format!(
        "Zoë Ålesund — 株式会社 {}{}",
        "A very long note about why this control is only partly in place. ".repeat(120),
        "x".repeat(500)
    );
    for (i, id) in ids.iter().enumerate() {
        t.ws.save_answer(&SaveAnswerInput {
            assessment_id: a.id,
            question_id: id.clone(),
            answer: Some(Answer::ALL[i % Answer::ALL.len()]),
            note: if i < 3 {
                long.clone()
            } else {
                "Not relevant here — 該当なし.".to_owned()
            },
            ..SaveAnswerInput::default()
        })
        .expect("answer");
    }
    for kind in [ReportKind::Readiness, ReportKind::Plan] {
        let (name, bytes, path) = render(&t, a.id, kind, &appendix(true));
        keep(
            &format!("report-{kind:?}-non-latin.pdf").to_lowercase(),
            &bytes,
        );
        assert!(name.starts_with("Zoë Ålesund — 株式会社 - "), "{name}");
        let p = path.to_str().expect("utf8");
        assert_well_formed(p, &bytes);
        let text = tool("pdftotext", &[p, "-"]);
        assert!(
            text.contains("Zoë Ålesund — 株式会社"),
            "CJK drawn with an installed font"
        );
        assert_contents_point_at_their_pages(&t, a.id, kind, &appendix(true), p);
    }
}

#[test]
fn a_snapshot_adds_a_progress_chapter() {
    let (mut t, id) = sample();
    let snap =
        t.ws.take_snapshot(id, "Kick-off workshop")
            .expect("snapshot");
    let plan = t.ws.plan(id, today()).expect("plan");
    for gap in plan.gaps.iter().take(4) {
        t.ws.save_answer(&SaveAnswerInput {
            assessment_id: id,
            question_id: gap.question_id.clone(),
            answer: Some(Answer::Implemented),
            note: String::new(),
            ..SaveAnswerInput::default()
        })
        .expect("answer");
    }
    let options = ReportOptions {
        include_appendix: false,
        snapshot_id: Some(snap.id),
    };
    let (_, bytes, path) = render(&t, id, ReportKind::Readiness, &options);
    keep("report-readiness-progress.pdf", &bytes);
    let p = path.to_str().expect("utf8");
    assert_well_formed(p, &bytes);
    let text = tool("pdftotext", &[p, "-"]);
    for expected in [
        "Progress since Kick-off workshop",
        "Categories then and now",
        "Criteria that moved most",
        "Gaps closed",
        "Gaps opened",
    ] {
        assert!(text.contains(expected), "missing {expected:?}");
    }
    assert_contents_point_at_their_pages(&t, id, ReportKind::Readiness, &options, p);
    // The plan report ignores the snapshot; an unknown snapshot is refused.
    let bad = ReportOptions {
        include_appendix: false,
        snapshot_id: Some(9999),
    };
    let err =
        t.ws.report_pdf(id, ReportKind::Readiness, &bad, when(), today())
            .expect_err("unknown snapshot");
    assert_eq!(err.code, trustgap_workspace::error::ErrorCode::NotFound);
}
