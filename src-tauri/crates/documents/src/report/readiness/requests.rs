//! Appendix: evidence requests: for every criterion in scope, what an auditor typically asks
//! for it as a whole, then for each control listed under it the evidence that will be asked
//! for, whether it can be collected now or only after remediation, and who owns it.

use crate::doc::{Block, Cell, Column, Row, Table, Text, Tone};
use crate::report::context::ReportContext;
use crate::report::theme::{long_date, plural, short_date};
use std::collections::HashMap;
use trustgap_domain::assessment::{Answer, Scope};
use trustgap_domain::evidence_requests::{evidence_requests, EvidenceRequest, RequestStatus};
use trustgap_domain::plan::{observation_start, AuditType};

/// The status in its colour, as text (a chip would not fit "After remediation").
fn status_cell(s: RequestStatus) -> Cell {
    let tone = match s {
        RequestStatus::ReadyToCollect => Tone::Good,
        RequestStatus::AfterRemediation => Tone::Warning,
        RequestStatus::NotApplicable => Tone::Muted,
        RequestStatus::NotAnswered => Tone::Faint,
    };
    Cell::toned(s.label(), tone, true)
}

/// Quiet text alone in a cell (the renderers' muted detail line).
fn quiet(text: impl Into<String>) -> Cell {
    Cell::default().with(text)
}

/// Whether the request's sentence only repeats what the appendix's introduction says for its
/// status and audit type (so the row leaves it out).
fn generic(r: &EvidenceRequest) -> bool {
    matches!(
        r.status,
        RequestStatus::ReadyToCollect | RequestStatus::AfterRemediation
    ) && r.cadence.is_none()
        && !r.late
        && r.answer != Some(Answer::Unknown)
}

/// The sentence that says what the statuses mean, with the observation period for Type II.
fn reading_guide(ctx: &ReportContext<'_>, list: &[EvidenceRequest]) -> String {
    let count = |s| list.iter().filter(|r| r.status == s).count();
    let period = match (
        ctx.profile.audit_type,
        observation_start(ctx.profile),
        ctx.profile.target_date,
    ) {
        (AuditType::Type2, Some(s), Some(e)) => format!(
            " For this Type II audit, the evidence shows each control in place throughout the \
             observation period, {} to {}, and for a control that operates over time, its \
             operation across the period (the rows name the cadence and the runs expected).",
            long_date(s),
            long_date(e)
        ),
        (AuditType::Type2, _, _) => " For this Type II audit, the evidence shows each control \
             in place throughout the observation period (its dates are not set yet), and for \
             a control that operates over time, its operation across the period."
            .to_owned(),
        (AuditType::Type1, _, _) => " For this Type I audit, the evidence shows each control \
             designed and in place on the audit date."
            .to_owned(),
    };
    format!(
        "What an auditor will ask for, control by control, listed under each control's main \
         criterion; the first line of a criterion is what is typically asked for it as a whole. \
         {}: {} ready to collect (implemented: gather it now), {} after remediation (a gap: the \
         evidence exists once the action that closes it, in the gap register, is done), {} not \
         applicable (the auditor asks for the written reason) and {} not answered.{period}",
        plural(list.len(), "request", "requests"),
        count(RequestStatus::ReadyToCollect),
        count(RequestStatus::AfterRemediation),
        count(RequestStatus::NotApplicable),
        count(RequestStatus::NotAnswered),
    )
}

pub(super) fn evidence_request_list(ctx: &ReportContext<'_>, letter: &str) -> Vec<Block> {
    let list = evidence_requests(
        ctx.catalog,
        &Scope::new(ctx.scope),
        ctx.responses,
        ctx.profile,
    );
    vec![
        Block::chapter(format!("Appendix {letter}"), "Evidence requests"),
        Block::Note(Text::plain(reading_guide(ctx, &list))),
        Block::Spacer(6.0),
        Block::Table(request_table(ctx, &list)),
    ]
}

fn request_table(ctx: &ReportContext<'_>, list: &[EvidenceRequest]) -> Table {
    let mut by_criterion: HashMap<&str, Vec<&EvidenceRequest>> = HashMap::new();
    for r in list {
        by_criterion
            .entry(r.criterion.as_str())
            .or_default()
            .push(r);
    }
    let refs = ctx.action_refs();
    let mut rows = Vec::new();
    for crit in &ctx.card.criteria {
        let asks = ctx
            .catalog
            .criterion(&crit.criterion)
            .map(|c| c.requests.as_slice())
            .unwrap_or_default();
        let own = by_criterion
            .get(crit.criterion.as_str())
            .map(Vec::as_slice)
            .unwrap_or_default();
        if asks.is_empty() && own.is_empty() {
            continue;
        }
        let mut first = true;
        let mut head = || {
            if std::mem::take(&mut first) {
                Cell::strong(crit.criterion.clone())
            } else {
                Cell::from("")
            }
        };
        let mut row = |cells| rows.push(Row::new(cells));
        if !asks.is_empty() {
            row(vec![
                head(),
                quiet("All"),
                quiet(format!(
                    "Typically asked for the criterion: {}.",
                    asks.iter()
                        .map(|r| r.trim_end_matches('.'))
                        .collect::<Vec<_>>()
                        .join("; ")
                )),
                Cell::from(""),
                Cell::from(""),
            ]);
        }
        for r in own {
            let mut item = Cell::from(r.items.join("; "));
            if !generic(r) {
                item = item.with(r.ask.clone());
            }
            if let Some((_, a)) = r.remediation.as_deref().and_then(|k| ctx.action_for_key(k)) {
                let aref = refs.get(a.key.as_str()).cloned().unwrap_or_default();
                item = item.with(format!("After action {aref}, due {}", short_date(a.due)));
            }
            let owner = match (&r.owner, r.remediation.as_deref()) {
                (Some(o), _) => ctx.owner_name(o),
                (None, Some(k)) => ctx
                    .action_for_key(k)
                    .map_or_else(|| "Not set".to_owned(), |(_, a)| a.owner_name.clone()),
                (None, None) => "Not set".to_owned(),
            };
            row(vec![
                head(),
                Cell::strong(r.question_id.clone()),
                item,
                status_cell(r.status),
                Cell::from(owner),
            ]);
        }
    }
    // Widths in points of the 483 pt text block.
    Table {
        columns: vec![
            Column::new("Criterion", 56.0).grouped(),
            Column::new("ID", 62.0),
            Column::new("What will be asked for", 221.0),
            Column::new("Status", 76.0),
            Column::new("Owner", 68.0),
        ],
        rows,
    }
}
