//! The policy pack as files: one per policy plus the index, from the workspace and from
//! `trustgap policies --out`; the readiness report's coverage chapter.

use crate::policies::{policy, sample, today};
use crate::support::{cli, stderr, stdout, tool};
use chrono::{TimeZone, Utc};
use trustgap_domain::policy::PolicyFormat;
use trustgap_workspace::error::ErrorCode;
use trustgap_workspace::{ReportKind, ReportOptions};

fn stamp() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 5, 9, 0, 0)
        .single()
        .expect("stamp")
}

#[test]
fn the_pack_is_one_file_per_policy_plus_the_index_in_every_format() {
    let (t, id) = sample();
    let views = t.ws.list_policies(id, today()).expect("pack");
    for format in PolicyFormat::ALL {
        let files =
            t.ws.policy_pack(id, format, stamp(), today())
                .expect("pack");
        assert_eq!(files.len(), views.len() + 1, "{format:?}");
        assert_eq!(files[0].name, format!("00-index.{}", format.extension()));
        for (i, (f, v)) in files[1..].iter().zip(&views).enumerate() {
            assert_eq!(
                f.name,
                format!("{:02}-{}.{}", i + 1, v.id, format.extension())
            );
            assert!(!f.bytes.is_empty());
        }
        let again =
            t.ws.policy_pack(id, format, stamp(), today())
                .expect("pack");
        assert_eq!(files, again, "{format:?}: same data and stamp, same bytes");
    }
    let md =
        t.ws.policy_pack(id, PolicyFormat::Md, stamp(), today())
            .expect("md");
    let access = md
        .iter()
        .find(|f| f.name.ends_with("-access-control.md"))
        .expect("access control");
    let text = String::from_utf8(access.bytes.clone()).expect("utf-8");
    let view = policy(&t, id, "access-control");
    assert!(
        text.contains("Brightwave Analytics"),
        "the company is named"
    );
    assert!(text.contains(&view.title));
    assert!(text.contains("Planned"), "planned clauses are marked");
}

#[test]
fn one_policy_exports_under_a_name_with_company_title_and_version() {
    let (t, id) = sample();
    let f =
        t.ws.policy_file(id, "access-control", PolicyFormat::Pdf, stamp(), today())
            .expect("pdf");
    assert!(
        f.name.ends_with("Access Control Policy v1.pdf"),
        "{}",
        f.name
    );
    assert!(f.bytes.starts_with(b"%PDF"));
    let e =
        t.ws.policy_file(id, "nope", PolicyFormat::Md, stamp(), today())
            .expect_err("unknown");
    assert_eq!(e.code, ErrorCode::NotFound);
}

#[test]
fn the_readiness_report_has_the_policy_coverage_chapter() {
    let (t, id) = sample();
    let (_, pdf) =
        t.ws.report_pdf(
            id,
            ReportKind::Readiness,
            &ReportOptions::default(),
            stamp(),
            today(),
        )
        .expect("report");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("r.pdf");
    std::fs::write(&path, pdf).expect("write");
    let text = tool("pdftotext", &[path.to_str().expect("utf-8 path"), "-"]);
    assert!(text.contains("Policy coverage"), "the chapter is there");
}

#[test]
fn the_cli_writes_the_pack_into_a_folder_and_refuses_a_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let demo = cli(dir.path(), &["demo"]);
    let id = stdout(&demo).trim().to_owned();
    let out = dir.path().join("pack").join("nested");
    let run = cli(
        dir.path(),
        &[
            "policies",
            "--assessment",
            &id,
            "--out",
            out.to_str().expect("utf-8"),
            "--format",
            "md",
        ],
    );
    assert!(run.status.success(), "{}", stderr(&run));
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .expect("created")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names[0], "00-index.md");
    assert!(names.iter().any(|n| n.ends_with("-access-control.md")));
    assert_eq!(
        stdout(&run).lines().count(),
        names.len(),
        "each file written is named"
    );
    let listed = cli(
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
    let count = serde_json::from_slice::<serde_json::Value>(&listed.stdout)
        .expect("json")
        .as_array()
        .map_or(0, Vec::len);
    assert_eq!(names.len(), count + 1);

    let file = dir.path().join("a-file");
    std::fs::write(&file, b"x").expect("file");
    let refused = cli(
        dir.path(),
        &[
            "policies",
            "--assessment",
            &id,
            "--out",
            file.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("is a file"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(std::fs::read(&file).expect("kept"), b"x");
    let wrong = cli(
        dir.path(),
        &[
            "policies",
            "--assessment",
            &id,
            "--out",
            out.to_str().expect("utf-8"),
            "--format",
            "json",
        ],
    );
    assert_eq!(wrong.status.code(), Some(1));
}
