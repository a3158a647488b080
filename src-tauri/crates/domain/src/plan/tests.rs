//! The plan on the fixture bank: gaps, merging, risk-based priority, owners, dependencies,
//! capacity, preparation tasks, Type II timing, edits and fit.

use super::*;
use crate::assessment::{Answer, Response, Scope};
use crate::catalog::fixture::fixture;
use crate::catalog::{Cadence, Catalog, CategoryId};
use crate::people::{ClientCalendar, Owner, Person};
use crate::scoring::Severity;
use chrono::NaiveDate;
use std::collections::BTreeMap;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// Monday 1 February 2027 (no closure for months).
fn today() -> NaiveDate {
    date(2027, 2, 1)
}

fn responses(answers: &[(&str, Answer)]) -> Vec<Response> {
    answers
        .iter()
        .map(|(id, a)| Response {
            question_id: (*id).into(),
            answer: Some(*a),
            note: format!("note {id}"),
            ..Response::default()
        })
        .collect()
}

fn type1(target: Option<NaiveDate>) -> AuditProfile {
    AuditProfile {
        audit_type: AuditType::Type1,
        target_date: target,
        observation_start: None,
    }
}

fn person(id: i64, name: &str, role: &str, share: u8) -> Person {
    Person {
        id,
        client_id: 1,
        name: name.into(),
        role: role.into(),
        email: String::new(),
        share,
        days_off: vec![],
        ..Default::default()
    }
}

const ALL_GAPS: [(&str, Answer); 4] = [
    ("AAA-001", Answer::NotImplemented),
    ("AAA-002", Answer::Partial),
    ("AAA-003", Answer::Unknown),
    ("PRV-001", Answer::NotImplemented),
];

struct Case {
    catalog: Catalog,
    responses: Vec<Response>,
    profile: AuditProfile,
    edits: BTreeMap<String, ActionEdit>,
    people: Vec<Person>,
    calendar: ClientCalendar,
}

impl Case {
    fn new(answers: &[(&str, Answer)]) -> Case {
        Case {
            catalog: fixture(),
            responses: responses(answers),
            profile: type1(Some(date(2028, 6, 30))),
            edits: BTreeMap::new(),
            people: vec![],
            calendar: ClientCalendar::default(),
        }
    }

    fn plan(&self) -> Plan {
        build(&PlanInput {
            catalog: &self.catalog,
            scope: &Scope::new(&CategoryId::ALL),
            responses: &self.responses,
            profile: &self.profile,
            edits: &self.edits,
            people: &self.people,
            calendar: &self.calendar,
            plan_date: today(),
            expired_evidence: &std::collections::HashSet::new(),
        })
    }
}

fn action<'a>(plan: &'a Plan, key: &str) -> &'a Action {
    plan.actions
        .iter()
        .find(|a| a.key == key)
        .unwrap_or_else(|| panic!("action {key}"))
}

#[test]
fn the_register_lists_answered_gaps_most_severe_first_with_their_findings() {
    let gaps = gap_register(
        &fixture(),
        &Scope::new(&CategoryId::ALL),
        &responses(&[
            ("AAA-001", Answer::Implemented),
            ("AAA-002", Answer::Partial),
            ("AAA-003", Answer::NotImplemented),
            ("PRV-001", Answer::NotApplicable),
        ]),
        &type1(None),
        &std::collections::HashSet::new(),
    );
    let ids: Vec<_> = gaps
        .iter()
        .map(|g| (g.question_id.as_str(), g.severity))
        .collect();
    assert_eq!(
        ids,
        vec![("AAA-003", Severity::Medium), ("AAA-002", Severity::Low)]
    );
    assert_eq!(gaps[0].note, "note AAA-003");
    assert_eq!(gaps[0].finding, "Finding AAA-003");
    assert_eq!(gaps[0].kind, GapKind::Answer);
}

