//! `trustgap policies`: list an assessment's policy pack, or write it to a folder.

use super::run::print_out;
use super::table::Table;
use std::path::Path;
use trustgap_domain::policy::{PolicyFormat, PolicyView};
use trustgap_workspace::{ApiError, Workspace};

/// How `--format` reads for each mode: a listing, or the files of the pack.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PolicyOutput {
    /// `--list`: aligned columns (the default).
    Table,
    /// `--list`: one object per policy.
    Json,
    /// `--out`: PDF files (the default).
    Pdf,
    /// `--out`: Word files.
    Docx,
    /// `--out`: Markdown files.
    Md,
}

impl PolicyOutput {
    fn document(self) -> Option<PolicyFormat> {
        match self {
            PolicyOutput::Pdf => Some(PolicyFormat::Pdf),
            PolicyOutput::Docx => Some(PolicyFormat::Docx),
            PolicyOutput::Md => Some(PolicyFormat::Md),
            PolicyOutput::Table | PolicyOutput::Json => None,
        }
    }
}

/// Runs `policies`: `out` writes the pack, otherwise it is listed.
pub(super) fn policies(
    data_dir: &Path,
    assessment: i64,
    out: Option<&Path>,
    format: Option<PolicyOutput>,
) -> Result<(), ApiError> {
    match out {
        Some(dir) => {
            let format = match format {
                None => PolicyFormat::Pdf,
                Some(f) => f.document().ok_or_else(|| {
                    ApiError::validation("With --out, --format is pdf, docx or md.")
                })?,
            };
            write_pack(data_dir, assessment, dir, format)
        }
        None => {
            let format = format.unwrap_or(PolicyOutput::Table);
            if format.document().is_some() {
                return Err(ApiError::validation(
                    "With --list, --format is table or json; pdf, docx and md go with --out DIR.",
                ));
            }
            list(data_dir, assessment, format == PolicyOutput::Json)
        }
    }
}

fn list(data_dir: &Path, assessment: i64, json: bool) -> Result<(), ApiError> {
    let ws = Workspace::open(data_dir)?;
    let views = ws.list_policies(assessment, trustgap_workspace::clock::today())?;
    let text = if json {
        let listed: Vec<serde_json::Value> = views.iter().map(listed).collect();
        serde_json::to_string_pretty(&listed)
            .map_err(|e| ApiError::io(format!("Could not encode the policies: {e}")))?
    } else {
        table(&views)
    };
    print_out(&text)
}

/// What `--list --format json` prints per policy.
fn listed(v: &PolicyView) -> serde_json::Value {
    serde_json::json!({
        "id": v.id,
        "title": v.title,
        "status": v.status,
        "version": v.version,
        "owner": v.owner_name,
        "criteria": v.criteria,
        "planned": v.planned,
    })
}

fn table(views: &[PolicyView]) -> String {
    let mut t = Table::new(&["POLICY", "TITLE", "STATUS", "VERSION", "OWNER", "PLANNED"]);
    for v in views {
        t.row(vec![
            v.id.clone(),
            v.title.clone(),
            v.status.label().to_owned(),
            v.version.to_string(),
            v.owner_name.clone(),
            v.planned.len().to_string(),
        ]);
    }
    t.render()
}

fn write_pack(
    data_dir: &Path,
    assessment: i64,
    dir: &Path,
    format: PolicyFormat,
) -> Result<(), ApiError> {
    let ws = Workspace::open(data_dir)?;
    let written = ws.write_policy_pack(
        assessment,
        dir,
        format,
        trustgap_workspace::clock::now(),
        trustgap_workspace::clock::today(),
    )?;
    let names: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
    print_out(&names.join("\n"))
}
