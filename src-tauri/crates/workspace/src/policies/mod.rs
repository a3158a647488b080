//! Policies of an assessment: the pack written from its answers, merged with what the store
//! keeps of each policy (owner, status, edits, history) and the assessment's parameters.
//!
//! Every read builds the pack afresh from the library, the bank, the answers and the plan, so
//! what a policy says follows the answers the moment they change; only the user's decisions
//! are stored.

mod change;
mod export;

pub use export::PolicyFile;

use super::{Result, Workspace};
use crate::error::ApiError;
use chrono::NaiveDate;
use std::collections::BTreeMap;
use trustgap_domain::catalog::{Catalog, CategoryId};
use trustgap_domain::people::Person;
use trustgap_domain::plan::Action;
use trustgap_domain::policy::suggest::{parameter_views, resolved, suggestions};
use trustgap_domain::policy::{
    builtin, doc_fields, generate_policy, policy_view, Contradiction, Facts, GenerateInput,
    GeneratedPolicy, PolicyLibrary, PolicyParameterView, PolicyRecord, PolicyTemplate, PolicyView,
};
use trustgap_store::AssessmentRecord;

/// Everything the pack of one assessment is written from, read once per operation.
pub(crate) struct PackSource {
    pub catalog: &'static Catalog,
    pub record: AssessmentRecord,
    pub people: Vec<Person>,
    pub actions: Vec<Action>,
    pub facts: Facts,
    pub parameters: BTreeMap<String, String>,
    pub records: BTreeMap<String, PolicyRecord>,
}

impl PackSource {
    fn library(&self) -> &'static PolicyLibrary {
        builtin()
    }

    fn scope(&self) -> &[CategoryId] {
        self.record.scope.categories()
    }

    /// The templates of the pack, in order.
    pub fn templates(&self) -> Vec<&'static PolicyTemplate> {
        let scope = self.scope().to_vec();
        builtin()
            .policies
            .iter()
            .filter(|t| trustgap_domain::policy::in_pack(t, &scope))
            .collect()
    }

    /// The template of a policy in the pack, or a not-found error naming it.
    pub fn template(&self, policy_id: &str) -> Result<&'static PolicyTemplate> {
        self.templates()
            .into_iter()
            .find(|t| t.id == policy_id)
            .ok_or_else(|| {
                ApiError::not_found(format!(
                    "There is no policy '{}' in this assessment's pack.",
                    clip(policy_id)
                ))
            })
    }

    /// The stored record of a policy, or the record of one nobody has touched.
    pub fn record_of(&self, policy_id: &str) -> PolicyRecord {
        self.records
            .get(policy_id)
            .cloned()
            .unwrap_or_else(|| PolicyRecord::new(policy_id))
    }

    /// The policy as the templates write it for `record` (its owner, version and dates).
    pub fn generate(&self, t: &PolicyTemplate, record: &PolicyRecord) -> GeneratedPolicy {
        let system = self.record.company.system_name.clone();
        let input = GenerateInput {
            library: self.library(),
            catalog: self.catalog,
            scope: self.scope(),
            facts: &self.facts,
            actions: &self.actions,
            company: &self.record.client_name,
            system: &system,
            people: &self.people,
            parameters: &self.parameters,
        };
        let doc = doc_fields(&t.owner_role, &t.approver_role, record, &self.people);
        generate_policy(&input, t, &doc)
    }

    pub fn view(&self, t: &PolicyTemplate, record: &PolicyRecord) -> PolicyView {
        let g = self.generate(t, record);
        policy_view(self.library(), &g, record, &self.people, &self.facts)
    }

    pub fn views(&self) -> Vec<PolicyView> {
        self.templates()
            .into_iter()
            .map(|t| self.view(t, &self.record_of(&t.id)))
            .collect()
    }
}

/// At most 40 characters of an id typed by someone else, for messages.
pub(crate) fn clip(id: &str) -> String {
    id.chars().take(40).collect()
}

impl Workspace {
    /// Reads what the pack of assessment `id` is written from, as of `today`.
    pub(crate) fn pack_source(&self, id: i64, today: NaiveDate) -> Result<PackSource> {
        let actions = self.plan(id, today)?.actions;
        self.pack_source_with(id, actions)
    }

    /// The same, with the plan's actions already built.
    pub(crate) fn pack_source_with(&self, id: i64, actions: Vec<Action>) -> Result<PackSource> {
        let record = self.store.assessment(id)?;
        let responses = self.store.responses(id)?;
        let people = self.store.people(record.client_id)?;
        let library = builtin();
        let facts = Facts::evaluate(library, self.catalog, record.scope.categories(), &responses);
        let set = self.store.policy_parameters(id)?;
        let suggested = suggestions(library, self.catalog, &record.company, &responses);
        let records = self
            .store
            .policy_records(id)?
            .into_iter()
            .map(|r| (r.policy_id.clone(), r))
            .collect();
        Ok(PackSource {
            catalog: self.catalog,
            parameters: resolved(library, &set, &suggested),
            record,
            people,
            actions,
            facts,
            records,
        })
    }

    /// Every policy of the pack, in order.
    pub fn list_policies(&self, id: i64, today: NaiveDate) -> Result<Vec<PolicyView>> {
        Ok(self.pack_source(id, today)?.views())
    }

    pub fn get_policy(&self, id: i64, policy_id: &str, today: NaiveDate) -> Result<PolicyView> {
        let src = self.pack_source(id, today)?;
        let t = src.template(policy_id)?;
        Ok(src.view(t, &src.record_of(policy_id)))
    }

    /// Every statement of the pack the answers deny today, for the questionnaire.
    pub fn policy_contradictions(&self, id: i64, today: NaiveDate) -> Result<Vec<Contradiction>> {
        Ok(self
            .list_policies(id, today)?
            .into_iter()
            .flat_map(|v| v.contradictions)
            .collect())
    }

    /// The parameters with the user's values, the suggestions and where they come from.
    pub fn list_policy_parameters(&self, id: i64) -> Result<Vec<PolicyParameterView>> {
        let record = self.store.assessment(id)?;
        let responses = self.store.responses(id)?;
        let set = self.store.policy_parameters(id)?;
        let suggested = suggestions(builtin(), self.catalog, &record.company, &responses);
        Ok(parameter_views(builtin(), &set, &suggested))
    }

    /// Sets a parameter for the assessment; `None` or blank clears it (the suggestion or the
    /// default applies again).
    pub fn set_policy_parameter(
        &mut self,
        id: i64,
        parameter_id: &str,
        value: Option<&str>,
    ) -> Result<()> {
        self.store.assessment(id)?;
        let parameter = builtin().parameter(parameter_id).ok_or_else(|| {
            ApiError::not_found(format!(
                "There is no policy parameter '{}'.",
                clip(parameter_id)
            ))
        })?;
        let value = value
            .map(|v| trustgap_domain::limits::line(&parameter.label, v))
            .transpose()?
            .filter(|v| !v.is_empty());
        self.store
            .set_policy_parameter(id, parameter_id, value.as_deref())?;
        Ok(())
    }
}
