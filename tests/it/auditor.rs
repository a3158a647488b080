//! What an auditor reads in the readiness report of the sample: the control matrix (a row for
//! every control in scope, verified or self-reported, its header on every page), the evidence
//! requests, the chapter about the audit, and the control matrix as CSV.

use crate::readers::read_with;
use crate::reports::{sample, today, when};
use crate::support::{tool, workspace, TempWorkspace};
use std::collections::HashMap;
use std::path::PathBuf;
use trustgap_domain::assessment::{Answer, EvidenceRef};
use trustgap_domain::plan::{AuditProfile, AuditType};
use trustgap_workspace::{
    DataFormat, NewAssessmentInput, ReportKind, ReportOptions, SaveAnswerInput,
};

const NO_APPENDIX: ReportOptions = ReportOptions {
    include_appendix: false,
    snapshot_id: None,
};

fn render(t: &TempWorkspace, id: i64) -> PathBuf {
    let (name, bytes) =
        t.ws.report_pdf(id, ReportKind::Readiness, &NO_APPENDIX, when(), today())
            .expect("report");
    let _ = std::fs::write(
        std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("report-auditor.pdf"),
        &bytes,
    );
    let path = t.dir.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

fn page_text(p: &str, page: u32) -> String {
    let n = page.to_string();
    tool("pdftotext", &["-layout", "-f", &n, "-l", &n, p, "-"])
}

/// The first page of each outline entry titled `title`.
fn page_of(t: &TempWorkspace, id: i64, title: &str) -> u32 {
    t.ws.report_preview(id, ReportKind::Readiness, &NO_APPENDIX, when(), today())
        .expect("preview")
        .outline
        .iter()
        .find(|e| e.title == title)
        .unwrap_or_else(|| panic!("{title} in the outline"))
        .page
}

/// The text of the pages from `from` to before `to`, one string per page.
fn pages(p: &str, from: u32, to: u32) -> Vec<String> {
    (from..to).map(|n| page_text(p, n)).collect()
}

/// For each question id, the lines of its table row: from the line where the id starts to the
/// line before the next id (ids are the only words shaped like `ABC-123` in the ID column).
fn rows(pages: &[String], ids: &[String]) -> HashMap<String, String> {
    let mut out: HashMap<String, String> = HashMap::new();
    for text in pages {
        let mut current: Option<String> = None;
        for line in text.lines() {
            let starts = ids
                .iter()
                .find(|id| line.split_whitespace().take(2).any(|w| w == id.as_str()));
            if let Some(id) = starts {
                current = Some(id.clone());
            }
            if let Some(id) = &current {
                let row = out.entry(id.clone()).or_default();
                row.push_str(line);
                row.push('\n');
            }
        }
    }
    out
}

fn first_word(a: Option<Answer>) -> &'static str {
    match a {
        None => "Not",
        Some(a) => a.label().split(' ').next().unwrap_or(""),
    }
}

