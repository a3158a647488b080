// What the People screen's parts share: the policy version in force, acknowledgement states,
// a person's register fields as an input, the roster fields' names, who works there on a day,
// and saving a register document.
import {
  messageOf,
  type Acknowledgement,
  type Audience,
  type Person,
  type PersonInput,
  type PolicyView,
  type RosterField,
} from '../../lib/api';

/** The newest approved version of a policy (the one people acknowledge), or null. */
export function versionInForce(policy: PolicyView): number | null {
  const approved = policy.revisions.filter((r) => r.status === 'approved').map((r) => r.version);
  return approved.length > 0 ? Math.max(...approved) : null;
}

/** A policy people can acknowledge: its id, title, summary and version in force. */
export interface InForce {
  id: string;
  title: string;
  summary: string;
  version: number;
}

export function policiesInForce(policies: PolicyView[]): InForce[] {
  return policies.flatMap((p) => {
    const version = versionInForce(p);
    return version === null ? [] : [{ id: p.id, title: p.title, summary: p.summary, version }];
  });
}

export type AckState = 'current' | 'stale' | 'missing';

/** The backend's rule (domain `ack_status`): the newest acknowledgement against the version in force. */
export function ackState(personId: number, policy: InForce, acks: Acknowledgement[]): AckState {
  const versions = acks.filter((a) => a.person_id === personId && a.policy_id === policy.id).map((a) => a.version);
  if (versions.length === 0) return 'missing';
  return Math.max(...versions) >= policy.version ? 'current' : 'stale';
}

/** The date of a person's newest acknowledgement of a policy, if any. */
export function ackedOn(personId: number, policyId: string, acks: Acknowledgement[]): string | null {
  const mine = acks.filter((a) => a.person_id === personId && a.policy_id === policyId);
  if (mine.length === 0) return null;
  return mine.reduce((a, b) => (b.version > a.version ? b : a)).acknowledged_on;
}

export const ackLabel: Record<AckState, string> = {
  current: 'Acknowledged',
  stale: 'Acknowledged an older version',
  missing: 'Not acknowledged',
};

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
