//! Chapters: the gap register (every gap, most severe first, with the action that closes it)
//! and the detailed findings (each question by criterion: answer, notes, not-applicable
//! justifications and the evidence on file; what an auditor will ask for is in the evidence
//! requests appendix). Both on the document model.

use crate::doc::{Block, Cell, Column, Row, Table, Text};
use crate::report::context::ReportContext;
use crate::report::theme::{answer_tone, clip, percent, plural, severity_tone};
use std::collections::HashMap;
use trustgap_domain::assessment::EvidenceRef;
use trustgap_domain::assessment::{Answer, Response, Scope};
use trustgap_domain::catalog::Question;
use trustgap_domain::evidence_requests::listed_under;

/// Longest note quoted in the gap register; the findings carry it in full.
const NOTE_CHARS: usize = 280;

pub(super) fn gap_register(ctx: &ReportContext<'_>, number: &str) -> Vec<Block> {
    let mut out = vec![Block::chapter(number, "Gap register")];
    let (high, medium, low) = ctx.gap_counts();
    if ctx.plan.gaps.is_empty() {
        out.push(Block::Paragraph(
            "No gap has been recorded: no question is answered as partial, not implemented or \
             don't know."
                .into(),
        ));
        return out;
    }
    out.push(Block::Paragraph(
        format!(
            "{} in total: {high} high, {medium} medium and {low} low severity. A gap is a \
             question answered as partially implemented, not implemented or don't know. They \
             are listed most severe first, then by weight; the last column names the remediation \
             action that closes each one (see the remediation plan).",
            plural(ctx.plan.gaps.len(), "gap", "gaps")
        )
        .into(),
    ));
    out.push(Block::Spacer(8.0));
    let refs = ctx.action_refs();
    let mut rows = Vec::new();
    for (i, gap) in ctx.plan.gaps.iter().enumerate() {
        let mut what = Cell::from(gap.question.clone()).with(format!(
            "{} · {} · weight {}",
            gap.question_id,
            gap.answer.label(),
            gap.weight
        ));
        if !gap.note.trim().is_empty() {
            let note = clip(&gap.note, NOTE_CHARS);
            let more = if note.ends_with('…') {
                " (full note in the detailed findings)"
            } else {
                ""
            };
            what = what.with(format!("Note: {note}{more}"));
        }
        if let Some(m) = ctx.management_response(&gap.question_id) {
            what = what.and(format!(
                "Management response ({}): {}",
                m.kind.label().to_lowercase(),
                clip(&m.text, NOTE_CHARS)
            ));
        }
        let action = match ctx.action_for_key(&gap.remediation) {
            Some((_, a)) => Cell::from(format!(
                "{} {}",
                refs.get(a.key.as_str()).cloned().unwrap_or_default(),
                a.title
            ))
            .with(format!("{} · owner {}", a.priority.label(), a.owner_name)),
            None => Cell::default().with(gap.remediation.clone()),
        };
        rows.push(Row {
            cells: vec![
                Cell::strong(format!("G{:02}", i + 1)),
                Cell::chip(gap.severity.label(), severity_tone(gap.severity)),
                what,
                Cell::from(gap.criteria.join("\n")),
                action,
            ],
            tone: None,
        });
    }
    out.push(Block::Table(Table {
        columns: vec![
            Column::new("Ref", 0.7),
            Column::new("Severity", 1.25),
            Column::new("Gap", 4.4),
            Column::new("Criteria", 1.05),
            Column::new("Action", 2.6),
        ],
        rows,
    }));
    out
}

