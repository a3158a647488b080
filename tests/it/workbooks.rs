//! The Excel workbooks, read by openpyxl (an independent reader): the assessment workbook's
//! sheets, dates, drop-downs, filters and frozen headers; the questionnaire's protection; the
//! questionnaire round trip (filled in by a script, imported back exactly); refusals of bad and
//! hostile files; byte-identical exports; and the `export` and `import-answers` subcommands.

use crate::readers::read_with;
use crate::reports::{sample, today, when};
use crate::support::{cli, stderr, stdout, TempWorkspace};
use chrono::{TimeZone, Utc};
use serde_json::Value;
use std::path::{Path, PathBuf};
use trustgap_domain::assessment::{Answer, Response};
use trustgap_domain::catalog::CategoryId;
use trustgap_workspace::{DataFormat, ErrorCode, SaveAnswerInput};

fn export(t: &TempWorkspace, id: i64, format: DataFormat, name: &str) -> PathBuf {
    let (_, bytes) =
        t.ws.export_data(id, format, when(), today())
            .expect("export");
    let path = t.dir.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

fn responses(t: &TempWorkspace, id: i64) -> Vec<Response> {
    t.ws.detail(id).expect("detail").responses
}

fn in_scope(t: &TempWorkspace, id: i64) -> Vec<String> {
    let scope = t.ws.detail(id).expect("detail").summary.scope;
    t.ws.catalog
        .questions_in(&scope)
        .map(|q| q.id.clone())
        .collect()
}

const TRICKY: &str = "=HYPERLINK(\"http://evil.example\",\"click\")";

/// Reads every sheet: names, header rows, row counts, frozen panes, filters, validations.
const SHEETS: &str = r#"
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"names": wb.sheetnames, "sheets": {}}
for ws in wb.worksheets:
    out["sheets"][ws.title] = {
        "header": [c.value for c in ws[1]],
        "rows": ws.max_row,
        "freeze": ws.freeze_panes,
        "filter": ws.auto_filter.ref,
        "protected": bool(ws.protection.sheet),
        "validations": [
            {"type": dv.type, "list": dv.formula1, "range": str(dv.sqref)}
            for dv in ws.data_validations.dataValidation
        ],
    }
print(json.dumps(out))
"#;

#[test]
fn the_assessment_workbook_has_its_sheets_dates_lists_and_filters() {
    let (mut t, id) = sample();
    let plan = t.ws.plan(id, today()).expect("plan");
    let gap = plan.gaps[0].question_id.clone();
    t.ws.save_answer(&SaveAnswerInput {
        assessment_id: id,
        question_id: gap,
        answer: Some(Answer::NotImplemented),
        note: TRICKY.to_owned(),
        ..SaveAnswerInput::default()
    })
    .expect("answer");
    let plan = t.ws.plan(id, today()).expect("plan");
    let (name, bytes) =
        t.ws.export_data(id, DataFormat::Xlsx, when(), today())
            .expect("xlsx");
    assert_eq!(
        name,
        "Brightwave Analytics (sample) - assessment workbook.xlsx"
    );
    let path = t.dir.path().join(&name);
    std::fs::write(&path, bytes).expect("write");

    let v = read_with(SHEETS, &path);
    assert_eq!(
        v["names"],
        serde_json::json!(["About", "Gap register", "Plan", "Answers"])
    );
    let sheets = &v["sheets"];
    for name in ["Gap register", "Plan", "Answers"] {
        assert_eq!(
            sheets[name]["freeze"], "A2",
            "{name} keeps its header in view"
        );
        assert!(sheets[name]["filter"].is_string(), "{name} has a filter");
    }
    assert_eq!(sheets["Gap register"]["header"][0], "Ref");
    assert_eq!(sheets["Gap register"]["header"][8], "Note");
    assert_eq!(sheets["Gap register"]["rows"], plan.gaps.len() + 1);
    assert_eq!(sheets["Plan"]["rows"], plan.actions.len() + 1);
    assert_eq!(
        sheets["Answers"]["rows"],
        in_scope(&t, id).len() + 1,
        "one row per in-scope question"
    );
    assert_eq!(
        sheets["Answers"]["header"],
        serde_json::json!([
            "Question ID",
            "Criteria",
            "Question",
            "Answer",
            "N/A justification",
            "Notes",
            "Owner",
            "Verified",
            "Evidence"
        ])
    );
    // The status drop-down: the domain's labels, over the whole status column.
    let dv = &sheets["Plan"]["validations"];
    assert_eq!(dv.as_array().map(Vec::len), Some(1), "{dv}");
    assert_eq!(dv[0]["type"], "list");
    assert_eq!(
        dv[0]["list"],
        "\"Not started,In progress,Done,Risk accepted\""
    );
    assert_eq!(dv[0]["range"], format!("K2:K{}", plan.actions.len() + 1));
    assert_eq!(sheets["Plan"]["header"][10], "Status");

    // Dates are dates, the severity is a fill, a formula-looking note is text.
    let cells = read_with(
        r#"
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
plan, gaps = wb["Plan"], wb["Gap register"]
print(json.dumps({
    "start": [plan.cell(row=2, column=8).is_date, str(plan.cell(row=2, column=8).value)],
    "due": [plan.cell(row=2, column=9).is_date, plan.cell(row=2, column=9).number_format],
    "gap_due": gaps.cell(row=2, column=14).is_date,
    "status": plan.cell(row=2, column=11).value,
    "fill": gaps.cell(row=2, column=2).fill.fgColor.rgb,
    "severity": gaps.cell(row=2, column=2).value,
    "notes": [[c.value, c.data_type] for c in gaps["I"][1:]],
    "about": [[c.value for c in r] for r in wb["About"].iter_rows(min_row=3, max_row=9)],
}))
"#,
        &path,
    );
    let first = &plan.actions[0];
    assert_eq!(cells["start"][0], true);
    assert_eq!(cells["start"][1], format!("{} 00:00:00", first.start));
    assert_eq!(cells["due"], serde_json::json!([true, "yyyy-mm-dd"]));
    assert_eq!(cells["gap_due"], true);
    assert_eq!(cells["status"], first.status.label());
    assert_eq!(cells["severity"], plan.gaps[0].severity.label());
    assert!(
        cells["fill"].as_str().is_some_and(|f| f != "00000000"),
        "severity is filled: {}",
        cells["fill"]
    );
    let notes = cells["notes"].as_array().expect("notes");
    assert!(
        notes.contains(&serde_json::json!([TRICKY, "s"])),
        "a note that looks like a formula is a string: {notes:?}"
    );
    assert_eq!(cells["about"][0][0], "Client");
    assert_eq!(cells["about"][0][1], "Brightwave Analytics (sample)");
    assert_eq!(cells["about"][6][1], t.ws.catalog.version);
}

