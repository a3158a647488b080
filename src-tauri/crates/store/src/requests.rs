//! The request list's stored part: the auditor's own items, and what a person set on any item
//! (owner, due date, status), keyed by the item's reference.

use super::{now, Result, Store, StoreError};
use rusqlite::params;
use std::collections::HashMap;
use trustgap_domain::evidence::requests::{AuditorItem, ItemState, ItemStatus};

impl Store {
    /// The auditor's items of an assessment, in the order imported.
    pub fn auditor_items(&self, assessment_id: i64) -> Result<Vec<AuditorItem>> {
        let mut stmt = self.conn.prepare(
            "SELECT reference, title, detail, criteria FROM request_items \
             WHERE assessment_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([assessment_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get::<_, String>(3)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (reference, title, detail, criteria) = row?;
            let criteria: Vec<String> = serde_json::from_str(&criteria).map_err(|e| {
                StoreError::Invalid(format!("stored criteria of item {reference}: {e}"))
            })?;
            out.push(AuditorItem {
                reference,
                title,
                detail,
                criteria,
            });
        }
        Ok(out)
    }

    /// Adds an auditor's items, all or none.
    pub fn add_auditor_items(&mut self, assessment_id: i64, items: &[AuditorItem]) -> Result<()> {
        self.assessment(assessment_id)?;
        self.write(|tx| {
            let mut insert = tx.prepare(
                "INSERT INTO request_items (assessment_id, reference, title, detail, criteria) \
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for i in items {
                let criteria = serde_json::to_string(&i.criteria)
                    .map_err(|e| StoreError::Invalid(e.to_string()))?;
                insert.execute(params![
                    assessment_id,
                    i.reference,
                    i.title,
                    i.detail,
                    criteria
                ])?;
            }
            Ok(())
        })
    }

    /// What was set on each item of an assessment, by reference.
    pub fn request_states(&self, assessment_id: i64) -> Result<HashMap<String, ItemState>> {
        let mut stmt = self.conn.prepare(
            "SELECT reference, owner, due, status, reason FROM request_states \
             WHERE assessment_id = ?1",
        )?;
        let rows = stmt.query_map([assessment_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get(4)?,
            ))
        })?;
        let mut out = HashMap::new();
        for row in rows {
            let (reference, owner, due, status, reason) = row?;
            let status = match status {
                Some(s) => Some(ItemStatus::parse(&s).ok_or_else(|| {
                    StoreError::Invalid(format!("stored status '{s}' of item {reference}"))
                })?),
                None => None,
            };
            out.insert(
                reference,
                ItemState {
                    owner,
                    due,
                    status,
                    reason,
                },
            );
        }
        Ok(out)
    }

    /// Records what a person set on an item (the whole state: unset fields clear).
    pub fn set_request_state(
        &mut self,
        assessment_id: i64,
        reference: &str,
        state: &ItemState,
    ) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "INSERT OR REPLACE INTO request_states \
                 (assessment_id, reference, owner, due, status, reason, updated_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    assessment_id,
                    reference,
                    state.owner,
                    state.due,
                    state.status.map(ItemStatus::code),
                    state.reason,
                    now()
                ],
            )?;
            Ok(())
        })
    }
}