pub(super) fn detailed_findings(ctx: &ReportContext<'_>, number: &str) -> Vec<Block> {
    let mut out = vec![
        Block::chapter(number, "Detailed findings"),
        Block::Paragraph(
            "Every question in scope, grouped by its main criterion: the answer given, the notes \
             taken, the justification of anything marked not applicable, and the evidence on \
             file. A question that also supports other criteria lists them. The evidence an \
             auditor will ask for, control by control, is in the appendix Evidence requests."
                .into(),
        ),
    ];
    let responses = ctx.responses_by_question();
    let questions = ctx.questions();
    // Under the main criterion in scope: a privacy question asked for a confidentiality
    // criterion would otherwise vanish when Privacy is out of scope.
    let scope = Scope::new(ctx.scope);
    let mut by_primary: HashMap<&str, Vec<&Question>> = HashMap::new();
    for q in &questions {
        by_primary
            .entry(listed_under(ctx.catalog, &scope, q))
            .or_default()
            .push(q);
    }
    for (section, cat) in ctx.card.categories.iter().enumerate() {
        out.push(Block::Heading {
            number: format!("{number}.{}", section + 1),
            title: cat.name.clone(),
            level: 1,
        });
        for crit in ctx
            .card
            .criteria
            .iter()
            .filter(|c| c.category == cat.category)
        {
            let t = &crit.tally;
            out.push(Block::Heading {
                number: crit.criterion.clone(),
                title: crit.topic.clone(),
                level: 2,
            });
            out.push(Block::Note(Text::plain(format!(
                "Score {} · {} · {} answered · {} not applicable",
                percent(t.score),
                plural(
                    usize::try_from(t.questions).unwrap_or(0),
                    "question",
                    "questions"
                ),
                t.answered,
                t.not_applicable
            ))));
            match by_primary.get(crit.criterion.as_str()) {
                Some(own) => out.push(Block::Table(question_table(ctx, own, &responses))),
                None => {
                    let others = super::supporting(&questions, &crit.criterion);
                    out.push(Block::Paragraph(Text::plain(if others.is_empty() {
                        "No question in this assessment's scope addresses this criterion."
                            .to_owned()
                    } else {
                        format!(
                            "Covered by questions listed under other criteria: {}.",
                            others.join(", ")
                        )
                    })));
                }
            }
        }
    }
    out
}

/// One row per question: the answer as a chip; the question, its facts (and who owns the
/// control), the note or justification, the management response and the evidence on file.
fn question_table(
    ctx: &ReportContext<'_>,
    questions: &[&Question],
    responses: &HashMap<&str, &Response>,
) -> Table {
    let scope = Scope::new(ctx.scope);
    let rows = questions
        .iter()
        .map(|q| {
            let r = responses.get(q.id.as_str());
            let answer = r.and_then(|r| r.answer);
            let note = r.map_or("", |r| r.note.trim());
            let mut facts = format!("{} · weight {}", q.id, q.weight);
            let also = super::also_supports(ctx, &scope, q);
            if !also.is_empty() {
                facts.push_str(&format!(" · also {}", also.join(", ")));
            }
            let mut cell = Cell::strong(q.text.clone()).with(facts);
            if let Some(r) = r {
                let mut follow = Vec::new();
                if let Some(owner) = &r.owner {
                    follow.push(format!("Control owner: {}", ctx.owner_name(owner)));
                }
                if r.flagged {
                    follow.push("Flagged for follow-up".to_owned());
                }
                cell = cell.with(follow.join(" · "));
            }
            cell = match (answer, note.is_empty()) {
                (Some(Answer::NotApplicable), true) => cell
                    .and("Not applicable: no justification recorded. An auditor will ask for one."),
                (Some(Answer::NotApplicable), false) => {
                    cell.and(format!("Not applicable because: {note}"))
                }
                (_, false) => cell.and(format!("Note: {note}")),
                (_, true) => cell,
            };
            if let Some(m) = ctx.management_response(&q.id) {
                cell = cell
                    .and_strong(format!("Management response · {}", m.kind.label()))
                    .and(m.text.clone());
            }
            if let Some(r) = r {
                let refs: Vec<String> = r.evidence.iter().map(EvidenceRef::display).collect();
                if !refs.is_empty() {
                    cell = cell.and(format!("Evidence on file: {}", refs.join("; ")));
                }
            }
            let (label, tone) = answer_tone(answer);
            Row {
                cells: vec![Cell::chip(label, tone), cell],
                tone: None,
            }
        })
        .collect();
    Table {
        columns: vec![Column::new("", 1.35), Column::new("", 8.0)],
        rows,
    }
}
