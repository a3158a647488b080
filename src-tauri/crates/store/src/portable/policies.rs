//! Policies in `.trustgap` files: an assessment's policy rows copied in under its new id, with
//! owners and approvers mapped to the workspace's people, then read back through the
//! repository's own decoding and held to the same checks as a save, before the commit.

use super::invalid_data;
use crate::policies::{check, read, read_parameters};
use crate::{Result, StoreError};
use rusqlite::{params, Transaction};
use trustgap_domain::limits;

/// The imported person a column names, as the workspace's person (see `people_for`).
fn mapped(column: &str) -> String {
    format!("(SELECT new FROM temp.person_map WHERE old = {column})")
}

/// Copies the policies of the file's assessment `old_id` to the workspace's assessment `id`.
pub(super) fn copy_in(tx: &Transaction<'_>, old_id: i64, id: i64) -> Result<()> {
    // A person the file names must be one it brings for a client; else the link would vanish.
    let unknown: i64 = tx.query_row(
        "SELECT count(*) FROM imp.policy_records WHERE assessment_id = ?1 AND \
         ((owner_id IS NOT NULL AND owner_id NOT IN (SELECT old FROM temp.person_map)) OR \
          (approver_id IS NOT NULL AND approver_id NOT IN (SELECT old FROM temp.person_map)))",
        [old_id],
        |r| r.get(0),
    )?;
    if unknown > 0 {
        return Err(invalid_data(
            "a policy owner or approver who is not one of the client's people",
        ));
    }
    tx.execute(
        &format!(
            "INSERT INTO main.policy_records (assessment_id, policy_id, owner_id, approver_id, \
             status, version, approved_on, next_review) \
             SELECT ?2, policy_id, {}, {}, status, version, approved_on, next_review \
             FROM imp.policy_records WHERE assessment_id = ?1",
            mapped("owner_id"),
            mapped("approver_id")
        ),
        params![old_id, id],
    )?;
    for (table, columns) in [
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
                "INSERT INTO main.{table} (assessment_id, {columns}) \
                 SELECT ?2, {columns} FROM imp.{table} WHERE assessment_id = ?1"
            ),
            params![old_id, id],
        )?;
    }
    Ok(())
}

/// A policy row the repository cannot decode, said in its words (a JSON or date error) when it
/// has them.
fn unreadable(e: StoreError) -> StoreError {
    use rusqlite::Error as E;
    match &e {
        StoreError::Sqlite(E::FromSqlConversionFailure(_, _, inner)) => {
            invalid_data(format!("a policy with {inner}"))
        }
        StoreError::Sqlite(inner) => {
            invalid_data(format!("a policy row that cannot be read ({inner})"))
        }
        _ => e,
    }
}

/// Reads the imported policies of assessment `id` as the app will, and checks them.
pub(super) fn verify(tx: &Transaction<'_>, id: i64) -> Result<()> {
    let refuse = |e: StoreError| invalid_data(e.to_string().trim_end_matches('.').to_owned());
    for record in read(tx, id, None).map_err(unreadable)? {
        check(&record).map_err(refuse)?;
    }
    // Dates as the app writes them (the decoding above reads some other spellings too).
    let bad_dates: i64 = tx.query_row(
        "SELECT count(*) FROM (SELECT approved_on AS d FROM main.policy_records \
         WHERE assessment_id = ?1 UNION ALL SELECT next_review FROM main.policy_records \
         WHERE assessment_id = ?1 UNION ALL SELECT approved_on FROM main.policy_revisions \
         WHERE assessment_id = ?1) WHERE d IS NOT NULL AND date(d) IS NOT d",
        [id],
        |r| r.get(0),
    )?;
    if bad_dates > 0 {
        return Err(invalid_data("a policy date that is not a date"));
    }
    // Revisions numbered 1..n per policy, so the next save appends after the last.
    let gaps: i64 = tx.query_row(
        "SELECT count(*) FROM (SELECT policy_id FROM main.policy_revisions \
         WHERE assessment_id = ?1 GROUP BY policy_id HAVING count(*) <> max(seq))",
        [id],
        |r| r.get(0),
    )?;
    if gaps > 0 {
        return Err(invalid_data("a policy history with missing revisions"));
    }
    let foreign: i64 = tx.query_row(
        "SELECT count(*) FROM (SELECT owner_id AS p FROM main.policy_records \
         WHERE assessment_id = ?1 UNION ALL SELECT approver_id FROM main.policy_records \
         WHERE assessment_id = ?1) WHERE p IS NOT NULL AND p NOT IN (SELECT p.id FROM \
         main.people p JOIN main.assessments a ON a.client_id = p.client_id WHERE a.id = ?1)",
        [id],
        |r| r.get(0),
    )?;
    if foreign > 0 {
        return Err(invalid_data(
            "a policy owner or approver who is not one of the client's people",
        ));
    }
    for (parameter, value) in read_parameters(tx, id).map_err(unreadable)? {
        let fits = !parameter.is_empty()
            && parameter.trim() == parameter
            && limits::is_line(&parameter)
            && limits::line("A parameter value", &value).is_ok_and(|v| !v.is_empty() && v == value);
        if !fits {
            return Err(invalid_data("a policy parameter out of bounds"));
        }
    }
    Ok(())
}
