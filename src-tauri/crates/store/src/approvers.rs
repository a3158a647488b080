//! The `approvers` table: who signs an assessment's documents off, in order.

use super::{Result, Store};
use rusqlite::params;
use trustgap_domain::signoff::{self, Approver};

impl Store {
    pub fn approvers(&self, assessment_id: i64) -> Result<Vec<Approver>> {
        let mut stmt = self.conn.prepare(
            "SELECT name, role, signed_on FROM approvers WHERE assessment_id = ?1 \
             ORDER BY position",
        )?;
        let rows = stmt.query_map([assessment_id], |r| {
            Ok(Approver {
                name: r.get(0)?,
                role: r.get(1)?,
                signed_on: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Replaces the list of approvers (checked here: names, roles, dates, at most twelve).
    pub fn set_approvers(&mut self, assessment_id: i64, list: &[Approver]) -> Result<()> {
        let list = signoff::approvers(list)?;
        self.assessment(assessment_id)?;
        self.write(|tx| {
            tx.execute(
                "DELETE FROM approvers WHERE assessment_id = ?1",
                [assessment_id],
            )?;
            for (i, a) in list.iter().enumerate() {
                tx.execute(
                    "INSERT INTO approvers (assessment_id, position, name, role, signed_on) \
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![assessment_id, i, a.name, a.role, a.signed_on],
                )?;
            }
            Ok(())
        })
    }
}
