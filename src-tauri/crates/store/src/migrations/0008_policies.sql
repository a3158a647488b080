-- Policies written from an assessment: what the workspace keeps beyond the templates. A policy's
-- owner and approver are people of the assessment's client (removing the person leaves the
-- role "not yet named"); its section edits and history go with the policy's record; revisions
-- are appended, never rewritten (`seq` counts them from 1, oldest first); parameters are the
-- values the user set for the assessment ("Cloud provider" = "AWS").
CREATE TABLE policy_records (
    assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    policy_id     TEXT NOT NULL,
    owner_id      INTEGER REFERENCES people(id) ON DELETE SET NULL,
    approver_id   INTEGER REFERENCES people(id) ON DELETE SET NULL,
    status        TEXT NOT NULL DEFAULT 'draft'
                    CHECK (status IN ('draft', 'in_review', 'approved', 'retired')),
    version       INTEGER NOT NULL DEFAULT 1 CHECK (version BETWEEN 1 AND 1000000),
    approved_on   TEXT,
    next_review   TEXT,
    PRIMARY KEY (assessment_id, policy_id)
) WITHOUT ROWID;
CREATE INDEX policy_records_owner ON policy_records(owner_id);
CREATE INDEX policy_records_approver ON policy_records(approver_id);

CREATE TABLE policy_section_edits (
    assessment_id INTEGER NOT NULL,
    policy_id     TEXT NOT NULL,
    section_id    TEXT NOT NULL,
    text          TEXT NOT NULL,
    base          TEXT NOT NULL,
    edited_at     TEXT NOT NULL,
    PRIMARY KEY (assessment_id, policy_id, section_id),
    FOREIGN KEY (assessment_id, policy_id)
        REFERENCES policy_records(assessment_id, policy_id) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE policy_revisions (
    assessment_id INTEGER NOT NULL,
    policy_id     TEXT NOT NULL,
    seq           INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 1000000),
    version       INTEGER NOT NULL CHECK (version BETWEEN 1 AND 1000000),
    status        TEXT NOT NULL
                    CHECK (status IN ('draft', 'in_review', 'approved', 'retired')),
    at            TEXT NOT NULL,
    author        TEXT NOT NULL DEFAULT '',
    note          TEXT NOT NULL DEFAULT '',
    approver      TEXT NOT NULL DEFAULT '',
    approved_on   TEXT,
    -- The sections as approved (JSON list of FrozenSection); NULL for other rows.
    sections_json TEXT,
    PRIMARY KEY (assessment_id, policy_id, seq),
    FOREIGN KEY (assessment_id, policy_id)
        REFERENCES policy_records(assessment_id, policy_id) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE policy_parameters (
    assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    parameter_id  TEXT NOT NULL,
    value         TEXT NOT NULL,
    PRIMARY KEY (assessment_id, parameter_id)
) WITHOUT ROWID;
