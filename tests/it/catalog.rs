//! The shipped question bank: valid, complete, pinned; and the validator catches each defect.

use std::collections::HashMap;
use trustgap_domain::catalog::{
    embedded, embedded_sources, parse, CatalogError, CatalogSources, CategoryId,
};

#[test]
fn the_embedded_bank_is_valid() {
    if let Err(e) = embedded() {
        panic!("{e}");
    }
}

#[test]
fn question_counts_per_category_are_pinned() {
    let cat = embedded().expect("catalog");
    let mut counts: HashMap<CategoryId, usize> = HashMap::new();
    for q in &cat.questions {
        *counts.entry(cat.question_category(q)).or_default() += 1;
    }
    // Changing the bank changes these on purpose: update them with the catalog version.
    assert_eq!(counts[&CategoryId::Security], 103);
    assert_eq!(counts[&CategoryId::Availability], 12);
    assert_eq!(counts[&CategoryId::ProcessingIntegrity], 13);
    assert_eq!(counts[&CategoryId::Confidentiality], 8);
    assert_eq!(counts[&CategoryId::Privacy], 44);
    assert!(cat.questions.len() >= 150);
    assert_eq!(cat.criteria.len(), 61);
    assert_eq!(cat.scoping.len(), 13);
}

#[test]
fn criteria_match_the_reference_list_exactly() {
    // A copy of the reference list the catalog was built from (shared/reference).
    let reference = include_str!("tsc-criteria.csv");
    let expected: Vec<&str> = reference
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').next())
        .filter(|s| !s.is_empty())
        .collect();
    let cat = embedded().expect("catalog");
    let ids: Vec<&str> = cat.criteria.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, expected);
}

/// Parses the embedded bank with one file's text changed by `edit`, returning the error text.
fn broken(file: &str, edit: impl Fn(&str) -> String) -> String {
    let src = embedded_sources();
    let edited: Vec<(String, String)> = src
        .items
        .iter()
        .map(|(name, text)| {
            (
                name.to_string(),
                if *name == file {
                    edit(text)
                } else {
                    text.to_string()
                },
            )
        })
        .collect();
    let catalog_text = if file == "catalog.toml" {
        edit(src.catalog)
    } else {
        src.catalog.to_owned()
    };
    let scoping_text = if file == "scoping.toml" {
        edit(src.scoping)
    } else {
        src.scoping.to_owned()
    };
    let sources = CatalogSources {
        catalog: &catalog_text,
        criteria: src.criteria,
        scoping: &scoping_text,
        items: edited
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect(),
    };
    match parse(&sources) {
        Ok(_) => panic!("the edited catalog ({file}) was accepted"),
        Err(e @ CatalogError::Parse { .. }) | Err(e @ CatalogError::Invalid(_)) => e.to_string(),
    }
}

const GOV: &str = "questions/security-governance.toml";
const OPS: &str = "questions/security-operations.toml";

#[test]
fn a_criterion_without_enough_questions_fails() {
    // Re-point every CC8.1 question elsewhere: CC8.1 then has none.
    let err = broken(OPS, |t| t.replace("\"CC8.1\"", "\"CC7.1\""));
    assert!(
        err.contains("CC8.1: 0 questions, needs at least 3"),
        "{err}"
    );
}

#[test]
fn a_duplicate_question_id_fails() {
    let err = broken(GOV, |t| {
        t.replacen("id = \"GOV-002\"", "id = \"GOV-001\"", 1)
    });
    assert!(
        err.contains("question GOV-001: duplicate question id"),
        "{err}"
    );
}

#[test]
fn an_unknown_criterion_fails() {
    let err = broken(GOV, |t| t.replacen("\"CC1.1\"", "\"CC1.9\"", 1));
    assert!(err.contains("unknown criterion CC1.9"), "{err}");
}

#[test]
fn a_dangling_remediation_reference_fails() {
    let err = broken(GOV, |t| {
        t.replacen("remediation = \"", "remediation = \"no-such-", 1)
    });
    assert!(err.contains("unknown remediation 'no-such-"), "{err}");
}

#[test]
fn a_question_without_guidance_or_evidence_fails() {
    let err = broken(GOV, |t| {
        let start = t.find("why = \"").expect("why");
        let end = start + t[start..].find("\"\n").expect("end of why");
        format!("{}why = \"{}", &t[..start], &t[end..])
    });
    assert!(err.contains("guidance 'why' is empty"), "{err}");
    let err = broken(GOV, |t| {
        let start = t.find("evidence = [").expect("evidence");
        let end = start + t[start..].find(']').expect("end of evidence");
        format!("{}evidence = [\"only one\"{}", &t[..start], &t[end..])
    });
    assert!(
        err.contains("needs at least two evidence examples"),
        "{err}"
    );
}

#[test]
fn weights_and_efforts_out_of_range_fail() {
    let err = broken(GOV, |t| {
        let at = t.find("weight = ").expect("weight");
        format!("{}weight = 9{}", &t[..at], &t[at + 10..])
    });
    assert!(err.contains("weight must be 1 to 5"), "{err}");
    let err = broken("remediations.toml", |t| {
        t.replacen("effort = \"", "effort = \"Q", 1)
    });
    assert!(err.contains("remediations.toml"), "{err}");
}

#[test]
fn an_unknown_field_or_owner_fails() {
    let err = broken(GOV, |t| t.replacen("weight = ", "wieght = 1\nweight = ", 1));
    assert!(err.contains("unknown field"), "{err}");
    let err = broken("remediations.toml", |t| {
        t.replacen("owner = \"", "owner = \"Intern ", 1)
    });
    assert!(err.contains("is not a catalog role"), "{err}");
}

#[test]
fn scoping_must_cover_every_optional_category() {
    let err = broken("scoping.toml", |t| {
        t.replace("\"processing_integrity\"", "\"availability\"")
    });
    assert!(
        err.contains("no question can recommend processing_integrity"),
        "{err}"
    );
    let err = broken("scoping.toml", |t| {
        t.replacen("recommends = [", "recommends = [\"security\", ", 1)
    });
    assert!(err.contains("Security is always in scope"), "{err}");
}
