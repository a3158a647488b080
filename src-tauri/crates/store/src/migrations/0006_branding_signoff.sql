-- White-label branding (the workspace's, and each client's override where a NULL field
-- inherits), who led an assessment, the documents' version history, their approvers, and
-- management's response to each finding.
CREATE TABLE workspace_branding (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    firm        TEXT CHECK (firm IS NULL OR length(firm) <= 120),
    logo        BLOB CHECK (logo IS NULL OR length(logo) BETWEEN 1 AND 1048576),
    logo_format TEXT CHECK (logo_format IS NULL OR logo_format IN ('png', 'jpeg')),
    accent      TEXT CHECK (accent IS NULL OR length(accent) = 7),
    footer      TEXT CHECK (footer IS NULL OR length(footer) <= 160),
    disclaimer  TEXT CHECK (disclaimer IS NULL OR length(disclaimer) <= 1200),
    updated_at  TEXT NOT NULL,
    CHECK ((logo IS NULL) = (logo_format IS NULL))
);

CREATE TABLE client_branding (
    client_id   INTEGER PRIMARY KEY REFERENCES clients(id) ON DELETE CASCADE,
    firm        TEXT CHECK (firm IS NULL OR length(firm) <= 120),
    logo        BLOB CHECK (logo IS NULL OR length(logo) BETWEEN 1 AND 1048576),
    logo_format TEXT CHECK (logo_format IS NULL OR logo_format IN ('png', 'jpeg')),
    accent      TEXT CHECK (accent IS NULL OR length(accent) = 7),
    footer      TEXT CHECK (footer IS NULL OR length(footer) <= 160),
    disclaimer  TEXT CHECK (disclaimer IS NULL OR length(disclaimer) <= 1200),
    updated_at  TEXT NOT NULL,
    CHECK ((logo IS NULL) = (logo_format IS NULL))
);

ALTER TABLE assessments ADD COLUMN led_by TEXT NOT NULL DEFAULT 'self'
    CHECK (led_by IN ('self', 'assessor'));
ALTER TABLE assessments ADD COLUMN assessor_firm TEXT NOT NULL DEFAULT ''
    CHECK (length(assessor_firm) <= 120);

CREATE TABLE document_versions (
    assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('readiness', 'remediation', 'summary')),
    version       INTEGER NOT NULL CHECK (version BETWEEN 1 AND 100000),
    issued_on     TEXT NOT NULL,
    author        TEXT NOT NULL CHECK (length(author) <= 120),
    change        TEXT NOT NULL CHECK (length(change) BETWEEN 1 AND 120),
    PRIMARY KEY (assessment_id, kind, version)
) WITHOUT ROWID;

CREATE TABLE approvers (
    assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL CHECK (position BETWEEN 0 AND 11),
    name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    role          TEXT NOT NULL DEFAULT '' CHECK (length(role) <= 120),
    signed_on     TEXT,
    PRIMARY KEY (assessment_id, position)
) WITHOUT ROWID;

CREATE TABLE management_responses (
    assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    question_id   TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('planned_action', 'accepted_risk', 'disputed')),
    text          TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 10000),
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (assessment_id, question_id)
) WITHOUT ROWID;
