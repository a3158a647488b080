//! `trustgap policies`: the listing as a table and as JSON, and refused argument mixes.

use crate::support::{cli, stderr, stdout};
use trustgap_domain::policy::builtin;

/// A workspace with the sample; the folder and the sample's id.
fn sample() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let demo = cli(dir.path(), &["demo"]);
    assert!(demo.status.success(), "{}", stderr(&demo));
    let id = stdout(&demo).trim().to_owned();
    (dir, id)
}

#[test]
fn the_json_listing_gives_each_policy_with_its_criteria_and_planned_clauses() {
    let (dir, id) = sample();
    let out = cli(
        dir.path(),
        &[
            "policies",
            "--assessment",
            &id,
            "--list",
            "--format",
            "json",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let list = json.as_array().expect("an array");
    assert!(list.len() >= 15, "{}", list.len());
    for p in list {
        let id = p["id"].as_str().expect("id");
        let template = builtin().policy(id).expect("a policy of the library");
        assert_eq!(p["title"], template.title.as_str());
        assert_eq!(p["status"], "draft");
        assert_eq!(p["version"], 1);
        assert!(p["owner"]
            .as_str()
            .expect("owner")
            .ends_with("(not yet named)"));
        assert!(!p["criteria"].as_array().expect("criteria").is_empty());
        assert!(p["planned"].is_array());
    }
    let planned: usize = list
        .iter()
        .map(|p| p["planned"].as_array().map_or(0, Vec::len))
        .sum();
    assert!(planned > 10, "{planned}");
    let mfa = list
        .iter()
        .flat_map(|p| p["planned"].as_array().into_iter().flatten())
        .find(|c| c["fact"] == "mfa-enforced")
        .expect("the sample's MFA is partial");
    assert_eq!(mfa["questions"][0], "ACC-002");
}

#[test]
fn the_table_lists_every_policy_and_bad_mixes_are_refused() {
    let (dir, id) = sample();
    let out = cli(dir.path(), &["policies", "--assessment", &id, "--list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("POLICY"), "{text}");
    assert!(
        text.contains("access-control") && text.contains("Draft"),
        "{text}"
    );

    let neither = cli(dir.path(), &["policies", "--assessment", &id]);
    assert_eq!(
        neither.status.code(),
        Some(2),
        "--list or --out is required"
    );
    let both = cli(
        dir.path(),
        &["policies", "--assessment", &id, "--list", "--out", "x"],
    );
    assert_eq!(both.status.code(), Some(2));
    let wrong = cli(
        dir.path(),
        &["policies", "--assessment", &id, "--list", "--format", "pdf"],
    );
    assert_eq!(wrong.status.code(), Some(1));
    assert!(
        stderr(&wrong).contains("table or json"),
        "{}",
        stderr(&wrong)
    );
    let missing = cli(dir.path(), &["policies", "--assessment", "9999", "--list"]);
    assert_eq!(missing.status.code(), Some(1));
}
