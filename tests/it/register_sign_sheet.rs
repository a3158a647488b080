//! A signed workshop sheet entered afterwards: one acknowledgement per ticked person and policy,
//! in the version in force, and every bad input refused with nothing written.

use crate::policies_store::sample_policy;
use crate::register::{date, today};
use crate::support::{workspace, TempWorkspace};
use trustgap_workspace::{ErrorCode, SignSheetResults};

const POLICY: &str = "access-control";

/// The sample with a roster: two current people, a leaver, a starter who has not started, and
/// the same policy approved in version 1 (version 2 still a draft).
struct Sheet {
    t: TempWorkspace,
    id: i64,
    client: i64,
}

impl Sheet {
    fn new(approved: bool) -> Sheet {
        let mut t = workspace();
        let a = t.ws.create_sample(today()).expect("sample");
        t.ws.import_roster(
            a.client_id,
            "r.csv",
            b"Name,Email,Start date,End date\n\
              Ann Reader,ann@example.com,2024-01-08,\n\
              Ben Signer,ben@example.com,,\n\
              Lea Leaver,lea@example.com,2023-02-01,2026-01-31\n\
              Sam Soon,sam@example.com,2026-09-01,\n",
            &[],
        )
        .expect("roster");
        if approved {
            t.store()
                .save_policy_record(a.id, &sample_policy(None, None))
                .expect("policy");
        }
        Sheet {
            t,
            id: a.id,
            client: a.client_id,
        }
    }

    fn person(&self, email: &str) -> i64 {
        self.t
            .ws
            .person_by_email(self.client, email)
            .expect(email)
            .id
    }

    fn results(&self, emails: &[&str], policies: &[&str]) -> SignSheetResults {
        SignSheetResults {
            person_ids: emails.iter().map(|e| self.person(e)).collect(),
            policy_ids: policies.iter().map(|p| (*p).to_owned()).collect(),
            signed_on: date(2026, 6, 10),
        }
    }

    fn acks(&self) -> usize {
        self.t.ws.acknowledgements(self.id).expect("acks").len()
    }

    /// Records `r`, expects a validation error, checks nothing was written; the message.
    fn refused(&mut self, r: &SignSheetResults) -> String {
        let before = self.acks();
        let err = self
            .t
            .ws
            .record_sign_sheet(self.id, r, today())
            .expect_err("refused");
        assert_eq!(err.code, ErrorCode::Validation, "{}", err.message);
        assert_eq!(self.acks(), before, "nothing is written: {}", err.message);
        err.message
    }
}

#[test]
fn a_signed_sheet_acknowledges_the_version_in_force_for_each_person() {
    let mut s = Sheet::new(true);
    let r = s.results(
        &["ann@example.com", "ben@example.com", "ann@example.com"],
        &[POLICY],
    );
    let done =
        s.t.ws
            .record_sign_sheet(s.id, &r, today())
            .expect("recorded");
    assert_eq!((done.people, done.policies, done.added), (2, 1, 2));
    let acks = s.t.ws.acknowledgements(s.id).expect("acks");
    let ann = s.person("ann@example.com");
    let mine: Vec<_> = acks.iter().filter(|a| a.person_id == ann).collect();
    assert_eq!(mine.len(), 1);
    assert_eq!((mine[0].policy_id.as_str(), mine[0].version), (POLICY, 1));
    assert_eq!(mine[0].acknowledged_on, date(2026, 6, 10));
    // The same sheet again adds nothing and keeps the first day.
    let mut later = r.clone();
    later.signed_on = date(2026, 6, 12);
    let again =
        s.t.ws
            .record_sign_sheet(s.id, &later, today())
            .expect("again");
    assert_eq!(again.added, 0);
    assert!(s
        .t
        .ws
        .acknowledgements(s.id)
        .expect("acks")
        .iter()
        .all(|a| a.acknowledged_on == date(2026, 6, 10)));
}

#[test]
fn a_sheet_is_refused_without_an_approved_policy() {
    let mut s = Sheet::new(false);
    let r = s.results(&["ann@example.com"], &[POLICY]);
    assert!(s.refused(&r).contains("No policy is approved"));
}

#[test]
fn a_sheet_with_a_bad_date_is_refused() {
    let mut s = Sheet::new(true);
    let mut r = s.results(&["ann@example.com"], &[POLICY]);
    r.signed_on = date(2026, 6, 16);
    assert!(s.refused(&r).contains("in the future"));
    r.signed_on = date(1999, 12, 31);
    assert!(s.refused(&r).contains("between the years"));
}

#[test]
fn one_bad_person_refuses_the_whole_sheet() {
    let mut s = Sheet::new(true);
    let leaver = s.refused(&s.results(&["ann@example.com", "lea@example.com"], &[POLICY]));
    assert!(
        leaver.contains("Lea Leaver") && leaver.contains("left"),
        "{leaver}"
    );
    let starter = s.refused(&s.results(&["sam@example.com", "ben@example.com"], &[POLICY]));
    assert!(starter.contains("Sam Soon"), "{starter}");
    for id in [0, -1, i64::MAX, i64::MIN, 987_654] {
        let mut r = s.results(&["ann@example.com"], &[POLICY]);
        r.person_ids.push(id);
        let m = s.refused(&r);
        assert!(m.contains("not in this client's register"), "{id}: {m}");
    }
    // Someone of another client is unknown here too.
    let other = s.t.ws.create_client("Other Ltd").expect("client");
    s.t.ws
        .import_roster(
            other.id,
            "o.csv",
            b"Name,Email\nOtto Other,otto@example.com\n",
            &[],
        )
        .expect("other roster");
    let otto =
        s.t.ws
            .person_by_email(other.id, "otto@example.com")
            .expect("otto")
            .id;
    let mut r = s.results(&["ann@example.com"], &[POLICY]);
    r.person_ids.push(otto);
    assert!(s.refused(&r).contains("not in this client's register"));
    assert!(s
        .refused(&s.results(&[], &[POLICY]))
        .contains("at least one person"));
}

#[test]
fn a_sheet_naming_a_policy_not_in_force_is_refused_and_the_name_is_cut_short() {
    let mut s = Sheet::new(true);
    let long = "x".repeat(10_000);
    for bad in [
        "",
        "ACCESS-CONTROL",
        "'; DROP TABLE policy_acknowledgements; --",
        "a\u{0}b",
        &long,
    ] {
        let m = s.refused(&s.results(&["ann@example.com"], &[POLICY, bad]));
        assert!(m.contains("not an approved policy"), "{m}");
        assert!(
            m.chars().count() < 200,
            "the message quotes at most a short piece"
        );
    }
    assert!(s
        .refused(&s.results(&["ann@example.com"], &[]))
        .contains("at least one policy"));
}

#[test]
fn a_sheet_for_an_unknown_assessment_is_not_found() {
    let mut s = Sheet::new(true);
    let r = s.results(&["ann@example.com"], &[POLICY]);
    let err =
        s.t.ws
            .record_sign_sheet(i64::MAX, &r, today())
            .expect_err("unknown");
    assert_eq!(err.code, ErrorCode::NotFound, "{}", err.message);
}
