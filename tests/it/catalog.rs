//! The shipped question bank: valid, complete, pinned; and the validator catches each defect.

use std::collections::BTreeMap;
use trustgap_domain::catalog::{
    embedded, embedded_sources, parse, CatalogError, CatalogSources, CategoryId,
};

#[test]
fn the_embedded_bank_is_valid() {
    if let Err(e) = embedded() {
        panic!("{e}");
    }
}

/// Everything about the bank that changes only on purpose, as text: counts per category and per
/// criterion, the questions asked once for several categories, key controls, every remediation
/// with its dependencies, and the coverage map's topics per criterion. Compared with
/// `catalog-pins.txt`; run with `TRUSTGAP_UPDATE_PINS=1` to rewrite it after changing the bank
/// (and bump its version), then review the diff.
fn pins() -> String {
    let cat = embedded().expect("catalog");
    let mut out = format!("version {}\n", cat.version);
    let mut per_category: BTreeMap<&str, usize> = BTreeMap::new();
    let mut per_criterion: BTreeMap<&str, usize> = BTreeMap::new();
    for q in &cat.questions {
        for c in &q.categories {
            *per_category.entry(c.as_str()).or_default() += 1;
        }
        for c in &q.criteria {
            *per_criterion.entry(c).or_default() += 1;
        }
    }
    out.push_str(&format!("questions {}\n", cat.questions.len()));
    for (c, n) in per_category {
        out.push_str(&format!("category {c} {n}\n"));
    }
    for c in &cat.criteria {
        let n = per_criterion.get(c.id.as_str()).copied().unwrap_or(0);
        let topics = cat
            .coverage
            .iter()
            .find(|x| x.id == c.id)
            .map_or(0, |x| x.topics.len());
        out.push_str(&format!(
            "criterion {} questions {n} topics {topics} requests {}\n",
            c.id,
            c.requests.len()
        ));
    }
    for q in cat.questions.iter().filter(|q| q.categories.len() > 1) {
        out.push_str(&format!("asked once {} {}\n", q.id, q.criteria.join(" ")));
    }
    let keys: Vec<&str> = cat
        .questions
        .iter()
        .filter(|q| q.key)
        .map(|q| q.id.as_str())
        .collect();
    out.push_str(&format!("key controls {}\n", keys.join(" ")));
    for r in &cat.remediations {
        out.push_str(&format!(
            "remediation {} {:?} lead {:?} runs {:?} after [{}]\n",
            r.key,
            r.effort,
            r.lead_weeks,
            r.runs,
            r.after.join(" ")
        ));
    }
    out.push_str(&format!("scoping {}\n", cat.scoping.len()));
    out
}

#[test]
fn the_bank_is_pinned() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/it/catalog-pins.txt");
    let now = pins();
    if std::env::var_os("TRUSTGAP_UPDATE_PINS").is_some() {
        std::fs::write(path, &now).expect("write pins");
    }
    let pinned = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        pinned == now,
        "the bank changed: review it, then run with TRUSTGAP_UPDATE_PINS=1 to update \
         tests/it/catalog-pins.txt (and bump the bank version)"
    );
}

