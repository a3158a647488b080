//! Checks on a database file from outside the store: integrity, references, and a digest of
//! everything in it, to prove that a refused operation changed nothing.

use rusqlite::types::ValueRef;
use rusqlite::Connection;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;

/// A plain connection to `path`, for reading what the store wrote.
pub fn raw(path: &Path) -> Connection {
    let conn = Connection::open(path).unwrap_or_else(|e| panic!("open {}: {e}", path.display()));
    conn.busy_timeout(std::time::Duration::from_secs(5))
        .expect("busy timeout");
    conn
}

/// Every line `PRAGMA integrity_check` reports, joined; "ok" for a sound database.
pub fn integrity(conn: &Connection) -> String {
    let mut stmt = conn
        .prepare("PRAGMA integrity_check")
        .expect("integrity_check");
    let lines: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .expect("integrity_check")
        .collect::<rusqlite::Result<_>>()
        .expect("integrity_check rows");
    lines.join("; ")
}

/// Rows `pragma_foreign_key_check` reports, as "table rowid -> parent".
pub fn foreign_key_violations(conn: &Connection) -> Vec<String> {
    let mut stmt = conn
        .prepare("SELECT \"table\", rowid, parent FROM pragma_foreign_key_check")
        .expect("foreign_key_check");
    let rows = stmt
        .query_map([], |r| {
            Ok(format!(
                "{} {:?} -> {}",
                r.get::<_, String>(0)?,
                r.get::<_, Option<i64>>(1)?,
                r.get::<_, String>(2)?
            ))
        })
        .expect("foreign_key_check");
    rows.collect::<rusqlite::Result<_>>()
        .expect("foreign_key_check rows")
}

/// Asserts the database is intact and its references are consistent.
pub fn assert_sound(conn: &Connection, context: &str) {
    assert_eq!(integrity(conn), "ok", "{context}: integrity_check");
    let broken = foreign_key_violations(conn);
    assert!(broken.is_empty(), "{context}: foreign keys: {broken:?}");
}

/// A digest of the schema, the header pragmas and every row of every table.
pub fn digest(conn: &Connection) -> u64 {
    let mut h = DefaultHasher::new();
    for pragma in ["user_version", "application_id"] {
        let v: i64 = conn
            .pragma_query_value(None, pragma, |r| r.get(0))
            .expect("pragma");
        v.hash(&mut h);
    }
    let mut stmt = conn
        .prepare("SELECT type, name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name")
        .expect("schema");
    let schema: Vec<(String, String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("schema")
        .collect::<rusqlite::Result<_>>()
        .expect("schema rows");
    schema.hash(&mut h);
    for (kind, name, _) in &schema {
        if kind != "table" || name.starts_with("sqlite_") {
            continue;
        }
        hash_table(conn, name, &mut h);
    }
    h.finish()
}

fn hash_table(conn: &Connection, table: &str, h: &mut DefaultHasher) {
    let quoted = format!("\"{}\"", table.replace('"', "\"\""));
    let columns: usize = conn
        .query_row("SELECT count(*) FROM pragma_table_info(?1)", [table], |r| {
            r.get::<_, i64>(0)
        })
        .expect("table_info") as usize;
    let order = (1..=columns)
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let mut stmt = conn
        .prepare(&format!("SELECT * FROM {quoted} ORDER BY {order}"))
        .expect("select rows");
    let mut rows = stmt.query([]).expect("rows");
    table.hash(h);
    while let Some(row) = rows.next().expect("row") {
        for i in 0..columns {
            match row.get_ref(i).expect("value") {
                ValueRef::Null => 0u8.hash(h),
                ValueRef::Integer(v) => (1u8, v).hash(h),
                ValueRef::Real(v) => (2u8, v.to_bits()).hash(h),
                ValueRef::Text(v) => (3u8, v).hash(h),
                ValueRef::Blob(v) => (4u8, v).hash(h),
            }
        }
    }
}

/// The file names in `dir`, sorted.
pub fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| {
            e.expect("dir entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}
