//! Suggested answers for the bank's training, acknowledgement and leaver questions, read from
//! the register with the counts behind them. A suggestion is advice: the assessor decides, and
//! nothing is saved until they choose it.

use super::acknowledgements::{ack_status, AckState, Acknowledgement, CurrentPolicy};
use super::training::{training_status, Audience, Completion, Course, Status};
use crate::assessment::Answer;
use crate::people::Person;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

/// What part of the register answers a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    /// New people trained within the joining window of the courses everyone takes.
    JoinerTraining,
    /// Everyone up to date with the refresh of the courses everyone takes.
    RefreshTraining,
    /// Everyone acknowledged the version in force of every approved policy.
    Acknowledgements,
    /// Every leaver's access removal recorded.
    LeaverAccess,
}

/// The bank's questions the register can answer, by id: the one place they are mapped.
pub const REGISTER_QUESTIONS: [(&str, Evidence); 4] = [
    ("GOV-009", Evidence::JoinerTraining),
    ("HRS-007", Evidence::RefreshTraining),
    ("COM-010", Evidence::Acknowledgements),
    ("ACC-007", Evidence::LeaverAccess),
];

/// The register of one client, as the suggestions read it.
#[derive(Debug, Clone, Copy)]
pub struct RegisterData<'a> {
    pub people: &'a [Person],
    pub courses: &'a [Course],
    pub completions: &'a [Completion],
    pub policies: &'a [CurrentPolicy],
    pub acks: &'a [Acknowledgement],
}

/// An answer the register points to, and the counts that make the case for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct AnswerSuggestion {
    pub question_id: String,
    pub answer: Answer,
    pub answer_label: String,
    /// One or two sentences with counts only (never a name), for the assessor to weigh.
    pub evidence: String,
}

/// The suggestion for each mapped question the register has something to say about, in
/// `REGISTER_QUESTIONS` order; a question with nobody to judge gets none.
pub fn suggest_answers(reg: &RegisterData<'_>, today: NaiveDate) -> Vec<AnswerSuggestion> {
    REGISTER_QUESTIONS
        .iter()
        .filter_map(|&(id, evidence)| {
            let (answer, sentence) = match evidence {
                Evidence::JoinerTraining => joiner_training(reg, today),
                Evidence::RefreshTraining => refresh_training(reg, today),
                Evidence::Acknowledgements => acknowledgements(reg, today),
                Evidence::LeaverAccess => leaver_access(reg.people, today),
            }?;
            Some(AnswerSuggestion {
                question_id: id.to_owned(),
                answer,
                answer_label: answer.label().to_owned(),
                evidence: sentence,
            })
        })
        .collect()
}

/// All in order: implemented; none: not implemented; some: partial; nobody judged: no answer.
fn verdict(ok: usize, short: usize) -> Option<Answer> {
    match (ok, short) {
        (0, 0) => None,
        (_, 0) => Some(Answer::Implemented),
        (0, _) => Some(Answer::NotImplemented),
        _ => Some(Answer::Partial),
    }
}

fn people(n: usize) -> String {
    if n == 1 {
        "1 person".to_owned()
    } else {
        format!("{n} people")
    }
}

/// "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The courses everyone takes (whatever their role or team): the awareness training the
/// questions ask about, as opposed to role-specific courses.
fn general(course: &Course) -> bool {
    matches!(
        course.audience,
        Audience::Everyone | Audience::EmployeesOnly
    )
}

/// On staff today and already started: the people the training and acknowledgement
/// questions are about. Leavers are asked about in the access question instead.
fn on_staff(p: &Person, today: NaiveDate) -> bool {
    !p.left_by(today) && p.start_date.is_none_or(|s| s <= today)
}

fn joiner_training(reg: &RegisterData<'_>, today: NaiveDate) -> Option<(Answer, String)> {
    let courses: Vec<&Course> = reg
        .courses
        .iter()
        .filter(|c| general(c) && c.within_days.is_some())
        .collect();
    let (mut on_time, mut late, mut untrained, mut waiting) = (0, 0, 0, 0);
    // Without a start date there is no joining window to judge.
    for p in reg
        .people
        .iter()
        .filter(|p| on_staff(p, today) && p.start_date.is_some())
    {
        let statuses: Vec<_> = courses
            .iter()
            .map(|c| training_status(p, c, reg.completions, today))
            .filter(|s| s.status != Status::NotRequired)
            .collect();
        if statuses.is_empty() {
            continue;
        }
        if statuses
            .iter()
            .any(|s| s.last_completed.is_none() && s.status == Status::Overdue)
        {
            untrained += 1;
        } else if statuses.iter().any(|s| s.first_late) {
            late += 1;
        } else if statuses.iter().any(|s| s.last_completed.is_none()) {
            // Still inside their window: too early to say either way.
            waiting += 1;
        } else {
            on_time += 1;
        }
    }
    let answer = verdict(on_time, late + untrained)?;
    let names: Vec<String> = courses
        .iter()
        .map(|c| {
            let days = c.within_days.unwrap_or_default();
            format!("{} (within {days} days of joining)", c.name)
        })
        .collect();
    let judged = on_time + late + untrained;
    let mut s = format!(
        "{on_time} of {} on staff took {} in time",
        people(judged),
        and_list(&names)
    );
    let mut short = Vec::new();
    if late > 0 {
        short.push(format!("{late} late"));
    }
    if untrained > 0 {
        short.push(format!("{untrained} not at all"));
    }
    if !short.is_empty() {
        s.push_str(&format!("; {}", and_list(&short)));
    }
    s.push('.');
    if waiting > 0 {
        s.push_str(&format!(
            " Not counted: {} still within their joining window.",
            people(waiting)
        ));
    }
    Some((answer, s))
}

