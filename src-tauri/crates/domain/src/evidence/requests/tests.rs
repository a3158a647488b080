use super::import::{check_items, map_columns, suggest_criteria, RawItem, RequestField};
use super::*;
use crate::assessment::Scope;
use crate::catalog::{embedded, CategoryId};
use crate::evidence_requests::evidence_requests;
use crate::plan::{AuditProfile, AuditType};
use std::collections::HashSet;

fn row(number: u32, cells: &[&str]) -> RawItem {
    RawItem {
        number,
        cells: cells.iter().map(|c| Some((*c).to_owned())).collect(),
    }
}

#[test]
fn every_in_scope_criterion_has_an_item() {
    let catalog = embedded().expect("bank");
    let scope = Scope::new(&[CategoryId::Availability]);
    let controls = evidence_requests(
        catalog,
        &scope,
        &[],
        &AuditProfile {
            audit_type: AuditType::Type1,
            target_date: None,
            observation_start: None,
        },
    );
    let items = generated(catalog, &scope, &controls, &|_| None);
    for c in catalog
        .criteria
        .iter()
        .filter(|c| scope.categories().contains(&c.category))
    {
        assert!(
            items.iter().any(|i| i.criteria.contains(&c.id)),
            "no item for {}",
            c.id
        );
    }
    let refs: HashSet<&str> = items.iter().map(|i| i.reference.as_str()).collect();
    assert_eq!(refs.len(), items.len(), "references are unique");
    assert!(items.iter().all(|i| i.status == ItemStatus::Requested));
}

#[test]
fn files_and_states_set_what_an_item_shows() {
    let base = |reference: &str| RequestItem {
        reference: reference.into(),
        source: ItemSource::Criterion,
        title: "t".into(),
        detail: String::new(),
        criteria: vec!["CC1.1".into()],
        question_id: None,
        owner: None,
        due: None,
        status: ItemStatus::Requested,
        reason: None,
        files: 0,
    };
    let states = HashMap::from([(
        "B".to_owned(),
        ItemState {
            owner: Some("Dana".into()),
            status: Some(ItemStatus::Accepted),
            ..ItemState::default()
        },
    )]);
    let files = HashMap::from([("A".to_owned(), 2), ("B".to_owned(), 1)]);
    let auditor = [AuditorItem {
        reference: "PBC-1".into(),
        title: "Org chart".into(),
        detail: String::new(),
        criteria: vec![],
    }];
    let list = merge(vec![base("A"), base("B")], &auditor, &states, &files);
    assert_eq!(
        list[0].status,
        ItemStatus::Provided,
        "files make it provided"
    );
    assert_eq!(list[0].files, 2);
    assert_eq!(list[1].status, ItemStatus::Accepted, "a status set wins");
    assert_eq!(list[1].owner.as_deref(), Some("Dana"));
    assert_eq!(list[2].source, ItemSource::Auditor);
}

#[test]
fn a_state_needs_a_reason_exactly_when_not_applicable() {
    let na = ItemState {
        status: Some(ItemStatus::NotApplicable),
        ..ItemState::default()
    };
    assert!(na.check().is_err());
    let with_reason = ItemState {
        reason: Some("No physical office.".into()),
        ..na.clone()
    };
    assert_eq!(with_reason.check(), Ok(()));
    let stray = ItemState {
        status: Some(ItemStatus::Provided),
        reason: Some("x".into()),
        ..ItemState::default()
    };
    assert!(stray.check().is_err());
    assert_eq!(
        ItemStatus::parse("Accepted by auditor"),
        Some(ItemStatus::Accepted)
    );
    assert_eq!(
        ItemStatus::parse("not applicable"),
        Some(ItemStatus::NotApplicable)
    );
}

#[test]
fn columns_are_guessed_and_a_request_column_is_required() {
    let header: Vec<String> = ["PBC #", "Request description", "TSC", "Auditor notes"]
        .map(String::from)
        .to_vec();
    assert_eq!(
        map_columns(&header, &[]).expect("mapped"),
        vec![
            RequestField::Reference,
            RequestField::Request,
            RequestField::Criteria,
            RequestField::Detail
        ]
    );
    let odd: Vec<String> = ["A", "B"].map(String::from).to_vec();
    assert!(map_columns(&odd, &[]).is_err());
    let chosen = map_columns(&odd, &[("b".into(), RequestField::Request)]).expect("chosen");
    assert_eq!(chosen, vec![RequestField::Ignore, RequestField::Request]);
    assert!(map_columns(&odd, &[("C".into(), RequestField::Request)]).is_err());
}

#[test]
fn bad_rows_are_reported_by_number_and_good_ones_mapped() {
    let catalog = embedded().expect("bank");
    let fields = [
        RequestField::Reference,
        RequestField::Request,
        RequestField::Criteria,
    ];
    let rows = [
        row(
            2,
            &[
                "1",
                "Population of new hires and their background checks",
                "CC1.4",
            ],
        ),
        row(3, &["2", "", ""]),
        row(4, &["1", "Duplicate reference", ""]),
        row(5, &["3", "Something", "CC99.9"]),
        row(6, &["", "", ""]),
        RawItem {
            number: 7,
            cells: vec![Some("4".into()), None, Some(String::new())],
        },
        row(
            8,
            &[
                "",
                "Penetration test report and the remediation of its findings",
                "",
            ],
        ),
        row(9, &["CC6.1/1", "Clash with a generated reference", ""]),
    ];
    let taken = HashSet::from(["cc6.1/1".to_owned()]);
    let (items, problems) = check_items(catalog, &fields, &rows, &taken);
    let bad: Vec<u32> = problems.iter().map(|p| p.row).collect();
    assert_eq!(bad, vec![3, 4, 5, 7, 9], "{problems:?}");
    assert_eq!(items.len(), 2, "the blank row is skipped");
    assert_eq!(items[0].item.criteria, vec!["CC1.4".to_owned()]);
    assert!(!items[0].suggested);
    assert_eq!(
        items[1].item.reference, "PBC-8",
        "a missing reference is numbered"
    );
    assert!(items[1].suggested);
    assert!(
        !items[1].item.criteria.is_empty(),
        "a pen test maps somewhere"
    );
}

#[test]
fn suggestions_need_words_in_common() {
    let catalog = embedded().expect("bank");
    assert!(suggest_criteria(catalog, "zzz qqq").is_empty());
    assert!(suggest_criteria(catalog, "").is_empty());
    let backup = suggest_criteria(
        catalog,
        "Backup restoration test results and backup schedule",
    );
    assert!(!backup.is_empty() && backup.len() <= 2);
}
