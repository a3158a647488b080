//! The brief's sentences against hand-made data: each says what the data says.

use super::sentences::*;
use chrono::NaiveDate;
use trustgap_domain::assessment::Answer;
use trustgap_domain::catalog::{CategoryId, Effort};
use trustgap_domain::costs::{CostAssumptions, CostLine};
use trustgap_domain::people::Owner;
use trustgap_domain::plan::{
    Action, ActionFlag, ActionStatus, Bottleneck, Fit, Gap, GapKind, Phase, Priority,
};
use trustgap_domain::scoring::{Band, CategoryScore, Scorecard, Severity, Tally};

fn tally(score: f64, high: u32) -> Tally {
    let mut t = Tally::default();
    t.score = Some(score);
    t.high_gaps = high;
    t
}

fn card(cats: &[(CategoryId, &str, f64, u32)]) -> Scorecard {
    Scorecard {
        overall: tally(60.0, cats.iter().map(|c| c.3).sum()),
        band: Band::SignificantGaps,
        high_gaps: cats.iter().map(|c| c.3).sum(),
        late_controls: 0,
        categories: cats
            .iter()
            .map(|(id, name, score, high)| CategoryScore {
                category: *id,
                name: (*name).to_owned(),
                tally: tally(*score, *high),
            })
            .collect(),
        groups: Vec::new(),
        criteria: Vec::new(),
    }
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

fn gap(id: &str, severity: Severity, weight: u8, remediation: &str) -> Gap {
    Gap {
        question_id: id.into(),
        criteria: vec!["CC6.1".into()],
        question: format!("Question {id}"),
        finding: format!("Finding {id}"),
        answer: Answer::NotImplemented,
        kind: GapKind::Answer,
        severity,
        weight,
        key: false,
        note: String::new(),
        remediation: remediation.into(),
        owner: None,
    }
}

fn action(key: &str, questions: &[&str], priority: Priority, days: f32) -> Action {
    Action {
        key: key.into(),
        title: format!("Do {key}"),
        description: String::new(),
        criteria: Vec::new(),
        questions: questions.iter().map(|q| (*q).to_owned()).collect(),
        findings: Vec::new(),
        severity: Severity::High,
        priority,
        effort: Effort::S,
        effort_days: days,
        lead_weeks: None,
        depends_on: Vec::new(),
        owner: Owner::role("Security lead"),
        owner_name: "Security lead (not yet named)".into(),
        owner_is_default: true,
        start: d(2027, 1, 4),
        due: d(2027, 2, 1),
        dates_are_default: true,
        phase: Phase::First30Days,
        status: ActionStatus::NotStarted,
        justification: String::new(),
        notes: String::new(),
        evidence: String::new(),
        runs: None,
        runs_in_period: None,
        flags: Vec::new(),
    }
}

#[test]
fn the_weakest_category_is_where_the_high_severity_gaps_are() {
    // Confidentiality scores lowest, but every high gap is in Security.
    let c = card(&[
        (CategoryId::Security, "Security", 55.0, 4),
        (CategoryId::Availability, "Availability", 80.0, 0),
        (CategoryId::Confidentiality, "Confidentiality", 40.0, 0),
    ]);
    assert_eq!(
        weakest_category(&c).map(|x| x.name.as_str()),
        Some("Security")
    );
    let s = strength_sentence(&c).expect("sentence");
    assert!(
        s.contains("Weakest: Security at 55%, with all 4 high-severity gaps"),
        "{s}"
    );
    assert!(s.starts_with("Strongest: Availability at 80%."), "{s}");
    assert!(!s.contains("Confidentiality"), "{s}");

    // Without any high gap, the lowest score is the weakest.
    let c = card(&[
        (CategoryId::Security, "Security", 55.0, 0),
        (CategoryId::Confidentiality, "Confidentiality", 40.0, 0),
    ]);
    let s = strength_sentence(&c).expect("sentence");
    assert!(
        s.contains("Weakest: Confidentiality at 40%; no high-severity gap"),
        "{s}"
    );

    // High gaps split: the one holding most is named, with its share.
    let c = card(&[
        (CategoryId::Security, "Security", 55.0, 3),
        (CategoryId::Privacy, "Privacy", 50.0, 1),
    ]);
    let s = strength_sentence(&c).expect("sentence");
    assert!(
        s.contains("Security at 55%, with 3 of the 4 high-severity gaps"),
        "{s}"
    );
}

#[test]
fn the_date_answer_follows_the_fit() {
    let fits = Fit::Fits {
        deadline: d(2027, 6, 1),
        spare_days: 12,
    };
    let s = date_sentence(&fits, 5);
    assert!(
        s.starts_with("Yes: the 5 open actions end 12 days before"),
        "{s}"
    );
    assert!(s.contains("1 June 2027"), "{s}");
    let late = Fit::Late {
        deadline: d(2027, 6, 1),
        late_days: 30,
        bottleneck: Some(Bottleneck {
            owner: Owner::role("CTO"),
            name: "Dana".into(),
            share: 20,
            needed_share: 35,
        }),
        remedies: Vec::new(),
    };
    let s = date_sentence(&late, 5);
    assert!(
        s.starts_with("No: at today's capacity the plan ends 30 days after"),
        "{s}"
    );
    assert!(
        s.contains("Dana is the bottleneck: 20% of their time is planned, 35%"),
        "{s}"
    );
    assert!(date_sentence(&Fit::NoTargetDate, 3).starts_with("No audit date is set"));
    // The decisions ask for the date or the time the bottleneck needs.
    let asks = decisions(&late, &[], None);
    assert!(asks[0].contains("give Dana 35% of their time"), "{asks:?}");
    assert!(decisions(&Fit::NoTargetDate, &[], None)[0].starts_with("Set a target audit date"));
    assert!(decisions(&fits, &[], None).is_empty());
}

#[test]
fn the_top_findings_never_repeat_an_action_and_go_most_severe_first() {
    let gaps = vec![
        gap("q1", Severity::Medium, 3, "r-log"),
        gap("q2", Severity::High, 2, "r-mfa"),
        gap("q3", Severity::High, 3, "r-mfa"),
        gap("q4", Severity::High, 1, "r-backup"),
        gap("q5", Severity::Low, 3, "r-policy"),
    ];
    let actions = vec![
        action("r-mfa", &["q2", "q3"], Priority::P1, 5.0),
        action("r-backup", &["q4"], Priority::P1, 3.0),
        action("r-log", &["q1"], Priority::P2, 2.0),
        action("r-policy", &["q5"], Priority::P3, 1.0),
    ];
    let top = top_findings(&gaps, &actions, 3);
    let statements: Vec<&str> = top.iter().map(|t| t.statement.as_str()).collect();
    assert_eq!(statements, vec!["Finding q3", "Finding q4", "Finding q1"]);
    let mut fixes: Vec<&str> = top.iter().map(|t| t.action.as_str()).collect();
    fixes.dedup();
    assert_eq!(fixes.len(), 3, "{fixes:?}");
    assert_eq!(top_findings(&gaps[..1], &actions, 3).len(), 1);
}

#[test]
fn effort_is_priced_only_when_costs_are_given() {
    let a = action("a", &[], Priority::P1, 10.5);
    let b = action("b", &[], Priority::P2, 4.0);
    let days = effort_days(&[&a, &b]);
    assert!((days - 14.5).abs() < 1e-6);
    let none = effort_sentence(days, None);
    assert!(none.contains("about 15 person-days"), "{none}");
    assert!(none.contains("No cost assumptions are recorded"), "{none}");
    assert!(!none.contains("EUR"));
    let costs = CostAssumptions {
        currency: "EUR".into(),
        day_rate: Some(800),
        lines: vec![
            CostLine {
                label: "Penetration test".into(),
                low: 8_000,
                high: 12_000,
            },
            CostLine {
                label: "Audit fee".into(),
                low: 20_000,
                high: 20_000,
            },
        ],
    };
    let s = effort_sentence(days, Some(&costs));
    assert!(s.contains("At EUR 800 a day, that is EUR 12,000."), "{s}");
    assert!(s.contains("add EUR 28,000 to 32,000"), "{s}");
    assert!(s.contains("In total: EUR 40,000 to 44,000."), "{s}");
    let asks = decisions(
        &Fit::Fits {
            deadline: d(2027, 6, 1),
            spare_days: 3,
        },
        &[],
        Some(&costs),
    );
    assert_eq!(
        asks,
        vec!["Approve the external budget of EUR 28,000 to 32,000."]
    );
    assert_eq!(money(1_234_567), "1,234,567");
    assert_eq!(money(999), "999");
}

#[test]
fn decisions_name_unassigned_owners_and_accepted_risks_once() {
    let mut a = action("a", &[], Priority::P1, 1.0);
    a.flags = vec![ActionFlag::Unassigned];
    let b = a.clone();
    let mut c = action("c", &[], Priority::P1, 1.0);
    c.status = ActionStatus::RiskAccepted;
    let fits = Fit::Fits {
        deadline: d(2027, 6, 1),
        spare_days: 3,
    };
    let asks = decisions(&fits, &[a, b, c], None);
    assert_eq!(asks.len(), 2, "{asks:?}");
    assert_eq!(
        asks[0],
        "Name someone for the Security lead role: its actions have no one to do them."
    );
    assert_eq!(
        asks[1],
        "Confirm the 1 accepted risk instead of fixing: Do c."
    );
}

#[test]
fn assumptions_state_capacity_work_days_and_lead_times() {
    use trustgap_domain::plan::PersonLoad;
    let load = |name: &str, share: u8, assumed: bool, days: f32| PersonLoad {
        owner: Owner::role(name),
        name: name.into(),
        share,
        assumed,
        total_days: days,
        weeks: Vec::new(),
    };
    let people = [
        load("Dana", 20, false, 10.0),
        load("Sam", 40, false, 3.0),
        load("Idle", 90, false, 0.0),
        load("Finance lead", 20, true, 2.0),
    ];
    let mut waits = action("w", &[], Priority::P1, 1.0);
    waits.lead_weeks = Some(6);
    let other = action("o", &[], Priority::P1, 1.0);
    let s = assumptions(&people, &[&waits, &other]);
    assert_eq!(
        s,
        vec![
            "Capacity: 2 people with 20% to 40% of their time for compliance work; 1 role nobody \
             holds yet, assumed at 20%.",
            "Work days: Monday to Friday, less closures and days off.",
            "Lead times: 1 action waits on outside parties, the longest 6 weeks.",
        ]
    );
}
