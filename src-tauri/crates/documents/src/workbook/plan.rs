//! The plan sheet: every remediation action in plan order, with real start and due dates, the
//! status as a drop-down of the domain's status labels, and the severity as a fill colour.

use super::sheet::{filter, row, row_num, table, Cell, Col};
use super::style::Styles;
use super::Result;
use crate::report::{action_ref, ReportContext};
use rust_xlsxwriter::{DataValidation, DataValidationErrorStyle, Workbook};
use trustgap_domain::plan::ActionStatus;

const COLS: [Col; 16] = [
    Col("Ref", 6.0),
    Col("Action", 36.0),
    Col("Description", 50.0),
    Col("Severity", 10.0),
    Col("Priority", 9.0),
    Col("Effort", 10.0),
    Col("Owner", 22.0),
    Col("Start", 12.0),
    Col("Due", 12.0),
    Col("Phase", 16.0),
    Col("Status", 14.0),
    Col("Criteria", 14.0),
    Col("Questions", 14.0),
    Col("Justification", 36.0),
    Col("Notes", 36.0),
    Col("Evidence", 36.0),
];
/// The status column, for its drop-down.
const STATUS_COL: u16 = 10;

/// The labels of every action status, in the domain's order.
pub fn status_labels() -> Vec<&'static str> {
    ActionStatus::ALL.iter().map(|s| s.label()).collect()
}

pub fn plan_sheet(book: &mut Workbook, ctx: &ReportContext<'_>, styles: &Styles) -> Result<()> {
    let sheet = table(book, "Plan", &COLS, styles)?;
    for (i, a) in ctx.plan.actions.iter().enumerate() {
        let severity = styles.severity(a.severity);
        let reference = action_ref(i);
        let effort = format!("{:?}", a.effort);
        let criteria = a.criteria.join("; ");
        let questions = a.questions.join("; ");
        row(
            sheet,
            i + 1,
            &[
                Cell::Text(&reference),
                Cell::Text(&a.title),
                Cell::Text(&a.description),
                Cell::Styled(a.severity.label(), &severity),
                Cell::Text(a.priority.label()),
                Cell::Text(&effort),
                Cell::Text(&a.owner_name),
                Cell::Date(a.start),
                Cell::Date(a.due),
                Cell::Text(a.phase.label()),
                Cell::Text(a.status.label()),
                Cell::Text(&criteria),
                Cell::Text(&questions),
                Cell::Text(&a.justification),
                Cell::Text(&a.notes),
                Cell::Text(&a.evidence),
            ],
            &COLS,
            styles,
        )?;
    }
    let rows = ctx.plan.actions.len();
    if rows > 0 {
        let status = DataValidation::new()
            .allow_list_strings(&status_labels())?
            .set_error_style(DataValidationErrorStyle::Stop)
            .set_error_title("Status")?
            .set_error_message("Choose a status from the list.")?;
        sheet.add_data_validation(1, STATUS_COL, row_num(rows), STATUS_COL, &status)?;
    }
    filter(sheet, rows, COLS.len())
}
