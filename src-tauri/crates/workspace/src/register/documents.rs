//! The register's documents as files: the roster-and-training workbook and the attestation
//! report of a client, and the sign-sheet of an assessment's workshop.

use crate::error::ApiError;
use crate::summary::DocFormat;
use crate::{safe_file_stem, Result, Workspace};
use chrono::{DateTime, NaiveDate, Utc};
use trustgap_documents::doc::Document;
use trustgap_documents::register::{
    attestation_document, register_workbook, sign_sheet_document, Register, SignSheet,
};
use trustgap_documents::report::render_document;
use trustgap_documents::word::docx;

/// A register document ready to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisterFile {
    /// The suggested file name, with its extension.
    pub name: String,
    pub bytes: Vec<u8>,
}

fn rendered(doc: &Document, format: DocFormat) -> Result<Vec<u8>> {
    Ok(match format {
        DocFormat::Pdf => render_document(doc)?.0,
        DocFormat::Docx => docx(doc)?,
    })
}

impl Workspace {
    /// The client's newest assessment: its approved policies are the ones acknowledged.
    fn newest_assessment(&self, client_id: i64) -> Result<Option<i64>> {
        Ok(self
            .store
            .assessments()?
            .into_iter()
            .filter(|a| a.client_id == client_id)
            .map(|a| a.id)
            .max())
    }

    /// Gathers the client's register and hands it to `f`.
    fn with_register<T>(
        &self,
        client_id: i64,
        generated_at: DateTime<Utc>,
        today: NaiveDate,
        f: impl FnOnce(&Register<'_>) -> Result<T>,
    ) -> Result<T> {
        let client = self.store.client(client_id)?;
        let branding = self.effective_branding(client_id)?;
        let people = self.people(client_id)?;
        let courses = self.store.courses(client_id)?;
        let completions = self.store.completions(client_id)?;
        let (policies, acks) = match self.newest_assessment(client_id)? {
            Some(a) => (self.current_policies(a)?, self.store.acknowledgements(a)?),
            None => (Vec::new(), Vec::new()),
        };
        f(&Register {
            client: &client.name,
            branding: &branding,
            people: &people,
            courses: &courses,
            completions: &completions,
            policies: &policies,
            acks: &acks,
            today,
            generated_at,
        })
    }

    /// The roster-and-training workbook of a client, statuses as of `today`.
    pub fn register_workbook(
        &self,
        client_id: i64,
        generated_at: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<RegisterFile> {
        self.with_register(client_id, generated_at, today, |reg| {
            Ok(RegisterFile {
                name: format!("{} people and training.xlsx", safe_file_stem(reg.client)),
                bytes: register_workbook(reg)?,
            })
        })
    }

    /// The attestation report of a client for `from` to `to` (both included).
    pub fn training_attestation(
        &self,
        client_id: i64,
        from: NaiveDate,
        to: NaiveDate,
        format: DocFormat,
        generated_at: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<RegisterFile> {
        trustgap_domain::limits::plausible_date("The period's first day", from)?;
        trustgap_domain::limits::plausible_date("The period's last day", to)?;
        if from > to {
            return Err(ApiError::validation(format!(
                "The period starts on {from}, after its last day {to}."
            )));
        }
        if from > today {
            return Err(ApiError::validation(format!(
                "The period starts on {from}, in the future: nothing is recorded for it yet."
            )));
        }
        self.with_register(client_id, generated_at, today, |reg| {
            Ok(RegisterFile {
                name: format!(
                    "{} training attestation {from} to {to}.{}",
                    safe_file_stem(reg.client),
                    format.extension()
                ),
                bytes: rendered(&attestation_document(reg, from, to), format)?,
            })
        })
    }

    /// The sign-sheet of a workshop held on `today` for the assessment's client: its approved
    /// policies, the client's current people.
    pub fn sign_sheet(
        &self,
        assessment_id: i64,
        format: DocFormat,
        generated_at: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<RegisterFile> {
        let client_id = self.store.assessment(assessment_id)?.client_id;
        let client = self.store.client(client_id)?;
        let branding = self.effective_branding(client_id)?;
        let people = self.people(client_id)?;
        let policies = self.current_policies(assessment_id)?;
        let doc = sign_sheet_document(&SignSheet {
            client: &client.name,
            branding: &branding,
            people: &people,
            policies: &policies,
            date: today,
            generated_at,
        });
        Ok(RegisterFile {
            name: format!(
                "{} sign-sheet {today}.{}",
                safe_file_stem(&client.name),
                format.extension()
            ),
            bytes: rendered(&doc, format)?,
        })
    }
}
