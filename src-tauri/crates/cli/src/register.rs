//! `trustgap people import`, `trustgap people erase` and `trustgap training`: the people
//! register from the command line.

use super::args::parse_day;
use super::run::{print_out, stamp};
use super::table::Table;
use super::ListFormat;
use chrono::NaiveDate;
use clap::Subcommand;
use std::path::Path;
use trustgap_domain::register::mapping::parse_override;
use trustgap_workspace::{read_roster_file, ApiError, Workspace, WorkspaceLock};

#[derive(Debug, Subcommand)]
pub enum TrainingCommand {
    /// Every person's status on every course today (done, due, overdue, not required) with
    /// the last completion and the next due date.
    List {
        #[arg(long, value_name = "ID")]
        client: i64,
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Record that a person took a course on a day.
    Record {
        #[arg(long, value_name = "ID")]
        client: i64,
        /// The person's email address.
        #[arg(long, value_name = "EMAIL")]
        person: String,
        /// The course's name.
        #[arg(long, value_name = "NAME")]
        course: String,
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
        date: NaiveDate,
        /// What shows it: a certificate's file name, a tool export.
        #[arg(long, default_value = "")]
        evidence: String,
    },
    /// Write the attestation report for a period (PDF or Word, by the file's extension):
    /// each person's training and acknowledgements with dates, and the exceptions.
    Attestation {
        #[arg(long, value_name = "ID")]
        client: i64,
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
        from: NaiveDate,
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
        to: NaiveDate,
        /// FILE.pdf or FILE.docx (replaced atomically if it exists).
        #[arg(long, value_name = "FILE")]
        out: std::path::PathBuf,
    },
    /// Write today's workshop sign-sheet (PDF or Word): the assessment's approved policies and
    /// the client's current people, with columns to sign by hand.
    SignSheet {
        #[arg(long, value_name = "ID")]
        client: i64,
        #[arg(long, value_name = "ID")]
        assessment: i64,
        /// FILE.pdf or FILE.docx (replaced atomically if it exists).
        #[arg(long, value_name = "FILE")]
        out: std::path::PathBuf,
    },
}

/// Imports a roster file, all or nothing; every bad row is printed with its row number.
pub(super) fn import(
    data_dir: &Path,
    client: i64,
    file: &Path,
    map: &[String],
) -> Result<(), ApiError> {
    let overrides = map
        .iter()
        .map(|m| parse_override(m))
        .collect::<Result<Vec<_>, _>>()?;
    let (name, bytes) = read_roster_file(file)?;
    let _lock = WorkspaceLock::acquire(data_dir)?;
    let mut ws = Workspace::open(data_dir)?;
    let added = ws.import_roster(client, &name, &bytes, &overrides)?;
    print_out(&format!("imported {added} people from {}", file.display()))
}

/// Erases a person found by email: their records removed, the count kept.
pub(super) fn erase(data_dir: &Path, client: i64, email: &str) -> Result<(), ApiError> {
    let _lock = WorkspaceLock::acquire(data_dir)?;
    let mut ws = Workspace::open(data_dir)?;
    let p = ws.person_by_email(client, email)?;
    let (_, today) = stamp();
    let e = ws.erase_person(p.id, today)?;
    let mut text = format!("erased one person ({} record(s) removed)", e.rows_removed);
    if !e.file_cleared {
        text.push_str(
            "; the database file is busy (is the app open?), so freed space may still hold \
             their data until the next erasure or backup",
        );
    }
    print_out(&text)
}

pub(super) fn training(data_dir: &Path, command: TrainingCommand) -> Result<(), ApiError> {
    let (_, today) = stamp();
    match command {
        TrainingCommand::List { client, format } => {
            let ws = Workspace::open(data_dir)?;
            let rows = ws.training_list(client, today)?;
            let text = match format {
                ListFormat::Json => serde_json::to_string_pretty(&rows)
                    .map_err(|e| ApiError::io(format!("Could not encode the list: {e}")))?,
                ListFormat::Table if rows.is_empty() => {
                    "No training to show: add people and courses first.".to_owned()
                }
                ListFormat::Table => {
                    let day = |d: Option<NaiveDate>| d.map_or_else(String::new, |d| d.to_string());
                    let mut t = Table::new(&["PERSON", "EMAIL", "COURSE", "STATUS", "LAST", "DUE"]);
                    for r in &rows {
                        t.row(vec![
                            r.person.clone(),
                            r.email.clone(),
                            r.course.clone(),
                            r.status_label.clone(),
                            day(r.last_completed),
                            day(r.due_on),
                        ]);
                    }
                    t.render()
                }
            };
            print_out(&text)
        }
        TrainingCommand::Attestation {
            client,
            from,
            to,
            out,
        } => super::register_export::attestation(data_dir, client, from, to, &out),
        TrainingCommand::SignSheet {
            client,
            assessment,
            out,
        } => super::register_export::sign_sheet(data_dir, client, assessment, &out),
        TrainingCommand::Record {
            client,
            person,
            course,
            date,
            evidence,
        } => {
            let _lock = WorkspaceLock::acquire(data_dir)?;
            let mut ws = Workspace::open(data_dir)?;
            let p = ws.person_by_email(client, &person)?;
            let c = ws.course_by_name(client, &course)?;
            ws.record_completion(p.id, c.id, date, &evidence, today)?;
            print_out(&format!("recorded {} for {} on {date}", c.name, p.name))
        }
    }
}
