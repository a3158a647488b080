//! `trustgap plan` and `trustgap people`: the remediation plan as data, and a client's people.

use super::run::{print_out, stamp};
use super::table::Table;
use super::ListFormat;
use chrono::NaiveDate;
use clap::Subcommand;
use std::path::Path;
use trustgap_domain::people::{DateRange, Person, PersonInput, DEFAULT_SHARE};
use trustgap_workspace::{ApiError, Workspace, WorkspaceLock};

#[derive(Debug, Subcommand)]
pub enum PeopleCommand {
    /// List a client's people: name, role, email, share of time for compliance work.
    List {
        #[arg(long, value_name = "ID")]
        client: i64,
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Add a person to a client.
    Add {
        #[arg(long, value_name = "ID")]
        client: i64,
        #[arg(long)]
        name: String,
        /// Role or title, e.g. "CTO" (a role of the question bank makes them its owner).
        #[arg(long, default_value = "")]
        role: String,
        #[arg(long, default_value = "")]
        email: String,
        /// Percent of their working time for compliance work (1 to 100).
        #[arg(long, default_value_t = DEFAULT_SHARE)]
        share: u8,
        /// Days they do not work, as FROM..TO (YYYY-MM-DD); repeat for several periods.
        #[arg(long = "days-off", value_name = "FROM..TO", value_parser = parse_range)]
        days_off: Vec<DateRange>,
    },
    /// Change a person; only the options given change.
    Edit {
        #[arg(long, value_name = "ID")]
        client: i64,
        /// The person's id or name.
        #[arg(long, value_name = "ID|NAME")]
        person: String,
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        role: Option<String>,
        #[arg(long)]
        email: Option<String>,
        #[arg(long)]
        share: Option<u8>,
        /// Replaces their days off (FROM..TO, repeatable).
        #[arg(long = "days-off", value_name = "FROM..TO", value_parser = parse_range)]
        days_off: Option<Vec<DateRange>>,
    },
    /// Remove a person; what they owned goes to their role, as a role nobody holds yet.
    Remove {
        #[arg(long, value_name = "ID")]
        client: i64,
        #[arg(long, value_name = "ID|NAME")]
        person: String,
    },
    /// Import a roster from the HR system's export (CSV or Excel). Columns are matched to the
    /// fields by their headers; `--map "Work Email=email"` chooses one (fields: name, email,
    /// role, team, kind, start_date, end_date, access_removed_on, ignore). Every row is
    /// checked; if one is wrong, every bad row is listed and nothing is imported.
    Import {
        #[arg(long, value_name = "ID")]
        client: i64,
        /// The roster: FILE.csv or FILE.xlsx.
        file: std::path::PathBuf,
        #[arg(long = "map", value_name = "COLUMN=FIELD")]
        map: Vec<String>,
    },
    /// Erase a person (personal data): their training records and acknowledgements removed,
    /// their name taken out of the workspace's file, only the count of erasures kept.
    Erase {
        #[arg(long, value_name = "ID")]
        client: i64,
        /// The person's email address.
        #[arg(long, value_name = "EMAIL")]
        person: String,
    },
    /// Write the roster-and-training workbook (Excel): people, training per course,
    /// acknowledgements of the policies in force and the register's gaps, as of today.
    Export {
        #[arg(long, value_name = "ID")]
        client: i64,
        /// The workbook to write, FILE.xlsx (replaced atomically if it exists).
        #[arg(long, value_name = "FILE")]
        out: std::path::PathBuf,
    },
}

fn parse_range(s: &str) -> Result<DateRange, String> {
    let (from, to) = s.split_once("..").ok_or_else(|| {
        format!("'{s}' is not a period: write FROM..TO, e.g. 2027-12-20..2027-12-31")
    })?;
    let day = |d: &str| {
        NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d")
            .map_err(|_| format!("'{d}' is not a date (YYYY-MM-DD)"))
    };
    Ok(DateRange {
        from: day(from)?,
        to: day(to)?,
    })
}

fn find(people: &[Person], key: &str) -> Result<Person, ApiError> {
    people
        .iter()
        .find(|p| p.id.to_string() == key || p.name.eq_ignore_ascii_case(key.trim()))
        .cloned()
        .ok_or_else(|| ApiError::not_found(format!("Nobody called {key} works at this client.")))
}

pub(super) fn people(data_dir: &Path, command: PeopleCommand) -> Result<(), ApiError> {
    match &command {
        PeopleCommand::Import { client, file, map } => {
            return super::register::import(data_dir, *client, file, map)
        }
        PeopleCommand::Erase { client, person } => {
            return super::register::erase(data_dir, *client, person)
        }
        PeopleCommand::Export { client, out } => {
            return super::register_export::workbook(data_dir, *client, out)
        }
        _ => {}
    }
    if let PeopleCommand::List { client, format } = command {
        let ws = Workspace::open(data_dir)?;
        let people = ws.people(client)?;
        let text = match format {
            ListFormat::Json => serde_json::to_string_pretty(&people)
                .map_err(|e| ApiError::io(format!("Could not encode the list: {e}")))?,
            ListFormat::Table if people.is_empty() => {
                "No people yet: add them with `trustgap people add`.".to_owned()
            }
            ListFormat::Table => {
                let mut t = Table::new(&["ID", "NAME", "ROLE", "EMAIL", "SHARE", "DAYS OFF"]);
                for p in &people {
                    t.row(vec![
                        p.id.to_string(),
                        p.name.clone(),
                        p.role.clone(),
                        p.email.clone(),
                        format!("{}%", p.share),
                        p.days_off.len().to_string(),
                    ]);
                }
                t.render()
            }
        };
        return print_out(&text);
    }
    let _lock = WorkspaceLock::acquire(data_dir)?;
    let mut ws = Workspace::open(data_dir)?;
    match command {
        PeopleCommand::List { .. }
        | PeopleCommand::Import { .. }
        | PeopleCommand::Erase { .. }
        | PeopleCommand::Export { .. } => Ok(()),
        PeopleCommand::Add {
            client,
            name,
            role,
            email,
            share,
            days_off,
        } => {
            let p = ws.add_person(
                client,
                &PersonInput {
                    name,
                    role,
                    email,
                    share,
                    days_off,
                    ..Default::default()
                },
            )?;
            print_out(&format!("added {} (id {})", p.name, p.id))
        }
        PeopleCommand::Edit {
            client,
            person,
            name,
            role,
            email,
            share,
            days_off,
        } => {
            let p = find(&ws.people(client)?, &person)?;
            let changed = ws.update_person(
                p.id,
                &PersonInput {
                    name: name.unwrap_or(p.name),
                    role: role.unwrap_or(p.role),
                    email: email.unwrap_or(p.email),
                    share: share.unwrap_or(p.share),
                    days_off: days_off.unwrap_or(p.days_off),
                    kind: p.kind,
                    team: p.team,
                    start_date: p.start_date,
                    end_date: p.end_date,
                    access_removed_on: p.access_removed_on,
                },
            )?;
            print_out(&format!("changed {} (id {})", changed.name, changed.id))
        }
        PeopleCommand::Remove { client, person } => {
            let p = find(&ws.people(client)?, &person)?;
            ws.remove_person(p.id)?;
            print_out(&format!("removed {}", p.name))
        }
    }
}

/// The plan as JSON (every field) or as a table of actions.
pub(super) fn plan(data_dir: &Path, assessment: i64, format: ListFormat) -> Result<(), ApiError> {
    let ws = Workspace::open(data_dir)?;
    let (_, today) = stamp();
    let plan = ws.plan(assessment, today)?;
    let text = match format {
        ListFormat::Json => serde_json::to_string_pretty(&plan)
            .map_err(|e| ApiError::io(format!("Could not encode the plan: {e}")))?,
        ListFormat::Table => {
            let mut t = Table::new(&["PRIORITY", "ACTION", "OWNER", "START", "DUE", "AFTER"]);
            for a in &plan.actions {
                t.row(vec![
                    a.priority.label().to_owned(),
                    a.key.clone(),
                    a.owner_name.clone(),
                    a.start.to_string(),
                    a.due.to_string(),
                    a.depends_on.join(" "),
                ]);
            }
            let fit = match &plan.fit {
                trustgap_domain::plan::Fit::NoTargetDate => "No audit date set.".to_owned(),
                trustgap_domain::plan::Fit::Fits {
                    deadline,
                    spare_days,
                } => format!("Fits: deadline {deadline}, {spare_days} days to spare."),
                trustgap_domain::plan::Fit::Late {
                    deadline,
                    late_days,
                    remedies,
                    ..
                } => format!(
                    "Late: {late_days} days after the deadline {deadline}.\n{}",
                    remedies.join("\n")
                ),
            };
            format!("{}\n{fit}", t.render())
        }
    };
    print_out(&text)
}
