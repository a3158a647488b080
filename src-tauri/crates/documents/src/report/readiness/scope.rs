//! Chapter: scope and approach: the categories in and out of scope and why, the audit prepared
//! for (Type I or II, dates), the question bank version, the answer scale and the scoring rules,
//! on the document model.

use crate::doc::{Block, Cell, Column, Row, Table, Tone};
use crate::report::context::ReportContext;
use crate::report::theme::{band_tone, long_date};
use trustgap_domain::catalog::CategoryId;
use trustgap_domain::plan::AuditType;
use trustgap_domain::scoring::{Band, METHOD};

/// A label/value list without a header row.
fn label_list(rows: Vec<(&str, String)>) -> Block {
    Block::Table(Table {
        columns: vec![Column::new("", 1.6), Column::new("", 4.4)],
        rows: rows
            .into_iter()
            .map(|(k, v)| Row::new(vec![Cell::strong(k), Cell::from(v)]))
            .collect(),
    })
}

pub(super) fn scope_and_approach(ctx: &ReportContext<'_>, number: &str) -> Vec<Block> {
    let mut out = vec![Block::chapter(number, "Scope and approach")];
    let mut section = 0;
    let mut next = || {
        section += 1;
        format!("{number}.{section}")
    };

    let co = ctx.company;
    let mut facts: Vec<(&str, String)> = vec![("System", ctx.system().to_owned())];
    for (k, v) in [
        ("What it does", co.system_description.trim()),
        ("Hosting", co.hosting.trim()),
        ("Industry", co.industry.trim()),
    ] {
        if !v.is_empty() {
            facts.push((k, v.to_owned()));
        }
    }
    if let Some(h) = co.headcount {
        facts.push(("People", format!("{h} employees and contractors")));
    }
    facts.push(("Led by", ctx.led_by()));
    if !ctx.branding.firm.is_empty() {
        facts.push(("Prepared by", ctx.branding.firm.clone()));
    }
    out.push(Block::section(next(), "The company and the system"));
    out.push(label_list(facts));

    out.push(Block::section(next(), "Trust Services Categories"));
    out.push(Block::Paragraph(
        "A SOC 2 report covers Security and any of four optional categories the company chooses \
         because customers rely on them. This assessment covered the following:"
            .into(),
    ));
    let mut rows = Vec::new();
    for cat in &ctx.catalog.categories {
        let included = ctx.scope.contains(&cat.id);
        let why = if cat.id == CategoryId::Security {
            "Always in scope: every SOC 2 report covers the common criteria."
        } else if included {
            "Included: chosen for this assessment because customers rely on it."
        } else {
            "Not included: not chosen for this assessment. Add it if customers' contracts or \
             questionnaires ask about it."
        };
        rows.push(Row::new(vec![
            Cell::strong(cat.name.clone()),
            if included {
                Cell::chip("IN SCOPE", Tone::Good)
            } else {
                Cell::chip("OUT", Tone::Muted)
            },
            Cell::from(cat.summary.clone()).with(why),
        ]));
    }
    out.push(Block::Table(Table {
        columns: vec![
            Column::new("Category", 1.6),
            Column::new("In scope", 1.0),
            Column::new("What it covers and why", 5.0),
        ],
        rows,
    }));
    out.extend(scoping_answers(ctx, next()));

    out.push(Block::section(next(), "The audit being prepared for"));
    let kind = match ctx.profile.audit_type {
        AuditType::Type1 => {
            "A Type I audit checks that controls are designed and in place on one date. It is the \
             usual first report and the quicker one to obtain."
        }
        AuditType::Type2 => {
            "A Type II audit checks that controls operated throughout an observation period, \
             usually three to twelve months; controls must be in place before the period starts."
        }
    };
    out.push(Block::Paragraph(kind.into()));
    let mut rows = vec![
        ("Audit type", ctx.audit_type_label().to_owned()),
        (
            "Target date",
            ctx.profile
                .target_date
                .map_or_else(|| "Not set yet".to_owned(), long_date),
        ),
    ];
    if ctx.profile.audit_type == AuditType::Type2 {
        let start = ctx
            .profile
            .observation_start
            .map_or_else(|| "Not set (90 days assumed)".to_owned(), long_date);
        rows.push(("Observation period starts", start));
    }
    rows.push((
        "Readiness deadline",
        match ctx.deadline() {
            Some(d) => format!("{}. {}", long_date(d), ctx.deadline_reason()),
            None => ctx.deadline_reason(),
        },
    ));
    rows.push(("Plan date", long_date(ctx.plan.plan_date)));
    out.push(label_list(rows));

    out.push(Block::section(next(), "Method"));
    out.push(Block::Paragraph(
        format!(
            "The company answered {} plain-language questions from the question bank \
             (version {}), each tied to one or more Trust Services Criteria and weighted from 1 \
             (minor) to 5 (an audit exception is certain without it). Each question has one of \
             five answers:",
            ctx.card.overall.questions, ctx.catalog_version
        )
        .into(),
    ));
    let scale = [
        (
            "Implemented",
            "The control is in place and evidence of it exists.",
        ),
        (
            "Partially implemented",
            "Something exists but is informal, undocumented or not everywhere.",
        ),
        ("Not implemented", "The control does not exist yet."),
        (
            "Don't know",
            "Nobody could say; treated as missing until shown otherwise.",
        ),
        (
            "Not applicable",
            "The control does not apply here; a justification is recorded.",
        ),
    ];
    out.push(label_list(
        scale.into_iter().map(|(a, m)| (a, m.to_owned())).collect(),
    ));
    out.push(Block::Paragraph(
        format!("How the score is calculated. {METHOD}").into(),
    ));
    out.push(Block::Paragraph(
        "A criterion whose questions are all not applicable has no score rather than 100%. Gap \
         severity is risk: it weighs how critical the control is with the answer. A key control \
         (one the question bank marks as essential, such as MFA on administrative access, \
         restorable backups or incident response) is high whether it is missing, unknown or only \
         partly in place. Otherwise a missing or unknown control is high at weight 4–5, medium at \
         weight 3 and low below; a partial one is high at weight 5, medium at weight 3–4 and low \
         below. A criterion holding a high-severity gap is never shown better than weak, \
         whatever its average. Actions are prioritised by risk first: P1 closes a high gap, P2 a \
         medium gap on a key or weight 4–5 control, P3 another medium gap, P4 a low one."
            .into(),
    ));
    let bands = [
        (Band::Ready, "85% or more, and no high-severity gap."),
        (
            Band::NearlyReady,
            "70% or more, and at most three high-severity gaps.",
        ),
        (
            Band::SignificantGaps,
            "40% or more, and at most ten high-severity gaps.",
        ),
        (
            Band::NotReady,
            "Below 40%, or more than ten high-severity gaps.",
        ),
        (
            Band::Incomplete,
            "Fewer than half of the questions answered.",
        ),
    ];
    out.push(Block::Table(Table {
        columns: vec![Column::new("Verdict", 1.6), Column::new("Rule", 4.4)],
        rows: bands
            .into_iter()
            .map(|(band, rule)| {
                Row::new(vec![Cell::chip(band.label(), band_tone(band)), rule.into()])
            })
            .collect(),
    }));

    out.push(Block::section(next(), "Limitations"));
    out.push(Block::Note(
        format!(
            "{}. {} An auditor will ask for the evidence listed in the detailed findings; where \
             it does not exist, an answer of implemented may not hold. The question bank \
             paraphrases the Trust Services Criteria in plain words and does not reproduce the \
             AICPA's text.",
            ctx.led_by_sentence(),
            if ctx.company.assessor_led() {
                "Answers marked verified were checked against evidence; the others are as the \
                 company gave them."
            } else {
                "Answers were not tested against evidence."
            }
        )
        .into(),
    ));
    out
}

