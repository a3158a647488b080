use super::*;
use crate::limits::MAX_SECTION_CHARS;

const AT: &str = "2026-12-05T10:00:00Z";

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

fn frozen(text: &str) -> Vec<FrozenSection> {
    vec![FrozenSection {
        id: "s".into(),
        title: "S".into(),
        criteria: vec!["CC6.1".into()],
        text: text.into(),
        stated_facts: vec!["mfa-enforced".into()],
    }]
}

fn change(to: PolicyStatus) -> StatusChange<'static> {
    StatusChange {
        to,
        approver: Some("Priya Nair"),
        approved_on: Some(d(2026, 12, 1)),
        note: " ok ",
        author: "Ana",
        at: AT,
        today: d(2026, 12, 5),
        review_months: 12,
        frozen: frozen("Approved text."),
    }
}

fn approved() -> PolicyRecord {
    let mut r = PolicyRecord::new("access-control");
    set_status(&mut r, change(PolicyStatus::Approved)).expect("a draft is approved");
    r
}

#[test]
fn approving_freezes_the_text_and_sets_the_review_date() {
    let r = approved();
    assert_eq!(r.status, PolicyStatus::Approved);
    assert_eq!(
        (r.version, r.approved_on, r.next_review),
        (1, Some(d(2026, 12, 1)), Some(d(2027, 12, 1)))
    );
    let row = &r.revisions[0];
    assert_eq!(
        (row.status, row.approver.as_str(), row.note.as_str()),
        (PolicyStatus::Approved, "Priya Nair", "ok")
    );
    assert_eq!(row.sections, Some(frozen("Approved text.")));
}

#[test]
fn approval_needs_an_approver_and_a_date_not_in_the_future() {
    let mut r = PolicyRecord::new("p");
    let no_approver = StatusChange {
        approver: None,
        ..change(PolicyStatus::Approved)
    };
    let e = set_status(&mut r, no_approver).expect_err("no approver");
    assert!(e.to_string().contains("approves"), "{e}");
    let future = StatusChange {
        approved_on: Some(d(2026, 12, 6)),
        ..change(PolicyStatus::Approved)
    };
    let e = set_status(&mut r, future).expect_err("future");
    assert!(e.to_string().contains("in the future"), "{e}");
    let none = StatusChange {
        approved_on: None,
        ..change(PolicyStatus::Approved)
    };
    assert!(set_status(&mut r, none).is_err());
    let ancient = StatusChange {
        approved_on: Some(d(1999, 1, 1)),
        ..change(PolicyStatus::Approved)
    };
    assert!(set_status(&mut r, ancient).is_err());
    let long = "x".repeat(crate::limits::MAX_NOTE_CHARS + 1);
    let too_long = StatusChange {
        note: &long,
        ..change(PolicyStatus::InReview)
    };
    assert!(set_status(&mut r, too_long).is_err());
    assert_eq!(
        r,
        PolicyRecord::new("p"),
        "a refused change changes nothing"
    );
}

#[test]
fn transitions_follow_the_lifecycle_and_refuse_the_rest() {
    use PolicyStatus::*;
    let mut r = PolicyRecord::new("p");
    set_status(&mut r, change(InReview)).expect("draft to review");
    set_status(&mut r, change(Draft)).expect("back to draft");
    assert_eq!((r.version, r.revisions.len()), (1, 2));
    let e = set_status(&mut r, change(Retired)).expect_err("a draft is not retired");
    assert!(e.to_string().contains("from draft to retired"), "{e}");
    assert!(set_status(&mut r, change(Draft))
        .expect_err("same")
        .to_string()
        .contains("already draft"));

    let mut a = approved();
    assert!(set_status(&mut a, change(InReview)).is_err());
    set_status(&mut a, change(Retired)).expect("approved to retired");
    assert_eq!((a.status, a.version, a.next_review), (Retired, 1, None));
    assert!(
        set_status(&mut a, change(Approved)).is_err(),
        "retired is reopened first"
    );
    set_status(&mut a, change(Draft)).expect("retired to draft");
    assert_eq!((a.status, a.version, a.approved_on), (Draft, 2, None));
    assert_eq!(a.revisions.len(), 3);
    assert!(
        a.revisions[0].version == 2 && a.revisions[2].status == Approved,
        "newest first"
    );

    let mut b = approved();
    set_status(&mut b, change(Draft)).expect("approved reopened");
    assert_eq!((b.status, b.version), (Draft, 2));
}

#[test]
fn an_edit_on_an_approved_policy_starts_a_new_draft_version() {
    let mut r = approved();
    edit_section(&mut r, "s", "  Mine.\r\n", "Generated.", "Ana", AT).expect("edited");
    assert_eq!(
        (r.status, r.version, r.approved_on, r.next_review),
        (PolicyStatus::Draft, 2, None, None)
    );
    assert_eq!(r.edits[0].text, "Mine.");
    assert_eq!(r.edits[0].base, "Generated.");
    assert!(
        r.revisions
            .iter()
            .any(|x| x.sections.is_some() && x.version == 1),
        "the approved version stays"
    );
    edit_section(&mut r, "s", "Again.", "Generated.", "Ana", AT).expect("edited again");
    assert_eq!(
        (r.version, r.edits.len(), r.edits[0].text.as_str()),
        (2, 1, "Again.")
    );
}

#[test]
fn edits_are_checked_reverted_and_accepted() {
    let mut r = PolicyRecord::new("p");
    assert!(
        edit_section(&mut r, "s", " \n ", "g", "Ana", AT).is_err(),
        "empty"
    );
    let long = "é".repeat(MAX_SECTION_CHARS + 1);
    assert!(
        edit_section(&mut r, "s", &long, "g", "Ana", AT).is_err(),
        "too long"
    );
    assert!(
        edit_section(&mut r, "s", "a\u{7}b", "g", "Ana", AT).is_err(),
        "control"
    );
    assert!(
        revert_section(&mut r, "s", "Ana", AT).is_err(),
        "nothing to revert"
    );
    assert!(
        accept_template(&mut r, "s", "g").is_err(),
        "nothing to keep"
    );
    edit_section(&mut r, "s", "Mine", "old", "Ana", AT).expect("edit");
    accept_template(&mut r, "s", "new").expect("accept");
    assert_eq!(
        (r.edits[0].text.as_str(), r.edits[0].base.as_str()),
        ("Mine", "new")
    );
    revert_section(&mut r, "s", "Ana", AT).expect("revert");
    assert!(r.edits.is_empty() && r.version == 1 && r.revisions.is_empty());
    let mut a = approved();
    edit_section(&mut a, "s", "Mine", "g", "Ana", AT).expect("edit");
    set_status(
        &mut a,
        StatusChange {
            frozen: frozen("Mine"),
            ..change(PolicyStatus::Approved)
        },
    )
    .expect("approve v2");
    revert_section(&mut a, "s", "Ana", AT).expect("revert after approval");
    assert_eq!((a.status, a.version), (PolicyStatus::Draft, 3));
}
