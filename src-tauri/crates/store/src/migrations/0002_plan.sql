-- The audit an assessment prepares for, and the user's edits to remediation plan actions.
ALTER TABLE assessments ADD COLUMN audit_type TEXT NOT NULL DEFAULT 'type1'
    CHECK (audit_type IN ('type1', 'type2'));
ALTER TABLE assessments ADD COLUMN target_date TEXT;
ALTER TABLE assessments ADD COLUMN observation_start TEXT;

-- Keyed by remediation key, so edits survive every regeneration of the plan.
CREATE TABLE plan_edits (
    assessment_id    INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    remediation_key  TEXT NOT NULL,
    owner            TEXT CHECK (owner IS NULL OR length(owner) BETWEEN 1 AND 120),
    start_date       TEXT,
    due_date         TEXT,
    status           TEXT CHECK (status IS NULL OR status IN
                       ('not_started', 'in_progress', 'done', 'risk_accepted')),
    justification    TEXT NOT NULL DEFAULT '',
    notes            TEXT NOT NULL DEFAULT '',
    updated_at       TEXT NOT NULL,
    PRIMARY KEY (assessment_id, remediation_key)
) WITHOUT ROWID;
