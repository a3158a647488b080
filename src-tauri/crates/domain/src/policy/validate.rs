//! Policy library validation: the rules a template set must pass against the question bank.
//!
//! Rules: ids unique (policies, sections within a policy, facts, parameters); titles,
//! summaries, roles and statements present; review every 1 to 36 months; every criterion real
//! and of one of its policy's categories; every clause's fact and every fact's questions real;
//! a fact a policy uses stays decidable when only that policy's categories are in scope; every
//! `{{placeholder}}` declared or built in, none left unclosed; roles (owner, approver,
//! `{{role:<Name>}}`) are the bank's; no clause repeated in a body, where it would read as
//! practice whatever the answers; no fact or parameter unused.

use super::model::{PolicyLibrary, PolicyTemplate};
use crate::catalog::Catalog;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// Placeholders the app fills without a declared parameter (besides `role:<Name>`).
pub const BUILTIN_PLACEHOLDERS: [&str; 7] = [
    "company",
    "system",
    "owner",
    "approver",
    "version",
    "effective_date",
    "next_review",
];

/// Longest review cycle a policy may set, in months.
pub const MAX_REVIEW_MONTHS: u16 = 36;

/// One broken rule, naming the file, policy or section it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyIssue {
    pub subject: String,
    pub problem: String,
}

impl fmt::Display for PolicyIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.subject, self.problem)
    }
}

#[derive(Default)]
struct Issues(Vec<PolicyIssue>);

impl Issues {
    fn check(&mut self, ok: bool, subject: &str, problem: impl Into<String>) {
        if !ok {
            self.0.push(PolicyIssue {
                subject: subject.to_owned(),
                problem: problem.into(),
            });
        }
    }
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// The names inside `{{ }}` in `text`, or the problem with the first malformed one.
pub fn placeholders(text: &str) -> Result<Vec<&str>, String> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        if rest[..start].contains("}}") {
            return Err(stray(&rest[..start]));
        }
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            return Err(format!(
                "has an unclosed \"{{{{\" near \"{}\"",
                excerpt(after)
            ));
        };
        let name = &after[..end];
        if name.contains("{{") {
            return Err(format!(
                "has an unclosed \"{{{{\" near \"{}\"",
                excerpt(after)
            ));
        }
        names.push(name);
        rest = &after[end + 2..];
    }
    if rest.contains("}}") {
        return Err(stray(rest));
    }
    Ok(names)
}

fn stray(segment: &str) -> String {
    let at = segment.find("}}").unwrap_or(0);
    let before: String = segment[..at].chars().rev().take(24).collect();
    let before: String = before.chars().rev().collect();
    format!("has a \"}}}}\" without a matching \"{{{{\" after \"{before}\"")
}

fn excerpt(s: &str) -> String {
    s.chars().take(24).collect()
}

/// Whether `name` is filled by the app: a built-in, or `role:<Name>` with a plain role name.
fn is_builtin(name: &str) -> bool {
    if BUILTIN_PLACEHOLDERS.contains(&name) {
        return true;
    }
    name.strip_prefix("role:").is_some_and(|role| {
        !blank(role)
            && role.trim() == role
            && role
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '/' | '-' | '&'))
    })
}

/// What the placeholders of every text are checked against, and the parameters seen in use.
struct Placeholders<'a> {
    parameters: HashSet<&'a str>,
    /// The bank's roles: a `{{role:<Name>}}` must name one (case-insensitively, as filled).
    roles: &'a [String],
    used: HashSet<&'a str>,
}

impl<'a> Placeholders<'a> {
    fn check(&mut self, issues: &mut Issues, subject: &str, field: &str, text: &'a str) {
        let names = match placeholders(text) {
            Ok(names) => names,
            Err(problem) => return issues.check(false, subject, format!("{field} {problem}")),
        };
        for name in names {
            if self.parameters.contains(name) {
                self.used.insert(name);
                continue;
            }
            issues.check(
                is_builtin(name),
                subject,
                format!(
                    "{field} uses the placeholder {{{{{name}}}}}, which is neither a parameter \
                     in parameters.toml nor a built-in"
                ),
            );
            if let Some(role) = name.strip_prefix("role:").filter(|_| is_builtin(name)) {
                issues.check(
                    known_role(self.roles, role),
                    subject,
                    format!(
                        "{field} names the role \"{role}\", which is not one of the bank's roles"
                    ),
                );
            }
        }
    }
}

