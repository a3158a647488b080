//! The evidence locker's rows: file contents stored once per SHA-256 in chunks, written from a
//! reader and read back to a writer a chunk at a time, so no file is ever whole in memory.
//!
//! Adding a file is one transaction: the chunks, the hash and the file's row commit together or
//! not at all, so a process killed mid-add leaves no partial file and no dangling link. It is a
//! bulk write ([`crate::bulk`]): the contents are written to the disk once, not twice.

use super::{new_uid, now, OptionalRow, Result, Store, StoreError};
use rusqlite::{params, OptionalExtension, Transaction};
use sha2::{Digest, Sha256};
use std::io::{ErrorKind, Read};
use trustgap_domain::evidence::{
    self, Attachment, EvidenceDates, EvidenceFile, NewEvidence, CHUNK_BYTES, MAX_FILE_BYTES,
    MAX_WORKSPACE_BYTES,
};

const FILE_COLS: &str = "f.id, f.uid, f.name, f.media_type, b.size, b.sha256, f.added_by, \
    f.added_at, f.produced_on, f.covers_from, f.covers_to, f.expires_on, f.note, f.deleted_at";

impl Store {
    /// Stores the bytes `source` yields as a file of `assessment_id`'s evidence. `declared` is
    /// the size the caller expects (a file's length), checked against the limits before
    /// anything is written; the bytes actually read are checked again as they arrive.
    pub fn add_evidence(
        &mut self,
        assessment_id: i64,
        new: &NewEvidence,
        declared: u64,
        source: &mut dyn Read,
    ) -> Result<EvidenceFile> {
        if declared > MAX_FILE_BYTES {
            return Err(evidence::too_large(declared).into());
        }
        let used = self.evidence_bytes()?;
        if used + declared > MAX_WORKSPACE_BYTES {
            return Err(evidence::workspace_full(used, declared).into());
        }
        self.assessment(assessment_id)?;
        let id = self.bulk_write(|tx| {
            let blob = store_blob(tx, source)?;
            let used: u64 = tx.query_row(
                "SELECT coalesce(sum(size), 0) FROM evidence_blobs",
                [],
                |r| r.get::<_, i64>(0),
            )? as u64;
            if used > MAX_WORKSPACE_BYTES {
                return Err(evidence::workspace_full(used, 0).into());
            }
            let d = &new.dates;
            tx.execute(
                "INSERT INTO evidence_files (uid, assessment_id, blob_id, name, media_type, \
                 added_by, added_at, produced_on, covers_from, covers_to, expires_on, note) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                params![
                    new_uid(),
                    assessment_id,
                    blob,
                    new.name,
                    evidence::media_type(&new.name),
                    new.added_by,
                    now(),
                    d.produced_on,
                    d.covers_from,
                    d.covers_to,
                    d.expires_on,
                    new.note
                ],
            )?;
            let file = tx.last_insert_rowid();
            for a in &new.attach {
                link(tx, file, a)?;
            }
            Ok(file)
        })?;
        self.evidence_file(id)
    }

    /// Bytes of evidence the workspace holds (each stored file counted once).
    pub fn evidence_bytes(&self) -> Result<u64> {
        let n: i64 = self.conn.query_row(
            "SELECT coalesce(sum(size), 0) FROM evidence_blobs",
            [],
            |r| r.get(0),
        )?;
        Ok(n as u64)
    }

    /// One file, with what it is attached to.
    pub fn evidence_file(&self, id: i64) -> Result<EvidenceFile> {
        let mut file = self
            .conn
            .query_row(
                &format!(
                    "SELECT {FILE_COLS} FROM evidence_files f \
                     JOIN evidence_blobs b ON b.id = f.blob_id WHERE f.id = ?1"
                ),
                [id],
                read_file,
            )
            .or_not_found(|| format!("Evidence file {id}"))?;
        file.attached = self.attachments(id)?;
        Ok(file)
    }

    /// The assessment whose locker holds file `id`.
    pub fn evidence_owner(&self, id: i64) -> Result<i64> {
        self.conn
            .query_row(
                "SELECT assessment_id FROM evidence_files WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .or_not_found(|| format!("Evidence file {id}"))
    }

    /// An assessment's files, oldest first; those in the trash only when asked.
    pub fn evidence_files(
        &self,
        assessment_id: i64,
        with_trash: bool,
    ) -> Result<Vec<EvidenceFile>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {FILE_COLS} FROM evidence_files f JOIN evidence_blobs b ON b.id = f.blob_id \
             WHERE f.assessment_id = ?1 AND (?2 OR f.deleted_at IS NULL) ORDER BY f.id"
        ))?;
        let mut files: Vec<EvidenceFile> = stmt
            .query_map(params![assessment_id, with_trash], read_file)?
            .collect::<rusqlite::Result<_>>()?;
        for f in &mut files {
            f.attached = self.attachments(f.id)?;
        }
        Ok(files)
    }

    fn attachments(&self, file: i64) -> Result<Vec<Attachment>> {
        let mut stmt = self.conn.prepare(
            "SELECT kind, target FROM evidence_links WHERE file_id = ?1 ORDER BY kind, target",
        )?;
        let rows = stmt.query_map([file], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (kind, target) = row?;
            out.push(Attachment::from_parts(&kind, &target)?);
        }
        Ok(out)
    }

    /// Attaches a file to one more thing (nothing happens when it already is).
    pub fn attach_evidence(&mut self, id: i64, to: &Attachment) -> Result<()> {
        self.write(|tx| link(tx, id, to))
    }

    /// Detaches a file; its last attachment stays (a file attached to nothing is in the trash).
    pub fn detach_evidence(&mut self, id: i64, from: &Attachment) -> Result<()> {
        self.write(|tx| {
            let n: i64 = tx.query_row(
                "SELECT count(*) FROM evidence_links WHERE file_id = ?1",
                [id],
                |r| r.get(0),
            )?;
            if n <= 1 {
                return Err(StoreError::Invalid(
                    "That is the file's only attachment: attach it elsewhere first, or move the \
                     file to the trash."
                        .into(),
                ));
            }
            tx.execute(
                "DELETE FROM evidence_links WHERE file_id = ?1 AND kind = ?2 AND target = ?3",
                params![id, from.kind(), from.target()],
            )?;
            Ok(())
        })
    }

    /// Moves a file to the trash, or back (undo).
    pub fn trash_evidence(&mut self, id: i64, trashed: bool) -> Result<()> {
        let changed = self.write(|tx| {
            Ok(tx.execute(
                "UPDATE evidence_files SET deleted_at = CASE WHEN ?2 THEN ?3 END WHERE id = ?1",
                params![id, trashed, now()],
            )?)
        })?;
        if changed == 0 {
            return Err(StoreError::NotFound(format!("Evidence file {id}")));
        }
        Ok(())
    }

    /// Deletes an assessment's trashed files for good; contents no other file uses go with
    /// them. Returns how many files went.
    pub fn empty_evidence_trash(&mut self, assessment_id: i64) -> Result<usize> {
        self.write(|tx| {
            Ok(tx.execute(
                "DELETE FROM evidence_files WHERE assessment_id = ?1 AND deleted_at IS NOT NULL",
                [assessment_id],
            )?)
        })
    }

    /// Streams file `id`'s contents into `sink`, a chunk at a time; `sink` may stop the copy by
    /// returning an error (a cancelled pack). Returns the bytes written.
    pub fn read_evidence(
        &self,
        id: i64,
        sink: &mut dyn FnMut(&[u8]) -> std::io::Result<()>,
    ) -> Result<u64> {
        let blob: i64 = self
            .conn
            .query_row(
                "SELECT blob_id FROM evidence_files WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .or_not_found(|| format!("Evidence file {id}"))?;
        let mut stmt = self
            .conn
            .prepare("SELECT data FROM evidence_chunks WHERE blob_id = ?1 ORDER BY seq")?;
        let mut rows = stmt.query([blob])?;
        let mut total = 0u64;
        while let Some(row) = rows.next()? {
            let data = row.get_ref(0)?.as_blob().map_err(rusqlite::Error::from)?;
            sink(data).map_err(|e| StoreError::Invalid(e.to_string()))?;
            total += data.len() as u64;
        }
        Ok(total)
    }
}

