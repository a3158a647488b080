//! Table-driven and exhaustive tests of the scoring formula on a small fixture catalog.

use super::*;
use crate::catalog::fixture::fixture;

fn responses(answers: &[(&str, Option<Answer>)]) -> Vec<Response> {
    answers
        .iter()
        .map(|(id, a)| Response {
            question_id: (*id).into(),
            answer: *a,
            note: String::new(),
            updated_at: String::new(),
            ..Response::default()
        })
        .collect()
}

fn all_scope() -> Scope {
    Scope::new(&CategoryId::ALL)
}

fn criterion_score(card: &Scorecard, id: &str) -> Option<f64> {
    card.criteria
        .iter()
        .find(|c| c.criterion == id)
        .and_then(|c| c.tally.score)
}

#[test]
fn pinned_numbers_for_a_fixed_assessment() {
    use Answer::*;
    let card = score(
        &fixture(),
        &all_scope(),
        &responses(&[
            ("AAA-001", Some(Implemented)),
            ("AAA-002", Some(Partial)),
            ("AAA-003", Some(NotImplemented)),
            ("PRV-001", Some(Unknown)),
        ]),
        None,
    );
    // (5*1 + 1*0.5 + 3*0 + 2*0) / (5 + 1 + 3 + 2) = 5.5 / 11
    assert_eq!(card.overall.score, Some(50.0));
    assert_eq!(card.overall.unknown, 1);
    assert_eq!(criterion_score(&card, "CC1.1"), Some(100.0 * 5.5 / 6.0));
    assert_eq!(criterion_score(&card, "CC1.2"), Some(100.0 * 0.5 / 4.0));
    assert_eq!(criterion_score(&card, "P1.1"), Some(0.0));
    // Both fixture criteria are in group "G": AAA-002 counts once there, not twice.
    assert_eq!(card.groups.len(), 1);
    assert_eq!(card.groups[0].tally.questions, 4);
    assert_eq!(card.groups[0].tally.score, Some(50.0));
    let security = &card.categories[0];
    assert_eq!(security.category, CategoryId::Security);
    assert_eq!(security.tally.score, Some(100.0 * 5.5 / 9.0));
    // AAA-003 (weight 3, missing) is medium; PRV-001 (weight 2, unknown) low: no high gap.
    assert_eq!(card.high_gaps, 0);
    assert_eq!(card.band, Band::SignificantGaps);
}

#[test]
fn unanswered_questions_count_as_not_evidenced() {
    let card = score(
        &fixture(),
        &all_scope(),
        &responses(&[("AAA-001", Some(Answer::Implemented))]),
        None,
    );
    assert_eq!(card.overall.score, Some(100.0 * 5.0 / 11.0));
    assert_eq!(card.overall.answered, 1);
    assert_eq!(card.overall.questions, 4);
    assert_eq!(card.band, Band::Incomplete);
}

#[test]
fn not_applicable_leaves_the_denominator_and_an_all_na_criterion_has_no_score() {
    use Answer::*;
    let card = score(
        &fixture(),
        &all_scope(),
        &responses(&[
            ("AAA-001", Some(Implemented)),
            ("AAA-002", Some(NotApplicable)),
            ("AAA-003", Some(NotApplicable)),
            ("PRV-001", Some(Implemented)),
        ]),
        None,
    );
    assert_eq!(card.overall.score, Some(100.0));
    assert_eq!(card.overall.not_applicable, 2);
    assert_eq!(criterion_score(&card, "CC1.2"), None);
    assert_eq!(card.band, Band::Ready);
}

#[test]
fn scope_limits_questions_and_categories() {
    let card = score(
        &fixture(),
        &Scope::new(&[]),
        &responses(&[("PRV-001", Some(Answer::NotImplemented))]),
        None,
    );
    assert_eq!(card.overall.questions, 3);
    assert_eq!(card.categories.len(), 1);
    assert!(card
        .criteria
        .iter()
        .all(|c| c.category == CategoryId::Security));
    assert_eq!(card.overall.score, Some(0.0));
}

