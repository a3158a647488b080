//! One policy as a document: title, status notice, document control, the numbered sections,
//! the clauses still planned, the revision history and the approval block.

use super::text::section_blocks;
use super::{
    approved_line, approver_phrase, approver_role, criteria_line, marking, owner_role, review_line,
    revision_date, with_role, PolicyDocContext,
};
use crate::doc::{Block, Column, Document, Meta, Row, Signatory, Table, Text, Tone};
use crate::report::theme::long_date;
use trustgap_domain::policy::{PolicyRevision, PolicyStatus, PolicyView};

/// The policy as a model document, rendered to PDF and Word alike.
pub fn policy_document(view: &PolicyView, ctx: &PolicyDocContext<'_>) -> Document {
    let mut blocks = vec![
        Block::Title {
            kicker: format!("{} · Policy", ctx.company),
            title: view.title.clone(),
            subtitle: format!(
                "Version {} · {} · {}",
                view.version,
                view.status.label(),
                long_date(ctx.date)
            ),
        },
        Block::Paragraph(Text::plain(view.summary.clone())),
    ];
    blocks.extend(status_notice(view));
    blocks.push(heading("", "Document control"));
    blocks.push(Block::Table(document_control(view, ctx)));
    for (i, s) in view.sections.iter().enumerate() {
        blocks.push(heading(&(i + 1).to_string(), &s.title));
        if !s.criteria.is_empty() {
            blocks.push(Block::Note(Text::lead(
                "Supports: ",
                criteria_line(&s.criteria),
            )));
        }
        blocks.extend(section_blocks(&s.text));
    }
    if !view.planned.is_empty() {
        blocks.push(heading("", "Planned clauses"));
        blocks.push(Block::Paragraph(Text::plain(
            "The answers show these practices are not in place yet. The policy states them as \
             planned, with the action in the remediation plan that puts each in place, and will \
             state them as practice once the answers say they are implemented.",
        )));
        blocks.push(Block::Table(planned_table(view)));
    }
    blocks.push(heading("", "Revision history"));
    if view.revisions.is_empty() {
        blocks.push(Block::Paragraph(Text::plain(format!(
            "No revision is recorded yet: this is version {} as first drafted from the \
             assessment.",
            view.version
        ))));
    } else {
        blocks.push(Block::Table(revision_table(&view.revisions)));
    }
    blocks.push(heading("", "Approval"));
    blocks.push(Block::Paragraph(Text::plain(approval_sentence(view, ctx))));
    blocks.push(Block::SignOff(vec![Signatory {
        name: view.approver_name.clone(),
        role: approver_role(view),
        date: match (view.status, view.approved_on) {
            (PolicyStatus::Approved, Some(d)) => long_date(d),
            _ => String::new(),
        },
    }]));
    Document {
        meta: Meta {
            title: format!("{}: {}", view.title, ctx.company),
            subject: view.summary.clone(),
            author: ctx.author(),
            keywords: vec![
                "SOC 2".to_owned(),
                "policy".to_owned(),
                view.title.clone(),
                ctx.company.to_owned(),
            ],
            generated_at: ctx.generated_at,
            running_head: format!(
                "{} · {} · version {}",
                ctx.company, view.title, view.version
            ),
            marking: marking(view.status).to_owned(),
            footer: ctx.footer(),
            branding: ctx.branding.clone(),
        },
        blocks,
    }
}

pub(super) fn heading(number: &str, title: &str) -> Block {
    Block::Heading {
        number: number.to_owned(),
        title: title.to_owned(),
        level: 1,
    }
}

/// A callout under the title for anything but an approved policy in step with the answers.
fn status_notice(view: &PolicyView) -> Option<Block> {
    let (tone, title, text) = match view.status {
        PolicyStatus::Draft | PolicyStatus::InReview => (
            Tone::Warning,
            format!("{}: not yet approved", view.status.label()),
            format!(
                "This version is for review. It takes effect once {} approves it; until then \
                 the policy in force, if any, is the last approved version.",
                approver_phrase(view)
            ),
        ),
        PolicyStatus::Retired => (
            Tone::Critical,
            "Retired: no longer in force".to_owned(),
            "This policy has been withdrawn and binds no one. It is kept for the record."
                .to_owned(),
        ),
        PolicyStatus::Approved if view.changed_since_approval => (
            Tone::Info,
            "Changed since approval".to_owned(),
            "The answers or the templates have changed since this version was approved. The \
             text below is the approved text; review it and approve a new version."
                .to_owned(),
        ),
        PolicyStatus::Approved => return None,
    };
    Some(Block::Callout {
        tone,
        title,
        text: Text::plain(text),
    })
}

