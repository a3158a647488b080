//! `trustgap evidence` and `trustgap requests` from the command line: add, list, pack, the
//! request list and an auditor's list refused by row, with the exit codes scripts rely on.

use crate::support::{cli, stderr, stdout};
use serde_json::json;
use std::io::Read;

#[test]
fn evidence_add_list_and_pack_from_the_command_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert!(cli(dir.path(), &["demo"]).status.success());
    let file = dir.path().join("access review Q1.pdf");
    std::fs::write(&file, b"%PDF-1.4 quarterly access review").expect("write");
    let path = file.to_str().expect("path");
    let out = cli(
        dir.path(),
        &[
            "evidence",
            "add",
            "--assessment",
            "1",
            "--criterion",
            "CC6.2",
            "--covers-from",
            "2027-01-01",
            "--covers-to",
            "2027-03-31",
            "--by",
            "Maya Chen",
            path,
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let bad = cli(
        dir.path(),
        &[
            "evidence",
            "add",
            "--assessment",
            "1",
            "--criterion",
            "CC99.1",
            path,
        ],
    );
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("CC99.1"), "{}", stderr(&bad));
    let list: serde_json::Value = serde_json::from_str(&stdout(&cli(
        dir.path(),
        &["evidence", "list", "--assessment", "1", "--format", "json"],
    )))
    .expect("json");
    let files = list["files"].as_array().expect("files");
    assert_eq!(files.len(), 1);
    assert_eq!(files[0]["name"], "access review Q1.pdf");
    assert_eq!(files[0]["dates"]["covers_to"], "2027-03-31");
    assert_eq!(files[0]["added_by"], "Maya Chen");

    let zip_path = dir.path().join("pack.zip");
    let out = cli(
        dir.path(),
        &[
            "evidence",
            "pack",
            "--assessment",
            "1",
            "--out",
            zip_path.to_str().expect("path"),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&zip_path).expect("open")).expect("zip");
    let name = (0..zip.len())
        .map(|i| {
            zip.by_index(i)
                .expect("entry")
                .name()
                .expect("entry name")
                .into_owned()
        })
        .find(|n| n.ends_with("/access review Q1.pdf"))
        .expect("the file is in the pack");
    assert!(name.starts_with("CC6.2 "), "{name}");
    let mut manifest = String::new();
    zip.by_name("manifest.csv")
        .expect("manifest")
        .read_to_string(&mut manifest)
        .expect("read");
    assert!(manifest.contains(files[0]["sha256"].as_str().expect("hash")));
}

#[test]
fn an_auditors_list_is_previewed_then_applied_and_a_bad_one_exits_1_by_row() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert!(cli(dir.path(), &["demo"]).status.success());
    let list = |dir: &std::path::Path| {
        let v: serde_json::Value = serde_json::from_str(&stdout(&cli(
            dir,
            &["requests", "list", "--assessment", "1", "--format", "json"],
        )))
        .expect("json");
        v.as_array().expect("items").len()
    };
    let before = list(dir.path());
    assert!(
        before > 100,
        "the sample's list has every in-scope criterion's items"
    );
    let bad = dir.path().join("pbc-bad.csv");
    std::fs::write(
        &bad,
        "No,Request,TSC\n1,Org chart,\n2,,\n3,Vendor list,CC42.0\n",
    )
    .expect("write");
    for apply in [false, true] {
        let mut args = vec!["requests", "import", "--assessment", "1"];
        if apply {
            args.push("--apply");
        }
        args.push(bad.to_str().expect("path"));
        let out = cli(dir.path(), &args);
        assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
        assert!(
            stderr(&out).contains("Row 3:") && stderr(&out).contains("Row 4:"),
            "{}",
            stderr(&out)
        );
        assert!(!stderr(&out).contains("Row 2:"), "{}", stderr(&out));
    }
    assert_eq!(list(dir.path()), before, "nothing was imported");
    let good = dir.path().join("pbc.csv");
    std::fs::write(
        &good,
        "No,Request,TSC\n1,Org chart,CC1.3\n2,Vendor list,CC9.2\n",
    )
    .expect("write");
    let preview = cli(
        dir.path(),
        &[
            "requests",
            "import",
            "--assessment",
            "1",
            good.to_str().expect("path"),
        ],
    );
    assert!(preview.status.success(), "{}", stderr(&preview));
    assert!(stdout(&preview).contains("--apply"));
    assert_eq!(list(dir.path()), before, "a preview changes nothing");
    let apply = cli(
        dir.path(),
        &[
            "requests",
            "import",
            "--assessment",
            "1",
            "--apply",
            good.to_str().expect("path"),
        ],
    );
    assert!(apply.status.success(), "{}", stderr(&apply));
    assert_eq!(list(dir.path()), before + 2);
    let set = cli(
        dir.path(),
        &[
            "requests",
            "set",
            "--assessment",
            "1",
            "--item",
            "2",
            "--status",
            "not_applicable",
        ],
    );
    assert_eq!(set.status.code(), Some(1), "a reason is required");
    let set = cli(
        dir.path(),
        &[
            "requests",
            "set",
            "--assessment",
            "1",
            "--item",
            "2",
            "--status",
            "not_applicable",
            "--reason",
            "No vendors handle customer data.",
        ],
    );
    assert!(set.status.success(), "{}", stderr(&set));
}

