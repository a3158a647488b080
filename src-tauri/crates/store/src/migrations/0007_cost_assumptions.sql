-- What remediation may cost, as the user assumes it, per assessment: a day rate for the effort
-- and external costs (penetration test, audit fee, tooling) as a JSON list of
-- {label, low, high} in whole currency units. The board brief prices the plan with it.
CREATE TABLE cost_assumptions (
    assessment_id INTEGER PRIMARY KEY REFERENCES assessments(id) ON DELETE CASCADE,
    currency      TEXT NOT NULL DEFAULT '' CHECK (length(currency) <= 8),
    day_rate      INTEGER CHECK (day_rate IS NULL OR day_rate BETWEEN 1 AND 100000),
    lines         TEXT NOT NULL DEFAULT '[]',
    updated_at    TEXT NOT NULL
);
