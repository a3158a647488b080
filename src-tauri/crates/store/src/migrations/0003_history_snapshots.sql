-- Append-only history of every answer change, and labelled snapshots of an assessment.
CREATE TABLE response_history (
    id             INTEGER PRIMARY KEY,
    assessment_id  INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    question_id    TEXT NOT NULL,
    answer         TEXT CHECK (answer IN
                     ('implemented', 'partial', 'not_implemented', 'not_applicable', 'unknown')),
    note           TEXT NOT NULL,
    assessor       TEXT NOT NULL DEFAULT '',
    changed_at     TEXT NOT NULL
);
CREATE INDEX response_history_question ON response_history(assessment_id, question_id, id);

-- History is evidence of who said what when: it is never rewritten.
CREATE TRIGGER response_history_no_update BEFORE UPDATE ON response_history
BEGIN SELECT RAISE(ABORT, 'response history is append-only'); END;

CREATE TABLE snapshots (
    id             INTEGER PRIMARY KEY,
    assessment_id  INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    label          TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 120),
    scope          TEXT NOT NULL,
    created_at     TEXT NOT NULL
);
CREATE INDEX snapshots_assessment ON snapshots(assessment_id);

CREATE TABLE snapshot_responses (
    snapshot_id  INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
    question_id  TEXT NOT NULL,
    answer       TEXT,
    note         TEXT NOT NULL,
    PRIMARY KEY (snapshot_id, question_id)
) WITHOUT ROWID;