#[test]
fn the_questionnaire_is_locked_but_for_the_answer_cells() {
    let (t, id) = sample();
    let path = export(&t, id, DataFormat::XlsxQuestionnaire, "q.xlsx");
    let questions = in_scope(&t, id);
    let v = read_with(SHEETS, &path);
    assert_eq!(
        v["names"],
        serde_json::json!(["Instructions", "Questionnaire"])
    );
    let q = &v["sheets"]["Questionnaire"];
    assert_eq!(
        q["header"],
        serde_json::json!([
            "Question ID",
            "Criteria",
            "Question",
            "Guidance",
            "Answer",
            "N/A justification",
            "Notes"
        ])
    );
    assert_eq!(q["rows"], questions.len() + 1);
    assert_eq!(q["freeze"], "A2");
    assert_eq!(q["protected"], true);
    let dv = &q["validations"];
    assert_eq!(dv.as_array().map(Vec::len), Some(1), "{dv}");
    assert_eq!(dv[0]["type"], "list");
    let labels: Vec<&str> = Answer::ALL.iter().map(|a| a.label()).collect();
    assert_eq!(dv[0]["list"], format!("\"{}\"", labels.join(",")));
    assert_eq!(dv[0]["range"], format!("E2:E{}", questions.len() + 1));

    let cells = read_with(
        r#"
import sys, json, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Questionnaire"]
print(json.dumps({
    "locked": [ws.cell(row=2, column=c).protection.locked for c in range(1, 8)],
    "wrapped": ws.cell(row=2, column=3).alignment.wrap_text,
    "first": [ws.cell(row=2, column=c).value for c in (1, 3, 5)],
    "guidance": ws.cell(row=2, column=4).value,
}))
"#,
        &path,
    );
    assert_eq!(
        cells["locked"],
        serde_json::json!([true, true, true, true, false, false, false]),
        "only the answer, justification and notes cells are editable"
    );
    assert_eq!(cells["wrapped"], true);
    let first = t.ws.catalog.question(&questions[0]).expect("question");
    let answer = responses(&t, id)
        .into_iter()
        .find(|r| r.question_id == first.id)
        .and_then(|r| r.answer)
        .expect("the sample is answered");
    assert_eq!(
        cells["first"],
        serde_json::json!([first.id, first.text, answer.label()]),
        "prefilled with the current answer"
    );
    let guidance = cells["guidance"].as_str().expect("guidance");
    assert!(guidance.contains(first.why.trim()) && guidance.contains(first.good.trim()));
    let instructions = read_with(
        r#"
import sys, json, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Instructions"]
print(json.dumps("\n".join(str(c.value) for r in ws.iter_rows() for c in r if c.value)))
"#,
        &path,
    );
    let text = instructions.as_str().expect("text");
    for needle in [
        "locked",
        "N/A justification",
        "Not applicable",
        "send it back",
    ] {
        assert!(
            text.contains(needle),
            "instructions mention {needle}: {text}"
        );
    }
}

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

