//! Portable `.trustgap` files: one or more assessments (with their client, its people and branding
//! override, answers, history, snapshots, plan edits, retired answers, document versions,
//! approvers, management responses, policies, evidence files and the request list) in a SQLite
//! database of the workspace's own schema, and their import.
//!
//! Export builds the subset in a scratch file beside the destination (evidence may be
//! gigabytes, so never in memory), syncs it and renames it into place. Import checks the file
//! first (ours, intact, not cut short, and laid out exactly as Trustgap lays out its schema
//! version, so reading it runs nothing the file defines), then copies everything in one
//! transaction, so it is all or nothing; imported rows are read back through the same decoding
//! as the app's own, and their text checked against the app's limits, before the commit, so
//! nothing unreadable can enter the workspace.

use super::backup::{temp_beside, write_beside};
use super::{migrations, new_uid, Result, Store, StoreError};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use std::path::Path;

mod evidence;
mod export;
mod layout;
mod policies;
mod register;
mod verify;
use export::build_export;
use layout::check_file;
use verify::verify;

/// What to do when an imported assessment already exists in the workspace (same identity).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ImportMode {
    /// Refuse, naming the assessments that clash, so the user can choose.
    Ask,
    /// Delete the existing copy and import the file's.
    Replace,
    /// Import the file's as a new assessment beside the existing one.
    KeepBoth,
}

/// Tables copied per assessment, in dependency order, with the columns copied.
/// `owner_person` is copied apart: it is mapped to the workspace's people.
const RESPONSE_COLS: &str = "question_id, answer, note, updated_at, flagged, owner_role, \
    evidence, needs_review, since, cadence, verified";
const HISTORY_COLS: &str = "question_id, answer, note, assessor, changed_at";
const PLAN_COLS: &str = "remediation_key, owner_role, start_date, due_date, status, \
    justification, notes, updated_at";
const RETIRED_COLS: &str = "question_id, answer, note, reason, catalog_version, retired_at";
const COST_COLS: &str = "currency, day_rate, lines, updated_at";
const VERSION_COLS: &str = "kind, version, issued_on, author, change";
const APPROVER_COLS: &str = "position, name, role, signed_on";
const MANAGEMENT_COLS: &str = "question_id, kind, text, updated_at";
const ASSESSMENT_COLS: &str = "name, catalog_version, scope, audit_type, target_date, \
    observation_start, industry, headcount, system_name, system_description, hosting, assessor, \
    created_at, updated_at, opened_at, archived_at, last_question, scoping, led_by, assessor_firm";
/// The imported person an owner column names, as the workspace's person.
const MAP_OWNER: &str = "(SELECT new FROM temp.person_map WHERE old = owner_person)";

impl Store {
    /// Writes the given assessments (not in the trash) and their clients to `dest`; the people
    /// register (personal data) only when `include_register` is set.
    pub fn export_portable(&self, ids: &[i64], dest: &Path, include_register: bool) -> Result<()> {
        if ids.is_empty() {
            return Err(StoreError::Invalid(
                "Choose at least one assessment to export.".into(),
            ));
        }
        for id in ids {
            if self.assessment(*id)?.deleted_at.is_some() {
                return Err(StoreError::Invalid(
                    "Restore the assessment from the trash before exporting it.".into(),
                ));
            }
        }
        // Built in a file beside the destination, not in memory: evidence may be gigabytes.
        write_beside(dest, |tmp| build_export(self, ids, tmp, include_register))
    }

    /// The assessments a `.trustgap` file holds ("client: name") and those that already exist here.
    pub fn preview_portable(&self, path: &Path) -> Result<(Vec<String>, Vec<String>)> {
        check_file(path)?;
        let conn = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let rows: Vec<(String, String, String)> = conn
            .prepare("SELECT a.uid, c.name, a.name FROM assessments a JOIN clients c ON c.id = a.client_id ORDER BY a.id")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut names = Vec::new();
        let mut clashes = Vec::new();
        for (uid, client, name) in rows {
            let label = format!("{client}: {name}");
            let exists: bool = self.conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM assessments WHERE uid = ?1)",
                [&uid],
                |r| r.get(0),
            )?;
            if exists {
                clashes.push(label.clone());
            }
            names.push(label);
        }
        Ok((names, clashes))
    }

    /// Imports every assessment of the `.trustgap` file at `path`; returns the new ids.
    pub fn import_portable(&mut self, path: &Path, mode: ImportMode) -> Result<Vec<i64>> {
        let check = check_file(path)?;
        if check.schema_version == migrations::LATEST {
            return self
                .import_checked(path, mode)
                .map_err(|e| explain(e, path));
        }
        // An older file is upgraded in a private copy, never in place; the copy is removed
        // whatever happens, also when the upgrade fails.
        let tmp = temp_beside(&self.path);
        let result = upgrade_copy(path, &tmp).and_then(|()| self.import_checked(&tmp, mode));
        for suffix in ["", "-journal", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", tmp.display()));
        }
        result.map_err(|e| explain(e, path))
    }

    fn import_checked(&mut self, source: &Path, mode: ImportMode) -> Result<Vec<i64>> {
        let uri = format!(
            "file:{}?mode=ro",
            source
                .to_string_lossy()
                .replace('?', "%3f")
                .replace('#', "%23")
        );
        self.conn.execute("ATTACH DATABASE ?1 AS imp", [uri])?;
        // Evidence contents make an import a bulk write: written to the disk once.
        let result = self.bulk_write(|tx| copy_in(tx, mode));
        let detach = self.conn.execute("DETACH DATABASE imp", []);
        let ids = result?;
        detach?;
        Ok(ids)
    }
}

