//! The workspace database: one SQLite file holding every client, assessment and answer.
//!
//! Invariants: every connection runs with WAL (a bulk write briefly uses a rollback journal, see
//! [`bulk`]), synchronous=FULL and foreign keys on; the schema
//! is at [`migrations::LATEST`] once [`Store::open`] returns; a file written by a newer Trustgap,
//! or one that is not a Trustgap workspace, is refused before anything is written to it.

mod approvers;
mod assessments;
pub mod backup;
mod branding;
mod bulk;
mod clients;
mod costs;
mod courses;
mod evidence;
pub mod lock;
mod management;
pub mod migrations;
mod people;
mod plan_edits;
mod policies;
mod policy_acknowledgements;
pub mod portable;
mod register_erasures;
mod requests;
mod responses;
mod retired;
mod settings;
mod snapshots;
mod training_completions;
mod versions;

pub use assessments::{AssessmentRecord, NewAssessment};
pub use branding::StoredBranding;
pub use clients::Client;
pub use register_erasures::{Erasure, ERASED};
pub use responses::{AnswerMark, HistoryEntry};
pub use snapshots::SnapshotRecord;
pub use training_completions::MAX_EVIDENCE_CHARS;

use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// `PRAGMA application_id` of a Trustgap database ("TGAP").
pub const APPLICATION_ID: i32 = 0x5447_4150;
/// File name of the workspace database inside the data directory.
pub const DB_FILE: &str = "workspace.sqlite3";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0} was not found.")]
    NotFound(String),
    #[error("{0}")]
    Invalid(String),
    #[error(
        "Another Trustgap window or command is using the workspace in {dir}. Close it first, or \
         choose another data folder with --data-dir."
    )]
    Locked { dir: PathBuf },
    /// The request clashes with what is there; the message says what to choose.
    #[error("{0}")]
    Conflict(String),
    #[error(
        "This workspace was saved by a newer version of Trustgap (schema {found}; this version \
         reads up to {supported}). Update Trustgap to open it; the file was left untouched."
    )]
    NewerSchema { found: i64, supported: i64 },
    #[error("{path} is not a Trustgap workspace; it was left untouched.")]
    NotOurs { path: PathBuf },
    #[error("The workspace database {path} is damaged ({detail}).")]
    Corrupt { path: PathBuf, detail: String },
    #[error("Could not prepare the data folder {path}: {source}")]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

impl From<trustgap_domain::DomainError> for StoreError {
    fn from(e: trustgap_domain::DomainError) -> StoreError {
        use trustgap_domain::DomainError;
        match e {
            DomainError::Invalid(m) | DomainError::Unknown(m) => StoreError::Invalid(m),
        }
    }
}

/// How a caller should treat a store error, without knowing SQLite.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The thing asked for does not exist.
    NotFound,
    /// The input breaks a rule (a limit, a constraint).
    Invalid,
    /// It clashes with the state of the workspace or its folder (locked, busy, newer, not ours).
    Conflict,
    /// The file or its disk failed (damaged, full, unreadable, read-only).
    Io,
    /// A defect: nothing the user can do.
    Internal,
}

