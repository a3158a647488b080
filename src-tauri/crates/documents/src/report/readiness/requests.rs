//! Appendix: evidence requests: for every criterion in scope, what an auditor typically asks
//! for it as a whole, then for each control listed under it the evidence that will be asked
//! for, whether it can be collected now or only after remediation, and who owns it.

use crate::report::context::ReportContext;
use crate::report::flow::Flow;
use crate::report::fonts::Weight;
use crate::report::table::{Cell, Column, Table};
use crate::report::theme::{
    long_date, plural, short_date, style, CELL_BOLD, CELL_MUTED, FAINT, GOOD, MUTED, SMALL, WARN,
};
use crate::report::ReportError;
use std::collections::HashMap;
use trustgap_domain::assessment::{Answer, Scope};
use trustgap_domain::evidence_requests::{evidence_requests, EvidenceRequest, RequestStatus};
use trustgap_domain::plan::{observation_start, AuditType};

/// The status in its colour, as text (a chip would not fit "After remediation").
fn status_cell(s: RequestStatus) -> Cell {
    let color = match s {
        RequestStatus::ReadyToCollect => GOOD,
        RequestStatus::AfterRemediation => WARN,
        RequestStatus::NotApplicable => MUTED,
        RequestStatus::NotAnswered => FAINT,
    };
    Cell::styled(s.label(), style(8.0, Weight::Bold, color))
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

pub(super) fn evidence_request_list(
    flow: &mut Flow,
    ctx: &ReportContext<'_>,
    letter: &str,
) -> Result<(), ReportError> {
    flow.chapter(&format!("Appendix {letter}"), "Evidence requests")?;
    let list = evidence_requests(
        ctx.catalog,
        &Scope::new(ctx.scope),
        ctx.responses,
        ctx.profile,
    );
    flow.paragraph(SMALL, &reading_guide(ctx, &list))?;
    flow.space(6.0);
    flow.table(&request_table(ctx, &list))?;
    Ok(())
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
    // Widths in points of the 483 pt text block.
    let mut t = Table::new(vec![
        Column::new("Criterion", 56.0),
        Column::new("ID", 62.0),
        Column::new("What will be asked for", 221.0),
        Column::new("Status", 76.0),
        Column::new("Owner", 68.0),
    ]);
    t.zebra = false;
    t.carry = Some(0);
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
                Cell::styled(crit.criterion.clone(), CELL_BOLD)
            } else {
                Cell::text("")
            }
        };
        if !asks.is_empty() {
            t.row(vec![
                head(),
                Cell::styled("All", CELL_MUTED),
                Cell::styled(
                    format!(
                        "Typically asked for the criterion: {}.",
                        asks.iter()
                            .map(|r| r.trim_end_matches('.'))
                            .collect::<Vec<_>>()
                            .join("; ")
                    ),
                    CELL_MUTED,
                ),
                Cell::text(""),
                Cell::text(""),
            ]);
        }
        for r in own {
            let mut parts = vec![(r.items.join("; "), super::matrix::CONTROL)];
            if !generic(r) {
                parts.push((r.ask.clone(), CELL_MUTED));
            }
            if let Some((_, a)) = r.remediation.as_deref().and_then(|k| ctx.action_for_key(k)) {
                let aref = refs.get(a.key.as_str()).cloned().unwrap_or_default();
                parts.push((
                    format!("After action {aref}, due {}", short_date(a.due)),
                    CELL_MUTED,
                ));
            }
            let owner = match (&r.owner, r.remediation.as_deref()) {
                (Some(o), _) => ctx.owner_name(o),
                (None, Some(k)) => ctx
                    .action_for_key(k)
                    .map_or_else(|| "Not set".to_owned(), |(_, a)| a.owner_name.clone()),
                (None, None) => "Not set".to_owned(),
            };
            t.row(vec![
                head(),
                Cell::styled(r.question_id.clone(), CELL_BOLD),
                Cell::Text(parts),
                status_cell(r.status),
                Cell::text(owner),
            ]);
        }
    }
    t
}
