//! Numbered schema migrations tracked by `PRAGMA user_version`, applied all or nothing.

use super::{Result, StoreError, APPLICATION_ID};
use rusqlite::Connection;

/// One schema step; `version` is the `user_version` after it is applied.
pub struct Migration {
    pub version: i64,
    pub sql: &'static str,
}

pub const ALL: &[Migration] = &[
    Migration {
        version: 1,
        sql: include_str!("migrations/0001_initial.sql"),
    },
    Migration {
        version: 2,
        sql: include_str!("migrations/0002_plan.sql"),
    },
    Migration {
        version: 3,
        sql: include_str!("migrations/0003_history_snapshots.sql"),
    },
    Migration {
        version: 4,
        sql: include_str!("migrations/0004_workflow.sql"),
    },
    Migration {
        version: 5,
        sql: include_str!("migrations/0005_people_bank2.sql"),
    },
    Migration {
        version: 6,
        sql: include_str!("migrations/0006_branding_signoff.sql"),
    },
    Migration {
        version: 7,
        sql: include_str!("migrations/0007_cost_assumptions.sql"),
    },
    Migration {
        version: 8,
        sql: include_str!("migrations/0008_policies.sql"),
    },
    Migration {
        version: 9,
        sql: include_str!("migrations/0009_register.sql"),
    },
    Migration {
        version: 10,
        sql: include_str!("migrations/0010_evidence.sql"),
    },
];

/// The schema version this build writes.
pub const LATEST: i64 = 10;

pub fn version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
}

/// Applies every migration above the current version in one transaction; on any error nothing
/// is applied and the version is unchanged.
pub fn migrate(conn: &Connection, migrations: &[Migration]) -> Result<()> {
    let current = version(conn)?;
    let pending: Vec<&Migration> = migrations.iter().filter(|m| m.version > current).collect();
    if pending.is_empty() {
        return Ok(());
    }
    conn.execute_batch("BEGIN IMMEDIATE")?;
    let applied = (|| -> Result<()> {
        for m in pending {
            conn.execute_batch(m.sql)?;
            conn.pragma_update(None, "user_version", m.version)?;
        }
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        let violations: i64 =
            conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })?;
        if violations > 0 {
            return Err(StoreError::Invalid(format!(
                "migration left {violations} foreign key violations"
            )));
        }
        Ok(())
    })();
    match applied {
        Ok(()) => conn.execute_batch("COMMIT").map_err(StoreError::from),
        Err(e) => {
            conn.execute_batch("ROLLBACK")?;
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latest_matches_the_last_migration_and_versions_increase() {
        assert_eq!(ALL.last().map(|m| m.version), Some(LATEST));
        assert!(ALL.windows(2).all(|w| w[0].version < w[1].version));
    }
}
