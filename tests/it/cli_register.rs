//! `trustgap people import`, `trustgap training list|record`, `trustgap people erase` and
//! `trustgap export --include-register`.

use crate::support::{cli, stderr, stdout};

fn client_id(dir: &std::path::Path) -> String {
    let list: serde_json::Value =
        serde_json::from_slice(&cli(dir, &["list", "--format", "json"]).stdout).expect("json");
    list["clients"][0]["id"].to_string()
}

#[test]
fn a_bad_roster_lists_every_bad_row_exits_1_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert!(cli(dir.path(), &["demo"]).status.success());
    let client = client_id(dir.path());
    let file = dir.path().join("hr.csv");
    std::fs::write(&file, crate::register::BAD_ROSTER).expect("write");
    let before = stdout(&cli(
        dir.path(),
        &["people", "list", "--client", &client, "--format", "json"],
    ));
    let out = cli(
        dir.path(),
        &[
            "people",
            "import",
            "--client",
            &client,
            file.to_str().expect("path"),
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    for row in ["Row 3:", "Row 4:", "Row 5:", "Row 6:"] {
        assert!(
            stderr(&out).contains(row),
            "{row} missing: {}",
            stderr(&out)
        );
    }
    assert!(!stderr(&out).contains("Row 2:"), "{}", stderr(&out));
    let after = stdout(&cli(
        dir.path(),
        &["people", "list", "--client", &client, "--format", "json"],
    ));
    assert_eq!(before, after);
}

#[test]
fn import_record_list_and_erase_from_the_command_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert!(cli(dir.path(), &["demo"]).status.success());
    let client = client_id(dir.path());
    let file = dir.path().join("hr.csv");
    std::fs::write(
        &file,
        "Person,Work Mail,Start\nRae Tester,rae@example.com,2025-01-06\n",
    )
    .expect("write");
    let out = cli(
        dir.path(),
        &[
            "people",
            "import",
            "--client",
            &client,
            file.to_str().expect("path"),
            "--map",
            "Person=name",
            "--map",
            "work mail=email",
            "--map",
            "Start=start_date",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("imported 1 people"),
        "{}",
        stdout(&out)
    );
    // No course yet: recording names the missing course.
    let record = |course: &str, date: &str| {
        cli(
            dir.path(),
            &[
                "training",
                "record",
                "--client",
                &client,
                "--person",
                "RAE@example.com",
                "--course",
                course,
                "--date",
                date,
            ],
        )
    };
    let missing = record("Security awareness", "2025-01-20");
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("No course"),
        "{}",
        stderr(&missing)
    );
    assert_eq!(
        record("x", "20/01/2025").status.code(),
        Some(2),
        "a usage error"
    );
    let list = cli(
        dir.path(),
        &["training", "list", "--client", &client, "--format", "json"],
    );
    assert!(list.status.success(), "{}", stderr(&list));
    let rows: serde_json::Value = serde_json::from_slice(&list.stdout).expect("json");
    assert_eq!(rows, serde_json::json!([]));
    let erase = cli(
        dir.path(),
        &[
            "people",
            "erase",
            "--client",
            &client,
            "--person",
            "rae@example.com",
        ],
    );
    assert!(erase.status.success(), "{}", stderr(&erase));
    let bytes = std::fs::read(dir.path().join("workspace.sqlite3")).expect("db");
    assert!(!bytes.windows(15).any(|w| w == b"rae@example.com"));
    let again = cli(
        dir.path(),
        &[
            "people",
            "erase",
            "--client",
            &client,
            "--person",
            "rae@example.com",
        ],
    );
    assert_eq!(again.status.code(), Some(1));
}

#[test]
fn the_register_goes_into_a_trustgap_file_only_with_include_register() {
    let dir = tempfile::tempdir().expect("tempdir");
    let demo = cli(dir.path(), &["demo"]);
    let id = stdout(&demo).trim().to_owned();
    let client = client_id(dir.path());
    let file = dir.path().join("hr.csv");
    std::fs::write(&file, "Name,Email\nUma Private,uma@example.com\n").expect("write");
    assert!(cli(
        dir.path(),
        &[
            "people",
            "import",
            "--client",
            &client,
            file.to_str().expect("p")
        ]
    )
    .status
    .success());
    let export = |out: &str, extra: &[&str]| {
        let path = dir.path().join(out);
        let mut args = vec![
            "export",
            "--assessment",
            &id,
            "--format",
            "trustgap",
            "--out",
        ];
        let p = path.to_str().expect("path").to_owned();
        args.push(&p);
        args.extend_from_slice(extra);
        let o = cli(dir.path(), &args);
        assert!(o.status.success(), "{}", stderr(&o));
        std::fs::read(path).expect("file")
    };
    let without = export("a.trustgap", &[]);
    let with = export("b.trustgap", &["--include-register"]);
    let has = |b: &[u8]| b.windows(15).any(|w| w == b"uma@example.com");
    assert!(!has(&without));
    assert!(has(&with));
    let csv = cli(
        dir.path(),
        &[
            "export",
            "--assessment",
            &id,
            "--format",
            "json",
            "--out",
            "x.json",
            "--include-register",
        ],
    );
    assert_eq!(csv.status.code(), Some(1), "{}", stderr(&csv));
}
