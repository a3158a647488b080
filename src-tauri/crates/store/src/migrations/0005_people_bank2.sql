-- People of a client (owners of answers and actions, with their time for compliance work), the
-- client's closures; owners as a person or a role nobody holds yet; Type II timing and the
-- assessor's verification of answers; answers kept from questions that left the bank; the
-- scoping answers behind an assessment's scope.
CREATE TABLE people (
    id          INTEGER PRIMARY KEY,
    uid         TEXT NOT NULL UNIQUE,
    client_id   INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    role        TEXT NOT NULL DEFAULT '' CHECK (length(role) <= 120),
    email       TEXT NOT NULL DEFAULT '' CHECK (length(email) <= 120),
    share       INTEGER NOT NULL DEFAULT 20 CHECK (share BETWEEN 1 AND 100),
    days_off    TEXT NOT NULL DEFAULT '[]',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX people_client ON people(client_id);

ALTER TABLE clients ADD COLUMN year_end_break INTEGER NOT NULL DEFAULT 1
    CHECK (year_end_break IN (0, 1));
ALTER TABLE clients ADD COLUMN closures TEXT NOT NULL DEFAULT '[]';

ALTER TABLE responses ADD COLUMN owner_person INTEGER REFERENCES people(id) ON DELETE SET NULL;
ALTER TABLE responses ADD COLUMN owner_role TEXT NOT NULL DEFAULT '' CHECK (length(owner_role) <= 120);
ALTER TABLE responses ADD COLUMN since TEXT;
ALTER TABLE responses ADD COLUMN cadence TEXT CHECK (cadence IS NULL OR cadence IN
    ('continuous', 'weekly', 'monthly', 'quarterly', 'semiannual', 'annual'));
ALTER TABLE responses ADD COLUMN verified INTEGER NOT NULL DEFAULT 0 CHECK (verified IN (0, 1));
CREATE INDEX responses_owner ON responses(owner_person);

ALTER TABLE plan_edits ADD COLUMN owner_person INTEGER REFERENCES people(id) ON DELETE SET NULL;
ALTER TABLE plan_edits ADD COLUMN owner_role TEXT NOT NULL DEFAULT '' CHECK (length(owner_role) <= 120);
CREATE INDEX plan_edits_owner ON plan_edits(owner_person);

-- Owners typed as free text become a role when they name one of the bank's roles, else a person
-- of the assessment's client (one per distinct name).
CREATE TEMP TABLE bank_roles (name TEXT PRIMARY KEY COLLATE NOCASE);
INSERT INTO bank_roles VALUES ('CEO'), ('CTO'), ('Engineering lead'), ('Security lead'),
    ('IT / Operations lead'), ('People / HR lead'), ('Legal / Privacy lead'), ('Finance lead'),
    ('Customer support lead'), ('Product lead');
INSERT INTO people (uid, client_id, name, created_at, updated_at)
SELECT lower(hex(randomblob(16))), client_id, owner,
       strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
FROM (
    SELECT a.client_id AS client_id, trim(r.owner) AS owner
    FROM responses r JOIN assessments a ON a.id = r.assessment_id
    WHERE trim(r.owner) <> ''
    UNION
    SELECT a.client_id, trim(e.owner)
    FROM plan_edits e JOIN assessments a ON a.id = e.assessment_id
    WHERE e.owner IS NOT NULL AND trim(e.owner) <> ''
)
WHERE owner NOT IN (SELECT name FROM bank_roles);
UPDATE responses SET owner_role = (SELECT name FROM bank_roles WHERE name = trim(responses.owner))
WHERE trim(owner) IN (SELECT name FROM bank_roles);
UPDATE responses SET owner_person = (
    SELECT p.id FROM people p JOIN assessments a ON a.client_id = p.client_id
    WHERE a.id = responses.assessment_id AND p.name = trim(responses.owner))
WHERE owner_role = '' AND trim(owner) <> '';
UPDATE plan_edits SET owner_role = (SELECT name FROM bank_roles WHERE name = trim(plan_edits.owner))
WHERE trim(coalesce(owner, '')) IN (SELECT name FROM bank_roles);
UPDATE plan_edits SET owner_person = (
    SELECT p.id FROM people p JOIN assessments a ON a.client_id = p.client_id
    WHERE a.id = plan_edits.assessment_id AND p.name = trim(plan_edits.owner))
WHERE owner_role = '' AND trim(coalesce(owner, '')) <> '';
DROP TABLE bank_roles;
ALTER TABLE responses DROP COLUMN owner;
ALTER TABLE plan_edits DROP COLUMN owner;

CREATE TABLE retired_answers (
    assessment_id    INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    question_id      TEXT NOT NULL,
    answer           TEXT CHECK (answer IN
                       ('implemented', 'partial', 'not_implemented', 'not_applicable', 'unknown')),
    note             TEXT NOT NULL,
    reason           TEXT NOT NULL,
    catalog_version  TEXT NOT NULL,
    retired_at       TEXT NOT NULL,
    PRIMARY KEY (assessment_id, question_id)
) WITHOUT ROWID;

-- The scoping questions answered "yes" when the scope was chosen, with the reasons shown then.
ALTER TABLE assessments ADD COLUMN scoping TEXT NOT NULL DEFAULT '[]';
