use super::*;
use crate::catalog::{embedded, CategoryId};
use crate::policy::library::{embedded_sources, parse_library};
use crate::policy::model::{ClauseTemplate, Fact, Parameter};

fn bank() -> &'static Catalog {
    embedded().expect("the embedded bank loads")
}

fn library() -> PolicyLibrary {
    parse_library(&embedded_sources()).expect("the embedded library parses")
}

/// The messages of a library that must fail.
fn issues(lib: &PolicyLibrary) -> Vec<String> {
    validate_library(lib, bank())
        .expect_err("the hostile library is refused")
        .iter()
        .map(ToString::to_string)
        .collect()
}

fn assert_issue(lib: &PolicyLibrary, needles: &[&str]) {
    let all = issues(lib);
    assert!(
        all.iter().any(|m| needles.iter().all(|n| m.contains(n))),
        "no issue contains all of {needles:?}; got {all:#?}"
    );
}

fn policy_mut<'a>(lib: &'a mut PolicyLibrary, id: &str) -> &'a mut PolicyTemplate {
    lib.policies
        .iter_mut()
        .find(|p| p.id == id)
        .expect("the policy exists")
}

#[test]
fn the_embedded_library_passes_against_the_embedded_bank() {
    if let Err(all) = validate_library(&library(), bank()) {
        let text: Vec<String> = all.iter().map(ToString::to_string).collect();
        panic!("the embedded library has issues:\n{}", text.join("\n"));
    }
}

#[test]
fn an_unknown_criterion_is_refused_from_the_source_text() {
    let mut sources = embedded_sources();
    let (name, text) = sources
        .policies
        .iter()
        .find(|(n, _)| *n == "access-control.toml")
        .copied()
        .expect("access control is embedded");
    let hostile = text.replacen("criteria = [\"CC6.1\"]", "criteria = [\"CC9.9\"]", 1);
    assert_ne!(hostile, text, "the test edits the source");
    sources.policies = vec![(name, &hostile)];
    let mut lib = parse_library(&sources).expect("it still parses");
    lib.facts = library().facts;
    lib.parameters = library().parameters;
    assert_issue(
        &lib,
        &["policy access-control, section", "CC9.9", "not in the bank"],
    );
}

#[test]
fn a_criterion_of_another_category_is_refused() {
    let mut lib = library();
    policy_mut(&mut lib, "access-control").sections[0]
        .criteria
        .push("P4.1".into());
    assert_issue(
        &lib,
        &[
            "policy access-control",
            "P4.1",
            "privacy",
            "not one of the policy's categories",
        ],
    );
}

#[test]
fn an_optional_category_policy_may_not_cite_security_criteria() {
    let mut lib = library();
    let privacy = policy_mut(&mut lib, "privacy");
    assert_eq!(privacy.categories, vec![CategoryId::Privacy]);
    privacy.sections[0].criteria.push("CC6.1".into());
    assert_issue(&lib, &["policy privacy", "CC6.1", "security"]);
}

#[test]
fn an_unknown_fact_is_refused() {
    let mut lib = library();
    policy_mut(&mut lib, "access-control").sections[0]
        .clauses
        .push(ClauseTemplate {
            fact: "laptops-blessed".into(),
            text: "Laptops are blessed.".into(),
        });
    assert_issue(
        &lib,
        &[
            "policy access-control",
            "laptops-blessed",
            "not in facts.toml",
        ],
    );
}

#[test]
fn an_unknown_question_is_refused() {
    let mut lib = library();
    lib.facts[0].questions.push("IAM-999".into());
    let id = lib.facts[0].id.clone();
    assert_issue(&lib, &["facts.toml", &id, "IAM-999", "not in the bank"]);
}

