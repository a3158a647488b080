//! The coverage map: per criterion, the topics an auditor tests at a small SaaS company (in our
//! own words) and the questions that ask about each. Validation keeps it in step with the bank.

use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct CoverageTopic {
    pub topic: String,
    pub questions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct CriterionCoverage {
    /// The criterion id.
    pub id: String,
    pub topics: Vec<CoverageTopic>,
}
