// Labels and number formats shared by the screens. Labels the backend also prints (answers,
// bands, severities, cadences, score levels) come from its shared vocabulary, never a copy.
import {
  VOCABULARY,
  type ActionStatus,
  type Answer,
  type AuditType,
  type Band,
  type Cadence,
  type CategoryId,
  type Effort,
  type Phase,
  type Priority,
  type ScoreLevel,
  type Severity,
  type Tally,
} from './bindings.gen';

/** A vocabulary list as a map from value to label. */
function labels<V extends string>(list: readonly { readonly value: V; readonly label: string }[]): Record<V, string> {
  return Object.fromEntries(list.map((e) => [e.value, e.label])) as Record<V, string>;
}

/** The input limits the backend enforces (characters). */
export const limits = VOCABULARY.limits;

/** "37%"; "<1%" for a score above nothing that would round to 0; "—" for none. */
export function percent(score: number | null | undefined): string {
  if (score === null || score === undefined) return '—';
  return score > 0 && score < 0.5 ? '<1%' : `${Math.round(score)}%`;
}

export const bandLabel: Record<Band, string> = labels(VOCABULARY.bands);

export const cadenceLabel: Record<Cadence, string> = labels(VOCABULARY.cadences);

/** The cadences in order, from continuous to yearly. */
export const cadences: readonly { readonly value: Cadence; readonly label: string }[] = VOCABULARY.cadences;

export const bandHint: Record<Band, string> = {
  incomplete: 'Answer at least half of the questions for a verdict.',
  not_ready: 'Critical controls an auditor expects are missing: fix them before an audit.',
  significant_gaps: 'A solid start, with important controls still to build.',
  nearly_ready: 'A few gaps remain before an audit.',
  ready: 'Controls are in place; keep evidence ready.',
};

export const categoryLabel: Record<CategoryId, string> = {
  security: 'Security',
  availability: 'Availability',
  processing_integrity: 'Processing Integrity',
  confidentiality: 'Confidentiality',
  privacy: 'Privacy',
};

export interface AnswerOption {
  value: Answer;
  label: string;
  key: string;
}

/** The answer choices in the order shown, with their keyboard shortcuts. */
export const answerOptions: AnswerOption[] = [
  { value: 'implemented', label: 'Implemented', key: '1' },
  { value: 'partial', label: 'Partially', key: '2' },
  { value: 'not_implemented', label: 'Not implemented', key: '3' },
  { value: 'not_applicable', label: 'Not applicable', key: '4' },
  { value: 'unknown', label: "Don't know", key: '5' },
];

export const effortDays: Record<Effort, string> = {
  XS: 'up to 1 day',
  S: '2–5 days',
  M: '1–2 weeks',
  L: '3–6 weeks',
  XL: 'over 6 weeks',
};

/**
 * An assessment's readiness to show: none until a question is answered, so a new assessment
 * does not read as 0% in red.
 */
export function readinessOf(a: { answered: number; readiness: number | null }): number | null {
  return a.answered === 0 ? null : a.readiness;
}

/** The score levels, best first, with their lowest score and what they mean ("70–84%"). */
export const scoreLevels: readonly {
  readonly value: ScoreLevel;
  readonly label: string;
  readonly min_score: number;
}[] = VOCABULARY.score_levels;

/**
 * A score's tone, for colour: good, fair, weak, poor (the vocabulary's thresholds) or none. A
 * tally's own level (which counts its high-severity gaps) is `levelTone`.
 */
export function tone(score: number | null | undefined): string {
  if (score === null || score === undefined) return 'none';
  return scoreLevels.find((l) => score >= l.min_score)?.value ?? 'poor';
}

/** A tally's tone as the backend judged it: never better than weak with a high gap inside. */
export function levelTone(tally: Pick<Tally, 'level'>): string {
  return tally.level ?? 'none';
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "29 Nov 2026": the form the PDF reports use, so a date reads the same on screen and in the
 * files handed to a client, and one no reader takes for another day. Built by hand: the first
 * use of Intl's date formats costs the first screen ~5 ms (BENCHMARKS.md, start-up).
 */
function dayMonthYear(day: number, month: number, year: number): string {
  return `${day} ${MONTHS[month] ?? '?'} ${year}`;
}

/** A timestamp's calendar day, in the machine's time zone. */
export function formatDate(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dayMonthYear(d.getDate(), d.getMonth(), d.getFullYear());
}

/** A timestamp as its day and time in the machine's time zone: "29 Nov 2026, 09:30". */
export function formatDateTime(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const time = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  return `${dayMonthYear(d.getDate(), d.getMonth(), d.getFullYear())}, ${time}`;
}

/** A date-only value (`YYYY-MM-DD`) as a calendar day, whatever the local time zone. */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : dayMonthYear(d.getUTCDate(), d.getUTCMonth(), d.getUTCFullYear());
}

/** The machine's calendar day as `YYYY-MM-DD` (today, for a date field's starting value). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** A month from its name or a start of it of three letters or more ("Sep", "Sept", "september"). */
function monthOf(name: string): number | null {
  const n = name.toLowerCase().replace(/\.$/, '');
  if (n.length < 3) return null;
  const i = MONTH_NAMES.findIndex((m) => m.startsWith(n));
  return i < 0 ? null : i + 1;
}

function isoOf(year: number, month: number, day: number): string | null {
  if (year < 100) year += 2000;
  // The dates the app keeps: years 2000 to 2100 (README, input limits).
  if (year < 2000 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A typed date as `YYYY-MM-DD`, or null when it is not one. Read day first, as the app shows
 * dates: "30 Sep 2027", "30 September 2027", "30/9/2027", "30.09.27", and "2027-09-30".
 */
export function parseDay(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[\s./-]+([a-z]+\.?)[\s./-]+(\d{2}|\d{4})$/i.exec(t);
  if (m) {
    const month = monthOf(m[2] ?? '');
    return month === null ? null : isoOf(Number(m[3]), month, Number(m[1]));
  }
  m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$/.exec(t);
  if (m) return isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

export const priorityLabel: Record<Priority, string> = {
  P1: 'P1 · critical',
  P2: 'P2 · high',
  P3: 'P3 · medium',
  P4: 'P4 · low',
};

export const phaseLabel: Record<Phase, string> = {
  first_30_days: 'First 30 days',
  days_31_to_90: 'Days 31–90',
  before_audit: 'Before the audit',
};

export const statusLabel: Record<ActionStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  done: 'Done',
  risk_accepted: 'Risk accepted',
};

export const severityLabel: Record<Severity, string> = labels(VOCABULARY.severities);

export const answerLabel: Record<Answer, string> = labels(VOCABULARY.answers);

export const auditTypeLabel: Record<AuditType, string> = {
  type1: 'Type I',
  type2: 'Type II',
};