/// The scoping questions answered "yes" when the scope was chosen, with what each recommended
/// and why, as they read then (kept with the assessment).
fn scoping_answers(ctx: &ReportContext<'_>, number: String) -> Vec<Block> {
    // The renderer keeps the heading with the explanation and the start of the table.
    let mut out = vec![Block::section(number, "Why this scope")];
    if ctx.scoping.is_empty() {
        out.push(Block::Paragraph(
            "No scoping question was answered \u{201c}yes\u{201d} when the scope was chosen: the \
             optional categories above were chosen without them."
                .into(),
        ));
        return out;
    }
    out.push(Block::Paragraph(
        "The scoping questions answered \u{201c}yes\u{201d} when the scope was chosen, and what \
         each recommends. The choice stays the company's: a recommended category may be left out \
         when no customer relies on it."
            .into(),
    ));
    let mut rows = Vec::new();
    for note in ctx.scoping {
        let recommends = if note.recommends.is_empty() {
            "Nothing in SOC 2".to_owned()
        } else {
            note.recommends
                .iter()
                .map(|c| ctx.category_name(*c))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let why = match &note.advice {
            Some(advice) => Cell::from(note.reason.clone()).with(advice.clone()),
            None => Cell::from(note.reason.clone()),
        };
        rows.push(Row::new(vec![
            Cell::from(note.question.clone()),
            Cell::from(recommends),
            why,
        ]));
    }
    out.push(Block::Table(Table {
        columns: vec![
            Column::new("Answered yes", 3.0),
            Column::new("Recommends", 1.4),
            Column::new("Why", 3.6),
        ],
        rows,
    }));
    out
}
