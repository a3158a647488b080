//! Chapter: scope and approach: the categories in and out of scope and why, the audit prepared
//! for (Type I or II, dates), the question bank version, the answer scale and the scoring rules.

use crate::report::context::ReportContext;
use crate::report::flow::Flow;
use crate::report::table::{Cell, Column, Table};
use crate::report::theme::{
    band_color, long_date, BODY, CELL, CELL_BOLD, CELL_MUTED, GOOD, MUTED, SMALL,
};
use crate::report::ReportError;
use trustgap_domain::catalog::CategoryId;
use trustgap_domain::plan::AuditType;
use trustgap_domain::scoring::{Band, METHOD};

pub(super) fn scope_and_approach(
    flow: &mut Flow,
    ctx: &ReportContext<'_>,
    number: &str,
) -> Result<(), ReportError> {
    flow.chapter(number, "Scope and approach")?;
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
    flow.heading(&next(), "The company and the system", 1, 60.0)?;
    let mut t = Table::plain(vec![Column::new("Item", 1.6), Column::new("Detail", 4.4)]);
    for (k, v) in facts {
        t.row(vec![Cell::styled(k, CELL_BOLD), Cell::text(v)]);
    }
    flow.table(&t)?;

    flow.heading(&next(), "Trust Services Categories", 1, 60.0)?;
    flow.paragraph(
        BODY,
        "A SOC 2 report covers Security and any of four optional categories the company chooses \
         because customers rely on them. This assessment covered the following:",
    )?;
    flow.space(6.0);
    let mut t = Table::new(vec![
        Column::new("Category", 1.6),
        Column::new("In scope", 1.0),
        Column::new("What it covers and why", 5.0),
    ]);
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
        t.row(vec![
            Cell::styled(cat.name.clone(), CELL_BOLD),
            if included {
                Cell::Chip("IN SCOPE".into(), GOOD)
            } else {
                Cell::Chip("OUT".into(), MUTED)
            },
            Cell::two(cat.summary.clone(), CELL, why, CELL_MUTED),
        ]);
    }
    flow.table(&t)?;
    scoping_answers(flow, ctx, &next())?;

    flow.heading(&next(), "The audit being prepared for", 1, 60.0)?;
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
    flow.paragraph(BODY, kind)?;
    flow.space(6.0);
    let mut a = Table::plain(vec![Column::new("Item", 1.6), Column::new("Detail", 4.4)]);
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
    for (k, v) in rows {
        a.row(vec![Cell::styled(k, CELL_BOLD), Cell::text(v)]);
    }
    flow.table(&a)?;

    flow.heading(&next(), "Method", 1, 60.0)?;
    flow.paragraph(
        BODY,
        &format!(
            "The company answered {} plain-language questions from the question bank \
             (version {}), each tied to one or more Trust Services Criteria and weighted from 1 \
             (minor) to 5 (an audit exception is certain without it). Each question has one of \
             five answers:",
            ctx.card.overall.questions, ctx.catalog_version
        ),
    )?;
    flow.space(6.0);
    let mut scale = Table::plain(vec![
        Column::new("Answer", 1.6),
        Column::new("Meaning", 4.4),
    ]);
    for (answer, meaning) in [
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
    ] {
        scale.row(vec![Cell::styled(answer, CELL_BOLD), Cell::text(meaning)]);
    }
    flow.table(&scale)?;
    flow.space(8.0);
    flow.paragraph(BODY, &format!("How the score is calculated. {METHOD}"))?;
    flow.space(4.0);
    flow.paragraph(
        BODY,
        "A criterion whose questions are all not applicable has no score rather than 100%. Gap \
         severity is risk: it weighs how critical the control is with the answer. A key control \
         (one the question bank marks as essential, such as MFA on administrative access, \
         restorable backups or incident response) is high whether it is missing, unknown or only \
         partly in place. Otherwise a missing or unknown control is high at weight 4–5, medium at \
         weight 3 and low below; a partial one is high at weight 5, medium at weight 3–4 and low \
         below. A criterion holding a high-severity gap is never shown better than weak, \
         whatever its average. Actions are prioritised by risk first: P1 closes a high gap, P2 a \
         medium gap on a key or weight 4–5 control, P3 another medium gap, P4 a low one.",
    )?;
    flow.space(8.0);
    let mut bands = Table::new(vec![Column::new("Verdict", 1.6), Column::new("Rule", 4.4)]);
    for (band, rule) in [
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
    ] {
        bands.row(vec![
            Cell::Chip(band.label().to_uppercase(), band_color(band)),
            Cell::text(rule),
        ]);
    }
    flow.table(&bands)?;

    flow.heading(&next(), "Limitations", 1, 40.0)?;
    flow.paragraph(
        SMALL,
        &format!(
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
        ),
    )?;
    Ok(())
}

/// The scoping questions answered "yes" when the scope was chosen, with what each recommended
/// and why, as they read then (kept with the assessment).
fn scoping_answers(
    flow: &mut Flow,
    ctx: &ReportContext<'_>,
    number: &str,
) -> Result<(), ReportError> {
    // Kept with the explanation and the start of the table, not alone at a page's foot.
    flow.heading(number, "Why this scope", 1, 130.0)?;
    if ctx.scoping.is_empty() {
        flow.paragraph(
            BODY,
            "No scoping question was answered \u{201c}yes\u{201d} when the scope was chosen: the \
             optional categories above were chosen without them.",
        )?;
        return Ok(());
    }
    flow.paragraph(
        BODY,
        "The scoping questions answered \u{201c}yes\u{201d} when the scope was chosen, and what \
         each recommends. The choice stays the company's: a recommended category may be left out \
         when no customer relies on it.",
    )?;
    flow.space(6.0);
    let mut t = Table::new(vec![
        Column::new("Answered yes", 3.0),
        Column::new("Recommends", 1.4),
        Column::new("Why", 3.6),
    ]);
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
            Some(advice) => Cell::two(note.reason.clone(), CELL, advice.clone(), CELL_MUTED),
            None => Cell::text(note.reason.clone()),
        };
        t.row(vec![
            Cell::text(note.question.clone()),
            Cell::text(recommends),
            why,
        ]);
    }
    flow.table(&t)?;
    Ok(())
}
