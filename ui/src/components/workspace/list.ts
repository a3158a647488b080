// The Workspace list's pure helpers: search, sort, counts and defaults.
import type { AssessmentSummary, CompanyProfile, Overview } from '../../lib/api';

export type SortKey = 'recent' | 'client' | 'readiness' | 'progress';

export const sortOptions: { value: SortKey; label: string }[] = [
  { value: 'recent', label: 'Recently opened' },
  { value: 'client', label: 'Client name' },
  { value: 'readiness', label: 'Readiness' },
  { value: 'progress', label: 'Progress' },
];

export interface ListOptions {
  query: string;
  sort: SortKey;
  showArchived: boolean;
}

/** Case- and accent-insensitive form of a text, for searching. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/** The search's words, folded; none when there is no search. */
function searchWords(query: string): string[] {
  // No search (the usual case, and the first screen): skip folding, whose Unicode tables cost
  // a few milliseconds to prepare the first time.
  return query.trim() === '' ? [] : fold(query).split(/\s+/).filter(Boolean);
}

/** True when every one of `words` appears in the client, assessment or system name. */
function matches(a: AssessmentSummary, words: string[]): boolean {
  if (words.length === 0) return true;
  const haystack = fold([a.client_name, a.name, a.company.system_name].join(' '));
  return words.every((w) => haystack.includes(w));
}

export function progress(a: AssessmentSummary): number {
  return a.questions > 0 ? a.answered / a.questions : 0;
}

const byText = (x: string, y: string): number => x.localeCompare(y, undefined, { sensitivity: 'base' });

const comparators: Record<SortKey, ((x: AssessmentSummary, y: AssessmentSummary) => number) | null> = {
  // The backend already lists the most recently opened first.
  recent: null,
  client: (x, y) => byText(x.client_name, y.client_name) || byText(x.name, y.name),
  // Highest first; assessments without a score yet go last.
  readiness: (x, y) => (y.readiness ?? -1) - (x.readiness ?? -1),
  progress: (x, y) => progress(y) - progress(x),
};

/** The rows to show: archived ones only when asked for, then the search, then the order. */
export function visibleAssessments(all: AssessmentSummary[], options: ListOptions): AssessmentSummary[] {
  // The query is folded once, not once per assessment.
  const words = searchWords(options.query);
  const rows = all.filter((a) => (options.showArchived || a.archived_at === null) && matches(a, words));
  const compare = comparators[options.sort];
  // Array.prototype.sort is stable: ties keep the recently-opened order.
  return compare ? [...rows].sort(compare) : rows;
}

export function emptyCompany(): CompanyProfile {
  return {
    industry: '',
    headcount: null,
    system_name: '',
    system_description: '',
    hosting: '',
    assessor: '',
    led_by: 'self_assessment',
    assessor_firm: '',
  };
}

export function reassessName(name: string): string {
  return `${name} (re-assessment)`;
}

/** How many assessments each client has, the trashed ones included, by client id. */
export function assessmentCounts(overview: Overview | null): Map<number, number> {
  const n = new Map<number, number>();
  for (const a of [...(overview?.assessments ?? []), ...(overview?.trash ?? [])]) {
    n.set(a.client_id, (n.get(a.client_id) ?? 0) + 1);
  }
  return n;
}

/** "1 assessment", "3 assessments". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A short notice with an Undo, shown after a step that can be taken back. */
export interface Toast {
  /** Changes with each new toast, to restart the timer. */
  key: number;
  message: string;
  undo: () => Promise<void>;
}
