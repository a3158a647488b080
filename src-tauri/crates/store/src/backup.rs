//! Whole-database copies: inspecting a file before trusting it, backups through SQLite's online
//! backup API, rolling automatic backups, and restoring one.
//!
//! Every copy is written to a temporary file in the destination folder and renamed into place,
//! so a crash leaves either the old file or the complete new one.

use super::{migrations, Result, Store, StoreError, APPLICATION_ID};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// What a file claims to be, once it passed the checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileCheck {
    pub schema_version: i64,
}

/// Opens `path` read-only and checks it is a Trustgap database this version can read, intact.
pub fn inspect(path: &Path) -> Result<FileCheck> {
    let not_ours = || StoreError::NotOurs {
        path: path.to_owned(),
    };
    let meta = std::fs::metadata(path).map_err(|source| StoreError::Folder {
        path: path.to_owned(),
        source,
    })?;
    if !meta.is_file() {
        return Err(not_ours());
    }
    let corrupt = |detail: String| StoreError::Corrupt {
        path: path.to_owned(),
        detail,
    };
    if let Some(expected) = cut_short(path, meta.len()) {
        return Err(corrupt(format!(
            "the file is cut short: {} of {expected} bytes",
            meta.len()
        )));
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|_| not_ours())?;
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(|_| not_ours())?;
    if app_id != APPLICATION_ID {
        return Err(not_ours());
    }
    let version = migrations::version(&conn).map_err(|_| not_ours())?;
    if version > migrations::LATEST {
        return Err(StoreError::NewerSchema {
            found: version,
            supported: migrations::LATEST,
        });
    }
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|e| corrupt(e.to_string()))?;
    if check != "ok" {
        return Err(corrupt(check));
    }
    let broken: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .map_err(|e| corrupt(e.to_string()))?;
    if broken > 0 {
        return Err(corrupt(format!("{broken} broken references")));
    }
    Ok(FileCheck {
        schema_version: version,
    })
}

/// The length the header of a self-contained Trustgap database promises, when the file is
/// shorter: SQLite reads a missing end as zeros, so a truncated copy can pass every other check
/// (or fail them as if it were not ours). Files with a journal or WAL beside them are left to
/// SQLite's own recovery.
fn cut_short(path: &Path, len: u64) -> Option<u64> {
    use std::io::Read;
    let mut header = [0u8; 100];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut header))
        .ok()?;
    if !header.starts_with(b"SQLite format 3\0") || header[68..72] != APPLICATION_ID.to_be_bytes() {
        return None;
    }
    let side = |suffix: &str| PathBuf::from(format!("{}{suffix}", path.display())).exists();
    if side("-wal") || side("-journal") {
        return None;
    }
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        n => u64::from(n),
    };
    let pages = u64::from(u32::from_be_bytes([
        header[28], header[29], header[30], header[31],
    ]));
    // The page count is only meaningful when "version-valid-for" matches the change counter.
    let counted = header[24..28] == header[92..96];
    let expected = pages * page_size;
    (counted && expected > len).then_some(expected)
}

/// A temporary path beside `dest`, unique to this process.
pub(crate) fn temp_beside(dest: &Path) -> PathBuf {
    let name = dest
        .file_name()
        .map_or_else(|| "trustgap".into(), |n| n.to_string_lossy().into_owned());
    dest.with_file_name(format!(".{name}.tmp-{}", std::process::id()))
}

/// Copies the whole of `conn` into `dest` with the online backup API: temp file, fsync, rename.
pub(crate) fn copy_database(conn: &Connection, dest: &Path) -> Result<()> {
    write_beside(dest, |tmp| {
        let mut out = Connection::open(tmp)?;
        let backup = rusqlite::backup::Backup::new(conn, &mut out)?;
        backup.run_to_completion(256, std::time::Duration::ZERO, None)?;
        Ok(())
    })
}

