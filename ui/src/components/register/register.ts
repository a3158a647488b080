// What the People screen's parts share: the policy version in force, acknowledgement states,
// a person's register fields as an input, and the roster fields' names.
import type { Acknowledgement, Audience, Person, PersonInput, PolicyView, RosterField } from '../../lib/api';

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
