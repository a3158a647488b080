//! The headless command line on the same binary.

use crate::support::{cli, stderr, stdout};

#[test]
fn help_and_version() {
    let dir = tempfile::tempdir().expect("tempdir");
    let help = cli(dir.path(), &["--help"]);
    assert!(help.status.success());
    let text = stdout(&help);
    assert!(text.contains("Usage: trustgap"), "{text}");
    assert!(text.contains("--data-dir"));
    assert!(text.contains("catalog"));
    let version = cli(dir.path(), &["--version"]);
    assert!(version.status.success());
    assert_eq!(
        stdout(&version).trim(),
        format!("trustgap {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn info_uses_the_data_dir_option_over_the_environment() {
    let env_dir = tempfile::tempdir().expect("tempdir");
    let opt_dir = tempfile::tempdir().expect("tempdir");
    let out = cli(
        env_dir.path(),
        &["info", "--data-dir", opt_dir.path().to_str().expect("utf8")],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains(&opt_dir.path().display().to_string()));
    assert!(opt_dir.path().join("workspace.sqlite3").exists());
    assert!(!env_dir.path().join("workspace.sqlite3").exists());

    let out = cli(env_dir.path(), &["info"]);
    assert!(out.status.success());
    assert!(env_dir.path().join("workspace.sqlite3").exists());
}

#[test]
fn a_newer_workspace_is_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert!(cli(dir.path(), &["info"]).status.success());
    let conn = rusqlite::Connection::open(dir.path().join("workspace.sqlite3")).expect("open");
    conn.pragma_update(None, "user_version", 999).expect("bump");
    drop(conn);
    let out = cli(dir.path(), &["info"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("newer version of Trustgap"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn unknown_arguments_fail_with_usage() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = cli(dir.path(), &["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unrecognized subcommand"));
}

#[test]
fn catalog_json_is_the_whole_bank() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = cli(dir.path(), &["catalog", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let questions = json["questions"].as_array().expect("questions");
    assert!(questions.len() >= 150);
    let q = &questions[0];
    for field in [
        "id",
        "criteria",
        "text",
        "why",
        "good",
        "evidence",
        "weight",
        "remediation",
        "finding",
        "key",
        "categories",
    ] {
        assert!(!q[field].is_null(), "question lacks {field}");
    }
    // The criteria's evidence requests, the coverage map and the mapping from the last bank.
    assert!(
        json["criteria"][0]["requests"]
            .as_array()
            .map_or(0, Vec::len)
            >= 3
    );
    assert_eq!(json["coverage"].as_array().map(Vec::len), Some(61));
    assert_eq!(json["changes"]["from"], "2026.11.0");
    assert!(json["remediations"]
        .as_array()
        .expect("remediations")
        .iter()
        .any(|r| r["after"].as_array().is_some_and(|a| !a.is_empty())));
    assert_eq!(json["criteria"].as_array().map(Vec::len), Some(61));
    assert_eq!(json["categories"].as_array().map(Vec::len), Some(5));
    assert!(json["scoping"].as_array().map_or(0, Vec::len) >= 6);
    assert!(json["version"].is_string());
}

#[test]
fn catalog_csv_has_one_row_per_question() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = cli(dir.path(), &["catalog", "--format", "csv"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.starts_with("\u{feff}question_id,categories,criteria"));
    // Bank 2's fields: the finding sentence, key controls, cadence, counsel, dependencies.
    let header = text.lines().next().expect("header");
    for field in [
        "finding",
        "key_control",
        "runs",
        "ask_counsel",
        "lead_weeks",
        "after",
    ] {
        assert!(header.split(',').any(|h| h == field), "{field} in {header}");
    }
    let json = cli(dir.path(), &["catalog"]);
    let bank: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    let questions = bank["questions"].as_array().expect("questions").len();
    // Records start at line starts with a question id (cells with line breaks are quoted).
    let records = text
        .split("\r\n")
        .filter(|l| {
            l.len() > 7 && l.as_bytes()[3] == b'-' && l[..3].chars().all(|c| c.is_ascii_uppercase())
        })
        .count();
    assert_eq!(records, questions);
}

#[test]
fn demo_creates_a_fully_answered_sample_and_list_shows_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let empty = cli(dir.path(), &["list"]);
    assert!(empty.status.success());
    assert!(stdout(&empty).contains("No assessments yet"));

    let demo = cli(dir.path(), &["demo"]);
    assert!(demo.status.success(), "{}", stderr(&demo));
    let id: i64 = stdout(&demo)
        .trim()
        .parse()
        .expect("demo prints the new id");

    let table = stdout(&cli(dir.path(), &["list"]));
    let header = table.lines().next().expect("header");
    assert!(
        header.starts_with("ID") && header.contains("READINESS"),
        "{table}"
    );
    let row = table.lines().nth(1).expect("a row");
    assert!(
        row.starts_with(&id.to_string()) && row.contains("Brightwave Analytics (sample)"),
        "{table}"
    );

    let json: serde_json::Value =
        serde_json::from_slice(&cli(dir.path(), &["list", "--format", "json"]).stdout)
            .expect("json");
    let a = &json["assessments"][0];
    assert_eq!(a["id"], id);
    assert_eq!(
        a["answered"], a["questions"],
        "the sample answers every question in scope"
    );
    let readiness = a["readiness"].as_f64().expect("a score");
    assert!(
        readiness > 30.0 && readiness < 90.0,
        "a sample with realistic gaps: {readiness}"
    );
    assert_eq!(json["clients"].as_array().map(Vec::len), Some(1));
}

#[test]
fn backup_restore_and_import_from_the_command_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let other = tempfile::tempdir().expect("tempdir");
    assert!(cli(dir.path(), &["demo"]).status.success());
    let backup = dir.path().join("copy.sqlite3");
    let out = cli(
        dir.path(),
        &["backup", "--out", backup.to_str().expect("utf8")],
    );
    assert!(out.status.success(), "{}", stderr(&out));

    // Restoring into another workspace keeps that one's file aside and brings the sample.
    assert!(cli(other.path(), &["info"]).status.success());
    let out = cli(other.path(), &["restore", backup.to_str().expect("utf8")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("kept as"));
    assert!(stdout(&cli(other.path(), &["list"])).contains("Brightwave Analytics (sample)"));

    // A file that is not ours is refused with a clear message.
    let junk = dir.path().join("junk.trustgap");
    std::fs::write(&junk, b"not a database at all").expect("junk");
    let out = cli(other.path(), &["import", junk.to_str().expect("utf8")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("not a Trustgap"), "{}", stderr(&out));
}

#[test]
fn the_cli_refuses_to_write_while_the_workspace_is_locked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let _held = trustgap_store::lock::WorkspaceLock::acquire(dir.path()).expect("lock");
    let out = cli(dir.path(), &["demo"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("Another Trustgap window"),
        "{}",
        stderr(&out)
    );
    // Reading is fine.
    assert!(cli(dir.path(), &["list"]).status.success());
}

#[test]
fn a_client_travels_as_a_trustgap_file_between_workspaces() {
    let from = tempfile::tempdir().expect("tempdir");
    let to = tempfile::tempdir().expect("tempdir");
    assert!(cli(from.path(), &["demo"]).status.success());
    let file = from.path().join("client.trustgap");
    let f = file.to_str().expect("utf8");
    let out = cli(
        from.path(),
        &[
            "export", "--client", "1", "--format", "trustgap", "--out", f,
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(cli(to.path(), &["import", f]).status.success());
    let again = cli(to.path(), &["import", f]);
    assert_eq!(again.status.code(), Some(1), "a second import asks first");
    assert!(
        stderr(&again).contains("replace it, or keep both"),
        "{}",
        stderr(&again)
    );
    assert!(cli(to.path(), &["import", f, "--mode", "keep-both"])
        .status
        .success());
    let json: serde_json::Value =
        serde_json::from_slice(&cli(to.path(), &["list", "--format", "json"]).stdout)
            .expect("json");
    assert_eq!(json["assessments"].as_array().map(Vec::len), Some(2));
    assert_eq!(
        json["clients"].as_array().map(Vec::len),
        Some(1),
        "the same client, not a copy"
    );

    let csv = cli(
        from.path(),
        &[
            "export", "--client", "1", "--format", "csv-gaps", "--out", f,
        ],
    );
    assert_eq!(
        csv.status.code(),
        Some(1),
        "CSV exports take one --assessment"
    );
}
