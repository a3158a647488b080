// Pure helpers for the Plan screen: filtering, sorting, grouping, counts, date arithmetic and the
// edit sent for an action. No state, no DOM: the components call these.
import type { Action, ActionEdit, ActionStatus, Effort, Phase, Priority } from '../../lib/api';
import { ownerFromKey, ownerKey } from '../../lib/owners';
import { phaseLabel, phases, priorities, statuses } from './labels';

export { phases, priorities, statuses };
const efforts: Effort[] = ['XS', 'S', 'M', 'L', 'XL'];

/** Open actions still need work; done and risk-accepted ones do not count against the deadline. */
export function isOpen(status: ActionStatus): boolean {
  return status === 'not_started' || status === 'in_progress';
}

// ---------------------------------------------------------------------------------------------
// Filters

export interface Filters {
  status: ActionStatus | 'open' | '';
  priority: Priority | '';
  phase: Phase | '';
  /** An owner's key (see ownerKey), or '' for any. */
  owner: string;
  text: string;
}

export const noFilters: Filters = { status: '', priority: '', phase: '', owner: '', text: '' };

export function filterActions(actions: Action[], f: Filters): Action[] {
  const words = f.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return actions.filter((a) => {
    if (f.status === 'open' ? !isOpen(a.status) : f.status && a.status !== f.status) return false;
    if (f.priority && a.priority !== f.priority) return false;
    if (f.phase && a.phase !== f.phase) return false;
    if (f.owner && ownerKey(a.owner) !== f.owner) return false;
    if (words.length === 0) return true;
    const haystack = [a.title, a.description, a.owner_name, a.notes, ...a.criteria, ...a.questions]
      .join(' ')
      .toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

export function isFiltered(f: Filters): boolean {
  return Boolean(f.status || f.priority || f.phase || f.owner || f.text.trim());
}

// ---------------------------------------------------------------------------------------------
// Sorting and grouping

export type SortKey = 'priority' | 'due' | 'owner' | 'effort' | 'status';
export interface Sort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

function compareBy(key: SortKey, a: Action, b: Action): number {
  switch (key) {
    case 'priority':
      return priorities.indexOf(a.priority) - priorities.indexOf(b.priority);
    case 'due':
      return a.due.localeCompare(b.due);
    case 'owner':
      return a.owner_name.localeCompare(b.owner_name, undefined, { sensitivity: 'base' });
    case 'effort':
      return efforts.indexOf(a.effort) - efforts.indexOf(b.effort);
    case 'status':
      return statuses.indexOf(a.status) - statuses.indexOf(b.status);
  }
}

/** Sorted copy; ties fall back to priority, then due date, then key (the backend's order). */
export function sortActions(actions: Action[], sort: Sort): Action[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return actions.toSorted(
    (a, b) =>
      sign * compareBy(sort.key, a, b) ||
      compareBy('priority', a, b) ||
      compareBy('due', a, b) ||
      a.key.localeCompare(b.key),
  );
}

export type GroupBy = 'none' | 'owner' | 'phase';

export interface Group {
  id: string;
  label: string;
  actions: Action[];
  open: number;
}

/** Groups already-sorted actions, keeping their order inside each group. */
export function groupActions(actions: Action[], by: GroupBy): Group[] {
  if (by === 'none') {
    return [{ id: 'all', label: 'All actions', actions, open: actions.filter((a) => isOpen(a.status)).length }];
  }
  const groups = new Map<string, Group>();
  if (by === 'phase') {
    for (const p of phases) groups.set(p, { id: p, label: phaseLabel[p], actions: [], open: 0 });
  }
  for (const a of actions) {
    const id = by === 'phase' ? a.phase : ownerKey(a.owner);
    let g = groups.get(id);
    if (!g) {
      g = { id, label: by === 'phase' ? id : a.owner_name, actions: [], open: 0 };
      groups.set(id, g);
    }
    g.actions.push(a);
    if (isOpen(a.status)) g.open += 1;
  }
  const list = [...groups.values()].filter((g) => g.actions.length > 0);
  return by === 'owner' ? list.toSorted((x, y) => x.label.localeCompare(y.label)) : list;
}

// ---------------------------------------------------------------------------------------------
// Counts for the header

export function countBy<K extends string>(actions: Action[], keyOf: (a: Action) => K, keys: K[]): Map<K, number> {
  const counts = new Map<K, number>(keys.map((k) => [k, 0]));
  for (const a of actions) counts.set(keyOf(a), (counts.get(keyOf(a)) ?? 0) + 1);
  return counts;
}

/** Owners (by name, or role marked not yet named) by number of actions, most first. */
export function ownerCounts(actions: Action[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const a of actions) counts.set(a.owner_name, (counts.get(a.owner_name) ?? 0) + 1);
  return [...counts.entries()].toSorted((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
}

/** An owner as the filter lists it: its key and how it reads. */
export interface OwnerOption {
  key: string;
  label: string;
}

/** The actions' owners, once each, by name. */
export function owners(actions: Action[]): OwnerOption[] {
  const byKey = new Map(actions.map((a) => [ownerKey(a.owner), a.owner_name]));
  return [...byKey.entries()]
    .map(([key, label]) => ({ key, label }))
    .toSorted((x, y) => x.label.localeCompare(y.label));
}

// ---------------------------------------------------------------------------------------------
// Dates: `YYYY-MM-DD` values as whole days since 1970, free of time zones.

const DAY_MS = 86_400_000;

export function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / DAY_MS);
}

export function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** A proper `YYYY-MM-DD` date, as date inputs give (an empty string while incomplete). */
export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(dayNumber(value));
}

// ---------------------------------------------------------------------------------------------
// Edits

/** The editable fields of an action as the row shows them; the owner as its key (see ownerKey). */
export interface Fields {
  owner: string;
  start: string;
  due: string;
  status: ActionStatus;
  justification: string;
  notes: string;
}

export function fieldsOf(a: Action): Fields {
  return {
    owner: ownerKey(a.owner),
    start: a.start,
    due: a.due,
    status: a.status,
    justification: a.justification,
    notes: a.notes,
  };
}

/**
 * The full edit for `action` with the row's values: a default owner or default dates the user
 * has not touched stay `null` (generated), so they keep following the catalog and the schedule.
 * No owner goes back to the catalog's role.
 */
export function editFor(action: Action, f: Fields): ActionEdit {
  const owner = ownerFromKey(f.owner);
  const ownerUnchanged = f.owner === ownerKey(action.owner);
  const keepDate = (value: string, current: string): string | null => {
    if (!isIsoDate(value)) return null;
    return action.dates_are_default && value === current ? null : value;
  };
  return {
    owner: action.owner_is_default && ownerUnchanged ? null : owner,
    start: keepDate(f.start, action.start),
    due: keepDate(f.due, action.due),
    status: f.status,
    justification: f.justification,
    notes: f.notes,
  };
}