/// Carries an assessment's files (not those in the trash) and their attachments over to its
/// re-assessment `copy`: the same contents, no bytes copied.
pub(crate) fn carry_over(tx: &Transaction<'_>, id: i64, copy: i64) -> Result<()> {
    let files: Vec<i64> = tx
        .prepare("SELECT id FROM evidence_files WHERE assessment_id = ?1 AND deleted_at IS NULL ORDER BY id")?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for old in files {
        tx.execute(
            "INSERT INTO evidence_files (uid, assessment_id, blob_id, name, media_type, added_by, \
             added_at, produced_on, covers_from, covers_to, expires_on, note) \
             SELECT ?2, ?3, blob_id, name, media_type, added_by, added_at, produced_on, \
             covers_from, covers_to, expires_on, note FROM evidence_files WHERE id = ?1",
            params![old, new_uid(), copy],
        )?;
        let file = tx.last_insert_rowid();
        tx.execute(
            "INSERT INTO evidence_links (file_id, kind, target) \
             SELECT ?2, kind, target FROM evidence_links WHERE file_id = ?1",
            params![old, file],
        )?;
    }
    Ok(())
}

/// Streams `source` into a new blob, hashing as it goes, then keeps one copy per hash: when
/// the contents are already stored, the new chunks are dropped and the existing blob is used.
fn store_blob(tx: &Transaction<'_>, source: &mut dyn Read) -> Result<i64> {
    // A random placeholder for the hash (unknown until the last byte), replaced before the
    // transaction commits.
    let placeholder: String = new_uid().replace('-', "").repeat(2);
    tx.execute(
        "INSERT INTO evidence_blobs (sha256, size) VALUES (?1, 0)",
        [&placeholder[..64]],
    )?;
    let blob = tx.last_insert_rowid();
    let mut insert =
        tx.prepare("INSERT INTO evidence_chunks (blob_id, seq, data) VALUES (?1, ?2, ?3)")?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; CHUNK_BYTES];
    let (mut size, mut seq) = (0u64, 0i64);
    loop {
        let n = fill(source, &mut buf)?;
        if n == 0 {
            break;
        }
        size += n as u64;
        if size > MAX_FILE_BYTES {
            return Err(evidence::too_large(size).into());
        }
        hasher.update(&buf[..n]);
        insert.execute(params![blob, seq, &buf[..n]])?;
        seq += 1;
        if n < buf.len() {
            break;
        }
    }
    let sha = hex_digest(hasher);
    let existing: Option<i64> = tx
        .query_row(
            "SELECT id FROM evidence_blobs WHERE sha256 = ?1",
            [&sha],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(existing) = existing {
        tx.execute("DELETE FROM evidence_blobs WHERE id = ?1", [blob])?;
        return Ok(existing);
    }
    tx.execute(
        "UPDATE evidence_blobs SET sha256 = ?2, size = ?3 WHERE id = ?1",
        params![blob, sha, size as i64],
    )?;
    Ok(blob)
}

