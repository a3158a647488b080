//! The company and system an assessment describes, and who assesses it.

use crate::error::Result;
use crate::limits;
use serde::{Deserialize, Serialize};
use specta::Type;

/// Shown on the report cover and in the scope section. Every field may be left empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct CompanyProfile {
    pub industry: String,
    pub headcount: Option<u32>,
    /// The product or service in scope, e.g. "Brightwave analytics platform".
    pub system_name: String,
    pub system_description: String,
    /// Where it runs, e.g. "AWS eu-west-1, managed Postgres".
    pub hosting: String,
    /// The person answering or running the assessment; recorded in the answer history.
    pub assessor: String,
}

impl CompanyProfile {
    /// Trims every field and checks lengths: one-line fields up to the name limit, the
    /// description up to the note limit, a headcount of 1 to 1,000,000.
    pub fn cleaned(&self) -> Result<CompanyProfile> {
        limits::note("The system description", &self.system_description)?;
        if self
            .headcount
            .is_some_and(|h| !(1..=1_000_000).contains(&h))
        {
            return Err(crate::DomainError::invalid(
                "Headcount must be between 1 and 1,000,000.",
            ));
        }
        Ok(CompanyProfile {
            industry: limits::line("The industry", &self.industry)?,
            headcount: self.headcount,
            system_name: limits::line("The system name", &self.system_name)?,
            system_description: self.system_description.trim().to_owned(),
            hosting: limits::line("The hosting", &self.hosting)?,
            assessor: limits::line("The assessor's name", &self.assessor)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profiles_are_trimmed_and_bounded() {
        let p = CompanyProfile {
            industry: "  B2B SaaS ".into(),
            headcount: Some(25),
            ..CompanyProfile::default()
        };
        assert_eq!(p.cleaned().map(|c| c.industry), Ok("B2B SaaS".to_owned()));
        assert!(CompanyProfile {
            headcount: Some(0),
            ..CompanyProfile::default()
        }
        .cleaned()
        .is_err());
        assert!(CompanyProfile {
            assessor: "a\nb".into(),
            ..CompanyProfile::default()
        }
        .cleaned()
        .is_err());
        let long = CompanyProfile {
            system_description: "x\n".repeat(4_000),
            ..CompanyProfile::default()
        };
        assert!(long.cleaned().is_ok(), "descriptions may span lines");
    }
}