impl StoreError {
    pub fn kind(&self) -> ErrorKind {
        use rusqlite::ErrorCode as Sql;
        match self {
            StoreError::NotFound(_) => ErrorKind::NotFound,
            StoreError::Invalid(_) => ErrorKind::Invalid,
            StoreError::NewerSchema { .. }
            | StoreError::NotOurs { .. }
            | StoreError::Conflict(_)
            | StoreError::Locked { .. } => ErrorKind::Conflict,
            StoreError::Corrupt { .. } | StoreError::Folder { .. } => ErrorKind::Io,
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, _)) => match f.code {
                Sql::DatabaseBusy | Sql::DatabaseLocked => ErrorKind::Conflict,
                Sql::ConstraintViolation => ErrorKind::Invalid,
                Sql::DiskFull | Sql::SystemIoFailure | Sql::CannotOpen | Sql::ReadOnly => {
                    ErrorKind::Io
                }
                _ => ErrorKind::Internal,
            },
            StoreError::Sqlite(_) => ErrorKind::Internal,
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// An open, migrated workspace.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens (creating if needed) the workspace in `dir`.
    pub fn open_dir(dir: &Path) -> Result<Store> {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Folder {
            path: dir.to_owned(),
            source,
        })?;
        Store::open(&dir.join(DB_FILE))
    }

    /// Opens the database file at `path`, checks it is ours and current, then migrates it.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        let corrupt = |e: rusqlite::Error| StoreError::Corrupt {
            path: path.to_owned(),
            detail: e.to_string(),
        };
        // Read-only checks first: nothing may be written to a file we are going to refuse.
        let app_id: i32 = conn
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .map_err(corrupt)?;
        let version = migrations::version(&conn).map_err(corrupt)?;
        let has_tables: bool = conn
            .query_row("SELECT EXISTS (SELECT 1 FROM sqlite_master)", [], |r| {
                r.get(0)
            })
            .map_err(corrupt)?;
        if (app_id != 0 && app_id != APPLICATION_ID) || (app_id == 0 && has_tables) {
            return Err(StoreError::NotOurs {
                path: path.to_owned(),
            });
        }
        if version > migrations::LATEST {
            return Err(StoreError::NewerSchema {
                found: version,
                supported: migrations::LATEST,
            });
        }
        let check: String = conn
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .map_err(corrupt)?;
        if check != "ok" {
            return Err(StoreError::Corrupt {
                path: path.to_owned(),
                detail: check,
            });
        }
        configure(&conn)?;
        migrations::migrate(&conn, migrations::ALL)?;
        Ok(Store {
            conn,
            path: path.to_owned(),
        })
    }

    /// The database file this store writes to.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` in an immediate transaction: all of it is committed, or none of it.
    fn write<T>(&mut self, f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }
}

/// Per-connection settings; journal_mode is persistent, the rest must be set on every open.
fn configure(conn: &Connection) -> Result<()> {
    configure_journal(conn)?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}

/// WAL, the journal every connection runs with between bulk writes.
fn configure_journal(conn: &Connection) -> Result<()> {
    let main = Some("main");
    let mode: String = conn.pragma_update_and_check(main, "journal_mode", "WAL", |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StoreError::Invalid(format!(
            "the workspace folder does not support SQLite's WAL journal (got '{mode}')"
        )));
    }
    Ok(())
}

/// The current time as stored in the database: RFC 3339, UTC, whole seconds.
pub(crate) fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// A random unique id for records that may later travel between workspaces.
pub(crate) fn new_uid() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Maps "no row" to a NotFound naming the thing that was looked up.
pub(crate) trait OptionalRow<T> {
    fn or_not_found(self, what: impl FnOnce() -> String) -> Result<T>;
}

impl<T> OptionalRow<T> for rusqlite::Result<T> {
    fn or_not_found(self, what: impl FnOnce() -> String) -> Result<T> {
        match self {
            Err(rusqlite::Error::QueryReturnedNoRows) => Err(StoreError::NotFound(what())),
            other => other.map_err(StoreError::from),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_failures_are_classified_for_callers() {
        let failure = |code| {
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(code),
                None,
            ))
        };
        assert_eq!(
            failure(rusqlite::ffi::SQLITE_BUSY).kind(),
            ErrorKind::Conflict
        );
        assert_eq!(failure(rusqlite::ffi::SQLITE_FULL).kind(), ErrorKind::Io);
        assert_eq!(
            failure(rusqlite::ffi::SQLITE_CONSTRAINT).kind(),
            ErrorKind::Invalid
        );
        assert_eq!(
            StoreError::Sqlite(rusqlite::Error::InvalidQuery).kind(),
            ErrorKind::Internal
        );
        assert_eq!(
            StoreError::from(trustgap_domain::DomainError::invalid("x")).kind(),
            ErrorKind::Invalid
        );
    }
}