/// The SHA-256 as stored: lower-case hex.
pub(crate) fn hex_digest(hasher: Sha256) -> String {
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Reads until `buf` is full or the source ends; returns the bytes read.
fn fill(source: &mut dyn Read, buf: &mut [u8]) -> Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match source.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => {
                return Err(StoreError::Invalid(format!(
                    "Could not read the file ({e}); nothing was added."
                )))
            }
        }
    }
    Ok(n)
}

fn link(tx: &Transaction<'_>, file: i64, to: &Attachment) -> Result<()> {
    tx.execute(
        "INSERT OR IGNORE INTO evidence_links (file_id, kind, target) VALUES (?1, ?2, ?3)",
        params![file, to.kind(), to.target()],
    )?;
    Ok(())
}

fn read_file(r: &rusqlite::Row<'_>) -> rusqlite::Result<EvidenceFile> {
    Ok(EvidenceFile {
        id: r.get(0)?,
        uid: r.get(1)?,
        name: r.get(2)?,
        media_type: r.get(3)?,
        size: r.get::<_, i64>(4)? as u64,
        sha256: r.get(5)?,
        added_by: r.get(6)?,
        added_at: r.get(7)?,
        dates: EvidenceDates {
            produced_on: r.get(8)?,
            covers_from: r.get(9)?,
            covers_to: r.get(10)?,
            expires_on: r.get(11)?,
        },
        note: r.get(12)?,
        deleted: r.get::<_, Option<String>>(13)?.is_some(),
        attached: Vec::new(),
    })
}
