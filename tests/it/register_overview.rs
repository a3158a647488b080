//! The register's overview through the use case: no register, no suggestion; a register with
//! each kind of gap is counted by kind with no name in it, and its suggestions carry the counts
//! behind them; an answer taken from a suggestion is saved like any other, with its history.

use crate::register::{date, today};
use crate::support::workspace;
use trustgap_domain::assessment::Answer;
use trustgap_domain::plan::{AuditProfile, AuditType};
use trustgap_domain::register::{Audience, CourseInput, GapType};
use trustgap_workspace::{AssessmentSummary, NewAssessmentInput, SaveAnswerInput, Workspace};

/// A Type 1 assessment of a new client with no people yet.
fn new_client_assessment(ws: &mut Workspace, client: &str, name: &str) -> AssessmentSummary {
    ws.create_assessment(&NewAssessmentInput {
        new_client_name: Some(client.into()),
        scoping_yes: Vec::new(),
        client_id: 0,
        name: name.into(),
        scope: vec![],
        profile: AuditProfile {
            audit_type: AuditType::Type1,
            target_date: None,
            observation_start: None,
        },
        company: Default::default(),
    })
    .expect("assessment")
}

#[test]
fn a_client_without_a_register_gets_counts_of_zero_and_no_suggestion() {
    let mut t = workspace();
    let a = new_client_assessment(&mut t.ws, "Quiet Co", "Bare");
    let o = t.ws.register_overview(a.id, today()).expect("overview");
    assert_eq!((o.people, o.total_gaps), (0, 0));
    assert!(o.suggestions.is_empty());
    let kinds: Vec<GapType> = o.gaps.iter().map(|g| g.kind).collect();
    assert_eq!(kinds, GapType::ALL);
    assert!(o.gaps.iter().all(|g| g.count == 0));
    assert!(t.ws.register_overview(a.id + 100, today()).is_err());
}

#[test]
fn the_overview_counts_gaps_by_kind_and_suggests_answers_without_names() {
    let mut t = workspace();
    let a = new_client_assessment(&mut t.ws, "Register Co", "Q3");
    // A new hire 40 days in and untrained, a veteran trained two months ago, a leaver with no
    // removal recorded and one removed on their last day.
    let roster = "Name,Email,Start date,End date,Access removed\n\
                  Nia New,nia@example.com,2026-05-06,,\n\
                  Vic Veteran,vic@example.com,2023-01-09,,\n\
                  Lou Leaver,lou@example.com,2022-03-01,2026-06-01,\n\
                  Rae Removed,rae@example.com,2022-03-01,2026-05-01,2026-05-01\n";
    t.ws.import_roster(a.client_id, "r.csv", roster.as_bytes(), &[])
        .expect("roster");
    let course =
        t.ws.add_course(
            a.client_id,
            &CourseInput {
                name: "Security awareness".into(),
                within_days: Some(30),
                every_months: Some(12),
                audience: Audience::Everyone,
            },
        )
        .expect("course");
    let vic =
        t.ws.person_by_email(a.client_id, "vic@example.com")
            .expect("vic");
    t.ws.record_completion(vic.id, course.id, date(2023, 1, 20), "", today())
        .expect("first");
    t.ws.record_completion(vic.id, course.id, date(2026, 4, 15), "", today())
        .expect("refresh");

    let o = t.ws.register_overview(a.id, today()).expect("overview");
    assert_eq!((o.people, o.leavers, o.courses), (4, 2, 1));
    assert_eq!(o.policies_in_force, 0);
    let count = |k: GapType| o.gaps.iter().find(|g| g.kind == k).expect("kind").count;
    assert_eq!(count(GapType::NotTrainedInTime), 1);
    assert_eq!(count(GapType::RefreshOverdue), 0);
    assert_eq!(count(GapType::AccessRemovalMissing), 1);
    assert_eq!(o.total_gaps, 2);

    let suggested = |id: &str| {
        o.suggestions
            .iter()
            .find(|s| s.question_id == id)
            .map(|s| (s.answer, s.evidence.clone()))
    };
    let (answer, evidence) = suggested("GOV-009").expect("joiners");
    assert_eq!(answer, Answer::Partial);
    assert!(
        evidence.starts_with("1 of 2 people on staff took Security awareness"),
        "{evidence}"
    );
    assert_eq!(suggested("HRS-007").map(|s| s.0), Some(Answer::Partial));
    assert_eq!(suggested("ACC-007").map(|s| s.0), Some(Answer::Partial));
    // No approved policy: nothing anyone could acknowledge yet.
    assert_eq!(suggested("COM-010"), None);
    let json = serde_json::to_string(&o).expect("json");
    for name in ["Nia", "Vic", "Lou", "Rae", "example.com"] {
        assert!(!json.contains(name), "{name} in {json}");
    }

    // The assessor takes the suggestion: an ordinary save, recorded in the history.
    t.ws.save_answer(&SaveAnswerInput {
        assessment_id: a.id,
        question_id: "GOV-009".into(),
        answer: Some(answer),
        note: String::new(),
        ..SaveAnswerInput::default()
    })
    .expect("saved");
    let history = t.ws.question_history(a.id, "GOV-009").expect("history");
    assert_eq!(history.last().and_then(|h| h.answer), Some(Answer::Partial));
}
