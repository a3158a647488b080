//! The `assessments` table: one gap assessment of a client against a catalog version and scope.

use super::{new_uid, now, OptionalRow, Result, Store, StoreError};
use chrono::NaiveDate;
use rusqlite::{params, Row};
use trustgap_domain::assessment::{CompanyProfile, Scope};
use trustgap_domain::catalog::ScopingNote;
use trustgap_domain::limits;
use trustgap_domain::plan::{AuditProfile, AuditType};
use trustgap_domain::signoff::LedBy;

/// What the user supplies to start an assessment.
pub struct NewAssessment<'a> {
    /// An existing client; ignored when `new_client` is set.
    pub client_id: i64,
    /// A client to create with the assessment, in the same transaction: both or neither.
    pub new_client: Option<&'a str>,
    pub name: &'a str,
    pub catalog_version: &'a str,
    pub scope: Scope,
    pub profile: AuditProfile,
    pub company: CompanyProfile,
    /// The scoping questions answered "yes", as they read then.
    pub scoping: Vec<ScopingNote>,
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
    pub company: CompanyProfile,
    pub created_at: String,
    pub updated_at: String,
    pub opened_at: Option<String>,
    pub archived_at: Option<String>,
    /// Set while the assessment is in the trash.
    pub deleted_at: Option<String>,
    /// The assessment this re-assessment was carried over from.
    pub based_on: Option<i64>,
    /// The question last answered: where to resume.
    pub last_question: Option<String>,
    pub scoping: Vec<ScopingNote>,
}

pub(super) const SELECT: &str =
    "SELECT a.id, a.client_id, c.name AS client_name, a.name, a.catalog_version, \
     a.scope, a.audit_type, a.target_date, a.observation_start, a.industry, a.headcount, \
     a.system_name, a.system_description, a.hosting, a.assessor, a.created_at, a.updated_at, \
     a.opened_at, a.archived_at, a.deleted_at, a.based_on, a.last_question, a.scoping, \
     a.led_by, a.assessor_firm \
     FROM assessments a JOIN clients c ON c.id = a.client_id";

impl AssessmentRecord {
    pub(super) fn from_row(r: &Row<'_>) -> rusqlite::Result<AssessmentRecord> {
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
            company: CompanyProfile {
                industry: r.get("industry")?,
                headcount: r.get("headcount")?,
                system_name: r.get("system_name")?,
                system_description: r.get("system_description")?,
                hosting: r.get("hosting")?,
                assessor: r.get("assessor")?,
                // The CHECK constraint allows only the two spellings.
                led_by: LedBy::parse(&r.get::<_, String>("led_by")?).unwrap_or_default(),
                assessor_firm: r.get("assessor_firm")?,
            },
            created_at: r.get("created_at")?,
            updated_at: r.get("updated_at")?,
            opened_at: r.get("opened_at")?,
            archived_at: r.get("archived_at")?,
            deleted_at: r.get("deleted_at")?,
            based_on: r.get("based_on")?,
            last_question: r.get("last_question")?,
            // Written by this module from checked notes; an unreadable list reads as empty.
            scoping: serde_json::from_str(&r.get::<_, String>("scoping")?).unwrap_or_default(),
        })
    }
}

