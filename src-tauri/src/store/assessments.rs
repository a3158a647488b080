//! The `assessments` table: one gap assessment of a client against a catalog version and scope.

use super::{new_uid, now, OptionalRow, Result, Store, StoreError};
use crate::assessment::{clean_name, Scope};
use crate::plan::{AuditProfile, AuditType};
use chrono::NaiveDate;
use rusqlite::{params, Row};

/// What the user supplies to start an assessment.
pub struct NewAssessment<'a> {
    pub client_id: i64,
    pub name: &'a str,
    pub catalog_version: &'a str,
    pub scope: Scope,
    pub profile: AuditProfile,
}

/// An assessment as stored; scoring and progress are computed above the store.
#[derive(Debug, Clone, PartialEq)]
pub struct AssessmentRecord {
    pub id: i64,
    pub client_id: i64,
    pub client_name: String,
    pub name: String,
    pub catalog_version: String,
    pub scope: Scope,
    pub profile: AuditProfile,
    pub created_at: String,
    pub updated_at: String,
    pub opened_at: Option<String>,
}

const SELECT: &str = "SELECT a.id, a.client_id, c.name AS client_name, a.name, a.catalog_version, \
     a.scope, a.audit_type, a.target_date, a.observation_start, a.created_at, a.updated_at, \
     a.opened_at \
     FROM assessments a JOIN clients c ON c.id = a.client_id";

impl AssessmentRecord {
    fn from_row(r: &Row<'_>) -> rusqlite::Result<AssessmentRecord> {
        let scope: String = r.get("scope")?;
        Ok(AssessmentRecord {
            id: r.get("id")?,
            client_id: r.get("client_id")?,
            client_name: r.get("client_name")?,
            name: r.get("name")?,
            catalog_version: r.get("catalog_version")?,
            scope: Scope::from_db(&scope).map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(5, rusqlite::types::Type::Text, e.into())
            })?,
            profile: AuditProfile {
                // The CHECK constraint allows only the two spellings.
                audit_type: AuditType::parse(&r.get::<_, String>("audit_type")?)
                    .unwrap_or(AuditType::Type1),
                target_date: r.get::<_, Option<NaiveDate>>("target_date")?,
                observation_start: r.get::<_, Option<NaiveDate>>("observation_start")?,
            },
            created_at: r.get("created_at")?,
            updated_at: r.get("updated_at")?,
            opened_at: r.get("opened_at")?,
        })
    }
}

impl Store {
    pub fn create_assessment(&mut self, new: NewAssessment<'_>) -> Result<AssessmentRecord> {
        let name = clean_name("An assessment name", new.name).map_err(StoreError::Invalid)?;
        self.client(new.client_id)?;
        let id = self.write(|tx| {
            let t = now();
            tx.execute(
                "INSERT INTO assessments \
                 (uid, client_id, name, catalog_version, scope, audit_type, target_date, \
                  observation_start, created_at, updated_at, opened_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?9)",
                params![
                    new_uid(),
                    new.client_id,
                    name,
                    new.catalog_version,
                    new.scope.to_db(),
                    new.profile.audit_type.as_str(),
                    new.profile.target_date,
                    new.profile.observation_start,
                    t
                ],
            )?;
            Ok(tx.last_insert_rowid())
        })?;
        self.assessment(id)
    }

    pub fn assessment(&self, id: i64) -> Result<AssessmentRecord> {
        self.conn
            .query_row(
                &format!("{SELECT} WHERE a.id = ?1"),
                [id],
                AssessmentRecord::from_row,
            )
            .or_not_found(|| format!("Assessment {id}"))
    }

    /// Every assessment, most recently opened (or changed) first.
    pub fn assessments(&self) -> Result<Vec<AssessmentRecord>> {
        let mut stmt = self.conn.prepare(&format!(
            "{SELECT} ORDER BY max(coalesce(a.opened_at, ''), a.updated_at) DESC, a.id DESC"
        ))?;
        let rows = stmt.query_map([], AssessmentRecord::from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Changes the audit an assessment prepares for.
    pub fn set_profile(&mut self, id: i64, profile: &AuditProfile) -> Result<()> {
        let changed = self.write(|tx| {
            Ok(tx.execute(
                "UPDATE assessments SET audit_type = ?2, target_date = ?3, observation_start = ?4, \
                 updated_at = ?5 WHERE id = ?1",
                params![
                    id,
                    profile.audit_type.as_str(),
                    profile.target_date,
                    profile.observation_start,
                    now()
                ],
            )?)
        })?;
        if changed == 0 {
            return Err(StoreError::NotFound(format!("Assessment {id}")));
        }
        Ok(())
    }

    /// Records that the user opened the assessment, for "recently opened first".
    pub fn touch_assessment(&mut self, id: i64) -> Result<()> {
        let changed = self.write(|tx| {
            Ok(tx.execute(
                "UPDATE assessments SET opened_at = ?2 WHERE id = ?1",
                params![id, now()],
            )?)
        })?;
        if changed == 0 {
            return Err(StoreError::NotFound(format!("Assessment {id}")));
        }
        Ok(())
    }
}
