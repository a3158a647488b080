//! The policy × criterion coverage: for each criterion in scope, its topic and the policies that
//! support it, and the criteria no policy covers. Shared by the pack index, its own document and
//! the readiness report's "Policy coverage" chapter.

use super::document::heading;
use super::PolicyDocContext;
use crate::doc::{Block, Column, Document, Meta, Row, Table, Text, Tone};
use crate::report::theme::{long_date, plural};
use trustgap_domain::policy::{PolicyStatus, PolicyView};

pub const TITLE: &str = "Policy coverage of the criteria";

/// The titles of the policies in force or being written (not retired) that cite `criterion`,
/// in pack order.
pub fn covered_by<'v>(views: &'v [PolicyView], criterion: &str) -> Vec<&'v str> {
    views
        .iter()
        .filter(|v| v.status != PolicyStatus::Retired)
        .filter(|v| v.criteria.iter().any(|c| c == criterion))
        .map(|v| v.title.as_str())
        .collect()
}

/// The coverage table and, when some criterion in scope has no policy, a callout naming them.
pub fn coverage_blocks(views: &[PolicyView], ctx: &PolicyDocContext<'_>) -> Vec<Block> {
    let mut rows = Vec::new();
    let mut uncovered = Vec::new();
    for c in ctx.criteria_in_scope() {
        let by = covered_by(views, &c.id);
        if by.is_empty() {
            uncovered.push(format!("{} ({})", c.id, c.topic));
        }
        rows.push(Row::of(
            vec![
                c.id.clone(),
                c.topic.clone(),
                if by.is_empty() {
                    "No policy".to_owned()
                } else {
                    by.join(", ")
                },
            ],
            by.is_empty().then_some(Tone::Warning),
        ));
    }
    let total = rows.len();
    let mut blocks = vec![Block::Paragraph(Text::plain(format!(
        "Each criterion in scope, what it asks for, and the policies that support it. {} of {} \
         are supported by at least one policy; retired policies count for none.",
        total - uncovered.len(),
        plural(total, "criterion", "criteria")
    )))];
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::new("Criterion", 1.1),
            Column::new("Topic", 3.6),
            Column::new("Policies", 4.2),
        ],
        rows,
    }));
    blocks.push(if uncovered.is_empty() {
        Block::Paragraph(Text::plain(
            "Every criterion in scope is supported by at least one policy.",
        ))
    } else {
        Block::Callout {
            tone: Tone::Warning,
            title: format!(
                "{} in scope with no policy",
                plural(uncovered.len(), "criterion", "criteria")
            ),
            text: Text::plain(format!(
                "{}. An auditor will ask which written policy addresses each of them.",
                uncovered.join("; ")
            )),
        }
    });
    blocks
}

/// The coverage on its own, as a document.
pub fn coverage_document(views: &[PolicyView], ctx: &PolicyDocContext<'_>) -> Document {
    let mut blocks = vec![
        Block::Title {
            kicker: format!("{} · Policy pack", ctx.company),
            title: TITLE.to_owned(),
            subtitle: format!("{} · {}", ctx.system, long_date(ctx.date)),
        },
        heading("", "Coverage"),
    ];
    blocks.extend(coverage_blocks(views, ctx));
    Document {
        meta: Meta {
            title: format!("{TITLE}: {}", ctx.company),
            subject: format!(
                "Which of {}'s policies support each SOC 2 criterion in scope",
                ctx.company
            ),
            author: ctx.author(),
            keywords: vec![
                "SOC 2".to_owned(),
                "policy coverage".to_owned(),
                ctx.company.to_owned(),
            ],
            generated_at: ctx.generated_at,
            running_head: format!("{} · {TITLE}", ctx.company),
            marking: "Internal".to_owned(),
            footer: ctx.footer(),
            branding: ctx.branding.clone(),
        },
        blocks,
    }
}
