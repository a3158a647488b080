//! The one-page summary (the board brief) PDF, checked with poppler and qpdf as a reader would see it.

use crate::support::{tool, workspace, TempWorkspace};
use chrono::{TimeZone, Utc};
use std::path::Path;
use trustgap_domain::assessment::Answer;
use trustgap_domain::catalog::CategoryId;
use trustgap_domain::plan::{AuditProfile, AuditType};
use trustgap_workspace::{NewAssessmentInput, SaveAnswerInput};

/// A workspace with one assessment, a handful of answers of every kind, and its id.
fn answered(client: &str) -> (TempWorkspace, i64) {
    let mut t = workspace();
    let c = t.ws.create_client(client).expect("client");
    let a =
        t.ws.create_assessment(&NewAssessmentInput {
            new_client_name: None,
            scoping_yes: Vec::new(),
            client_id: c.id,
            name: "SOC 2 Type I readiness".into(),
            scope: vec![CategoryId::Availability],
            profile: type1(),
            company: Default::default(),
        })
        .expect("assessment");
    let ids: Vec<String> =
        t.ws.catalog
            .questions_in(&[CategoryId::Security])
            .take(10)
            .map(|q| q.id.clone())
            .collect();
    for (i, id) in ids.iter().enumerate() {
        let answer = Answer::ALL[i % Answer::ALL.len()];
        t.ws.save_answer(&SaveAnswerInput {
            assessment_id: a.id,
            question_id: id.clone(),
            answer: Some(answer),
            note: "A long note. ".repeat(50),
            ..SaveAnswerInput::default()
        })
        .expect("answer");
    }
    (t, a.id)
}

fn render(t: &TempWorkspace, id: i64) -> (String, Vec<u8>, std::path::PathBuf) {
    let when = Utc
        .with_ymd_and_hms(2026, 11, 2, 9, 30, 0)
        .single()
        .expect("date");
    let (name, bytes) = t.ws.summary_pdf(id, when).expect("pdf");
    let path = t.dir.path().join("summary.pdf");
    std::fs::write(&path, &bytes).expect("write");
    (name, bytes, path)
}

#[test]
fn the_summary_is_one_valid_page_with_every_section() {
    let (t, id) = answered("Northwind Analytics");
    let (name, bytes, path) = render(&t, id);
    assert_eq!(name, "Northwind Analytics - Board brief.pdf");
    assert!(bytes.starts_with(b"%PDF-"));
    let p = path.to_str().expect("utf8");
    let info = tool("pdfinfo", &[p]);
    assert!(
        info.lines()
            .any(|l| l.starts_with("Pages:") && l.ends_with(" 1")),
        "{info}"
    );
    assert!(
        info.contains("Title:") && info.contains("Northwind Analytics"),
        "{info}"
    );
    assert!(info.contains("Author:          Trustgap"), "{info}");
    assert!(info.contains("2026"), "creation date is set: {info}");
    let text = tool("pdftotext", &["-layout", p, "-"]);
    for expected in [
        "Northwind Analytics",
        "BOARD BRIEF",
        "SOC 2 Type I readiness",
        "Availability",
        "Will we make the audit date?",
        "The three findings that matter most",
        "Effort and cost",
        "Decisions needed from leadership",
        "Page 1 of 1",
        "2 November 2026",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    let fonts = tool("pdffonts", &[p]);
    let embedded_subsets = fonts
        .lines()
        .filter(|l| l.contains("DejaVuSans") && l.contains(" yes yes "))
        .count();
    assert_eq!(
        embedded_subsets, 2,
        "regular and bold embedded as subsets:\n{fonts}"
    );
    tool("qpdf", &["--check", p]);
    // Kept for looking at: target/tmp/readiness-summary.pdf.
    let _ = std::fs::write(
        Path::new(env!("CARGO_TARGET_TMPDIR")).join("readiness-summary.pdf"),
        &bytes,
    );
    assert!(
        bytes.len() < 150_000,
        "fonts are subset: {} bytes",
        bytes.len()
    );
}

#[test]
fn the_same_data_and_time_give_identical_bytes() {
    let (t, id) = answered("Northwind Analytics");
    let (_, first, _) = render(&t, id);
    let (_, second, _) = render(&t, id);
    assert!(first == second, "output is not deterministic");
}

#[test]
fn non_latin_text_prints_or_is_replaced_visibly() {
    let (t, id) = answered("Zoë Ålesund — 株式会社");
    let (name, _, path) = render(&t, id);
    assert!(name.starts_with("Zoë Ålesund"));
    let p = path.to_str().expect("utf8");
    tool("qpdf", &["--check", p]);
    let text = tool("pdftotext", &[p, "-"]);
    // Japanese is drawn with an installed font (tests/it/scripts.rs covers "?" for the rest).
    assert!(text.contains("Zoë Ålesund — 株式会社"), "{text}");
}

fn type1() -> AuditProfile {
    AuditProfile {
        audit_type: AuditType::Type1,
        target_date: None,
        observation_start: None,
    }
}
