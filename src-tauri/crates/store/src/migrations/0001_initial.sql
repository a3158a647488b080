-- Clients, their assessments and the answers given, plus small app settings.
CREATE TABLE clients (
    id          INTEGER PRIMARY KEY,
    uid         TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE assessments (
    id               INTEGER PRIMARY KEY,
    uid              TEXT NOT NULL UNIQUE,
    client_id        INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    name             TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    catalog_version  TEXT NOT NULL,
    scope            TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    opened_at        TEXT
);
CREATE INDEX assessments_client ON assessments(client_id);

CREATE TABLE responses (
    assessment_id  INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    question_id    TEXT NOT NULL,
    answer         TEXT CHECK (answer IN
                     ('implemented', 'partial', 'not_implemented', 'not_applicable', 'unknown')),
    note           TEXT NOT NULL DEFAULT '',
    updated_at     TEXT NOT NULL,
    PRIMARY KEY (assessment_id, question_id)
) WITHOUT ROWID;

CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) WITHOUT ROWID;
