//! The questionnaire round trip: filled in by an openpyxl script (or written as CSV) and
//! imported back exactly, with history; a questionnaire with bad rows refused, listing every
//! row, and nothing changed; and the `export` and `import-answers` subcommands.

use crate::readers::read_with;
use crate::reports::sample;
use crate::support::{cli, stderr, stdout};
use crate::workbooks::{export, in_scope, responses};
use serde_json::Value;
use std::path::{Path, PathBuf};
use trustgap_domain::catalog::CategoryId;
use trustgap_workspace::{DataFormat, ErrorCode};

/// Fills in the questionnaire as a client would, with openpyxl: rows 2 to 7 get answers,
/// row 8 has its answer cleared. Prints what it wrote.
const FILL: &str = r#"
import sys, json, datetime, openpyxl
src, dst = sys.argv[1], sys.argv[1].replace(".xlsx", "-filled.xlsx")
wb = openpyxl.load_workbook(src)
ws = wb["Questionnaire"]
rows = [
    ("Not applicable", "We hold no card data", None),
    ("Partially implemented", None, "=SUM(A1) is not a formula here"),
    ("Don't know", None, "- ask IT\nsecond line"),
    ("Implemented", None, "株式会社 ✓ reviewed"),
    ("Not implemented", None, 42),
    ("Implemented", None, datetime.date(2025, 1, 31)),
]
wrote = {}
for i, (answer, why, notes) in enumerate(rows):
    r = i + 2
    ws.cell(row=r, column=5).value = answer
    ws.cell(row=r, column=6).value = why
    c = ws.cell(row=r, column=7)
    c.value = notes
    if isinstance(notes, str):
        c.data_type = "s"
    wrote[ws.cell(row=r, column=1).value] = [answer, why or "", "" if notes is None else notes]
ws.cell(row=8, column=5).value = None
wb.save(dst)
print(json.dumps({"file": dst, "wrote": wrote}, default=str))
"#;

#[test]
fn a_filled_in_questionnaire_imports_back_exactly() {
    let (mut t, id) = sample();
    let path = export(&t, id, DataFormat::XlsxQuestionnaire, "questionnaire.xlsx");
    let filled = read_with(FILL, &path);
    let file = PathBuf::from(filled["file"].as_str().expect("file"));
    let before = responses(&t, id);
    let history_before: Vec<usize> = in_scope(&t, id)
        .iter()
        .map(|q| t.ws.question_history(id, q).expect("history").len())
        .collect();

    let preview = t.ws.preview_answers_import(id, &file).expect("preview");
    assert!(preview.problems.is_empty(), "{:?}", preview.problems);
    assert_eq!(responses(&t, id), before, "a preview saves nothing");

    let summary = t.ws.import_answers(id, &file).expect("import");
    assert_eq!(summary, preview, "the import does what the preview said");
    assert_eq!(summary.file_name, "questionnaire-filled.xlsx");
    assert_eq!(summary.skipped, 1, "the cleared row");
    let questions = in_scope(&t, id);
    assert_eq!(
        (summary.changed + summary.unchanged + summary.skipped) as usize,
        questions.len()
    );

    let after = responses(&t, id);
    let find = |q: &str| after.iter().find(|r| r.question_id == q).expect("answer");
    let wrote = filled["wrote"].as_object().expect("wrote");
    assert_eq!(wrote.len(), 6);
    for (q, w) in wrote {
        let r = find(q);
        let answer = w[0].as_str().expect("answer");
        assert_eq!(r.answer.map(|a| a.label()), Some(answer), "{q}");
        let justification = w[1].as_str().expect("why");
        let notes = match &w[2] {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            other => panic!("{other}"),
        };
        let expected = if justification.is_empty() {
            notes
        } else {
            justification.to_owned()
        };
        assert_eq!(r.note, expected, "{q}");
    }
    assert_eq!(
        find(&questions[5]).note,
        "2025-01-31",
        "a date reads as text"
    );
    // The cleared row kept its answer; rows the script did not touch kept everything.
    assert_eq!(
        find(&questions[6]),
        before
            .iter()
            .find(|r| r.question_id == questions[6])
            .expect("x")
    );
    for r in &before {
        if !wrote.contains_key(&r.question_id) {
            assert_eq!(find(&r.question_id), r, "untouched");
        }
    }
    // History: one entry per changed answer, naming the file; none for the rest.
    let changed: Vec<&str> = summary
        .changes
        .iter()
        .map(|c| c.question_id.as_str())
        .collect();
    assert_eq!(changed.len() as u32, summary.changed);
    for (q, n) in questions.iter().zip(history_before) {
        let history = t.ws.question_history(id, q).expect("history");
        if changed.contains(&q.as_str()) {
            assert_eq!(history.len(), n + 1, "{q}");
            assert_eq!(
                history.last().map(|h| h.assessor.as_str()),
                Some("Imported from questionnaire-filled.xlsx")
            );
        } else {
            assert_eq!(history.len(), n, "{q}: unchanged, no history");
        }
    }

    // The same file again changes nothing.
    let again = t.ws.import_answers(id, &file).expect("again");
    assert_eq!(again.changed, 0);
    assert_eq!(responses(&t, id), after);
}

