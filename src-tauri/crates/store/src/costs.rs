//! An assessment's cost assumptions (`cost_assumptions`): the day rate and external cost lines
//! the board brief prices the plan with. One row per assessment, written whole.

use super::{now, Result, Store, StoreError};
use rusqlite::{params, OptionalExtension};
use trustgap_domain::costs::{CostAssumptions, CostLine};

impl Store {
    /// The assessment's cost assumptions; empty when none were saved.
    pub fn cost_assumptions(&self, assessment_id: i64) -> Result<CostAssumptions> {
        let row: Option<(String, Option<u32>, String)> = self
            .conn
            .query_row(
                "SELECT currency, day_rate, lines FROM cost_assumptions WHERE assessment_id = ?1",
                [assessment_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((currency, day_rate, lines)) = row else {
            return Ok(CostAssumptions::default());
        };
        let lines: Vec<CostLine> = serde_json::from_str(&lines)
            .map_err(|e| StoreError::Invalid(format!("cost lines could not be read: {e}")))?;
        Ok(CostAssumptions {
            currency,
            day_rate,
            lines,
        })
    }

    /// Replaces the assessment's cost assumptions (already checked by the caller).
    pub fn save_cost_assumptions(
        &mut self,
        assessment_id: i64,
        costs: &CostAssumptions,
    ) -> Result<()> {
        let lines = serde_json::to_string(&costs.lines)
            .map_err(|e| StoreError::Invalid(format!("cost lines could not be stored: {e}")))?;
        self.write(|tx| {
            tx.execute(
                "INSERT INTO cost_assumptions (assessment_id, currency, day_rate, lines, updated_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (assessment_id) DO UPDATE SET \
                 currency = excluded.currency, day_rate = excluded.day_rate, \
                 lines = excluded.lines, updated_at = excluded.updated_at",
                params![assessment_id, costs.currency, costs.day_rate, lines, now()],
            )?;
            Ok(())
        })
    }
}
