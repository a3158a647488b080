//! Bulk writes (an evidence file's contents) through a rollback journal instead of the WAL.
//!
//! In WAL mode every page of a large file is written twice: into the WAL at the commit, then
//! into the database at the checkpoint. With a rollback journal, pages added past the end of the
//! database are not journalled, so a file's contents reach the disk once; only the few existing
//! pages the write changes (b-tree pages, the header) go through the journal. Both modes are
//! atomic and durable (synchronous=FULL): a process killed mid-write leaves a hot journal that
//! the next open rolls back.
//!
//! Leaving WAL mode needs this to be the only connection to the workspace (another process
//! holding it open keeps it in WAL); the write then simply goes through the WAL, slower but the
//! same. The connection returns to WAL as soon as the write ends, whatever its outcome.

use super::{configure_journal, Result, Store};
use rusqlite::Transaction;

impl Store {
    /// Runs `f` in one immediate transaction, journalled by a rollback journal when possible.
    pub(crate) fn bulk_write<T>(
        &mut self,
        f: impl FnOnce(&Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        let left_wal = self.leave_wal();
        let out = self.write(f);
        if left_wal {
            if let Err(e) = configure_journal(&self.conn) {
                // The write itself stands (committed or rolled back); only concurrency is lost
                // until the workspace is next opened, which sets WAL again.
                log::warn!(target: "trustgap::store", "could not return to WAL after a bulk write: {e}");
            }
        }
        out
    }

    /// Switches to a rollback journal; false (still WAL) when another connection is open.
    fn leave_wal(&self) -> bool {
        self.conn
            .pragma_update_and_check(Some("main"), "journal_mode", "DELETE", |r| {
                r.get::<_, String>(0)
            })
            .is_ok_and(|mode| mode.eq_ignore_ascii_case("delete"))
    }

    /// The connection's journal mode (`wal` between writes); for tests and diagnostics.
    pub fn journal_mode(&self) -> Result<String> {
        Ok(self
            .conn
            .pragma_query_value(Some("main"), "journal_mode", |r| r.get(0))?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::StoreError;
    use std::path::{Path, PathBuf};

    const MB: usize = 1024 * 1024;

    fn side(db: &Path, suffix: &str) -> PathBuf {
        PathBuf::from(format!("{}{suffix}", db.display()))
    }

    fn wal_len(db: &Path) -> u64 {
        side(db, "-wal").metadata().map_or(0, |m| m.len())
    }

    /// A workspace with a table for the probes; returns its path too.
    fn scratch() -> (tempfile::TempDir, PathBuf, Store) {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("workspace.sqlite3");
        let mut store = Store::open(&db).expect("open");
        store
            .write(|tx| Ok(tx.execute_batch("CREATE TABLE probe (data BLOB NOT NULL)")?))
            .expect("probe table");
        (dir, db, store)
    }

    fn insert_3mb(tx: &Transaction<'_>) -> Result<()> {
        tx.execute("INSERT INTO probe (data) VALUES (zeroblob(?1))", [3 * MB])?;
        Ok(())
    }

    fn rows(store: &Store) -> i64 {
        store
            .conn
            .query_row("SELECT count(*) FROM probe", [], |r| r.get(0))
            .expect("count")
    }

    #[test]
    fn a_bulk_write_bypasses_the_wal_and_returns_to_it() {
        let (_dir, db, mut store) = scratch();
        store.bulk_write(insert_3mb).expect("bulk write");
        assert_eq!(rows(&store), 1);
        assert_eq!(store.journal_mode().expect("mode"), "wal");
        assert!(!side(&db, "-journal").exists(), "the journal is gone");
        // The same write through the WAL leaves 3 MB of frames in it.
        assert!(wal_len(&db) < MB as u64, "WAL holds {} bytes", wal_len(&db));
        store.write(insert_3mb).expect("plain write");
        assert!(wal_len(&db) >= 3 * MB as u64, "the WAL write path differs");
    }

    #[test]
    fn with_another_connection_open_a_bulk_write_goes_through_the_wal() {
        let (_dir, db, mut store) = scratch();
        let other = rusqlite::Connection::open(&db).expect("second connection");
        let seen: i64 = other
            .query_row("SELECT count(*) FROM probe", [], |r| r.get(0))
            .expect("read");
        assert_eq!(seen, 0);
        store.bulk_write(insert_3mb).expect("bulk write");
        assert_eq!(store.journal_mode().expect("mode"), "wal");
        assert!(wal_len(&db) >= 3 * MB as u64, "went through the WAL");
        let seen: i64 = other
            .query_row("SELECT count(*) FROM probe", [], |r| r.get(0))
            .expect("read");
        assert_eq!(seen, 1, "the other connection sees the write");
    }

    #[test]
    fn a_failed_bulk_write_leaves_nothing_and_returns_to_wal() {
        let (_dir, db, mut store) = scratch();
        let err = store
            .bulk_write(|tx| {
                insert_3mb(tx)?;
                Err::<(), _>(StoreError::Invalid("stop".into()))
            })
            .expect_err("refused");
        assert!(matches!(err, StoreError::Invalid(_)), "{err}");
        assert_eq!(rows(&store), 0, "rolled back");
        assert_eq!(store.journal_mode().expect("mode"), "wal");
        assert!(!side(&db, "-journal").exists());
    }
}
