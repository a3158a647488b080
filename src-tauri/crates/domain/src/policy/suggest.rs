//! Parameter values read from the assessment, each with where it was found: the cloud provider
//! from the company profile's hosting, tools named in answer notes, cadences chosen on answers,
//! recovery objectives and retention periods written in notes. A suggestion never overrides a
//! value the user set; the user decides.

use super::model::{PolicyLibrary, PolicyParameterView};
use crate::assessment::{CompanyProfile, Response};
use crate::catalog::{Cadence, Catalog};
use std::collections::BTreeMap;

/// A value for a parameter and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub value: String,
    pub from: String,
}

/// A tool a note may name: the parameter it fills, what to look for, how to write it.
struct Tool {
    parameter: &'static str,
    needle: &'static str,
    name: &'static str,
    /// Ordinary English words ("Linear", "Keeper") are matched only as capitalised.
    case_sensitive: bool,
    /// Text right after the needle that means another product ("Azure AD").
    unless_followed_by: &'static [&'static str],
}

const fn tool(parameter: &'static str, needle: &'static str, name: &'static str) -> Tool {
    Tool {
        parameter,
        needle,
        name,
        case_sensitive: false,
        unless_followed_by: &[],
    }
}

const fn exact(parameter: &'static str, needle: &'static str) -> Tool {
    Tool {
        parameter,
        needle,
        name: needle,
        case_sensitive: true,
        unless_followed_by: &[],
    }
}

/// Every tool a note may name. A note naming "GitHub Issues" names "GitHub" too: both
/// parameters are suggested, which is what such a note means.
const TOOLS: &[Tool] = &[
    tool("cloud_provider", "Amazon Web Services", "AWS"),
    tool("cloud_provider", "AWS", "AWS"),
    tool("cloud_provider", "Google Cloud", "Google Cloud"),
    tool("cloud_provider", "GCP", "Google Cloud"),
    Tool {
        unless_followed_by: &[" AD", " Active Directory", " DevOps", " Entra"],
        ..tool("cloud_provider", "Azure", "Microsoft Azure")
    },
    tool("cloud_provider", "Hetzner", "Hetzner"),
    tool("cloud_provider", "DigitalOcean", "DigitalOcean"),
    tool("cloud_provider", "Heroku", "Heroku"),
    tool("cloud_provider", "OVHcloud", "OVHcloud"),
    tool("identity_provider", "Google Workspace", "Google Workspace"),
    tool("identity_provider", "Entra ID", "Microsoft Entra ID"),
    tool("identity_provider", "Azure AD", "Microsoft Entra ID"),
    tool("identity_provider", "Okta", "Okta"),
    tool("identity_provider", "JumpCloud", "JumpCloud"),
    tool("identity_provider", "OneLogin", "OneLogin"),
    tool("ticketing_tool", "GitHub Issues", "GitHub Issues"),
    tool("ticketing_tool", "Jira", "Jira"),
    exact("ticketing_tool", "Linear"),
    tool("ticketing_tool", "YouTrack", "YouTrack"),
    tool("ticketing_tool", "ClickUp", "ClickUp"),
    tool("ticketing_tool", "Asana", "Asana"),
    tool("code_host", "GitHub", "GitHub"),
    tool("code_host", "GitLab", "GitLab"),
    tool("code_host", "Bitbucket", "Bitbucket"),
    tool("code_host", "Azure DevOps", "Azure DevOps"),
    tool("hr_system", "BambooHR", "BambooHR"),
    tool("hr_system", "Rippling", "Rippling"),
    tool("hr_system", "HiBob", "HiBob"),
    tool("hr_system", "Personio", "Personio"),
    tool("hr_system", "Gusto", "Gusto"),
    tool("hr_system", "Workday", "Workday"),
    tool("password_manager", "1Password", "1Password"),
    tool("password_manager", "Bitwarden", "Bitwarden"),
    tool("password_manager", "LastPass", "LastPass"),
    tool("password_manager", "Dashlane", "Dashlane"),
    exact("password_manager", "Keeper"),
    tool("endpoint_tool", "Jamf", "Jamf"),
    tool("endpoint_tool", "Kandji", "Kandji"),
    tool("endpoint_tool", "Intune", "Microsoft Intune"),
    tool("endpoint_tool", "Mosyle", "Mosyle"),
    tool("endpoint_tool", "Kolide", "Kolide"),
    tool("log_tool", "Datadog", "Datadog"),
    tool("log_tool", "Splunk", "Splunk"),
    tool("log_tool", "CloudWatch", "CloudWatch"),
    tool("log_tool", "Sumo Logic", "Sumo Logic"),
    tool("log_tool", "Elasticsearch", "Elasticsearch"),
    tool("log_tool", "Grafana", "Grafana"),
];

