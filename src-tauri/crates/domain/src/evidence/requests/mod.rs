//! The request list ("provided by client"): the items an auditor asks for, each with an owner,
//! a due date, a status and the files provided.
//!
//! Items come from the bank (each in-scope criterion's typical requests, and each in-scope
//! control's evidence) and from the auditor's own list, imported. Generated items are computed
//! afresh from the scope and the answers; only what a person set on them (owner, due date,
//! status) is stored, keyed by the item's reference, so a scope change never loses that.

mod change;
pub mod import;

pub use change::ItemStateChange;

use crate::assessment::Scope;
use crate::catalog::Catalog;
use crate::error::{DomainError, Result};
use crate::evidence_requests::{EvidenceRequest, RequestStatus};
use crate::limits;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::HashMap;

/// Where an item stands with the auditor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    Requested,
    /// Files handed over; the auditor has not accepted them yet.
    Provided,
    Accepted,
    /// Does not apply, with the reason recorded.
    NotApplicable,
}

impl ItemStatus {
    pub const ALL: [ItemStatus; 4] = [
        ItemStatus::Requested,
        ItemStatus::Provided,
        ItemStatus::Accepted,
        ItemStatus::NotApplicable,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ItemStatus::Requested => "requested",
            ItemStatus::Provided => "provided",
            ItemStatus::Accepted => "accepted",
            ItemStatus::NotApplicable => "not_applicable",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ItemStatus::Requested => "Requested",
            ItemStatus::Provided => "Provided",
            ItemStatus::Accepted => "Accepted by auditor",
            ItemStatus::NotApplicable => "Not applicable",
        }
    }

    pub fn parse(text: &str) -> Option<ItemStatus> {
        let t = text.trim().replace([' ', '-'], "_");
        ItemStatus::ALL.into_iter().find(|s| {
            t.eq_ignore_ascii_case(s.code()) || text.trim().eq_ignore_ascii_case(s.label())
        })
    }
}

/// Where an item came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ItemSource {
    /// A criterion's typical request, from the bank.
    Criterion,
    /// The evidence of one control (a question of the bank).
    Control,
    /// The auditor's own list, imported.
    Auditor,
}

/// An item the auditor's list brought in, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct AuditorItem {
    pub reference: String,
    pub title: String,
    pub detail: String,
    /// The criteria it was mapped to (confirmed by the person importing).
    pub criteria: Vec<String>,
}

/// What a person set on an item (any source), as stored by reference.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ItemState {
    pub owner: Option<String>,
    pub due: Option<NaiveDate>,
    pub status: Option<ItemStatus>,
    /// Why the item does not apply (required with [`ItemStatus::NotApplicable`]).
    pub reason: Option<String>,
}

impl ItemState {
    /// Checks the state a person entered: an owner is one line, a reason goes with "not
    /// applicable" and only with it, a due date is plausible.
    pub fn check(&self) -> Result<()> {
        if let Some(o) = &self.owner {
            limits::name("An item's owner", o)?;
        }
        if let Some(d) = self.due {
            limits::plausible_date("The due date", d)?;
        }
        let reason = self.reason.as_deref().map(str::trim).unwrap_or("");
        limits::note("The reason", reason)?;
        match self.status {
            Some(ItemStatus::NotApplicable) if reason.is_empty() => Err(DomainError::invalid(
                "Say why the item does not apply: an auditor asks for the reason.",
            )),
            Some(ItemStatus::NotApplicable) => Ok(()),
            _ if !reason.is_empty() => Err(DomainError::invalid(
                "A reason is recorded only for an item that does not apply.",
            )),
            _ => Ok(()),
        }
    }
}

/// One item of the request list, as shown and exported.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct RequestItem {
    /// Stable reference: `CC6.1/1` (a criterion's request), `ACC-001` (a control), or the
    /// auditor's own.
    pub reference: String,
    pub source: ItemSource,
    pub title: String,
    pub detail: String,
    pub criteria: Vec<String>,
    pub question_id: Option<String>,
    pub owner: Option<String>,
    pub due: Option<NaiveDate>,
    pub status: ItemStatus,
    pub reason: Option<String>,
    /// Files of evidence attached to the item (directly, or to its control).
    pub files: u32,
}

/// The generated items for `scope`: each in-scope criterion's bank requests, then one item per
/// in-scope control from the evidence requests (its detail says what to hand over, or for a
/// control answered "not applicable", which starts as such, the reason the auditor checks).
pub fn generated(
    catalog: &Catalog,
    scope: &Scope,
    controls: &[EvidenceRequest],
    owner_of: &dyn Fn(&EvidenceRequest) -> Option<String>,
) -> Vec<RequestItem> {
    let mut items = Vec::new();
    for c in catalog
        .criteria
        .iter()
        .filter(|c| scope.categories().contains(&c.category))
    {
        for (i, text) in c.requests.iter().enumerate() {
            items.push(RequestItem {
                reference: format!("{}/{}", c.id, i + 1),
                source: ItemSource::Criterion,
                title: text.clone(),
                detail: format!("{} — {}", c.id, c.topic),
                criteria: vec![c.id.clone()],
                question_id: None,
                owner: None,
                due: None,
                status: ItemStatus::Requested,
                reason: None,
                files: 0,
            });
        }
    }
    for r in controls {
        let na = r.status == RequestStatus::NotApplicable;
        items.push(RequestItem {
            reference: r.question_id.clone(),
            source: ItemSource::Control,
            title: r.question.clone(),
            detail: if r.items.is_empty() {
                r.ask.clone()
            } else {
                format!("{} ({})", r.ask, r.items.join("; "))
            },
            criteria: r.criteria.clone(),
            question_id: Some(r.question_id.clone()),
            owner: owner_of(r),
            due: None,
            status: if na {
                ItemStatus::NotApplicable
            } else {
                ItemStatus::Requested
            },
            reason: None,
            files: 0,
        });
    }
    items
}

/// The whole list: generated items, then the auditor's, each with what a person set on it and
/// its count of files. An item with files and no status set reads as provided.
pub fn merge(
    mut items: Vec<RequestItem>,
    auditor: &[AuditorItem],
    states: &HashMap<String, ItemState>,
    files: &HashMap<String, u32>,
) -> Vec<RequestItem> {
    items.extend(auditor.iter().map(|a| RequestItem {
        reference: a.reference.clone(),
        source: ItemSource::Auditor,
        title: a.title.clone(),
        detail: a.detail.clone(),
        criteria: a.criteria.clone(),
        question_id: None,
        owner: None,
        due: None,
        status: ItemStatus::Requested,
        reason: None,
        files: 0,
    }));
    for item in &mut items {
        item.files = files.get(&item.reference).copied().unwrap_or(0);
        if item.files > 0 && item.status == ItemStatus::Requested {
            item.status = ItemStatus::Provided;
        }
        if let Some(s) = states.get(&item.reference) {
            item.apply_state(s);
        }
    }
    items
}

impl RequestItem {
    /// What a person set on the item, over what it shows by itself (its files counted first).
    pub fn apply_state(&mut self, s: &ItemState) {
        if s.owner.is_some() {
            self.owner.clone_from(&s.owner);
        }
        self.due = s.due.or(self.due);
        if let Some(status) = s.status {
            self.status = status;
            self.reason.clone_from(&s.reason);
        }
    }
}

#[cfg(test)]
mod tests;
