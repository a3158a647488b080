//! Generation against the embedded bank and library: answers decide what is stated in place,
//! what is planned, and nothing else.

use super::builtin;
use super::facts::Facts;
use super::generate::{generate_policy, pack, DocFields, GenerateInput};
use super::model::{ClauseState, GeneratedPolicy};
use super::suggest::resolved;
use crate::assessment::{Answer, Response, Scope};
use crate::catalog::{embedded, Catalog, CategoryId};
use crate::people::ClientCalendar;
use crate::plan::{build, AuditProfile, AuditType, PlanInput};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};

pub(super) fn bank() -> &'static Catalog {
    embedded().expect("the bank loads")
}

pub(super) fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 5).expect("date")
}

/// Every in-scope question answered `implemented`.
pub(super) fn all_implemented(scope: &Scope) -> Vec<Response> {
    bank()
        .questions_in(scope.categories())
        .map(|q| Response {
            question_id: q.id.clone(),
            answer: Some(Answer::Implemented),
            ..Response::default()
        })
        .collect()
}

pub(super) fn with(mut responses: Vec<Response>, changes: &[(&str, Answer)]) -> Vec<Response> {
    for (q, a) in changes {
        let r = responses
            .iter_mut()
            .find(|r| r.question_id == *q)
            .expect("the question is in scope");
        r.answer = Some(*a);
    }
    responses
}

/// The whole pack as generated for `responses`, with default document fields.
pub(super) fn generate(scope: &Scope, responses: &[Response]) -> (Vec<GeneratedPolicy>, Facts) {
    let library = builtin();
    let plan = build(&PlanInput {
        catalog: bank(),
        scope,
        responses,
        profile: &AuditProfile {
            audit_type: AuditType::Type1,
            target_date: NaiveDate::from_ymd_opt(2027, 9, 1),
            observation_start: None,
        },
        edits: &BTreeMap::new(),
        people: &[],
        calendar: &ClientCalendar::default(),
        plan_date: today(),
        expired_evidence: &std::collections::HashSet::new(),
    });
    let facts = Facts::evaluate(library, bank(), scope.categories(), responses);
    let parameters = resolved(library, &BTreeMap::new(), &BTreeMap::new());
    let input = GenerateInput {
        library,
        catalog: bank(),
        scope: scope.categories(),
        facts: &facts,
        actions: &plan.actions,
        company: "Acme",
        system: "Acme Cloud",
        people: &[],
        parameters: &parameters,
    };
    let doc = DocFields {
        owner: "Owner".into(),
        approver: "Approver".into(),
        version: 1,
        effective_date: None,
        next_review: None,
    };
    let policies = pack(library, scope.categories())
        .map(|t| generate_policy(&input, t, &doc))
        .collect();
    (policies, facts)
}

fn everything() -> Scope {
    Scope::new(&CategoryId::ALL)
}

const MFA_AND_RESTORE: [&str; 3] = ["ACC-002", "ACC-022", "OPS-030"];

#[test]
fn mfa_and_restore_answers_change_exactly_their_clauses() {
    let scope = everything();
    let base = all_implemented(&scope);
    let denied = with(
        base.clone(),
        &MFA_AND_RESTORE.map(|q| (q, Answer::NotImplemented)),
    );
    let (a, _) = generate(&scope, &base);
    let (b, _) = generate(&scope, &denied);
    let touched: BTreeSet<&str> = builtin()
        .facts
        .iter()
        .filter(|f| {
            f.questions
                .iter()
                .any(|q| MFA_AND_RESTORE.contains(&q.as_str()))
        })
        .map(|f| f.id.as_str())
        .collect();
    for fact in ["mfa-enforced", "mfa-outside-sso", "restore-tested"] {
        assert!(
            touched.contains(fact),
            "{fact} depends on one of the three answers"
        );
    }
    assert_eq!(a.len(), b.len());
    let mut changed_facts = BTreeSet::new();
    for (pa, pb) in a.iter().zip(&b) {
        assert_eq!((&pa.id, &pa.criteria), (&pb.id, &pb.criteria));
        assert_eq!(pa.sections.len(), pb.sections.len(), "{}", pa.id);
        for (sa, sb) in pa.sections.iter().zip(&pb.sections) {
            let (para_a, para_b): (Vec<&str>, Vec<&str>) = (
                sa.text.split("\n\n").collect(),
                sb.text.split("\n\n").collect(),
            );
            assert_eq!(para_a.len(), para_b.len(), "{}/{}", pa.id, sa.id);
            assert_eq!(sa.clauses.len(), sb.clauses.len(), "{}/{}", pa.id, sa.id);
            // The body's paragraphs, then one per clause.
            let body = para_a.len() - sa.clauses.len();
            assert_eq!(
                para_a[..body],
                para_b[..body],
                "the body never depends on answers"
            );
            for ((ca, cb), (ta, tb)) in sa
                .clauses
                .iter()
                .zip(&sb.clauses)
                .zip(para_a[body..].iter().zip(&para_b[body..]))
            {
                assert_eq!(ca.fact, cb.fact);
                assert_eq!(
                    ca.state,
                    ClauseState::InPlace,
                    "all implemented: {}",
                    ca.fact
                );
                assert_eq!(*ta, ca.text, "an in-place clause reads as its text");
                if touched.contains(ca.fact.as_str()) {
                    changed_facts.insert(ca.fact.clone());
                    let ClauseState::Planned {
                        questions,
                        action_title,
                        due,
                        ..
                    } = &cb.state
                    else {
                        panic!("{} should be planned when its answer says not", cb.fact);
                    };
                    assert!(questions
                        .iter()
                        .all(|q| MFA_AND_RESTORE.contains(&q.as_str())));
                    let title = action_title
                        .as_ref()
                        .expect("the plan has an action for the gap");
                    let due = due.expect("and it is dated");
                    assert_eq!(
                        *tb,
                        format!(
                            "*Planned:* {} (plan action \"{title}\", due {})",
                            ca.text,
                            due.format("%Y-%m-%d")
                        )
                    );
                } else {
                    assert_eq!(ta, tb, "{} must not change", ca.fact);
                    assert_eq!(ca, cb);
                }
            }
        }
    }
    for fact in ["mfa-enforced", "mfa-outside-sso", "restore-tested"] {
        assert!(
            changed_facts.contains(fact),
            "{fact} has a clause in the pack"
        );
    }
}

