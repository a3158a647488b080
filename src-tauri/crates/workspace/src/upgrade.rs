//! Carrying assessments answered against an earlier question bank to the current one, through
//! the bank's explicit mapping: kept, changed and split answers marked for review, merged ones
//! combined, retired ones kept aside. Nothing is dropped.

use super::{Result, Workspace};
use trustgap_domain::catalog::upgrade;

impl Workspace {
    /// Moves every assessment answered against another bank version to this one; returns how
    /// many were moved. Each assessment moves in its own transaction.
    pub(crate) fn upgrade_assessments(&mut self) -> Result<usize> {
        let stale = self
            .store
            .assessments_on_other_banks(&self.catalog.version)?;
        for (id, version) in &stale {
            self.upgrade_one(*id, version)?;
        }
        Ok(stale.len())
    }

    fn upgrade_one(&mut self, id: i64, version: &str) -> Result<()> {
        let old = self.store.responses(id)?;
        let carried = upgrade(self.catalog, version, &old);
        self.store.apply_bank_upgrade(
            id,
            &self.catalog.version,
            &carried.responses,
            &carried.retired,
        )?;
        Ok(())
    }
}
