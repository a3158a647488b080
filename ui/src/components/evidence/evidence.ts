// What the Evidence screen's parts share: sizes in words, what a file is attached to, the request
// list's statuses and sources with their counts and filters, and the things a file can be
// attached to, found by id or words.
import type {
  Attachment,
  Catalog,
  EvidenceDates,
  ItemSource,
  ItemStatus,
  Question,
  RequestField,
  RequestItem,
} from '../../lib/api';
import { formatDay } from '../../lib/format';

/** "850 bytes", "12 KB", "3.4 MB", "1.2 GB" (1 KB = 1024 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  // One decimal below ten ("3.4 MB"), none above ("340 MB"); never "8.0 GB".
  const shown = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  return `${shown} ${units[unit] ?? 'TB'}`;
}

/** The kinds of thing a file can be attached to from this screen, in the order offered. */
export type TargetKind = Exclude<Attachment['kind'], 'action'>;

export const targetKinds: { value: TargetKind; label: string }[] = [
  { value: 'question', label: 'A question' },
  { value: 'criterion', label: 'A criterion' },
  { value: 'request', label: 'A request item' },
];

export const attachmentKindLabel: Record<Attachment['kind'], string> = {
  question: 'Question',
  criterion: 'Criterion',
  action: 'Plan action',
  request: 'Request',
};

/** One key per attachment, for lists and comparisons ("question:ACC-001"). */
export function attachmentKey(a: Attachment): string {
  return `${a.kind}:${a.id}`;
}

export function sameAttachment(a: Attachment, b: Attachment): boolean {
  return a.kind === b.kind && a.id === b.id;
}

/** Something a file can be attached to, with what it is called. */
export interface Target {
  attachment: Attachment;
  /** The question's text, the criterion's topic or the request's title. */
  title: string;
}

/** Case- and accent-insensitive form of a text, for searching. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/** True when every word of `query` is in one of `texts`. */
export function matchesWords(query: string, ...texts: string[]): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold(texts.join(' '));
  return words.every((w) => haystack.includes(w));
}

/** Everything in the assessment's scope a file can be attached to, by kind. */
export function targetsOf(
  kind: TargetKind,
  questions: Question[],
  catalog: Catalog | null,
  scope: string[],
  requests: RequestItem[],
): Target[] {
  switch (kind) {
    case 'question':
      return questions.map((q) => ({ attachment: { kind, id: q.id }, title: q.text }));
    case 'criterion':
      return (catalog?.criteria ?? [])
        .filter((c) => scope.includes(c.category))
        .map((c) => ({ attachment: { kind, id: c.id }, title: c.topic }));
    case 'request':
      return requests.map((r) => ({ attachment: { kind, id: r.reference }, title: r.title }));
  }
}

/** What an attachment is called where the screen knows it: a question's text, a criterion's topic. */
export function attachmentTitle(a: Attachment, catalog: Catalog | null, requests: RequestItem[]): string {
  switch (a.kind) {
    case 'question':
      return catalog?.questions.find((q) => q.id === a.id)?.text ?? '';
    case 'criterion':
      return catalog?.criteria.find((c) => c.id === a.id)?.topic ?? '';
    case 'request':
      return requests.find((r) => r.reference === a.id)?.title ?? '';
    case 'action':
      return '';
  }
}

/** No dates given yet. */
export function noDates(): EvidenceDates {
  return { produced_on: null, covers_from: null, covers_to: null, expires_on: null };
}

/** "1 Jan 2026 – 31 Mar 2026", or null when the file covers no period. */
export function periodOf(dates: EvidenceDates): string | null {
  if (!dates.covers_from && !dates.covers_to) return null;
  return `${formatDay(dates.covers_from)} – ${formatDay(dates.covers_to)}`;
}

/** The file no longer counts on `today` (both `YYYY-MM-DD`). */
export function isExpired(dates: EvidenceDates, today: string): boolean {
  return dates.expires_on !== null && dates.expires_on < today;
}

export const statuses: ItemStatus[] = ['requested', 'provided', 'accepted', 'not_applicable'];

export const statusLabel: Record<ItemStatus, string> = {
  requested: 'Requested',
  provided: 'Provided',
  accepted: 'Accepted',
  not_applicable: 'Not applicable',
};

export const sources: ItemSource[] = ['criterion', 'control', 'auditor'];

export const sourceLabel: Record<ItemSource, string> = {
  criterion: "A criterion's request",
  control: 'A control',
  auditor: "The auditor's list",
};

/** How many items have each status. */
export function countByStatus(items: RequestItem[]): Record<ItemStatus, number> {
  const counts: Record<ItemStatus, number> = { requested: 0, provided: 0, accepted: 0, not_applicable: 0 };
  for (const item of items) counts[item.status] += 1;
  return counts;
}

export interface RequestFilter {
  status: ItemStatus | 'all';
  source: ItemSource | 'all';
  query: string;
}

/** The items that pass the filter: status, source, and words found in the item or its owner. */
export function filterRequests(items: RequestItem[], filter: RequestFilter): RequestItem[] {
  return items.filter(
    (item) =>
      (filter.status === 'all' || item.status === filter.status) &&
      (filter.source === 'all' || item.source === filter.source) &&
      matchesWords(filter.query, item.reference, item.title, item.detail, item.criteria.join(' '), item.owner ?? ''),
  );
}

/** The fields a column of an auditor's list can fill, in the order offered. */
export const requestFields: RequestField[] = ['reference', 'request', 'detail', 'criteria', 'ignore'];

export const requestFieldLabel: Record<RequestField, string> = {
  reference: 'Reference',
  request: 'Request',
  detail: 'Detail',
  criteria: 'Criteria',
  ignore: 'Not imported',
};
