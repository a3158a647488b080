//! Chapters: the gap register (every gap, most severe first, with the action that closes it)
//! and the detailed findings (each question by criterion: answer, notes, not-applicable
//! justifications and the evidence on file; what an auditor will ask for is in the evidence
//! requests appendix). The gap register is said on the document model; the findings are still
//! drawn on the flow (their cells mix bold, muted and plain lines in an order the model's cells
//! do not have yet).

use crate::doc::{Block, Cell as DocCell, Column as DocColumn, Row, Table as DocTable};
use crate::report::context::ReportContext;
use crate::report::flow::Flow;
use crate::report::table::{Cell, Column, Table};
use crate::report::theme::{
    answer_chip, clip, percent, plural, severity_tone, BODY, CELL, CELL_BOLD, CELL_MUTED, SMALL,
    SMALL_INK,
};
use crate::report::ReportError;
use std::collections::HashMap;
use trustgap_domain::assessment::EvidenceRef;
use trustgap_domain::assessment::{Answer, Response, Scope};
use trustgap_domain::catalog::Question;
use trustgap_domain::evidence_requests::listed_under;

/// Longest note quoted in the gap register; the findings carry it in full.
const NOTE_CHARS: usize = 280;

pub(super) fn gap_register(ctx: &ReportContext<'_>, number: &str) -> Vec<Block> {
    let mut out = vec![Block::Chapter {
        number: number.to_owned(),
        title: "Gap register".to_owned(),
    }];
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
        let mut what = DocCell::from(gap.question.clone()).with(format!(
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
            Some((_, a)) => DocCell::from(format!(
                "{} {}",
                refs.get(a.key.as_str()).cloned().unwrap_or_default(),
                a.title
            ))
            .with(format!("{} · owner {}", a.priority.label(), a.owner_name)),
            None => DocCell::default().with(gap.remediation.clone()),
        };
        rows.push(Row {
            cells: vec![
                DocCell::strong(format!("G{:02}", i + 1)),
                DocCell::chip(gap.severity.label(), severity_tone(gap.severity)),
                what,
                DocCell::from(gap.criteria.join("\n")),
                action,
            ],
            tone: None,
        });
    }
    out.push(Block::Table(DocTable {
        columns: vec![
            DocColumn::new("Ref", 0.7),
            DocColumn::new("Severity", 1.25),
            DocColumn::new("Gap", 4.4),
            DocColumn::new("Criteria", 1.05),
            DocColumn::new("Action", 2.6),
        ],
        rows,
    }));
    out
}

pub(super) fn detailed_findings(
    flow: &mut Flow,
    ctx: &ReportContext<'_>,
    number: &str,
) -> Result<(), ReportError> {
    flow.chapter(number, "Detailed findings")?;
    flow.paragraph(
        BODY,
        "Every question in scope, grouped by its main criterion: the answer given, the notes \
         taken, the justification of anything marked not applicable, and the evidence on file. \
         A question that also supports other criteria lists them. The evidence an auditor will \
         ask for, control by control, is in the appendix Evidence requests.",
    )?;
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
    let mut section = 0;
    for cat in &ctx.card.categories {
        section += 1;
        flow.heading(&format!("{number}.{section}"), &cat.name, 1, 80.0)?;
        for crit in ctx
            .card
            .criteria
            .iter()
            .filter(|c| c.category == cat.category)
        {
            let t = &crit.tally;
            let score_line = format!(
                "Score {} · {} · {} answered · {} not applicable",
                percent(t.score),
                plural(
                    usize::try_from(t.questions).unwrap_or(0),
                    "question",
                    "questions"
                ),
                t.answered,
                t.not_applicable
            );
            let Some(own) = by_primary.get(crit.criterion.as_str()) else {
                let others = super::supporting(&questions, &crit.criterion);
                let text = if others.is_empty() {
                    "No question in this assessment's scope addresses this criterion.".to_owned()
                } else {
                    format!(
                        "Covered by questions listed under other criteria: {}.",
                        others.join(", ")
                    )
                };
                flow.heading(&crit.criterion, &crit.topic, 2, 40.0)?;
                flow.paragraph(SMALL, &score_line)?;
                flow.space(4.0);
                flow.paragraph(SMALL_INK, &text)?;
                continue;
            };
            let table = question_table(ctx, own, &responses);
            let keep =
                flow.paragraph_height(SMALL, &score_line)? + 4.0 + flow.table_lead(&table)?;
            flow.heading(&crit.criterion, &crit.topic, 2, keep)?;
            flow.paragraph(SMALL, &score_line)?;
            flow.space(4.0);
            flow.table(&table)?;
        }
    }
    Ok(())
}

/// One row per question: the answer as a chip; the question, its facts, the note or
/// justification, evidence on file and the evidence an auditor accepts.
fn question_table(
    ctx: &ReportContext<'_>,
    questions: &[&Question],
    responses: &HashMap<&str, &Response>,
) -> Table {
    let mut table = Table::plain(vec![
        Column::new("Answer", 1.35),
        Column::new("Question", 8.0),
    ]);
    for q in questions {
        let r = responses.get(q.id.as_str());
        let answer = r.and_then(|r| r.answer);
        let note = r.map_or("", |r| r.note.trim());
        let mut parts = vec![(q.text.clone(), CELL_BOLD)];
        let mut facts = format!("{} · weight {}", q.id, q.weight);
        let here = listed_under(ctx.catalog, &Scope::new(ctx.scope), q);
        let also: Vec<&str> = q
            .criteria
            .iter()
            .map(String::as_str)
            .filter(|c| *c != here)
            .collect();
        if !also.is_empty() {
            facts.push_str(&format!(" · also {}", also.join(", ")));
        }
        parts.push((facts, CELL_MUTED));
        match (answer, note.is_empty()) {
            (Some(Answer::NotApplicable), true) => parts.push((
                "Not applicable: no justification recorded. An auditor will ask for one."
                    .to_owned(),
                CELL,
            )),
            (Some(Answer::NotApplicable), false) => {
                parts.push((format!("Not applicable because: {note}"), CELL));
            }
            (_, false) => parts.push((format!("Note: {note}"), CELL)),
            (_, true) => {}
        }
        if let Some(m) = ctx.management_response(&q.id) {
            parts.push((
                format!("Management response · {}", m.kind.label()),
                CELL_BOLD,
            ));
            parts.push((m.text.clone(), CELL));
        }
        if let Some(r) = r {
            let refs: Vec<String> = r.evidence.iter().map(EvidenceRef::display).collect();
            if !refs.is_empty() {
                parts.push((format!("Evidence on file: {}", refs.join("; ")), CELL));
            }
            let mut follow = Vec::new();
            if let Some(owner) = &r.owner {
                follow.push(format!("Control owner: {}", ctx.owner_name(owner)));
            }
            if r.flagged {
                follow.push("Flagged for follow-up".to_owned());
            }
            if !follow.is_empty() {
                parts.push((follow.join(" · "), CELL_MUTED));
            }
        }
        let (label, color) = answer_chip(answer);
        table.row(vec![Cell::Chip(label.to_owned(), color), Cell::Text(parts)]);
    }
    table
}
