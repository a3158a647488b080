//! The one-page readiness summary PDF.

use super::{safe_file_stem, Result, Workspace};
use chrono::{DateTime, NaiveDate, Utc};
use trustgap_documents::report::{readiness_summary, GapLine, SummaryInput};
use trustgap_domain::signoff::{DocumentKind, DocumentVersion};

impl Workspace {
    /// The one-page summary PDF and a file name to suggest for it, with the last version issued.
    pub fn summary_pdf(&self, id: i64, generated_at: DateTime<Utc>) -> Result<(String, Vec<u8>)> {
        let last = self
            .store
            .document_versions(id, DocumentKind::Summary)?
            .pop();
        self.summary_with(id, last.as_ref(), generated_at)
    }

    /// Issues the summary: printed as its next version, and that version recorded.
    pub fn issue_summary(
        &mut self,
        id: i64,
        change: &str,
        generated_at: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<(String, Vec<u8>, DocumentVersion)> {
        let next = self.next_version(id, DocumentKind::Summary, change, today)?;
        let (name, bytes) = self.summary_with(id, Some(&next), generated_at)?;
        let issued = self.add_version(id, DocumentKind::Summary, change, today)?;
        Ok((name, bytes, issued))
    }

    fn summary_with(
        &self,
        id: i64,
        version: Option<&DocumentVersion>,
        generated_at: DateTime<Utc>,
    ) -> Result<(String, Vec<u8>)> {
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
        let branding = self.effective_branding(record.client_id)?;
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
            branding: &branding,
            company: &s.company,
            version,
        })?;
        let name = format!(
            "{} - SOC 2 readiness summary.pdf",
            safe_file_stem(&s.client_name)
        );
        Ok((name, bytes))
    }
}
