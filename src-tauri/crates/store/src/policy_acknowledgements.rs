//! The `policy_acknowledgements` table: who confirmed reading which version of an assessment's
//! policy, and when.

use super::{Result, Store, StoreError};
use chrono::NaiveDate;
use rusqlite::params;
use trustgap_domain::register::Acknowledgement;

impl Store {
    /// The acknowledgements recorded for an assessment's policies.
    pub fn acknowledgements(&self, assessment_id: i64) -> Result<Vec<Acknowledgement>> {
        let mut stmt = self.conn.prepare(
            "SELECT person_id, assessment_id, policy_id, version, acknowledged_on \
             FROM policy_acknowledgements WHERE assessment_id = ?1 \
             ORDER BY policy_id, person_id, version",
        )?;
        let rows = stmt.query_map([assessment_id], |r| {
            Ok(Acknowledgement {
                person_id: r.get(0)?,
                assessment_id: r.get(1)?,
                policy_id: r.get(2)?,
                version: r.get(3)?,
                acknowledged_on: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records that a person of the assessment's client acknowledged a version of a policy
    /// (the caller checks the version is one that was approved). A second time keeps the
    /// first day.
    pub fn acknowledge_policy(
        &mut self,
        person_id: i64,
        assessment_id: i64,
        policy_id: &str,
        version: u32,
        on: NaiveDate,
    ) -> Result<()> {
        let person = self.person(person_id)?;
        let assessment = self.assessment(assessment_id)?;
        if person.client_id != assessment.client_id {
            return Err(StoreError::Invalid(format!(
                "{} is not one of this assessment's client's people.",
                person.name
            )));
        }
        self.write(|tx| {
            tx.execute(
                "INSERT OR IGNORE INTO policy_acknowledgements \
                 (person_id, assessment_id, policy_id, version, acknowledged_on) \
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![person_id, assessment_id, policy_id, version, on],
            )?;
            Ok(())
        })
    }

    /// Records that each of `people` acknowledged each of `policies` (id and version) on one
    /// day, all or nothing: one person of another client and nothing is written. Pairs already
    /// recorded keep their first day. Returns how many acknowledgements are new.
    pub fn acknowledge_many(
        &mut self,
        assessment_id: i64,
        people: &[i64],
        policies: &[(String, u32)],
        on: NaiveDate,
    ) -> Result<u32> {
        let client_id = self.assessment(assessment_id)?.client_id;
        let mut checked = Vec::with_capacity(people.len());
        for &id in people {
            let person = self.person(id)?;
            if person.client_id != client_id {
                return Err(StoreError::Invalid(format!(
                    "{} is not one of this assessment's client's people.",
                    person.name
                )));
            }
            checked.push(id);
        }
        self.write(|tx| {
            let mut stmt = tx.prepare(
                "INSERT OR IGNORE INTO policy_acknowledgements \
                 (person_id, assessment_id, policy_id, version, acknowledged_on) \
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            let mut added = 0u32;
            for person_id in &checked {
                for (policy_id, version) in policies {
                    let n =
                        stmt.execute(params![person_id, assessment_id, policy_id, version, on])?;
                    added = added.saturating_add(u32::try_from(n).unwrap_or(u32::MAX));
                }
            }
            Ok(added)
        })
    }
}