/// Says what a database error met while copying the file in means: its data breaks the
/// workspace's rules, or it is damaged. Other errors (the workspace's own) stay as they are.
fn explain(e: StoreError, file: &Path) -> StoreError {
    use rusqlite::{Error as E, ErrorCode as C};
    let StoreError::Sqlite(inner) = &e else {
        return e;
    };
    match inner {
        E::SqliteFailure(f, _) if f.code == C::ConstraintViolation => invalid_data(inner),
        E::FromSqlConversionFailure(..)
        | E::InvalidColumnType(..)
        | E::IntegralValueOutOfRange(..)
        | E::Utf8Error(..) => invalid_data(inner),
        E::SqliteFailure(f, _) if matches!(f.code, C::DatabaseCorrupt | C::NotADatabase) => {
            StoreError::Corrupt {
                path: file.to_owned(),
                detail: inner.to_string(),
            }
        }
        _ => e,
    }
}

fn invalid_data(what: impl std::fmt::Display) -> StoreError {
    StoreError::Invalid(format!(
        "The file contains invalid data ({what}); nothing was imported."
    ))
}

/// Copies `from` to `to` and migrates the copy to the latest schema.
fn upgrade_copy(from: &Path, to: &Path) -> Result<()> {
    std::fs::copy(from, to).map_err(|source| StoreError::Folder {
        path: from.to_owned(),
        source,
    })?;
    let conn = Connection::open(to)?;
    migrations::migrate(&conn, migrations::ALL)
}

fn copy_in(tx: &Transaction<'_>, mode: ImportMode) -> Result<Vec<i64>> {
    let clashes: Vec<String> = tx
        .prepare("SELECT a.name FROM imp.assessments a JOIN main.assessments m ON m.uid = a.uid")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if !clashes.is_empty() && mode == ImportMode::Ask {
        return Err(StoreError::Conflict(format!(
            "This workspace already has {}: replace it, or keep both?",
            clashes.join(", ")
        )));
    }
    let sources: Vec<(i64, String, i64)> = tx
        .prepare("SELECT id, uid, client_id FROM imp.assessments ORDER BY id")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    if sources.is_empty() {
        return Err(StoreError::Invalid("The file holds no assessment.".into()));
    }
    tx.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS person_map (old INTEGER PRIMARY KEY, new INTEGER);
         DELETE FROM temp.person_map;",
    )?;
    let mut new_ids = Vec::new();
    for (old_id, uid, old_client) in sources {
        let client = client_for(tx, old_client)?;
        people_for(tx, old_client, client)?;
        let existing: Option<i64> = tx
            .query_row(
                "SELECT id FROM main.assessments WHERE uid = ?1",
                [&uid],
                |r| r.get(0),
            )
            .optional()?;
        let uid = match (existing, mode) {
            (Some(id), ImportMode::Replace) => {
                tx.execute("DELETE FROM main.assessments WHERE id = ?1", [id])?;
                uid
            }
            (Some(_), _) => new_uid(),
            (None, _) => uid,
        };
        tx.execute(
            &format!(
                "INSERT INTO main.assessments (uid, client_id, {ASSESSMENT_COLS}) \
                 SELECT ?2, ?3, {ASSESSMENT_COLS} FROM imp.assessments WHERE id = ?1"
            ),
            params![old_id, uid, client],
        )?;
        let id = tx.last_insert_rowid();
        for (table, cols, owned) in [
            ("responses", RESPONSE_COLS, true),
            ("response_history", HISTORY_COLS, false),
            ("plan_edits", PLAN_COLS, true),
            ("retired_answers", RETIRED_COLS, false),
            ("cost_assumptions", COST_COLS, false),
            ("document_versions", VERSION_COLS, false),
            ("approvers", APPROVER_COLS, false),
            ("management_responses", MANAGEMENT_COLS, false),
        ] {
            let (into, from) = if owned {
                (
                    format!("{cols}, owner_person"),
                    format!("{cols}, {MAP_OWNER}"),
                )
            } else {
                (cols.to_owned(), cols.to_owned())
            };
            tx.execute(
                &format!(
                    "INSERT INTO main.{table} (assessment_id, {into}) \
                     SELECT ?2, {from} FROM imp.{table} WHERE assessment_id = ?1"
                ),
                params![old_id, id],
            )?;
        }
        copy_snapshots(tx, old_id, id)?;
        policies::copy_in(tx, old_id, id)?;
        register::copy_in(tx, old_client, client, old_id, id)?;
        // Everything copied first, then read back: the text checks cover the evidence too.
        evidence::copy_in(tx, old_id, id)?;
        verify(tx, id)?;
        policies::verify(tx, id)?;
        evidence::verify(tx, id)?;
        register::verify(tx, id)?;
        new_ids.push(id);
    }
    Ok(new_ids)
}

