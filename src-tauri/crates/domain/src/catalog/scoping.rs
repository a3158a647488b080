//! Scope recommendations: which optional categories the scoping answers point to, and why.

use super::model::{Catalog, CategoryId};
use serde::Serialize;
use specta::Type;

/// An optional category the answers recommend, with the reason of each "yes" behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Recommendation {
    pub category: CategoryId,
    pub reasons: Vec<String>,
}

/// A scoping question answered "yes" when the scope was chosen, as it read then: kept with the
/// assessment and printed in the report's scope section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, Type)]
pub struct ScopingNote {
    pub id: String,
    pub question: String,
    pub recommends: Vec<CategoryId>,
    pub reason: String,
    pub advice: Option<String>,
}

/// The notes for the scoping questions answered "yes", in the bank's order.
pub fn scoping_notes(catalog: &Catalog, yes: &[String]) -> crate::error::Result<Vec<ScopingNote>> {
    recommend(catalog, yes)?;
    Ok(catalog
        .scoping
        .iter()
        .filter(|s| yes.contains(&s.id))
        .map(|s| ScopingNote {
            id: s.id.clone(),
            question: s.text.clone(),
            recommends: s.recommends.clone(),
            reason: s.reason.clone(),
            advice: s.advice.clone(),
        })
        .collect())
}

/// Recommendations for the scoping questions answered "yes" (`yes` holds their ids), in the
/// canonical category order. An id that is not a scoping question is an error.
pub fn recommend(catalog: &Catalog, yes: &[String]) -> crate::error::Result<Vec<Recommendation>> {
    if let Some(unknown) = yes
        .iter()
        .find(|id| !catalog.scoping.iter().any(|s| &s.id == *id))
    {
        return Err(crate::DomainError::Unknown(format!(
            "Scoping question {unknown} does not exist."
        )));
    }
    let mut out: Vec<Recommendation> = Vec::new();
    for category in CategoryId::ALL {
        let reasons: Vec<String> = catalog
            .scoping
            .iter()
            .filter(|s| yes.contains(&s.id) && s.recommends.contains(&category))
            .map(|s| s.reason.clone())
            .collect();
        if !reasons.is_empty() {
            out.push(Recommendation { category, reasons });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::embedded;

    #[test]
    fn each_yes_adds_its_categories_with_its_reason() {
        let cat = embedded().expect("catalog");
        assert_eq!(recommend(cat, &[]), Ok(vec![]));
        assert!(recommend(cat, &["SCP-99".to_owned()]).is_err());
        let multi = cat
            .scoping
            .iter()
            .find(|s| s.recommends.len() > 1)
            .expect("a multi-category question");
        let recs = recommend(cat, std::slice::from_ref(&multi.id)).expect("known id");
        assert_eq!(recs.len(), multi.recommends.len());
        assert!(recs.iter().all(|r| r.reasons == vec![multi.reason.clone()]));
        let all: Vec<String> = cat.scoping.iter().map(|s| s.id.clone()).collect();
        let recs = recommend(cat, &all).expect("known ids");
        assert_eq!(recs.len(), 4, "every optional category, never Security");
        assert!(recs.iter().all(|r| r.category != CategoryId::Security));
        assert!(recs.windows(2).all(|w| w[0].category < w[1].category));
    }
}
