//! The gap register sheet: one row per gap, most severe first, with the same references and
//! columns as the gap register CSV (`export::gaps_csv`), the due date as a real date.

use super::sheet::{filter, row, table, Cell, Col};
use super::style::Styles;
use super::Result;
use crate::report::{action_ref, ReportContext};
use rust_xlsxwriter::Workbook;

const COLS: [Col; 14] = [
    Col("Ref", 6.0),
    Col("Severity", 10.0),
    Col("Question ID", 12.0),
    Col("Category", 16.0),
    Col("Criteria", 14.0),
    Col("Question", 50.0),
    Col("Answer", 16.0),
    Col("Weight", 8.0),
    Col("Note", 40.0),
    Col("Action ref", 10.0),
    Col("Action", 36.0),
    Col("Priority", 9.0),
    Col("Owner", 22.0),
    Col("Due", 12.0),
];

pub fn gap_sheet(book: &mut Workbook, ctx: &ReportContext<'_>, styles: &Styles) -> Result<()> {
    let sheet = table(book, "Gap register", &COLS, styles)?;
    for (i, g) in ctx.plan.gaps.iter().enumerate() {
        let category = g
            .criteria
            .first()
            .and_then(|c| ctx.catalog.criterion(c))
            .and_then(|c| ctx.catalog.category(c.category))
            .map_or("", |c| c.name.as_str());
        let severity = styles.severity(g.severity);
        let gap_ref = format!("G{:02}", i + 1);
        let criteria = g.criteria.join("; ");
        let action = ctx.action_for_key(&g.remediation);
        let aref = action.map(|(n, _)| action_ref(n)).unwrap_or_default();
        let mut cells = vec![
            Cell::Text(&gap_ref),
            Cell::Styled(g.severity.label(), &severity),
            Cell::Text(&g.question_id),
            Cell::Text(category),
            Cell::Text(&criteria),
            Cell::Text(&g.question),
            Cell::Text(g.answer.label()),
            Cell::Number(f64::from(g.weight)),
            Cell::Text(&g.note),
            Cell::Text(&aref),
        ];
        match action {
            Some((_, a)) => cells.extend([
                Cell::Text(&a.title),
                Cell::Text(a.priority.label()),
                Cell::Text(&a.owner_name),
                Cell::Date(a.due),
            ]),
            None => cells.extend([
                Cell::Text(""),
                Cell::Text(""),
                Cell::Text(""),
                Cell::Text(""),
            ]),
        }
        row(sheet, i + 1, &cells, &COLS, styles)?;
    }
    filter(sheet, ctx.plan.gaps.len(), COLS.len())
}