#[test]
fn a_fact_only_optional_categories_ask_is_refused_in_a_security_policy() {
    let mut lib = library();
    lib.facts.push(Fact {
        id: "privacy-only".into(),
        statement: "Something only the privacy questions ask".into(),
        questions: vec!["PRV-001".into()],
    });
    policy_mut(&mut lib, "access-control").sections[0]
        .clauses
        .push(ClauseTemplate {
            fact: "privacy-only".into(),
            text: "A sentence.".into(),
        });
    assert_issue(
        &lib,
        &[
            "policy access-control",
            "privacy-only",
            "none of whose questions",
        ],
    );
}

#[test]
fn an_undeclared_placeholder_is_refused() {
    let mut lib = library();
    policy_mut(&mut lib, "access-control").sections[1].body += "\n\nAsk {{helpdesk}}.";
    assert_issue(&lib, &["policy access-control, section", "{{helpdesk}}"]);
}

#[test]
fn placeholders_must_be_spelled_exactly() {
    for bad in [
        "{{ company }}",
        "{{Company}}",
        "{{<script>}}",
        "{{role:}}",
        "{{role: CTO}}",
    ] {
        let mut lib = library();
        policy_mut(&mut lib, "access-control").sections[1].body += &format!("\n\n{bad}");
        assert_issue(&lib, &["policy access-control", "neither a parameter"]);
    }
}

#[test]
fn built_in_and_role_placeholders_are_accepted() {
    let mut lib = library();
    policy_mut(&mut lib, "access-control").sections[1].body +=
        "\n\n{{company}} {{version}} {{effective_date}} {{role:People / HR lead}} {{role:CEO}}";
    assert!(validate_library(&lib, bank()).is_ok());
}

#[test]
fn an_unclosed_or_stray_brace_pair_is_refused() {
    let mut lib = library();
    policy_mut(&mut lib, "access-control").sections[1].clauses[0].text +=
        " Ask {{company for help.";
    assert_issue(
        &lib,
        &["policy access-control", "clause on fact", "unclosed"],
    );

    let mut lib = library();
    policy_mut(&mut lib, "access-control").summary += " {{company {{system}}";
    assert_issue(&lib, &["policy access-control", "summary", "unclosed"]);

    let mut lib = library();
    policy_mut(&mut lib, "access-control").sections[1].body += " company}} rules.";
    assert_issue(
        &lib,
        &["policy access-control", "body", "without a matching"],
    );
}

#[test]
fn duplicate_ids_are_refused() {
    let mut lib = library();
    let copy = lib.policies[0].clone();
    lib.policies.push(copy);
    assert_issue(&lib, &["another policy already uses"]);

    let mut lib = library();
    let p = policy_mut(&mut lib, "access-control");
    let copy = p.sections[0].clone();
    p.sections.push(copy);
    assert_issue(&lib, &["policy access-control, section", "another section"]);

    let mut lib = library();
    let copy = lib.facts[0].clone();
    lib.facts.push(copy);
    assert_issue(&lib, &["facts.toml", "another fact already uses"]);

    let mut lib = library();
    let copy = lib.parameters[0].clone();
    lib.parameters.push(copy);
    assert_issue(&lib, &["parameters.toml", "another parameter already uses"]);
}

#[test]
fn review_months_must_be_one_to_thirty_six() {
    for months in [0, 37, u16::MAX] {
        let mut lib = library();
        policy_mut(&mut lib, "access-control").review_months = months;
        assert_issue(
            &lib,
            &[
                "policy access-control",
                &format!("review_months to {months}"),
            ],
        );
    }
    let mut lib = library();
    policy_mut(&mut lib, "access-control").review_months = 36;
    assert!(validate_library(&lib, bank()).is_ok());
}

#[test]
fn blank_texts_are_refused() {
    let mut lib = library();
    let p = policy_mut(&mut lib, "access-control");
    p.title = " ".into();
    p.summary.clear();
    p.owner_role.clear();
    p.approver_role = "\n".into();
    p.sections[0].title.clear();
    let all = issues(&lib).join("\n");
    for needle in [
        "has no title",
        "has no summary",
        "has no owner role",
        "has no approver role",
    ] {
        assert!(all.contains(needle), "{needle} missing from {all}");
    }
    assert!(
        all.contains("section purpose-and-scope: has no title"),
        "{all}"
    );
}

