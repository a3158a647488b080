use super::*;
use crate::catalog::embedded;
use crate::policy::builtin;

fn note(q: &str, text: &str) -> Response {
    Response {
        question_id: q.into(),
        note: text.into(),
        ..Response::default()
    }
}

fn suggest(profile: &CompanyProfile, responses: &[Response]) -> BTreeMap<String, Suggestion> {
    suggestions(builtin(), embedded().expect("bank"), profile, responses)
}

fn get<'a>(s: &'a BTreeMap<String, Suggestion>, id: &str) -> Option<(&'a str, &'a str)> {
    s.get(id).map(|x| (x.value.as_str(), x.from.as_str()))
}

#[test]
fn the_profile_names_the_cloud_provider() {
    let profile = CompanyProfile {
        hosting: "AWS, two availability zones in eu-west-1".into(),
        ..CompanyProfile::default()
    };
    let s = suggest(&profile, &[]);
    assert_eq!(
        get(&s, "cloud_provider"),
        Some(("AWS", "Company profile: hosting"))
    );
}

#[test]
fn tools_in_notes_are_found_as_whole_words_with_the_question() {
    let s = suggest(
        &CompanyProfile::default(),
        &[
            note(
                "ACC-002",
                "Enforced in okta and on GitHub; tickets in Jira, Azure AD for Windows.",
            ),
            note("ACC-001", "We use 1Password. Our process is linear."),
        ],
    );
    assert_eq!(
        get(&s, "identity_provider"),
        Some(("Okta", "Note on ACC-002"))
    );
    assert_eq!(get(&s, "code_host"), Some(("GitHub", "Note on ACC-002")));
    assert_eq!(get(&s, "ticketing_tool"), Some(("Jira", "Note on ACC-002")));
    assert_eq!(
        get(&s, "password_manager"),
        Some(("1Password", "Note on ACC-001"))
    );
    assert_eq!(get(&s, "cloud_provider"), None, "Azure AD is not the cloud");
    let none = suggest(
        &CompanyProfile::default(),
        &[note("ACC-002", "Jiratastic, githubby, linear")],
    );
    assert!(none.is_empty(), "{none:?}");
}

#[test]
fn cadences_objectives_and_retention_come_from_answers() {
    let restore = builtin().fact("restore-tested").expect("fact").questions[0].clone();
    let backups = builtin().fact("automatic-backups").expect("fact").questions[0].clone();
    let mut r = note(&restore, "RTO: 4 hours, RPO of 1 hour");
    r.cadence = Some(Cadence::Quarterly);
    let s = suggest(
        &CompanyProfile::default(),
        &[
            r,
            note(&backups, "Nightly snapshots kept 14 days."),
            note("ACC-002", "kept 9 days"),
        ],
    );
    assert_eq!(
        get(&s, "restore_test_cadence").map(|x| x.0),
        Some("quarterly")
    );
    assert_eq!(get(&s, "rto").map(|x| x.0), Some("4 hours"));
    assert_eq!(get(&s, "rpo").map(|x| x.0), Some("1 hour"));
    assert_eq!(
        get(&s, "backup_retention"),
        Some(("14 days", format!("Note on {backups}").as_str()))
    );
    assert_eq!(
        get(&s, "log_retention"),
        None,
        "a retention in an unrelated note is not used"
    );
}

#[test]
fn the_value_applies_over_the_suggestion_over_the_default() {
    let lib = builtin();
    let suggested = BTreeMap::from([
        (
            "cloud_provider".to_owned(),
            Suggestion {
                value: "AWS".into(),
                from: "x".into(),
            },
        ),
        (
            "code_host".to_owned(),
            Suggestion {
                value: "GitHub".into(),
                from: "y".into(),
            },
        ),
    ]);
    let set = BTreeMap::from([("cloud_provider".to_owned(), "Hetzner".to_owned())]);
    let values = resolved(lib, &set, &suggested);
    assert_eq!(values["cloud_provider"], "Hetzner");
    assert_eq!(values["code_host"], "GitHub");
    assert_eq!(values["rto"], "24 hours");
    assert_eq!(values.len(), lib.parameters.len());
    let views = parameter_views(lib, &set, &suggested);
    let cloud = views
        .iter()
        .find(|v| v.id == "cloud_provider")
        .expect("listed");
    assert_eq!(
        (
            cloud.value.as_deref(),
            cloud.suggested.as_deref(),
            cloud.suggested_from.as_deref()
        ),
        (Some("Hetzner"), Some("AWS"), Some("x"))
    );
}
