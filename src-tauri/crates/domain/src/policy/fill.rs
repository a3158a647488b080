//! Fills `{{placeholders}}` in template text. Filling never fails: a placeholder nobody knows
//! stays visible as written, so a reader sees what is missing rather than a silent gap, and a
//! value is never filled again (a value that itself reads `{{company}}` stays as typed).

use crate::people::Person;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// What a policy's text is filled with.
#[derive(Debug, Clone, Copy)]
pub struct FillContext<'a> {
    /// The client's name.
    pub company: &'a str,
    /// The system in scope (from the company profile).
    pub system: &'a str,
    pub owner: &'a str,
    pub approver: &'a str,
    pub version: u32,
    pub effective_date: Option<NaiveDate>,
    pub next_review: Option<NaiveDate>,
    /// The client's people, for `{{role:<Role>}}`.
    pub people: &'a [Person],
    /// Every parameter's value as it applies (set, else suggested, else default).
    pub parameters: &'a BTreeMap<String, String>,
}

/// How policy text writes a date: "5 March 2027".
pub fn long_date(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

/// The person who holds `role` among `people` (first by id), compared without case or
/// surrounding spaces.
pub fn role_holder<'p>(people: &'p [Person], role: &str) -> Option<&'p Person> {
    let wanted = role.trim().to_lowercase();
    people
        .iter()
        .filter(|p| p.role.trim().to_lowercase() == wanted)
        .min_by_key(|p| p.id)
}

impl FillContext<'_> {
    fn value(&self, name: &str) -> Option<String> {
        if let Some(role) = name.strip_prefix("role:") {
            let role = role.trim();
            return Some(
                role_holder(self.people, role).map_or_else(|| role.to_owned(), |p| p.name.clone()),
            );
        }
        Some(match name {
            "company" => self.company.to_owned(),
            "system" => self.system.to_owned(),
            "owner" => self.owner.to_owned(),
            "approver" => self.approver.to_owned(),
            "version" => self.version.to_string(),
            "effective_date" => self
                .effective_date
                .map_or_else(|| "the date of approval".to_owned(), long_date),
            "next_review" => self
                .next_review
                .map_or_else(|| "the date set at approval".to_owned(), long_date),
            other => return self.parameters.get(other).cloned(),
        })
    }
}

/// `text` with every known placeholder replaced.
pub fn fill(text: &str, ctx: &FillContext) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        match after.find("}}") {
            Some(end) => {
                let name = after[..end].trim();
                match ctx.value(name) {
                    Some(v) => out.push_str(&v),
                    None => out.push_str(&rest[start..start + 2 + end + 2]),
                }
                rest = &after[end + 2..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: i64, name: &str, role: &str) -> Person {
        Person {
            id,
            client_id: 1,
            name: name.into(),
            role: role.into(),
            email: String::new(),
            share: 20,
            days_off: vec![],
            ..Default::default()
        }
    }

    fn with<R>(f: impl FnOnce(&FillContext) -> R) -> R {
        let people = [
            person(2, "Maya Chen", "CTO"),
            person(1, "Jon Reyes", " cto "),
        ];
        let parameters = BTreeMap::from([("cloud_provider".to_owned(), "AWS".to_owned())]);
        f(&FillContext {
            company: "Acme",
            system: "Acme Cloud",
            owner: "Jon Reyes",
            approver: "CEO",
            version: 3,
            effective_date: NaiveDate::from_ymd_opt(2027, 3, 5),
            next_review: None,
            people: &people,
            parameters: &parameters,
        })
    }

    #[test]
    fn built_ins_roles_and_parameters_are_filled() {
        let text = with(|c| {
            fill(
                "{{company}} runs {{ system }} on {{cloud_provider}}; v{{version}} from \
                 {{effective_date}}, review by {{next_review}}. {{role:CTO}} and {{role:CFO}}.",
                c,
            )
        });
        assert_eq!(
            text,
            "Acme runs Acme Cloud on AWS; v3 from 5 March 2027, review by the date set at \
             approval. Jon Reyes and CFO."
        );
    }

    #[test]
    fn unknown_or_broken_placeholders_stay_visible_and_values_are_not_refilled() {
        assert_eq!(with(|c| fill("a {{nope}} b {{x", c)), "a {{nope}} b {{x");
        let people = [];
        let parameters = BTreeMap::from([("code_host".to_owned(), "{{company}}".to_owned())]);
        let ctx = FillContext {
            company: "Acme",
            system: "",
            owner: "",
            approver: "",
            version: 1,
            effective_date: None,
            next_review: None,
            people: &people,
            parameters: &parameters,
        };
        assert_eq!(fill("{{code_host}} }} {{", &ctx), "{{company}} }} {{");
    }
}