fn refresh_training(reg: &RegisterData<'_>, today: NaiveDate) -> Option<(Answer, String)> {
    let courses: Vec<&Course> = reg
        .courses
        .iter()
        .filter(|c| general(c) && c.every_months.is_some())
        .collect();
    let (mut current, mut overdue, mut never) = (0, 0, 0);
    for p in reg.people.iter().filter(|p| on_staff(p, today)) {
        let statuses: Vec<_> = courses
            .iter()
            .map(|c| training_status(p, c, reg.completions, today))
            .filter(|s| s.status != Status::NotRequired)
            .collect();
        let overdue_ones = statuses.iter().filter(|s| s.status == Status::Overdue);
        if overdue_ones.clone().any(|s| s.last_completed.is_some()) {
            overdue += 1;
        } else if overdue_ones.count() > 0 {
            never += 1;
        } else if !statuses.is_empty() && statuses.iter().all(|s| s.last_completed.is_some()) {
            current += 1;
        }
        // Anyone else has not been trained yet but is not late: a new joiner, not judged here.
    }
    let answer = verdict(current, overdue + never)?;
    let names: Vec<String> = courses
        .iter()
        .map(|c| {
            let months = c.every_months.unwrap_or_default();
            format!("{} (every {months} months)", c.name)
        })
        .collect();
    let mut s = format!(
        "{current} of {} on staff are up to date with {}",
        people(current + overdue + never),
        and_list(&names)
    );
    let mut short = Vec::new();
    if overdue > 0 {
        short.push(format!("{overdue} overdue for the refresh"));
    }
    if never > 0 {
        short.push(format!("{never} never trained"));
    }
    if !short.is_empty() {
        s.push_str(&format!("; {}", and_list(&short)));
    }
    s.push('.');
    Some((answer, s))
}

fn acknowledgements(reg: &RegisterData<'_>, today: NaiveDate) -> Option<(Answer, String)> {
    if reg.policies.is_empty() {
        // No approved policy yet: nothing anyone could have acknowledged.
        return None;
    }
    let (mut all, mut missing, mut stale) = (0, 0, 0);
    for p in reg.people.iter().filter(|p| on_staff(p, today)) {
        let states: Vec<AckState> = reg
            .policies
            .iter()
            .map(|pol| ack_status(p.id, pol, reg.acks))
            .collect();
        if states.contains(&AckState::Missing) {
            missing += 1;
        } else if states.contains(&AckState::Stale) {
            stale += 1;
        } else {
            all += 1;
        }
    }
    let answer = verdict(all, missing + stale)?;
    let n = reg.policies.len();
    let policies = if n == 1 {
        "the approved policy".to_owned()
    } else {
        format!("all {n} approved policies")
    };
    let mut s = format!(
        "{all} of {} on staff acknowledged the version in force of {policies}",
        people(all + missing + stale)
    );
    let mut short = Vec::new();
    if missing > 0 {
        let have = if missing == 1 { "has" } else { "have" };
        short.push(format!("{missing} {have} not acknowledged one or more"));
    }
    if stale > 0 {
        short.push(format!("{stale} acknowledged an older version"));
    }
    if !short.is_empty() {
        s.push_str(&format!("; {}", and_list(&short)));
    }
    s.push('.');
    Some((answer, s))
}

fn leaver_access(roster: &[Person], today: NaiveDate) -> Option<(Answer, String)> {
    let leavers: Vec<(NaiveDate, Option<NaiveDate>)> = roster
        .iter()
        .filter(|p| p.left_by(today))
        .filter_map(|p| Some((p.end_date?, p.access_removed_on)))
        .collect();
    // Days from the last day to the recorded removal (negative: removed before it).
    let recorded: Vec<i64> = leavers
        .iter()
        .filter_map(|&(left, removed)| Some((removed? - left).num_days()))
        .collect();
    let missing = leavers.len() - recorded.len();
    let answer = verdict(recorded.len(), missing)?;
    let word = if leavers.len() == 1 {
        "leaver"
    } else {
        "leavers"
    };
    let mut s = format!(
        "Access removal is recorded for {} of {} {word}",
        recorded.len(),
        leavers.len()
    );
    if missing > 0 {
        s.push_str(&format!("; {missing} not recorded"));
    }
    s.push('.');
    // How soon is for the assessor to weigh against the policy's limit, which the register
    // does not know.
    if let Some(&longest) = recorded.iter().max() {
        let on_time = recorded.iter().filter(|&&d| d <= 0).count();
        s.push_str(&format!(
            " {on_time} of {} on or before the last day",
            recorded.len()
        ));
        if longest > 0 {
            let days = if longest == 1 { "day" } else { "days" };
            s.push_str(&format!("; the slowest {longest} {days} after it"));
        }
        s.push('.');
    }
    Some((answer, s))
}
