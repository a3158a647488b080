//! Catalog validation: every rule a bank must pass before the app will use it.
//!
//! Rules: ids well-formed and unique; every reference resolves; every field a user or auditor
//! reads is present (guidance, evidence, a finding sentence, evidence requests per criterion);
//! weights, efforts and lead times in range; each criterion evidenced by enough questions (3 for
//! CC6, CC7, CC8 and CC9.2, 2 elsewhere); every remediation used; the scoping questionnaire can
//! recommend every optional category. `validate_links` checks dependencies, the coverage map and
//! the mapping from the previous bank.

use super::model::{Catalog, CategoryId};
use std::collections::{HashMap, HashSet};
use std::fmt;

pub const MAX_QUESTION_CHARS: usize = 240;
pub const MAX_TITLE_CHARS: usize = 90;
pub const MAX_FINDING_CHARS: usize = 90;
/// Most criteria one question may evidence.
pub const MAX_QUESTION_CRITERIA: usize = 4;

/// One broken rule, naming the item it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    pub subject: String,
    pub problem: String,
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.subject, self.problem)
    }
}

/// Minimum number of questions that must evidence a criterion.
pub fn required_questions(criterion: &str) -> usize {
    let deep = ["CC6.", "CC7.", "CC8."];
    if deep.iter().any(|p| criterion.starts_with(p)) || criterion == "CC9.2" {
        3
    } else {
        2
    }
}

pub(super) struct Errors(Vec<ValidationError>);