#[test]
fn retired_question_ids_are_ignored() {
    let card = score(
        &fixture(),
        &all_scope(),
        &responses(&[("OLD-999", Some(Answer::Implemented))]),
        None,
    );
    assert_eq!(card.overall.answered, 0);
}

/// Ordering of answers by value; N/A is excluded since it moves a question out of the score.
const LADDER: [Option<Answer>; 5] = [
    None,
    Some(Answer::Unknown),
    Some(Answer::NotImplemented),
    Some(Answer::Partial),
    Some(Answer::Implemented),
];

fn every_assessment() -> Vec<Vec<Option<Answer>>> {
    let options: Vec<Option<Answer>> = LADDER
        .iter()
        .copied()
        .chain([Some(Answer::NotApplicable)])
        .collect();
    let mut all = vec![vec![]];
    for _ in 0..4 {
        all = all
            .into_iter()
            .flat_map(|prefix| {
                options.iter().map(move |a| {
                    let mut next = prefix.clone();
                    next.push(*a);
                    next
                })
            })
            .collect();
    }
    all
}

fn card_for(answers: &[Option<Answer>]) -> Scorecard {
    let ids = ["AAA-001", "AAA-002", "AAA-003", "PRV-001"];
    let pairs: Vec<_> = ids.iter().copied().zip(answers.iter().copied()).collect();
    score(&fixture(), &all_scope(), &responses(&pairs), None)
}

fn all_scores(card: &Scorecard) -> Vec<Option<f64>> {
    std::iter::once(card.overall.score)
        .chain(card.categories.iter().map(|c| c.tally.score))
        .chain(card.groups.iter().map(|g| g.tally.score))
        .chain(card.criteria.iter().map(|c| c.tally.score))
        .collect()
}

#[test]
fn every_score_stays_within_0_and_100() {
    for answers in every_assessment() {
        for s in all_scores(&card_for(&answers)).into_iter().flatten() {
            assert!(
                (0.0..=100.0).contains(&s),
                "{s} out of range for {answers:?}"
            );
        }
    }
}

#[test]
fn improving_one_answer_never_lowers_any_score_or_the_band() {
    for answers in every_assessment() {
        let before = card_for(&answers);
        for i in 0..answers.len() {
            let Some(rung) = LADDER.iter().position(|a| *a == answers[i]) else {
                continue;
            };
            for better in &LADDER[rung + 1..] {
                let mut improved = answers.clone();
                improved[i] = *better;
                let after = card_for(&improved);
                for (b, a) in all_scores(&before).into_iter().zip(all_scores(&after)) {
                    if let (Some(b), Some(a)) = (b, a) {
                        assert!(a >= b - 1e-9, "{answers:?} -> {improved:?}: {b} became {a}");
                    }
                }
                assert!(
                    after.band >= before.band,
                    "{answers:?} -> {improved:?} lowered the band"
                );
            }
        }
    }
}

/// A fixture question with this weight, a key control or not.
fn q(weight: u8, key: bool) -> crate::catalog::Question {
    crate::catalog::Question {
        weight,
        key,
        ..fixture().questions[0].clone()
    }
}

#[test]
fn severity_follows_criticality_and_answer() {
    use Answer::*;
    let sev = |w, key, a| Severity::of(&q(w, key), Some(a));
    assert_eq!(sev(5, false, NotImplemented), Some(Severity::High));
    assert_eq!(sev(4, false, Unknown), Some(Severity::High));
    assert_eq!(sev(5, false, Partial), Some(Severity::High));
    assert_eq!(sev(4, false, Partial), Some(Severity::Medium));
    assert_eq!(sev(3, false, NotImplemented), Some(Severity::Medium));
    assert_eq!(sev(3, false, Partial), Some(Severity::Medium));
    assert_eq!(sev(2, false, Partial), Some(Severity::Low));
    assert_eq!(sev(1, false, NotImplemented), Some(Severity::Low));
    // A key control is high when partial or missing, whatever its weight.
    assert_eq!(sev(2, true, Partial), Some(Severity::High));
    assert_eq!(sev(1, true, Unknown), Some(Severity::High));
    assert_eq!(sev(5, true, Implemented), None);
    assert_eq!(sev(5, false, NotApplicable), None);
    assert_eq!(Severity::of(&q(5, true), None), None);
}

