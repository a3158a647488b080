// Policy values for the front-end tests: a section, a policy and a parameter, each complete, so
// a test states only the fields it cares about.
import type { Contradiction, PolicyParameterView, PolicyView, SectionView } from '../lib/api';
import { day } from './fixtures';

/** A section as generated (not edited), its text a paragraph and a list. */
export function sectionView(id: string, over: Partial<SectionView> = {}): SectionView {
  const text = `Rules of **${id}**.\n\n- One *rule*\n- Another rule`;
  return {
    id,
    title: `Section ${id}`,
    criteria: ['CC6.1'],
    text,
    generated: text,
    edited: false,
    template_changed: false,
    diff: [],
    clauses: [],
    ...over,
  };
}

/** A draft policy, version 1, owned by nobody yet, with two sections. */
export function policyView(id: string, over: Partial<PolicyView> = {}): PolicyView {
  return {
    id,
    title: `Policy ${id}`,
    summary: `What ${id} covers.`,
    status: 'draft',
    version: 1,
    version_in_force: null,
    owner: null,
    owner_name: 'Security lead (not yet named)',
    approver: null,
    approver_name: 'CEO (not yet named)',
    approved_on: null,
    next_review: null,
    review_months: 12,
    criteria: ['CC6.1', 'CC6.2'],
    sections: [sectionView(`${id}-a`), sectionView(`${id}-b`)],
    planned: [],
    contradictions: [],
    frozen: false,
    changed_since_approval: false,
    revisions: [],
    ...over,
  };
}

/** The MFA statement of the access policy, denied by SEC-001. */
export function contradiction(over: Partial<Contradiction> = {}): Contradiction {
  return {
    policy_id: 'access',
    policy_title: 'Access control policy',
    section_id: 'access-a',
    section_title: 'Authentication',
    fact: 'mfa_enforced',
    text: 'Multi-factor authentication is enforced on every system.',
    questions: ['SEC-001'],
    ...over,
  };
}

export function parameter(id: string, over: Partial<PolicyParameterView> = {}): PolicyParameterView {
  return {
    id,
    label: `Label of ${id}`,
    help: `What ${id} is for.`,
    default: `our ${id}`,
    value: null,
    suggested: null,
    suggested_from: null,
    ...over,
  };
}

/** A planned clause of the access policy, closed by the plan's "mfa" action due in 5 days. */
export const plannedMfa = {
  section_id: 'access-a',
  section_title: 'Authentication',
  fact: 'mfa_enforced',
  text: '*Planned:* Multi-factor authentication is enforced.',
  questions: ['SEC-001'],
  action_key: 'mfa',
  action_title: 'Enforce MFA',
  due: day(5),
};
