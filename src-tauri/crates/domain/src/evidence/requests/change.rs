//! A change to an item's state that names only the fields it changes (the command line's
//! `requests set`), as against the whole state the app sends.

use super::{ItemState, ItemStatus};
use chrono::NaiveDate;

/// What to change on an item: a field left `None` keeps its value, `Some(None)` clears it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ItemStateChange {
    pub owner: Option<Option<String>>,
    pub due: Option<Option<NaiveDate>>,
    pub status: Option<Option<ItemStatus>>,
    pub reason: Option<Option<String>>,
}

impl ItemStateChange {
    /// `current` with the change made. A kept reason goes once the status is no longer "not
    /// applicable": it belongs to that status, and kept it would refuse the change.
    pub fn applied_to(self, current: ItemState) -> ItemState {
        let status = self.status.unwrap_or(current.status);
        let reason = match self.reason {
            Some(reason) => reason,
            None if status == Some(ItemStatus::NotApplicable) => current.reason,
            None => None,
        };
        ItemState {
            owner: self.owner.unwrap_or(current.owner),
            due: self.due.unwrap_or(current.due),
            status,
            reason,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn current() -> ItemState {
        ItemState {
            owner: Some("Dana".into()),
            due: NaiveDate::from_ymd_opt(2025, 3, 31),
            status: Some(ItemStatus::NotApplicable),
            reason: Some("No office.".into()),
        }
    }

    #[test]
    fn fields_left_out_are_kept_and_empty_ones_cleared() {
        assert_eq!(ItemStateChange::default().applied_to(current()), current());
        let cleared = ItemStateChange {
            owner: Some(None),
            due: Some(None),
            ..ItemStateChange::default()
        }
        .applied_to(current());
        assert_eq!(cleared.owner, None);
        assert_eq!(cleared.due, None);
        assert_eq!(cleared.reason, current().reason, "still not applicable");
    }

    #[test]
    fn the_reason_goes_with_not_applicable() {
        let accepted = ItemStateChange {
            status: Some(Some(ItemStatus::Accepted)),
            ..ItemStateChange::default()
        }
        .applied_to(current());
        assert_eq!(accepted.reason, None);
        assert_eq!(accepted.check(), Ok(()));
        let stray = ItemStateChange {
            reason: Some(Some("x".into())),
            ..ItemStateChange::default()
        }
        .applied_to(ItemState::default());
        assert!(stray.check().is_err(), "a reason needs not applicable");
    }
}
