//! Managing assessments and clients: details, archive, trash and restore, re-assessments.

use super::{AssessmentSummary, Result, UpdateDetailsInput, Workspace};
use trustgap_domain::assessment::Scope;
use trustgap_domain::catalog::scoping_notes;
use trustgap_store::Client;

impl Workspace {
    pub fn update_details(&mut self, input: &UpdateDetailsInput) -> Result<AssessmentSummary> {
        let scoping = scoping_notes(self.catalog, &input.scoping_yes)?;
        self.store.update_details(
            input.id,
            &input.name,
            &input.company,
            &Scope::new(&input.scope),
            &scoping,
        )?;
        Ok(self.detail(input.id)?.summary)
    }

    pub fn set_archived(&mut self, id: i64, archived: bool) -> Result<AssessmentSummary> {
        self.store.set_archived(id, archived)?;
        Ok(self.detail(id)?.summary)
    }

    /// Moves an assessment to the trash or restores it from there.
    pub fn set_trashed(&mut self, id: i64, trashed: bool) -> Result<AssessmentSummary> {
        self.store.set_trashed(id, trashed)?;
        Ok(self.detail(id)?.summary)
    }

    /// Deletes an assessment in the trash for good.
    pub fn purge(&mut self, id: i64) -> Result<()> {
        Ok(self.store.purge(id)?)
    }

    /// Starts a re-assessment from `id`: answers carried over and marked for review.
    pub fn reassess(&mut self, id: i64, name: &str) -> Result<AssessmentSummary> {
        let copy = self.store.duplicate(id, name)?;
        Ok(self.detail(copy)?.summary)
    }

    pub fn rename_client(&mut self, id: i64, name: &str) -> Result<Client> {
        Ok(self.store.rename_client(id, name)?)
    }

    pub fn delete_client(&mut self, id: i64) -> Result<()> {
        Ok(self.store.delete_client(id)?)
    }
}