fn row(cells: Vec<String>) -> Row {
    Row::plain(cells)
}

fn document_control(view: &PolicyView, ctx: &PolicyDocContext<'_>) -> Table {
    let mut rows = vec![
        ("Company", ctx.company.to_owned()),
        ("System", ctx.system.to_owned()),
        ("Policy", view.title.clone()),
        ("Version", view.version.to_string()),
        ("Status", view.status.label().to_owned()),
        ("Owner", with_role(&view.owner_name, &owner_role(view))),
        (
            "Approver",
            with_role(&view.approver_name, &approver_role(view)),
        ),
        ("Approved on", approved_line(view)),
        ("Next review", review_line(view)),
        (
            "Review cycle",
            format!("Every {} months", view.review_months),
        ),
        ("Criteria supported", criteria_line(&view.criteria)),
    ];
    let firm = ctx.branding.firm.trim();
    if !firm.is_empty() {
        rows.push(("Prepared by", firm.to_owned()));
    }
    Table {
        columns: vec![Column::new("Item", 1.4), Column::new("Detail", 4.0)],
        rows: rows
            .into_iter()
            .map(|(k, v)| row(vec![k.to_owned(), v]))
            .collect(),
    }
}

fn planned_table(view: &PolicyView) -> Table {
    Table {
        columns: vec![
            Column::new("Section", 1.6),
            Column::new("Clause", 4.0),
            Column::new("Plan action", 2.4),
            Column::new("Due", 1.3),
        ],
        rows: view
            .planned
            .iter()
            .map(|p| {
                row(vec![
                    p.section_title.clone(),
                    p.text.clone(),
                    p.action_title
                        .clone()
                        .unwrap_or_else(|| "Not yet in the plan".to_owned()),
                    p.due.map_or_else(|| "—".to_owned(), long_date),
                ])
            })
            .collect(),
    }
}

/// Oldest first, as a document control history reads.
fn revision_table(revisions: &[PolicyRevision]) -> Table {
    Table {
        columns: vec![
            Column::new("Version", 0.9).right(),
            Column::new("Date", 1.6),
            Column::new("Status", 1.2),
            Column::new("By", 1.6),
            Column::new("Note", 3.4),
        ],
        rows: revisions
            .iter()
            .rev()
            .map(|r| {
                let mut note = r.note.trim().to_owned();
                if let Some(d) = r.approved_on {
                    let by = if r.approver.trim().is_empty() {
                        String::new()
                    } else {
                        format!(" by {}", r.approver.trim())
                    };
                    let approved = format!("Approved{by} on {}.", long_date(d));
                    note = if note.is_empty() {
                        approved
                    } else {
                        format!("{approved} {note}")
                    };
                }
                row(vec![
                    r.version.to_string(),
                    revision_date(&r.at),
                    r.status.label().to_owned(),
                    r.author.clone(),
                    note,
                ])
            })
            .collect(),
    }
}

fn approval_sentence(view: &PolicyView, ctx: &PolicyDocContext<'_>) -> String {
    match (view.status, view.approved_on) {
        (PolicyStatus::Approved, Some(d)) => format!(
            "Version {} of this policy was approved by {} on {} and is in force for {} until it \
             is replaced or withdrawn.{}",
            view.version,
            view.approver_name,
            long_date(d),
            ctx.company,
            view.next_review.map_or_else(String::new, |r| format!(
                " It is next reviewed by {}.",
                long_date(r)
            ))
        ),
        _ => format!(
            "By signing, the approver confirms that version {} of this policy states how {} \
             works and what it requires, and that it is in force from the date signed.",
            view.version, ctx.company
        ),
    }
}
