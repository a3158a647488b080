// Backend values for the front-end tests: one complete value each, so a test states only the
// fields it cares about.
import type {
  AssessmentDetail,
  AssessmentSummary,
  Catalog,
  CategoryId,
  CompanyProfile,
  Person,
  Question,
  Response,
  Scorecard,
  Tally,
} from '../lib/api';

/** The one "today" of the front-end tests, a calendar day: plans are dated on it. */
export const TODAY = '2026-11-29';

const DAY_MS = 86_400_000;

/** The calendar day `n` days after TODAY (before it when `n` is negative), as `YYYY-MM-DD`. */
export function day(n: number): string {
  return new Date(Date.parse(`${TODAY}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** A timestamp at 09:00 UTC on the day `n` days after TODAY (0: today). */
export function at(n: number): string {
  return `${day(n)}T09:00:00Z`;
}

/** A company profile with every field left empty. */
export const blankCompany: CompanyProfile = {
  industry: '',
  headcount: null,
  system_name: '',
  system_description: '',
  hosting: '',
  assessor: '',
  led_by: 'self_assessment',
  assessor_firm: '',
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
    created_at: at(-28),
    updated_at: at(-28),
    opened_at: null,
    archived_at: null,
    deleted_at: null,
    based_on: null,
    last_question: null,
    scoping: [],
    needs_review: 0,
    flagged: 0,
    answered: 0,
    questions: 10,
    readiness: null,
    band: 'incomplete',
    ...over,
  };
}

/** The category of a criterion id, as the bank assigns it. */
function categoryOf(criterion: string): CategoryId {
  if (criterion.startsWith('CC')) return 'security';
  if (criterion.startsWith('PI')) return 'processing_integrity';
  if (criterion.startsWith('A')) return 'availability';
  if (criterion.startsWith('C')) return 'confidentiality';
  return 'privacy';
}

/** A question of the bank evidencing `criterion`, with every field set. */
export function bankQuestion(id: string, criterion: string, over: Partial<Question> = {}): Question {
  return {
    id,
    criteria: [criterion],
    categories: [categoryOf(criterion)],
    text: `Question ${id}?`,
    why: 'Why.',
    good: 'Good.',
    evidence: ['A log'],
    finding: `No control for ${id}`,
    weight: 3,
    key: false,
    remediation: 'x',
    runs: null,
    counsel: null,
    ...over,
  };
}

/** A bank with nothing in it but its version; `over` states the lists a test needs. */
export function bankCatalog(over: Partial<Catalog> = {}): Catalog {
  return {
    version: '2026.12.0',
    roles: [],
    categories: [],
    criteria: [],
    questions: [],
    remediations: [],
    scoping: [],
    coverage: [],
    changes: { from: '', previous_ids: [], changed: [], split: [], merged: [], retired: [] },
    ...over,
  };
}

/** Ten questions, none answered: no score and no level. */
export function tally(over: Partial<Tally> = {}): Tally {
  return { score: null, questions: 10, answered: 0, not_applicable: 0, unknown: 0, high_gaps: 0, level: null, ...over };
}

/** A scorecard with nothing answered and no categories, groups or criteria. */
export function scorecard(over: Partial<Scorecard> = {}): Scorecard {
  return {
    overall: tally(),
    band: 'incomplete',
    high_gaps: 0,
    late_controls: 0,
    categories: [],
    groups: [],
    criteria: [],
    ...over,
  };
}

/** An unanswered response to `questionId`: no note, owner, evidence, date or cadence. */
export function response(questionId: string, over: Partial<Response> = {}): Response {
  return {
    question_id: questionId,
    answer: null,
    note: '',
    updated_at: at(-1),
    flagged: false,
    owner: null,
    evidence: [],
    needs_review: false,
    since: null,
    cadence: null,
    verified: false,
    ...over,
  };
}

/** The open assessment: Acme's summary, no answers, an empty scorecard, nothing retired. */
export function assessmentDetail(over: Partial<AssessmentDetail> = {}): AssessmentDetail {
  return { summary: assessmentSummary(), responses: [], scorecard: scorecard(), retired: [], ...over };
}

/** Dana, Acme's CTO, with a fifth of her time for compliance work. */
export function person(over: Partial<Person> = {}): Person {
  return { id: 1, client_id: 3, name: 'Dana Reyes', role: 'CTO', email: '', share: 20, days_off: [], ...over };
}