#[test]
fn out_of_scope_and_unanswered_questions_are_not_gaps() {
    let gaps = gap_register(
        &fixture(),
        &Scope::new(&[]),
        &responses(&[("PRV-001", Answer::NotImplemented)]),
        &type1(None),
        &std::collections::HashSet::new(),
    );
    assert!(gaps.is_empty());
}

#[test]
fn priority_follows_risk_and_breadth_only_orders() {
    assert_eq!(priority(Severity::High, false), Priority::P1);
    assert_eq!(priority(Severity::Medium, true), Priority::P2);
    assert_eq!(priority(Severity::Medium, false), Priority::P3);
    assert_eq!(priority(Severity::Low, true), Priority::P4);
    let plan = Case::new(&ALL_GAPS).plan();
    assert_eq!(plan.actions.len(), 2);
    let fix = action(&plan, "fix");
    assert_eq!(fix.criteria, vec!["CC1.1", "CC1.2", "P1.1"]);
    assert_eq!(fix.severity, Severity::Medium);
    assert_eq!(fix.priority, Priority::P3, "three criteria do not raise it");
    assert_eq!(plan.actions[0].key, "big");
    assert_eq!(plan.actions[0].priority, Priority::P1);
}

#[test]
fn a_partial_key_control_is_high_and_p1() {
    let mut case = Case::new(&[("AAA-003", Answer::Partial)]);
    case.catalog.questions[2].key = true;
    let plan = case.plan();
    assert_eq!(plan.gaps[0].severity, Severity::High);
    assert_eq!(action(&plan, "fix").priority, Priority::P1);
}

#[test]
fn owners_come_from_the_answers_and_roles_resolve_to_the_people_holding_them() {
    let mut case = Case::new(&ALL_GAPS);
    case.people = vec![
        person(1, "Maya Chen", "CTO", 30),
        person(2, "Sam Ortiz", "Engineer", 40),
    ];
    for r in &mut case.responses {
        if r.question_id == "AAA-003" {
            r.owner = Some(Owner::Person { id: 2 });
        }
    }
    let plan = case.plan();
    let fix = action(&plan, "fix");
    assert_eq!(
        (fix.owner.clone(), fix.owner_name.as_str()),
        (Owner::Person { id: 2 }, "Sam Ortiz")
    );
    // "big" has the bank's role, CTO, held by Maya Chen.
    assert_eq!(action(&plan, "big").owner, Owner::Person { id: 1 });
    assert!(plan
        .actions
        .iter()
        .all(|a| !a.flags.contains(&ActionFlag::Unassigned)));
    // Nobody holds the role: it stays an unassigned role, said so everywhere.
    let plan = Case::new(&ALL_GAPS).plan();
    let big = action(&plan, "big");
    assert_eq!(big.owner, Owner::role("CTO"));
    assert_eq!(big.owner_name, "CTO — not yet named");
    assert!(big.flags.contains(&ActionFlag::Unassigned));
    assert!(plan.warnings.iter().any(|w| w.contains("nobody is named")));
}

#[test]
fn one_owner_works_on_one_share_and_dependencies_come_first() {
    let mut case = Case::new(&ALL_GAPS);
    case.people = vec![person(1, "Maya Chen", "CTO", 100)];
    let plan = case.plan();
    let (big, fix) = (action(&plan, "big"), action(&plan, "fix"));
    // Same person at full time: the P1 first, the rest after it.
    assert_eq!(big.start, today());
    assert!(fix.start > big.due, "{fix:?} {big:?}");
    // Different owners work in parallel, unless one waits on the other.
    let mut case = Case::new(&ALL_GAPS);
    case.people = vec![person(1, "Maya Chen", "CTO", 100)];
    case.edits.insert(
        "fix".into(),
        ActionEdit {
            owner: Some(Owner::role("Security lead")),
            ..ActionEdit::default()
        },
    );
    assert_eq!(action(&case.plan(), "fix").start, today());
    case.catalog.remediations[0].after = vec!["big".into()];
    let plan = case.plan();
    let (big, fix) = (action(&plan, "big"), action(&plan, "fix"));
    assert!(fix.start > big.due);
    assert_eq!(fix.depends_on, vec!["big"]);
}

