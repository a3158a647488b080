//! The request list's use cases: the list as it stands (generated items, the auditor's, what
//! was set on each, the files provided), setting an item's owner, due date and status, and
//! importing an auditor's list (CSV or Excel; previewed, then all or nothing).

use crate::error::ApiError;
use crate::import_answers::read::{read_csv_with, read_first_sheet, Cell, Table};
use crate::{Result, Workspace};
use serde::Serialize;
use specta::Type;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use trustgap_domain::assessment::Scope;
use trustgap_domain::evidence::requests::import::{
    check_items, map_columns, ItemProblem, PreviewItem, RawItem, RequestField, MAX_ITEMS,
};
use trustgap_domain::evidence::requests::{generated, merge, ItemState, RequestItem};
use trustgap_domain::evidence::Attachment;
use trustgap_domain::evidence_requests::{evidence_requests, EvidenceRequest};

/// Largest request-list file accepted, checked before it is read.
pub const MAX_REQUEST_LIST_BYTES: u64 = 10 * 1024 * 1024;

/// What importing a request list would do.
#[derive(Debug, Clone, Serialize, Type)]
pub struct RequestImportPreview {
    /// Each column's header and the field it fills.
    pub columns: Vec<(String, RequestField)>,
    pub items: Vec<PreviewItem>,
    /// The rows that cannot be imported; the file is refused while there is one.
    pub problems: Vec<ItemProblem>,
}

impl Workspace {
    /// The controls' evidence requests of assessment `id` (the request list's source).
    pub(super) fn control_requests(
        &self,
        id: i64,
    ) -> Result<(
        Scope,
        Vec<EvidenceRequest>,
        Vec<trustgap_domain::people::Person>,
    )> {
        let detail = self.detail(id)?;
        let summary = &detail.summary;
        let scope = Scope::new(&summary.scope);
        let requests = evidence_requests(self.catalog, &scope, &detail.responses, &summary.profile);
        let people = self.store.people(summary.client_id)?;
        Ok((scope, requests, people))
    }

    /// The whole request list of assessment `id`.
    pub fn request_list(&self, id: i64) -> Result<Vec<RequestItem>> {
        let (scope, controls, people) = self.control_requests(id)?;
        let owner_of = |r: &EvidenceRequest| r.owner.as_ref().map(|o| o.display(&people));
        let items = generated(self.catalog, &scope, &controls, &owner_of);
        let mut files: HashMap<String, u32> = HashMap::new();
        for f in self.store.evidence_files(id, false)? {
            let mut counted = HashSet::new();
            for a in &f.attached {
                let reference = match a {
                    Attachment::Request(r) | Attachment::Question(r) => r.clone(),
                    Attachment::Criterion(_) | Attachment::Action(_) => continue,
                };
                if counted.insert(reference.clone()) {
                    *files.entry(reference).or_default() += 1;
                }
            }
        }
        Ok(merge(
            items,
            &self.store.auditor_items(id)?,
            &self.store.request_states(id)?,
            &files,
        ))
    }

    /// Every reference on the list, lowercased (references are unique ignoring case).
    pub(crate) fn request_references(&self, id: i64) -> Result<HashSet<String>> {
        Ok(self
            .request_list(id)?
            .into_iter()
            .map(|i| i.reference.to_lowercase())
            .collect())
    }

    /// Sets an item's owner, due date and status (the whole state; empty fields clear).
    pub fn set_request_state(
        &mut self,
        id: i64,
        reference: &str,
        state: ItemState,
    ) -> Result<RequestItem> {
        state.check()?;
        let list = self.request_list(id)?;
        let Some(item) = list
            .iter()
            .find(|i| i.reference.eq_ignore_ascii_case(reference.trim()))
        else {
            return Err(ApiError::not_found(format!(
                "The request list has no item {reference}."
            )));
        };
        let reference = item.reference.clone();
        let state = ItemState {
            owner: state
                .owner
                .map(|o| o.trim().to_owned())
                .filter(|o| !o.is_empty()),
            reason: state
                .reason
                .map(|r| r.trim().to_owned())
                .filter(|r| !r.is_empty()),
            ..state
        };
        self.store.set_request_state(id, &reference, &state)?;
        self.request_list(id)?
            .into_iter()
            .find(|i| i.reference == reference)
            .ok_or_else(|| {
                ApiError::not_found(format!("The request list has no item {reference}."))
            })
    }

    /// Reads and checks an auditor's list without changing anything.
    pub fn preview_request_import(
        &self,
        id: i64,
        file_name: &str,
        bytes: &[u8],
        overrides: &[(String, RequestField)],
    ) -> Result<RequestImportPreview> {
        let table = read_list(file_name, bytes)?;
        let fields = map_columns(&table.header, overrides)?;
        let rows: Vec<RawItem> = table
            .rows
            .iter()
            .map(|r| RawItem {
                number: r.number,
                cells: r
                    .cells
                    .iter()
                    .map(|c| match c {
                        Cell::Text(t) => Some(t.clone()),
                        Cell::Formula | Cell::Error => None,
                    })
                    .collect(),
            })
            .collect();
        let (items, problems) =
            check_items(self.catalog, &fields, &rows, &self.request_references(id)?);
        Ok(RequestImportPreview {
            columns: table.header.iter().cloned().zip(fields).collect(),
            items,
            problems,
        })
    }

    /// Adds an auditor's list, all or none: any bad row refuses the file, listing every one.
    /// The criteria shown in the preview (named or suggested) are the ones imported.
    pub fn import_requests(
        &mut self,
        id: i64,
        file_name: &str,
        bytes: &[u8],
        overrides: &[(String, RequestField)],
    ) -> Result<usize> {
        let preview = self.preview_request_import(id, file_name, bytes, overrides)?;
        if !preview.problems.is_empty() {
            let mut out = format!(
                "{} row(s) cannot be imported; nothing was changed.",
                preview.problems.len()
            );
            for p in &preview.problems {
                out.push_str(&format!("\nRow {}: {}", p.row, p.problems.join(" ")));
            }
            return Err(ApiError::validation(out));
        }
        if preview.items.is_empty() {
            return Err(ApiError::validation(
                "That request list has no items in it.",
            ));
        }
        let items: Vec<_> = preview.items.into_iter().map(|p| p.item).collect();
        self.store.add_auditor_items(id, &items)?;
        Ok(items.len())
    }
}

fn too_many_rows() -> ApiError {
    ApiError::validation(format!(
        "That request list has more than {MAX_ITEMS} rows; split it into several files."
    ))
}

/// Reads a request list from disk, its size checked before it is read.
pub fn read_request_file(path: &Path) -> Result<(String, Vec<u8>)> {
    crate::files::read_for_import(path, MAX_REQUEST_LIST_BYTES, "a request list")
}

/// A request list's rows by the file's extension (`.csv` or `.xlsx`).
fn read_list(file_name: &str, bytes: &[u8]) -> Result<Table> {
    crate::files::check_import_size(bytes.len() as u64, MAX_REQUEST_LIST_BYTES, "a request list")?;
    let ext = Path::new(file_name)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let max = MAX_ITEMS as u32;
    match ext.as_str() {
        "xlsx" => read_first_sheet(bytes.to_vec(), max, too_many_rows),
        "csv" if bytes.contains(&0) => Err(ApiError::validation(
            "That file is not a CSV text file (it holds binary data). Save the request list \
             again as CSV or as an Excel workbook.",
        )),
        "csv" => read_csv_with(bytes, max, too_many_rows),
        _ => Err(ApiError::validation(
            "Choose the request list as a CSV file (.csv) or an Excel workbook (.xlsx).",
        )),
    }
}
