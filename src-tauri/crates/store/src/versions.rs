//! The `document_versions` table: each export of a document adds a numbered version.

use super::{Result, Store, StoreError};
use chrono::NaiveDate;
use rusqlite::params;
use trustgap_domain::signoff::{DocumentKind, DocumentVersion};

impl Store {
    /// The versions of one document of an assessment, oldest first.
    pub fn document_versions(
        &self,
        assessment_id: i64,
        kind: DocumentKind,
    ) -> Result<Vec<DocumentVersion>> {
        let mut stmt = self.conn.prepare(
            "SELECT version, issued_on, author, change FROM document_versions \
             WHERE assessment_id = ?1 AND kind = ?2 ORDER BY version",
        )?;
        let rows = stmt.query_map(params![assessment_id, kind.as_str()], |r| {
            Ok(DocumentVersion {
                version: r.get(0)?,
                issued_on: r.get::<_, NaiveDate>(1)?,
                author: r.get(2)?,
                change: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Adds the next version of a document (1 when none); returns it. `change` is checked by
    /// the caller; numbering happens in the transaction, so two exports never share a number.
    pub fn add_document_version(
        &mut self,
        assessment_id: i64,
        kind: DocumentKind,
        issued_on: NaiveDate,
        author: &str,
        change: impl Fn(u32) -> String,
    ) -> Result<DocumentVersion> {
        self.assessment(assessment_id)?;
        self.write(|tx| {
            let last: u32 = tx.query_row(
                "SELECT coalesce(max(version), 0) FROM document_versions \
                 WHERE assessment_id = ?1 AND kind = ?2",
                params![assessment_id, kind.as_str()],
                |r| r.get(0),
            )?;
            let version = last
                .checked_add(1)
                .ok_or_else(|| StoreError::Invalid("Too many versions of this document.".into()))?;
            let v = DocumentVersion {
                version,
                issued_on,
                author: author.to_owned(),
                change: change(version),
            };
            tx.execute(
                "INSERT INTO document_versions (assessment_id, kind, version, issued_on, author, \
                 change) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    assessment_id,
                    kind.as_str(),
                    v.version,
                    v.issued_on,
                    v.author,
                    v.change
                ],
            )?;
            Ok(v)
        })
    }
}
