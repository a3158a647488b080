//! The layout check of a `.trustgap` file: its schema must be exactly the one Trustgap writes
//! for its version, so that reading its rows runs nothing the file itself defines.

use crate::backup::{inspect, FileCheck};
use crate::{migrations, Result, StoreError};
use rusqlite::{Connection, OpenFlags};
use std::path::Path;

/// Checks a `.trustgap` file before anything reads its rows: ours, readable by this version,
/// intact ([`inspect`]), and laid out exactly as Trustgap lays out its schema version. Reading
/// a table may run whatever its definition says (a view of endless rows, a generated column),
/// so a file whose tables, indexes, triggers or views differ in any way is refused.
pub(super) fn check_file(path: &Path) -> Result<FileCheck> {
    let check = inspect(path)?;
    let expected = Connection::open_in_memory()?;
    let known = migrations::ALL
        .iter()
        .take_while(|m| m.version <= check.schema_version)
        .count();
    migrations::migrate(&expected, &migrations::ALL[..known])?;
    let file = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let found = layout(&file).map_err(|e| StoreError::Corrupt {
        path: path.to_owned(),
        detail: e.to_string(),
    })?;
    if found != layout(&expected)? {
        return Err(StoreError::Invalid(format!(
            "This is not a file as Trustgap writes it: its tables differ from those of schema \
             version {}. Nothing was imported.",
            check.schema_version
        )));
    }
    Ok(check)
}

/// Every schema object with its definition, whitespace normalised.
fn layout(conn: &Connection) -> Result<Vec<(String, String, String)>> {
    let mut stmt = conn
        .prepare("SELECT type, name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name")?;
    let rows = stmt.query_map([], |r| {
        let sql: String = r.get(2)?;
        Ok((
            r.get(0)?,
            r.get(1)?,
            sql.split_whitespace().collect::<Vec<_>>().join(" "),
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
