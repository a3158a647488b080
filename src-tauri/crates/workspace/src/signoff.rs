//! Document control of an assessment: its approvers, management's responses to findings and
//! the numbered versions each export of a document adds.

use super::{Result, Workspace};
use crate::error::ApiError;
use chrono::NaiveDate;
use trustgap_domain::signoff::{
    change_note, Approver, DocumentKind, DocumentVersion, ManagementResponse,
};

impl Workspace {
    pub fn approvers(&self, id: i64) -> Result<Vec<Approver>> {
        self.store.assessment(id)?;
        Ok(self.store.approvers(id)?)
    }

    /// Replaces the approvers listed on the sign-off page.
    pub fn set_approvers(&mut self, id: i64, list: &[Approver]) -> Result<Vec<Approver>> {
        self.store.set_approvers(id, list)?;
        self.approvers(id)
    }

    pub fn management_responses(&self, id: i64) -> Result<Vec<ManagementResponse>> {
        self.store.assessment(id)?;
        Ok(self.store.management_responses(id)?)
    }

    /// Records management's response to the finding of a question in the bank.
    pub fn save_management_response(
        &mut self,
        id: i64,
        response: &ManagementResponse,
    ) -> Result<ManagementResponse> {
        if self.catalog.question(&response.question_id).is_none() {
            return Err(ApiError::not_found(format!(
                "Question {} is not in the question bank.",
                response.question_id.chars().take(40).collect::<String>()
            )));
        }
        Ok(self.store.save_management_response(id, response)?)
    }

    pub fn delete_management_response(&mut self, id: i64, question_id: &str) -> Result<()> {
        self.store.assessment(id)?;
        Ok(self.store.delete_management_response(id, question_id)?)
    }

    /// The issued versions of one document of an assessment, oldest first.
    pub fn document_versions(&self, id: i64, kind: DocumentKind) -> Result<Vec<DocumentVersion>> {
        Ok(self.store.document_versions(id, kind)?)
    }

    /// Records a new version of a document being exported: numbered after the last, dated
    /// `today`, by the assessor (or the firm), with the change note typed (or the default).
    pub(crate) fn add_version(
        &mut self,
        id: i64,
        kind: DocumentKind,
        change: &str,
        today: NaiveDate,
    ) -> Result<DocumentVersion> {
        let next = self.next_version(id, kind, change, today)?;
        let change = change.to_owned();
        Ok(self
            .store
            .add_document_version(id, kind, today, &next.author, |v| {
                change_note(&change, v).unwrap_or_else(|_| next.change.clone())
            })?)
    }
}