/// Answers spread over every kind by a fixed rule, so many facts are denied.
fn mixed(scope: &Scope) -> Vec<Response> {
    let kinds = [
        None,
        Some(Answer::Partial),
        Some(Answer::NotImplemented),
        Some(Answer::Unknown),
        Some(Answer::NotApplicable),
    ];
    let mut responses = all_implemented(scope);
    for (i, r) in responses.iter_mut().enumerate() {
        if i % 3 == 0 {
            r.answer = kinds[(i / 3) % kinds.len()];
        }
    }
    responses
}

#[test]
fn no_policy_states_a_denied_fact_as_practice() {
    let scope = everything();
    let (policies, facts) = generate(&scope, &mixed(&scope));
    let denied: Vec<(&str, &[String])> = facts.all_denied().collect();
    assert!(
        denied.len() > 20,
        "the sample denies many facts: {}",
        denied.len()
    );
    let mut planned = 0;
    for p in &policies {
        for s in &p.sections {
            for c in s.clauses.iter().filter(|c| facts.denied(&c.fact).is_some()) {
                planned += 1;
                for paragraph in policies
                    .iter()
                    .flat_map(|p| &p.sections)
                    .flat_map(|s| s.text.split("\n\n"))
                {
                    assert!(
                        !paragraph.contains(&c.text) || paragraph.starts_with("*Planned:* "),
                        "{}/{} states a denied fact: {paragraph}",
                        p.id,
                        s.id
                    );
                }
            }
            for c in &s.clauses {
                assert_eq!(
                    facts.holds(&c.fact),
                    c.state == ClauseState::InPlace,
                    "{}",
                    c.fact
                );
            }
        }
    }
    assert!(planned > 20);
}

#[test]
fn an_undecidable_fact_leaves_its_clause_out() {
    let scope = everything();
    let na = with(
        all_implemented(&scope),
        &[("ACC-002", Answer::NotApplicable)],
    );
    let (policies, facts) = generate(&scope, &na);
    assert!(!facts.holds("mfa-enforced") && facts.denied("mfa-enforced").is_none());
    assert!(policies
        .iter()
        .flat_map(|p| &p.sections)
        .all(|s| s.clauses.iter().all(|c| c.fact != "mfa-enforced")));
}

#[test]
fn the_pack_follows_the_scope_and_cites_only_real_criteria_in_scope() {
    let security = Scope::new(&[]);
    let (policies, _) = generate(&security, &all_implemented(&security));
    let (all, _) = generate(&everything(), &all_implemented(&everything()));
    assert!(
        policies.len() < all.len(),
        "optional categories add policies"
    );
    assert!(all.len() >= 18, "{}", all.len());
    for p in &policies {
        assert!(!p.criteria.is_empty(), "{}", p.id);
        for c in p
            .criteria
            .iter()
            .chain(p.sections.iter().flat_map(|s| &s.criteria))
        {
            let criterion = bank().criterion(c).expect("a real criterion");
            assert_eq!(
                criterion.category,
                CategoryId::Security,
                "{} cites {c}",
                p.id
            );
        }
        let rank: Vec<usize> = p
            .criteria
            .iter()
            .map(|c| {
                bank()
                    .criteria
                    .iter()
                    .position(|x| &x.id == c)
                    .expect("known")
            })
            .collect();
        assert!(
            rank.windows(2).all(|w| w[0] < w[1]),
            "bank order, no repeats: {}",
            p.id
        );
    }
    assert!(policies.iter().all(|p| p.id != "privacy"));
    assert!(all.iter().any(|p| p.id == "privacy"));
}

#[test]
fn every_placeholder_of_the_library_is_filled() {
    let (policies, _) = generate(&everything(), &mixed(&everything()));
    for p in &policies {
        assert!(!p.summary.contains("{{"), "{}", p.id);
        for s in &p.sections {
            assert!(
                !s.text.contains("{{") && !s.text.contains("}}"),
                "{}/{}: {}",
                p.id,
                s.id,
                s.text
            );
        }
    }
    let text: String = policies
        .iter()
        .flat_map(|p| &p.sections)
        .map(|s| s.text.as_str())
        .collect();
    assert!(text.contains("Acme") && text.contains("our cloud provider"));
}

#[test]
fn a_denied_fact_without_a_plan_action_says_so() {
    let facts_state = super::generate::planned_paragraph(
        "We do X.",
        &ClauseState::Planned {
            questions: vec!["ACC-002".into()],
            action_key: None,
            action_title: None,
            due: None,
        },
    );
    assert_eq!(facts_state, "*Planned:* We do X. (not yet in the plan)");
}