#[test]
fn requests_set_changes_only_the_options_given_and_an_empty_one_clears() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert!(cli(dir.path(), &["demo"]).status.success());
    let items = || -> Vec<serde_json::Value> {
        let out = cli(
            dir.path(),
            &["requests", "list", "--assessment", "1", "--format", "json"],
        );
        let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
        v.as_array().expect("items").clone()
    };
    // A criterion's item without files: nothing shows on it until someone sets it.
    let reference = items()
        .iter()
        .find(|i| i["source"] == "criterion" && i["files"] == 0)
        .and_then(|i| i["reference"].as_str())
        .expect("a criterion's item")
        .to_owned();
    // Runs `requests set` with `options`; the item's state as the list then shows it.
    let set = |options: &[&str]| {
        let mut args = vec!["requests", "set", "--assessment", "1", "--item", &reference];
        args.extend_from_slice(options);
        let out = cli(dir.path(), &args);
        assert!(out.status.success(), "{options:?}: {}", stderr(&out));
        let item = items()
            .into_iter()
            .find(|i| i["reference"] == reference.as_str())
            .expect("the item");
        json!({"owner": item["owner"], "due": item["due"], "status": item["status"], "reason": item["reason"]})
    };
    assert_eq!(
        set(&["--owner", "Dana Reyes", "--due", "2030-06-30"]),
        json!({"owner": "Dana Reyes", "due": "2030-06-30", "status": "requested", "reason": null})
    );
    assert_eq!(
        set(&["--status", "accepted"]),
        json!({"owner": "Dana Reyes", "due": "2030-06-30", "status": "accepted", "reason": null}),
        "the owner and the due date were left out, so they stay"
    );
    assert_eq!(
        set(&["--owner", ""]),
        json!({"owner": null, "due": "2030-06-30", "status": "accepted", "reason": null})
    );
    assert_eq!(
        set(&[
            "--due",
            "",
            "--status",
            "not_applicable",
            "--reason",
            "No office."
        ]),
        json!({"owner": null, "due": null, "status": "not_applicable", "reason": "No office."})
    );
    assert_eq!(
        set(&["--status", ""]),
        json!({"owner": null, "due": null, "status": "requested", "reason": null}),
        "a cleared status is worked out again, and the reason goes with not applicable"
    );
    let bad = cli(
        dir.path(),
        &[
            "requests",
            "set",
            "--assessment",
            "1",
            "--item",
            &reference,
            "--due",
            "30/06/2030",
        ],
    );
    assert_eq!(bad.status.code(), Some(2), "a bad date is a usage error");
}
