//! Importing a roster from an HR system's export (CSV or Excel): read with the questionnaire
//! import's safe reader (size caps before anything is unpacked, formulas never evaluated),
//! mapped to the roster's fields, checked row by row, previewed, then added all or nothing.

use crate::error::ApiError;
use crate::import_answers::read::{Cell, Table};
use crate::import_answers::table_file::{read_table, TableFile};
use crate::{Result, Workspace};
use serde::Serialize;
use specta::Type;
use std::path::Path;
use trustgap_domain::register::mapping::MappedColumn;
use trustgap_domain::register::roster::{PreviewRow, RawRow, MAX_ROSTER_ROWS};
use trustgap_domain::register::{check_roster, ColumnMapping, RosterField, RosterRowProblem};

/// Largest roster file accepted, checked before it is read.
pub const MAX_ROSTER_BYTES: u64 = 10 * 1024 * 1024;

/// What the import would do: the columns as mapped, each row with its problems.
#[derive(Debug, Clone, Serialize, Type)]
pub struct RosterPreview {
    pub columns: Vec<MappedColumn>,
    pub rows: Vec<PreviewRow>,
    /// The rows that cannot be imported; the import refuses the file while there is one.
    pub problems: Vec<RosterRowProblem>,
}

/// A roster comes from an HR system's export, hence "Export" in its messages.
const ROSTER: TableFile = TableFile {
    noun: "roster",
    max_bytes: MAX_ROSTER_BYTES,
    max_rows: MAX_ROSTER_ROWS as u32,
    remake: "Export",
};

/// Reads a roster file from disk, its size checked before it is read.
pub fn read_roster_file(path: &Path) -> Result<(String, Vec<u8>)> {
    ROSTER.read_from(path)
}

fn raw_rows(table: &Table) -> Vec<RawRow> {
    table
        .rows
        .iter()
        .map(|r| RawRow {
            number: r.number,
            cells: r
                .cells
                .iter()
                .map(|c| match c {
                    Cell::Text(t) => Some(t.clone()),
                    Cell::Formula | Cell::Error => None,
                })
                .collect(),
        })
        .collect()
}

/// The rows' problems, one line per row, for a refusal.
pub fn describe_problems(problems: &[RosterRowProblem]) -> String {
    let mut out = format!(
        "{} row(s) cannot be imported; nothing was changed.",
        problems.len()
    );
    for p in problems {
        out.push_str(&format!("\nRow {}: {}", p.row, p.problems.join(" ")));
    }
    out
}

impl Workspace {
    /// Reads and checks a roster without changing anything.
    pub fn preview_roster(
        &self,
        client_id: i64,
        file_name: &str,
        bytes: &[u8],
        overrides: &[(String, RosterField)],
    ) -> Result<RosterPreview> {
        let existing = self.people(client_id)?;
        let table = read_table(file_name, bytes, &ROSTER)?;
        let mapping = ColumnMapping::build(&table.header, overrides)?;
        let check = check_roster(mapping, &raw_rows(&table), &existing);
        Ok(RosterPreview {
            problems: check.problems(),
            columns: check.mapping.columns,
            rows: check.rows,
        })
    }

    /// Adds a roster's people, all or none: any bad row refuses the file, listing every one.
    pub fn import_roster(
        &mut self,
        client_id: i64,
        file_name: &str,
        bytes: &[u8],
        overrides: &[(String, RosterField)],
    ) -> Result<usize> {
        let preview = self.preview_roster(client_id, file_name, bytes, overrides)?;
        if !preview.problems.is_empty() {
            return Err(ApiError::validation(describe_problems(&preview.problems)));
        }
        if preview.rows.is_empty() {
            return Err(ApiError::validation("That roster has no one in it."));
        }
        let people: Vec<_> = preview.rows.into_iter().map(|r| r.person).collect();
        Ok(self.store.add_people(client_id, &people)?.len())
    }
}
