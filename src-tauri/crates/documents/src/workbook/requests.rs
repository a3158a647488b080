//! The Evidence requests sheet: for every control in scope, what an auditor will ask for, its
//! status, who owns it and what is already on file (the same list as the readiness report's
//! appendix and the control matrix CSV, from `trustgap_domain::evidence_requests`).

use super::sheet::{filter, row, table, Cell, Col};
use super::style::Styles;
use super::Result;
use crate::report::ReportContext;
use rust_xlsxwriter::Workbook;
use trustgap_domain::assessment::EvidenceRef;
use trustgap_domain::assessment::Scope;
use trustgap_domain::evidence_requests::evidence_requests;

const COLS: [Col; 10] = [
    Col("Criterion", 10.0),
    Col("Question ID", 11.0),
    Col("Control", 50.0),
    Col("Status", 16.0),
    Col("What to provide", 50.0),
    Col("What it must show", 50.0),
    Col("Type II runs", 14.0),
    Col("Owner", 20.0),
    Col("Verified", 9.0),
    Col("On file", 36.0),
];

pub fn requests_sheet(book: &mut Workbook, ctx: &ReportContext<'_>, styles: &Styles) -> Result<()> {
    let sheet = table(book, "Evidence requests", &COLS, styles)?;
    let list = evidence_requests(
        ctx.catalog,
        &Scope::new(ctx.scope),
        ctx.responses,
        ctx.profile,
    );
    for (i, r) in list.iter().enumerate() {
        let items = r
            .items
            .iter()
            .map(|item| format!("• {item}"))
            .collect::<Vec<_>>()
            .join("\n");
        let runs = match (r.cadence, r.runs_in_period) {
            (Some(c), Some(n)) => format!("{}, {n} in the period", c.label()),
            (Some(c), None) => c.label().to_owned(),
            (None, _) => String::new(),
        };
        let owner = r
            .owner
            .as_ref()
            .map(|o| ctx.owner_name(o))
            .unwrap_or_default();
        let verified = match (r.answer, r.verified) {
            (None, _) => "",
            (Some(_), true) => "Yes",
            (Some(_), false) => "No",
        };
        let on_file = r
            .on_file
            .iter()
            .map(EvidenceRef::display)
            .collect::<Vec<_>>()
            .join("\n");
        row(
            sheet,
            i + 1,
            &[
                Cell::Text(&r.criterion),
                Cell::Text(&r.question_id),
                Cell::Text(&r.question),
                Cell::Text(r.status.label()),
                Cell::Text(&items),
                Cell::Text(&r.ask),
                Cell::Text(&runs),
                Cell::Text(&owner),
                Cell::Text(verified),
                Cell::Text(&on_file),
            ],
            &COLS,
            styles,
        )?;
    }
    filter(sheet, list.len(), COLS.len())
}
