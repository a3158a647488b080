//! Checking a roster read from an HR export, row by row: every problem of every row is listed,
//! so the user fixes the file once; nothing is imported while one row is wrong.

use super::mapping::{ColumnMapping, RosterField};
use crate::people::{is_plausible_email, Person, PersonInput, PersonKind, DEFAULT_SHARE};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::BTreeMap;

/// Most people one roster file may hold.
pub const MAX_ROSTER_ROWS: usize = 20_000;

/// A row of the file as read: its row number in the file (the header is row 1) and its cells,
/// `None` for a cell that is a formula or an error value (never evaluated).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRow {
    pub number: u32,
    pub cells: Vec<Option<String>>,
}

/// A row that cannot be imported and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct RosterRowProblem {
    pub row: u32,
    pub problems: Vec<String>,
}

/// A checked row: the person it would add, and what is wrong with it (empty when fine).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct PreviewRow {
    pub row: u32,
    pub person: PersonInput,
    pub problems: Vec<String>,
}

/// Every row of a roster, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct RosterCheck {
    pub mapping: ColumnMapping,
    pub rows: Vec<PreviewRow>,
}

impl RosterCheck {
    /// The rows that cannot be imported, in file order.
    pub fn problems(&self) -> Vec<RosterRowProblem> {
        self.rows
            .iter()
            .filter(|r| !r.problems.is_empty())
            .map(|r| RosterRowProblem {
                row: r.row,
                problems: r.problems.clone(),
            })
            .collect()
    }

    /// The people to add when no row has a problem.
    pub fn people(&self) -> Option<Vec<PersonInput>> {
        self.rows
            .iter()
            .all(|r| r.problems.is_empty())
            .then(|| self.rows.iter().map(|r| r.person.clone()).collect())
    }
}

/// Checks every non-blank row against the mapping, the limits, the other rows and the people
/// already on the client's roster (emails compared without case).
pub fn check_roster(mapping: ColumnMapping, rows: &[RawRow], existing: &[Person]) -> RosterCheck {
    let known: BTreeMap<String, &str> = existing
        .iter()
        .filter(|p| !p.email.is_empty())
        .map(|p| (p.email.to_lowercase(), p.name.as_str()))
        .collect();
    // Names are unique within a client too: owners are shown, and files matched, by name.
    let known_names: BTreeMap<String, &str> = existing
        .iter()
        .map(|p| (p.name.to_lowercase(), p.email.as_str()))
        .collect();
    let mut first_row: BTreeMap<String, u32> = BTreeMap::new();
    let mut first_name_row: BTreeMap<String, u32> = BTreeMap::new();
    let mut out = Vec::new();
    for raw in rows {
        if raw
            .cells
            .iter()
            .all(|c| c.as_deref().is_some_and(|t| t.trim().is_empty()))
        {
            continue;
        }
        let (person, mut problems) = read_row(&mapping, raw);
        let key = person.email.to_lowercase();
        if !key.is_empty() {
            if let Some(name) = known.get(&key) {
                problems.push(format!(
                    "{} is already on the roster ({name}).",
                    person.email
                ));
            }
            match first_row.get(&key) {
                Some(first) => problems.push(format!(
                    "{} is also on row {first}; each person once.",
                    person.email
                )),
                None => {
                    first_row.insert(key.clone(), raw.number);
                }
            }
        }
        let name_key = person.name.to_lowercase();
        if !name_key.is_empty() {
            if !known.contains_key(&key) && known_names.contains_key(&name_key) {
                problems.push(format!(
                    "{} is already on the roster under another email; tell them apart (a middle \
                     initial, say).",
                    person.name
                ));
            }
            match first_name_row.get(&name_key) {
                Some(first) => problems.push(format!(
                    "{} is also the name on row {first}; tell them apart.",
                    person.name
                )),
                None => {
                    first_name_row.insert(name_key, raw.number);
                }
            }
        }
        out.push(PreviewRow {
            row: raw.number,
            person,
            problems,
        });
    }
    RosterCheck { mapping, rows: out }
}

fn read_row(mapping: &ColumnMapping, raw: &RawRow) -> (PersonInput, Vec<String>) {
    let mut problems = Vec::new();
    let mut text = |field: RosterField| -> String {
        let Some(col) = mapping.column(field) else {
            return String::new();
        };
        match raw.cells.get(col) {
            Some(Some(t)) => {
                let t = t.trim();
                if t.starts_with(['=', '+', '@']) && field != RosterField::Email {
                    problems.push(format!(
                        "{} looks like a formula (\"{}\"); type the value itself.",
                        field.label(),
                        t.chars().take(40).collect::<String>()
                    ));
                    return String::new();
                }
                t.to_owned()
            }
            Some(None) => {
                problems.push(format!(
                    "{} is a formula or an error value; type the value itself.",
                    field.label()
                ));
                String::new()
            }
            None => String::new(),
        }
    };
    let name = text(RosterField::Name);
    let email = text(RosterField::Email);
    let role = text(RosterField::Role);
    let team = text(RosterField::Team);
    let kind_text = text(RosterField::Kind);
    let start_text = text(RosterField::StartDate);
    let end_text = text(RosterField::EndDate);
    let removed_text = text(RosterField::AccessRemovedOn);
    if name.is_empty() {
        problems.push("The name is missing.".into());
    }
    if email.is_empty() {
        problems.push("The email address is missing.".into());
    } else if !is_plausible_email(&email) {
        problems.push(format!("{email} does not look like an email address."));
    }
    let kind = if kind_text.is_empty() {
        PersonKind::Employee
    } else {
        PersonKind::parse(&kind_text).unwrap_or_else(|| {
            problems.push(format!(
                "\"{kind_text}\" is neither employee nor contractor."
            ));
            PersonKind::Employee
        })
    };
    let mut date = |what: RosterField, t: &str| -> Option<NaiveDate> {
        if t.is_empty() {
            return None;
        }
        let d = strict_date(t);
        if d.is_none() {
            problems.push(format!(
                "{} \"{}\" is not a date written YYYY-MM-DD.",
                what.label(),
                t.chars().take(40).collect::<String>()
            ));
        }
        d
    };
    let start_date = date(RosterField::StartDate, &start_text);
    let end_date = date(RosterField::EndDate, &end_text);
    let access_removed_on = date(RosterField::AccessRemovedOn, &removed_text);
    let person = PersonInput {
        name,
        role,
        email,
        share: DEFAULT_SHARE,
        days_off: Vec::new(),
        kind,
        team,
        start_date,
        end_date,
        access_removed_on,
    };
    // The same checks as a person entered by hand (lengths, one line, years, end after start),
    // unless the row already failed on the fields those checks read.
    if problems.is_empty() {
        if let Err(e) = person.cleaned() {
            problems.push(e.to_string());
        }
    } else if let (Some(s), Some(e)) = (start_date, end_date) {
        if e < s {
            problems.push(format!(
                "The end date ({e}) is before the start date ({s})."
            ));
        }
    }
    let person = person.cleaned().unwrap_or(person);
    (person, problems)
}

