//! `trustgap people export`, `trustgap training attestation` and `trustgap training
//! sign-sheet`: the register's documents written to a file.

use super::run::{print_out, stamp};
use chrono::NaiveDate;
use std::path::Path;
use trustgap_workspace::files::write_atomically;
use trustgap_workspace::{ApiError, DocFormat, RegisterFile, Workspace};

fn write(out: &Path, file: &RegisterFile) -> Result<(), ApiError> {
    write_atomically(out, &file.bytes)?;
    print_out(&format!("wrote {}", out.display()))
}

/// The roster-and-training workbook; `out` must end in .xlsx.
pub(super) fn workbook(data_dir: &Path, client: i64, out: &Path) -> Result<(), ApiError> {
    let xlsx = out
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    if !xlsx {
        return Err(ApiError::validation(format!(
            "{} does not end in .xlsx: the register is written as an Excel workbook.",
            out.display()
        )));
    }
    let ws = Workspace::open(data_dir)?;
    let (now, today) = stamp();
    write(out, &ws.register_workbook(client, now, today)?)
}

/// The attestation report for a period, as PDF or Word by `out`'s extension.
pub(super) fn attestation(
    data_dir: &Path,
    client: i64,
    from: NaiveDate,
    to: NaiveDate,
    out: &Path,
) -> Result<(), ApiError> {
    let format = DocFormat::from_path(out)?;
    let ws = Workspace::open(data_dir)?;
    let (now, today) = stamp();
    write(
        out,
        &ws.training_attestation(client, from, to, format, now, today)?,
    )
}

/// Today's sign-sheet for an assessment's workshop, as PDF or Word by `out`'s extension.
pub(super) fn sign_sheet(
    data_dir: &Path,
    client: i64,
    assessment: i64,
    out: &Path,
) -> Result<(), ApiError> {
    let format = DocFormat::from_path(out)?;
    let ws = Workspace::open(data_dir)?;
    if !ws.client_assessment_ids(client)?.contains(&assessment) {
        return Err(ApiError::validation(format!(
            "Assessment {assessment} is not one of client {client}'s."
        )));
    }
    let (now, today) = stamp();
    write(out, &ws.sign_sheet(assessment, format, now, today)?)
}
