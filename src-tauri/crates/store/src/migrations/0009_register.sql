-- The people register: roster fields on people (employee or contractor, team, joining and
-- leaving dates, when access was removed), a client's training courses and their rules, who
-- completed which course when (with its evidence), who acknowledged which version of an
-- assessment's policy, and the count of people erased (the only trace an erasure keeps).
ALTER TABLE people ADD COLUMN kind TEXT NOT NULL DEFAULT 'employee'
    CHECK (kind IN ('employee', 'contractor'));
ALTER TABLE people ADD COLUMN team TEXT NOT NULL DEFAULT '' CHECK (length(team) <= 120);
ALTER TABLE people ADD COLUMN start_date TEXT;
ALTER TABLE people ADD COLUMN end_date TEXT;
ALTER TABLE people ADD COLUMN access_removed_on TEXT;

CREATE TABLE courses (
    id           INTEGER PRIMARY KEY,
    client_id    INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    within_days  INTEGER CHECK (within_days BETWEEN 0 AND 3650),
    every_months INTEGER CHECK (every_months BETWEEN 1 AND 120),
    -- JSON of the domain's Audience ({"kind":"everyone"}, {"kind":"roles","names":[...]}).
    audience     TEXT NOT NULL DEFAULT '{"kind":"everyone"}',
    UNIQUE (client_id, name)
);

CREATE TABLE training_completions (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    course_id    INTEGER NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
    completed_on TEXT NOT NULL,
    evidence     TEXT NOT NULL DEFAULT '' CHECK (length(evidence) <= 1000),
    UNIQUE (person_id, course_id, completed_on)
);
CREATE INDEX training_completions_course ON training_completions(course_id);

CREATE TABLE policy_acknowledgements (
    person_id       INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    assessment_id   INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    policy_id       TEXT NOT NULL CHECK (length(policy_id) BETWEEN 1 AND 120),
    version         INTEGER NOT NULL CHECK (version BETWEEN 1 AND 1000000),
    acknowledged_on TEXT NOT NULL,
    PRIMARY KEY (person_id, assessment_id, policy_id, version)
) WITHOUT ROWID;
CREATE INDEX policy_acknowledgements_assessment ON policy_acknowledgements(assessment_id);

-- No name, no email: the day and how many rows went, so the register's counts stay honest.
CREATE TABLE register_erasures (
    id           INTEGER PRIMARY KEY,
    client_id    INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    erased_on    TEXT NOT NULL,
    rows_removed INTEGER NOT NULL CHECK (rows_removed >= 0)
);
