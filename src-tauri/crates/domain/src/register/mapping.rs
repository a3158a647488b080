//! Which column of an HR export holds which field of the roster: guessed from the header's
//! names, overridden by the user's `COLUMN=FIELD` choices.

use crate::error::{DomainError, Result};
use serde::{Deserialize, Serialize};
use specta::Type;

/// A field of the roster a column can fill.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum RosterField {
    Name,
    Email,
    Role,
    Team,
    Kind,
    StartDate,
    EndDate,
    AccessRemovedOn,
    /// The column is read by nobody.
    Ignore,
}

impl RosterField {
    pub const ALL: [RosterField; 9] = [
        RosterField::Name,
        RosterField::Email,
        RosterField::Role,
        RosterField::Team,
        RosterField::Kind,
        RosterField::StartDate,
        RosterField::EndDate,
        RosterField::AccessRemovedOn,
        RosterField::Ignore,
    ];

    /// The spelling used in `--map COLUMN=FIELD` and in files.
    pub fn code(self) -> &'static str {
        match self {
            RosterField::Name => "name",
            RosterField::Email => "email",
            RosterField::Role => "role",
            RosterField::Team => "team",
            RosterField::Kind => "kind",
            RosterField::StartDate => "start_date",
            RosterField::EndDate => "end_date",
            RosterField::AccessRemovedOn => "access_removed_on",
            RosterField::Ignore => "ignore",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            RosterField::Name => "Name",
            RosterField::Email => "Email",
            RosterField::Role => "Role",
            RosterField::Team => "Team",
            RosterField::Kind => "Employee or contractor",
            RosterField::StartDate => "Start date",
            RosterField::EndDate => "End date",
            RosterField::AccessRemovedOn => "Access removed on",
            RosterField::Ignore => "Not imported",
        }
    }

    pub fn parse(text: &str) -> Option<RosterField> {
        let t = text.trim();
        RosterField::ALL
            .into_iter()
            .find(|f| t.eq_ignore_ascii_case(f.code()) || t.eq_ignore_ascii_case(f.label()))
    }

    /// The field a header most likely names ("Full name", "Work email", "Hire date"), if any.
    pub fn guess(header: &str) -> Option<RosterField> {
        let h: String = header
            .to_lowercase()
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { ' ' })
            .collect();
        let words: Vec<&str> = h.split_whitespace().collect();
        let has = |w: &str| words.contains(&w);
        Some(if has("email") || has("mail") || has("e") && has("mail") {
            RosterField::Email
        } else if has("access") || has("deprovisioned") || has("offboarded") {
            RosterField::AccessRemovedOn
        } else if has("start") || has("hire") || has("joined") || has("joining") || has("hired") {
            RosterField::StartDate
        } else if has("end") || has("termination") || has("leaving") || has("left") || has("exit") {
            RosterField::EndDate
        } else if has("name") {
            RosterField::Name
        } else if has("team") || has("department") || has("dept") {
            RosterField::Team
        } else if has("role") || has("title") || has("position") || has("job") {
            RosterField::Role
        } else if has("type") || has("kind") || has("employment") || has("contractor") {
            RosterField::Kind
        } else {
            return None;
        })
    }
}

/// Column index to field, for one file's header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ColumnMapping {
    /// One entry per header column, in order.
    pub columns: Vec<MappedColumn>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct MappedColumn {
    pub header: String,
    pub field: RosterField,
    /// Whether the field was guessed from the header rather than chosen.
    pub guessed: bool,
}

