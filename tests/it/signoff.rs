//! Document control: versions numbered per document and assessment (exports add them, previews
//! do not), the sign-off page with its approvers, and management's responses to findings in
//! the readiness report and the gap register CSV.

use crate::reports::{sample, today, when};
use crate::support::tool;
use trustgap_domain::signoff::{Approver, DocumentKind, ManagementResponse, ResponseKind};
use trustgap_workspace::{DataFormat, ErrorCode, ReportKind, ReportOptions};

fn text_of(dir: &std::path::Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    let all = tool("pdftotext", &[&path.display().to_string(), "-"]);
    all.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn date(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

#[test]
fn exports_add_versions_per_document_and_previews_do_not() {
    let (mut t, id) = sample();
    let options = ReportOptions::default();
    for _ in 0..2 {
        t.ws.report_preview(id, ReportKind::Readiness, &options, when(), today())
            .expect("preview");
        t.ws.report_pdf(id, ReportKind::Readiness, &options, when(), today())
            .expect("render");
    }
    assert!(t
        .ws
        .document_versions(id, DocumentKind::Readiness)
        .expect("v")
        .is_empty());
    let draft =
        t.ws.report_pdf(id, ReportKind::Readiness, &options, when(), today())
            .expect("draft")
            .1;
    assert!(text_of(t.dir.path(), "draft.pdf", &draft).contains("Version Draft"));

    let (_, v1) =
        t.ws.issue_report(id, ReportKind::Readiness, &options, "", when(), today())
            .expect("first");
    let (issued, v2) =
        t.ws.issue_report(
            id,
            ReportKind::Readiness,
            &options,
            "Board comments",
            when(),
            date(2026, 11, 9),
        )
        .expect("second");
    let bytes = issued.bytes;
    assert_eq!((v1.version, v1.change.as_str()), (1, "Issued"));
    assert_eq!((v2.version, v2.change.as_str()), (2, "Board comments"));
    let (_, plan1) =
        t.ws.issue_report(id, ReportKind::Plan, &options, "", when(), today())
            .expect("plan");
    assert_eq!(plan1.version, 1, "each document counts its own versions");
    let (_, s1) =
        t.ws.issue_summary(id, "", when(), today())
            .expect("summary");
    let (_, s2) =
        t.ws.issue_summary(id, "", when(), today())
            .expect("summary");
    assert_eq!(
        (s1.version, s2.version, s2.change.as_str()),
        (1, 2, "Updated")
    );

    let text = text_of(t.dir.path(), "v2.pdf", &bytes);
    assert!(
        text.contains("VERSION 2.0 · 9 November 2026"),
        "cover: current version"
    );
    assert!(text.contains("1.0 2 November 2026 Issued"), "history row 1");
    assert!(
        text.contains("2.0 9 November 2026 Board comments"),
        "history row 2"
    );
    // A word, not a substring: the audit chapter's prose speaks of "Drafting the description".
    assert!(
        !text
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "Draft"),
        "an issued report is no draft"
    );
    let e =
        t.ws.issue_report(
            id,
            ReportKind::Readiness,
            &options,
            "two\nlines",
            when(),
            today(),
        )
        .expect_err("one line");
    assert_eq!(e.code, ErrorCode::Validation);
    assert_eq!(
        t.ws.document_versions(id, DocumentKind::Readiness)
            .expect("v")
            .len(),
        2
    );
}

#[test]
fn the_sign_off_page_lists_the_approvers() {
    let (mut t, id) = sample();
    let list = vec![
        Approver {
            name: "Dana Whitfield".into(),
            role: "Chief Executive Officer".into(),
            signed_on: Some(date(2026, 11, 20)),
        },
        Approver {
            name: "Priya Nair".into(),
            role: "Head of Engineering".into(),
            signed_on: None,
        },
    ];
    t.ws.set_approvers(id, &list).expect("approvers");
    assert_eq!(t.ws.approvers(id).expect("approvers"), list);
    let nameless = vec![Approver {
        name: " ".into(),
        ..list[0].clone()
    }];
    assert!(t.ws.set_approvers(id, &nameless).is_err());
    for kind in [ReportKind::Readiness, ReportKind::Plan] {
        let (_, bytes) =
            t.ws.report_pdf(id, kind, &ReportOptions::default(), when(), today())
                .expect("report");
        let text = text_of(t.dir.path(), "signed.pdf", &bytes);
        let page = &text[text.find("Sign-off By signing").expect("a sign-off page")..];
        for needle in [
            "Dana Whitfield",
            "Chief Executive Officer",
            "20 November 2026",
            "Priya Nair",
            "Head of Engineering",
            "SIGNATURE",
        ] {
            assert!(page.contains(needle), "{kind:?}: {needle}");
        }
    }
}

#[test]
fn management_responses_need_a_reason_and_are_printed_and_exported() {
    let (mut t, id) = sample();
    let gap = t.ws.plan(id, today()).expect("plan").gaps[0]
        .question_id
        .clone();
    for kind in [ResponseKind::AcceptedRisk, ResponseKind::Disputed] {
        let e =
            t.ws.save_management_response(
                id,
                &ManagementResponse {
                    question_id: gap.clone(),
                    kind,
                    text: "  ".into(),
                },
            )
            .expect_err("reason required");
        assert_eq!(e.code, ErrorCode::Validation);
        assert!(e.message.contains("reason is required"), "{}", e.message);
    }
    let e =
        t.ws.save_management_response(
            id,
            &ManagementResponse {
                question_id: "NOPE-999".into(),
                kind: ResponseKind::PlannedAction,
                text: "x".into(),
            },
        )
        .expect_err("unknown question");
    assert_eq!(e.code, ErrorCode::NotFound);
    let reason = "Compensating control: a weekly access review, =SUM(A1) kept as text.";
    t.ws.save_management_response(
        id,
        &ManagementResponse {
            question_id: gap.clone(),
            kind: ResponseKind::AcceptedRisk,
            text: reason.into(),
        },
    )
    .expect("saved");
    let (_, bytes) =
        t.ws.report_pdf(
            id,
            ReportKind::Readiness,
            &ReportOptions::default(),
            when(),
            today(),
        )
        .expect("report");
    let text = text_of(t.dir.path(), "responses.pdf", &bytes);
    assert!(
        text.contains("Management response (risk accepted): Compensating control"),
        "register"
    );
    assert!(
        text.contains("Management response · Risk accepted"),
        "findings"
    );

    let (_, csv) =
        t.ws.export_data(id, DataFormat::CsvGaps, when(), today())
            .expect("csv");
    let csv = String::from_utf8(csv).expect("utf-8");
    let header = csv.lines().next().expect("header");
    assert!(header.ends_with(",management_response"), "{header}");
    let row = csv
        .lines()
        .find(|l| l.contains(&gap))
        .expect("the gap's row");
    assert!(row.contains("Risk accepted: Compensating control"), "{row}");
    assert!(
        row.contains("'=SUM(A1)") || !row.contains(",=SUM"),
        "spreadsheet-safe: {row}"
    );
    t.ws.delete_management_response(id, &gap).expect("delete");
    assert!(t.ws.management_responses(id).expect("list").is_empty());
}
