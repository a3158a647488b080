//! The reports in a chosen format: PDF through the layout engine, or Word from the same
//! document model. Both formats count in one version sequence: they are the same document.

use super::{safe_file_stem, Result, Workspace};
use crate::rendered::RenderedPdf;
use crate::reports::{ReportKind, ReportOptions};
use crate::summary::DocFormat;
use chrono::{DateTime, NaiveDate, Utc};
use trustgap_documents::word::docx;
use trustgap_domain::signoff::DocumentVersion;

impl Workspace {
    /// The file name to suggest for a report in `format`.
    pub fn report_file_name_as(
        &self,
        id: i64,
        kind: ReportKind,
        format: DocFormat,
    ) -> Result<String> {
        Ok(report_name_as(
            &self.store.assessment(id)?.client_name,
            kind,
            format,
        ))
    }

    /// [`Workspace::issue_report`] in `format`: PDF and Word count in one version sequence
    /// (they are the same document).
    #[allow(clippy::too_many_arguments)]
    pub fn issue_report_as(
        &mut self,
        id: i64,
        kind: ReportKind,
        format: DocFormat,
        options: &ReportOptions,
        change: &str,
        generated_at: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<(RenderedPdf, DocumentVersion)> {
        let next = self.next_version(id, kind.document(), change, today)?;
        let doc = RenderedPdf::collect(|| {
            self.report_with(id, kind, format, options, Some(&next), generated_at, today)
        })?;
        let issued = self.add_version(id, kind.document(), change, today)?;
        Ok((doc, issued))
    }

    /// A report in `format` as its last issued version, and the file name to suggest; equal
    /// inputs and stamp give identical bytes.
    pub fn report_as(
        &self,
        id: i64,
        kind: ReportKind,
        format: DocFormat,
        options: &ReportOptions,
        generated_at: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<(String, Vec<u8>)> {
        self.report_with(id, kind, format, options, None, generated_at, today)
    }

    #[allow(clippy::too_many_arguments)]
    fn report_with(
        &self,
        id: i64,
        kind: ReportKind,
        format: DocFormat,
        options: &ReportOptions,
        next: Option<&DocumentVersion>,
        generated_at: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<(String, Vec<u8>)> {
        if format == DocFormat::Pdf {
            let (name, report) = self.layout(id, kind, options, next, generated_at, today)?;
            return Ok((name, report.into_pdf()?));
        }
        let (client, doc) = self.document(id, kind, options, next, generated_at, today)?;
        Ok((report_name_as(&client, kind, format), docx(&doc)?))
    }
}

pub(crate) fn report_name_as(client: &str, kind: ReportKind, format: DocFormat) -> String {
    format!(
        "{} - {}.{}",
        safe_file_stem(client),
        kind.title(),
        format.extension()
    )
}
