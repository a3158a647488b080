//! Report and data-export operations: the readiness report and remediation plan PDFs (in Word:
//! `report_formats`), their
//! outline for the Reports screen, and the editable exports (CSV of gaps, plan and control
//! matrix, JSON of the whole assessment, Excel workbooks of the assessment and of the
//! questionnaire), each with the file name to suggest.

use super::{safe_file_stem, AssessmentDetail, Result, Workspace};
use crate::error::ApiError;
use crate::json::assessment_json;
use crate::rendered::RenderedPdf;
use crate::summary::DocFormat;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::HashMap;
use trustgap_documents::doc::Document;
use trustgap_documents::export::{controls_csv, gaps_csv, plan_csv};
use trustgap_documents::report::{
    document_report, readiness_document, remediation_plan, OutlineEntry, ReadinessOptions, Report,
    ReportContext,
};
use trustgap_documents::workbook::{
    assessment_workbook, questionnaire_csv, questionnaire_workbook,
};
use trustgap_domain::assessment::Scope;
use trustgap_domain::branding::Branding;
use trustgap_domain::evidence::ControlEvidence;
use trustgap_domain::evidence_requests::evidence_requests;
use trustgap_domain::people::Person;
use trustgap_domain::plan::Plan;
use trustgap_domain::policy::PolicyView;
use trustgap_domain::signoff::{
    change_note, Approver, DocumentKind, DocumentVersion, ManagementResponse,
};

/// Which multi-page report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    Readiness,
    Plan,
}

/// What the reader chose to include in a report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ReportOptions {
    /// Readiness report only: the appendix with every answer and the glossary.
    pub include_appendix: bool,
    /// Readiness report only: add a "progress since" chapter against this snapshot.
    #[serde(default)]
    pub snapshot_id: Option<i64>,
}

/// A report's outline, shown before exporting it.
#[derive(Debug, Clone, Serialize, Type)]
pub struct ReportPreview {
    pub kind: ReportKind,
    pub title: String,
    pub pages: u32,
    pub outline: Vec<OutlineEntry>,
    /// The file name the save dialog will suggest.
    pub file_name: String,
}

/// The editable exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "kebab-case")]
pub enum DataFormat {
    /// The gap register as CSV.
    CsvGaps,
    /// The remediation plan as CSV.
    CsvPlan,
    /// The control matrix as CSV: every control in scope, its answer, whether it was verified,
    /// the evidence recorded and what an auditor will ask for.
    CsvControls,
    /// The whole assessment as JSON.
    Json,
    /// The assessment workbook: gap register, plan and answers as Excel sheets.
    Xlsx,
    /// The questionnaire workbook a client fills in and sends back (import-answers).
    XlsxQuestionnaire,
    /// The same questionnaire as CSV.
    CsvQuestionnaire,
}

impl DataFormat {
    pub fn extension(self) -> &'static str {
        match self {
            DataFormat::CsvGaps
            | DataFormat::CsvPlan
            | DataFormat::CsvControls
            | DataFormat::CsvQuestionnaire => "csv",
            DataFormat::Json => "json",
            DataFormat::Xlsx | DataFormat::XlsxQuestionnaire => "xlsx",
        }
    }
}

impl ReportKind {
    /// Whose version sequence the report's exports count in.
    pub fn document(self) -> DocumentKind {
        match self {
            ReportKind::Readiness => DocumentKind::Readiness,
            ReportKind::Plan => DocumentKind::Remediation,
        }
    }

    pub(crate) fn title(self) -> &'static str {
        match self {
            ReportKind::Readiness => "SOC 2 readiness report",
            ReportKind::Plan => "SOC 2 remediation plan",
        }
    }
}

/// Everything a report is drawn from, owned, so a [`ReportContext`] can borrow it.
pub(crate) struct Sources {
    pub(crate) detail: AssessmentDetail,
    pub(crate) plan: Plan,
    pub(crate) people: Vec<Person>,
    pub(crate) branding: Branding,
    pub(crate) approvers: Vec<Approver>,
    pub(crate) management: Vec<ManagementResponse>,
    /// The policy pack, for the readiness report's coverage chapter and the policy documents.
    pub(crate) policies: Vec<PolicyView>,
    /// What the evidence locker holds per control.
    pub(crate) locker: HashMap<String, ControlEvidence>,
}