impl ColumnMapping {
    /// Guesses each column's field from its header, then applies the user's choices
    /// (`"Work Email" = email`; a column is named as the header reads, in any case). The first
    /// column to claim a field keeps it; a later guess for the same field is ignored.
    pub fn build(header: &[String], overrides: &[(String, RosterField)]) -> Result<ColumnMapping> {
        for (column, _) in overrides {
            if !header
                .iter()
                .any(|h| h.trim().eq_ignore_ascii_case(column.trim()))
            {
                return Err(DomainError::invalid(format!(
                    "The file has no column called \"{column}\" (its columns: {}).",
                    header.join(", ")
                )));
            }
        }
        let chosen = |h: &str| {
            overrides
                .iter()
                .find(|(c, _)| c.trim().eq_ignore_ascii_case(h.trim()))
                .map(|(_, f)| *f)
        };
        let mut columns: Vec<MappedColumn> = Vec::with_capacity(header.len());
        for h in header {
            let (field, guessed) = match chosen(h) {
                Some(f) => (f, false),
                None => (RosterField::guess(h).unwrap_or(RosterField::Ignore), true),
            };
            columns.push(MappedColumn {
                header: h.clone(),
                field,
                guessed,
            });
        }
        // A chosen field wins over a guess; among guesses the first column wins.
        for i in 0..columns.len() {
            let f = columns[i].field;
            if f == RosterField::Ignore || !columns[i].guessed {
                continue;
            }
            let taken = columns
                .iter()
                .enumerate()
                .any(|(j, c)| j != i && c.field == f && (!c.guessed || j < i));
            if taken {
                columns[i].field = RosterField::Ignore;
            }
        }
        for f in RosterField::ALL {
            let n = columns.iter().filter(|c| c.field == f).count();
            if f != RosterField::Ignore && n > 1 {
                return Err(DomainError::invalid(format!(
                    "{} is chosen for {n} columns; choose it for one.",
                    f.label()
                )));
            }
        }
        if !columns.iter().any(|c| c.field == RosterField::Name) {
            return Err(DomainError::invalid(
                "No column holds the name: choose one with COLUMN=name.",
            ));
        }
        if !columns.iter().any(|c| c.field == RosterField::Email) {
            return Err(DomainError::invalid(
                "No column holds the email address: choose one with COLUMN=email.",
            ));
        }
        Ok(ColumnMapping { columns })
    }

    /// The column holding `field`, if one does.
    pub fn column(&self, field: RosterField) -> Option<usize> {
        self.columns.iter().position(|c| c.field == field)
    }
}

/// Reads `COLUMN=FIELD` as the user typed it.
pub fn parse_override(text: &str) -> Result<(String, RosterField)> {
    let (column, field) = text.rsplit_once('=').ok_or_else(|| {
        DomainError::invalid(format!(
            "\"{text}\" is not COLUMN=FIELD, e.g. \"Work Email=email\"."
        ))
    })?;
    let field = RosterField::parse(field).ok_or_else(|| {
        DomainError::invalid(format!(
            "\"{field}\" is not a roster field; the fields are {}.",
            RosterField::ALL.map(RosterField::code).join(", ")
        ))
    })?;
    Ok((column.trim().to_owned(), field))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(cols: &[&str]) -> Vec<String> {
        cols.iter().map(|c| (*c).to_owned()).collect()
    }

    #[test]
    fn common_hr_headers_are_guessed() {
        let m = ColumnMapping::build(
            &header(&[
                "Full Name",
                "Work E-mail",
                "Job Title",
                "Department",
                "Employment type",
                "Hire Date",
                "Termination date",
                "Access removed",
                "Salary",
            ]),
            &[],
        )
        .expect("mapping");
        let fields: Vec<RosterField> = m.columns.iter().map(|c| c.field).collect();
        assert_eq!(
            fields,
            [
                RosterField::Name,
                RosterField::Email,
                RosterField::Role,
                RosterField::Team,
                RosterField::Kind,
                RosterField::StartDate,
                RosterField::EndDate,
                RosterField::AccessRemovedOn,
                RosterField::Ignore,
            ]
        );
    }

    #[test]
    fn a_choice_wins_over_a_guess_and_unknown_columns_are_refused() {
        let h = header(&["Name", "Preferred name", "Mail", "Start"]);
        let chosen = parse_override("preferred NAME=name").expect("override");
        let m = ColumnMapping::build(&h, &[chosen]).expect("mapping");
        assert_eq!(m.column(RosterField::Name), Some(1));
        assert_eq!(m.columns[0].field, RosterField::Ignore);
        assert!(ColumnMapping::build(&h, &[("Nope".into(), RosterField::Team)]).is_err());
        assert!(parse_override("Name=salary").is_err());
        assert!(parse_override("no equals").is_err());
    }

    #[test]
    fn a_file_without_name_or_email_is_refused() {
        assert!(ColumnMapping::build(&header(&["Email"]), &[]).is_err());
        assert!(ColumnMapping::build(&header(&["Name"]), &[]).is_err());
    }
}