fn csv_row(cells: &[&str]) -> String {
    cells.iter().map(|c| q(c)).collect::<Vec<_>>().join(",") + "\r\n"
}

const HEADER: [&str; 7] = [
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

fn refused(t: &mut TempWorkspace, id: i64, name: &str, bytes: &[u8], says: &str) {
    let path = t.dir.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    let before = responses(t, id);
    let err = t.ws.import_answers(id, &path).expect_err(name);
    assert_eq!(err.code, ErrorCode::Validation, "{name}: {}", err.message);
    assert!(err.message.contains(says), "{name}: {}", err.message);
    assert_eq!(responses(t, id), before, "{name} changed nothing");
}

#[test]
fn hostile_files_are_refused_cleanly() {
    let (mut t, id) = sample();
    let good =
        std::fs::read(export(&t, id, DataFormat::XlsxQuestionnaire, "good.xlsx")).expect("read");
    refused(
        &mut t,
        id,
        "text.xlsx",
        b"Question ID,Answer\n",
        "not an Excel workbook",
    );
    refused(
        &mut t,
        id,
        "cut.xlsx",
        &good[..good.len() / 2],
        "not an Excel workbook",
    );
    refused(&mut t, id, "notes.txt", b"hello", "(.xlsx) or a CSV file");
    let huge = vec![b'a'; (trustgap_workspace::MAX_QUESTIONNAIRE_BYTES + 1) as usize];
    refused(
        &mut t,
        id,
        "huge.csv",
        &huge,
        "a questionnaire is at most 10 MB",
    );
    refused(
        &mut t,
        id,
        "latin1.csv",
        b"Question ID,Answer\r\nA,caf\xe9\r\n",
        "not UTF-8",
    );
    refused(
        &mut t,
        id,
        "columns.csv",
        csv_row(&["Question ID", "Question", "Notes"]).as_bytes(),
        "no \"Answer\", \"N/A justification\" column",
    );
    let mut many = csv_row(&HEADER);
    for i in 0..=trustgap_workspace::MAX_QUESTIONNAIRE_ROWS {
        many += &csv_row(&[&format!("X-{i}"), "", "", "", "", "", ""]);
    }
    refused(
        &mut t,
        id,
        "many.csv",
        many.as_bytes(),
        "more than 5000 rows",
    );
    // The assessment workbook is not the questionnaire.
    let workbook = std::fs::read(export(&t, id, DataFormat::Xlsx, "w.xlsx")).expect("read");
    refused(
        &mut t,
        id,
        "workbook.xlsx",
        &workbook,
        "no sheet called \"Questionnaire\"",
    );

    // A small file that claims to unpack to far more than a questionnaire.
    let bomb = t.dir.path().join("bomb.xlsx");
    std::fs::copy(t.dir.path().join("good.xlsx"), &bomb).expect("copy");
    read_with(
        r#"
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "a", zipfile.ZIP_DEFLATED) as z:
    z.writestr("xl/padding.bin", b"\0" * (120 * 1024 * 1024))
print("{}")
"#,
        &bomb,
    );
    let bytes = std::fs::read(&bomb).expect("read");
    assert!(
        bytes.len() < 1024 * 1024,
        "the bomb is small: {}",
        bytes.len()
    );
    refused(&mut t, id, "bomb.xlsx", &bytes, "unpacks to far more data");

    // A cell a million rows down is refused, one far right ignored, without a huge table.
    let far = t.dir.path().join("far.xlsx");
    std::fs::write(&far, &good).expect("write");
    read_with(
        r#"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Questionnaire"]
ws.cell(row=2, column=16384).value = "far right, ignored"
ws.cell(row=1048576, column=1).value = "far down"
wb.save(sys.argv[1])
print("{}")
"#,
        &far,
    );
    let bytes = std::fs::read(&far).expect("read");
    refused(&mut t, id, "far.xlsx", &bytes, "more than 5000 rows");
}

#[test]
fn workbooks_are_byte_identical_for_the_same_stamp() {
    let (t, id) = sample();
    for format in [
        DataFormat::Xlsx,
        DataFormat::XlsxQuestionnaire,
        DataFormat::CsvQuestionnaire,
    ] {
        let a = t.ws.export_data(id, format, when(), today()).expect("a").1;
        let b = t.ws.export_data(id, format, when(), today()).expect("b").1;
        assert!(a == b, "{format:?}: the same stamp gives the same bytes");
        if format != DataFormat::CsvQuestionnaire {
            let later = Utc
                .with_ymd_and_hms(2026, 11, 3, 9, 30, 0)
                .single()
                .expect("date");
            let c = t.ws.export_data(id, format, later, today()).expect("c").1;
            assert!(a != c, "{format:?}: the stamp is the file's creation time");
        }
    }
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