#[test]
fn an_untouched_questionnaire_changes_nothing_as_xlsx_or_csv() {
    let (mut t, id) = sample();
    let before = responses(&t, id);
    for (format, name) in [
        (DataFormat::XlsxQuestionnaire, "q.xlsx"),
        (DataFormat::CsvQuestionnaire, "q.csv"),
    ] {
        let path = export(&t, id, format, name);
        let s = t.ws.import_answers(id, &path).expect("import");
        assert_eq!(s.changed, 0, "{name}: {:?}", s.changes);
        assert_eq!(
            s.unchanged as usize,
            before.iter().filter(|r| r.answer.is_some()).count()
        );
    }
    assert_eq!(responses(&t, id), before);
}

/// A CSV cell, always quoted.
fn q(cell: &str) -> String {
    format!("\"{}\"", cell.replace('"', "\"\""))
}

pub fn csv_row(cells: &[&str]) -> String {
    cells.iter().map(|c| q(c)).collect::<Vec<_>>().join(",") + "\r\n"
}

pub const HEADER: [&str; 7] = [
    "Question ID",
    "Criteria",
    "Question",
    "Guidance",
    "Answer",
    "N/A justification",
    "Notes",
];

#[test]
fn a_csv_questionnaire_imports_with_bom_and_formula_looking_text_kept_as_text() {
    let (mut t, id) = sample();
    let questions = in_scope(&t, id);
    let text = |i: usize| {
        t.ws.catalog
            .question(&questions[i])
            .expect("q")
            .text
            .clone()
    };
    let mut csv = String::from("\u{feff}");
    csv += &csv_row(&HEADER);
    csv += &csv_row(&[
        &questions[0],
        "",
        &text(0),
        "",
        "not_applicable",
        "No office",
        "",
    ]);
    csv += &csv_row(&[
        &questions[1],
        "",
        &text(1),
        "",
        "Partially implemented",
        "",
        "'=cmd|' /C calc'!A0",
    ]);
    csv += &csv_row(&[
        &questions[2],
        "",
        &text(2),
        "",
        "implemented",
        "",
        "@SUM(1)",
    ]);
    let path = t.dir.path().join("answers.csv");
    std::fs::write(&path, csv).expect("write");
    t.ws.import_answers(id, &path).expect("import");
    let after = responses(&t, id);
    let note = |q: &str| {
        after
            .iter()
            .find(|r| r.question_id == q)
            .expect("r")
            .note
            .clone()
    };
    assert_eq!(note(&questions[0]), "No office");
    assert_eq!(
        note(&questions[1]),
        "=cmd|' /C calc'!A0",
        "the export's defusing quote undone"
    );
    assert_eq!(note(&questions[2]), "@SUM(1)");
    let history = t.ws.question_history(id, &questions[2]).expect("history");
    assert_eq!(
        history.last().map(|h| h.assessor.as_str()),
        Some("Imported from answers.csv")
    );
}

