//! The request list as a workbook for the auditor: one row per item with its status as a
//! drop-down, due dates as dates, frozen header and filters.

use crate::workbook::sheet::{filter, row, row_num, table, Cell, Col};
use crate::workbook::style::Styles;
use crate::workbook::Result;
use chrono::{DateTime, Utc};
use rust_xlsxwriter::{DataValidation, DataValidationErrorStyle, DocProperties, Workbook};
use trustgap_domain::evidence::requests::{ItemStatus, RequestItem};

const COLS: [Col; 9] = [
    Col("Reference", 12.0),
    Col("Request", 50.0),
    Col("Detail", 50.0),
    Col("Criteria", 14.0),
    Col("Owner", 20.0),
    Col("Due", 12.0),
    Col("Status", 18.0),
    Col("Reason (not applicable)", 30.0),
    Col("Files provided", 10.0),
];
const STATUS_COL: u16 = 6;

/// The request list of `client`'s assessment as an `.xlsx` file, stamped `generated_at`.
pub fn request_list_workbook(
    client: &str,
    assessment: &str,
    items: &[RequestItem],
    generated_at: DateTime<Utc>,
) -> Result<Vec<u8>> {
    let mut book = Workbook::new();
    book.set_properties(
        &DocProperties::new()
            .set_title(format!("Request list: {client} - {assessment}"))
            .set_company(client)
            .set_author("Trustgap")
            .set_creation_datetime(&generated_at),
    );
    let styles = Styles::new();
    let sheet = table(&mut book, "Request list", &COLS, &styles)?;
    for (i, item) in items.iter().enumerate() {
        let criteria = item.criteria.join(", ");
        let files = item.files.to_string();
        let due = item.due.map_or(Cell::Text(""), Cell::Date);
        row(
            sheet,
            i + 1,
            &[
                Cell::Text(&item.reference),
                Cell::Text(&item.title),
                Cell::Text(&item.detail),
                Cell::Text(&criteria),
                Cell::Text(item.owner.as_deref().unwrap_or("")),
                due,
                Cell::Text(item.status.label()),
                Cell::Text(item.reason.as_deref().unwrap_or("")),
                Cell::Text(&files),
            ],
            &COLS,
            &styles,
        )?;
    }
    if !items.is_empty() {
        let labels: Vec<&str> = ItemStatus::ALL.iter().map(|s| s.label()).collect();
        let status = DataValidation::new()
            .allow_list_strings(&labels)?
            .set_error_style(DataValidationErrorStyle::Stop);
        sheet.add_data_validation(1, STATUS_COL, row_num(items.len()), STATUS_COL, &status)?;
    }
    filter(sheet, items.len(), COLS.len())?;
    Ok(book.save_to_buffer()?)
}