#[test]
fn the_control_matrix_has_a_row_per_control_verified_or_self_reported_and_repeats_its_header() {
    let (t, id) = sample();
    let path = render(&t, id);
    let p = path.to_str().expect("utf8");
    let detail = t.ws.detail(id).expect("detail");
    let ids: Vec<String> =
        t.ws.catalog
            .questions_in(&detail.summary.scope)
            .map(|q| q.id.clone())
            .collect();
    assert!(ids.len() > 100, "the sample covers three categories");
    let start = page_of(&t, id, "Control matrix");
    let end = page_of(&t, id, "Evidence requests");
    assert!(end > start + 2, "the matrix runs over several pages");
    let matrix = pages(p, start, end);
    let by_id = rows(&matrix, &ids);
    for q in &ids {
        assert!(by_id.contains_key(q), "{q} has a row in the control matrix");
    }
    let responses: HashMap<&str, _> = detail
        .responses
        .iter()
        .map(|r| (r.question_id.as_str(), r))
        .collect();
    let (mut verified, mut self_reported) = (0, 0);
    for q in &ids {
        let r = responses
            .get(q.as_str())
            .expect("the sample answers every question");
        let row = &by_id[q];
        assert!(row.contains(first_word(r.answer)), "{q}: {row}");
        if r.verified {
            assert!(
                row.contains("Verified") && !row.contains("Self-reported"),
                "{q}: {row}"
            );
            verified += 1;
        } else {
            assert!(
                row.contains("Self-reported") && !row.contains("Verified"),
                "{q}: {row}"
            );
            self_reported += 1;
        }
        assert!(
            row.contains("No file yet"),
            "the sample has no evidence in the locker: {row}"
        );
    }
    assert!(verified > 0 && self_reported > 0);
    // A few by id: an implemented (verified) and a partial (self-reported) control.
    let implemented = ids
        .iter()
        .find(|q| responses[q.as_str()].answer == Some(Answer::Implemented))
        .expect("one implemented");
    assert!(by_id[implemented].contains("Implemented"));
    let partial = ids
        .iter()
        .find(|q| responses[q.as_str()].answer == Some(Answer::Partial))
        .expect("one partial");
    assert!(by_id[partial].contains("Partially"));
    assert!(by_id[partial].contains("Self-reported"));

    // The header row opens every page of the matrix, continuation pages included.
    for (i, text) in matrix.iter().enumerate() {
        let header = text
            .lines()
            .find(|l| l.contains("Criterion"))
            .unwrap_or_else(|| panic!("page {} has no header:\n{text}", start as usize + i));
        for column in ["ID", "Control", "Answer", "Evidence"] {
            assert!(header.contains(column), "{column} in {header:?}");
        }
    }
}

#[test]
fn the_evidence_requests_cover_implemented_controls_and_gaps() {
    let (t, id) = sample();
    let path = render(&t, id);
    let p = path.to_str().expect("utf8");
    let detail = t.ws.detail(id).expect("detail");
    let ids: Vec<String> =
        t.ws.catalog
            .questions_in(&detail.summary.scope)
            .map(|q| q.id.clone())
            .collect();
    let start = page_of(&t, id, "Evidence requests");
    let preview =
        t.ws.report_preview(id, ReportKind::Readiness, &NO_APPENDIX, when(), today())
            .expect("preview");
    let requests = pages(p, start, preview.pages + 1);
    assert!(requests[0].contains("ready to collect"), "{}", requests[0]);
    let by_id = rows(&requests, &ids);
    for q in &ids {
        assert!(by_id.contains_key(q), "{q} has an evidence request");
    }
    for text in &requests {
        let header = text
            .lines()
            .find(|l| l.contains("Criterion"))
            .expect("header");
        assert!(header.contains("What will be asked for") && header.contains("Owner"));
    }
    let responses: HashMap<&str, _> = detail
        .responses
        .iter()
        .map(|r| (r.question_id.as_str(), r))
        .collect();
    let implemented = ids
        .iter()
        .find(|q| responses[q.as_str()].answer == Some(Answer::Implemented))
        .expect("one implemented");
    let q = t.ws.catalog.question(implemented).expect("question");
    let item: String = q.evidence[0].chars().take(18).collect();
    let row = &by_id[implemented];
    assert!(row.contains("Ready to"), "{row}");
    assert!(row.contains(item.trim()), "{item:?} in {row}");
    let partial = ids
        .iter()
        .find(|q| responses[q.as_str()].answer == Some(Answer::Partial))
        .expect("one partial");
    let row = &by_id[partial];
    assert!(
        row.contains("After") && row.contains("After action A"),
        "{row}"
    );
    // The criterion-level requests are printed here, no longer in the findings.
    let full = tool("pdftotext", &[p, "-"]).replace('\n', " ");
    assert!(full.contains("Typically asked for the criterion"));
    assert!(!full.contains("What an auditor typically asks for"));
    assert!(!full.contains("Evidence an auditor accepts"));
}

