//! The people register in `.trustgap` files. It is personal data, so it travels only when the
//! user asks: without it a file keeps each person's name, role and planning time (they own
//! answers and actions) and leaves out their email, kind, team, dates, training completions and
//! policy acknowledgements. On import courses merge by name within the client, completions and
//! acknowledgements follow the people mapped to the workspace's own; all is checked before the
//! commit like the rest of the file.

use super::invalid_data;
use crate::Result;
use rusqlite::{params, Connection, Transaction};
use trustgap_domain::limits;
use trustgap_domain::register::{Audience, CourseInput};

/// Fills the export's register tables from the source (`src`), or blanks the people's register
/// fields when it is left out. Runs inside the export's transaction.
pub(super) fn export(out: &Connection, list: &str, include: bool) -> Result<()> {
    if include {
        out.execute_batch(&format!(
            "INSERT INTO courses SELECT * FROM src.courses WHERE client_id IN (SELECT id FROM clients);
             INSERT INTO training_completions SELECT * FROM src.training_completions
               WHERE person_id IN (SELECT id FROM people);
             INSERT INTO policy_acknowledgements SELECT * FROM src.policy_acknowledgements
               WHERE assessment_id IN ({list});"
        ))?;
    } else {
        // Zeroed, not left in the pages' free space that the backup copies to the file.
        out.pragma_update(None, "secure_delete", "ON")?;
        out.execute_batch(
            "UPDATE people SET email = '', kind = 'employee', team = '', start_date = NULL, \
             end_date = NULL, access_removed_on = NULL;",
        )?;
    }
    Ok(())
}

/// Copies the register of the file's client `old_client` (now `client`) and the
/// acknowledgements of its assessment `old_id` (now `id`). People are already mapped.
pub(super) fn copy_in(
    tx: &Transaction<'_>,
    old_client: i64,
    client: i64,
    old_id: i64,
    id: i64,
) -> Result<()> {
    // Links the foreign keys cannot see: a completion's person and course, and an
    // acknowledgement's person, all of the same client.
    let strays: i64 = tx.query_row(
        "SELECT (SELECT count(*) FROM imp.training_completions t
                   JOIN imp.people p ON p.id = t.person_id
                   JOIN imp.courses c ON c.id = t.course_id
                  WHERE (p.client_id = ?1) <> (c.client_id = ?1))
              + (SELECT count(*) FROM imp.policy_acknowledgements a
                   JOIN imp.people p ON p.id = a.person_id
                  WHERE a.assessment_id = ?2 AND p.client_id <>
                        (SELECT client_id FROM imp.assessments WHERE id = ?2))",
        params![old_client, old_id],
        |r| r.get(0),
    )?;
    if strays > 0 {
        return Err(invalid_data(
            "a training record or acknowledgement of someone outside the client",
        ));
    }
    tx.execute(
        "INSERT OR IGNORE INTO main.courses (client_id, name, within_days, every_months, audience) \
         SELECT ?2, name, within_days, every_months, audience FROM imp.courses WHERE client_id = ?1",
        params![old_client, client],
    )?;
    tx.execute(
        "INSERT OR IGNORE INTO main.training_completions (person_id, course_id, completed_on, \
         evidence) SELECT m.new, mc.id, t.completed_on, t.evidence \
         FROM imp.training_completions t \
         JOIN imp.people p ON p.id = t.person_id AND p.client_id = ?1 \
         JOIN temp.person_map m ON m.old = t.person_id \
         JOIN imp.courses c ON c.id = t.course_id \
         JOIN main.courses mc ON mc.client_id = ?2 AND mc.name = c.name",
        params![old_client, client],
    )?;
    tx.execute(
        "INSERT OR IGNORE INTO main.policy_acknowledgements (person_id, assessment_id, \
         policy_id, version, acknowledged_on) SELECT m.new, ?2, a.policy_id, a.version, \
         a.acknowledged_on FROM imp.policy_acknowledgements a \
         JOIN temp.person_map m ON m.old = a.person_id WHERE a.assessment_id = ?1",
        params![old_id, id],
    )?;
    Ok(())
}

/// Reads the imported register of assessment `id`'s client back as the app will.
pub(super) fn verify(tx: &Transaction<'_>, id: i64) -> Result<()> {
    let client: i64 = tx.query_row(
        "SELECT client_id FROM main.assessments WHERE id = ?1",
        [id],
        |r| r.get(0),
    )?;
    let bad = |what: &str| invalid_data(format!("a {what} out of bounds"));
    let mut courses = tx.prepare(
        "SELECT name, within_days, every_months, audience FROM main.courses WHERE client_id = ?1",
    )?;
    let rows = courses
        .query_map([client], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<u32>>(1)?,
                r.get::<_, Option<u32>>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()
        .map_err(|_| bad("course"))?;
    for (name, within_days, every_months, audience) in rows {
        let audience: Audience = serde_json::from_str(&audience).map_err(|_| bad("course"))?;
        let input = CourseInput {
            name: name.clone(),
            within_days,
            every_months,
            audience,
        };
        if input.cleaned().ok().as_ref() != Some(&input) {
            return Err(bad("course"));
        }
    }
    let checks = [
        (
            "training record",
            "SELECT count(*) FROM main.training_completions t JOIN main.people p \
             ON p.id = t.person_id WHERE p.client_id = ?1 AND (date(t.completed_on) IS NOT \
             t.completed_on OR t.completed_on NOT BETWEEN '2000-01-01' AND '2100-12-31')",
        ),
        (
            "policy acknowledgement",
            "SELECT count(*) FROM main.policy_acknowledgements a JOIN main.people p \
             ON p.id = a.person_id WHERE p.client_id = ?1 AND (date(a.acknowledged_on) IS NOT \
             a.acknowledged_on OR a.acknowledged_on NOT BETWEEN '2000-01-01' AND '2100-12-31')",
        ),
    ];
    for (what, sql) in checks {
        let n: i64 = tx.query_row(sql, [client], |r| r.get(0))?;
        if n > 0 {
            return Err(bad(what));
        }
    }
    let mut texts = tx.prepare(
        "SELECT t.evidence FROM main.training_completions t JOIN main.people p \
         ON p.id = t.person_id WHERE p.client_id = ?1",
    )?;
    for evidence in texts.query_map([client], |r| r.get::<_, String>(0))? {
        let evidence = evidence.map_err(|_| bad("training record"))?;
        if evidence.chars().count() > crate::MAX_EVIDENCE_CHARS
            || evidence.chars().any(char::is_control)
        {
            return Err(bad("training record"));
        }
    }
    let mut ids =
        tx.prepare("SELECT policy_id FROM main.policy_acknowledgements WHERE assessment_id = ?1")?;
    for policy in ids.query_map([id], |r| r.get::<_, String>(0))? {
        let policy = policy.map_err(|_| bad("policy acknowledgement"))?;
        if !limits::is_line(&policy) {
            return Err(bad("policy acknowledgement"));
        }
    }
    Ok(())
}
