//! The evidence pack: one ZIP for the auditor with a folder per criterion, every file under a
//! safe name, the manifest (CSV), its index (PDF) and the request list (Excel).
//!
//! Files stream from the database into the ZIP a chunk at a time (stored, not compressed:
//! evidence is mostly PDFs and images already compressed), so a pack of a gigabyte uses no more
//! memory than a small one; progress is reported per chunk and the build can be cancelled, in
//! which case no file is left under the chosen name.

use crate::error::ApiError;
use crate::files::write_streamed;
use crate::{Result, Workspace};
use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use serde::Serialize;
use specta::Type;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use trustgap_documents::evidence::{
    manifest_csv, pack_index_document, request_list_workbook, PackEntry, PackInfo,
};
use trustgap_documents::report::render_document;
use trustgap_domain::assessment::Scope;
use trustgap_domain::catalog::Question;
use trustgap_domain::evidence::{safe_component, Attachment, EvidenceFile, PackNames};
use trustgap_domain::evidence_requests::listed_under;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// Where a pack build is: bytes of evidence copied of the total.
#[derive(Debug, Clone, Copy, Serialize, Type)]
pub struct PackProgress {
    pub done: u64,
    pub total: u64,
}

/// What a finished pack holds.
#[derive(Debug, Clone, Serialize, Type)]
pub struct PackSummary {
    pub files: usize,
    pub bytes: u64,
    pub folders: usize,
}

/// Folder for files attached to no criterion the pack can name.
const UNFILED: &str = "Other evidence";

impl Workspace {
    /// Builds assessment `id`'s evidence pack at `dest`. `progress` hears of every chunk;
    /// setting `cancel` stops the build (an error, and nothing left at `dest`).
    pub fn evidence_pack(
        &self,
        id: i64,
        dest: &Path,
        generated_at: DateTime<Utc>,
        progress: &mut dyn FnMut(PackProgress),
        cancel: &AtomicBool,
    ) -> Result<PackSummary> {
        let detail = self.detail(id)?;
        let summary = &detail.summary;
        let files = self.store.evidence_files(id, false)?;
        let scope = Scope::new(&summary.scope);
        let placed = self.place(&files, &scope);
        let items = self.build_request_list(&detail, &files, &self.store.request_states(id)?)?;
        let branding = self.effective_branding(summary.client_id)?;
        let total: u64 = files.iter().map(|f| f.size).sum();
        let stamp = zip_time(generated_at);
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Stored)
            .last_modified_time(stamp)
            .large_file(total >= u64::from(u32::MAX) / 2)
            .unix_permissions(0o644);
        let mut done = 0u64;
        write_streamed(dest, |out| {
            let mut zip = ZipWriter::new(out);
            let mut entries = Vec::with_capacity(files.len());
            let mut names: BTreeMap<String, PackNames> = BTreeMap::new();
            for (folder, file) in &placed {
                let name = names.entry(folder.clone()).or_default().name(&file.name);
                let path = format!("{folder}/{name}");
                zip.start_file(path.as_str(), options).map_err(zip_error)?;
                self.store
                    .read_evidence(file.id, &mut |chunk| {
                        if cancel.load(Ordering::Relaxed) {
                            return Err(std::io::Error::other("cancelled"));
                        }
                        zip.write_all(chunk)?;
                        done += chunk.len() as u64;
                        progress(PackProgress { done, total });
                        Ok(())
                    })
                    .map_err(|e| {
                        if cancel.load(Ordering::Relaxed) {
                            ApiError::validation(
                                "The evidence pack was cancelled; no file was written.",
                            )
                        } else {
                            ApiError::from(e)
                        }
                    })?;
                entries.push(entry(path, file, self, &scope));
            }
            let info = PackInfo {
                client: &summary.client_name,
                assessment: &summary.name,
                branding: &branding,
                generated_at,
            };
            let (index, _) = render_document(&pack_index_document(&info, &entries))?;
            let docs: [(&str, Vec<u8>); 3] = [
                ("manifest.csv", manifest_csv(&entries).into_bytes()),
                ("index.pdf", index),
                (
                    "request-list.xlsx",
                    request_list_workbook(
                        &summary.client_name,
                        &summary.name,
                        &items,
                        generated_at,
                    )?,
                ),
            ];
            for (name, bytes) in docs {
                zip.start_file(name, options).map_err(zip_error)?;
                zip.write_all(&bytes)?;
            }
            zip.finish().map_err(zip_error)?;
            Ok(PackSummary {
                files: entries.len(),
                bytes: done,
                folders: names.len(),
            })
        })
    }

    /// Each file with its folder: the first criterion it speaks for (named directly, through
    /// its question or request item, or through the questions a plan action closes), in the
    /// bank's criterion order, files in the order added.
    fn place<'a>(
        &self,
        files: &'a [EvidenceFile],
        scope: &Scope,
    ) -> Vec<(String, &'a EvidenceFile)> {
        let order: BTreeMap<&str, usize> = self
            .catalog
            .criteria
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i))
            .collect();
        let mut placed: Vec<(usize, String, &EvidenceFile)> = files
            .iter()
            .map(|f| {
                let criterion = f.attached.iter().find_map(|a| self.criterion_of(a, scope));
                match criterion.and_then(|c| self.catalog.criterion(&c)) {
                    Some(c) => (
                        order.get(c.id.as_str()).copied().unwrap_or(usize::MAX),
                        safe_component(&format!("{} {}", c.id, c.topic)),
                        f,
                    ),
                    None => (usize::MAX, UNFILED.to_owned(), f),
                }
            })
            .collect();
        placed.sort_by_key(|(rank, _, f)| (*rank, f.id));
        placed
            .into_iter()
            .map(|(_, folder, f)| (folder, f))
            .collect()
    }

    fn criterion_of(&self, a: &Attachment, scope: &Scope) -> Option<String> {
        let listed = |q: &Question| listed_under(self.catalog, scope, q).to_owned();
        match a {
            Attachment::Criterion(c) => Some(c.clone()),
            Attachment::Question(q) => self.catalog.question(q).map(listed),
            // A control's item is named after its question; a criterion's is `CC6.1/1`.
            Attachment::Request(r) => self.catalog.question(r).map(listed).or_else(|| {
                r.split('/')
                    .next()
                    .filter(|c| self.catalog.criterion(c).is_some())
                    .map(str::to_owned)
            }),
            Attachment::Action(k) => self
                .catalog
                .questions
                .iter()
                .find(|q| q.remediation == *k)
                .map(listed),
        }
    }
}

