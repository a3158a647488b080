//! The "Policy coverage" chapter, when the report is given the policy pack: how many policies
//! are approved, how many clauses are still planned, and which policy supports each criterion in
//! scope (the criteria none covers named). The table is the pack index's, on the document model.

use crate::doc::{Block, Figure, Text, Tone};
use crate::policy::{coverage_blocks, covered_by, PolicyDocContext};
use crate::report::context::ReportContext;
use crate::report::theme::plural;
use trustgap_domain::policy::PolicyStatus;

pub const TITLE: &str = "Policy coverage";

pub fn policy_coverage(ctx: &ReportContext<'_>, number: &str) -> Vec<Block> {
    let views = ctx.policies;
    let pctx = PolicyDocContext::from_report(ctx);
    let approved = views
        .iter()
        .filter(|v| v.status == PolicyStatus::Approved)
        .count();
    let planned: usize = views.iter().map(|v| v.planned.len()).sum();
    let in_scope: Vec<&str> = pctx.criteria_in_scope().map(|c| c.id.as_str()).collect();
    let covered = in_scope
        .iter()
        .filter(|c| !covered_by(views, c).is_empty())
        .count();
    let mut blocks = vec![
        Block::chapter(number, TITLE),
        Block::Paragraph(Text::plain(format!(
            "The company's written policies, as drafted from these answers: {} approved out of \
             {}. Where an answer shows a practice is not in place, the policy states it as \
             planned, with the remediation action that puts it in place, rather than claim it.",
            approved,
            plural(views.len(), "policy", "policies")
        ))),
        Block::KeyFigures(vec![
            Figure {
                label: "Approved".into(),
                value: format!("{approved} of {}", views.len()),
                detail: "policies in force".into(),
                tone: if approved == views.len() {
                    Tone::Good
                } else {
                    Tone::Warning
                },
            },
            Figure {
                label: "Planned clauses".into(),
                value: planned.to_string(),
                detail: "practices not yet in place".into(),
                tone: if planned == 0 { Tone::Good } else { Tone::Info },
            },
            Figure {
                label: "Criteria covered".into(),
                value: format!("{covered} of {}", in_scope.len()),
                detail: "by at least one policy".into(),
                tone: if covered == in_scope.len() {
                    Tone::Good
                } else {
                    Tone::Warning
                },
            },
        ]),
    ];
    blocks.push(Block::Heading {
        number: format!("{number}.1"),
        title: "Policies by criterion".to_owned(),
        level: 1,
    });
    blocks.extend(coverage_blocks(views, &pctx));
    blocks
}
