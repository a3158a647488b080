//! The policy tables: each policy's record (owner, approver, status, version, dates), its
//! section edits and its append-only history, and the values of the policy parameters an
//! assessment sets. The lifecycle rules live in the domain; this file keeps what they decide.

use super::{Result, Store, StoreError};
use chrono::NaiveDate;
use rusqlite::types::Type;
use rusqlite::{params, Connection, Row};
use std::collections::{BTreeMap, BTreeSet};
use trustgap_domain::limits::{self, MAX_NAME_CHARS, MAX_SECTION_CHARS};
use trustgap_domain::policy::{
    FrozenSection, PolicyRecord, PolicyRevision, PolicyStatus, SectionEdit,
};

/// More sections than any template has (the longest has 9): bounds what one approved version,
/// or an imported file, may hold.
const MAX_FROZEN_SECTIONS: usize = 100;

impl Store {
    /// The records of an assessment's policies that have one (a policy nobody touched has
    /// none), by policy id, with their edits and their history newest first.
    pub fn policy_records(&self, assessment_id: i64) -> Result<Vec<PolicyRecord>> {
        read(&self.conn, assessment_id, None)
    }

    pub fn policy_record(
        &self,
        assessment_id: i64,
        policy_id: &str,
    ) -> Result<Option<PolicyRecord>> {
        Ok(read(&self.conn, assessment_id, Some(policy_id))?.pop())
    }

    /// Keeps a policy's record: the record and its edits as given; of its history only the
    /// revisions not stored yet are added. A record whose history drops or changes a stored
    /// revision is refused: history is never rewritten.
    pub fn save_policy_record(&mut self, assessment_id: i64, record: &PolicyRecord) -> Result<()> {
        check(record)?;
        let client = self.assessment(assessment_id)?.client_id;
        self.write(|tx| {
            for person in [record.owner, record.approver].into_iter().flatten() {
                let ours: bool = tx.query_row(
                    "SELECT EXISTS (SELECT 1 FROM people WHERE id = ?1 AND client_id = ?2)",
                    params![person, client],
                    |r| r.get(0),
                )?;
                if !ours {
                    return Err(StoreError::Invalid(
                        "A policy's owner and approver must be people of the client.".into(),
                    ));
                }
            }
            let stored = read(tx, assessment_id, Some(&record.policy_id))?
                .pop()
                .map(|r| r.revisions)
                .unwrap_or_default();
            let given = &record.revisions;
            if given.len() < stored.len() || given[given.len() - stored.len()..] != stored[..] {
                return Err(StoreError::Conflict(format!(
                    "The history of the policy {} cannot be rewritten: reload it and try again.",
                    record.policy_id
                )));
            }
            tx.execute(
                "INSERT INTO policy_records (assessment_id, policy_id, owner_id, approver_id, \
                 status, version, approved_on, next_review) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) \
                 ON CONFLICT (assessment_id, policy_id) DO UPDATE SET \
                 owner_id = excluded.owner_id, approver_id = excluded.approver_id, \
                 status = excluded.status, version = excluded.version, \
                 approved_on = excluded.approved_on, next_review = excluded.next_review",
                params![
                    assessment_id,
                    record.policy_id,
                    record.owner,
                    record.approver,
                    record.status.as_str(),
                    record.version,
                    record.approved_on,
                    record.next_review,
                ],
            )?;
            tx.execute(
                "DELETE FROM policy_section_edits WHERE assessment_id = ?1 AND policy_id = ?2",
                params![assessment_id, record.policy_id],
            )?;
            for e in &record.edits {
                tx.execute(
                    "INSERT INTO policy_section_edits (assessment_id, policy_id, section_id, \
                     text, base, edited_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![
                        assessment_id,
                        record.policy_id,
                        e.section_id,
                        e.text,
                        e.base,
                        e.edited_at
                    ],
                )?;
            }
            // Newest first in the record; numbered from the oldest in the table.
            for (seq, rev) in given.iter().rev().enumerate().skip(stored.len()) {
                let sections = rev
                    .sections
                    .as_ref()
                    .map(serde_json::to_string)
                    .transpose()
                    .map_err(|e| {
                        StoreError::Invalid(format!("a version could not be kept: {e}"))
                    })?;
                tx.execute(
                    "INSERT INTO policy_revisions (assessment_id, policy_id, seq, version, \
                     status, at, author, note, approver, approved_on, sections_json) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                    params![
                        assessment_id,
                        record.policy_id,
                        seq as i64 + 1,
                        rev.version,
                        rev.status.as_str(),
                        rev.at,
                        rev.author,
                        rev.note,
                        rev.approver,
                        rev.approved_on,
                        sections,
                    ],
                )?;
            }
            Ok(())
        })
    }

    /// The parameter values set for an assessment, by parameter id.
    pub fn policy_parameters(&self, assessment_id: i64) -> Result<BTreeMap<String, String>> {
        read_parameters(&self.conn, assessment_id)
    }

    /// Sets one parameter's value (trimmed, one line); `None` or an empty value removes it, so
    /// the suggestion or the default applies again.
    pub fn set_policy_parameter(
        &mut self,
        assessment_id: i64,
        parameter_id: &str,
        value: Option<&str>,
    ) -> Result<()> {
        key("A parameter id", parameter_id)?;
        let value = limits::line("A parameter value", value.unwrap_or_default())?;
        self.assessment(assessment_id)?;
        self.write(|tx| {
            if value.is_empty() {
                tx.execute(
                    "DELETE FROM policy_parameters WHERE assessment_id = ?1 AND parameter_id = ?2",
                    params![assessment_id, parameter_id],
                )?;
            } else {
                tx.execute(
                    "INSERT INTO policy_parameters (assessment_id, parameter_id, value) \
                     VALUES (?1, ?2, ?3) ON CONFLICT (assessment_id, parameter_id) \
                     DO UPDATE SET value = excluded.value",
                    params![assessment_id, parameter_id, value],
                )?;
            }
            Ok(())
        })
    }
}

