//! The board brief (the one-page summary): PDF or Word, from the document model; and the cost
//! assumptions it prices the plan with.

use super::{safe_file_stem, Result, Workspace};
use crate::error::ApiError;
use crate::rendered::RenderedPdf;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::path::Path;
use trustgap_documents::report::{board_brief, render_document, BRIEF_TITLE};
use trustgap_documents::word::docx;
use trustgap_domain::costs::CostAssumptions;
use trustgap_domain::signoff::{DocumentKind, DocumentVersion};

/// The file formats a model document is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum DocFormat {
    Pdf,
    Docx,
}

impl DocFormat {
    pub fn extension(self) -> &'static str {
        match self {
            DocFormat::Pdf => "pdf",
            DocFormat::Docx => "docx",
        }
    }

    /// The format a file name asks for by its extension (any case); anything else is refused.
    pub fn from_path(path: &Path) -> Result<DocFormat> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("pdf") => Ok(DocFormat::Pdf),
            Some("docx") => Ok(DocFormat::Docx),
            _ => Err(ApiError::validation(format!(
                "{} does not end in .pdf or .docx: name the file with the format you want.",
                path.display()
            ))),
        }
    }
}

impl Workspace {
    /// The board brief in `format`, and the file name to suggest for it, as its last issued
    /// version. `today` dates the plan; `generated_at` stamps the file, so equal inputs give
    /// identical bytes.
    pub fn brief(
        &self,
        id: i64,
        format: DocFormat,
        generated_at: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<(String, Vec<u8>)> {
        self.brief_with(id, format, None, generated_at, today)
    }

    /// [`Workspace::brief`] with the characters no installed font could draw (a Word file
    /// carries its text as text, so only a PDF can have any).
    pub fn render_brief(
        &self,
        id: i64,
        format: DocFormat,
        generated_at: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<RenderedPdf> {
        RenderedPdf::collect(|| self.brief(id, format, generated_at, today))
    }

    /// Issues the brief: printed as its next version, and that version recorded once the file
    /// is laid out (PDF and Word count in one sequence: they are the same document).
    pub fn issue_brief(
        &mut self,
        id: i64,
        format: DocFormat,
        change: &str,
        generated_at: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<(RenderedPdf, DocumentVersion)> {
        let next = self.next_version(id, DocumentKind::Summary, change, today)?;
        let doc =
            RenderedPdf::collect(|| self.brief_with(id, format, Some(&next), generated_at, today))?;
        let issued = self.add_version(id, DocumentKind::Summary, change, today)?;
        Ok((doc, issued))
    }

    fn brief_with(
        &self,
        id: i64,
        format: DocFormat,
        next: Option<&DocumentVersion>,
        generated_at: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<(String, Vec<u8>)> {
        let s = self.sources(id, today)?;
        let mut versions = self.store.document_versions(id, DocumentKind::Summary)?;
        versions.extend(next.cloned());
        let ctx = self.context(&s, &versions, generated_at, today);
        let costs = self.store.cost_assumptions(id)?;
        let doc = board_brief(&ctx, Some(&costs));
        let bytes = match format {
            DocFormat::Pdf => render_document(&doc)?.0,
            DocFormat::Docx => docx(&doc)?,
        };
        Ok((brief_name(&s.detail.summary.client_name, format), bytes))
    }

    /// The file name to suggest for the brief, without laying it out.
    pub fn brief_file_name(&self, id: i64, format: DocFormat) -> Result<String> {
        Ok(brief_name(&self.store.assessment(id)?.client_name, format))
    }

    /// The assessment's cost assumptions (empty when none were saved).
    pub fn cost_assumptions(&self, id: i64) -> Result<CostAssumptions> {
        self.store.assessment(id)?;
        Ok(self.store.cost_assumptions(id)?)
    }

    /// Checks and saves the assessment's cost assumptions; returns them as stored.
    pub fn save_cost_assumptions(
        &mut self,
        id: i64,
        costs: &CostAssumptions,
    ) -> Result<CostAssumptions> {
        let clean = costs.cleaned()?;
        self.store.assessment(id)?;
        self.store.save_cost_assumptions(id, &clean)?;
        Ok(clean)
    }

    /// The board brief as PDF, dated by the stamp's own day (the Results screen's export).
    pub fn summary_pdf(&self, id: i64, generated_at: DateTime<Utc>) -> Result<(String, Vec<u8>)> {
        self.brief(id, DocFormat::Pdf, generated_at, generated_at.date_naive())
    }

    /// [`Workspace::summary_pdf`] with the characters no installed font could draw.
    pub fn render_summary(&self, id: i64, generated_at: DateTime<Utc>) -> Result<RenderedPdf> {
        self.render_brief(id, DocFormat::Pdf, generated_at, generated_at.date_naive())
    }

    /// Issues the brief as PDF (the one-page summary's export); see [`Workspace::issue_brief`].
    pub fn issue_summary(
        &mut self,
        id: i64,
        change: &str,
        generated_at: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<(RenderedPdf, DocumentVersion)> {
        self.issue_brief(id, DocFormat::Pdf, change, generated_at, today)
    }
}

fn brief_name(client: &str, format: DocFormat) -> String {
    format!(
        "{} - {BRIEF_TITLE}.{}",
        safe_file_stem(client),
        format.extension()
    )
}