#[test]
fn weekly_load_never_exceeds_the_share() {
    let mut case = Case::new(&ALL_GAPS);
    case.people = vec![person(1, "Maya Chen", "CTO", 20)];
    let plan = case.plan();
    let load = &plan.load[0];
    assert_eq!((load.name.as_str(), load.share), ("Maya Chen", 20));
    // 45 + 3 planning days at one day a week.
    assert!((load.total_days - 48.0).abs() < 0.01, "{}", load.total_days);
    for w in &load.weeks {
        assert!(w.days <= w.capacity + 1e-3, "{w:?}");
    }
}

#[test]
fn a_late_plan_names_the_bottleneck_and_what_would_make_it_fit() {
    let mut case = Case::new(&ALL_GAPS);
    case.people = vec![
        person(1, "Maya Chen", "CTO", 20),
        person(2, "Sam Ortiz", "Engineer", 50),
    ];
    case.profile = type1(Some(date(2027, 9, 30)));
    let plan = case.plan();
    let Fit::Late {
        deadline,
        late_days,
        bottleneck,
        remedies,
    } = &plan.fit
    else {
        panic!("{:?}", plan.fit)
    };
    assert_eq!(*deadline, date(2027, 9, 16));
    assert!(*late_days > 0);
    let b = bottleneck.as_ref().expect("bottleneck");
    assert_eq!((b.name.as_str(), b.share), ("Maya Chen", 20));
    assert!(b.needed_share > 20 && b.needed_share <= 100, "{b:?}");
    assert!(
        remedies
            .iter()
            .any(|r| r.contains("Maya Chen would need about")),
        "{remedies:?}"
    );
    assert!(
        remedies.iter().any(|r| r.contains("Sam Ortiz")),
        "{remedies:?}"
    );
    // Enough time: it fits, and says by how much.
    case.people[0].share = 100;
    assert!(matches!(case.plan().fit, Fit::Fits { .. }));
    case.profile = type1(None);
    assert_eq!(case.plan().fit, Fit::NoTargetDate);
}

#[test]
fn preparation_tasks_are_placed_backwards_from_the_audit() {
    let mut case = Case::new(&[]);
    case.profile = type1(Some(date(2027, 9, 30)));
    let plan = case.plan();
    let keys: Vec<&str> = plan.prep.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "prep-audit-firm",
            "prep-readiness-call",
            "prep-evidence-freeze"
        ]
    );
    // Twelve weeks before the audit (Thursday 8 July 2027), four weeks, then the deadline.
    assert_eq!(plan.prep[0].due, date(2027, 7, 8));
    assert_eq!(plan.prep[1].due, date(2027, 9, 2));
    assert_eq!(plan.prep[2].due, date(2027, 9, 16));
    assert!(plan.prep.iter().all(|p| p.start <= p.due && !p.late));
    assert!(matches!(plan.fit, Fit::Fits { .. }));
    // An audit too close to engage a firm in time: it does not fit, and says to start now.
    case.profile = type1(Some(date(2027, 3, 15)));
    let plan = case.plan();
    let Fit::Late { remedies, .. } = &plan.fit else {
        panic!("{:?}", plan.fit)
    };
    assert!(
        remedies.iter().any(|r| r.starts_with("Start now")),
        "{remedies:?}"
    );
}