#[test]
fn about_the_audit_names_the_cloud_provider_the_cpa_firm_and_independence() {
    let (t, id) = sample();
    let p = render(&t, id);
    let text = tool("pdftotext", &[p.to_str().expect("utf8"), "-"]).replace('\n', " ");
    for expected in [
        "About the audit",
        "The system runs on Amazon Web Services (AWS)",
        "Carve-out",
        "Inclusive",
        "complementary subservice organisation controls",
        "Management's system description and assertion",
        "Only a licensed CPA firm",
        "it is not a SOC 2 report",
        "Alex Morgan (consultant)",
        "should not also be the one who audits them",
        "PHY-007",
    ] {
        assert!(text.contains(expected), "missing {expected:?}");
    }

    // No hosting recorded: the provider is "your cloud provider".
    let mut t = workspace();
    let a =
        t.ws.create_assessment(&NewAssessmentInput {
            new_client_name: Some("Quiet Co".into()),
            scoping_yes: Vec::new(),
            client_id: 0,
            name: "Bare".into(),
            scope: vec![],
            profile: AuditProfile {
                audit_type: AuditType::Type1,
                target_date: None,
                observation_start: None,
            },
            company: Default::default(),
        })
        .expect("assessment");
    let p = render(&t, a.id);
    let text = tool("pdftotext", &[p.to_str().expect("utf8"), "-"]).replace('\n', " ");
    assert!(text.contains("records no hosting"), "{text}");
    assert!(text.contains("calls it your cloud provider"));
    assert!(text.contains("No assessor is recorded"));
    assert!(!text.contains("Amazon Web Services"));
}

#[test]
fn the_control_matrix_csv_has_a_row_per_control_in_scope() {
    let (mut t, id) = sample();
    let detail = t.ws.detail(id).expect("detail");
    let ids: Vec<String> =
        t.ws.catalog
            .questions_in(&detail.summary.scope)
            .map(|q| q.id.clone())
            .collect();
    let target = ids[0].clone();
    t.ws.save_answer(&SaveAnswerInput {
        assessment_id: id,
        question_id: target.clone(),
        answer: Some(Answer::Implemented),
        verified: true,
        evidence: vec![EvidenceRef {
            description: "=HYPERLINK(\"http://evil.example\"), \"quoted\"\nsecond line".into(),
            link: "@wiki/mfa".into(),
        }],
        ..SaveAnswerInput::default()
    })
    .expect("answer");
    let (name, bytes) =
        t.ws.export_data(id, DataFormat::CsvControls, when(), today())
            .expect("csv");
    assert_eq!(name, "Brightwave Analytics (sample) - control matrix.csv");
    let again =
        t.ws.export_data(id, DataFormat::CsvControls, when(), today())
            .expect("csv");
    assert_eq!(again.1, bytes, "the same data gives the same bytes");
    let path = t.dir.path().join(&name);
    std::fs::write(&path, &bytes).expect("write");
    let rows = read_with(
        "import csv, json, sys\n\
         with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:\n    \
         print(json.dumps(list(csv.reader(f))))",
        &path,
    );
    let rows = rows.as_array().expect("rows");
    let header: Vec<&str> = rows[0]
        .as_array()
        .expect("header")
        .iter()
        .filter_map(|c| c.as_str())
        .collect();
    assert_eq!(
        header,
        [
            "criterion",
            "also_criteria",
            "question_id",
            "control",
            "answer",
            "basis",
            "evidence_recorded",
            "request_status",
            "evidence_requested",
            "owner",
            "evidence_locker"
        ]
    );
    assert_eq!(rows.len() - 1, ids.len(), "one row per control in scope");
    let cell = |row: &serde_json::Value, i: usize| row[i].as_str().unwrap_or("").to_owned();
    let mut seen: Vec<String> = rows[1..].iter().map(|r| cell(r, 2)).collect();
    seen.sort();
    let mut want = ids.clone();
    want.sort();
    assert_eq!(seen, want);
    let row = rows[1..]
        .iter()
        .find(|r| cell(r, 2) == target)
        .expect("the edited row");
    assert_eq!(cell(row, 4), "Implemented");
    assert_eq!(cell(row, 5), "verified");
    assert_eq!(
        cell(row, 6),
        "'=HYPERLINK(\"http://evil.example\"), \"quoted\"\nsecond line (@wiki/mfa)",
        "a formula is defused, quotes and the line break survive"
    );
    assert_eq!(cell(row, 7), "Ready to collect");
    let partial = rows[1..]
        .iter()
        .find(|r| cell(r, 4) == "Partially implemented")
        .expect("a partial control");
    assert_eq!(cell(partial, 5), "self-reported");
    assert_eq!(cell(partial, 6), "none recorded");
    assert_eq!(cell(partial, 7), "After remediation");
}

