//! The editable exports (CSV of the gap register and of the plan, JSON of the assessment) and
//! the `report` and `export` subcommands.

use crate::reports::{sample, today, when};
use crate::support::{cli, stderr, stdout, tool};
use trustgap_domain::assessment::Answer;
use trustgap_workspace::{DataFormat, SaveAnswerInput};

/// A minimal RFC 4180 reader: records of fields, quotes and embedded line breaks handled.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if field.is_empty() => quoted = true,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\r', false) => {}
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

const TRICKY: &str =
    "=HYPERLINK(\"http://evil.example\",\"click\"), then \"quotes\"\nand a second line";

#[test]
fn the_gap_register_csv_opens_cleanly_in_a_spreadsheet() {
    let (mut t, id) = sample();
    let plan = t.ws.plan(id, today()).expect("plan");
    let first_gap = plan.gaps[0].question_id.clone();
    t.ws.save_answer(&SaveAnswerInput {
        assessment_id: id,
        question_id: first_gap.clone(),
        answer: Some(Answer::NotImplemented),
        note: TRICKY.to_owned(),
        ..SaveAnswerInput::default()
    })
    .expect("answer");
    let plan = t.ws.plan(id, today()).expect("plan");
    let (name, bytes) =
        t.ws.export_data(id, DataFormat::CsvGaps, when(), today())
            .expect("csv");
    assert_eq!(name, "Brightwave Analytics (sample) - gap register.csv");
    let text = String::from_utf8(bytes).expect("UTF-8");
    assert!(text.starts_with('\u{feff}'), "BOM for spreadsheets");
    assert!(text.contains("\r\n"), "CRLF line ends");
    let rows = parse_csv(text.trim_start_matches('\u{feff}'));
    assert_eq!(
        rows[0][..6],
        [
            "ref",
            "severity",
            "question_id",
            "category",
            "criteria",
            "question"
        ]
    );
    assert_eq!(rows.len(), plan.gaps.len() + 1, "one row per gap");
    assert!(rows.iter().all(|r| r.len() == rows[0].len()), "rectangular");
    let note_col = rows[0]
        .iter()
        .position(|h| h == "note")
        .expect("note column");
    let tricky = rows
        .iter()
        .find(|r| r[2] == first_gap)
        .expect("the gap with the tricky note");
    assert_eq!(
        tricky[note_col],
        format!("'{TRICKY}"),
        "formula defused, text intact"
    );
    assert_eq!(rows[1][0], "G01");
    assert_eq!(rows[1][1], "High", "the labels the reports use");
}

#[test]
fn the_plan_csv_has_one_row_per_action() {
    let (t, id) = sample();
    let plan = t.ws.plan(id, today()).expect("plan");
    let (name, bytes) =
        t.ws.export_data(id, DataFormat::CsvPlan, when(), today())
            .expect("csv");
    assert_eq!(name, "Brightwave Analytics (sample) - remediation plan.csv");
    let text = String::from_utf8(bytes).expect("UTF-8");
    assert!(text.starts_with("\u{feff}ref,key,action,description,criteria"));
    let rows = parse_csv(text.trim_start_matches('\u{feff}'));
    assert_eq!(rows.len(), plan.actions.len() + 1);
    let owner = rows[0].iter().position(|h| h == "owner").expect("owner");
    assert!(rows.iter().any(|r| r[owner] == "Maya Chen"));
    assert!(
        rows.iter()
            .any(|r| r[owner] == "Legal / Privacy lead — not yet named"),
        "an unassigned role reads as one"
    );
    assert_eq!(rows[1][0], "A01");
}