#[test]
fn type_2_timing_flags_late_priorities_and_counts_runs() {
    let mut case = Case::new(&ALL_GAPS);
    case.people = vec![person(1, "Maya Chen", "CTO", 20)];
    case.catalog.remediations[1].runs = Some(Cadence::Quarterly);
    case.profile = AuditProfile {
        audit_type: AuditType::Type2,
        target_date: Some(date(2027, 12, 31)),
        observation_start: Some(date(2027, 7, 1)),
    };
    let plan = case.plan();
    assert_eq!(plan.deadline, Some(date(2027, 6, 30)));
    let big = action(&plan, "big");
    assert_eq!(big.runs, Some(Cadence::Quarterly));
    assert_eq!(big.runs_in_period, Some(2));
    // At one day a week, the 45-day XL job ends long after 1 July: a P1 past the start.
    assert!(big.due >= date(2027, 7, 1));
    assert!(big.flags.contains(&ActionFlag::AfterObservationStart));
    assert_eq!(
        plan.prep.last().map(|p| p.key.as_str()),
        Some("prep-controls-running")
    );
}

#[test]
fn a_control_started_after_the_observation_start_is_a_gap_of_its_own() {
    let mut case = Case::new(&[("AAA-001", Answer::Implemented)]);
    case.catalog.questions[0].runs = Some(Cadence::Quarterly);
    case.responses[0].since = Some(date(2027, 8, 1));
    case.profile = AuditProfile {
        audit_type: AuditType::Type2,
        target_date: Some(date(2027, 12, 31)),
        observation_start: Some(date(2027, 7, 1)),
    };
    let plan = case.plan();
    assert_eq!(plan.gaps.len(), 1);
    assert_eq!(plan.gaps[0].kind, GapKind::StartedTooLate);
    assert_eq!(
        plan.gaps[0].severity,
        Severity::High,
        "weight 5, as partial"
    );
    assert!(plan.gaps[0].finding.starts_with("Started too late"));
    // Started before the period: no gap.
    case.responses[0].since = Some(date(2027, 6, 1));
    assert!(case.plan().gaps.is_empty());
}

#[test]
fn edits_survive_rebuilds_and_closed_actions_are_retired() {
    let mut case = Case::new(&ALL_GAPS);
    case.people = vec![person(7, "Dana Park", "COO", 50)];
    case.edits.insert(
        "fix".into(),
        ActionEdit {
            owner: Some(Owner::Person { id: 7 }),
            start: Some(date(2027, 3, 1)),
            due: Some(date(2027, 3, 12)),
            status: Some(ActionStatus::InProgress),
            justification: String::new(),
            notes: "Draft in review".into(),
        },
    );
    case.edits.insert(
        "big".into(),
        ActionEdit {
            status: Some(ActionStatus::Done),
            notes: "Finished".into(),
            ..ActionEdit::default()
        },
    );
    case.responses[0].answer = Some(Answer::Implemented);
    let plan = case.plan();
    assert_eq!(plan.actions.len(), 1);
    let fix = &plan.actions[0];
    assert_eq!(fix.owner_name, "Dana Park");
    assert!(!fix.owner_is_default && !fix.dates_are_default);
    assert_eq!((fix.start, fix.due), (date(2027, 3, 1), date(2027, 3, 12)));
    assert_eq!(fix.status, ActionStatus::InProgress);
    assert_eq!(plan.retired.len(), 1);
    assert_eq!(plan.retired[0].key, "big");
}

#[test]
fn an_edited_due_date_is_kept_and_flagged_when_the_owner_cannot_make_it() {
    let mut case = Case::new(&ALL_GAPS);
    case.people = vec![person(1, "Maya Chen", "CTO", 20)];
    case.edits.insert(
        "big".into(),
        ActionEdit {
            due: Some(date(2027, 2, 12)),
            ..ActionEdit::default()
        },
    );
    let plan = case.plan();
    let big = action(&plan, "big");
    assert_eq!(big.due, date(2027, 2, 12));
    assert!(big.flags.contains(&ActionFlag::OverCapacity));
    assert!(plan
        .warnings
        .iter()
        .any(|w| w.contains("more of Maya Chen's time")));
}

