// The timeline's date axis: its range, month ticks and the audit markers, from a plan and the
// actions drawn. Dates are whole days (see dayNumber), so time zones never shift a bar.
import type { Action, Plan } from '../../lib/api';
import { dayNumber, isoOfDay } from './planView';

/** Days assumed for a Type II observation period without a start date (as the backend does). */
const DEFAULT_OBSERVATION_DAYS = 90;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** At most this many month labels; a long axis labels every second or third month. */
const MAX_TICKS = 10;

export interface Tick {
  day: number;
  label: string;
}

export interface Scale {
  first: number;
  span: number;
  /** Last day by which open actions must be done, if the audit has a date. */
  deadline: number | null;
  audit: number | null;
  /** Type II: the observation period, from its start to the audit date. */
  observation: { from: number; to: number } | null;
  ticks: Tick[];
}

function monthStart(year: number, month: number): number {
  return Math.round(Date.UTC(year, month, 1) / 86_400_000);
}

function monthTicks(first: number, end: number): Tick[] {
  const start = new Date(`${isoOfDay(first)}T00:00:00Z`);
  const months: { year: number; month: number; day: number }[] = [];
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth() + 1;
  for (;;) {
    if (month > 11) {
      month = 0;
      year += 1;
    }
    const day = monthStart(year, month);
    if (day > end) break;
    months.push({ year, month, day });
    month += 1;
  }
  const step = Math.max(1, Math.ceil(months.length / MAX_TICKS));
  // The year is shown on the first label and whenever it changes.
  return months
    .filter((_, i) => i % step === 0)
    .map((m, i, shown) => ({
      day: m.day,
      label: i === 0 || shown[i - 1]?.year !== m.year ? `${MONTHS[m.month]} ${m.year}` : (MONTHS[m.month] ?? ''),
    }));
}

/** From the plan date (or an earlier start) to the last due date, deadline or audit date. */
export function scaleFor(plan: Plan, actions: Action[]): Scale {
  const deadline = plan.fit.kind === 'no_target_date' ? null : dayNumber(plan.fit.deadline);
  const audit = plan.profile.target_date ? dayNumber(plan.profile.target_date) : null;
  let observation: Scale['observation'] = null;
  if (plan.profile.audit_type === 'type2' && audit !== null) {
    const from = plan.profile.observation_start
      ? dayNumber(plan.profile.observation_start)
      : audit - DEFAULT_OBSERVATION_DAYS;
    observation = { from, to: audit };
  }
  const planDay = dayNumber(plan.plan_date);
  const first = Math.min(planDay, ...actions.map((a) => dayNumber(a.start)));
  const last = Math.max(planDay + 30, deadline ?? 0, audit ?? 0, ...actions.map((a) => dayNumber(a.due)));
  // A little room after the last date, so its bar and label stay inside.
  const end = last + Math.max(3, Math.round((last - first) * 0.03));
  return { first, span: end - first + 1, deadline, audit, observation, ticks: monthTicks(first, end) };
}

/** Where `day` starts on the axis, in percent of its width. */
export function at(scale: Scale, day: number): number {
  return (100 * (day - scale.first)) / scale.span;
}