#[test]
fn a_type_two_request_asks_for_every_run_across_the_observation_period() {
    let mut t = workspace();
    let date = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).expect("date");
    let a =
        t.ws.create_assessment(&NewAssessmentInput {
            new_client_name: Some("Period Co".into()),
            scoping_yes: Vec::new(),
            client_id: 0,
            name: "Type II".into(),
            scope: vec![],
            profile: AuditProfile {
                audit_type: AuditType::Type2,
                target_date: Some(date(2027, 9, 30)),
                observation_start: Some(date(2027, 3, 1)),
            },
            company: Default::default(),
        })
        .expect("assessment");
    t.ws.save_answer(&SaveAnswerInput {
        assessment_id: a.id,
        question_id: "OPS-030".into(),
        answer: Some(Answer::Implemented),
        since: Some(date(2026, 6, 1)),
        ..SaveAnswerInput::default()
    })
    .expect("answer");
    let p = render(&t, a.id);
    let text = tool("pdftotext", &[p.to_str().expect("utf8"), "-"]).replace('\n', " ");
    assert!(
        text.contains("observation period, 1 March 2027 to 30 September 2027"),
        "{text}"
    );
    // Seven months at a quarterly cadence.
    assert!(
        text.contains("(quarterly, 3 runs expected)"),
        "the restore test, quarterly: {text}"
    );
}

#[test]
fn a_question_in_scope_only_through_another_category_is_in_the_findings() {
    // The sample leaves Privacy out, but privacy questions that also serve a confidentiality
    // criterion are asked: they belong in the findings under that criterion.
    let (t, id) = sample();
    let detail = t.ws.detail(id).expect("detail");
    let scope = trustgap_domain::assessment::Scope::new(&detail.summary.scope);
    let borrowed: Vec<String> =
        t.ws.catalog
            .questions_in(&detail.summary.scope)
            .filter(|q| {
                q.criteria
                    .first()
                    .and_then(|c| t.ws.catalog.criterion(c))
                    .map(|c| c.category)
                    == Some(trustgap_domain::catalog::CategoryId::Privacy)
            })
            .map(|q| q.id.clone())
            .collect();
    assert!(
        !borrowed.is_empty(),
        "the sample asks some privacy questions"
    );
    let path = render(&t, id);
    let p = path.to_str().expect("utf8");
    let start = page_of(&t, id, "Detailed findings");
    let end = page_of(&t, id, "Control matrix");
    let findings = pages(p, start, end).join("\n");
    for q in &borrowed {
        let question = t.ws.catalog.question(q).expect("question");
        let here = trustgap_domain::evidence_requests::listed_under(t.ws.catalog, &scope, question);
        assert!(findings.contains(&format!("{q} ·")), "{q} in the findings");
        let category = t.ws.catalog.criterion(here).map(|c| c.category);
        assert!(
            category.is_some_and(|c| detail.summary.scope.contains(&c)),
            "{q} is listed under {here}, a criterion in scope"
        );
    }
}
