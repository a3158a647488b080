//! A policy's life on its record: section edits, reverts, accepting a changed template, and
//! status changes (draft, in review, approved, retired). Approved is frozen: changing the text
//! of an approved policy starts a new draft version, and the approved one stays in the history.

use super::model::{FrozenSection, PolicyRecord, PolicyRevision, PolicyStatus, SectionEdit};
use crate::error::{DomainError, Result};
use crate::limits;
use chrono::{Months, NaiveDate};

/// Saves `text` as the section's edit, over the generated text it replaces.
pub fn edit_section(
    record: &mut PolicyRecord,
    section_id: &str,
    text: &str,
    generated_now: &str,
    author: &str,
    at: &str,
) -> Result<()> {
    let text = limits::section("The section's text", text)?;
    reopen_if_frozen(record, "Section edited after approval", author, at);
    let edit = SectionEdit {
        section_id: section_id.to_owned(),
        text,
        base: generated_now.to_owned(),
        edited_at: at.to_owned(),
    };
    match record.edits.iter_mut().find(|e| e.section_id == section_id) {
        Some(e) => *e = edit,
        None => record.edits.push(edit),
    }
    Ok(())
}

/// Drops the section's edit: it reads as generated again.
pub fn revert_section(
    record: &mut PolicyRecord,
    section_id: &str,
    author: &str,
    at: &str,
) -> Result<()> {
    if !record.edits.iter().any(|e| e.section_id == section_id) {
        return Err(DomainError::invalid(
            "This section has no edit to undo: it already reads as generated.",
        ));
    }
    reopen_if_frozen(
        record,
        "Section returned to the generated text after approval",
        author,
        at,
    );
    record.edits.retain(|e| e.section_id != section_id);
    Ok(())
}

/// Keeps the section's edit as it is and marks today's generated text as seen, which clears
/// the "template changed" flag. The text does not change, so no new version starts.
pub fn accept_template(
    record: &mut PolicyRecord,
    section_id: &str,
    generated_now: &str,
) -> Result<()> {
    let edit = record
        .edits
        .iter_mut()
        .find(|e| e.section_id == section_id)
        .ok_or_else(|| DomainError::invalid("This section has no edit to keep."))?;
    edit.base = generated_now.to_owned();
    Ok(())
}

/// A change of status and what it needs.
#[derive(Debug, Clone)]
pub struct StatusChange<'a> {
    pub to: PolicyStatus,
    /// The name of the record's approver, when one is chosen and is a person of the client.
    pub approver: Option<&'a str>,
    pub approved_on: Option<NaiveDate>,
    pub note: &'a str,
    pub author: &'a str,
    /// RFC 3339 time stamp of the change.
    pub at: &'a str,
    pub today: NaiveDate,
    pub review_months: u16,
    /// The text being approved (see `view::current_sections`); used only when approving.
    pub frozen: Vec<FrozenSection>,
}

/// Moves the policy to `change.to`, adding a revision row. Draft and in review go back and
/// forth; either is approved with an approver and a date not in the future; approved is
/// retired or reopened as a new draft version; retired is reopened as a new draft version.
pub fn set_status(record: &mut PolicyRecord, change: StatusChange) -> Result<()> {
    use PolicyStatus::{Approved, Draft, InReview, Retired};
    limits::note("The note", change.note)?;
    let note = change.note.trim();
    let from = record.status;
    match (from, change.to) {
        (a, b) if a == b => {
            return Err(DomainError::invalid(format!(
                "The policy is already {}.",
                b.label().to_lowercase()
            )))
        }
        (Draft, InReview) | (InReview, Draft) => {
            record.status = change.to;
            push(
                record,
                change.to,
                change.at,
                change.author,
                note,
                "",
                None,
                None,
            );
        }
        (Draft | InReview, Approved) => approve(record, &change, note)?,
        (Approved, Retired) => {
            record.status = Retired;
            record.next_review = None;
            push(
                record,
                Retired,
                change.at,
                change.author,
                note,
                "",
                None,
                None,
            );
        }
        (Approved | Retired, Draft) => reopen(record, note, change.author, change.at),
        _ => return Err(DomainError::invalid(refusal(from, change.to))),
    }
    Ok(())
}

fn approve(record: &mut PolicyRecord, change: &StatusChange, note: &str) -> Result<()> {
    let approver = change.approver.ok_or_else(|| {
        DomainError::invalid(
            "Choose who approves this policy (a person of the client) before approving it.",
        )
    })?;
    let on = change
        .approved_on
        .ok_or_else(|| DomainError::invalid("Give the date the policy was approved."))?;
    limits::plausible_date("The approval date", on)?;
    if on > change.today {
        return Err(DomainError::invalid(format!(
            "The approval date ({}) is in the future: a policy is approved on or before today.",
            on.format("%Y-%m-%d")
        )));
    }
    if change.frozen.is_empty() {
        return Err(DomainError::invalid(
            "A policy without sections cannot be approved.",
        ));
    }
    record.status = PolicyStatus::Approved;
    record.approved_on = Some(on);
    record.next_review = on.checked_add_months(Months::new(u32::from(change.review_months)));
    let sections = Some(change.frozen.clone());
    push(
        record,
        PolicyStatus::Approved,
        change.at,
        change.author,
        note,
        approver,
        Some(on),
        sections,
    );
    Ok(())
}

fn refusal(from: PolicyStatus, to: PolicyStatus) -> String {
    let how = match from {
        PolicyStatus::Draft => "A draft goes to review or is approved.",
        PolicyStatus::InReview => "A policy in review goes back to draft or is approved.",
        PolicyStatus::Approved => {
            "An approved policy is retired, or reopened as a new draft version."
        }
        PolicyStatus::Retired => "A retired policy can only be reopened as a new draft version.",
    };
    format!(
        "A policy cannot go from {} to {}. {how}",
        from.label().to_lowercase(),
        to.label().to_lowercase()
    )
}

/// An approved policy whose text changes becomes the next version, a draft.
fn reopen_if_frozen(record: &mut PolicyRecord, note: &str, author: &str, at: &str) {
    if record.status == PolicyStatus::Approved {
        reopen(record, note, author, at);
    }
}

fn reopen(record: &mut PolicyRecord, note: &str, author: &str, at: &str) {
    record.version += 1;
    record.status = PolicyStatus::Draft;
    record.approved_on = None;
    record.next_review = None;
    push(
        record,
        PolicyStatus::Draft,
        at,
        author,
        note,
        "",
        None,
        None,
    );
}

#[allow(clippy::too_many_arguments)] // one row's fields, named at each call
fn push(
    record: &mut PolicyRecord,
    status: PolicyStatus,
    at: &str,
    author: &str,
    note: &str,
    approver: &str,
    approved_on: Option<NaiveDate>,
    sections: Option<Vec<FrozenSection>>,
) {
    record.revisions.insert(
        0,
        PolicyRevision {
            version: record.version,
            status,
            at: at.to_owned(),
            author: author.to_owned(),
            note: note.to_owned(),
            approver: approver.to_owned(),
            approved_on,
            sections,
        },
    );
}

#[cfg(test)]
#[path = "lifecycle_tests.rs"]
mod tests;
