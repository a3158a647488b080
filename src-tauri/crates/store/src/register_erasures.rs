//! Erasing a person from the register: their rows removed everywhere, their name taken out of
//! the texts that quote it, and the database file rewritten so neither their name nor their
//! email is left in its bytes. `register_erasures` keeps the day and the count, nothing else.

use super::{Result, Store};
use chrono::NaiveDate;
use rusqlite::params;

/// What an erasure did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Erasure {
    /// The person's row and the rows that were theirs (completions, acknowledgements).
    pub rows_removed: i64,
    /// Whether the file was rewritten and its write-ahead log emptied. `false` when another
    /// connection kept the file busy: the rows are gone, but freed pages may still hold them
    /// until the next erasure or backup rewrites the file.
    pub file_cleared: bool,
}

/// What replaces the person's name in texts that quoted it (revision authors, approvers).
pub const ERASED: &str = "Erased person";

impl Store {
    /// Removes a person and everything that is theirs. Answers and actions they owned go to
    /// their role, as [`Store::remove_person`] does.
    pub fn erase_person(&mut self, id: i64, today: NaiveDate) -> Result<Erasure> {
        let p = self.person(id)?;
        // Deleted cells are overwritten with zeros instead of left in free space.
        self.conn.pragma_update(None, "secure_delete", "ON")?;
        let erased = self.write(|tx| {
            let mut rows: i64 = 1;
            for table in ["training_completions", "policy_acknowledgements"] {
                rows += tx.query_row(
                    &format!("SELECT count(*) FROM {table} WHERE person_id = ?1"),
                    [id],
                    |r| r.get::<_, i64>(0),
                )?;
            }
            for table in ["responses", "plan_edits"] {
                tx.execute(
                    &format!(
                        "UPDATE {table} SET owner_person = NULL, owner_role = ?2 \
                         WHERE owner_person = ?1"
                    ),
                    params![id, p.role],
                )?;
            }
            // Texts that quote the person by name, within the client's assessments.
            for (table, column) in [
                ("policy_revisions", "author"),
                ("policy_revisions", "approver"),
                ("approvers", "name"),
                ("document_versions", "author"),
                ("response_history", "assessor"),
            ] {
                tx.execute(
                    &format!(
                        "UPDATE {table} SET {column} = ?3 WHERE {column} = ?2 COLLATE NOCASE \
                         AND assessment_id IN (SELECT id FROM assessments WHERE client_id = ?1)"
                    ),
                    params![p.client_id, p.name, ERASED],
                )?;
            }
            tx.execute("DELETE FROM people WHERE id = ?1", [id])?;
            tx.execute(
                "INSERT INTO register_erasures (client_id, erased_on, rows_removed) \
                 VALUES (?1, ?2, ?3)",
                params![p.client_id, today, rows],
            )?;
            Ok(rows)
        });
        let off = self.conn.pragma_update(None, "secure_delete", "OFF");
        let rows_removed = erased?;
        off?;
        Ok(Erasure {
            rows_removed,
            file_cleared: self.rewrite_file(),
        })
    }

    /// Rewrites the database (pages an earlier edit freed may still hold old text) and empties
    /// the write-ahead log into it. Best effort: another connection can keep it busy.
    fn rewrite_file(&self) -> bool {
        if self.conn.execute_batch("VACUUM").is_err() {
            return false;
        }
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                Ok(r.get::<_, i64>(0)? == 0)
            })
            .unwrap_or(false)
    }

    /// How many people were erased from a client's register, and when (newest first).
    pub fn erasures(&self, client_id: i64) -> Result<Vec<(NaiveDate, i64)>> {
        let mut stmt = self.conn.prepare(
            "SELECT erased_on, rows_removed FROM register_erasures WHERE client_id = ?1 \
             ORDER BY erased_on DESC, id DESC",
        )?;
        let rows = stmt.query_map([client_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
