-- The company profile and assessor of an assessment, archive and trash, re-assessments, where
-- the user left off; per-answer flag, owner, evidence references and review marker.
ALTER TABLE assessments ADD COLUMN industry TEXT NOT NULL DEFAULT '';
ALTER TABLE assessments ADD COLUMN headcount INTEGER
    CHECK (headcount IS NULL OR headcount BETWEEN 1 AND 1000000);
ALTER TABLE assessments ADD COLUMN system_name TEXT NOT NULL DEFAULT '';
ALTER TABLE assessments ADD COLUMN system_description TEXT NOT NULL DEFAULT '';
ALTER TABLE assessments ADD COLUMN hosting TEXT NOT NULL DEFAULT '';
ALTER TABLE assessments ADD COLUMN assessor TEXT NOT NULL DEFAULT '';
ALTER TABLE assessments ADD COLUMN archived_at TEXT;
ALTER TABLE assessments ADD COLUMN deleted_at TEXT;
ALTER TABLE assessments ADD COLUMN based_on INTEGER REFERENCES assessments(id) ON DELETE SET NULL;
ALTER TABLE assessments ADD COLUMN last_question TEXT;

ALTER TABLE responses ADD COLUMN flagged INTEGER NOT NULL DEFAULT 0 CHECK (flagged IN (0, 1));
ALTER TABLE responses ADD COLUMN owner TEXT NOT NULL DEFAULT '';
ALTER TABLE responses ADD COLUMN evidence TEXT NOT NULL DEFAULT '[]';
ALTER TABLE responses ADD COLUMN needs_review INTEGER NOT NULL DEFAULT 0
    CHECK (needs_review IN (0, 1));
