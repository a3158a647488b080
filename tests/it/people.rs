//! A client's people and calendar through the workspace: validation, owners that follow a
//! rename and fall back to their role, the client created with its first assessment or not at
//! all, and a due date alone before the start refused.

use crate::support::workspace;
use chrono::NaiveDate;
use trustgap_domain::assessment::Answer;
use trustgap_domain::people::{ClientCalendar, DateRange, Owner, PersonInput};
use trustgap_domain::plan::{ActionEdit, AuditProfile, AuditType};
use trustgap_workspace::error::ErrorCode;
use trustgap_workspace::{NewAssessmentInput, SaveAnswerInput, UpdateActionInput, Workspace};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn person(name: &str, role: &str, share: u8) -> PersonInput {
    PersonInput {
        name: name.into(),
        role: role.into(),
        email: String::new(),
        share,
        days_off: Vec::new(),
        ..Default::default()
    }
}

fn input(client_id: i64, new_client: Option<&str>, name: &str) -> NewAssessmentInput {
    NewAssessmentInput {
        client_id,
        new_client_name: new_client.map(str::to_owned),
        scoping_yes: Vec::new(),
        name: name.into(),
        scope: vec![],
        profile: AuditProfile {
            audit_type: AuditType::Type1,
            target_date: Some(date(2027, 9, 30)),
            observation_start: None,
        },
        company: Default::default(),
    }
}

fn answer(ws: &mut Workspace, id: i64, q: &str, owner: Option<Owner>) -> Result<(), ErrorCode> {
    ws.save_answer(&SaveAnswerInput {
        assessment_id: id,
        question_id: q.into(),
        answer: Some(Answer::NotImplemented),
        note: String::new(),
        flagged: false,
        owner,
        evidence: Vec::new(),
        since: None,
        cadence: None,
        verified: false,
    })
    .map(|_| ())
    .map_err(|e| e.code)
}

#[test]
fn people_are_validated_and_owners_follow_a_rename_and_fall_back_to_the_role() {
    let mut t = workspace();
    let ws = &mut t.ws;
    let a = ws
        .create_assessment(&input(0, Some("Northwind"), "A"))
        .expect("assessment");
    let client = a.client_id;
    for (bad, why) in [
        (person("", "CTO", 20), "an empty name"),
        (
            person(&"n".repeat(121), "CTO", 20),
            "a name over 120 characters",
        ),
        (person("Maya", "CTO", 0), "a share of 0%"),
        (person("Maya", "CTO", 101), "a share over 100%"),
        (
            PersonInput {
                days_off: vec![DateRange {
                    from: date(2027, 8, 13),
                    to: date(2027, 8, 2),
                }],
                ..person("Maya", "CTO", 20)
            },
            "days off that end before they start",
        ),
    ] {
        let err = ws.add_person(client, &bad).expect_err(why);
        assert_eq!(err.code, ErrorCode::Validation, "{why}: {}", err.message);
    }
    assert!(
        ws.people(client).expect("people").is_empty(),
        "nothing half-saved"
    );
    assert_eq!(
        ws.add_person(9999, &person("Maya", "CTO", 20))
            .expect_err("no such client")
            .code,
        ErrorCode::NotFound
    );

    let maya = ws
        .add_person(client, &person("Maya Chen", "CTO", 40))
        .expect("add");
    answer(ws, a.id, "ACC-002", Some(Owner::Person { id: maya.id })).expect("owned answer");
    let today = date(2026, 12, 1);
    let owner_of = |ws: &Workspace| {
        ws.plan(a.id, today)
            .expect("plan")
            .actions
            .into_iter()
            .find(|x| x.key == "mfa-everywhere")
            .expect("the MFA action")
    };
    let action = owner_of(ws);
    assert_eq!(
        action.owner,
        Owner::Person { id: maya.id },
        "the question's owner carries"
    );
    assert_eq!(action.owner_name, "Maya Chen");

    ws.update_person(maya.id, &person("Maya Chen-Okafor", "CTO", 40))
        .expect("rename");
    assert_eq!(
        owner_of(ws).owner_name,
        "Maya Chen-Okafor",
        "a rename reaches the plan"
    );

    ws.remove_person(maya.id).expect("remove");
    let detail = ws.detail(a.id).expect("detail");
    let r = detail
        .responses
        .iter()
        .find(|r| r.question_id == "ACC-002")
        .expect("answer kept");
    assert_eq!(r.owner, Some(Owner::Role { role: "CTO".into() }));
    let action = owner_of(ws);
    assert!(
        action.owner_name.contains("not yet named"),
        "{}",
        action.owner_name
    );
}

