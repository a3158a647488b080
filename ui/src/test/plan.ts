// Plan values for the front-end tests: an action, a preparation task, an owner's weekly load and
// a whole plan, each complete, so a test states only the fields it cares about.
import type { Action, Gap, Owner, Plan, PersonLoad, PrepTask, WeekLoad } from '../lib/api';
import { day, TODAY } from './fixtures';

export const securityLead: Owner = { kind: 'role', role: 'Security lead' };

/** A P1 action of the Security lead (a role nobody is named for), from tomorrow for five days. */
export function planAction(key: string, over: Partial<Action> = {}): Action {
  return {
    key,
    title: `Title of ${key}`,
    description: `What to do for ${key}.`,
    criteria: ['CC6.1'],
    questions: ['SEC-001'],
    findings: [`No control for ${key}`],
    severity: 'high',
    priority: 'P1',
    effort: 'S',
    effort_days: 3,
    lead_weeks: null,
    depends_on: [],
    owner: securityLead,
    owner_name: 'Security lead — not yet named',
    owner_is_default: true,
    start: day(1),
    due: day(5),
    dates_are_default: true,
    phase: 'first_30_days',
    status: 'not_started',
    justification: '',
    notes: '',
    evidence: 'A screenshot.',
    runs: null,
    runs_in_period: null,
    flags: [],
    ...over,
  };
}

/** Booking the audit firm, the CEO's (not yet named), due in 60 days. */
export function prepTask(key: string, over: Partial<PrepTask> = {}): PrepTask {
  return {
    key,
    title: `Prep ${key}`,
    description: `Why ${key}.`,
    owner: { kind: 'role', role: 'CEO' },
    owner_name: 'CEO — not yet named',
    effort_days: 2,
    start: day(50),
    due: day(60),
    late: false,
    status: 'not_started',
    notes: '',
    ...over,
  };
}

export function weekLoad(week: string, days: number, capacity = 1): WeekLoad {
  return { week, days, capacity };
}

/** An owner's load: Dana (person 1) at 20% unless `over` says otherwise. */
export function personLoad(weeks: WeekLoad[], over: Partial<PersonLoad> = {}): PersonLoad {
  const total_days = weeks.reduce((n, w) => n + w.days, 0);
  return {
    owner: { kind: 'person', id: 1 },
    name: 'Dana Reyes',
    share: 20,
    assumed: false,
    total_days,
    weeks,
    ...over,
  };
}

/** The high-severity MFA gap, closed by the action "mfa". */
export function mfaGap(over: Partial<Gap> = {}): Gap {
  return {
    question_id: 'SEC-001',
    criteria: ['CC6.1'],
    question: 'Is MFA enforced for all staff?',
    finding: 'No MFA on administrative consoles',
    answer: 'partial',
    kind: 'answer',
    severity: 'high',
    weight: 5,
    key: true,
    note: 'Only on email',
    remediation: 'mfa',
    owner: null,
    ...over,
  };
}

/** A Type I plan for 30 Jun 2027 that fits, with one gap, the actions given, and nothing else. */
export function planData(over: Partial<Plan> = {}): Plan {
  return {
    plan_date: TODAY,
    profile: { audit_type: 'type1', target_date: '2027-06-30', observation_start: null },
    deadline: '2027-06-16',
    fit: { kind: 'fits', deadline: '2027-06-16', spare_days: 40 },
    gaps: [mfaGap()],
    actions: [],
    prep: [],
    load: [],
    warnings: [],
    retired: [],
    ...over,
  };
}