impl Errors {
    pub(super) fn check(&mut self, ok: bool, subject: &str, problem: impl Into<String>) {
        if !ok {
            self.0.push(ValidationError {
                subject: subject.to_owned(),
                problem: problem.into(),
            });
        }
    }
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// `AAA-000` for questions, `SCP-00` for scoping questions.
fn well_formed_id(id: &str, prefix_len: usize, digits: usize, fixed_prefix: Option<&str>) -> bool {
    let Some((prefix, num)) = id.split_once('-') else {
        return false;
    };
    prefix.len() == prefix_len
        && prefix.chars().all(|c| c.is_ascii_uppercase())
        && fixed_prefix.is_none_or(|p| p == prefix)
        && num.len() == digits
        && num.chars().all(|c| c.is_ascii_digit())
}

fn kebab_case(key: &str) -> bool {
    !key.is_empty()
        && key.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// Returns every broken rule; an empty list means the catalog is usable.
pub fn validate(cat: &Catalog) -> Vec<ValidationError> {
    let mut e = Errors(Vec::new());
    e.check(!blank(&cat.version), "catalog", "version is empty");
    validate_categories(cat, &mut e);

    let roles: HashSet<&str> = cat.roles.iter().map(String::as_str).collect();
    e.check(!roles.is_empty(), "catalog", "no roles are defined");
    e.check(
        roles.len() == cat.roles.len(),
        "catalog",
        "a role is listed twice",
    );

    let mut criteria: HashMap<&str, CategoryId> = HashMap::new();
    for c in &cat.criteria {
        e.check(
            criteria.insert(&c.id, c.category).is_none(),
            &c.id,
            "duplicate criterion id",
        );
        e.check(
            !blank(&c.group) && !blank(&c.topic),
            &c.id,
            "group or topic is empty",
        );
        e.check(
            (3..=6).contains(&c.requests.len()) && c.requests.iter().all(|r| !blank(r)),
            &c.id,
            "needs 3 to 6 evidence requests",
        );
    }

    let mut remediations: HashMap<&str, bool> = HashMap::new();
    for r in &cat.remediations {
        let s = format!("remediation {}", r.key);
        e.check(kebab_case(&r.key), &s, "key must be kebab-case");
        e.check(
            remediations.insert(&r.key, false).is_none(),
            &s,
            "duplicate key",
        );
        e.check(
            !blank(&r.title) && r.title.chars().count() <= MAX_TITLE_CHARS,
            &s,
            format!("title must be 1 to {MAX_TITLE_CHARS} characters"),
        );
        e.check(!blank(&r.action), &s, "action is empty");
        e.check(!blank(&r.proof), &s, "proof of completion is empty");
        e.check(
            roles.contains(r.owner.as_str()),
            &s,
            format!("owner '{}' is not a catalog role", r.owner),
        );
        e.check(
            r.lead_weeks.is_none_or(|w| (1..=52).contains(&w)),
            &s,
            "lead time must be 1 to 52 weeks",
        );
    }

    let mut question_ids = HashSet::new();
    let mut coverage: HashMap<&str, usize> = HashMap::new();
    for q in &cat.questions {
        let s = format!("question {}", q.id);
        e.check(
            well_formed_id(&q.id, 3, 3, None),
            &s,
            "id must look like ABC-001",
        );
        e.check(question_ids.insert(&q.id), &s, "duplicate question id");
        e.check(
            !blank(&q.text) && q.text.chars().count() <= MAX_QUESTION_CHARS,
            &s,
            format!("question text must be 1 to {MAX_QUESTION_CHARS} characters"),
        );
        e.check(!blank(&q.why), &s, "guidance 'why' is empty");
        e.check(
            !blank(&q.good),
            &s,
            "guidance 'what good looks like' is empty",
        );
        e.check(
            q.evidence.len() >= 2 && q.evidence.iter().all(|x| !blank(x)),
            &s,
            "needs at least two evidence examples",
        );
        e.check((1..=5).contains(&q.weight), &s, "weight must be 1 to 5");
        e.check(
            !blank(&q.finding)
                && q.finding.chars().count() <= MAX_FINDING_CHARS
                && !q.finding.trim_end().ends_with(['.', '?']),
            &s,
            format!("finding must be a statement of 1 to {MAX_FINDING_CHARS} characters, without a final full stop"),
        );
        e.check(
            q.counsel.as_deref().is_none_or(|c| !blank(c)),
            &s,
            "the note for counsel is empty",
        );
        e.check(
            (1..=MAX_QUESTION_CRITERIA).contains(&q.criteria.len()),
            &s,
            format!("evidences 1 to {MAX_QUESTION_CRITERIA} criteria"),
        );
        let mut seen = HashSet::new();
        for c in &q.criteria {
            e.check(seen.insert(c), &s, format!("lists {c} twice"));
            match criteria.get(c.as_str()) {
                Some(_) => *coverage.entry(c).or_default() += 1,
                None => e.check(false, &s, format!("unknown criterion {c}")),
            }
        }
        match remediations.get_mut(q.remediation.as_str()) {
            Some(used) => *used = true,
            None => e.check(
                false,
                &s,
                format!("unknown remediation '{}'", q.remediation),
            ),
        }
    }

    for c in &cat.criteria {
        let have = coverage.get(c.id.as_str()).copied().unwrap_or(0);
        let need = required_questions(&c.id);
        e.check(
            have >= need,
            &c.id,
            format!("{have} questions, needs at least {need}"),
        );
    }
    for (key, used) in &remediations {
        e.check(*used, &format!("remediation {key}"), "no question uses it");
    }
    validate_scoping(cat, &mut e);
    super::validate_links::validate_links(cat, &mut e);
    e.0.sort_by(|a, b| (&a.subject, &a.problem).cmp(&(&b.subject, &b.problem)));
    e.0
}

fn validate_categories(cat: &Catalog, e: &mut Errors) {
    for id in CategoryId::ALL {
        let found: Vec<_> = cat.categories.iter().filter(|c| c.id == id).collect();
        e.check(
            found.len() == 1,
            id.as_str(),
            "category must be defined exactly once",
        );
        if let Some(c) = found.first() {
            e.check(
                c.optional == (id != CategoryId::Security),
                id.as_str(),
                "only Security is mandatory",
            );
            e.check(
                !blank(&c.name) && !blank(&c.summary),
                id.as_str(),
                "name or summary is empty",
            );
        }
    }
}

fn validate_scoping(cat: &Catalog, e: &mut Errors) {
    let mut ids = HashSet::new();
    let mut recommended = HashSet::new();
    for s in &cat.scoping {
        let subject = format!("scoping {}", s.id);
        e.check(
            well_formed_id(&s.id, 3, 2, Some("SCP")),
            &subject,
            "id must look like SCP-01",
        );
        e.check(ids.insert(&s.id), &subject, "duplicate id");
        e.check(
            !blank(&s.text) && !blank(&s.help),
            &subject,
            "text or help is empty",
        );
        e.check(
            s.recommends.is_empty() || !blank(&s.reason),
            &subject,
            "recommends a category without a reason",
        );
        e.check(
            !s.recommends.is_empty() || s.advice.as_deref().is_some_and(|a| !blank(a)),
            &subject,
            "neither recommends a category nor gives advice",
        );
        for c in &s.recommends {
            e.check(
                *c != CategoryId::Security,
                &subject,
                "Security is always in scope",
            );
            recommended.insert(*c);
        }
    }
    e.check(
        cat.scoping.len() >= 6,
        "scoping",
        "needs at least 6 questions",
    );
    for c in CategoryId::ALL
        .into_iter()
        .filter(|c| *c != CategoryId::Security)
    {
        e.check(
            recommended.contains(&c),
            "scoping",
            format!("no question can recommend {}", c.as_str()),
        );
    }
}
