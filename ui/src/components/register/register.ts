// What the People screen's parts share: the policies in force, a person's register
// fields as an input, the roster fields' names, who works there on a day, and saving a register
// document. Acknowledgement states come from the backend (`api.acknowledgementStatuses`).
import {
  messageOf,
  type Audience,
  type Person,
  type PersonInput,
  type PolicyView,
  type RosterField,
} from '../../lib/api';

/** A policy people can acknowledge: its id, title, summary and version in force. */
export interface InForce {
  id: string;
  title: string;
  summary: string;
  version: number;
}

export function policiesInForce(policies: PolicyView[]): InForce[] {
  return policies.flatMap((p) => {
    // The version in force is the backend's (the newest approved revision).
    const version = p.version_in_force;
    return version === null ? [] : [{ id: p.id, title: p.title, summary: p.summary, version }];
  });
}

/** A person's whole input, for a change to some of its fields (the rest sent back unchanged). */
export function inputOf(p: Person): PersonInput {
  return {
    name: p.name,
    role: p.role,
    email: p.email,
    share: p.share,
    days_off: p.days_off,
    kind: p.kind ?? 'employee',
    team: p.team ?? '',
    start_date: p.start_date ?? null,
    end_date: p.end_date ?? null,
    access_removed_on: p.access_removed_on ?? null,
  };
}

/** Whether the person has left on or before `today` (an ISO day). */
export function isLeaver(p: Person, today: string): boolean {
  return !!p.end_date && p.end_date <= today;
}

export const fieldLabel: Record<RosterField, string> = {
  name: 'Name',
  email: 'Email',
  role: 'Role',
  team: 'Team',
  kind: 'Employee or contractor',
  start_date: 'Start date',
  end_date: 'End date',
  access_removed_on: 'Access removed on',
  ignore: 'Not imported',
};

export const FIELDS = Object.keys(fieldLabel) as RosterField[];

/** Who must take a course, in words. */
export function audienceText(a: Audience): string {
  switch (a.kind) {
    case 'everyone':
      return 'Everyone';
    case 'employees_only':
      return 'Employees only';
    case 'roles':
      return `Roles: ${a.names.join(', ')}`;
    case 'teams':
      return `Teams: ${a.names.join(', ')}`;
  }
}

/** Whether `p` works there on `day` (ISO): started (or no start recorded) and not left before it. The backend's rule for who can have signed a sheet that day. */
export function currentOn(p: Person, day: string): boolean {
  return !(p.end_date && p.end_date < day) && !(p.start_date && p.start_date > day);
}

/** The first day of the twelve months ending on `today` (ISO): the day after the same date a year before (29 February counting as the 28th). */
export function twelveMonthsTo(today: string): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return new Date(Date.UTC(y - 1, m - 1, Math.min(d, lastDay) + 1)).toISOString().slice(0, 10);
}

/** Where a register document's save is: being written, written to `path`, or cancelled. */
export type Saving = { kind: 'busy'; what: string } | { kind: 'saved'; path: string } | { kind: 'cancelled' };

/** Runs a save and reports its progress through `set`; the refusal's message, or null. */
export async function saveDocument(
  what: string,
  run: () => Promise<string | null>,
  set: (s: Saving | null) => void,
): Promise<string | null> {
  set({ kind: 'busy', what });
  try {
    const path = await run();
    set(path ? { kind: 'saved', path } : { kind: 'cancelled' });
    return null;
  } catch (e) {
    set(null);
    return messageOf(e);
  }
}