/// Cadence parameters and the fact whose questions record the cadence chosen.
const CADENCES: &[(&str, &str)] = &[
    ("access_review_cadence", "access-reviews"),
    ("restore_test_cadence", "restore-tested"),
    ("exercise_cadence", "incident-exercise"),
    ("vulnerability_scan_cadence", "vulnerability-scanning"),
    ("pentest_cadence", "penetration-test"),
    ("training_refresh_cadence", "training-completed"),
    ("vendor_review_cadence", "vendor-reports-reviewed"),
    ("risk_assessment_cadence", "risk-assessment"),
    ("management_review_cadence", "management-review"),
    ("board_review_cadence", "board-oversight"),
    ("capacity_review_cadence", "capacity-reviewed"),
];

/// Retention parameters, the facts whose notes may state them, and the words that lead in.
const RETENTIONS: &[(&str, &[&str])] = &[
    (
        "backup_retention",
        &[
            "automatic-backups",
            "backup-retention-applied",
            "backups-protected",
            "restore-tested",
        ],
    ),
    ("log_retention", &["logs-retained", "central-logging"]),
];
const KEPT: &[&str] = &["kept", "retained", "retention", "stored for"];
const OBJECTIVES: &[(&str, &str)] = &[("rto", "RTO"), ("rpo", "RPO")];

/// How a cadence reads mid-sentence ("reviewed quarterly"); none for a continuous one.
pub fn cadence_phrase(c: Cadence) -> Option<&'static str> {
    match c {
        Cadence::Continuous => None,
        Cadence::Weekly => Some("weekly"),
        Cadence::Monthly => Some("monthly"),
        Cadence::Quarterly => Some("quarterly"),
        Cadence::Semiannual => Some("every six months"),
        Cadence::Annual => Some("annually"),
    }
}

/// Every suggestion the assessment supports, by parameter id. The first place found wins:
/// the profile, then the notes in bank order.
pub fn suggestions(
    library: &PolicyLibrary,
    catalog: &Catalog,
    profile: &CompanyProfile,
    responses: &[Response],
) -> BTreeMap<String, Suggestion> {
    let mut found: BTreeMap<String, Suggestion> = BTreeMap::new();
    let mut offer = |id: &str, value: String, from: &str| {
        if library.parameter(id).is_some() && !found.contains_key(id) {
            found.insert(
                id.to_owned(),
                Suggestion {
                    value,
                    from: from.to_owned(),
                },
            );
        }
    };
    for (text, from) in [
        (&profile.hosting, "Company profile: hosting"),
        (
            &profile.system_description,
            "Company profile: system description",
        ),
    ] {
        for t in tools_named(text) {
            if t.parameter == "cloud_provider" {
                offer(t.parameter, t.name.to_owned(), from);
            }
        }
        for (id, word) in OBJECTIVES {
            if let Some(v) = duration_after(text, &[word]) {
                offer(id, v, from);
            }
        }
    }
    let by_id: BTreeMap<&str, &Response> = responses
        .iter()
        .map(|r| (r.question_id.as_str(), r))
        .collect();
    let in_bank_order = catalog
        .questions
        .iter()
        .filter_map(|q| by_id.get(q.id.as_str()).copied());
    for r in in_bank_order {
        let from = format!("Note on {}", r.question_id);
        for t in tools_named(&r.note) {
            offer(t.parameter, t.name.to_owned(), &from);
        }
        for (id, word) in OBJECTIVES {
            if let Some(v) = duration_after(&r.note, &[word]) {
                offer(id, v, &from);
            }
        }
        for (id, facts) in RETENTIONS {
            let asked = facts
                .iter()
                .any(|f| questions_of(library, f).contains(&r.question_id.as_str()));
            if let Some(v) = asked.then(|| duration_after(&r.note, KEPT)).flatten() {
                offer(id, v, &from);
            }
        }
    }
    for (id, fact) in CADENCES {
        for q in questions_of(library, fact) {
            let phrase = by_id
                .get(q)
                .and_then(|r| r.cadence)
                .and_then(cadence_phrase);
            if let Some(p) = phrase {
                offer(id, p.to_owned(), &format!("Cadence chosen on {q}"));
            }
        }
    }
    found
}