impl Workspace {
    pub(crate) fn sources(&self, id: i64, today: NaiveDate) -> Result<Sources> {
        let detail = self.detail(id)?;
        let plan = self.plan(id, today)?;
        Ok(Sources {
            people: self.store.people(detail.summary.client_id)?,
            policies: self.pack_source_with(id, plan.actions.clone())?.views(),
            plan,
            branding: self.effective_branding(detail.summary.client_id)?,
            approvers: self.store.approvers(id)?,
            management: self.store.management_responses(id)?,
            locker: self.control_evidence(id, today)?,
            detail,
        })
    }

    pub(crate) fn context<'a>(
        &'a self,
        s: &'a Sources,
        versions: &'a [DocumentVersion],
        generated_at: DateTime<Utc>,
        today: NaiveDate,
    ) -> ReportContext<'a> {
        let summary = &s.detail.summary;
        ReportContext {
            client: &summary.client_name,
            assessment: &summary.name,
            company: &summary.company,
            catalog: self.catalog,
            catalog_version: &summary.catalog_version,
            scope: &summary.scope,
            scoping: &summary.scoping,
            profile: &summary.profile,
            responses: &s.detail.responses,
            card: &s.detail.scorecard,
            plan: &s.plan,
            people: &s.people,
            generated_at,
            date: today,
            branding: &s.branding,
            versions,
            approvers: &s.approvers,
            management: &s.management,
            policies: &s.policies,
            locker: &s.locker,
        }
    }

    /// Lays a report out with its recorded versions, plus `next` when it is being issued.
    pub(crate) fn layout(
        &self,
        id: i64,
        kind: ReportKind,
        options: &ReportOptions,
        next: Option<&DocumentVersion>,
        generated_at: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<(String, Report)> {
        let (client, doc) = self.document(id, kind, options, next, generated_at, today)?;
        Ok((report_name(&client, kind), document_report(&doc)?))
    }

    /// A report said once on the document model, with its recorded versions plus `next`, and
    /// the client's name: what both the PDF and the Word file are rendered from.
    pub(crate) fn document(
        &self,
        id: i64,
        kind: ReportKind,
        options: &ReportOptions,
        next: Option<&DocumentVersion>,
        generated_at: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<(String, Document)> {
        let s = self.sources(id, today)?;
        let mut versions = self.store.document_versions(id, kind.document())?;
        versions.extend(next.cloned());
        let ctx = self.context(&s, &versions, generated_at, today);
        let comparison = match (kind, options.snapshot_id) {
            (ReportKind::Readiness, Some(snapshot)) => {
                Some(self.compare_with_snapshot(id, snapshot)?)
            }
            _ => None,
        };
        let doc = match kind {
            ReportKind::Readiness => readiness_document(
                &ctx,
                ReadinessOptions {
                    include_appendix: options.include_appendix,
                    progress: comparison.as_ref(),
                },
            )?,
            ReportKind::Plan => remediation_plan(&ctx)?,
        };
        Ok((s.detail.summary.client_name.clone(), doc))
    }

    /// The file name to suggest for a report.
    pub fn report_file_name(&self, id: i64, kind: ReportKind) -> Result<String> {
        Ok(report_name(&self.store.assessment(id)?.client_name, kind))
    }

    /// A report as PDF bytes, and the file name to suggest for it. `today` dates the plan and
    /// the cover; `generated_at` stamps the file, so equal inputs give identical bytes.
    pub fn report_pdf(
        &self,
        id: i64,
        kind: ReportKind,
        options: &ReportOptions,
        generated_at: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<(String, Vec<u8>)> {
        let pdf = self.render_report(id, kind, options, generated_at, today)?;
        Ok((pdf.name, pdf.bytes))
    }

    /// [`Workspace::report_pdf`] with the characters no installed font could draw.
    pub fn render_report(
        &self,
        id: i64,
        kind: ReportKind,
        options: &ReportOptions,
        generated_at: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<RenderedPdf> {
        RenderedPdf::collect(|| {
            let (name, report) = self.layout(id, kind, options, None, generated_at, today)?;
            Ok((name, report.into_pdf()?))
        })
    }

    /// Issues a report: the PDF printed as the next version of the document, and that version
    /// recorded (with `change`, or "Issued"/"Updated"). Only exports issue; previews do not.
    /// The version is recorded once the file has been laid out, so a report that cannot be
    /// drawn leaves no version behind.
    pub fn issue_report(
        &mut self,
        id: i64,
        kind: ReportKind,
        options: &ReportOptions,
        change: &str,
        generated_at: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<(RenderedPdf, DocumentVersion)> {
        self.issue_report_as(
            id,
            kind,
            DocFormat::Pdf,
            options,
            change,
            generated_at,
            today,
        )
    }

    /// The version an export would add now, without recording it.
    pub(crate) fn next_version(
        &self,
        id: i64,
        kind: DocumentKind,
        change: &str,
        today: NaiveDate,
    ) -> Result<DocumentVersion> {
        let record = self.store.assessment(id)?;
        let last = self.store.document_versions(id, kind)?;
        let version = last.last().map_or(1, |v| v.version.saturating_add(1));
        let firm = self.effective_branding(record.client_id)?.firm;
        let author = [record.company.assessor.trim(), firm.trim()]
            .into_iter()
            .find(|s| !s.is_empty())
            .unwrap_or("")
            .to_owned();
        Ok(DocumentVersion {
            version,
            issued_on: today,
            author,
            change: change_note(change, version)?,
        })
    }

    /// The report's sections and their pages, without writing the PDF.
    pub fn report_preview(
        &self,
        id: i64,
        kind: ReportKind,
        options: &ReportOptions,
        generated_at: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<ReportPreview> {
        let (file_name, report) = self.layout(id, kind, options, None, generated_at, today)?;
        Ok(ReportPreview {
            kind,
            title: kind.title().to_owned(),
            pages: u32::try_from(report.page_count()).unwrap_or(u32::MAX),
            outline: report.outline(),
            file_name,
        })
    }

    /// An editable export and the file name to suggest for it.
    pub fn export_data(
        &self,
        id: i64,
        format: DataFormat,
        generated_at: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<(String, Vec<u8>)> {
        let s = self.sources(id, today)?;
        let stem = safe_file_stem(&s.detail.summary.client_name);
        let refs: Vec<String> = (0..s.plan.actions.len())
            .map(trustgap_documents::report::action_ref)
            .collect();
        let (what, bytes) = match format {
            DataFormat::CsvGaps => (
                "gap register",
                gaps_csv(self.catalog, &s.plan, &refs, &s.management).into_bytes(),
            ),
            DataFormat::CsvPlan => ("remediation plan", plan_csv(&s.plan, &refs).into_bytes()),
            DataFormat::CsvControls => {
                let summary = &s.detail.summary;
                let requests = evidence_requests(
                    self.catalog,
                    &Scope::new(&summary.scope),
                    &s.detail.responses,
                    &summary.profile,
                );
                (
                    "control matrix",
                    controls_csv(&requests, &s.people, &s.locker).into_bytes(),
                )
            }
            DataFormat::Json => (
                "assessment",
                assessment_json(&s.detail, &s.plan, &s.people, generated_at)
                    .map_err(|e| ApiError::io(format!("Could not encode the assessment: {e}")))?
                    .into_bytes(),
            ),
            DataFormat::Xlsx => (
                "assessment workbook",
                assessment_workbook(&self.context(&s, &[], generated_at, today))?,
            ),
            DataFormat::XlsxQuestionnaire => (
                "questionnaire",
                questionnaire_workbook(&self.context(&s, &[], generated_at, today))?,
            ),
            DataFormat::CsvQuestionnaire => (
                "questionnaire",
                questionnaire_csv(&self.context(&s, &[], generated_at, today)).into_bytes(),
            ),
        };
        Ok((format!("{stem} - {what}.{}", format.extension()), bytes))
    }
}

/// "<client> - <report title>.pdf", safe as a file name.
fn report_name(client: &str, kind: ReportKind) -> String {
    super::report_formats::report_name_as(client, kind, DocFormat::Pdf)
}