fn entry(path: String, f: &EvidenceFile, ws: &Workspace, scope: &Scope) -> PackEntry {
    let d = &f.dates;
    let day = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let mut criteria: Vec<String> = Vec::new();
    for c in f.attached.iter().filter_map(|a| ws.criterion_of(a, scope)) {
        if !criteria.contains(&c) {
            criteria.push(c);
        }
    }
    PackEntry {
        path,
        name: f.name.clone(),
        sha256: f.sha256.clone(),
        size: f.size,
        media_type: f.media_type.clone(),
        attached: f
            .attached
            .iter()
            .map(|a| format!("{} {}", a.kind(), a.target()))
            .collect::<Vec<_>>()
            .join("; "),
        criteria: criteria.join(", "),
        period: match (d.covers_from, d.covers_to) {
            (Some(a), Some(b)) => format!("{a} to {b}"),
            _ => String::new(),
        },
        produced_on: day(d.produced_on),
        expires_on: day(d.expires_on),
        added_by: f.added_by.clone(),
        added_at: f.added_at.clone(),
    }
}

/// The entries' time stamp: the pack's own (so `SOURCE_DATE_EPOCH` makes packs reproducible).
fn zip_time(t: DateTime<Utc>) -> zip::DateTime {
    let clamp = |v: u32| u8::try_from(v).unwrap_or(0);
    zip::DateTime::from_date_and_time(
        u16::try_from(t.year()).unwrap_or(1980),
        clamp(t.month()),
        clamp(t.day()),
        clamp(t.hour()),
        clamp(t.minute()),
        clamp(t.second()),
    )
    .unwrap_or_default()
}

fn zip_error(e: zip::result::ZipError) -> ApiError {
    ApiError::io(format!("Could not write the evidence pack: {e}"))
}
