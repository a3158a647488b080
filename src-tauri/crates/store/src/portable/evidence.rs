//! Evidence and the request list in `.trustgap` files. The files' contents travel with them;
//! on import every file's bytes are hashed again, a chunk at a time, and a file whose contents
//! do not match the SHA-256 and size it records refuses the whole import. Contents already in
//! the workspace (same hash) are not copied twice.

use super::invalid_data;
use crate::evidence::hex_digest;
use crate::Result;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use sha2::{Digest, Sha256};
use trustgap_domain::evidence::{display_name, Attachment};

/// Fills the export's evidence tables from the source (`src`): the assessments' files (not
/// those in the trash), their contents and attachments, the auditor's items and the states.
pub(super) fn export(out: &Connection, list: &str) -> Result<()> {
    out.execute_batch(&format!(
        "INSERT INTO evidence_blobs SELECT * FROM src.evidence_blobs WHERE id IN
           (SELECT blob_id FROM src.evidence_files
             WHERE assessment_id IN ({list}) AND deleted_at IS NULL);
         INSERT INTO evidence_chunks SELECT * FROM src.evidence_chunks
           WHERE blob_id IN (SELECT id FROM evidence_blobs);
         INSERT INTO evidence_files SELECT * FROM src.evidence_files
           WHERE assessment_id IN ({list}) AND deleted_at IS NULL;
         INSERT INTO evidence_links SELECT * FROM src.evidence_links
           WHERE file_id IN (SELECT id FROM evidence_files);
         INSERT INTO request_items SELECT * FROM src.request_items WHERE assessment_id IN ({list});
         INSERT INTO request_states SELECT * FROM src.request_states
           WHERE assessment_id IN ({list});"
    ))?;
    Ok(())
}

/// Copies the evidence of the file's assessment `old_id` into the workspace's `id`, each
/// file's contents checked against its hash first.
pub(super) fn copy_in(tx: &Transaction<'_>, old_id: i64, id: i64) -> Result<()> {
    let files: Vec<(i64, String, i64, String)> = tx
        .prepare(
            "SELECT f.id, f.uid, f.blob_id, f.name FROM imp.evidence_files f \
             WHERE f.assessment_id = ?1 AND f.deleted_at IS NULL ORDER BY f.id",
        )?
        .query_map([old_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    for (old_file, uid, old_blob, name) in files {
        if display_name(&name).ok().as_deref() != Some(name.as_str()) {
            return Err(invalid_data(format_args!(
                "evidence file name {name:?} is not one Trustgap keeps"
            )));
        }
        let blob = copy_blob(tx, old_blob, &name)?;
        let taken: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM main.evidence_files WHERE uid = ?1)",
            [&uid],
            |r| r.get(0),
        )?;
        let uid = if taken { crate::new_uid() } else { uid };
        tx.execute(
            "INSERT INTO main.evidence_files (uid, assessment_id, blob_id, name, media_type, \
             added_by, added_at, produced_on, covers_from, covers_to, expires_on, note) \
             SELECT ?2, ?3, ?4, name, media_type, added_by, added_at, produced_on, covers_from, \
             covers_to, expires_on, note FROM imp.evidence_files WHERE id = ?1",
            params![old_file, uid, id, blob],
        )?;
        let file = tx.last_insert_rowid();
        tx.execute(
            "INSERT INTO main.evidence_links (file_id, kind, target) \
             SELECT ?2, kind, target FROM imp.evidence_links WHERE file_id = ?1",
            params![old_file, file],
        )?;
    }
    tx.execute(
        "INSERT INTO main.request_items (assessment_id, reference, title, detail, criteria) \
         SELECT ?2, reference, title, detail, criteria FROM imp.request_items \
         WHERE assessment_id = ?1 ORDER BY id",
        params![old_id, id],
    )?;
    tx.execute(
        "INSERT INTO main.request_states (assessment_id, reference, owner, due, status, reason, \
         updated_at) SELECT ?2, reference, owner, due, status, reason, updated_at \
         FROM imp.request_states WHERE assessment_id = ?1",
        params![old_id, id],
    )?;
    Ok(())
}

/// The workspace's blob for the file's blob `old`: hashed and sized from its chunks, refused
/// on any mismatch, then found by hash or copied.
fn copy_blob(tx: &Transaction<'_>, old: i64, name: &str) -> Result<i64> {
    let (sha, size): (String, i64) = tx.query_row(
        "SELECT sha256, size FROM imp.evidence_blobs WHERE id = ?1",
        [old],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let mut hasher = Sha256::new();
    let mut total = 0i64;
    {
        let mut stmt =
            tx.prepare("SELECT data FROM imp.evidence_chunks WHERE blob_id = ?1 ORDER BY seq")?;
        let mut rows = stmt.query([old])?;
        while let Some(row) = rows.next()? {
            let data = row.get_ref(0)?.as_blob().map_err(rusqlite::Error::from)?;
            total += data.len() as i64;
            hasher.update(data);
        }
    }
    let found = hex_digest(hasher);
    if found != sha || total != size {
        return Err(invalid_data(format_args!(
            "the contents of evidence file {name:?} do not match the SHA-256 and size it \
             records; the file was altered or damaged"
        )));
    }
    if let Some(existing) = tx
        .query_row(
            "SELECT id FROM main.evidence_blobs WHERE sha256 = ?1",
            [&sha],
            |r| r.get(0),
        )
        .optional()?
    {
        return Ok(existing);
    }
    tx.execute(
        "INSERT INTO main.evidence_blobs (sha256, size) VALUES (?1, ?2)",
        params![sha, size],
    )?;
    let blob = tx.last_insert_rowid();
    tx.execute(
        "INSERT INTO main.evidence_chunks (blob_id, seq, data) \
         SELECT ?2, seq, data FROM imp.evidence_chunks WHERE blob_id = ?1 ORDER BY seq",
        params![old, blob],
    )?;
    Ok(blob)
}

/// Checks what was copied into assessment `id` reads back as the app's own: dates as dates,
/// attachments well formed, the request list's criteria as a list.
pub(super) fn verify(tx: &Transaction<'_>, id: i64) -> Result<()> {
    let mut stmt = tx.prepare(
        "SELECT f.produced_on, f.covers_from, f.covers_to, f.expires_on, l.kind, l.target \
         FROM main.evidence_files f LEFT JOIN main.evidence_links l ON l.file_id = f.id \
         WHERE f.assessment_id = ?1",
    )?;
    let mut rows = stmt.query([id])?;
    while let Some(r) = rows.next()? {
        for i in 0..4 {
            r.get::<_, Option<chrono::NaiveDate>>(i)?;
        }
        let (kind, target): (Option<String>, Option<String>) = (r.get(4)?, r.get(5)?);
        let (Some(kind), Some(target)) = (kind, target) else {
            return Err(invalid_data("an evidence file is attached to nothing"));
        };
        Attachment::from_parts(&kind, &target)
            .and_then(|a| a.check())
            .map_err(invalid_data)?;
    }
    let mut stmt = tx.prepare(
        "SELECT criteria FROM main.request_items WHERE assessment_id = ?1 UNION ALL \
         SELECT due FROM main.request_states WHERE assessment_id = ?1 AND due IS NOT NULL",
    )?;
    let mut rows = stmt.query([id])?;
    while let Some(r) = rows.next()? {
        let text: String = r.get(0)?;
        let ok = serde_json::from_str::<Vec<String>>(&text).is_ok()
            || text.parse::<chrono::NaiveDate>().is_ok();
        if !ok {
            return Err(invalid_data(format_args!("request list value {text:?}")));
        }
    }
    Ok(())
}
