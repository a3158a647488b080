//! The command line's people and plan subcommands, and the log every subcommand writes.

use crate::support::{cli, stderr, stdout};

#[test]
fn every_subcommand_leaves_one_line_in_the_log_and_no_answer_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let info = cli(dir.path(), &["info"]);
    assert!(info.status.success(), "{}", stderr(&info));
    let log = dir.path().join("logs").join("trustgap.log");
    assert!(
        stdout(&info).contains(&format!("log {}", log.display())),
        "info names the log: {}",
        stdout(&info)
    );
    assert!(cli(dir.path(), &["demo"]).status.success());
    let missing = cli(dir.path(), &["plan", "--assessment", "9999"]);
    assert_eq!(missing.status.code(), Some(1));

    let text = std::fs::read_to_string(&log).expect("the log");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "one line per subcommand: {text}");
    assert!(lines[0].contains("cli info ok in"), "{text}");
    assert!(lines[1].contains("cli demo ok in"), "{text}");
    assert!(
        lines[2].contains("cli plan failed") && lines[2].contains("NotFound"),
        "{text}"
    );
    // The sample's notes are the kind of text a log must never hold.
    let conn = rusqlite::Connection::open(dir.path().join("workspace.sqlite3")).expect("open");
    let mut stmt = conn
        .prepare("SELECT note FROM responses WHERE length(note) > 12")
        .expect("notes");
    let notes: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .expect("notes")
        .collect::<Result<_, _>>()
        .expect("notes");
    assert!(!notes.is_empty(), "the sample has notes");
    for note in notes {
        assert!(!text.contains(&note), "the log holds a note: {note}");
    }
}

/// `trustgap plan --format json` of the sample, parsed.
fn plan_json(dir: &std::path::Path, id: &str) -> serde_json::Value {
    let out = cli(dir, &["plan", "--assessment", id, "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("plan json")
}

#[test]
fn people_and_the_plan_from_the_command_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let demo = cli(dir.path(), &["demo"]);
    assert!(demo.status.success(), "{}", stderr(&demo));
    let id = stdout(&demo).trim().to_owned();
    let list: serde_json::Value =
        serde_json::from_slice(&cli(dir.path(), &["list", "--format", "json"]).stdout)
            .expect("json");
    let client = list["clients"][0]["id"].to_string();

    // The plan as data: every action with its owner, dates, order; the load; the verdict.
    let plan = plan_json(dir.path(), &id);
    let actions = plan["actions"].as_array().expect("actions");
    assert!(!actions.is_empty());
    for a in actions {
        for field in [
            "severity",
            "priority",
            "owner",
            "owner_name",
            "start",
            "due",
        ] {
            assert!(!a[field].is_null(), "{field} of {a}");
        }
        assert!(a["depends_on"].is_array(), "{a}");
    }
    assert!(plan["load"].as_array().is_some_and(|l| !l.is_empty()));
    assert!(plan["deadline"].is_string(), "the sample has an audit date");
    assert!(plan["fit"]["kind"].is_string());
    assert!(plan["warnings"].is_array());
    let finance = |plan: &serde_json::Value| -> Vec<String> {
        plan["actions"]
            .as_array()
            .expect("actions")
            .iter()
            .filter(|a| a["owner"]["role"] == "Finance lead" || a["owner_name"] == "Ana Lopez")
            .map(|a| a["owner_name"].as_str().expect("name").to_owned())
            .collect()
    };
    let unnamed = finance(&plan);
    assert!(!unnamed.is_empty(), "the sample names nobody for finance");
    assert!(
        unnamed.iter().all(|n| n.contains("not yet named")),
        "{unnamed:?}"
    );

    // Add, list, change and remove a person; the plan follows each change.
    let add = cli(
        dir.path(),
        &[
            "people",
            "add",
            "--client",
            &client,
            "--name",
            "Ana Lopez",
            "--role",
            "Finance lead",
            "--share",
            "25",
            "--days-off",
            "2027-08-02..2027-08-13",
        ],
    );
    assert!(add.status.success(), "{}", stderr(&add));
    let people: serde_json::Value = serde_json::from_slice(
        &cli(
            dir.path(),
            &["people", "list", "--client", &client, "--format", "json"],
        )
        .stdout,
    )
    .expect("people json");
    let ana = people
        .as_array()
        .expect("people")
        .iter()
        .find(|p| p["name"] == "Ana Lopez")
        .expect("Ana is listed");
    assert_eq!(ana["share"], 25);
    assert_eq!(ana["days_off"][0]["from"], "2027-08-02");
    assert!(finance(&plan_json(dir.path(), &id))
        .iter()
        .all(|n| n == "Ana Lopez"));

    let edit = cli(
        dir.path(),
        &[
            "people",
            "edit",
            "--client",
            &client,
            "--person",
            "ana lopez",
            "--name",
            "Ana López",
        ],
    );
    assert!(edit.status.success(), "{}", stderr(&edit));
    let renamed = plan_json(dir.path(), &id);
    assert!(renamed["actions"]
        .as_array()
        .expect("actions")
        .iter()
        .any(|a| a["owner_name"] == "Ana López"));

    let bad = cli(
        dir.path(),
        &[
            "people",
            "edit",
            "--client",
            &client,
            "--person",
            "Ana López",
            "--share",
            "0",
        ],
    );
    assert_eq!(bad.status.code(), Some(1), "a share of 0% is refused");
    let bad = cli(
        dir.path(),
        &[
            "people",
            "add",
            "--client",
            &client,
            "--name",
            "X",
            "--days-off",
            "2027-08-13..2027-08-02",
        ],
    );
    assert_eq!(bad.status.code(), Some(1), "a backwards period is refused");

    let remove = cli(
        dir.path(),
        &[
            "people",
            "remove",
            "--client",
            &client,
            "--person",
            "Ana López",
        ],
    );
    assert!(remove.status.success(), "{}", stderr(&remove));
    let after = finance(&plan_json(dir.path(), &id));
    assert_eq!(after.len(), unnamed.len());
    assert!(
        after.iter().all(|n| n.contains("not yet named")),
        "{after:?}"
    );
    let missing = cli(
        dir.path(),
        &[
            "people",
            "remove",
            "--client",
            &client,
            "--person",
            "Nobody Here",
        ],
    );
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("Nobody called"),
        "{}",
        stderr(&missing)
    );
}
