//! `trustgap export`: an assessment's data as CSV, JSON or Excel, or assessments as a portable
//! .trustgap file.

use super::run::{check_out, print_out, stamp};
use std::path::Path;
use trustgap_workspace::{ApiError, Workspace};

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ExportFormat {
    /// The gap register as CSV.
    CsvGaps,
    /// The remediation plan as CSV.
    CsvPlan,
    /// The control matrix as CSV: each control's answer, verified or self-reported, evidence.
    CsvControls,
    /// The whole assessment as JSON.
    Json,
    /// The assessment workbook (.xlsx): gap register, plan and answers.
    Xlsx,
    /// The questionnaire workbook (.xlsx) a client fills in; read back with `import-answers`.
    XlsxQuestionnaire,
    /// The same questionnaire as CSV.
    CsvQuestionnaire,
    /// A portable .trustgap file that `trustgap import` (or the app) reads back.
    Trustgap,
}

pub(super) fn export(
    data_dir: &Path,
    assessment: Option<i64>,
    client: Option<i64>,
    format: ExportFormat,
    out: &Path,
    include_register: bool,
) -> Result<(), ApiError> {
    use trustgap_workspace::DataFormat;
    check_out(out)?;
    if include_register && !matches!(format, ExportFormat::Trustgap) {
        return Err(ApiError::validation(
            "--include-register goes with --format trustgap only.",
        ));
    }
    let ws = Workspace::open(data_dir)?;
    let format = match (format, assessment) {
        (ExportFormat::Trustgap, _) => {
            let ids: Vec<i64> = match (assessment, client) {
                (Some(id), _) => vec![id],
                (None, Some(client)) => ws.client_assessment_ids(client)?,
                (None, None) => {
                    return Err(ApiError::validation("Name an --assessment or a --client."))
                }
            };
            ws.export_portable(&ids, out, include_register)?;
            return print_out(&format!(
                "wrote {} ({} assessment(s))",
                out.display(),
                ids.len()
            ));
        }
        (_, None) => {
            return Err(ApiError::validation(
                "This format exports one --assessment.",
            ))
        }
        (ExportFormat::CsvGaps, _) => DataFormat::CsvGaps,
        (ExportFormat::CsvPlan, _) => DataFormat::CsvPlan,
        (ExportFormat::CsvControls, _) => DataFormat::CsvControls,
        (ExportFormat::Json, _) => DataFormat::Json,
        (ExportFormat::Xlsx, _) => DataFormat::Xlsx,
        (ExportFormat::XlsxQuestionnaire, _) => DataFormat::XlsxQuestionnaire,
        (ExportFormat::CsvQuestionnaire, _) => DataFormat::CsvQuestionnaire,
    };
    let id = assessment.unwrap_or_default();
    let (at, today) = stamp();
    let (_, bytes) = ws.export_data(id, format, at, today)?;
    trustgap_workspace::files::write_atomically(out, &bytes)?;
    print_out(&format!("wrote {} ({} bytes)", out.display(), bytes.len()))
}
