//! The Excel workbooks, read by openpyxl (an independent reader): the assessment workbook's
//! sheets, dates, drop-downs, filters and frozen headers; the questionnaire's protection and
//! drop-down; byte-identical exports. The import is in `answers_import` and `answers_hostile`.

use crate::readers::read_with;
use crate::reports::{sample, today, when};
use crate::support::TempWorkspace;
use chrono::{TimeZone, Utc};
use std::path::PathBuf;
use trustgap_domain::assessment::{Answer, Response};
use trustgap_workspace::{DataFormat, SaveAnswerInput};

pub fn export(t: &TempWorkspace, id: i64, format: DataFormat, name: &str) -> PathBuf {
    let (_, bytes) =
        t.ws.export_data(id, format, when(), today())
            .expect("export");
    let path = t.dir.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

pub fn responses(t: &TempWorkspace, id: i64) -> Vec<Response> {
    t.ws.detail(id).expect("detail").responses
}

pub fn in_scope(t: &TempWorkspace, id: i64) -> Vec<String> {
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
        serde_json::json!([
            "About",
            "Gap register",
            "Plan",
            "Answers",
            "Evidence requests"
        ])
    );
    let sheets = &v["sheets"];
    for name in ["Gap register", "Plan", "Answers", "Evidence requests"] {
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
    // A request for every control in scope, with what to provide and what it must show.
    assert_eq!(
        sheets["Evidence requests"]["rows"],
        in_scope(&t, id).len() + 1,
        "one request per control in scope"
    );
    assert_eq!(sheets["Evidence requests"]["header"][4], "What to provide");
    assert_eq!(
        sheets["Evidence requests"]["header"][5],
        "What it must show"
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
