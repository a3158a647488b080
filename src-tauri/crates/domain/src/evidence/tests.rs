use super::observation::{calendar, RecurringControl};
use super::*;
use crate::catalog::Cadence;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

#[test]
fn dates_must_be_consistent() {
    let ok = EvidenceDates {
        produced_on: Some(d(2027, 4, 2)),
        covers_from: Some(d(2027, 1, 1)),
        covers_to: Some(d(2027, 3, 31)),
        expires_on: Some(d(2028, 4, 2)),
    };
    assert_eq!(ok.check(), Ok(()));
    let backwards = EvidenceDates {
        covers_from: Some(d(2027, 3, 31)),
        covers_to: Some(d(2027, 1, 1)),
        ..EvidenceDates::default()
    };
    assert!(backwards.check().is_err());
    let half = EvidenceDates {
        covers_from: Some(d(2027, 1, 1)),
        ..EvidenceDates::default()
    };
    assert!(half.check().is_err(), "one end of a period is refused");
    let expired_first = EvidenceDates {
        produced_on: Some(d(2027, 4, 2)),
        expires_on: Some(d(2027, 4, 1)),
        ..EvidenceDates::default()
    };
    assert!(expired_first.check().is_err());
    let implausible = EvidenceDates {
        produced_on: Some(d(1970, 1, 1)),
        ..EvidenceDates::default()
    };
    assert!(implausible.check().is_err());
}

#[test]
fn a_control_with_only_expired_files_reads_expired() {
    let dates = |e| EvidenceDates {
        expires_on: Some(e),
        ..EvidenceDates::default()
    };
    let today = d(2027, 6, 1);
    assert_eq!(freshness(&dates(d(2027, 5, 31)), today), Freshness::Expired);
    assert_eq!(freshness(&dates(today), today), Freshness::Current);
    assert_eq!(EvidenceStatus::of([]), EvidenceStatus::None);
    assert_eq!(
        EvidenceStatus::of([Freshness::Expired, Freshness::Expired]),
        EvidenceStatus::Expired
    );
    assert_eq!(
        EvidenceStatus::of([Freshness::Expired, Freshness::Current]),
        EvidenceStatus::OnFile
    );
}

#[test]
fn names_from_outside_never_become_paths() {
    assert_eq!(
        display_name("C:\\Users\\x\\report.pdf").as_deref(),
        Ok("report.pdf")
    );
    assert_eq!(display_name("../../etc/passwd").as_deref(), Ok("passwd"));
    assert!(display_name("a/..").is_err());
    assert!(display_name("  ").is_err());
    assert_eq!(display_name("a\u{0}b\nc.txt").as_deref(), Ok("abc.txt"));
    let long = format!("{}.pdf", "x".repeat(500));
    let kept = display_name(&long).expect("long");
    assert_eq!(kept.chars().count(), 200);
    assert!(kept.ends_with(".pdf"));

    let mut names = PackNames::new();
    assert_eq!(names.name(".."), "file");
    assert_eq!(names.name("/etc/passwd"), "_etc_passwd");
    assert_eq!(names.name("CON.txt"), "_CON.txt");
    assert_eq!(names.name("nul"), "_nul");
    assert_eq!(names.name("Report.pdf"), "Report.pdf");
    assert_eq!(
        names.name("report.pdf"),
        "report (2).pdf",
        "unique ignoring case"
    );
    assert_eq!(names.name("report.pdf"), "report (3).pdf");
    assert_eq!(names.name("株式会社 レビュー.pdf"), "株式会社 レビュー.pdf");
    assert_eq!(names.name("a:b*c?.png"), "a_b_c_.png");
    for n in ["..", ".", "a/../b", "C:\\x", "  .hidden  "] {
        let safe = PackNames::new().name(n);
        assert!(
            !safe.contains(['/', '\\', ':']) && !safe.starts_with('.'),
            "{n} -> {safe}"
        );
    }
}

#[test]
fn media_types_follow_the_extension() {
    assert_eq!(media_type("a.PDF"), "application/pdf");
    assert_eq!(media_type("scan.jpeg"), "image/jpeg");
    assert_eq!(media_type("noext"), "application/octet-stream");
}

#[test]
fn the_calendar_counts_cycles_covered_and_flags_too_few_and_old_evidence() {
    let review = |evidence| RecurringControl {
        question_id: "ACC-004".into(),
        question: "Are access rights reviewed?".into(),
        cadence: Cadence::Quarterly,
        owner: Some("Head of IT".into()),
        evidence,
    };
    let period = |from, to| EvidenceDates {
        covers_from: Some(from),
        covers_to: Some(to),
        ..EvidenceDates::default()
    };
    let (start, end) = (d(2027, 1, 1), d(2027, 6, 30));
    let rows = calendar(
        &[review(vec![
            period(d(2027, 1, 1), d(2027, 3, 31)),
            period(d(2026, 10, 1), d(2026, 12, 31)),
        ])],
        start,
        end,
    );
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!(
        row.runs.len(),
        2,
        "a quarterly review in six months runs twice"
    );
    assert_eq!(row.runs[0].from, start);
    assert_eq!(row.runs[1].due, end);
    assert!(row.runs[0].covered && !row.runs[1].covered);
    assert_eq!(
        (row.recorded, row.too_few, row.older_than_period),
        (1, true, 1)
    );

    let full = calendar(
        &[review(vec![
            period(d(2027, 1, 1), d(2027, 3, 31)),
            EvidenceDates {
                produced_on: Some(d(2027, 5, 15)),
                ..EvidenceDates::default()
            },
        ])],
        start,
        end,
    );
    assert!(!full[0].too_few);
    let continuous = RecurringControl {
        cadence: Cadence::Continuous,
        ..review(Vec::new())
    };
    assert!(calendar(&[continuous], start, end).is_empty());
    assert!(calendar(&[review(Vec::new())], end, start).is_empty());
}