/// Has `write` make a single-file database at a temporary path beside `dest`, then syncs it and
/// renames it over `dest`; on any failure the temporary file is removed and `dest` untouched.
pub(crate) fn write_beside(dest: &Path, write: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    let tmp = temp_beside(dest);
    let _ = std::fs::remove_file(&tmp);
    let result = write(&tmp).and_then(|()| {
        // The file is a single file (no WAL), so one fsync makes it durable.
        std::fs::File::open(&tmp)
            .and_then(|f| f.sync_all())
            .and_then(|()| std::fs::rename(&tmp, dest))
            .map_err(|source| StoreError::Folder {
                path: dest.to_owned(),
                source,
            })
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

impl Store {
    /// Writes a consistent copy of the live workspace to `dest`.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        copy_database(&self.conn, dest)
    }

    /// Keeps rolling backups in `dir`: makes one when the newest is older than `min_age` (or
    /// none exists), then deletes all but the `keep` newest. Returns the new backup, if any.
    pub fn auto_backup(
        &self,
        dir: &Path,
        keep: usize,
        min_age: chrono::Duration,
    ) -> Result<Option<PathBuf>> {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Folder {
            path: dir.to_owned(),
            source,
        })?;
        remove_stale_copies(dir);
        let existing = list_backups(dir)?;
        let now = chrono::Utc::now();
        let fresh = existing
            .first()
            .is_some_and(|(_, when)| now.signed_duration_since(*when) < min_age);
        let made = if fresh {
            None
        } else {
            let path = dir.join(format!("workspace-{}.sqlite3", now.format("%Y%m%d-%H%M%S")));
            self.backup_to(&path)?;
            Some(path)
        };
        for (old, _) in list_backups(dir)?.into_iter().skip(keep) {
            let _ = std::fs::remove_file(old);
        }
        Ok(made)
    }
}

/// Deletes half-written backups (and their journals) left in `dir` by a process killed while
/// copying. Only the app writes there, and only while it holds the workspace lock, so a
/// temporary copy that is not this process's own is abandoned.
fn remove_stale_copies(dir: &Path) {
    let own = std::process::id().to_string();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        // `.workspace-<time>.sqlite3.tmp-<pid>`, or that with `-journal` after it.
        let Some((_, rest)) = name
            .strip_prefix(".workspace-")
            .and_then(|n| n.split_once(".tmp-"))
        else {
            continue;
        };
        let pid: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if !pid.is_empty() && pid != own {
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// Backups in `dir`, newest first, with the time in their name.
pub fn list_backups(dir: &Path) -> Result<Vec<(PathBuf, chrono::DateTime<chrono::Utc>)>> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(Vec::new());
    };
    let mut out: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter_map(|p| {
            let stem = p
                .file_name()?
                .to_str()?
                .strip_prefix("workspace-")?
                .strip_suffix(".sqlite3")?
                .to_owned();
            let when = chrono::NaiveDateTime::parse_from_str(&stem, "%Y%m%d-%H%M%S")
                .ok()?
                .and_utc();
            Some((p, when))
        })
        .collect();
    out.sort_by_key(|b| std::cmp::Reverse(b.1));
    Ok(out)
}

/// Replaces the workspace database in `data_dir` with the checked backup `from`; the current
/// file is kept aside as `workspace.before-restore-<time>.sqlite3`, never overwritten. The caller
/// makes sure no connection to the workspace is open. Older backups are migrated on next open.
pub fn restore(data_dir: &Path, from: &Path) -> Result<PathBuf> {
    inspect(from)?;
    let target = data_dir.join(super::DB_FILE);
    let folder_err = |source| StoreError::Folder {
        path: target.clone(),
        source,
    };
    let tmp = temp_beside(&target);
    std::fs::copy(from, &tmp).map_err(folder_err)?;
    std::fs::File::open(&tmp)
        .and_then(|f| f.sync_all())
        .map_err(folder_err)?;
    let aside = data_dir.join(format!(
        "workspace.before-restore-{}.sqlite3",
        chrono::Utc::now().format("%Y%m%d-%H%M%S")
    ));
    if target.exists() {
        set_aside(&target, &aside)?;
    }
    std::fs::rename(&tmp, &target).map_err(folder_err)?;
    Ok(aside)
}

/// Moves a database and its side files (WAL, shared memory, and a rollback journal a killed
/// bulk write left) to `to` (`to`-wal, `to`-shm, `to`-journal): a journal left behind would
/// be rolled back into whatever database next takes the name.
pub fn set_aside(db: &Path, to: &Path) -> Result<()> {
    let err = |source| StoreError::Folder {
        path: db.to_owned(),
        source,
    };
    std::fs::rename(db, to).map_err(err)?;
    for suffix in ["-wal", "-shm", "-journal"] {
        let side = PathBuf::from(format!("{}{suffix}", db.display()));
        if side.exists() {
            std::fs::rename(&side, format!("{}{suffix}", to.display())).map_err(err)?;
        }
    }
    Ok(())
}
