//! The people of a client who own answers and plan actions, how much of their time compliance
//! work may take, and the days nobody works. An owner is a person, or a role nobody holds yet.

use crate::error::{DomainError, Result};
use crate::limits;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use specta::Type;

/// Share of a person's time assumed for compliance work when nothing else is said.
pub const DEFAULT_SHARE: u8 = 20;
/// Most date ranges a person or a client may list.
pub const MAX_RANGES: usize = 50;

/// A span of days, both ends included.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Type,
)]
pub struct DateRange {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl DateRange {
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.from <= d && d <= self.to
    }
}

/// Someone at a client who can own answers and actions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Person {
    pub id: i64,
    pub client_id: i64,
    pub name: String,
    /// Role or title, e.g. "CTO".
    pub role: String,
    pub email: String,
    /// Percent of their working time available for compliance work (1 to 100).
    pub share: u8,
    /// Holidays and other days they do not work.
    pub days_off: Vec<DateRange>,
    /// The register's fields (training and acknowledgements): employee or contractor, team,
    /// joining and leaving dates, and when their access was removed.
    #[serde(default)]
    pub kind: PersonKind,
    #[serde(default)]
    pub team: String,
    #[serde(default)]
    pub start_date: Option<NaiveDate>,
    #[serde(default)]
    pub end_date: Option<NaiveDate>,
    #[serde(default)]
    pub access_removed_on: Option<NaiveDate>,
}

impl Person {
    /// Whether they have left by `today` (their last day is before it).
    pub fn left_by(&self, today: NaiveDate) -> bool {
        self.end_date.is_some_and(|end| end < today)
    }
}

/// What a user enters for a person.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct PersonInput {
    pub name: String,
    pub role: String,
    pub email: String,
    pub share: u8,
    pub days_off: Vec<DateRange>,
    #[serde(default)]
    pub kind: PersonKind,
    #[serde(default)]
    pub team: String,
    #[serde(default)]
    pub start_date: Option<NaiveDate>,
    #[serde(default)]
    pub end_date: Option<NaiveDate>,
    #[serde(default)]
    pub access_removed_on: Option<NaiveDate>,
}

/// Whether someone is on the payroll or works under a contract (training rules may differ).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum PersonKind {
    #[default]
    Employee,
    Contractor,
}

impl PersonKind {
    pub const ALL: [PersonKind; 2] = [PersonKind::Employee, PersonKind::Contractor];

    pub fn label(self) -> &'static str {
        match self {
            PersonKind::Employee => "Employee",
            PersonKind::Contractor => "Contractor",
        }
    }

    /// The spelling stored and written to files.
    pub fn code(self) -> &'static str {
        match self {
            PersonKind::Employee => "employee",
            PersonKind::Contractor => "contractor",
        }
    }

    /// Reads a code or a label, in any case ("Contractor", "employee").
    pub fn parse(text: &str) -> Option<PersonKind> {
        let t = text.trim();
        PersonKind::ALL
            .into_iter()
            .find(|k| t.eq_ignore_ascii_case(k.code()) || t.eq_ignore_ascii_case(k.label()))
    }
}

impl PersonInput {
    /// Trimmed and checked: a name, a one-line role, an email that looks like one (or none), a
    /// share of 1 to 100 percent, and sound date ranges.
    pub fn cleaned(&self) -> Result<PersonInput> {
        let email = limits::line("The email address", &self.email)?;
        if !email.is_empty() && !plausible_email(&email) {
            return Err(DomainError::invalid(format!(
                "{email} does not look like an email address."
            )));
        }
        if !(1..=100).contains(&self.share) {
            return Err(DomainError::invalid(
                "The share of time for compliance work is 1 to 100 percent.",
            ));
        }
        Ok(PersonInput {
            name: limits::name("A person's name", &self.name)?,
            role: limits::line("The role", &self.role)?,
            email,
            share: self.share,
            days_off: check_ranges("Days off", &self.days_off)?,
            kind: self.kind,
            team: limits::line("The team", &self.team)?,
            start_date: checked_date("The start date", self.start_date)?,
            end_date: self.checked_end()?,
            access_removed_on: checked_date("The access removal date", self.access_removed_on)?,
        })
    }

    fn checked_end(&self) -> Result<Option<NaiveDate>> {
        let end = checked_date("The end date", self.end_date)?;
        if let (Some(start), Some(end)) = (self.start_date, end) {
            if end < start {
                return Err(DomainError::invalid(format!(
                    "The end date ({end}) is before the start date ({start})."
                )));
            }
        }
        Ok(end)
    }
}

fn checked_date(what: &str, d: Option<NaiveDate>) -> Result<Option<NaiveDate>> {
    if let Some(d) = d {
        limits::plausible_date(what, d)?;
    }
    Ok(d)
}

/// Whether `e` looks like an email address (something@domain.tld, no spaces).
pub fn is_plausible_email(e: &str) -> bool {
    plausible_email(e)
}

fn plausible_email(e: &str) -> bool {
    let Some((local, domain)) = e.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !e.contains(char::is_whitespace)
        && !domain.contains('@')
}