#[test]
fn a_bad_questionnaire_is_refused_with_every_bad_row_and_changes_nothing() {
    let (mut t, id) = sample();
    let path = export(&t, id, DataFormat::XlsxQuestionnaire, "bad.xlsx");
    let scope = t.ws.detail(id).expect("detail").summary.scope;
    let outside =
        t.ws.catalog
            .questions
            .iter()
            .find(|q| !q.categories.iter().any(|c| scope.contains(c)))
            .expect("the sample leaves Privacy out");
    assert!(!scope.contains(&CategoryId::Privacy));
    let script = format!(
        r#"
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Questionnaire"]
ws.cell(row=3, column=5).value = "Yes"
ws.cell(row=5, column=5).value = "Not applicable"
ws.cell(row=5, column=6).value = None
ws.cell(row=7, column=3).value = "Do you do something else entirely?"
ws.cell(row=9, column=1).value = "ZZZ-999"
ws.cell(row=11, column=1).value = ws.cell(row=2, column=1).value
ws.cell(row=11, column=3).value = ws.cell(row=2, column=3).value
ws.cell(row=13, column=7).value = "x" * 10001
ws.cell(row=15, column=7).value = "=1+1"
ws.cell(row=17, column=1).value = {id}
ws.cell(row=17, column=3).value = {text}
ws.cell(row=18, column=5).value = "Implemented"
ws.cell(row=18, column=6).value = "fine row"
wb.save(sys.argv[1])
print("{{}}")
"#,
        id = serde_json::to_string(&outside.id).expect("json"),
        text = serde_json::to_string(&outside.text).expect("json"),
    );
    read_with(&script, &path);
    let before = responses(&t, id);
    let err = t.ws.import_answers(id, &path).expect_err("refused");
    assert_eq!(err.code, ErrorCode::Validation);
    let m = &err.message;
    assert!(
        m.starts_with("Nothing was imported from bad.xlsx: 8 rows need"),
        "{m}"
    );
    for (row, what) in [
        (3, "\"Yes\" is not one of the answers"),
        (5, "needs a reason in the N/A justification column"),
        (7, "was changed"),
        (9, "\"ZZZ-999\" is not a question of the question bank"),
        (11, "is also on row 2"),
        (13, "shorten them to at most 10000"),
        (15, "holds a formula"),
        (17, "not in this assessment's scope"),
    ] {
        assert!(
            m.contains(&format!("\nRow {row}: ")),
            "row {row} listed: {m}"
        );
        let line = m
            .lines()
            .find(|l| l.starts_with(&format!("Row {row}: ")))
            .expect("line");
        assert!(line.contains(what), "row {row}: {line}");
    }
    assert!(!m.contains("Row 18:"), "a good row is not listed: {m}");
    assert_eq!(m.lines().count(), 9, "one line per bad row: {m}");
    assert_eq!(responses(&t, id), before, "nothing changed");
    let preview = t.ws.preview_answers_import(id, &path).expect("preview");
    let rows: Vec<u32> = preview.problems.iter().map(|p| p.row).collect();
    assert_eq!(rows, [3, 5, 7, 9, 11, 13, 15, 17]);
}

fn demo(dir: &Path) -> String {
    let out = cli(dir, &["demo"]);
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
        .split_whitespace()
        .find(|w| w.chars().all(|c| c.is_ascii_digit()))
        .expect("the demo prints its id")
        .to_owned()
}

fn run_with_epoch(dir: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(crate::support::binary())
        .args(args)
        .env("TRUSTGAP_DATA_DIR", dir)
        .env("SOURCE_DATE_EPOCH", "1764806400")
        .output()
        .expect("run trustgap")
}

#[test]
fn cli_exports_workbooks_reproducibly_and_imports_answers() {
    let dir = tempfile::tempdir().expect("tempdir");
    let id = demo(dir.path());
    let out_dir = tempfile::tempdir().expect("tempdir");
    let file = |n: &str| out_dir.path().join(n).display().to_string();
    for (format, a, b) in [
        ("xlsx", "a.xlsx", "b.xlsx"),
        ("xlsx-questionnaire", "q1.xlsx", "q2.xlsx"),
    ] {
        for name in [a, b] {
            let out = run_with_epoch(
                dir.path(),
                &[
                    "export",
                    "--assessment",
                    &id,
                    "--format",
                    format,
                    "--out",
                    &file(name),
                ],
            );
            assert!(out.status.success(), "{}", stderr(&out));
            assert!(stdout(&out).starts_with("wrote "), "{}", stdout(&out));
        }
        assert_eq!(
            std::fs::read(file(a)).expect("a"),
            std::fs::read(file(b)).expect("b"),
            "{format} under SOURCE_DATE_EPOCH"
        );
    }

    // Fill in the questionnaire, check it, import it.
    let filled = read_with(FILL, Path::new(&file("q1.xlsx")));
    let filled = filled["file"].as_str().expect("file");
    let check = cli(
        dir.path(),
        &["import-answers", "--assessment", &id, filled, "--check"],
    );
    assert!(check.status.success(), "{}", stderr(&check));
    assert!(
        stdout(&check).starts_with("would import from q1-filled.xlsx: "),
        "{}",
        stdout(&check)
    );
    let out = cli(dir.path(), &["import-answers", "--assessment", &id, filled]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("imported from q1-filled.xlsx: "), "{text}");
    assert!(text.contains(" skipped (no answer)"), "{text}");
    assert!(text.contains("-> Not applicable"), "{text}");

    // A bad CSV: every bad row on stderr, exit 1.
    let bad = out_dir.path().join("bad.csv");
    let mut csv = csv_row(&HEADER);
    csv += &csv_row(&["NOPE-1", "", "", "", "Implemented", "", ""]);
    csv += &csv_row(&["NOPE-2", "", "", "", "Maybe", "", ""]);
    std::fs::write(&bad, csv).expect("write");
    let out = cli(
        dir.path(),
        &[
            "import-answers",
            "--assessment",
            &id,
            bad.to_str().expect("utf8"),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("Nothing was imported from bad.csv: 2 rows need"),
        "{err}"
    );
    assert!(err.contains("Row 2: \"NOPE-1\""), "{err}");
    assert!(err.contains("Row 3: \"NOPE-2\""), "{err}");
}
