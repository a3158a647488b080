//! `trustgap requests`: the request list an auditor works from, from the command line.

use super::args::{parse_day, OrClear};
use super::evidence::encode;
use super::run::print_out;
use super::table::Table;
use super::ListFormat;
use chrono::NaiveDate;
use clap::Subcommand;
use std::path::{Path, PathBuf};
use trustgap_domain::evidence::requests::import::RequestField;
use trustgap_domain::evidence::requests::{ItemStateChange, ItemStatus};
use trustgap_workspace::{read_request_file, ApiError, Workspace, WorkspaceLock};

#[derive(Debug, Subcommand)]
pub enum RequestsCommand {
    /// The request list: the bank's requests for each in-scope criterion, one item per
    /// in-scope control, and the auditor's own items, with owner, due date, status and files.
    List {
        #[arg(long, value_name = "ID")]
        assessment: i64,
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Import an auditor's request list (.csv or .xlsx). Without --apply the file is only
    /// checked and previewed (items, the criteria each maps to, suggested ones marked); with
    /// --apply it is imported, all or nothing.
    Import {
        #[arg(long, value_name = "ID")]
        assessment: i64,
        /// Which column holds what, when the header does not say: COLUMN=FIELD, FIELD one of
        /// reference, request, detail, criteria, ignore.
        #[arg(long, value_name = "COLUMN=FIELD")]
        map: Vec<String>,
        #[arg(long)]
        apply: bool,
        file: PathBuf,
    },
    /// Change an item's owner, due date or status; an option left out keeps the item's current
    /// value.
    ///
    /// An empty value (--owner "", --due "", --status "", --reason "") clears that field. A
    /// cleared status is worked out again: provided once the item has files, else requested.
    /// not_applicable needs --reason; the reason goes when the status changes to another.
    Set {
        #[arg(long, value_name = "ID")]
        assessment: i64,
        #[arg(long, value_name = "RID")]
        item: String,
        /// Who gathers it ("" clears it).
        #[arg(long, value_name = "NAME")]
        owner: Option<String>,
        /// When it is due ("" clears it).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_due)]
        due: Option<OrClear<NaiveDate>>,
        /// requested, provided, accepted or not_applicable ("" clears it).
        #[arg(long, value_parser = parse_status)]
        status: Option<OrClear<ItemStatus>>,
        /// Why the item does not apply ("" clears it).
        #[arg(long, value_name = "TEXT")]
        reason: Option<String>,
    },
}

fn parse_due(s: &str) -> Result<OrClear<NaiveDate>, String> {
    OrClear::parse(s, parse_day)
}

fn parse_status(s: &str) -> Result<OrClear<ItemStatus>, String> {
    OrClear::parse(s, |s| {
        ItemStatus::parse(s).ok_or_else(|| {
            format!("'{s}' is not a status (requested, provided, accepted, not_applicable)")
        })
    })
}

/// A text option's change: empty clears the field.
fn text_change(value: Option<String>) -> Option<Option<String>> {
    value.map(|v| Some(v).filter(|v| !v.trim().is_empty()))
}

pub(super) fn requests(data_dir: &Path, command: RequestsCommand) -> Result<(), ApiError> {
    match command {
        RequestsCommand::List { assessment, format } => {
            let ws = Workspace::open(data_dir)?;
            let items = ws.request_list(assessment)?;
            let text = match format {
                ListFormat::Json => serde_json::to_string_pretty(&items).map_err(encode)?,
                ListFormat::Table => {
                    let mut t = Table::new(&[
                        "REF", "CRITERIA", "STATUS", "OWNER", "DUE", "FILES", "REQUEST",
                    ]);
                    for i in &items {
                        let title: String = i.title.chars().take(60).collect();
                        t.row(vec![
                            i.reference.clone(),
                            i.criteria.join(","),
                            i.status.label().to_owned(),
                            i.owner.clone().unwrap_or_default(),
                            i.due.map(|d| d.to_string()).unwrap_or_default(),
                            i.files.to_string(),
                            title,
                        ]);
                    }
                    t.render()
                }
            };
            print_out(&text)
        }
        RequestsCommand::Import {
            assessment,
            map,
            apply,
            file,
        } => {
            let overrides = map
                .iter()
                .map(|m| {
                    let (col, field) = m.rsplit_once('=').ok_or_else(|| {
                        ApiError::validation(format!("--map {m}: write it COLUMN=FIELD"))
                    })?;
                    let field = RequestField::parse(field).ok_or_else(|| {
                        ApiError::validation(format!(
                            "--map {m}: {field} is not a field (reference, request, detail, \
                             criteria, ignore)"
                        ))
                    })?;
                    Ok((col.to_owned(), field))
                })
                .collect::<Result<Vec<_>, ApiError>>()?;
            let (name, bytes) = read_request_file(&file)?;
            if apply {
                let _lock = WorkspaceLock::acquire(data_dir)?;
                let mut ws = Workspace::open(data_dir)?;
                let n = ws.import_requests(assessment, &name, &bytes, &overrides)?;
                return print_out(&format!(
                    "imported {n} request item(s) from {}",
                    file.display()
                ));
            }
            let ws = Workspace::open(data_dir)?;
            let p = ws.preview_request_import(assessment, &name, &bytes, &overrides)?;
            let mut t = Table::new(&["ROW", "REF", "CRITERIA", "REQUEST"]);
            for i in &p.items {
                let criteria = i.item.criteria.join(",");
                t.row(vec![
                    i.row.to_string(),
                    i.item.reference.clone(),
                    if i.suggested && !criteria.is_empty() {
                        format!("{criteria} (suggested)")
                    } else {
                        criteria
                    },
                    i.item.title.chars().take(60).collect(),
                ]);
            }
            let mut text = t.render();
            if p.problems.is_empty() {
                text.push_str(&format!(
                    "\n{} item(s) ready; run again with --apply to import them.",
                    p.items.len()
                ));
                print_out(&text)
            } else {
                print_out(&text)?;
                let mut message = format!(
                    "{} row(s) cannot be imported; fix them and check again.",
                    p.problems.len()
                );
                for pr in &p.problems {
                    message.push_str(&format!("\nRow {}: {}", pr.row, pr.problems.join(" ")));
                }
                Err(ApiError::validation(message))
            }
        }
        RequestsCommand::Set {
            assessment,
            item,
            owner,
            due,
            status,
            reason,
        } => {
            let _lock = WorkspaceLock::acquire(data_dir)?;
            let mut ws = Workspace::open(data_dir)?;
            let i = ws.change_request_state(
                assessment,
                &item,
                ItemStateChange {
                    owner: text_change(owner),
                    due: due.map(OrClear::into_option),
                    status: status.map(OrClear::into_option),
                    reason: text_change(reason),
                },
            )?;
            print_out(&format!("{}: {}", i.reference, i.status.label()))
        }
    }
}