#[test]
fn every_question_reads_as_a_finding_and_every_criterion_has_requests() {
    let cat = embedded().expect("catalog");
    assert_eq!(cat.criteria.len(), 61);
    for q in &cat.questions {
        assert!(!q.finding.trim().is_empty(), "{}", q.id);
        assert!(!q.categories.is_empty(), "{}", q.id);
    }
    for c in &cat.criteria {
        assert!(c.requests.len() >= 3, "{}", c.id);
    }
    // Asked once: at least one question serves Security and an optional category.
    assert!(cat
        .questions
        .iter()
        .any(|q| q.categories.contains(&CategoryId::Security) && q.categories.len() > 1));
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

fn borrow(v: &[(String, String)]) -> Vec<(&str, &str)> {
    v.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect()
}

/// Parses the embedded bank with the file called `file` changed by `edit`; returns the error.
fn broken(file: &str, edit: impl Fn(&str) -> String) -> String {
    let src = embedded_sources();
    let one = |name: &str, text: &str| -> String {
        if name == file {
            edit(text)
        } else {
            text.to_owned()
        }
    };
    let list = |files: &[(&str, &str)]| -> Vec<(String, String)> {
        files
            .iter()
            .map(|(n, t)| ((*n).to_owned(), one(n, t)))
            .collect()
    };
    let (items, coverage, changes) = (list(&src.items), list(&src.coverage), list(&src.changes));
    let (catalog, criteria, scoping, previous) = (
        one("catalog.toml", src.catalog),
        one("criteria.toml", src.criteria),
        one("scoping.toml", src.scoping),
        one("changes/previous.toml", src.previous),
    );
    let sources = CatalogSources {
        catalog: &catalog,
        criteria: &criteria,
        scoping: &scoping,
        items: borrow(&items),
        coverage: borrow(&coverage),
        changes: borrow(&changes),
        previous: &previous,
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
    // Re-point every CC6.6 question elsewhere: CC6.6 then has none.
    let err = broken(OPS, |t| t.replace("\"CC6.6\"", "\"CC7.1\""));
    assert!(
        err.contains("CC6.6: 0 questions, needs at least 3"),
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

#[test]
fn a_dependency_cycle_or_unknown_dependency_fails() {
    let err = broken("remediations.toml", |t| {
        let key = "key = \"security-ownership\"";
        let at = t.find(key).expect("security-ownership") + key.len();
        format!("{}\nafter = [\"infosec-policy\"]{}", &t[..at], &t[at..])
    });
    assert!(err.contains("dependencies form a cycle"), "{err}");
    let err = broken("remediations.toml", |t| {
        let key = "key = \"security-ownership\"";
        let at = t.find(key).expect("security-ownership") + key.len();
        format!("{}\nafter = [\"no-such-work\"]{}", &t[..at], &t[at..])
    });
    assert!(
        err.contains("comes after unknown remediation 'no-such-work'"),
        "{err}"
    );
}

#[test]
fn a_question_missing_its_finding_or_a_criterion_its_requests_fails() {
    let err = broken(GOV, |t| t.replacen("finding = \"", "finding = \" \" # ", 1));
    assert!(err.contains("finding must be a statement"), "{err}");
    let err = broken("criteria.toml", |t| {
        let start = t.find("requests = [").expect("requests");
        let end = start + t[start..].find(']').expect("end of requests");
        format!("{}requests = [{}", &t[..start], &t[end..])
    });
    assert!(err.contains("needs 3 to 6 evidence requests"), "{err}");
}

#[test]
fn the_coverage_map_must_follow_the_questions() {
    // A topic that lists a question of another criterion.
    let err = broken("coverage/security.toml", |t| {
        t.replacen("questions = [\"", "questions = [\"PRV-001\", \"", 1)
    });
    assert!(err.contains("PRV-001 does not map to"), "{err}");
    // A question left out of the map.
    let err = broken("coverage/security.toml", |t| {
        t.replace("\"GOV-002\"", "\"GOV-001\"")
    });
    assert!(
        err.contains("question GOV-002: not in the coverage map"),
        "{err}"
    );
}

#[test]
fn every_question_of_the_previous_bank_must_be_accounted_for() {
    let err = broken("changes/previous.toml", |t| {
        t.replacen("questions = [", "questions = [\"OLD-001\", ", 1)
    });
    assert!(
        err.contains("OLD-001 is neither kept nor accounted for"),
        "{err}"
    );
    let err = broken("changes/optional.toml", |t| {
        t.replacen("[[retired]]\nid = \"", "[[retired]]\nid = \"X", 1)
    });
    assert!(err.contains("was not in 2026.11.0"), "{err}");
}

#[test]
fn a_scoping_question_must_recommend_or_advise() {
    let err = broken("scoping.toml", |t| {
        let at = t.find("[[scoping]]").expect("scoping");
        format!(
            "{}[[scoping]]\nid = \"SCP-99\"\ntext = \"t\"\nhelp = \"h\"\nrecommends = []\nreason = \"\"\n\n{}",
            &t[..at],
            &t[at..]
        )
    });
    assert!(
        err.contains("neither recommends a category nor gives advice"),
        "{err}"
    );
}
