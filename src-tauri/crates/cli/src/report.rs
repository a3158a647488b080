//! `trustgap report`: an assessment's documents (the board brief, the readiness report, the
//! remediation plan) as PDF or Word, each export a new version.

use super::run::{check_out, print_out, stamp};
use clap::Subcommand;
use std::path::{Path, PathBuf};
use trustgap_workspace::{ApiError, Workspace, WorkspaceLock};

/// What every document command takes: which assessment, where to write, what changed.
#[derive(Debug, clap::Args)]
pub struct DocArgs {
    /// The assessment's id (see `trustgap list`).
    #[arg(long, value_name = "ID")]
    assessment: i64,
    /// The file to write, .pdf or .docx (the extension chooses the format; replaced atomically
    /// if it exists).
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// What changed in this version (default "Issued" for the first, then "Updated").
    #[arg(long, value_name = "TEXT", default_value = "")]
    change: String,
}

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// The one-page board brief: verdict, audit date, top findings, effort and cost, decisions.
    Brief(DocArgs),
    /// The multi-page readiness report (with its appendix unless --no-appendix).
    Readiness {
        #[command(flatten)]
        doc: DocArgs,
        /// Leave out the appendix (every answer and the glossary).
        #[arg(long)]
        no_appendix: bool,
    },
    /// The remediation plan: summary, roadmap, actions, owners, evidence requests.
    Plan(DocArgs),
}

pub(super) fn report(data_dir: &Path, command: ReportCommand) -> Result<(), ApiError> {
    use trustgap_workspace::{DocFormat, ReportKind, ReportOptions};
    let (kind, doc, include_appendix) = match command {
        ReportCommand::Brief(doc) => (None, doc, false),
        ReportCommand::Readiness { doc, no_appendix } => {
            (Some(ReportKind::Readiness), doc, !no_appendix)
        }
        ReportCommand::Plan(doc) => (Some(ReportKind::Plan), doc, false),
    };
    let DocArgs {
        assessment: id,
        out,
        change,
    } = doc;
    check_out(&out)?;
    // The format is the file's extension.
    let format = DocFormat::from_path(&out)?;
    // Each export is a new version of the document, recorded in the workspace.
    let _lock = WorkspaceLock::acquire(data_dir)?;
    let mut ws = Workspace::open(data_dir)?;
    let options = ReportOptions {
        include_appendix,
        snapshot_id: None,
    };
    let (at, today) = stamp();
    let (doc, version) = match kind {
        Some(kind) => ws.issue_report_as(id, kind, format, &options, &change, at, today)?,
        None => ws.issue_brief(id, format, &change, at, today)?,
    };
    trustgap_workspace::files::write_atomically(&out, &doc.bytes)?;
    for warning in doc.warnings() {
        eprintln!("warning: {warning}");
    }
    print_out(&format!(
        "wrote {} ({} bytes), version {}",
        out.display(),
        doc.bytes.len(),
        version.label()
    ))
}