/// Checks date ranges (start before end, years 2000 to 2100, at most [`MAX_RANGES`]) and
/// returns them sorted.
pub fn check_ranges(what: &str, ranges: &[DateRange]) -> Result<Vec<DateRange>> {
    if ranges.len() > MAX_RANGES {
        return Err(DomainError::invalid(format!(
            "{what}: at most {MAX_RANGES} periods."
        )));
    }
    for r in ranges {
        if r.to < r.from {
            return Err(DomainError::invalid(format!(
                "{what}: a period ends before it starts ({} to {}).",
                r.from, r.to
            )));
        }
        if !(2000..=2100).contains(&r.from.year()) || !(2000..=2100).contains(&r.to.year()) {
            return Err(DomainError::invalid(format!(
                "{what}: dates must be between the years 2000 and 2100."
            )));
        }
    }
    let mut sorted = ranges.to_vec();
    sorted.sort();
    Ok(sorted)
}

/// Who owns an answer or an action: a person of the client, or a role nobody is named for yet.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Owner {
    Person {
        id: i64,
    },
    /// "Security lead — not yet named".
    Role {
        role: String,
    },
}

impl Owner {
    pub fn role(role: impl Into<String>) -> Owner {
        Owner::Role { role: role.into() }
    }

    /// Checks a role owner's text (one line, not empty).
    pub fn cleaned(&self) -> Result<Owner> {
        match self {
            Owner::Person { id } => Ok(Owner::Person { id: *id }),
            Owner::Role { role } => Ok(Owner::role(limits::name("A role", role)?)),
        }
    }

    /// How the owner reads anywhere: the person's name, or the role marked as not yet named.
    pub fn display(&self, people: &[Person]) -> String {
        match self {
            Owner::Person { id } => people
                .iter()
                .find(|p| p.id == *id)
                .map_or_else(|| "Unknown person".to_owned(), |p| p.name.clone()),
            Owner::Role { role } => unassigned(role),
        }
    }
}

/// The wording for a role nobody holds yet, the same everywhere.
pub fn unassigned(role: &str) -> String {
    format!("{role} — not yet named")
}

/// The days a client does not work, beyond weekends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ClientCalendar {
    /// The week from 24 December to 1 January is closed every year.
    pub year_end_break: bool,
    /// Other closures (company holidays, an offsite).
    pub closures: Vec<DateRange>,
}

impl Default for ClientCalendar {
    fn default() -> ClientCalendar {
        ClientCalendar {
            year_end_break: true,
            closures: Vec::new(),
        }
    }
}

impl ClientCalendar {
    pub fn cleaned(&self) -> Result<ClientCalendar> {
        Ok(ClientCalendar {
            year_end_break: self.year_end_break,
            closures: check_ranges("Closures", &self.closures)?,
        })
    }

    /// Whether the client is closed on `d` (weekends aside).
    pub fn closed(&self, d: NaiveDate) -> bool {
        let year_end = (d.month() == 12 && d.day() >= 24) || (d.month() == 1 && d.day() == 1);
        (self.year_end_break && year_end) || self.closures.iter().any(|r| r.contains(d))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    fn input() -> PersonInput {
        PersonInput {
            name: "  Priya Nair ".into(),
            role: "CEO".into(),
            email: "priya@example.com".into(),
            share: 20,
            days_off: vec![],
            ..Default::default()
        }
    }

    #[test]
    fn people_are_cleaned_and_checked() {
        assert_eq!(input().cleaned().map(|p| p.name), Ok("Priya Nair".into()));
        for bad in [
            PersonInput {
                share: 0,
                ..input()
            },
            PersonInput {
                share: 101,
                ..input()
            },
            PersonInput {
                email: "priya at example".into(),
                ..input()
            },
            PersonInput {
                name: " ".into(),
                ..input()
            },
            PersonInput {
                days_off: vec![DateRange {
                    from: d(2027, 2, 2),
                    to: d(2027, 2, 1),
                }],
                ..input()
            },
        ] {
            assert!(bad.cleaned().is_err(), "{bad:?}");
        }
        assert!(PersonInput {
            email: String::new(),
            ..input()
        }
        .cleaned()
        .is_ok());
    }

    #[test]
    fn the_year_end_week_is_closed_by_default() {
        let cal = ClientCalendar::default();
        assert!(cal.closed(d(2026, 12, 24)) && cal.closed(d(2027, 1, 1)));
        assert!(!cal.closed(d(2026, 12, 23)) && !cal.closed(d(2027, 1, 4)));
        let open = ClientCalendar {
            year_end_break: false,
            closures: vec![DateRange {
                from: d(2027, 4, 5),
                to: d(2027, 4, 6),
            }],
        };
        assert!(!open.closed(d(2026, 12, 28)) && open.closed(d(2027, 4, 6)));
    }

    #[test]
    fn owners_read_as_people_or_unnamed_roles() {
        let people = [Person {
            id: 4,
            client_id: 1,
            name: "Maya Chen".into(),
            role: "CTO".into(),
            email: String::new(),
            share: 30,
            days_off: vec![],
            ..Default::default()
        }];
        assert_eq!(Owner::Person { id: 4 }.display(&people), "Maya Chen");
        assert_eq!(
            Owner::role("Security lead").display(&people),
            "Security lead — not yet named"
        );
    }
}
