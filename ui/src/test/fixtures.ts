// Backend values for the front-end tests: one complete value each, so a test states only the
// fields it cares about.
import type { AssessmentSummary, CompanyProfile } from '../lib/api';

/** A company profile with every field left empty. */
export const blankCompany: CompanyProfile = {
  industry: '',
  headcount: null,
  system_name: '',
  system_description: '',
  hosting: '',
  assessor: '',
};

/** Acme's "Q3 readiness": Security only, a Type I audit with no date, nothing archived or flagged. */
export function assessmentSummary(over: Partial<AssessmentSummary> = {}): AssessmentSummary {
  return {
    id: 7,
    client_id: 3,
    client_name: 'Acme',
    name: 'Q3 readiness',
    catalog_version: '2025.1',
    scope: ['security'],
    profile: { audit_type: 'type1', target_date: null, observation_start: null },
    company: { ...blankCompany },
    created_at: '2026-11-01T00:00:00Z',
    updated_at: '2026-11-01T00:00:00Z',
    opened_at: null,
    archived_at: null,
    deleted_at: null,
    based_on: null,
    last_question: null,
    needs_review: 0,
    flagged: 0,
    answered: 0,
    questions: 10,
    readiness: null,
    band: 'incomplete',
    ...over,
  };
}
