//! Trustgap's use cases: the operations users perform on a workspace, joining the store, the
//! question bank, the scorer and the documents.
//!
//! The window's commands and the command line both call these, so validation and view-building
//! live in one place; nothing here knows about windows or terminals. This crate is the only
//! door to the store: `Workspace`'s store is private, and the front ends do not depend on
//! `trustgap-store` at all.

mod data;
pub mod error;
pub mod files;
mod json;
mod manage;
pub mod paths;
mod planning;
mod reports;
mod sample;
mod snapshots;
mod views;

pub use data::{
    backups, file_size, is_recoverable, recover, restore_file, restore_named_backup, BackupInfo,
    ImportPreview, StartupProblem, BACKUPS_KEPT, BACKUP_DIR,
};
pub use error::{ApiError, ErrorCode};
pub use json::{assessment_json, FORMAT, FORMAT_VERSION};
pub use reports::{DataFormat, ReportKind, ReportOptions, ReportPreview};
pub use sample::SAMPLE_CLIENT;
pub use trustgap_documents::export::catalog_csv;
pub use trustgap_store::lock::WorkspaceLock;
pub use trustgap_store::portable::ImportMode;
pub use trustgap_store::{Client, HistoryEntry, DB_FILE};
pub use views::*;

use chrono::{DateTime, Utc};
use std::path::Path;
use trustgap_documents::report::{readiness_summary, GapLine, SummaryInput};
use trustgap_domain::assessment::{Answer, Response, Scope};
use trustgap_domain::catalog::{Catalog, CategoryId};
use trustgap_domain::plan::validate_profile;
use trustgap_domain::scoring::{headline, score, Band, Scorecard, Severity, Tally};
use trustgap_store::{AssessmentRecord, NewAssessment, Store};

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
    pub fn open_with(data_dir: &Path, catalog: &'static Catalog) -> Result<Workspace> {
        Ok(Workspace {
            store: Store::open_dir(data_dir)?,
            catalog,
        })
    }

    /// Opens the database file at `path` itself (benchmarks and tests on a copied file).
    pub fn open_file(path: &Path) -> Result<Workspace> {
        let catalog = trustgap_domain::catalog::embedded().map_err(ApiError::from)?;
        Ok(Workspace {
            store: Store::open(path)?,
            catalog,
        })
    }

    /// The database file in use.
    pub fn database(&self) -> &Path {
        self.store.path()
    }

    pub fn overview(&self) -> Result<Overview> {
        // One query for every answer, and headline scores only: a workspace may hold hundreds
        // of assessments.
        let marks = self.store.answer_marks()?;
        let summaries = |records: Vec<AssessmentRecord>| -> Vec<AssessmentSummary> {
            records
                .into_iter()
                .map(|a| {
                    let m = marks.get(&a.id).map_or(&[][..], Vec::as_slice);
                    let head = headline(
                        self.catalog,
                        &a.scope,
                        m.iter().map(|r| (r.question_id.as_str(), r.answer)),
                    );
                    let review = m.iter().filter(|r| r.needs_review).count();
                    let flagged = m.iter().filter(|r| r.flagged).count();
                    summary_of(a, &head.overall, head.band, review, flagged)
                })
                .collect()
        };
        Ok(Overview {
            clients: self.store.clients()?,
            assessments: summaries(self.store.assessments()?),
            trash: summaries(self.store.trash()?),
        })
    }

    pub fn create_client(&mut self, name: &str) -> Result<Client> {
        Ok(self.store.create_client(name)?)
    }

    pub fn create_assessment(&mut self, input: &NewAssessmentInput) -> Result<AssessmentSummary> {
        validate_profile(&input.profile)?;
        let record = self.store.create_assessment(NewAssessment {
            client_id: input.client_id,
            name: &input.name,
            catalog_version: &self.catalog.version,
            scope: Scope::new(&input.scope),
            profile: input.profile.clone(),
            company: input.company.clone(),
        })?;
        Ok(self.summarise(record, &[]).0)
    }

    /// Loads an assessment for work and records it as the most recently opened.
    pub fn open_assessment(&mut self, id: i64) -> Result<AssessmentDetail> {
        self.store.touch_assessment(id)?;
        self.detail(id)
    }

    pub fn detail(&self, id: i64) -> Result<AssessmentDetail> {
        let record = self.store.assessment(id)?;
        let responses = self.store.responses(id)?;
        let (summary, scorecard) = self.summarise(record, &responses);
        Ok(AssessmentDetail {
            summary,
            responses,
            scorecard,
        })
    }

    pub fn save_answer(&mut self, input: &SaveAnswerInput) -> Result<AnswerSaved> {
        let record = self.store.assessment(input.assessment_id)?;
        let question = self.catalog.question(&input.question_id).ok_or_else(|| {
            ApiError::not_found(format!(
                "Question {} is not in the question bank.",
                input.question_id
            ))
        })?;
        if !question
            .categories
            .iter()
            .any(|c| record.scope.categories().contains(c))
        {
            return Err(ApiError::validation(format!(
                "Question {} is outside this assessment's scope.",
                question.id
            )));
        }
        if input.answer == Some(Answer::NotApplicable) && input.note.trim().is_empty() {
            return Err(ApiError::validation(
                "Say why this does not apply: a not-applicable answer needs a justification in its note.",
            ));
        }
        let response = self.store.save_response(
            record.id,
            &Response {
                question_id: question.id.clone(),
                answer: input.answer,
                note: input.note.clone(),
                flagged: input.flagged,
                owner: input.owner.clone(),
                evidence: input.evidence.clone(),
                ..Response::default()
            },
            &record.company.assessor,
        )?;
        let responses = self.store.responses(record.id)?;
        // The save moved exactly these two fields of the assessment: no need to read it again.
        let record = AssessmentRecord {
            updated_at: response.updated_at.clone(),
            last_question: Some(response.question_id.clone()),
            ..record
        };
        let (summary, scorecard) = self.summarise(record, &responses);
        Ok(AnswerSaved {
            response,
            summary,
            scorecard,
        })
    }

    /// The one-page summary PDF and a file name to suggest for it.
    pub fn summary_pdf(&self, id: i64, generated_at: DateTime<Utc>) -> Result<(String, Vec<u8>)> {
        let detail = self.detail(id)?;
        let s = &detail.summary;
        let scope = s
            .scope
            .iter()
            .map(|c| {
                self.catalog
                    .category(*c)
                    .map_or_else(|| c.as_str().to_owned(), |x| x.name.clone())
            })
            .collect();
        let bytes = readiness_summary(&SummaryInput {
            client: &s.client_name,
            assessment: &s.name,
            catalog_version: &s.catalog_version,
            scope,
            card: &detail.scorecard,
            top_gaps: self.top_gaps(&detail.responses, 5),
            generated_at,
        })?;
        let name = format!(
            "{} - SOC 2 readiness summary.pdf",
            safe_file_stem(&s.client_name)
        );
        Ok((name, bytes))
    }

    /// The `n` most severe answered gaps: severity, then weight, then catalog order.
    fn top_gaps(&self, responses: &[Response], n: usize) -> Vec<GapLine> {
        let mut gaps: Vec<_> = responses
            .iter()
            .filter_map(|r| {
                let q = self.catalog.question(&r.question_id)?;
                let severity = Severity::of(q.weight, r.answer)?;
                let position = self.catalog.questions.iter().position(|x| x.id == q.id);
                Some((severity, q.weight, position, q, r.answer?))
            })
            .collect();
        gaps.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        gaps.into_iter()
            .take(n)
            .map(|(severity, _, _, q, answer)| GapLine {
                severity,
                criterion: q.criteria.first().cloned().unwrap_or_default(),
                question: q.text.clone(),
                answer: answer.label().to_owned(),
            })
            .collect()
    }

    fn summarise(
        &self,
        a: AssessmentRecord,
        responses: &[Response],
    ) -> (AssessmentSummary, Scorecard) {
        let card = score(self.catalog, &a.scope, responses);
        let review = responses.iter().filter(|r| r.needs_review).count();
        let flagged = responses.iter().filter(|r| r.flagged).count();
        (
            summary_of(a, &card.overall, card.band, review, flagged),
            card,
        )
    }
}

fn summary_of(
    a: AssessmentRecord,
    overall: &Tally,
    band: Band,
    needs_review: usize,
    flagged: usize,
) -> AssessmentSummary {
    AssessmentSummary {
        id: a.id,
        client_id: a.client_id,
        client_name: a.client_name,
        name: a.name,
        catalog_version: a.catalog_version,
        scope: a.scope.categories().to_vec(),
        profile: a.profile,
        company: a.company,
        created_at: a.created_at,
        updated_at: a.updated_at,
        opened_at: a.opened_at,
        archived_at: a.archived_at,
        deleted_at: a.deleted_at,
        based_on: a.based_on,
        last_question: a.last_question,
        needs_review: needs_review as u32,
        flagged: flagged as u32,
        answered: overall.answered,
        questions: overall.questions,
        readiness: overall.score,
        band,
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
