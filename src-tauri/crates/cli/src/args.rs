//! Option values several subcommands read: days written YYYY-MM-DD, and values where an empty
//! one clears a field.

use chrono::NaiveDate;

/// A day written YYYY-MM-DD (spaces around it ignored).
pub(crate) fn parse_day(s: &str) -> Result<NaiveDate, String> {
    trustgap_domain::register::roster::strict_date(s.trim())
        .ok_or_else(|| format!("'{s}' is not a date written YYYY-MM-DD"))
}

/// An option's value where an empty one (`--due ""`) clears the field: `Clear` then.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrClear<T> {
    Set(T),
    Clear,
}

impl<T> OrClear<T> {
    /// Reads `s` with `parse`, or as `Clear` when it is empty.
    pub fn parse(s: &str, parse: fn(&str) -> Result<T, String>) -> Result<Self, String> {
        if s.trim().is_empty() {
            Ok(OrClear::Clear)
        } else {
            parse(s).map(OrClear::Set)
        }
    }

    /// The field's new value: `None` clears it.
    pub fn into_option(self) -> Option<T> {
        match self {
            OrClear::Set(v) => Some(v),
            OrClear::Clear => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_value_clears_and_a_bad_day_is_refused() {
        let day = |s: &str| OrClear::parse(s, parse_day);
        assert_eq!(day(" "), Ok(OrClear::Clear));
        assert_eq!(
            day("2025-03-31").map(OrClear::into_option),
            Ok(NaiveDate::from_ymd_opt(2025, 3, 31))
        );
        assert!(day("31/03/2025").is_err());
    }
}
