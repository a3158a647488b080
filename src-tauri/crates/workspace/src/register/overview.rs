//! What the register says about an assessment, without a name in it: how many people, the gaps
//! counted by kind (for the Results and Plan screens) and the answers it suggests for the
//! questionnaire's training, acknowledgement and leaver questions.

use crate::{Result, Workspace};
use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;
use trustgap_domain::register::{
    gap_counts, register_gaps, suggest_answers, AnswerSuggestion, GapCount, RegisterData,
};

/// Counts and suggestions only: safe to show on any screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct RegisterOverview {
    /// People on the register, leavers included; 0 means the client keeps no register.
    pub people: u32,
    pub leavers: u32,
    pub courses: u32,
    /// Policies with an approved version people can acknowledge.
    pub policies_in_force: u32,
    /// Every kind of gap once, zeros included.
    pub gaps: Vec<GapCount>,
    pub total_gaps: u32,
    pub suggestions: Vec<AnswerSuggestion>,
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Workspace {
    /// The register of the assessment's client on `today`, against the assessment's policies.
    pub fn register_overview(
        &self,
        assessment_id: i64,
        today: NaiveDate,
    ) -> Result<RegisterOverview> {
        let client = self.store.assessment(assessment_id)?.client_id;
        let people = self.people(client)?;
        let courses = self.store.courses(client)?;
        let completions = self.store.completions(client)?;
        let policies = self.current_policies(assessment_id)?;
        let acks = self.store.acknowledgements(assessment_id)?;
        let gaps = register_gaps(&people, &courses, &completions, &policies, &acks, today);
        let data = RegisterData {
            people: &people,
            courses: &courses,
            completions: &completions,
            policies: &policies,
            acks: &acks,
        };
        Ok(RegisterOverview {
            people: count(people.len()),
            leavers: count(people.iter().filter(|p| p.left_by(today)).count()),
            courses: count(courses.len()),
            policies_in_force: count(policies.len()),
            gaps: gap_counts(&gaps),
            total_gaps: count(gaps.len()),
            suggestions: suggest_answers(&data, today),
        })
    }
}
