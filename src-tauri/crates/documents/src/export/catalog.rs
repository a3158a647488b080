//! The question bank as a flat table, one row per question, for review in a spreadsheet.

use super::csv::CsvWriter;
use trustgap_domain::catalog::Catalog;

const HEADER: [&str; 22] = [
    "question_id",
    "categories",
    "criteria",
    "group",
    "question",
    "why_auditors_care",
    "what_good_looks_like",
    "evidence_examples",
    "finding",
    "weight",
    "key_control",
    "runs",
    "ask_counsel",
    "remediation_key",
    "remediation_title",
    "remediation_action",
    "owner",
    "effort",
    "lead_weeks",
    "after",
    "proof_of_completion",
    "catalog_version",
];

pub fn catalog_csv(catalog: &Catalog) -> String {
    let mut w = CsvWriter::new(&HEADER);
    for q in &catalog.questions {
        let primary = q.criteria.first().and_then(|c| catalog.criterion(c));
        let categories = q
            .categories
            .iter()
            .filter_map(|c| catalog.category(*c))
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>()
            .join("; ");
        let r = catalog.remediation(&q.remediation);
        let weight = q.weight.to_string();
        let effort = r.map(|r| format!("{:?}", r.effort)).unwrap_or_default();
        let lead = r
            .and_then(|r| r.lead_weeks)
            .map(|w| w.to_string())
            .unwrap_or_default();
        let after = r.map(|r| r.after.join("; ")).unwrap_or_default();
        w.row([
            q.id.as_str(),
            &categories,
            &q.criteria.join("; "),
            primary.map_or("", |c| c.group.as_str()),
            &q.text,
            &q.why,
            &q.good,
            &q.evidence.join("\n"),
            &q.finding,
            &weight,
            if q.key { "yes" } else { "" },
            q.runs.map_or("", |c| c.label()),
            q.counsel.as_deref().unwrap_or(""),
            &q.remediation,
            r.map_or("", |r| r.title.as_str()),
            r.map_or("", |r| r.action.as_str()),
            r.map_or("", |r| r.owner.as_str()),
            &effort,
            &lead,
            &after,
            r.map_or("", |r| r.proof.as_str()),
            &catalog.version,
        ]);
    }
    w.finish()
}
