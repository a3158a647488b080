//! `trustgap people export`, `trustgap training attestation` and `trustgap training
//! sign-sheet` on the demo workspace: the files written, and the refusals.

use crate::support::{cli, stderr};

fn client_id(dir: &std::path::Path) -> String {
    let list: serde_json::Value =
        serde_json::from_slice(&cli(dir, &["list", "--format", "json"]).stdout).expect("json");
    list["clients"][0]["id"].to_string()
}

#[test]
fn the_register_documents_are_written_from_the_command_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert!(cli(dir.path(), &["demo"]).status.success());
    let client = client_id(dir.path());
    let xlsx = dir.path().join("register.xlsx");
    let out = cli(
        dir.path(),
        &[
            "people",
            "export",
            "--client",
            &client,
            "--out",
            xlsx.to_str().expect("path"),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::read(&xlsx).expect("xlsx").starts_with(b"PK"));
    for ext in ["pdf", "docx"] {
        let file = dir.path().join(format!("attestation.{ext}"));
        let out = cli(
            dir.path(),
            &[
                "training",
                "attestation",
                "--client",
                &client,
                "--from",
                "2025-01-01",
                "--to",
                "2025-12-31",
                "--out",
                file.to_str().expect("path"),
            ],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(file.exists());
    }
}

#[test]
fn bad_periods_unknown_clients_and_wrong_files_are_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert!(cli(dir.path(), &["demo"]).status.success());
    let client = client_id(dir.path());
    let out_pdf = dir.path().join("a.pdf");
    let pdf = out_pdf.to_str().expect("path");
    let cases: Vec<Vec<&str>> = vec![
        vec![
            "training",
            "attestation",
            "--client",
            &client,
            "--from",
            "2025-13-01",
            "--to",
            "2025-12-31",
            "--out",
            pdf,
        ],
        vec![
            "training",
            "attestation",
            "--client",
            &client,
            "--from",
            "1 May",
            "--to",
            "2025-12-31",
            "--out",
            pdf,
        ],
        vec![
            "training",
            "attestation",
            "--client",
            &client,
            "--from",
            "2025-12-31",
            "--to",
            "2025-01-01",
            "--out",
            pdf,
        ],
        vec![
            "training",
            "attestation",
            "--client",
            "999999",
            "--from",
            "2025-01-01",
            "--to",
            "2025-12-31",
            "--out",
            pdf,
        ],
        vec![
            "training",
            "attestation",
            "--client",
            &client,
            "--from",
            "2025-01-01",
            "--to",
            "2025-12-31",
            "--out",
            "a.txt",
        ],
        vec!["people", "export", "--client", "999999", "--out", "r.xlsx"],
        vec!["people", "export", "--client", &client, "--out", "r.csv"],
        vec![
            "training",
            "sign-sheet",
            "--client",
            &client,
            "--assessment",
            "999999",
            "--out",
            pdf,
        ],
    ];
    for args in cases {
        let out = cli(dir.path(), &args);
        assert!(!out.status.success(), "{args:?} was accepted");
        assert!(!stderr(&out).trim().is_empty(), "{args:?} said nothing");
    }
    assert!(!out_pdf.exists(), "a refused command wrote a file");
    assert!(!dir.path().join("r.xlsx").exists());
}