#[test]
fn a_criterion_with_a_high_gap_never_reads_green() {
    assert_eq!(ScoreLevel::of(96.0, 0), ScoreLevel::Good);
    assert_eq!(ScoreLevel::of(96.0, 1), ScoreLevel::Weak);
    assert_eq!(ScoreLevel::of(72.0, 0), ScoreLevel::Fair);
    assert_eq!(ScoreLevel::of(20.0, 2), ScoreLevel::Poor);
    // AAA-001 (weight 5) partial: high; its criterion scores 1/2 * 5 + 1 = 3.5 of 6 but reads weak.
    let card = score(
        &fixture(),
        &all_scope(),
        &responses(&[
            ("AAA-001", Some(Answer::Partial)),
            ("AAA-002", Some(Answer::Implemented)),
        ]),
        None,
    );
    let cc11 = &card.criteria[0].tally;
    assert_eq!(cc11.high_gaps, 1);
    assert_eq!(cc11.level, Some(ScoreLevel::Weak));
}

#[test]
fn a_type_2_control_that_started_late_scores_as_partial() {
    let mut catalog = fixture();
    catalog.questions[0].runs = Some(crate::catalog::Cadence::Quarterly);
    let start = chrono::NaiveDate::from_ymd_opt(2027, 7, 1);
    let mut rs = responses(&[("AAA-001", Some(Answer::Implemented))]);
    rs[0].since = chrono::NaiveDate::from_ymd_opt(2027, 8, 1);
    let late = score(&catalog, &all_scope(), &rs, start);
    let type1 = score(&catalog, &all_scope(), &rs, None);
    assert_eq!(late.late_controls, 1);
    assert_eq!(type1.late_controls, 0);
    assert!(late.overall.score < type1.overall.score);
    let head = headline(
        &catalog,
        &all_scope(),
        start,
        rs.iter()
            .map(|r| (r.question_id.as_str(), r.answer, r.since)),
    );
    assert_eq!(head.overall, late.overall);
}

#[test]
fn high_gaps_cap_the_band_even_with_a_high_average() {
    let mut overall = Tally {
        score: Some(92.0),
        questions: 10,
        answered: 10,
        ..Tally::default()
    };
    assert_eq!(band_for(&overall, 0), Band::Ready);
    assert_eq!(band_for(&overall, 1), Band::NearlyReady);
    assert_eq!(band_for(&overall, 5), Band::SignificantGaps);
    assert_eq!(band_for(&overall, 11), Band::NotReady);
    overall.answered = 4;
    assert_eq!(band_for(&overall, 0), Band::Incomplete);
}

#[test]
fn the_headline_agrees_with_the_full_scorecard() {
    use Answer::*;
    let catalog = fixture();
    let choices = [
        None,
        Some(Implemented),
        Some(Partial),
        Some(NotImplemented),
        Some(NotApplicable),
        Some(Unknown),
    ];
    let ids: Vec<&str> = catalog.questions.iter().map(|q| q.id.as_str()).collect();
    // Every answer for each question in turn, the others cycling through the choices.
    for (i, _) in ids.iter().enumerate() {
        for (k, _) in choices.iter().enumerate() {
            let answers: Vec<(&str, Option<Answer>)> = ids
                .iter()
                .enumerate()
                .map(|(j, id)| (*id, choices[(k + j * (i + 1)) % choices.len()]))
                .collect();
            for scope in [all_scope(), Scope::new(&[])] {
                let card = score(&catalog, &scope, &responses(&answers), None);
                let head = headline(
                    &catalog,
                    &scope,
                    None,
                    answers.iter().map(|(id, a)| (*id, *a, None)),
                );
                assert_eq!(head.overall, card.overall);
                assert_eq!(head.band, card.band);
                assert_eq!(head.high_gaps, card.high_gaps);
            }
        }
    }
}