fn known_role(roles: &[String], role: &str) -> bool {
    roles.iter().any(|r| r.eq_ignore_ascii_case(role))
}

/// Checks `lib` against `catalog`; every broken rule is reported, not just the first.
pub fn validate_library(lib: &PolicyLibrary, catalog: &Catalog) -> Result<(), Vec<PolicyIssue>> {
    let mut issues = Issues::default();
    let mut texts = Placeholders {
        parameters: lib.parameters.iter().map(|p| p.id.as_str()).collect(),
        roles: &catalog.roles,
        used: HashSet::new(),
    };
    let mut used_facts = HashSet::new();
    check_facts(&mut issues, lib, catalog);
    check_parameters(&mut issues, lib);

    let mut policy_ids = HashSet::new();
    for policy in &lib.policies {
        let subject = format!("policy {}", policy.id);
        issues.check(!blank(&policy.id), &subject, "has no id");
        issues.check(
            policy_ids.insert(policy.id.as_str()),
            &subject,
            "uses an id another policy already uses",
        );
        check_header(&mut issues, &subject, policy, &catalog.roles);
        for (field, text) in [("title", &policy.title), ("summary", &policy.summary)] {
            texts.check(&mut issues, &subject, field, text);
        }
        let mut section_ids = HashSet::new();
        for section in &policy.sections {
            let subject = format!("policy {}, section {}", policy.id, section.id);
            issues.check(!blank(&section.id), &subject, "has no id");
            issues.check(
                section_ids.insert(section.id.as_str()),
                &subject,
                "uses an id another section of this policy already uses",
            );
            issues.check(!blank(&section.title), &subject, "has no title");
            issues.check(!blank(&section.body), &subject, "has no body");
            issues.check(!section.criteria.is_empty(), &subject, "cites no criteria");
            for id in &section.criteria {
                match catalog.criterion(id) {
                    None => issues.check(
                        false,
                        &subject,
                        format!("cites criterion {id}, which is not in the bank"),
                    ),
                    Some(c) => issues.check(
                        policy.categories.contains(&c.category),
                        &subject,
                        format!(
                            "cites criterion {id} of category {}, which is not one of the \
                             policy's categories",
                            c.category.as_str()
                        ),
                    ),
                }
            }
            let mut seen = HashSet::new();
            issues.check(
                section.criteria.iter().all(|c| seen.insert(c)),
                &subject,
                "cites a criterion twice",
            );
            for (field, text) in [("title", &section.title), ("body", &section.body)] {
                texts.check(&mut issues, &subject, field, text);
            }
            for clause in &section.clauses {
                let field = format!("the clause on fact {}", clause.fact);
                issues.check(
                    !blank(&clause.text),
                    &subject,
                    format!("{field} has no text"),
                );
                texts.check(&mut issues, &subject, &field, &clause.text);
                used_facts.insert(clause.fact.as_str());
                issues.check(
                    !repeated_in_a_body(policy, &clause.text),
                    &subject,
                    format!(
                        "{field} is repeated word for word in a section body, where it would \
                         read as practice even while the fact does not hold"
                    ),
                );
                check_clause_fact(&mut issues, &subject, policy, &clause.fact, lib, catalog);
            }
        }
    }

    for fact in &lib.facts {
        issues.check(
            used_facts.contains(fact.id.as_str()),
            &format!("facts.toml, fact {}", fact.id),
            "is not used by any clause (remove it or use it)",
        );
    }
    for parameter in &lib.parameters {
        issues.check(
            texts.used.contains(parameter.id.as_str()),
            &format!("parameters.toml, parameter {}", parameter.id),
            "is not used in any policy text (remove it or use it)",
        );
    }
    if issues.0.is_empty() {
        Ok(())
    } else {
        Err(issues.0)
    }
}

/// A clause's sentence written into a body too would be stated whatever the answers say.
fn repeated_in_a_body(policy: &PolicyTemplate, clause: &str) -> bool {
    let sentence = clause.trim().trim_end_matches('.');
    !sentence.is_empty() && policy.sections.iter().any(|s| s.body.contains(sentence))
}

