-- The evidence locker and the request list. File contents are stored once per SHA-256 (a file
-- attached to two assessments, or added twice, takes its bytes once) in chunks written and read
-- one at a time; each assessment's files record what was added (name, type, dates, who, when)
-- and what they are attached to. The request list stores only what a person set on an item and
-- the auditor's own items; the items the bank generates are computed.
CREATE TABLE evidence_blobs (
    id     INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    size   INTEGER NOT NULL CHECK (size BETWEEN 0 AND 209715200)
);

CREATE TABLE evidence_chunks (
    id      INTEGER PRIMARY KEY,
    blob_id INTEGER NOT NULL REFERENCES evidence_blobs(id) ON DELETE CASCADE,
    seq     INTEGER NOT NULL CHECK (seq >= 0),
    data    BLOB NOT NULL CHECK (length(data) BETWEEN 1 AND 1048576),
    UNIQUE (blob_id, seq)
);

CREATE TABLE evidence_files (
    id            INTEGER PRIMARY KEY,
    uid           TEXT NOT NULL UNIQUE,
    assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    blob_id       INTEGER NOT NULL REFERENCES evidence_blobs(id),
    name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    media_type    TEXT NOT NULL CHECK (length(media_type) BETWEEN 1 AND 120),
    added_by      TEXT NOT NULL DEFAULT '' CHECK (length(added_by) <= 120),
    added_at      TEXT NOT NULL,
    produced_on   TEXT,
    covers_from   TEXT,
    covers_to     TEXT,
    expires_on    TEXT,
    note          TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 10000),
    deleted_at    TEXT
);
CREATE INDEX evidence_files_assessment ON evidence_files(assessment_id);
CREATE INDEX evidence_files_blob ON evidence_files(blob_id);

-- A file's contents go when the last file using them does (also when an assessment is purged).
CREATE TRIGGER evidence_blob_release AFTER DELETE ON evidence_files
BEGIN
    DELETE FROM evidence_blobs WHERE id = OLD.blob_id
        AND NOT EXISTS (SELECT 1 FROM evidence_files WHERE blob_id = OLD.blob_id);
END;

CREATE TABLE evidence_links (
    file_id INTEGER NOT NULL REFERENCES evidence_files(id) ON DELETE CASCADE,
    kind    TEXT NOT NULL CHECK (kind IN ('question', 'criterion', 'action', 'request')),
    target  TEXT NOT NULL CHECK (length(target) BETWEEN 1 AND 120),
    PRIMARY KEY (file_id, kind, target)
) WITHOUT ROWID;

CREATE TABLE request_items (
    id            INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    reference     TEXT NOT NULL CHECK (length(reference) BETWEEN 1 AND 120),
    title         TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 1000),
    detail        TEXT NOT NULL DEFAULT '' CHECK (length(detail) <= 10000),
    -- JSON array of criterion ids.
    criteria      TEXT NOT NULL DEFAULT '[]',
    UNIQUE (assessment_id, reference COLLATE NOCASE)
);

CREATE TABLE request_states (
    assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    reference     TEXT NOT NULL CHECK (length(reference) BETWEEN 1 AND 120),
    owner         TEXT CHECK (length(owner) BETWEEN 1 AND 120),
    due           TEXT,
    status        TEXT CHECK (status IN ('requested', 'provided', 'accepted', 'not_applicable')),
    reason        TEXT CHECK (length(reason) <= 10000),
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (assessment_id, reference)
) WITHOUT ROWID;