#[test]
fn the_json_export_holds_the_whole_assessment() {
    let (t, id) = sample();
    let (name, bytes) =
        t.ws.export_data(id, DataFormat::Json, when(), today())
            .expect("json");
    assert_eq!(name, "Brightwave Analytics (sample) - assessment.json");
    let json: serde_json::Value = serde_json::from_slice(&bytes).expect("valid JSON");
    assert_eq!(json["format"], "trustgap-assessment");
    assert_eq!(json["format_version"], 2);
    assert!(json["people"].as_array().is_some_and(|p| p.len() == 6));
    assert_eq!(json["generated_at"], "2026-11-02T09:30:00Z");
    assert_eq!(
        json["summary"]["client_name"],
        "Brightwave Analytics (sample)"
    );
    assert_eq!(json["profile"]["audit_type"], "type1");
    let responses = json["responses"].as_array().expect("responses");
    assert_eq!(
        Some(responses.len() as u64),
        json["summary"]["questions"].as_u64()
    );
    assert!(json["scorecard"]["overall"]["score"].is_number());
    assert!(json["scorecard"]["criteria"]
        .as_array()
        .is_some_and(|c| !c.is_empty()));
    assert!(json["plan"]["actions"]
        .as_array()
        .is_some_and(|a| !a.is_empty()));
    assert!(json["plan"]["gaps"]
        .as_array()
        .is_some_and(|g| !g.is_empty()));
}

#[test]
fn the_cli_writes_reports_and_exports() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let demo = cli(&data, &["demo"]);
    assert!(demo.status.success(), "{}", stderr(&demo));
    let id = stdout(&demo).trim().to_owned();
    let out = |name: &str| dir.path().join(name).to_str().expect("utf8").to_owned();

    let full = out("full.pdf");
    let o = cli(
        &data,
        &["report", "readiness", "--assessment", &id, "--out", &full],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("full.pdf"));
    let short = out("short.pdf");
    let o = cli(
        &data,
        &[
            "report",
            "readiness",
            "--assessment",
            &id,
            "--out",
            &short,
            "--no-appendix",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let pages = |p: &str| {
        tool("pdfinfo", &[p])
            .lines()
            .find_map(|l| l.strip_prefix("Pages:").map(|n| n.trim().parse::<usize>()))
            .and_then(Result::ok)
            .expect("pages")
    };
    assert!(pages(&short) < pages(&full));
    let text = tool("pdftotext", &[&full, "-"]);
    assert!(text.contains("Brightwave Analytics (sample)") && text.contains("Glossary"));

    let plan = out("plan.pdf");
    let o = cli(
        &data,
        &["report", "plan", "--assessment", &id, "--out", &plan],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(tool("pdftotext", &[&plan, "-"]).contains("Evidence request list"));
    tool("qpdf", &["--check", &plan]);

    for (format, file, starts) in [
        ("csv-gaps", "gaps.csv", "\u{feff}ref,severity"),
        ("csv-plan", "plan.csv", "\u{feff}ref,key"),
        (
            "csv-controls",
            "controls.csv",
            "\u{feff}criterion,also_criteria",
        ),
        ("json", "all.json", "{"),
    ] {
        let path = out(file);
        let o = cli(
            &data,
            &[
                "export",
                "--assessment",
                &id,
                "--format",
                format,
                "--out",
                &path,
            ],
        );
        assert!(o.status.success(), "{format}: {}", stderr(&o));
        let written = std::fs::read_to_string(&path).expect("written");
        assert!(written.starts_with(starts), "{format}");
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary files left behind");
}

#[test]
fn the_cli_refuses_bad_destinations_and_unknown_assessments() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let id = stdout(&cli(&data, &["demo"])).trim().to_owned();
    let folder = dir.path().to_str().expect("utf8");
    let o = cli(
        &data,
        &["report", "plan", "--assessment", &id, "--out", folder],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("is a folder"), "{}", stderr(&o));

    let missing = dir.path().join("nope").join("x.csv");
    let o = cli(
        &data,
        &[
            "export",
            "--assessment",
            &id,
            "--format",
            "json",
            "--out",
            missing.to_str().expect("utf8"),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("does not exist"), "{}", stderr(&o));

    let target = dir.path().join("x.pdf");
    let o = cli(
        &data,
        &[
            "report",
            "readiness",
            "--assessment",
            "9999",
            "--out",
            target.to_str().expect("utf8"),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("not found"), "{}", stderr(&o));
    assert!(!target.exists());

    let o = cli(
        &data,
        &[
            "export",
            "--assessment",
            &id,
            "--format",
            "no-such-format",
            "--out",
            "x",
        ],
    );
    assert_eq!(o.status.code(), Some(2), "usage error");
}
