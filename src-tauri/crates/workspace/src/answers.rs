//! Saving an answer: checked against the bank, the scope and the client's people, saved with
//! its history, and everything on screen it changed returned.

use super::{AnswerSaved, ApiError, Result, SaveAnswerInput, Workspace};
use trustgap_domain::assessment::{Answer, Response};
use trustgap_domain::people::Owner;
use trustgap_store::AssessmentRecord;

impl Workspace {
    pub fn save_answer(&mut self, input: &SaveAnswerInput) -> Result<AnswerSaved> {
        let record = self.store.assessment(input.assessment_id)?;
        let question = self.catalog.question(&input.question_id).ok_or_else(|| {
            ApiError::not_found(format!(
                "Question {} is not in the question bank.",
                input.question_id
            ))
        })?;
        if !question
            .categories
            .iter()
            .any(|c| record.scope.categories().contains(c))
        {
            return Err(ApiError::validation(format!(
                "Question {} is outside this assessment's scope.",
                question.id
            )));
        }
        if input.answer == Some(Answer::NotApplicable) && input.note.trim().is_empty() {
            return Err(ApiError::validation(
                "Say why this does not apply: a not-applicable answer needs a justification in its note.",
            ));
        }
        self.check_owner(record.client_id, input.owner.as_ref())?;
        let response = self.store.save_response(
            record.id,
            &Response {
                question_id: question.id.clone(),
                answer: input.answer,
                note: input.note.clone(),
                flagged: input.flagged,
                owner: input.owner.clone(),
                evidence: input.evidence.clone(),
                since: input.since,
                cadence: input.cadence,
                verified: input.verified,
                ..Response::default()
            },
            &record.company.assessor,
        )?;
        let responses = self.store.responses(record.id)?;
        // The save moved exactly these two fields of the assessment: no need to read it again.
        let record = AssessmentRecord {
            updated_at: response.updated_at.clone(),
            last_question: Some(response.question_id.clone()),
            ..record
        };
        let (summary, scorecard) = self.summarise(record, &responses);
        Ok(AnswerSaved {
            response,
            summary,
            scorecard,
        })
    }

    /// A person owner must be one of the client's people.
    pub(crate) fn check_owner(&self, client_id: i64, owner: Option<&Owner>) -> Result<()> {
        if let Some(Owner::Person { id }) = owner {
            let person = self.store.person(*id)?;
            if person.client_id != client_id {
                return Err(ApiError::validation(format!(
                    "{} is not one of this client's people.",
                    person.name
                )));
            }
        }
        Ok(())
    }
}
