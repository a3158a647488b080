//! A four-question catalog for unit tests of scoring and planning.

use super::*;

fn question(id: &str, criteria: &[&str], weight: u8, remediation: &str) -> Question {
    Question {
        id: id.into(),
        criteria: criteria.iter().map(|c| (*c).into()).collect(),
        text: format!("Question {id}?"),
        why: "why".into(),
        good: "good".into(),
        evidence: vec!["a".into(), "b".into()],
        finding: format!("Finding {id}"),
        weight,
        key: false,
        remediation: remediation.into(),
        runs: None,
        counsel: None,
        categories: Vec::new(),
    }
}

fn criterion(id: &str, category: CategoryId) -> Criterion {
    Criterion {
        id: id.into(),
        category,
        group: "G".into(),
        topic: format!("Topic {id}"),
        requests: vec![format!("Request {id}")],
    }
}

/// Security: CC1.1 (Q1 w5, Q2 w1), CC1.2 (Q2 w1, Q3 w3). Privacy: P1.1 (Q4 w2).
/// Remediations: Q1 needs "big" (XL); Q2, Q3 and Q4 share "fix" (S).
pub(crate) fn fixture() -> Catalog {
    let mut c = Catalog {
        version: "test".into(),
        roles: vec!["CTO".into()],
        categories: CategoryId::ALL
            .iter()
            .map(|&id| Category {
                id,
                name: id.as_str().into(),
                optional: id != CategoryId::Security,
                summary: "s".into(),
            })
            .collect(),
        criteria: vec![
            criterion("CC1.1", CategoryId::Security),
            criterion("CC1.2", CategoryId::Security),
            criterion("P1.1", CategoryId::Privacy),
        ],
        questions: vec![
            question("AAA-001", &["CC1.1"], 5, "big"),
            question("AAA-002", &["CC1.1", "CC1.2"], 1, "fix"),
            question("AAA-003", &["CC1.2"], 3, "fix"),
            question("PRV-001", &["P1.1"], 2, "fix"),
        ],
        remediations: vec![
            remediation("fix", Effort::S),
            remediation("big", Effort::XL),
        ],
        scoping: vec![],
        coverage: vec![],
        changes: Default::default(),
        index: Default::default(),
    };
    c.reindex();
    c
}

fn remediation(key: &str, effort: Effort) -> Remediation {
    Remediation {
        key: key.into(),
        title: format!("Title {key}"),
        action: format!("Do {key}"),
        owner: "CTO".into(),
        effort,
        lead_weeks: None,
        after: vec![],
        runs: None,
        proof: format!("Proof {key}"),
    }
}
