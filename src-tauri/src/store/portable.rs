//! Portable `.trustgap` files: one or more assessments (with their client, answers, history,
//! snapshots and plan edits) in a SQLite database of the workspace's own schema, and their import.
//!
//! Export builds the subset in memory and writes it with the online backup API (temp file, then
//! rename). Import checks the file first, then copies everything in one transaction, so it is
//! all or nothing; imported rows are read back through the same decoding as the app's own before
//! the commit, so nothing unreadable can enter the workspace.

use super::backup::{copy_database, inspect, temp_beside};
use super::{migrations, new_uid, AssessmentRecord, Result, Store, StoreError};
use crate::assessment::{check_note, MAX_NOTE_CHARS};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use std::path::Path;

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
const RESPONSE_COLS: &str =
    "question_id, answer, note, updated_at, flagged, owner, evidence, needs_review";
const HISTORY_COLS: &str = "question_id, answer, note, assessor, changed_at";
const PLAN_COLS: &str =
    "remediation_key, owner, start_date, due_date, status, justification, notes, updated_at";
const ASSESSMENT_COLS: &str = "name, catalog_version, scope, audit_type, target_date, \
    observation_start, industry, headcount, system_name, system_description, hosting, assessor, \
    created_at, updated_at, opened_at, archived_at, last_question";

impl Store {
    /// Writes the given assessments (not in the trash) and their clients to `dest`.
    pub fn export_portable(&self, ids: &[i64], dest: &Path) -> Result<()> {
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
        let out = Connection::open_in_memory()?;
        migrations::migrate(&out, migrations::ALL)?;
        let src = self.path.to_string_lossy().into_owned();
        out.execute("ATTACH DATABASE ?1 AS src", [src])?;
        let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        out.execute_batch(&format!(
            "BEGIN;
             INSERT INTO clients SELECT * FROM src.clients WHERE id IN
               (SELECT client_id FROM src.assessments WHERE id IN ({list}));
             INSERT INTO assessments SELECT * FROM src.assessments WHERE id IN ({list});
             UPDATE assessments SET based_on = NULL WHERE based_on NOT IN ({list});
             INSERT INTO responses SELECT * FROM src.responses WHERE assessment_id IN ({list});
             INSERT INTO response_history SELECT * FROM src.response_history WHERE assessment_id IN ({list});
             INSERT INTO snapshots SELECT * FROM src.snapshots WHERE assessment_id IN ({list});
             INSERT INTO snapshot_responses SELECT * FROM src.snapshot_responses WHERE snapshot_id IN
               (SELECT id FROM snapshots);
             INSERT INTO plan_edits SELECT * FROM src.plan_edits WHERE assessment_id IN ({list});
             INSERT INTO settings VALUES ('portable.exported_at', datetime('now'));
             COMMIT;"
        ))?;
        out.execute("DETACH DATABASE src", [])?;
        copy_database(&out, dest)
    }

    /// The assessments a `.trustgap` file holds ("client: name") and those that already exist here.
    pub fn preview_portable(&self, path: &Path) -> Result<(Vec<String>, Vec<String>)> {
        inspect(path)?;
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
        let check = inspect(path)?;
        // An older file is upgraded in a private copy, never in place.
        let upgraded = (check.schema_version < migrations::LATEST).then(|| temp_beside(&self.path));
        let source = match &upgraded {
            Some(tmp) => {
                std::fs::copy(path, tmp).map_err(|source| StoreError::Folder {
                    path: path.to_owned(),
                    source,
                })?;
                let conn = Connection::open(tmp)?;
                migrations::migrate(&conn, migrations::ALL)?;
                tmp.clone()
            }
            None => path.to_owned(),
        };
        let result = self.import_checked(&source, mode);
        if let Some(tmp) = upgraded {
            let _ = std::fs::remove_file(tmp);
        }
        result
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
        let result = self.write(|tx| copy_in(tx, mode));
        let detach = self.conn.execute("DETACH DATABASE imp", []);
        let ids = result?;
        detach?;
        Ok(ids)
    }
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
    let mut new_ids = Vec::new();
    for (old_id, uid, old_client) in sources {
        let client = client_for(tx, old_client)?;
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
        for (table, cols) in [
            ("responses", RESPONSE_COLS),
            ("response_history", HISTORY_COLS),
            ("plan_edits", PLAN_COLS),
        ] {
            tx.execute(
                &format!(
                    "INSERT INTO main.{table} (assessment_id, {cols}) \
                     SELECT ?2, {cols} FROM imp.{table} WHERE assessment_id = ?1"
                ),
                params![old_id, id],
            )?;
        }
        copy_snapshots(tx, old_id, id)?;
        verify(tx, id)?;
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
        "INSERT INTO main.clients (uid, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?4)",
        params![uid, name, created, updated],
    )?;
    Ok(tx.last_insert_rowid())
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

/// Reads the imported assessment back as the app will, and checks what SQL constraints cannot.
fn verify(tx: &Transaction<'_>, id: i64) -> Result<()> {
    let invalid = |what: String| {
        StoreError::Invalid(format!(
            "The file contains invalid data ({what}); nothing was imported."
        ))
    };
    let record = tx
        .query_row(
            &format!("{} WHERE a.id = ?1", super::assessments::SELECT),
            [id],
            AssessmentRecord::from_row,
        )
        .map_err(|e| invalid(e.to_string()))?;
    record.company.cleaned().map_err(invalid)?;
    let mut notes = tx.prepare(
        "SELECT note FROM main.responses WHERE assessment_id = ?1 \
         UNION ALL SELECT note FROM main.response_history WHERE assessment_id = ?1 \
         UNION ALL SELECT notes FROM main.plan_edits WHERE assessment_id = ?1 \
         UNION ALL SELECT justification FROM main.plan_edits WHERE assessment_id = ?1",
    )?;
    for note in notes.query_map([id], |r| r.get::<_, String>(0))? {
        check_note(&note?)
            .map_err(|_| invalid(format!("a note over {MAX_NOTE_CHARS} characters")))?;
    }
    let bad_dates: i64 = tx.query_row(
        "SELECT count(*) FROM main.plan_edits WHERE assessment_id = ?1 AND \
         ((start_date IS NOT NULL AND date(start_date) IS NOT start_date) OR \
          (due_date IS NOT NULL AND date(due_date) IS NOT due_date))",
        [id],
        |r| r.get(0),
    )?;
    if bad_dates > 0 {
        return Err(invalid("a plan date that is not a date".into()));
    }
    Ok(())
}