#[test]
fn an_owner_from_another_client_is_refused() {
    let mut t = workspace();
    let ws = &mut t.ws;
    let a = ws
        .create_assessment(&input(0, Some("Northwind"), "A"))
        .expect("a");
    let b = ws
        .create_assessment(&input(0, Some("Contoso"), "B"))
        .expect("b");
    let stranger = ws
        .add_person(b.client_id, &person("Sam", "CTO", 20))
        .expect("add");
    assert_eq!(
        answer(ws, a.id, "ACC-002", Some(Owner::Person { id: stranger.id })),
        Err(ErrorCode::Validation)
    );
    let edit = ActionEdit {
        owner: Some(Owner::Person { id: stranger.id }),
        ..ActionEdit::default()
    };
    answer(ws, a.id, "ACC-002", None).expect("a gap");
    let err = ws
        .update_action(
            &UpdateActionInput {
                assessment_id: a.id,
                key: "mfa-everywhere".into(),
                edit,
            },
            date(2026, 12, 1),
        )
        .expect_err("another client's person");
    assert_eq!(err.code, ErrorCode::Validation, "{}", err.message);
}

#[test]
fn the_calendar_round_trips_and_refuses_backwards_closures() {
    let mut t = workspace();
    let ws = &mut t.ws;
    let client = ws.create_client("Northwind").expect("client");
    let default = ws.client_calendar(client.id).expect("calendar");
    assert!(
        default.year_end_break,
        "the year-end week is closed by default"
    );
    assert!(default.closures.is_empty());
    let offsite = ClientCalendar {
        year_end_break: false,
        closures: vec![DateRange {
            from: date(2027, 3, 1),
            to: date(2027, 3, 5),
        }],
    };
    ws.set_client_calendar(client.id, &offsite).expect("set");
    assert_eq!(ws.client_calendar(client.id).expect("read"), offsite);
    let backwards = ClientCalendar {
        year_end_break: true,
        closures: vec![DateRange {
            from: date(2027, 3, 5),
            to: date(2027, 3, 1),
        }],
    };
    let err = ws
        .set_client_calendar(client.id, &backwards)
        .expect_err("backwards");
    assert_eq!(err.code, ErrorCode::Validation);
    assert_eq!(
        ws.client_calendar(client.id).expect("read"),
        offsite,
        "unchanged"
    );
}

#[test]
fn a_new_client_is_created_with_its_assessment_or_not_at_all() {
    let mut t = workspace();
    let ws = &mut t.ws;
    let refused = [
        input(0, Some("Northwind"), ""),
        input(0, Some(""), "A"),
        input(0, Some(&"c".repeat(121)), "A"),
        NewAssessmentInput {
            profile: AuditProfile {
                audit_type: AuditType::Type2,
                target_date: Some(date(2027, 1, 1)),
                observation_start: Some(date(2027, 6, 1)),
            },
            ..input(0, Some("Northwind"), "A")
        },
    ];
    for bad in &refused {
        assert!(ws.create_assessment(bad).is_err(), "{bad:?}");
        let overview = ws.overview().expect("overview");
        assert!(
            overview.clients.is_empty(),
            "a client was left behind: {bad:?}"
        );
        assert!(overview.assessments.is_empty());
    }
    let made = ws
        .create_assessment(&input(0, Some("Northwind"), "A"))
        .expect("both");
    let overview = ws.overview().expect("overview");
    assert_eq!(overview.clients.len(), 1);
    assert_eq!(overview.clients[0].id, made.client_id);
    assert_eq!(overview.clients[0].name, "Northwind");
}

#[test]
fn a_due_date_alone_before_the_start_is_refused_not_replaced() {
    let mut t = workspace();
    let ws = &mut t.ws;
    let a = ws
        .create_assessment(&input(0, Some("Northwind"), "A"))
        .expect("assessment");
    answer(ws, a.id, "ACC-002", None).expect("a gap");
    let today = date(2026, 12, 1);
    let before = ws.plan(a.id, today).expect("plan");
    let action = before
        .actions
        .iter()
        .find(|x| x.key == "mfa-everywhere")
        .expect("action")
        .clone();
    let early = action.start.pred_opt().expect("a day earlier");
    let err = ws
        .update_action(
            &UpdateActionInput {
                assessment_id: a.id,
                key: action.key.clone(),
                edit: ActionEdit {
                    due: Some(early),
                    ..ActionEdit::default()
                },
            },
            today,
        )
        .expect_err("a due date before the start");
    assert_eq!(err.code, ErrorCode::Validation);
    assert!(
        err.message.contains("before the action's start"),
        "{}",
        err.message
    );
    let after = ws.plan(a.id, today).expect("plan");
    let same = after
        .actions
        .iter()
        .find(|x| x.key == "mfa-everywhere")
        .expect("action");
    assert_eq!(
        (same.start, same.due),
        (action.start, action.due),
        "nothing saved"
    );
    // The same due date with an earlier start is accepted as given.
    let start = early.checked_sub_days(chrono::Days::new(14)).expect("date");
    let plan = ws
        .update_action(
            &UpdateActionInput {
                assessment_id: a.id,
                key: action.key.clone(),
                edit: ActionEdit {
                    start: Some(start),
                    due: Some(early),
                    ..ActionEdit::default()
                },
            },
            today,
        )
        .expect("both dates");
    let moved = plan
        .actions
        .iter()
        .find(|x| x.key == "mfa-everywhere")
        .expect("action");
    assert_eq!((moved.start, moved.due), (start, early));
}
