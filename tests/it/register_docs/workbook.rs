//! The roster-and-training workbook read by openpyxl: sheets, headers, frozen headers, filters,
//! dates as date cells, statuses, and the same bytes for the same stamp.

use super::{date, Fixture, HEBREW, JAPANESE, LATE, LEAVER};
use crate::readers::read_with;
use trustgap_documents::register::register_workbook;

const READ: &str = r#"
import sys, json, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"names": wb.sheetnames, "sheets": {}}
for ws in wb.worksheets:
    rows = []
    for r in ws.iter_rows(values_only=True):
        rows.append([
            {"date": v.strftime("%Y-%m-%d")} if isinstance(v, datetime.datetime) else v
            for v in r
        ])
    out["sheets"][ws.title] = {
        "rows": rows,
        "freeze": ws.freeze_panes,
        "filter": ws.auto_filter.ref,
    }
print(json.dumps(out))
"#;

#[test]
fn the_register_workbook_has_its_sheets_dates_filters_and_statuses() {
    let f = Fixture::sample();
    let bytes = register_workbook(&f.register(date(2026, 6, 30))).expect("workbook");
    assert_eq!(
        bytes,
        register_workbook(&f.register(date(2026, 6, 30))).expect("again"),
        "the same register and stamp give the same bytes"
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("register.xlsx");
    std::fs::write(&file, &bytes).expect("write");
    let v = read_with(READ, &file);
    assert_eq!(
        v["names"],
        serde_json::json!(["People", "Training", "Acknowledgements", "Gaps", "About"])
    );
    for name in ["People", "Training", "Acknowledgements", "Gaps"] {
        let s = &v["sheets"][name];
        assert_eq!(s["freeze"], "A2", "{name}");
        assert!(
            s["filter"].as_str().is_some_and(|r| r.starts_with("A1:")),
            "{name}"
        );
    }
    let people = v["sheets"]["People"]["rows"].as_array().expect("rows");
    assert_eq!(
        people[0],
        serde_json::json!([
            "Name",
            "Kind",
            "Team",
            "Role",
            "Email",
            "Start",
            "End",
            "Access removed"
        ])
    );
    assert_eq!(
        people.len(),
        6,
        "a header and five people, leavers included"
    );
    let leaver = people.iter().find(|r| r[0] == LEAVER).expect("leaver row");
    assert_eq!(leaver[5], serde_json::json!({"date": "2024-02-01"}));
    assert_eq!(leaver[6], serde_json::json!({"date": "2026-03-31"}));
    assert!(leaver[7].is_null(), "no access removal recorded");
    assert!(people.iter().any(|r| r[0] == JAPANESE));
    assert!(people
        .iter()
        .any(|r| r[0] == HEBREW && r[1] == "Contractor"));

    let training = v["sheets"]["Training"]["rows"].as_array().expect("rows");
    assert_eq!(training[0][3], "Status");
    let status = |who: &str| training.iter().find(|r| r[0] == who).expect("row")[3].clone();
    assert_eq!(status("Ada Admin"), "Done");
    assert_eq!(status(JAPANESE), "Overdue");
    assert_eq!(status(LATE), "Overdue");
    let ada = training.iter().find(|r| r[0] == "Ada Admin").expect("row");
    assert_eq!(ada[5], serde_json::json!({"date": "2026-02-10"}));
    assert_eq!(ada[6], "certificate-1.pdf");

    let acks = v["sheets"]["Acknowledgements"]["rows"]
        .as_array()
        .expect("rows");
    let state = |who: &str| acks.iter().find(|r| r[0] == who).expect("row")[5].clone();
    assert_eq!(state("Ada Admin"), "Acknowledged");
    assert_eq!(state(JAPANESE), "Acknowledged an older version");
    assert_eq!(state(LATE), "Not acknowledged");
    assert_eq!(state(LEAVER), "Left; not owed");

    let gaps = v["sheets"]["Gaps"]["rows"].as_array().expect("rows");
    let kinds: Vec<(String, String)> = gaps[1..]
        .iter()
        .map(|r| {
            (
                r[0].as_str().unwrap_or("").to_owned(),
                r[1].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    for expected in [
        (JAPANESE, "Refresh overdue"),
        (JAPANESE, "Acknowledgement stale"),
        (LEAVER, "Access removal not recorded"),
        (LATE, "Not trained in time"),
        (LATE, "Acknowledgement missing"),
    ] {
        assert!(
            kinds.contains(&(expected.0.to_owned(), expected.1.to_owned())),
            "{expected:?} missing from {kinds:?}"
        );
    }
    assert_eq!(kinds.len(), 5, "{kinds:?}");
}
