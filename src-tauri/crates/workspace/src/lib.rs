//! Trustgap's use cases: the operations users perform on a workspace, joining the store, the
//! question bank, the scorer and the documents.
//!
//! The window's commands and the command line both call these, so validation and view-building
//! live in one place; nothing here knows about windows or terminals. This crate is the only
//! door to the store: `Workspace`'s store is private, and the front ends do not depend on
//! `trustgap-store` at all.

mod answers;
mod assessments;
mod branding;
pub mod clock;
mod data;
pub mod diagnostics;
pub mod error;
mod evidence;
pub mod files;
mod import_answers;
mod json;
mod manage;
pub mod paths;
mod people;
mod planning;
mod policies;
mod register;
mod rendered;
mod report_formats;
mod reports;
mod sample;
mod signoff;
mod snapshots;
mod summary;
mod upgrade;
mod views;

pub use branding::{BrandingFieldsView, BrandingInput, BrandingView, LogoView, TextEdit};
pub use data::{
    backups, file_size, is_recoverable, recover, restore_file, restore_named_backup, BackupInfo,
    ImportPreview, StartupProblem, BACKUPS_KEPT, BACKUP_DIR,
};
pub use error::{ApiError, ErrorCode};
pub use evidence::{
    read_request_file, EvidenceInput, EvidenceLocker, ObservationCalendar, PackProgress,
    PackSummary, RequestImportPreview, MAX_REQUEST_LIST_BYTES,
};
pub use import_answers::{
    AnswerChange, AnswersImport, RowProblem, MAX_FILE_BYTES as MAX_QUESTIONNAIRE_BYTES,
    MAX_ROWS as MAX_QUESTIONNAIRE_ROWS,
};
pub use json::{assessment_json, FORMAT, FORMAT_VERSION};
pub use planning::audit_profile_warnings;
pub use policies::PolicyFile;
pub use register::{
    describe_problems, read_roster_file, AckStatusView, ErasureView, RegisterFile,
    RegisterOverview, RosterPreview, SignSheetRecorded, SignSheetResults, TrainingRow,
    MAX_ROSTER_BYTES,
};
pub use rendered::{missing_glyphs_warning, RenderedPdf};
pub use reports::{DataFormat, ReportKind, ReportOptions, ReportPreview};
pub use sample::SAMPLE_CLIENT;
pub use summary::DocFormat;
pub use trustgap_documents::export::catalog_csv;
pub use trustgap_store::lock::WorkspaceLock;
pub use trustgap_store::portable::ImportMode;
pub use trustgap_store::{Client, HistoryEntry, DB_FILE};
pub use views::*;

use std::path::Path;
use trustgap_domain::catalog::{Catalog, CategoryId};
use trustgap_store::Store;

pub type Result<T> = std::result::Result<T, ApiError>;

/// An open workspace: its database and the question bank it is read with.
pub struct Workspace {
    store: Store,
    pub catalog: &'static Catalog,
}

impl Workspace {
    /// Opens (creating and migrating if needed) the workspace in `data_dir`, with the embedded
    /// question bank. Reading needs no lock; callers that write hold a [`WorkspaceLock`].
    pub fn open(data_dir: &Path) -> Result<Workspace> {
        let catalog = trustgap_domain::catalog::embedded().map_err(ApiError::from)?;
        Workspace::open_with(data_dir, catalog)
    }

    /// Opens the workspace in `data_dir` with another question bank (benchmarks on a larger
    /// bank, tests on a fixture).
    /// Assessments answered against an earlier bank are carried to this one first.
    pub fn open_with(data_dir: &Path, catalog: &'static Catalog) -> Result<Workspace> {
        let mut ws = Workspace {
            store: Store::open_dir(data_dir)?,
            catalog,
        };
        ws.upgrade_assessments()?;
        Ok(ws)
    }

    /// Opens the database file at `path` itself (benchmarks and tests on a copied file).
    pub fn open_file(path: &Path) -> Result<Workspace> {
        let catalog = trustgap_domain::catalog::embedded().map_err(ApiError::from)?;
        let mut ws = Workspace {
            store: Store::open(path)?,
            catalog,
        };
        ws.upgrade_assessments()?;
        Ok(ws)
    }

    /// The database file in use.
    pub fn database(&self) -> &Path {
        self.store.path()
    }
}

/// Versions, the question bank and where the data lives, for `trustgap info` and the UI.
pub fn app_info(data_dir: &Path) -> Result<AppInfo> {
    let catalog = trustgap_domain::catalog::embedded().map_err(ApiError::from)?;
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        catalog_version: catalog.version.clone(),
        data_dir: data_dir.display().to_string(),
        database: data_dir.join(DB_FILE).display().to_string(),
        scoring_method: trustgap_domain::scoring::METHOD.to_owned(),
    })
}

/// A file-name stem from user text: path separators and reserved characters replaced.
pub fn safe_file_stem(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '-',
            c if c.is_control() => '-',
            c => c,
        })
        .collect();
    let trimmed = cleaned.trim().trim_matches('.').trim();
    if trimmed.is_empty() {
        "Trustgap".to_owned()
    } else {
        trimmed.chars().take(80).collect()
    }
}

/// Every optional category, for UIs that list them.
pub fn optional_categories() -> impl Iterator<Item = CategoryId> {
    CategoryId::ALL
        .into_iter()
        .filter(|c| *c != CategoryId::Security)
}

#[cfg(test)]
mod tests {
    use super::safe_file_stem;

    #[test]
    fn file_stems_are_safe() {
        assert_eq!(safe_file_stem("Acme/Corp: \"EU\""), "Acme-Corp- -EU-");
        assert_eq!(safe_file_stem(" .. "), "Trustgap");
        assert_eq!(safe_file_stem("Zoë 株式会社"), "Zoë 株式会社");
    }
}
