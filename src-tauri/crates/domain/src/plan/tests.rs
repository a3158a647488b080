//! Gap register, merging, priorities, scheduling, edits and fit, on the fixture catalog.

use super::*;
use crate::assessment::Answer;
use crate::catalog::fixture::fixture;
use crate::catalog::{CategoryId, Effort};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// Monday 30 November 2026.
const TODAY: (i32, u32, u32) = (2026, 11, 30);

fn today() -> NaiveDate {
    date(TODAY.0, TODAY.1, TODAY.2)
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

fn all() -> Scope {
    Scope::new(&CategoryId::ALL)
}

fn plan_for(answers: &[(&str, Answer)], edits: &BTreeMap<String, ActionEdit>) -> Plan {
    build(
        &fixture(),
        &all(),
        &responses(answers),
        &type1(Some(date(2027, 6, 30))),
        edits,
        today(),
    )
}

const ALL_GAPS: [(&str, Answer); 4] = [
    ("AAA-001", Answer::NotImplemented),
    ("AAA-002", Answer::Partial),
    ("AAA-003", Answer::Unknown),
    ("PRV-001", Answer::NotImplemented),
];

#[test]
fn the_register_lists_answered_gaps_most_severe_first() {
    let gaps = gap_register(
        &fixture(),
        &all(),
        &responses(&[
            ("AAA-001", Answer::Implemented),
            ("AAA-002", Answer::Partial),
            ("AAA-003", Answer::NotImplemented),
            ("PRV-001", Answer::NotApplicable),
        ]),
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
    assert_eq!(gaps[0].criteria, vec!["CC1.2"]);
}

#[test]
fn out_of_scope_and_unanswered_questions_are_not_gaps() {
    let gaps = gap_register(
        &fixture(),
        &Scope::new(&[]),
        &responses(&[("PRV-001", Answer::NotImplemented)]),
    );
    assert!(gaps.is_empty());
}

#[test]
fn gaps_sharing_a_remediation_become_one_action_listing_every_criterion() {
    let plan = plan_for(&ALL_GAPS, &BTreeMap::new());
    assert_eq!(plan.gaps.len(), 4);
    assert_eq!(plan.actions.len(), 2);
    let fix = plan.actions.iter().find(|a| a.key == "fix").expect("fix");
    assert_eq!(fix.criteria, vec!["CC1.1", "CC1.2", "P1.1"]);
    assert_eq!(fix.questions.len(), 3);
    assert_eq!(fix.severity, Severity::Medium);
    assert_eq!(fix.priority, Priority::P2, "medium closing three criteria");
    assert_eq!(fix.owner, "CTO");
    assert!(fix.owner_is_default && fix.dates_are_default);
    assert_eq!(fix.evidence, "Proof fix");
    let big = &plan.actions[0];
    assert_eq!((big.key.as_str(), big.priority), ("big", Priority::P1));
}

#[test]
fn priorities_follow_severity_and_breadth() {
    assert_eq!(priority(Severity::High, 1), Priority::P1);
    assert_eq!(priority(Severity::Medium, 2), Priority::P2);
    assert_eq!(priority(Severity::Medium, 1), Priority::P3);
    assert_eq!(priority(Severity::Low, 3), Priority::P3);
    assert_eq!(priority(Severity::Low, 2), Priority::P4);
}

#[test]
fn long_lead_work_starts_on_the_plan_date_and_quick_wins_are_queued() {
    let plan = plan_for(&ALL_GAPS, &BTreeMap::new());
    let big = plan.actions.iter().find(|a| a.key == "big").expect("big");
    assert_eq!(big.effort, Effort::XL);
    assert_eq!(big.start, today());
    // 60 working days from Monday 30 Nov 2026 end on Friday 19 Feb 2027.
    assert_eq!(big.due, date(2027, 2, 19));
    assert_eq!(big.phase, Phase::Days31To90, "81 days out");
    let fix = plan.actions.iter().find(|a| a.key == "fix").expect("fix");
    assert_eq!((fix.start, fix.due), (today(), date(2026, 12, 4)));
    assert_eq!(fix.phase, Phase::First30Days);
    assert_eq!(
        plan.fit,
        Fit::Fits {
            deadline: date(2027, 6, 16),
            spare_days: 117
        }
    );
}

#[test]
fn a_plan_that_cannot_finish_before_the_audit_says_so() {
    let near = build(
        &fixture(),
        &all(),
        &responses(&ALL_GAPS),
        &type1(Some(date(2027, 1, 15))),
        &BTreeMap::new(),
        today(),
    );
    assert_eq!(
        near.fit,
        Fit::Late {
            deadline: date(2027, 1, 1),
            late_days: 49
        }
    );
    let none = build(
        &fixture(),
        &all(),
        &responses(&ALL_GAPS),
        &type1(None),
        &BTreeMap::new(),
        today(),
    );
    assert_eq!(none.fit, Fit::NoTargetDate);
}

#[test]
fn type_2_work_must_finish_before_the_observation_period() {
    let profile = AuditProfile {
        audit_type: AuditType::Type2,
        target_date: Some(date(2027, 12, 31)),
        observation_start: Some(date(2027, 3, 1)),
    };
    let plan = build(
        &fixture(),
        &all(),
        &responses(&ALL_GAPS),
        &profile,
        &BTreeMap::new(),
        today(),
    );
    // The XL action ends on 19 February; the period starts on 1 March.
    assert_eq!(
        plan.fit,
        Fit::Fits {
            deadline: date(2027, 2, 28),
            spare_days: 9
        }
    );
    let early = AuditProfile {
        observation_start: Some(date(2027, 2, 1)),
        ..profile
    };
    let plan = build(
        &fixture(),
        &all(),
        &responses(&ALL_GAPS),
        &early,
        &BTreeMap::new(),
        today(),
    );
    assert_eq!(
        plan.fit,
        Fit::Late {
            deadline: date(2027, 1, 31),
            late_days: 19
        }
    );
}

#[test]
fn edits_survive_rebuilds_and_closed_actions_are_retired() {
    let mut edits = BTreeMap::new();
    edits.insert(
        "fix".to_owned(),
        ActionEdit {
            owner: Some("Dana (CTO)".into()),
            start: Some(date(2027, 1, 4)),
            due: Some(date(2027, 1, 8)),
            status: Some(ActionStatus::InProgress),
            justification: String::new(),
            notes: "Draft in review".into(),
        },
    );
    edits.insert(
        "big".to_owned(),
        ActionEdit {
            status: Some(ActionStatus::Done),
            notes: "Finished".into(),
            ..ActionEdit::default()
        },
    );
    // AAA-001 is now implemented: the "big" action has no gap left.
    let mut answers = ALL_GAPS;
    answers[0].1 = Answer::Implemented;
    let plan = plan_for(&answers, &edits);
    assert_eq!(plan.actions.len(), 1);
    let fix = &plan.actions[0];
    assert_eq!(fix.owner, "Dana (CTO)");
    assert!(!fix.owner_is_default && !fix.dates_are_default);
    assert_eq!((fix.start, fix.due), (date(2027, 1, 4), date(2027, 1, 8)));
    assert_eq!(fix.status, ActionStatus::InProgress);
    assert_eq!(fix.notes, "Draft in review");
    assert_eq!(plan.retired.len(), 1);
    assert_eq!(plan.retired[0].key, "big");
    assert_eq!(plan.retired[0].status, ActionStatus::Done);
}

#[test]
fn done_and_accepted_actions_do_not_make_a_plan_late() {
    let mut edits = BTreeMap::new();
    edits.insert(
        "big".to_owned(),
        ActionEdit {
            status: Some(ActionStatus::RiskAccepted),
            justification: "Compensating control".into(),
            ..ActionEdit::default()
        },
    );
    let plan = build(
        &fixture(),
        &all(),
        &responses(&ALL_GAPS),
        &type1(Some(date(2027, 1, 15))),
        &edits,
        today(),
    );
    assert!(matches!(plan.fit, Fit::Fits { .. }), "{:?}", plan.fit);
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
    let catalog = fixture();
    for n in 0..options.len().pow(4) {
        let mut rest = n;
        let mut rs = Vec::new();
        for id in ids {
            if let Some(a) = options[rest % options.len()] {
                rs.push(Response {
                    question_id: id.into(),
                    answer: Some(a),
                    note: String::new(),
                    updated_at: String::new(),
                    ..Response::default()
                });
            }
            rest /= options.len();
        }
        let plan = build(
            &catalog,
            &all(),
            &rs,
            &type1(Some(date(2027, 6, 30))),
            &BTreeMap::new(),
            today(),
        );
        let first = build(
            &catalog,
            &all(),
            &rs,
            &type1(Some(date(2027, 6, 30))),
            &BTreeMap::new(),
            today(),
        );
        assert_eq!(plan, first, "deterministic");
        for gap in &plan.gaps {
            let action = plan
                .actions
                .iter()
                .find(|a| a.key == gap.remediation)
                .expect("every gap has an action");
            assert!(action.questions.contains(&gap.question_id));
            assert!(gap.criteria.iter().all(|c| action.criteria.contains(c)));
        }
        for a in &plan.actions {
            assert!(today() <= a.start && a.start <= a.due, "{a:?}");
            assert!(!a.questions.is_empty());
        }
        let mut keys: Vec<_> = plan.actions.iter().map(|a| &a.key).collect();
        keys.dedup();
        assert_eq!(keys.len(), plan.actions.len());
    }
}
