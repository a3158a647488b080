//! The `courses` table: a client's training courses and their rules.

use super::{OptionalRow, Result, Store, StoreError};
use rusqlite::{params, Row};
use trustgap_domain::register::{Audience, Course, CourseInput};

const SELECT: &str = "SELECT id, client_id, name, within_days, every_months, audience FROM courses";

fn course_from_row(r: &Row<'_>) -> rusqlite::Result<Course> {
    let audience: String = r.get(5)?;
    Ok(Course {
        id: r.get(0)?,
        client_id: r.get(1)?,
        name: r.get(2)?,
        within_days: r.get(3)?,
        every_months: r.get(4)?,
        audience: serde_json::from_str(&audience).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(5, rusqlite::types::Type::Text, e.into())
        })?,
    })
}

fn audience_json(a: &Audience) -> Result<String> {
    serde_json::to_string(a)
        .map_err(|e| StoreError::Invalid(format!("the audience could not be stored: {e}")))
}

fn clash(name: &str) -> StoreError {
    StoreError::Conflict(format!("{name} is already one of this client's courses."))
}

fn is_unique_violation(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _)
        if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE)
}

impl Store {
    /// A client's courses, by name.
    pub fn courses(&self, client_id: i64) -> Result<Vec<Course>> {
        let mut stmt = self.conn.prepare(&format!(
            "{SELECT} WHERE client_id = ?1 ORDER BY name COLLATE NOCASE, id"
        ))?;
        let rows = stmt.query_map([client_id], course_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn course(&self, id: i64) -> Result<Course> {
        self.conn
            .query_row(&format!("{SELECT} WHERE id = ?1"), [id], course_from_row)
            .or_not_found(|| format!("Course {id}"))
    }

    pub fn add_course(&mut self, client_id: i64, input: &CourseInput) -> Result<Course> {
        let c = input.cleaned()?;
        self.client(client_id)?;
        let audience = audience_json(&c.audience)?;
        let id = self.write(|tx| {
            tx.execute(
                "INSERT INTO courses (client_id, name, within_days, every_months, audience) \
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![client_id, c.name, c.within_days, c.every_months, audience],
            )
            .map_err(|e| {
                if is_unique_violation(&e) {
                    clash(&c.name)
                } else {
                    e.into()
                }
            })?;
            Ok(tx.last_insert_rowid())
        })?;
        self.course(id)
    }

    pub fn update_course(&mut self, id: i64, input: &CourseInput) -> Result<Course> {
        let c = input.cleaned()?;
        self.course(id)?;
        let audience = audience_json(&c.audience)?;
        self.write(|tx| {
            tx.execute(
                "UPDATE courses SET name = ?2, within_days = ?3, every_months = ?4, \
                 audience = ?5 WHERE id = ?1",
                params![id, c.name, c.within_days, c.every_months, audience],
            )
            .map_err(|e| {
                if is_unique_violation(&e) {
                    clash(&c.name)
                } else {
                    e.into()
                }
            })?;
            Ok(())
        })?;
        self.course(id)
    }

    /// Removes a course with its completions.
    pub fn remove_course(&mut self, id: i64) -> Result<()> {
        self.course(id)?;
        self.write(|tx| {
            tx.execute("DELETE FROM courses WHERE id = ?1", [id])?;
            Ok(())
        })
    }
}
