//! Whether each fact of the library holds for an assessment: the one rule that decides what a
//! policy may state as practice.
//!
//! A fact's question counts when it is in scope and not answered "not applicable". The fact
//! holds when every counted question is answered "implemented", is denied when any is not
//! (unanswered, partial, not implemented, don't know), and is undecidable when none counts:
//! its clauses are then left out of the policies.

use super::model::{Fact, PolicyLibrary};
use crate::assessment::{Answer, Response};
use crate::catalog::{Catalog, CategoryId};
use std::collections::{BTreeMap, HashMap};

/// What the answers say about one fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FactState {
    Holds,
    /// The counted questions not answered "implemented", in the fact's order.
    Denied(Vec<String>),
    Undecidable,
}

/// The state of every fact of a library for one assessment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts(BTreeMap<String, FactState>);

impl Facts {
    pub fn evaluate(
        library: &PolicyLibrary,
        catalog: &Catalog,
        scope: &[CategoryId],
        responses: &[Response],
    ) -> Facts {
        let answers: HashMap<&str, Option<Answer>> = responses
            .iter()
            .map(|r| (r.question_id.as_str(), r.answer))
            .collect();
        Facts(
            library
                .facts
                .iter()
                .map(|f| (f.id.clone(), fact_state(f, catalog, scope, &answers)))
                .collect(),
        )
    }

    /// A fact the library does not know is undecidable: it is never stated.
    pub fn state(&self, fact: &str) -> &FactState {
        self.0.get(fact).unwrap_or(&FactState::Undecidable)
    }

    pub fn holds(&self, fact: &str) -> bool {
        *self.state(fact) == FactState::Holds
    }

    /// The questions that deny `fact`, when it is denied.
    pub fn denied(&self, fact: &str) -> Option<&[String]> {
        match self.state(fact) {
            FactState::Denied(questions) => Some(questions),
            _ => None,
        }
    }

    /// Every denied fact with its questions.
    pub fn all_denied(&self) -> impl Iterator<Item = (&str, &[String])> {
        self.0.iter().filter_map(|(id, s)| match s {
            FactState::Denied(q) => Some((id.as_str(), q.as_slice())),
            _ => None,
        })
    }
}

fn fact_state(
    fact: &Fact,
    catalog: &Catalog,
    scope: &[CategoryId],
    answers: &HashMap<&str, Option<Answer>>,
) -> FactState {
    let counted: Vec<(&str, Option<Answer>)> = fact
        .questions
        .iter()
        .filter(|q| {
            catalog
                .question(q)
                .is_some_and(|q| q.categories.iter().any(|c| scope.contains(c)))
        })
        .map(|q| (q.as_str(), answers.get(q.as_str()).copied().flatten()))
        .filter(|(_, a)| *a != Some(Answer::NotApplicable))
        .collect();
    if counted.is_empty() {
        return FactState::Undecidable;
    }
    let denied: Vec<String> = counted
        .iter()
        .filter(|(_, a)| *a != Some(Answer::Implemented))
        .map(|(q, _)| (*q).to_owned())
        .collect();
    if denied.is_empty() {
        FactState::Holds
    } else {
        FactState::Denied(denied)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::embedded;
    use crate::policy::model::PolicyLibrary;

    fn library(questions: &[&str]) -> PolicyLibrary {
        PolicyLibrary {
            policies: vec![],
            facts: vec![Fact {
                id: "f".into(),
                statement: "s".into(),
                questions: questions.iter().map(|q| (*q).to_owned()).collect(),
            }],
            parameters: vec![],
        }
    }

    fn answered(q: &str, a: Option<Answer>) -> Response {
        Response {
            question_id: q.into(),
            answer: a,
            ..Response::default()
        }
    }

    fn state(questions: &[&str], scope: &[CategoryId], responses: &[Response]) -> FactState {
        let bank = embedded().expect("the bank loads");
        Facts::evaluate(&library(questions), bank, scope, responses)
            .state("f")
            .clone()
    }

    const SEC: &[CategoryId] = &[CategoryId::Security];

    #[test]
    fn a_fact_holds_only_when_every_counted_question_is_implemented() {
        let both = [
            answered("ACC-002", Some(Answer::Implemented)),
            answered("ACC-022", Some(Answer::Implemented)),
        ];
        assert_eq!(state(&["ACC-002", "ACC-022"], SEC, &both), FactState::Holds);
        for other in [
            None,
            Some(Answer::Partial),
            Some(Answer::NotImplemented),
            Some(Answer::Unknown),
        ] {
            let r = [
                answered("ACC-002", Some(Answer::Implemented)),
                answered("ACC-022", other),
            ];
            assert_eq!(
                state(&["ACC-002", "ACC-022"], SEC, &r),
                FactState::Denied(vec!["ACC-022".into()]),
                "{other:?}"
            );
        }
        assert_eq!(
            state(&["ACC-002"], SEC, &[]),
            FactState::Denied(vec!["ACC-002".into()]),
            "unanswered denies"
        );
    }

    #[test]
    fn not_applicable_and_out_of_scope_questions_do_not_count() {
        let r = [
            answered("ACC-002", Some(Answer::Implemented)),
            answered("ACC-022", Some(Answer::NotApplicable)),
        ];
        assert_eq!(state(&["ACC-002", "ACC-022"], SEC, &r), FactState::Holds);
        let na = [answered("ACC-002", Some(Answer::NotApplicable))];
        assert_eq!(state(&["ACC-002"], SEC, &na), FactState::Undecidable);
        let bank = embedded().expect("the bank loads");
        let privacy_only = bank
            .questions
            .iter()
            .find(|q| q.categories == [CategoryId::Privacy])
            .expect("the bank has a privacy-only question");
        assert_eq!(
            state(&[privacy_only.id.as_str()], SEC, &[]),
            FactState::Undecidable
        );
        assert_eq!(state(&["NOPE-999"], SEC, &[]), FactState::Undecidable);
    }

    #[test]
    fn an_unknown_fact_is_never_stated() {
        let facts = Facts::default();
        assert!(!facts.holds("anything"));
        assert_eq!(facts.denied("anything"), None);
    }
}
