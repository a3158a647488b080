//! Policy documents as files: one policy, or the whole pack (its index first, then one file per
//! policy), as PDF, Word or Markdown. Exports record no document versions: a policy has its own.

use super::clip;
use crate::error::ApiError;
use crate::files::write_atomically;
use crate::{safe_file_stem, Result, Workspace};
use chrono::{DateTime, NaiveDate, Utc};
use std::path::{Path, PathBuf};
use trustgap_documents::doc::Document;
use trustgap_documents::policy::{
    file_stem, pack_index, pack_index_markdown, policy_document, policy_markdown, PolicyDocContext,
    INDEX_STEM,
};
use trustgap_documents::report::render_document;
use trustgap_documents::word::docx;
use trustgap_domain::policy::{PolicyFormat, PolicyView};

/// A policy document ready to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyFile {
    /// The file name, with its extension.
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The bytes of a document in `format`; Markdown comes from its own writer.
fn bytes(
    format: PolicyFormat,
    doc: impl FnOnce() -> Document,
    md: impl FnOnce() -> String,
) -> Result<Vec<u8>> {
    Ok(match format {
        PolicyFormat::Pdf => render_document(&doc())?.0,
        PolicyFormat::Docx => docx(&doc())?,
        PolicyFormat::Md => md().into_bytes(),
    })
}

fn one(
    view: &PolicyView,
    ctx: &PolicyDocContext,
    format: PolicyFormat,
    stem: &str,
) -> Result<PolicyFile> {
    Ok(PolicyFile {
        name: format!("{stem}.{}", format.extension()),
        bytes: bytes(
            format,
            || policy_document(view, ctx),
            || policy_markdown(view, ctx),
        )?,
    })
}

impl Workspace {
    /// Builds the documents' context and hands it, with the pack, to `f`.
    fn with_policy_docs<T>(
        &self,
        id: i64,
        generated_at: DateTime<Utc>,
        today: NaiveDate,
        f: impl FnOnce(&[PolicyView], &PolicyDocContext) -> Result<T>,
    ) -> Result<T> {
        let s = self.sources(id, today)?;
        let report = self.context(&s, &[], generated_at, today);
        let ctx = PolicyDocContext::from_report(&report);
        f(&s.policies, &ctx)
    }

    /// One policy as a file named after the company, the policy and its version.
    pub fn policy_file(
        &self,
        id: i64,
        policy_id: &str,
        format: PolicyFormat,
        generated_at: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<PolicyFile> {
        self.with_policy_docs(id, generated_at, today, |views, ctx| {
            let view = views.iter().find(|v| v.id == policy_id).ok_or_else(|| {
                ApiError::not_found(format!(
                    "There is no policy '{}' in this assessment's pack.",
                    clip(policy_id)
                ))
            })?;
            let stem = safe_file_stem(&format!("{} {} v{}", ctx.company, view.title, view.version));
            one(view, ctx, format, &stem)
        })
    }

    /// The whole pack: the index (`00-index`), then each policy (`01-<id>`, ...) in order.
    pub fn policy_pack(
        &self,
        id: i64,
        format: PolicyFormat,
        generated_at: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<Vec<PolicyFile>> {
        self.with_policy_docs(id, generated_at, today, |views, ctx| {
            let index = PolicyFile {
                name: format!("{INDEX_STEM}.{}", format.extension()),
                bytes: bytes(
                    format,
                    || pack_index(views, ctx),
                    || pack_index_markdown(views, ctx),
                )?,
            };
            let mut files = vec![index];
            for (i, view) in views.iter().enumerate() {
                files.push(one(view, ctx, format, &file_stem(i, &view.id))?);
            }
            Ok(files)
        })
    }

    /// Writes the pack into `dir` (created when missing; files of the same names replaced,
    /// each atomically) and returns the paths written. A `dir` that is a file is refused.
    pub fn write_policy_pack(
        &self,
        id: i64,
        dir: &Path,
        format: PolicyFormat,
        generated_at: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<Vec<PathBuf>> {
        if dir.exists() && !dir.is_dir() {
            return Err(ApiError::validation(format!(
                "{} is a file: give a folder to write the policy pack to.",
                dir.display()
            )));
        }
        let files = self.policy_pack(id, format, generated_at, today)?;
        std::fs::create_dir_all(dir).map_err(|e| {
            ApiError::io(format!(
                "Could not create the folder {}: {e}",
                dir.display()
            ))
        })?;
        files
            .iter()
            .map(|f| {
                let path = dir.join(&f.name);
                write_atomically(&path, &f.bytes).map(|()| path)
            })
            .collect()
    }
}
