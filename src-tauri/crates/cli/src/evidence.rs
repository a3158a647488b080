//! `trustgap evidence`: the evidence locker and the evidence pack from the command line.

use super::args::parse_day;
use super::run::{print_out, stamp};
use super::table::Table;
use super::ListFormat;
use chrono::NaiveDate;
use clap::Subcommand;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use trustgap_domain::evidence::{Attachment, EvidenceDates};
use trustgap_workspace::{ApiError, EvidenceInput, Workspace, WorkspaceLock};

#[derive(Debug, Subcommand)]
pub enum EvidenceCommand {
    /// Add a file to an assessment's evidence, attached to a question, a criterion, a plan
    /// action or a request item (at least one; several allowed). The file is streamed in and
    /// hashed (SHA-256); the same contents are stored once.
    Add {
        #[arg(long, value_name = "ID")]
        assessment: i64,
        #[arg(long, value_name = "QID")]
        question: Vec<String>,
        #[arg(long, value_name = "CID")]
        criterion: Vec<String>,
        /// A remediation action, by its key (see `trustgap plan --format json`).
        #[arg(long, value_name = "KEY")]
        action: Vec<String>,
        /// A request item, by its reference (see `trustgap requests list`).
        #[arg(long, value_name = "RID")]
        request: Vec<String>,
        /// The first and last day of the period the evidence covers.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day, requires = "covers_to")]
        covers_from: Option<NaiveDate>,
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day, requires = "covers_from")]
        covers_to: Option<NaiveDate>,
        /// The day the evidence was produced.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
        produced: Option<NaiveDate>,
        /// The day after which it no longer counts.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
        expires: Option<NaiveDate>,
        /// Who provides it (default: the USER environment variable).
        #[arg(long, value_name = "NAME")]
        by: Option<String>,
        #[arg(long, default_value = "")]
        note: String,
        file: PathBuf,
    },
    /// List an assessment's evidence files, with the workspace's total against its limit.
    List {
        #[arg(long, value_name = "ID")]
        assessment: i64,
        /// Include the files in the trash.
        #[arg(long)]
        trash: bool,
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Move a file to the trash (`--undo` takes it back out).
    Remove {
        #[arg(long, value_name = "FILE_ID")]
        file: i64,
        #[arg(long)]
        undo: bool,
    },
    /// Delete an assessment's trashed files for good.
    EmptyTrash {
        #[arg(long, value_name = "ID")]
        assessment: i64,
    },
    /// Save a copy of one file.
    Save {
        #[arg(long, value_name = "FILE_ID")]
        file: i64,
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
    },
    /// Build the evidence pack for the auditor: a ZIP with a folder per criterion, the files,
    /// a manifest (CSV and PDF index with each file's SHA-256) and the request list (Excel).
    Pack {
        #[arg(long, value_name = "ID")]
        assessment: i64,
        #[arg(long, value_name = "FILE.zip")]
        out: PathBuf,
    },
}

pub(super) fn encode(e: serde_json::Error) -> ApiError {
    ApiError::io(format!("Could not encode the list: {e}"))
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
}

pub(super) fn evidence(data_dir: &Path, command: EvidenceCommand) -> Result<(), ApiError> {
    match command {
        EvidenceCommand::Add {
            assessment,
            question,
            criterion,
            action,
            request,
            covers_from,
            covers_to,
            produced,
            expires,
            by,
            note,
            file,
        } => {
            let attach = question
                .into_iter()
                .map(Attachment::Question)
                .chain(criterion.into_iter().map(Attachment::Criterion))
                .chain(action.into_iter().map(Attachment::Action))
                .chain(request.into_iter().map(Attachment::Request))
                .collect();
            let input = EvidenceInput {
                attach,
                dates: EvidenceDates {
                    produced_on: produced,
                    covers_from,
                    covers_to,
                    expires_on: expires,
                },
                note,
                added_by: by
                    .or_else(|| std::env::var("USER").ok())
                    .unwrap_or_default(),
            };
            let _lock = WorkspaceLock::acquire(data_dir)?;
            let mut ws = Workspace::open(data_dir)?;
            let f = ws.add_evidence(assessment, &file, input)?;
            print_out(&format!(
                "added evidence file {} ({}, {}, sha256 {})",
                f.id,
                f.name,
                megabytes(f.size),
                f.sha256
            ))
        }
        EvidenceCommand::List {
            assessment,
            trash,
            format,
        } => {
            let ws = Workspace::open(data_dir)?;
            let locker = ws.evidence_locker(assessment, trash)?;
            let text = match format {
                ListFormat::Json => serde_json::to_string_pretty(&locker).map_err(encode)?,
                ListFormat::Table => {
                    let mut t = Table::new(&[
                        "ID",
                        "NAME",
                        "SIZE",
                        "ATTACHED TO",
                        "COVERS",
                        "EXPIRES",
                        "SHA-256",
                    ]);
                    for f in &locker.files {
                        let covers = match (f.dates.covers_from, f.dates.covers_to) {
                            (Some(a), Some(b)) => format!("{a}..{b}"),
                            _ => String::new(),
                        };
                        let attached: Vec<String> = f
                            .attached
                            .iter()
                            .map(|a| format!("{} {}", a.kind(), a.target()))
                            .collect();
                        t.row(vec![
                            format!("{}{}", f.id, if f.deleted { " (trash)" } else { "" }),
                            f.name.clone(),
                            megabytes(f.size),
                            attached.join(", "),
                            covers,
                            f.dates
                                .expires_on
                                .map(|d| d.to_string())
                                .unwrap_or_default(),
                            f.sha256[..12].to_owned(),
                        ]);
                    }
                    format!(
                        "{}\nworkspace evidence: {} of {}",
                        t.render(),
                        megabytes(locker.workspace_bytes),
                        megabytes(locker.workspace_limit)
                    )
                }
            };
            print_out(&text)
        }
        EvidenceCommand::Remove { file, undo } => {
            let _lock = WorkspaceLock::acquire(data_dir)?;
            let mut ws = Workspace::open(data_dir)?;
            ws.trash_evidence(file, !undo)?;
            print_out(&format!(
                "evidence file {file} {}",
                if undo {
                    "restored from the trash"
                } else {
                    "moved to the trash (undo with --undo)"
                }
            ))
        }
        EvidenceCommand::EmptyTrash { assessment } => {
            let _lock = WorkspaceLock::acquire(data_dir)?;
            let mut ws = Workspace::open(data_dir)?;
            let n = ws.empty_evidence_trash(assessment)?;
            print_out(&format!("deleted {n} file(s) for good"))
        }
        EvidenceCommand::Save { file, out } => {
            let ws = Workspace::open(data_dir)?;
            let n = ws.save_evidence_copy(file, &out)?;
            print_out(&format!("wrote {} ({})", out.display(), megabytes(n)))
        }
        EvidenceCommand::Pack { assessment, out } => {
            let ws = Workspace::open(data_dir)?;
            let (generated_at, _) = stamp();
            let never = AtomicBool::new(false);
            let s = ws.evidence_pack(assessment, &out, generated_at, &mut |_| {}, &never)?;
            print_out(&format!(
                "wrote {} ({} files in {} folders, {})",
                out.display(),
                s.files,
                s.folders,
                megabytes(s.bytes)
            ))
        }
    }
}