impl Store {
    pub fn create_assessment(&mut self, new: NewAssessment<'_>) -> Result<AssessmentRecord> {
        let name = limits::name("An assessment name", new.name)?;
        let company = new.company.cleaned()?;
        let scoping = scoping_json(&new.scoping)?;
        let new_client = new
            .new_client
            .map(|n| limits::name("A client name", n))
            .transpose()?;
        if new_client.is_none() {
            self.client(new.client_id)?;
        }
        let id = self.write(|tx| {
            let t = now();
            let client_id = match &new_client {
                Some(client) => {
                    tx.execute(
                        "INSERT INTO clients (uid, name, created_at, updated_at) \
                         VALUES (?1, ?2, ?3, ?3)",
                        params![new_uid(), client, t],
                    )?;
                    tx.last_insert_rowid()
                }
                None => new.client_id,
            };
            tx.execute(
                "INSERT INTO assessments (uid, client_id, name, catalog_version, scope, audit_type, \
                 target_date, observation_start, industry, headcount, system_name, \
                 system_description, hosting, assessor, created_at, updated_at, opened_at, \
                 scoping, led_by, assessor_firm) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15, ?15, \
                 ?16, ?17, ?18)",
                params![
                    new_uid(),
                    client_id,
                    name,
                    new.catalog_version,
                    new.scope.to_db(),
                    new.profile.audit_type.as_str(),
                    new.profile.target_date,
                    new.profile.observation_start,
                    company.industry,
                    company.headcount,
                    company.system_name,
                    company.system_description,
                    company.hosting,
                    company.assessor,
                    t,
                    scoping,
                    company.led_by.as_str(),
                    company.assessor_firm
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

    /// Assessments outside the trash, most recently opened (or changed) first.
    pub fn assessments(&self) -> Result<Vec<AssessmentRecord>> {
        self.list("a.deleted_at IS NULL")
    }

    /// Assessments in the trash, most recently deleted first.
    pub fn trash(&self) -> Result<Vec<AssessmentRecord>> {
        self.list("a.deleted_at IS NOT NULL")
    }

    fn list(&self, filter: &str) -> Result<Vec<AssessmentRecord>> {
        let mut stmt = self.conn.prepare(&format!(
            "{SELECT} WHERE {filter} ORDER BY coalesce(a.deleted_at, ''), \
             max(coalesce(a.opened_at, ''), a.updated_at) DESC, a.id DESC"
        ))?;
        let rows = stmt.query_map([], AssessmentRecord::from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Runs one UPDATE on an assessment row, reporting a missing assessment.
    fn update(&mut self, id: i64, sql: &str, values: &[&dyn rusqlite::ToSql]) -> Result<()> {
        let changed = self.write(|tx| {
            let mut all: Vec<&dyn rusqlite::ToSql> = vec![&id];
            all.extend_from_slice(values);
            Ok(tx.execute(sql, all.as_slice())?)
        })?;
        if changed == 0 {
            return Err(StoreError::NotFound(format!("Assessment {id}")));
        }
        Ok(())
    }

    /// Changes the audit an assessment prepares for.
    pub fn set_profile(&mut self, id: i64, p: &AuditProfile) -> Result<()> {
        self.update(
            id,
            "UPDATE assessments SET audit_type = ?2, target_date = ?3, observation_start = ?4, \
             updated_at = ?5 WHERE id = ?1",
            &[
                &p.audit_type.as_str(),
                &p.target_date,
                &p.observation_start,
                &now(),
            ],
        )
    }

    /// Renames an assessment and replaces its company profile, scope and scoping answers.
    pub fn update_details(
        &mut self,
        id: i64,
        name: &str,
        company: &CompanyProfile,
        scope: &Scope,
        scoping: &[ScopingNote],
    ) -> Result<()> {
        let name = limits::name("An assessment name", name)?;
        let c = company.cleaned()?;
        let scoping = scoping_json(scoping)?;
        self.update(
            id,
            "UPDATE assessments SET name = ?2, industry = ?3, headcount = ?4, system_name = ?5, \
             system_description = ?6, hosting = ?7, assessor = ?8, scope = ?9, updated_at = ?10, \
             scoping = ?11, led_by = ?12, assessor_firm = ?13 WHERE id = ?1",
            &[
                &name,
                &c.industry,
                &c.headcount,
                &c.system_name,
                &c.system_description,
                &c.hosting,
                &c.assessor,
                &scope.to_db(),
                &now(),
                &scoping,
                &c.led_by.as_str(),
                &c.assessor_firm,
            ],
        )
    }

    /// Records that the user opened the assessment, for "recently opened first".
    pub fn touch_assessment(&mut self, id: i64) -> Result<()> {
        self.update(
            id,
            "UPDATE assessments SET opened_at = ?2 WHERE id = ?1",
            &[&now()],
        )
    }

    pub fn set_archived(&mut self, id: i64, archived: bool) -> Result<()> {
        let when = archived.then(now);
        self.update(
            id,
            "UPDATE assessments SET archived_at = ?2 WHERE id = ?1",
            &[&when],
        )
    }

    /// Moves an assessment to the trash (`true`) or back out of it (`false`).
    pub fn set_trashed(&mut self, id: i64, trashed: bool) -> Result<()> {
        let when = trashed.then(now);
        self.update(
            id,
            "UPDATE assessments SET deleted_at = ?2 WHERE id = ?1",
            &[&when],
        )
    }

    /// Deletes an assessment for good, with its answers, history, snapshots and plan edits.
    /// Only an assessment already in the trash can be purged.
    pub fn purge(&mut self, id: i64) -> Result<()> {
        if self.assessment(id)?.deleted_at.is_none() {
            return Err(StoreError::Invalid(
                "Move the assessment to the trash before deleting it for good.".into(),
            ));
        }
        self.write(|tx| Ok(tx.execute("DELETE FROM assessments WHERE id = ?1", [id])?))
            .map(|_| ())
    }

    /// Copies an assessment as a re-assessment: same client, scope and profiles; every answer
    /// and plan edit carried over, the answers marked for review. Returns the new id.
    pub fn duplicate(&mut self, id: i64, name: &str) -> Result<i64> {
        let name = limits::name("An assessment name", name)?;
        self.assessment(id)?;
        self.write(|tx| {
            let t = now();
            tx.execute(
                "INSERT INTO assessments (uid, client_id, name, catalog_version, scope, audit_type, \
                 target_date, observation_start, industry, headcount, system_name, \
                 system_description, hosting, assessor, created_at, updated_at, opened_at, based_on, \
                 scoping, led_by, assessor_firm) \
                 SELECT ?2, client_id, ?3, catalog_version, scope, audit_type, target_date, \
                 observation_start, industry, headcount, system_name, system_description, hosting, \
                 assessor, ?4, ?4, ?4, id, scoping, led_by, assessor_firm FROM assessments \
                 WHERE id = ?1",
                params![id, new_uid(), name, t],
            )?;
            let copy = tx.last_insert_rowid();
            // Answers are carried over for review; none counts as verified until checked again.
            tx.execute(
                "INSERT INTO responses (assessment_id, question_id, answer, note, updated_at, \
                 flagged, owner_person, owner_role, evidence, needs_review, since, cadence, \
                 verified) \
                 SELECT ?2, question_id, answer, note, ?3, flagged, owner_person, owner_role, \
                 evidence, 1, since, cadence, 0 FROM responses WHERE assessment_id = ?1",
                params![id, copy, t],
            )?;
            tx.execute(
                "INSERT INTO plan_edits (assessment_id, remediation_key, owner_person, owner_role, \
                 start_date, due_date, status, justification, notes, updated_at) \
                 SELECT ?2, remediation_key, owner_person, owner_role, start_date, due_date, \
                 status, justification, notes, ?3 FROM plan_edits WHERE assessment_id = ?1",
                params![id, copy, t],
            )?;
            tx.execute(
                "INSERT INTO retired_answers (assessment_id, question_id, answer, note, reason, \
                 catalog_version, retired_at) \
                 SELECT ?2, question_id, answer, note, reason, catalog_version, retired_at \
                 FROM retired_answers WHERE assessment_id = ?1",
                params![id, copy],
            )?;
            // The same budget assumptions hold for the next round until the user changes them.
            tx.execute(
                "INSERT INTO cost_assumptions (assessment_id, currency, day_rate, lines, \
                 updated_at) SELECT ?2, currency, day_rate, lines, ?3 FROM cost_assumptions \
                 WHERE assessment_id = ?1",
                params![id, copy, t],
            )?;
            // The same people sign the re-assessment's documents off, on a new date.
            tx.execute(
                "INSERT INTO approvers (assessment_id, position, name, role, signed_on) \
                 SELECT ?2, position, name, role, NULL FROM approvers WHERE assessment_id = ?1",
                params![id, copy],
            )?;
            super::policies::carry_over(tx, id, copy)?;
            // Evidence still speaks for the controls (its dates and expiry say for how long).
            super::evidence::carry_over(tx, id, copy)?;
            // Who read which policy version is a fact about the people, not the assessment:
            // the re-assessment's policies keep their versions, so the acknowledgements hold.
            tx.execute(
                "INSERT INTO policy_acknowledgements (person_id, assessment_id, policy_id, \
                 version, acknowledged_on) SELECT person_id, ?2, policy_id, version, \
                 acknowledged_on FROM policy_acknowledgements WHERE assessment_id = ?1",
                params![id, copy],
            )?;
            Ok(copy)
        })
    }
}

fn scoping_json(notes: &[ScopingNote]) -> Result<String> {
    serde_json::to_string(notes)
        .map_err(|e| StoreError::Invalid(format!("scoping answers could not be stored: {e}")))
}
