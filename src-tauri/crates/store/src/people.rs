//! The `people` table and a client's calendar: who can own answers and actions, how much of
//! their time compliance work may take, and the days nobody works.

use super::{new_uid, now, OptionalRow, Result, Store, StoreError};
use rusqlite::{params, Row};
use trustgap_domain::people::{ClientCalendar, DateRange, Person, PersonInput, PersonKind};

const SELECT: &str = "SELECT id, client_id, name, role, email, share, days_off, kind, team, \
    start_date, end_date, access_removed_on FROM people";

fn ranges(json: &str) -> Vec<DateRange> {
    // Written by this module only, from checked ranges; an unreadable list reads as empty.
    serde_json::from_str(json).unwrap_or_default()
}

fn to_json(r: &[DateRange]) -> Result<String> {
    serde_json::to_string(r)
        .map_err(|e| StoreError::Invalid(format!("dates could not be stored: {e}")))
}

fn person_from_row(r: &Row<'_>) -> rusqlite::Result<Person> {
    let days_off: String = r.get(6)?;
    let kind: String = r.get(7)?;
    Ok(Person {
        id: r.get(0)?,
        client_id: r.get(1)?,
        name: r.get(2)?,
        role: r.get(3)?,
        email: r.get(4)?,
        share: r.get(5)?,
        days_off: ranges(&days_off),
        // The column's CHECK allows the two codes only.
        kind: PersonKind::parse(&kind).unwrap_or_default(),
        team: r.get(8)?,
        start_date: r.get(9)?,
        end_date: r.get(10)?,
        access_removed_on: r.get(11)?,
    })
}

/// Inserts a checked person (no clash check: the callers make it).
fn insert(tx: &rusqlite::Transaction<'_>, client_id: i64, p: &PersonInput) -> Result<Person> {
    let t = now();
    tx.execute(
        "INSERT INTO people (uid, client_id, name, role, email, share, days_off, kind, team, \
         start_date, end_date, access_removed_on, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)",
        params![
            new_uid(),
            client_id,
            p.name,
            p.role,
            p.email,
            p.share,
            to_json(&p.days_off)?,
            p.kind.code(),
            p.team,
            p.start_date,
            p.end_date,
            p.access_removed_on,
            t
        ],
    )?;
    Ok(Person {
        id: tx.last_insert_rowid(),
        client_id,
        name: p.name.clone(),
        role: p.role.clone(),
        email: p.email.clone(),
        share: p.share,
        days_off: p.days_off.clone(),
        kind: p.kind,
        team: p.team.clone(),
        start_date: p.start_date,
        end_date: p.end_date,
        access_removed_on: p.access_removed_on,
    })
}

fn name_taken(tx: &rusqlite::Transaction<'_>, client_id: i64, name: &str) -> Result<bool> {
    Ok(tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM people WHERE client_id = ?1 AND name = ?2 COLLATE NOCASE)",
        params![client_id, name],
        |r| r.get(0),
    )?)
}

impl Store {
    /// The people of a client, by name.
    pub fn people(&self, client_id: i64) -> Result<Vec<Person>> {
        let mut stmt = self.conn.prepare(&format!(
            "{SELECT} WHERE client_id = ?1 ORDER BY name COLLATE NOCASE, id"
        ))?;
        let rows = stmt.query_map([client_id], person_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn person(&self, id: i64) -> Result<Person> {
        self.conn
            .query_row(&format!("{SELECT} WHERE id = ?1"), [id], person_from_row)
            .or_not_found(|| format!("Person {id}"))
    }

    /// Adds a person to a client; the name must be new among the client's people.
    pub fn add_person(&mut self, client_id: i64, input: &PersonInput) -> Result<Person> {
        let p = input.cleaned()?;
        self.client(client_id)?;
        self.write(|tx| {
            if name_taken(tx, client_id, &p.name)? {
                return Err(StoreError::Conflict(format!(
                    "{} is already one of this client's people.",
                    p.name
                )));
            }
            insert(tx, client_id, &p)
        })
    }

    /// Adds a roster's people in one transaction: all of them, or none when one is refused.
    pub fn add_people(&mut self, client_id: i64, inputs: &[PersonInput]) -> Result<Vec<Person>> {
        let people = inputs
            .iter()
            .map(PersonInput::cleaned)
            .collect::<std::result::Result<Vec<_>, _>>()?;
        self.client(client_id)?;
        self.write(|tx| {
            let mut added = Vec::with_capacity(people.len());
            for p in &people {
                if name_taken(tx, client_id, &p.name)? {
                    return Err(StoreError::Conflict(format!(
                        "{} is already one of this client's people; nothing was imported.",
                        p.name
                    )));
                }
                added.push(insert(tx, client_id, p)?);
            }
            Ok(added)
        })
    }

    /// Changes a person; every answer and action they own follows (they are owned by id).
    pub fn update_person(&mut self, id: i64, input: &PersonInput) -> Result<Person> {
        let p = input.cleaned()?;
        let before = self.person(id)?;
        let days_off = to_json(&p.days_off)?;
        self.write(|tx| {
            let clash: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM people WHERE client_id = ?1 AND id <> ?2 \
                 AND name = ?3 COLLATE NOCASE)",
                params![before.client_id, id, p.name],
                |r| r.get(0),
            )?;
            if clash {
                return Err(StoreError::Conflict(format!(
                    "{} is already one of this client's people.",
                    p.name
                )));
            }
            tx.execute(
                "UPDATE people SET name = ?2, role = ?3, email = ?4, share = ?5, days_off = ?6, \
                 updated_at = ?7, kind = ?8, team = ?9, start_date = ?10, end_date = ?11, \
                 access_removed_on = ?12 WHERE id = ?1",
                params![
                    id,
                    p.name,
                    p.role,
                    p.email,
                    p.share,
                    days_off,
                    now(),
                    p.kind.code(),
                    p.team,
                    p.start_date,
                    p.end_date,
                    p.access_removed_on
                ],
            )?;
            Ok(())
        })?;
        self.person(id)
    }

    /// Removes a person. What they owned goes to their role, as a role nobody holds yet (or to
    /// no owner when they had no role), so nothing is left pointing at nobody.
    pub fn remove_person(&mut self, id: i64) -> Result<()> {
        let p = self.person(id)?;
        self.write(|tx| {
            for table in ["responses", "plan_edits"] {
                tx.execute(
                    &format!(
                        "UPDATE {table} SET owner_person = NULL, owner_role = ?2 \
                         WHERE owner_person = ?1"
                    ),
                    params![id, p.role],
                )?;
            }
            tx.execute("DELETE FROM people WHERE id = ?1", [id])?;
            Ok(())
        })
    }

    /// The days a client does not work, beyond weekends.
    pub fn client_calendar(&self, client_id: i64) -> Result<ClientCalendar> {
        self.conn
            .query_row(
                "SELECT year_end_break, closures FROM clients WHERE id = ?1",
                [client_id],
                |r| {
                    let closures: String = r.get(1)?;
                    Ok(ClientCalendar {
                        year_end_break: r.get(0)?,
                        closures: ranges(&closures),
                    })
                },
            )
            .or_not_found(|| format!("Client {client_id}"))
    }

    pub fn set_client_calendar(&mut self, client_id: i64, cal: &ClientCalendar) -> Result<()> {
        let cal = cal.cleaned()?;
        let closures = to_json(&cal.closures)?;
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE clients SET year_end_break = ?2, closures = ?3, updated_at = ?4 \
                 WHERE id = ?1",
                params![client_id, cal.year_end_break, closures, now()],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound(format!("Client {client_id}")));
            }
            Ok(())
        })
    }
}