#[test]
fn unused_facts_and_parameters_are_refused() {
    let mut lib = library();
    lib.facts.push(Fact {
        id: "dead-fact".into(),
        statement: "Nobody cites this".into(),
        questions: vec!["GOV-001".into()],
    });
    lib.parameters.push(Parameter {
        id: "dead_parameter".into(),
        label: "Dead".into(),
        help: "Nobody uses this.".into(),
        default: "nothing".into(),
    });
    assert_issue(&lib, &["facts.toml, fact dead-fact", "not used"]);
    assert_issue(
        &lib,
        &["parameters.toml, parameter dead_parameter", "not used"],
    );
}

#[test]
fn a_parameter_may_not_shadow_a_built_in() {
    let mut lib = library();
    lib.parameters[0].id = "company".into();
    assert_issue(&lib, &["parameters.toml, parameter company", "built-in"]);
}

#[test]
fn roles_must_be_the_banks() {
    let mut lib = library();
    policy_mut(&mut lib, "access-control").sections[1].body +=
        "\n\nAsk {{role:Chief Vibes Officer}}.";
    assert_issue(
        &lib,
        &[
            "policy access-control",
            "Chief Vibes Officer",
            "not one of the bank's roles",
        ],
    );

    let mut lib = library();
    policy_mut(&mut lib, "access-control").owner_role = "Wizard".into();
    assert_issue(&lib, &["policy access-control", "owner role \"Wizard\""]);

    // Filled case-insensitively, so checked the same way.
    let mut lib = library();
    policy_mut(&mut lib, "access-control").approver_role = "cto".into();
    policy_mut(&mut lib, "access-control").sections[1].body += "\n\n{{role:security lead}}";
    assert!(validate_library(&lib, bank()).is_ok());
}

#[test]
fn a_clause_repeated_in_a_body_is_refused() {
    let mut lib = library();
    let p = policy_mut(&mut lib, "access-control");
    let mfa = p
        .sections
        .iter()
        .flat_map(|s| &s.clauses)
        .find(|c| c.fact == "mfa-enforced")
        .expect("access control has the MFA clause")
        .text
        .clone();
    p.sections[0].body += &format!("\n\n{mfa}");
    assert_issue(
        &lib,
        &["policy access-control", "mfa-enforced", "word for word"],
    );
}

/// Policies that use `fact`, by id.
fn policies_using(lib: &PolicyLibrary, fact: &str) -> Vec<String> {
    lib.policies
        .iter()
        .filter(|p| {
            p.sections
                .iter()
                .flat_map(|s| &s.clauses)
                .any(|c| c.fact == fact)
        })
        .map(|p| p.id.clone())
        .collect()
}

#[test]
fn mfa_and_restore_tests_each_have_one_fact_on_the_banks_question() {
    let lib = library();
    for (fact, question, topic, policies) in [
        (
            "mfa-enforced",
            "ACC-002",
            "multi-factor",
            &["access-control"][..],
        ),
        (
            "restore-tested",
            "OPS-030",
            "restoring production data",
            &["business-continuity", "availability"][..],
        ),
    ] {
        let f = lib.fact(fact).expect("the fact exists");
        assert_eq!(f.questions, vec![question.to_owned()], "{fact}");
        let text = &bank().question(question).expect("in the bank").text;
        assert!(text.to_lowercase().contains(topic), "{question}: {text}");
        let others: Vec<&str> = lib
            .facts
            .iter()
            .filter(|g| g.id != fact && g.questions.iter().any(|q| q == question))
            .map(|g| g.id.as_str())
            .collect();
        assert!(others.is_empty(), "{question} also decides {others:?}");
        assert_eq!(policies_using(&lib, fact), policies, "{fact}");
    }
}
