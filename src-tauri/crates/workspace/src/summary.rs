//! The one-page readiness summary PDF.

use super::{safe_file_stem, Result, Workspace};
use crate::rendered::RenderedPdf;
use chrono::{DateTime, Utc};
use trustgap_documents::report::{readiness_summary, GapLine, SummaryInput};

impl Workspace {
    /// The one-page summary PDF and a file name to suggest for it.
    pub fn summary_pdf(&self, id: i64, generated_at: DateTime<Utc>) -> Result<(String, Vec<u8>)> {
        let pdf = self.render_summary(id, generated_at)?;
        Ok((pdf.name, pdf.bytes))
    }

    /// [`Workspace::summary_pdf`] with the characters no installed font could draw.
    pub fn render_summary(&self, id: i64, generated_at: DateTime<Utc>) -> Result<RenderedPdf> {
        RenderedPdf::collect(|| self.summary_bytes(id, generated_at))
    }

    fn summary_bytes(&self, id: i64, generated_at: DateTime<Utc>) -> Result<(String, Vec<u8>)> {
        let detail = self.detail(id)?;
        let s = &detail.summary;
        let scope = s
            .scope
            .iter()
            .map(|c| {
                self.catalog
                    .category(*c)
                    .map_or_else(|| c.as_str().to_owned(), |x| x.name.clone())
            })
            .collect();
        let record = self.store.assessment(id)?;
        let gaps = trustgap_domain::plan::gap_register(
            self.catalog,
            &record.scope,
            &detail.responses,
            &record.profile,
        );
        let top_gaps = gaps
            .iter()
            .take(5)
            .map(|g| GapLine {
                severity: g.severity,
                criterion: g.criteria.first().cloned().unwrap_or_default(),
                question: g.finding.clone(),
                answer: g.answer.label().to_owned(),
            })
            .collect();
        let bytes = readiness_summary(&SummaryInput {
            client: &s.client_name,
            assessment: &s.name,
            catalog_version: &s.catalog_version,
            scope,
            card: &detail.scorecard,
            top_gaps,
            generated_at,
        })?;
        let name = format!(
            "{} - SOC 2 readiness summary.pdf",
            safe_file_stem(&s.client_name)
        );
        Ok((name, bytes))
    }
}