/// The workspace's client for an imported client: the same one (by identity) or a new row.
fn client_for(tx: &Transaction<'_>, old_client: i64) -> Result<i64> {
    let (uid, name, created, updated): (String, String, String, String) = tx.query_row(
        "SELECT uid, name, created_at, updated_at FROM imp.clients WHERE id = ?1",
        [old_client],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    if let Some(id) = tx
        .query_row("SELECT id FROM main.clients WHERE uid = ?1", [&uid], |r| {
            r.get(0)
        })
        .optional()?
    {
        return Ok(id);
    }
    tx.execute(
        "INSERT INTO main.clients (uid, name, created_at, updated_at, year_end_break, closures) \
         SELECT ?1, ?2, ?3, ?4, year_end_break, closures FROM imp.clients WHERE id = ?5",
        params![uid, name, created, updated, old_client],
    )?;
    let id = tx.last_insert_rowid();
    // A new client brings its branding override; a client already here keeps its own.
    tx.execute(
        "INSERT INTO main.client_branding (client_id, firm, logo, logo_format, accent, footer, \
         disclaimer, updated_at) SELECT ?2, firm, logo, logo_format, accent, footer, disclaimer, \
         updated_at FROM imp.client_branding WHERE client_id = ?1",
        params![old_client, id],
    )?;
    Ok(id)
}

/// Maps the file's people of a client to the workspace's: the same person (by identity, else by
/// name within the client) or a new row. The calendar of a new client comes with it.
fn people_for(tx: &Transaction<'_>, old_client: i64, client: i64) -> Result<()> {
    let rows: Vec<(i64, String, String)> = tx
        .prepare("SELECT id, uid, name FROM imp.people WHERE client_id = ?1 ORDER BY id")?
        .query_map([old_client], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (old, uid, name) in rows {
        let existing: Option<i64> = tx
            .query_row(
                "SELECT id FROM main.people WHERE client_id = ?1 AND (uid = ?2 OR name = ?3 \
                 COLLATE NOCASE) ORDER BY uid = ?2 DESC LIMIT 1",
                params![client, uid, name],
                |r| r.get(0),
            )
            .optional()?;
        let new = match existing {
            Some(id) => id,
            None => {
                tx.execute(
                    "INSERT INTO main.people (uid, client_id, name, role, email, share, days_off, \
                     created_at, updated_at, kind, team, start_date, end_date, access_removed_on) \
                     SELECT uid, ?2, name, role, email, share, days_off, created_at, updated_at, \
                     kind, team, start_date, end_date, access_removed_on \
                     FROM imp.people WHERE id = ?1",
                    params![old, client],
                )?;
                tx.last_insert_rowid()
            }
        };
        tx.execute(
            "INSERT OR REPLACE INTO temp.person_map (old, new) VALUES (?1, ?2)",
            params![old, new],
        )?;
    }
    Ok(())
}

fn copy_snapshots(tx: &Transaction<'_>, old_id: i64, id: i64) -> Result<()> {
    let snaps: Vec<i64> = tx
        .prepare("SELECT id FROM imp.snapshots WHERE assessment_id = ?1 ORDER BY id")?
        .query_map([old_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for old_snap in snaps {
        tx.execute(
            "INSERT INTO main.snapshots (assessment_id, label, scope, created_at) \
             SELECT ?2, label, scope, created_at FROM imp.snapshots WHERE id = ?1",
            params![old_snap, id],
        )?;
        let snap = tx.last_insert_rowid();
        tx.execute(
            "INSERT INTO main.snapshot_responses (snapshot_id, question_id, answer, note) \
             SELECT ?2, question_id, answer, note FROM imp.snapshot_responses WHERE snapshot_id = ?1",
            params![old_snap, snap],
        )?;
    }
    Ok(())
}
