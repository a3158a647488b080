//! Input limits and the one set of checks that enforces them, used by every layer that accepts
//! text from a person or a file (the store on save, the portable-file importer, the use cases).

use crate::error::{DomainError, Result};

/// Longest name (client, assessment, snapshot, person, owner), in characters.
pub const MAX_NAME_CHARS: usize = 120;
/// Longest free text (notes, justifications, descriptions), in characters.
pub const MAX_NOTE_CHARS: usize = 10_000;
/// Longest text of one policy section (as written by the templates or by a person), in
/// characters.
pub const MAX_SECTION_CHARS: usize = 20_000;

/// Whether `text` is one line of at most [`MAX_NAME_CHARS`] characters (no check of emptiness).
pub fn is_line(text: &str) -> bool {
    text.chars().count() <= MAX_NAME_CHARS && !text.chars().any(char::is_control)
}

/// A required name: trimmed, 1 to [`MAX_NAME_CHARS`] characters, one line.
/// `what` starts the message, e.g. "A client name".
pub fn name(what: &str, raw: &str) -> Result<String> {
    let name = raw.trim();
    if name.is_empty() {
        return Err(DomainError::invalid(format!("{what} cannot be empty.")));
    }
    line(what, name)
}

/// An optional one-line field: trimmed, at most [`MAX_NAME_CHARS`] characters, may be empty.
pub fn line(what: &str, raw: &str) -> Result<String> {
    let value = raw.trim();
    if value.chars().count() > MAX_NAME_CHARS {
        return Err(DomainError::invalid(format!(
            "{what} is longer than {MAX_NAME_CHARS} characters."
        )));
    }
    if value.chars().any(char::is_control) {
        return Err(DomainError::invalid(format!(
            "{what} must be one line, without control characters."
        )));
    }
    Ok(value.to_owned())
}

/// A date a person typed: between the years 2000 and 2100.
pub fn plausible_date(what: &str, d: chrono::NaiveDate) -> Result<()> {
    use chrono::Datelike;
    if (2000..=2100).contains(&d.year()) {
        Ok(())
    } else {
        Err(DomainError::invalid(format!(
            "{what} must be between the years 2000 and 2100."
        )))
    }
}

/// Free text (any characters, line breaks included) of at most [`MAX_NOTE_CHARS`] characters.
pub fn note(what: &str, text: &str) -> Result<()> {
    if text.chars().count() > MAX_NOTE_CHARS {
        return Err(DomainError::invalid(format!(
            "{what} is limited to {MAX_NOTE_CHARS} characters."
        )));
    }
    Ok(())
}

/// A policy section's text as typed: line endings made `\n`, trimmed, 1 to
/// [`MAX_SECTION_CHARS`] characters, no control characters but line breaks and tabs.
pub fn section(what: &str, raw: &str) -> Result<String> {
    let text = raw.replace("\r\n", "\n").replace('\r', "\n");
    let text = text.trim();
    if text.is_empty() {
        return Err(DomainError::invalid(format!("{what} cannot be empty.")));
    }
    if text.chars().count() > MAX_SECTION_CHARS {
        return Err(DomainError::invalid(format!(
            "{what} is limited to {MAX_SECTION_CHARS} characters."
        )));
    }
    if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Err(DomainError::invalid(format!(
            "{what} contains control characters; only line breaks and tabs are allowed."
        )));
    }
    Ok(text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(name("Name", "  Acme  "), Ok("Acme".to_owned()));
        assert!(name("Name", "   ").is_err());
        assert!(name("Name", &"é".repeat(MAX_NAME_CHARS + 1)).is_err());
        assert!(name("Name", &"é".repeat(MAX_NAME_CHARS)).is_ok());
        assert!(name("Name", "a\u{0}b").is_err());
        assert!(name("Name", "a\nb").is_err());
        assert_eq!(name("Name", "株式会社 🚀"), Ok("株式会社 🚀".to_owned()));
    }

    #[test]
    fn lines_may_be_empty_and_notes_span_lines() {
        assert_eq!(line("Industry", "  "), Ok(String::new()));
        assert!(line("Industry", &"x".repeat(MAX_NAME_CHARS + 1)).is_err());
        assert!(note("A note", "one\ntwo").is_ok());
        assert!(note("A note", &"x".repeat(MAX_NOTE_CHARS + 1)).is_err());
        assert!(is_line("abc") && !is_line("a\tb"));
    }

    #[test]
    fn sections_are_trimmed_bounded_and_free_of_control_characters() {
        assert_eq!(section("A section", " a\r\nb \n"), Ok("a\nb".to_owned()));
        assert!(section("A section", " \n ").is_err());
        assert!(section("A section", &"é".repeat(MAX_SECTION_CHARS)).is_ok());
        assert!(section("A section", &"é".repeat(MAX_SECTION_CHARS + 1)).is_err());
        assert!(section("A section", "a\u{0}b").is_err());
        assert!(section("A section", "a\tb").is_ok());
    }

    #[test]
    fn sections_span_lines_and_are_bounded_and_not_blank() {
        assert!(section("A section", "# Purpose\n\nWe keep records.").is_ok());
        assert!(section("A section", &"é".repeat(MAX_SECTION_CHARS)).is_ok());
        let long = section("A section", &"é".repeat(MAX_SECTION_CHARS + 1)).expect_err("long");
        assert_eq!(
            long.to_string(),
            "A section is limited to 20000 characters."
        );
        assert!(section("A section", " \n\t ").is_err());
    }

    #[test]
    fn messages_name_the_field() {
        let e = name("A client name", "").expect_err("empty");
        assert_eq!(e.to_string(), "A client name cannot be empty.");
    }
}