/// A date written exactly `YYYY-MM-DD` (no other spelling: `5/3/2024` means two things).
pub fn strict_date(t: &str) -> Option<NaiveDate> {
    let b = t.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return None;
    }
    NaiveDate::parse_from_str(t, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mapping() -> ColumnMapping {
        let h: Vec<String> = ["Name", "Email", "Role", "Type", "Start date", "End date"]
            .map(str::to_owned)
            .to_vec();
        ColumnMapping::build(&h, &[]).expect("mapping")
    }

    fn row(number: u32, cells: &[&str]) -> RawRow {
        RawRow {
            number,
            cells: cells.iter().map(|c| Some((*c).to_owned())).collect(),
        }
    }

    #[test]
    fn every_bad_row_is_listed_with_its_number() {
        let rows = [
            row(2, &["Ada", "ada@x.io", "CTO", "employee", "2024-01-02", ""]),
            row(3, &["", "nobody@x.io", "", "", "", ""]),
            row(4, &["Bo", "bo@x.io", "", "", "02/01/2024", ""]),
            row(5, &["Ada Two", "ADA@x.io", "", "", "", ""]),
            row(6, &["Cy", "cy@x.io", "", "", "2024-03-01", "2024-02-01"]),
            row(7, &["Di", "di@x.io", "", "freelancer", "2024-02-30", ""]),
            row(8, &["", "", "", "", "", ""]),
        ];
        let check = check_roster(mapping(), &rows, &[]);
        let bad: Vec<u32> = check.problems().iter().map(|p| p.row).collect();
        assert_eq!(bad, [3, 4, 5, 6, 7]);
        assert!(check.people().is_none());
        let p7 = &check.problems()[4].problems;
        assert_eq!(p7.len(), 2, "{p7:?}");
    }

    #[test]
    fn an_email_already_on_the_roster_is_a_duplicate() {
        let existing = Person {
            name: "Ada".into(),
            email: "Ada@X.io".into(),
            ..Person::default()
        };
        let check = check_roster(mapping(), &[row(2, &["Ada", "ada@x.io"])], &[existing]);
        assert_eq!(check.problems()[0].row, 2);
    }

    #[test]
    fn the_same_name_twice_is_flagged() {
        let rows = [
            row(2, &["Sam Lee", "sam@x.io"]),
            row(3, &["sam lee", "sam.lee@x.io"]),
        ];
        let check = check_roster(mapping(), &rows, &[]);
        assert_eq!(
            check.problems().iter().map(|p| p.row).collect::<Vec<_>>(),
            [3]
        );
        let existing = Person {
            name: "Sam Lee".into(),
            email: "other@x.io".into(),
            ..Person::default()
        };
        let check = check_roster(mapping(), &rows[..1], &[existing]);
        assert_eq!(check.problems().len(), 1);
    }

    #[test]
    fn formulas_and_formula_looking_text_are_refused() {
        let rows = [
            RawRow {
                number: 2,
                cells: vec![None, Some("a@x.io".into())],
            },
            row(3, &["=HYPERLINK(\"http://x\")", "b@x.io"]),
        ];
        let check = check_roster(mapping(), &rows, &[]);
        assert_eq!(check.problems().len(), 2);
    }

    #[test]
    fn a_good_roster_reads_exactly() {
        let rows = [row(
            2,
            &[
                " Ada ",
                "ada@x.io",
                "CTO",
                "Contractor",
                "2024-01-02",
                "2024-06-30",
            ],
        )];
        let people = check_roster(mapping(), &rows, &[]).people().expect("good");
        assert_eq!(people[0].name, "Ada");
        assert_eq!(people[0].kind, PersonKind::Contractor);
        assert_eq!(people[0].end_date, strict_date("2024-06-30"));
    }

    #[test]
    fn only_iso_dates_are_dates() {
        assert!(strict_date("2024-02-29").is_some());
        for bad in [
            "2023-02-29",
            "2024-1-05",
            "05/01/2024",
            "2024-01-05T00:00",
            "２０２４-01-05",
        ] {
            assert!(strict_date(bad).is_none(), "{bad}");
        }
    }
}
