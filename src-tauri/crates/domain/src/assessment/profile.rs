//! The company and system an assessment describes, and who assesses it.

use crate::error::Result;
use crate::limits;
use crate::signoff::LedBy;
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
    /// Whether the company assessed itself or an assessor (named above) led it.
    pub led_by: LedBy,
    /// The assessor's firm, when an assessor led it.
    pub assessor_firm: String,
}

impl CompanyProfile {
    /// Who led it, in the words the documents use: "This is a self-assessment" or "This
    /// assessment was led by Ana Ruiz of Meridian Assurance".
    pub fn led_by_sentence(&self) -> String {
        match (self.led_by, self.assessor.trim(), self.assessor_firm.trim()) {
            (LedBy::SelfAssessment, _, _) | (LedBy::Assessor, "", "") => {
                "This is a self-assessment: the company answered the questions itself".to_owned()
            }
            (LedBy::Assessor, "", firm) => format!("This assessment was led by {firm}"),
            (LedBy::Assessor, name, "") => format!("This assessment was led by {name}"),
            (LedBy::Assessor, name, firm) => {
                format!("This assessment was led by {name} of {firm}")
            }
        }
    }

    /// Whether an assessor led it (and is named).
    pub fn assessor_led(&self) -> bool {
        self.led_by == LedBy::Assessor
            && !(self.assessor.trim().is_empty() && self.assessor_firm.trim().is_empty())
    }

    /// "Ana Ruiz, Meridian Assurance", "Ana Ruiz" or "Self-assessment".
    pub fn led_by_short(&self) -> String {
        if !self.assessor_led() {
            return "Self-assessment".to_owned();
        }
        [self.assessor.trim(), self.assessor_firm.trim()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    }

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
            led_by: self.led_by,
            assessor_firm: limits::line("The assessor's firm", &self.assessor_firm)?,
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