#[test]
fn done_and_accepted_actions_do_not_make_a_plan_late() {
    let mut case = Case::new(&ALL_GAPS);
    case.people = vec![person(1, "Maya Chen", "CTO", 100)];
    case.profile = type1(Some(date(2027, 9, 30)));
    for key in ["big", "fix"] {
        case.edits.insert(
            key.into(),
            ActionEdit {
                status: Some(ActionStatus::RiskAccepted),
                justification: "Compensating control".into(),
                ..ActionEdit::default()
            },
        );
    }
    let plan = case.plan();
    assert!(matches!(plan.fit, Fit::Fits { .. }), "{:?}", plan.fit);
    assert!(plan
        .load
        .iter()
        .all(|l| l.owner != Owner::Person { id: 1 } || l.total_days < 7.0));
}

#[test]
fn the_profile_warns_about_a_past_date_and_a_short_period() {
    let past = profile_warnings(&type1(Some(date(2026, 5, 1))), today());
    assert!(past[0].contains("has passed"), "{past:?}");
    let short = AuditProfile {
        audit_type: AuditType::Type2,
        target_date: Some(date(2027, 8, 1)),
        observation_start: Some(date(2027, 7, 1)),
    };
    let w = profile_warnings(&short, today());
    assert!(w.iter().any(|x| x.contains("31 days is shorter")), "{w:?}");
    assert!(profile_warnings(&type1(Some(date(2027, 9, 1))), today()).is_empty());
}

#[test]
fn every_answer_combination_gives_a_consistent_plan() {
    let options = [
        None,
        Some(Answer::Implemented),
        Some(Answer::Partial),
        Some(Answer::NotImplemented),
        Some(Answer::NotApplicable),
        Some(Answer::Unknown),
    ];
    let ids = ["AAA-001", "AAA-002", "AAA-003", "PRV-001"];
    for n in 0..options.len().pow(4) {
        let mut rest = n;
        let mut answers = Vec::new();
        for id in ids {
            if let Some(a) = options[rest % options.len()] {
                answers.push((id, a));
            }
            rest /= options.len();
        }
        let case = Case::new(&answers);
        let plan = case.plan();
        assert_eq!(plan, case.plan(), "deterministic");
        for gap in &plan.gaps {
            let a = action(&plan, &gap.remediation);
            assert!(a.questions.contains(&gap.question_id));
            assert!(gap.criteria.iter().all(|c| a.criteria.contains(c)));
        }
        for a in &plan.actions {
            assert!(today() <= a.start && a.start <= a.due, "{a:?}");
        }
    }
}

#[test]
fn an_implemented_control_whose_evidence_all_expired_is_a_gap_of_its_own() {
    let responses = responses(&[
        ("AAA-001", Answer::Implemented),
        ("AAA-002", Answer::NotImplemented),
    ]);
    let expired: std::collections::HashSet<String> =
        ["AAA-001".to_owned(), "AAA-002".to_owned()].into();
    let gaps = gap_register(
        &fixture(),
        &Scope::new(&CategoryId::ALL),
        &responses,
        &type1(None),
        &expired,
    );
    let stale = gaps
        .iter()
        .find(|g| g.question_id == "AAA-001")
        .expect("the implemented control with expired evidence is a gap");
    assert_eq!(stale.kind, GapKind::EvidenceExpired);
    assert!(stale
        .finding
        .starts_with("The evidence on file has expired"));
    let missing = gaps
        .iter()
        .find(|g| g.question_id == "AAA-002")
        .expect("gap");
    assert_eq!(missing.kind, GapKind::Answer, "a real gap stays what it is");
    let none = gap_register(
        &fixture(),
        &Scope::new(&CategoryId::ALL),
        &responses,
        &type1(None),
        &std::collections::HashSet::new(),
    );
    assert!(none.iter().all(|g| g.question_id != "AAA-001"));
}
