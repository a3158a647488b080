//! Listing, creating and opening assessments: the workspace overview, an assessment's detail,
//! and the summary every list shows.

use super::{AssessmentDetail, AssessmentSummary, NewAssessmentInput, Overview, Result, Workspace};
use trustgap_domain::assessment::{Response, Scope};
use trustgap_domain::catalog::scoping_notes;
use trustgap_domain::plan::{observation_start, validate_profile};
use trustgap_domain::scoring::{headline, score, Band, Scorecard, Tally};
use trustgap_store::{AssessmentRecord, Client, NewAssessment};

impl Workspace {
    pub fn overview(&self) -> Result<Overview> {
        // One query for every answer, and headline scores only: a workspace may hold hundreds
        // of assessments.
        let marks = self.store.answer_marks()?;
        let summaries = |records: Vec<AssessmentRecord>| -> Vec<AssessmentSummary> {
            records
                .into_iter()
                .map(|a| {
                    let m = marks.get(&a.id).map_or(&[][..], Vec::as_slice);
                    let head = headline(
                        self.catalog,
                        &a.scope,
                        observation_start(&a.profile),
                        m.iter()
                            .map(|r| (r.question_id.as_str(), r.answer, r.since)),
                    );
                    let review = m.iter().filter(|r| r.needs_review).count();
                    let flagged = m.iter().filter(|r| r.flagged).count();
                    summary_of(a, &head.overall, head.band, review, flagged)
                })
                .collect()
        };
        Ok(Overview {
            clients: self.store.clients()?,
            assessments: summaries(self.store.assessments()?),
            trash: summaries(self.store.trash()?),
        })
    }

    pub fn create_client(&mut self, name: &str) -> Result<Client> {
        Ok(self.store.create_client(name)?)
    }

    /// Creates an assessment, and its client with it when `new_client_name` is set: both, or
    /// neither when anything is refused.
    pub fn create_assessment(&mut self, input: &NewAssessmentInput) -> Result<AssessmentSummary> {
        validate_profile(&input.profile)?;
        let scoping = scoping_notes(self.catalog, &input.scoping_yes)?;
        let record = self.store.create_assessment(NewAssessment {
            client_id: input.client_id,
            new_client: input.new_client_name.as_deref(),
            name: &input.name,
            catalog_version: &self.catalog.version,
            scope: Scope::new(&input.scope),
            profile: input.profile.clone(),
            company: input.company.clone(),
            scoping,
        })?;
        Ok(self.summarise(record, &[]).0)
    }

    /// Loads an assessment for work and records it as the most recently opened.
    pub fn open_assessment(&mut self, id: i64) -> Result<AssessmentDetail> {
        self.store.touch_assessment(id)?;
        self.detail(id)
    }

    pub fn detail(&self, id: i64) -> Result<AssessmentDetail> {
        let record = self.store.assessment(id)?;
        let responses = self.store.responses(id)?;
        let retired = self.store.retired_answers(id)?;
        let (summary, scorecard) = self.summarise(record, &responses);
        Ok(AssessmentDetail {
            summary,
            responses,
            scorecard,
            retired,
        })
    }

    pub(crate) fn summarise(
        &self,
        a: AssessmentRecord,
        responses: &[Response],
    ) -> (AssessmentSummary, Scorecard) {
        let card = score(
            self.catalog,
            &a.scope,
            responses,
            observation_start(&a.profile),
        );
        let review = responses.iter().filter(|r| r.needs_review).count();
        let flagged = responses.iter().filter(|r| r.flagged).count();
        (
            summary_of(a, &card.overall, card.band, review, flagged),
            card,
        )
    }
}

fn summary_of(
    a: AssessmentRecord,
    overall: &Tally,
    band: Band,
    needs_review: usize,
    flagged: usize,
) -> AssessmentSummary {
    AssessmentSummary {
        id: a.id,
        client_id: a.client_id,
        client_name: a.client_name,
        name: a.name,
        catalog_version: a.catalog_version,
        scope: a.scope.categories().to_vec(),
        profile: a.profile,
        company: a.company,
        created_at: a.created_at,
        updated_at: a.updated_at,
        opened_at: a.opened_at,
        archived_at: a.archived_at,
        deleted_at: a.deleted_at,
        based_on: a.based_on,
        last_question: a.last_question,
        scoping: a.scoping,
        needs_review: needs_review as u32,
        flagged: flagged as u32,
        answered: overall.answered,
        questions: overall.questions,
        readiness: overall.score,
        band,
    }
}