/// The question ids of a fact of the library (none for an unknown fact).
fn questions_of<'l>(library: &'l PolicyLibrary, fact: &str) -> Vec<&'l str> {
    library
        .fact(fact)
        .map(|f| f.questions.iter().map(String::as_str).collect())
        .unwrap_or_default()
}

/// Byte offsets where `needle` starts in `hay` as a whole word.
fn whole_words<'a>(hay: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    hay.match_indices(needle).map(|(i, _)| i).filter(move |&i| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Where `text` first names the tool as a whole word.
fn mention(text: &str, t: &Tool) -> Option<usize> {
    let (hay, needle) = if t.case_sensitive {
        (text.to_owned(), t.needle.to_owned())
    } else {
        (text.to_ascii_lowercase(), t.needle.to_ascii_lowercase())
    };
    let first = whole_words(&hay, &needle).find(|&i| {
        !t.unless_followed_by
            .iter()
            .any(|s| text[i + needle.len()..].starts_with(s))
    });
    first
}

/// The tools `text` names, in the order it names them.
fn tools_named(text: &str) -> Vec<&'static Tool> {
    let mut found: Vec<(usize, &Tool)> = TOOLS
        .iter()
        .filter_map(|t| mention(text, t).map(|i| (i, t)))
        .collect();
    found.sort_by_key(|(i, _)| *i);
    found.into_iter().map(|(_, t)| t).collect()
}

/// The first "<number> <unit>" within a few words after one of `leads` ("RTO of 4 hours",
/// "kept 14 days"), written back as "4 hours".
fn duration_after(text: &str, leads: &[&str]) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    leads.iter().find_map(|lead| {
        let lead = lead.to_ascii_lowercase();
        let at = whole_words(&lower, &lead).next()? + lead.len();
        let window: String = lower[at..].chars().take(30).collect();
        let words: Vec<&str> = window
            .split(|c: char| c.is_whitespace() || c == ':' || c == '=' || c == ',')
            .filter(|w| !w.is_empty())
            .collect();
        words.windows(2).find_map(|w| {
            let n: u32 = w[0].parse().ok().filter(|n| (1..=10_000).contains(n))?;
            let unit = w[1].trim_end_matches(['.', ';', ')']);
            let unit = match unit {
                "minute" | "minutes" | "min" | "mins" => "minutes",
                "hour" | "hours" | "h" | "hrs" => "hours",
                "day" | "days" => "days",
                "week" | "weeks" => "weeks",
                "month" | "months" => "months",
                "year" | "years" => "years",
                _ => return None,
            };
            let unit = if n == 1 {
                unit.trim_end_matches('s')
            } else {
                unit
            };
            Some(format!("{n} {unit}"))
        })
    })
}

/// The Parameters panel: each parameter with the user's value, the suggestion and its source.
pub fn parameter_views(
    library: &PolicyLibrary,
    set: &BTreeMap<String, String>,
    suggested: &BTreeMap<String, Suggestion>,
) -> Vec<PolicyParameterView> {
    library
        .parameters
        .iter()
        .map(|p| PolicyParameterView {
            id: p.id.clone(),
            label: p.label.clone(),
            help: p.help.clone(),
            default: p.default.clone(),
            value: set.get(&p.id).cloned(),
            suggested: suggested.get(&p.id).map(|s| s.value.clone()),
            suggested_from: suggested.get(&p.id).map(|s| s.from.clone()),
        })
        .collect()
}

/// The value each parameter takes in the text: set, else suggested, else the default.
pub fn resolved(
    library: &PolicyLibrary,
    set: &BTreeMap<String, String>,
    suggested: &BTreeMap<String, Suggestion>,
) -> BTreeMap<String, String> {
    parameter_views(library, set, suggested)
        .into_iter()
        .map(|v| {
            let value = v.value.or(v.suggested).unwrap_or(v.default);
            (v.id, value)
        })
        .collect()
}

#[cfg(test)]
#[path = "suggest_tests.rs"]
mod tests;