/// Carries an assessment's policies over to its re-assessment: policies stay in force from one
/// round to the next, so their owners, status, version, edits, history and parameters go on.
pub(crate) fn carry_over(tx: &Connection, from: i64, to: i64) -> Result<()> {
    for (table, columns) in [
        (
            "policy_records",
            "policy_id, owner_id, approver_id, status, version, approved_on, next_review",
        ),
        (
            "policy_section_edits",
            "policy_id, section_id, text, base, edited_at",
        ),
        (
            "policy_revisions",
            "policy_id, seq, version, status, at, author, note, approver, approved_on, \
             sections_json",
        ),
        ("policy_parameters", "parameter_id, value"),
    ] {
        tx.execute(
            &format!(
                "INSERT INTO {table} (assessment_id, {columns}) \
                 SELECT ?2, {columns} FROM {table} WHERE assessment_id = ?1"
            ),
            params![from, to],
        )?;
    }
    Ok(())
}

/// The records of an assessment (or of one of its policies), decoded as the app reads them;
/// the importer reads a file's rows through the same function.
pub(crate) fn read(
    conn: &Connection,
    assessment_id: i64,
    policy_id: Option<&str>,
) -> Result<Vec<PolicyRecord>> {
    let mut stmt = conn.prepare(
        "SELECT policy_id, owner_id, approver_id, status, version, approved_on, next_review \
         FROM policy_records WHERE assessment_id = ?1 AND (?2 IS NULL OR policy_id = ?2) \
         ORDER BY policy_id",
    )?;
    let mut records = stmt
        .query_map(params![assessment_id, policy_id], |r| {
            Ok(PolicyRecord {
                policy_id: r.get(0)?,
                owner: r.get(1)?,
                approver: r.get(2)?,
                status: status(r, 3)?,
                version: r.get(4)?,
                approved_on: date(r, 5)?,
                next_review: date(r, 6)?,
                edits: Vec::new(),
                revisions: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut edits = conn.prepare(
        "SELECT section_id, text, base, edited_at FROM policy_section_edits \
         WHERE assessment_id = ?1 AND policy_id = ?2 ORDER BY section_id",
    )?;
    let mut revisions = conn.prepare(
        "SELECT version, status, at, author, note, approver, approved_on, sections_json \
         FROM policy_revisions WHERE assessment_id = ?1 AND policy_id = ?2 ORDER BY seq DESC",
    )?;
    for record in &mut records {
        let at = params![assessment_id, record.policy_id];
        record.edits = edits
            .query_map(at, |r| {
                Ok(SectionEdit {
                    section_id: r.get(0)?,
                    text: r.get(1)?,
                    base: r.get(2)?,
                    edited_at: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        record.revisions = revisions
            .query_map(at, |r| {
                let sections: Option<String> = r.get(7)?;
                Ok(PolicyRevision {
                    version: r.get(0)?,
                    status: status(r, 1)?,
                    at: r.get(2)?,
                    author: r.get(3)?,
                    note: r.get(4)?,
                    approver: r.get(5)?,
                    approved_on: date(r, 6)?,
                    sections: sections
                        .map(|json| serde_json::from_str::<Vec<FrozenSection>>(&json))
                        .transpose()
                        .map_err(|e| {
                            unreadable(7, format!("approved sections that are not readable ({e})"))
                        })?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
    }
    Ok(records)
}

pub(crate) fn read_parameters(
    conn: &Connection,
    assessment_id: i64,
) -> Result<BTreeMap<String, String>> {
    let mut stmt = conn.prepare(
        "SELECT parameter_id, value FROM policy_parameters WHERE assessment_id = ?1 \
         ORDER BY parameter_id",
    )?;
    let rows = stmt.query_map([assessment_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A status as spelled by [`PolicyStatus::as_str`]; the table's CHECK keeps others out, and an
/// imported file's are refused here.
fn status(r: &Row<'_>, i: usize) -> rusqlite::Result<PolicyStatus> {
    let s: String = r.get(i)?;
    PolicyStatus::parse(&s).ok_or_else(|| unreadable(i, format!("an unknown status '{s}'")))
}

/// A calendar date as the app writes it (`YYYY-MM-DD`).
fn date(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<NaiveDate>> {
    let s: Option<String> = r.get(i)?;
    s.map(|s| {
        NaiveDate::parse_from_str(&s, "%Y-%m-%d")
            .map_err(|_| unreadable(i, format!("'{s}', which is not a date")))
    })
    .transpose()
}

/// A column that holds what the app never writes; `what` says what, for the importer's refusal.
fn unreadable(i: usize, what: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(i, Type::Text, what.into())
}

/// Holds a record to the app's limits: the checks of every save and of every imported file.
pub(crate) fn check(r: &PolicyRecord) -> Result<()> {
    key("A policy id", &r.policy_id)?;
    version(r.version)?;
    for d in [r.approved_on, r.next_review].into_iter().flatten() {
        limits::plausible_date("A policy date", d)?;
    }
    let mut sections = BTreeSet::new();
    for e in &r.edits {
        key("A section id", &e.section_id)?;
        // The limits of a typed section (the domain stores it cleaned; its cleaning is not redone).
        limits::section("A section", &e.text)?;
        bounded("The generated text under an edit", &e.base)?;
        line("An edit's time", &e.edited_at)?;
        if !sections.insert(e.section_id.as_str()) {
            return Err(StoreError::Invalid(format!(
                "The section {} is edited twice.",
                e.section_id
            )));
        }
    }
    for rev in &r.revisions {
        version(rev.version)?;
        line("A revision's time", &rev.at)?;
        line("A revision's author", &rev.author)?;
        line("A revision's approver", &rev.approver)?;
        limits::note("A revision's note", &rev.note)?;
        if let Some(d) = rev.approved_on {
            limits::plausible_date("An approval date", d)?;
        }
        let frozen = rev.sections.as_deref().unwrap_or_default();
        if frozen.len() > MAX_FROZEN_SECTIONS {
            return Err(StoreError::Invalid(format!(
                "An approved version holds at most {MAX_FROZEN_SECTIONS} sections."
            )));
        }
        for s in frozen {
            key("A section id", &s.id)?;
            line("A section title", &s.title)?;
            bounded("An approved section", &s.text)?;
            for id in s.criteria.iter().chain(&s.stated_facts) {
                key("A criterion or fact id", id)?;
            }
        }
    }
    Ok(())
}

fn version(v: u32) -> Result<()> {
    if v == 0 {
        return Err(StoreError::Invalid("A policy version starts at 1.".into()));
    }
    Ok(())
}

/// One line of at most [`MAX_NAME_CHARS`] characters, as stored (not trimmed).
fn line(what: &str, text: &str) -> Result<()> {
    if limits::is_line(text) {
        Ok(())
    } else {
        Err(StoreError::Invalid(format!(
            "{what} must be one line of at most {MAX_NAME_CHARS} characters."
        )))
    }
}

/// An id: one line, not empty, no spaces around it.
fn key(what: &str, text: &str) -> Result<()> {
    if text.is_empty() || text.trim() != text {
        return Err(StoreError::Invalid(format!(
            "{what} cannot be empty or start or end with a space."
        )));
    }
    line(what, text)
}

/// Section text that may be empty (what a template generated), within the section limit.
fn bounded(what: &str, text: &str) -> Result<()> {
    if text.chars().count() > MAX_SECTION_CHARS {
        return Err(StoreError::Invalid(format!(
            "{what} is limited to {MAX_SECTION_CHARS} characters."
        )));
    }
    Ok(())
}
