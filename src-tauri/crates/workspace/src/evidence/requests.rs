//! The request list's use cases: the list as it stands (generated items, the auditor's, what
//! was set on each, the files provided), setting an item's owner, due date and status (the whole
//! state, or only the fields named), and importing an auditor's list (CSV or Excel; previewed,
//! then all or nothing).

use crate::error::ApiError;
use crate::import_answers::read::Cell;
use crate::import_answers::table_file::{read_table, TableFile};
use crate::{AssessmentDetail, Result, Workspace};
use serde::Serialize;
use specta::Type;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use trustgap_domain::assessment::Scope;
use trustgap_domain::evidence::requests::import::{
    check_items, map_columns, ItemProblem, PreviewItem, RawItem, RequestField, MAX_ITEMS,
};
use trustgap_domain::evidence::requests::{
    generated, merge, ItemState, ItemStateChange, RequestItem,
};
use trustgap_domain::evidence::{Attachment, EvidenceFile};
use trustgap_domain::evidence_requests::{evidence_requests, EvidenceRequest};
use trustgap_domain::people::Person;

/// Largest request-list file accepted, checked before it is read.
pub const MAX_REQUEST_LIST_BYTES: u64 = 10 * 1024 * 1024;

/// An auditor's list is saved from a spreadsheet, hence "Save" in its messages.
const REQUEST_LIST: TableFile = TableFile {
    noun: "request list",
    max_bytes: MAX_REQUEST_LIST_BYTES,
    max_rows: MAX_ITEMS as u32,
    remake: "Save",
};

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
    /// The controls' evidence requests of a loaded assessment (the request list's source), with
    /// its scope and the client's people (who own them).
    pub(super) fn control_requests(
        &self,
        detail: &AssessmentDetail,
    ) -> Result<(Scope, Vec<EvidenceRequest>, Vec<Person>)> {
        let summary = &detail.summary;
        let scope = Scope::new(&summary.scope);
        let requests = evidence_requests(self.catalog, &scope, &detail.responses, &summary.profile);
        let people = self.store.people(summary.client_id)?;
        Ok((scope, requests, people))
    }

    /// The request list from what the caller has loaded: the assessment's detail, its files
    /// (not the trash) and the states set on its items. Neither files nor states change a
    /// reference, so empty ones give the items as they are before anything is set.
    pub(super) fn build_request_list(
        &self,
        detail: &AssessmentDetail,
        files: &[EvidenceFile],
        states: &HashMap<String, ItemState>,
    ) -> Result<Vec<RequestItem>> {
        let (scope, controls, people) = self.control_requests(detail)?;
        let owner_of = |r: &EvidenceRequest| r.owner.as_ref().map(|o| o.display(&people));
        let items = generated(self.catalog, &scope, &controls, &owner_of);
        let auditor = self.store.auditor_items(detail.summary.id)?;
        Ok(merge(items, &auditor, states, &files_by_reference(files)))
    }

    /// The whole request list of assessment `id`.
    pub fn request_list(&self, id: i64) -> Result<Vec<RequestItem>> {
        self.build_request_list(
            &self.detail(id)?,
            &self.store.evidence_files(id, false)?,
            &self.store.request_states(id)?,
        )
    }

    /// Every reference on the list, lowercased (references are unique ignoring case).
    pub(crate) fn request_references(&self, id: i64) -> Result<HashSet<String>> {
        Ok(self
            .build_request_list(&self.detail(id)?, &[], &HashMap::new())?
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
        self.store_request_state(id, reference, |_| Ok(state))
    }

    /// Changes the fields `change` names on an item and keeps the others (the command line's
    /// `requests set`).
    pub fn change_request_state(
        &mut self,
        id: i64,
        reference: &str,
        change: ItemStateChange,
    ) -> Result<RequestItem> {
        let mut states = self.store.request_states(id)?;
        self.store_request_state(id, reference, |reference| {
            let state = change.applied_to(states.remove(reference).unwrap_or_default());
            state.check()?;
            Ok(state)
        })
    }

    /// Stores the state `state_of` gives the item `reference` names (ignoring case) and returns
    /// the item as it now reads. The list is built once, without the stored states: the item's
    /// new one is laid over it, as the list would.
    fn store_request_state(
        &mut self,
        id: i64,
        reference: &str,
        state_of: impl FnOnce(&str) -> Result<ItemState>,
    ) -> Result<RequestItem> {
        let detail = self.detail(id)?;
        let files = self.store.evidence_files(id, false)?;
        let Some(mut item) = self
            .build_request_list(&detail, &files, &HashMap::new())?
            .into_iter()
            .find(|i| i.reference.eq_ignore_ascii_case(reference.trim()))
        else {
            return Err(ApiError::not_found(format!(
                "The request list has no item {reference}."
            )));
        };
        let state = state_of(&item.reference)?;
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
        self.store.set_request_state(id, &item.reference, &state)?;
        item.apply_state(&state);
        Ok(item)
    }

    /// Reads and checks an auditor's list without changing anything.
    pub fn preview_request_import(
        &self,
        id: i64,
        file_name: &str,
        bytes: &[u8],
        overrides: &[(String, RequestField)],
    ) -> Result<RequestImportPreview> {
        let table = read_table(file_name, bytes, &REQUEST_LIST)?;
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

/// Reads a request list from disk, its size checked before it is read.
pub fn read_request_file(path: &Path) -> Result<(String, Vec<u8>)> {
    REQUEST_LIST.read_from(path)
}

/// Counts each item's files: those attached to it, or to its control (a question's id is its
/// item's reference), each file once per item.
fn files_by_reference(files: &[EvidenceFile]) -> HashMap<String, u32> {
    let mut counts: HashMap<String, u32> = HashMap::new();
    for f in files {
        let mut counted = HashSet::new();
        for a in &f.attached {
            let reference = match a {
                Attachment::Request(r) | Attachment::Question(r) => r.clone(),
                Attachment::Criterion(_) | Attachment::Action(_) => continue,
            };
            if counted.insert(reference.clone()) {
                *counts.entry(reference).or_default() += 1;
            }
        }
    }
    counts
}