fn check_header(issues: &mut Issues, subject: &str, policy: &PolicyTemplate, roles: &[String]) {
    issues.check(!blank(&policy.title), subject, "has no title");
    issues.check(!blank(&policy.summary), subject, "has no summary");
    issues.check(!blank(&policy.owner_role), subject, "has no owner role");
    issues.check(
        !blank(&policy.approver_role),
        subject,
        "has no approver role",
    );
    for (what, role) in [
        ("owner", &policy.owner_role),
        ("approver", &policy.approver_role),
    ] {
        issues.check(
            blank(role) || known_role(roles, role),
            subject,
            format!("has the {what} role \"{role}\", which is not one of the bank's roles"),
        );
    }
    issues.check(
        (1..=MAX_REVIEW_MONTHS).contains(&policy.review_months),
        subject,
        format!(
            "sets review_months to {}; it must be between 1 and {MAX_REVIEW_MONTHS}",
            policy.review_months
        ),
    );
    issues.check(!policy.categories.is_empty(), subject, "has no categories");
    let mut seen = HashSet::new();
    issues.check(
        policy.categories.iter().all(|c| seen.insert(*c)),
        subject,
        "lists a category twice",
    );
    issues.check(!policy.sections.is_empty(), subject, "has no sections");
}

/// A clause's fact exists and one of its questions is asked when only the policy's
/// categories are in scope (else the clause could never be decided for that scope).
fn check_clause_fact(
    issues: &mut Issues,
    subject: &str,
    policy: &PolicyTemplate,
    fact_id: &str,
    lib: &PolicyLibrary,
    catalog: &Catalog,
) {
    let Some(fact) = lib.fact(fact_id) else {
        issues.check(
            false,
            subject,
            format!("has a clause on fact {fact_id}, which is not in facts.toml"),
        );
        return;
    };
    let decidable = fact.questions.iter().any(|q| {
        catalog
            .question(q)
            .is_some_and(|q| q.categories.iter().any(|c| policy.categories.contains(c)))
    });
    issues.check(
        decidable,
        subject,
        format!(
            "has a clause on fact {fact_id}, none of whose questions belongs to the policy's \
             categories"
        ),
    );
}

fn check_facts(issues: &mut Issues, lib: &PolicyLibrary, catalog: &Catalog) {
    let mut ids = HashSet::new();
    for fact in &lib.facts {
        let subject = format!("facts.toml, fact {}", fact.id);
        issues.check(!blank(&fact.id), &subject, "has no id");
        issues.check(
            ids.insert(fact.id.as_str()),
            &subject,
            "uses an id another fact already uses",
        );
        issues.check(!blank(&fact.statement), &subject, "has no statement");
        issues.check(!fact.questions.is_empty(), &subject, "lists no questions");
        let mut seen = HashSet::new();
        for q in &fact.questions {
            issues.check(
                catalog.question(q).is_some(),
                &subject,
                format!("lists question {q}, which is not in the bank"),
            );
            issues.check(
                seen.insert(q),
                &subject,
                format!("lists question {q} twice"),
            );
        }
    }
}

fn check_parameters(issues: &mut Issues, lib: &PolicyLibrary) {
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for parameter in &lib.parameters {
        let subject = format!("parameters.toml, parameter {}", parameter.id);
        let count = ids.entry(parameter.id.as_str()).or_default();
        *count += 1;
        issues.check(
            *count == 1,
            &subject,
            "uses an id another parameter already uses",
        );
        issues.check(
            !parameter.id.is_empty()
                && parameter
                    .id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            &subject,
            "must have an id of lowercase letters, digits and underscores",
        );
        issues.check(
            !is_builtin(&parameter.id),
            &subject,
            "uses the name of a built-in placeholder",
        );
        issues.check(!blank(&parameter.label), &subject, "has no label");
        issues.check(!blank(&parameter.help), &subject, "has no help");
        issues.check(!blank(&parameter.default), &subject, "has no default");
        issues.check(
            !parameter.default.contains("{{") && !parameter.default.contains("}}"),
            &subject,
            "has a default containing a placeholder",
        );
    }
}

#[cfg(test)]
#[path = "validate_tests.rs"]
mod tests;
