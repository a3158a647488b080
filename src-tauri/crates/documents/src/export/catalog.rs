//! The question bank as a flat table, one row per question, for review in a spreadsheet.

use super::csv::CsvWriter;
use trustgap_domain::catalog::Catalog;

const HEADER: [&str; 16] = [
    "question_id",
    "category",
    "criteria",
    "group",
    "question",
    "why_auditors_care",
    "what_good_looks_like",
    "evidence_examples",
    "weight",
    "remediation_key",
    "remediation_title",
    "remediation_action",
    "owner",
    "effort",
    "proof_of_completion",
    "catalog_version",
];

pub fn catalog_csv(catalog: &Catalog) -> String {
    let mut w = CsvWriter::new(&HEADER);
    for q in &catalog.questions {
        let primary = q.criteria.first().and_then(|c| catalog.criterion(c));
        let category = catalog
            .category(catalog.question_category(q))
            .map_or("", |c| c.name.as_str());
        let r = catalog.remediation(&q.remediation);
        let weight = q.weight.to_string();
        let effort = r.map(|r| format!("{:?}", r.effort)).unwrap_or_default();
        w.row([
            q.id.as_str(),
            category,
            &q.criteria.join("; "),
            primary.map_or("", |c| c.group.as_str()),
            &q.text,
            &q.why,
            &q.good,
            &q.evidence.join("\n"),
            &weight,
            &q.remediation,
            r.map_or("", |r| r.title.as_str()),
            r.map_or("", |r| r.action.as_str()),
            r.map_or("", |r| r.owner.as_str()),
            &effort,
            r.map_or("", |r| r.proof.as_str()),
            &catalog.version,
        ]);
    }
    w.finish()
}
