// The Plan screen against a mocked Tauri IPC: rows from get_plan, edits sent as full
// update_action edits, the backend's validation message kept next to the user's input, the fit,
// the audit profile, the timeline and accessibility.
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import Plan from './Plan.svelte';
import { app } from '../lib/app.svelte';
import type {
  Action,
  AssessmentDetail,
  AssessmentSummary,
  AuditProfile,
  Fit,
  Plan as PlanData,
  UpdateActionInput,
} from '../lib/api';
import { assessmentSummary, at, day, TODAY } from '../test/fixtures';
import { axeViolations } from '../test/a11y';
import { argsOf, failure, mockBackend, unexpected, type Call, type Reply } from '../test/ipc';
import { formatDay } from '../lib/format';

const profile: AuditProfile = { audit_type: 'type1', target_date: '2027-06-30', observation_start: null };

function summary(over: Partial<AssessmentSummary> = {}): AssessmentSummary {
  return assessmentSummary({
    profile,
    updated_at: at(-27),
    answered: 3,
    readiness: 40,
    ...over,
  });
}

function detail(): AssessmentDetail {
  return {
    summary: summary(),
    responses: [],
    scorecard: {
      overall: { score: 40, questions: 10, answered: 3, not_applicable: 0, unknown: 0 },
      band: 'incomplete',
      high_gaps: 1,
      categories: [],
      groups: [],
      criteria: [],
    },
  };
}

function action(key: string, over: Partial<Action> = {}): Action {
  return {
    key,
    title: `Title of ${key}`,
    description: `What to do for ${key}.`,
    criteria: ['CC6.1'],
    questions: ['SEC-001'],
    severity: 'high',
    priority: 'P1',
    effort: 'S',
    owner: 'Security lead',
    owner_is_default: true,
    start: day(1),
    due: day(5),
    dates_are_default: true,
    phase: 'first_30_days',
    status: 'not_started',
    justification: '',
    notes: '',
    evidence: 'A screenshot.',
    ...over,
  };
}

function planWith(fit: Fit, actions?: Action[]): PlanData {
  return {
    plan_date: TODAY,
    profile,
    fit,
    gaps: [
      {
        question_id: 'SEC-001',
        criteria: ['CC6.1'],
        question: 'Is MFA enforced for all staff?',
        answer: 'partial',
        severity: 'high',
        weight: 5,
        note: 'Only on email',
        remediation: 'mfa',
      },
    ],
    actions: actions ?? [
      action('mfa'),
      action('vendor-review', {
        priority: 'P3',
        effort: 'M',
        owner: 'Alice',
        owner_is_default: false,
        start: day(8),
        due: day(19),
        dates_are_default: false,
        status: 'in_progress',
        notes: 'Waiting on legal',
        criteria: ['CC9.2'],
        questions: ['SEC-020'],
      }),
    ],
    retired: [],
  };
}

const fits: Fit = { kind: 'fits', deadline: '2027-06-16', spare_days: 40 };

/** Mocks the backend: get_plan answers `plan`, other commands go to `handler`. */
function backend(plan: PlanData, handler: Reply = () => plan): Call[] {
  return mockBackend((cmd, args) => (cmd === 'get_plan' ? plan : handler(cmd, args)));
}

async function rows(): Promise<HTMLElement[]> {
  return screen.findAllByTestId('plan-action-row');
}

function row(key: string): HTMLElement {
  const found = screen.getAllByTestId('plan-action-row').find((r) => r.dataset.key === key);
  if (!found) throw new Error(`no row for ${key}`);
  return found;
}

/** Rendered text with runs of whitespace as one space. */
function text(element: HTMLElement): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

beforeEach(() => {
  app.current = detail();
  app.screen = 'plan';
});

describe('Plan screen', () => {
  it('renders one row per action from get_plan', async () => {
    const calls = backend(planWith(fits));
    render(Plan);

    const found = await rows();
    expect(found.map((r) => r.dataset.key)).toEqual(['mfa', 'vendor-review']);
    expect(calls[0]).toEqual({ cmd: 'get_plan', args: { id: 7 } });
    expect(within(row('mfa')).getByRole('rowheader').textContent).toContain('Title of mfa');
    expect(within(row('mfa')).getByText('First 30 days')).toBeTruthy();
    expect(within(row('vendor-review')).getByTestId<HTMLInputElement>('plan-owner-input').value).toBe('Alice');
    expect(text(screen.getByTestId('plan-fit'))).toMatch(/Fits: 40 spare days before the readiness deadline/);
  });

  it('sends the full edit when the status changes and shows the new plan', async () => {
    const after = planWith(fits, [action('mfa', { status: 'done' }), planWith(fits).actions[1] as Action]);
    const calls = backend(planWith(fits), () => after);
    render(Plan);
    await rows();

    const select = within(row('vendor-review')).getByTestId<HTMLSelectElement>('plan-status-select');
    await fireEvent.change(select, { target: { value: 'done' } });

    const input: UpdateActionInput = {
      assessment_id: 7,
      key: 'vendor-review',
      edit: {
        owner: 'Alice',
        start: day(8),
        due: day(19),
        status: 'done',
        justification: '',
        notes: 'Waiting on legal',
      },
    };
    await waitFor(() =>
      expect(calls.filter((c) => c.cmd === 'update_action')).toEqual([{ cmd: 'update_action', args: { input } }]),
    );
    // The plan the backend answered replaces the one on screen.
    await waitFor(() =>
      expect(within(row('mfa')).getByTestId<HTMLSelectElement>('plan-status-select').value).toBe('done'),
    );
  });

  it('keeps default owner and dates as null in the edit', async () => {
    const calls = backend(planWith(fits));
    render(Plan);
    await rows();

    const select = within(row('mfa')).getByTestId('plan-status-select');
    await fireEvent.change(select, { target: { value: 'in_progress' } });

    await waitFor(() => expect(calls.some((c) => c.cmd === 'update_action')).toBe(true));
    const sent = calls.find((c) => c.cmd === 'update_action')?.args as { input: UpdateActionInput };
    expect(sent.input.edit).toEqual({
      owner: null,
      start: null,
      due: null,
      status: 'in_progress',
      justification: '',
      notes: '',
    });
  });

  it("shows the backend's message for a risk accepted without justification and keeps the choice", async () => {
    const message = 'Accepting a risk needs a justification: say why, and who agreed.';
    backend(planWith(fits), (cmd) => {
      if (cmd === 'update_action') return failure('validation', message);
      return unexpected(cmd);
    });
    render(Plan);
    await rows();

    const select = within(row('mfa')).getByTestId<HTMLSelectElement>('plan-status-select');
    await fireEvent.change(select, { target: { value: 'risk_accepted' } });

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(message);
    expect(select.value).toBe('risk_accepted');
    expect(within(row('mfa')).getByTestId('plan-row-status').dataset.state).toBe('failed');
    expect(screen.getByLabelText('Why the risk is accepted, and who agreed')).toBeTruthy();
  });

  it('keeps a typed owner in its field when the save fails, and saves it on retry', async () => {
    let failing = true;
    const calls = backend(planWith(fits), (cmd, args) => {
      if (cmd !== 'update_action') return unexpected(cmd);
      if (failing) return failure('io', 'The workspace file is locked.');
      const { input } = args as { input: UpdateActionInput };
      return planWith(fits, [action('mfa', { owner: input.edit.owner ?? 'Security lead', owner_is_default: false })]);
    });
    render(Plan);
    await rows();

    const owner = within(row('mfa')).getByTestId<HTMLInputElement>('plan-owner-input');
    await fireEvent.input(owner, { target: { value: 'Dana Okafor' } });
    await fireEvent.keyDown(owner, { key: 'Enter' });

    expect((await screen.findByRole('alert')).textContent).toContain('The workspace file is locked.');
    expect(owner.value).toBe('Dana Okafor');

    failing = false;
    await fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(within(row('mfa')).getByTestId('plan-row-status').dataset.state).toBe('saved'));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(within(row('mfa')).getByTestId<HTMLInputElement>('plan-owner-input').value).toBe('Dana Okafor');
    const sent = calls
      .filter((c) => c.cmd === 'update_action')
      .map((c) => (c.args as { input: UpdateActionInput }).input.edit.owner);
    expect(sent).toEqual(['Dana Okafor', 'Dana Okafor']);
  });

  it('renders a late plan as a warning', async () => {
    backend(planWith({ kind: 'late', deadline: '2027-06-16', late_days: 12 }));
    render(Plan);
    await rows();

    const fit = screen.getByTestId('plan-fit');
    expect(fit.dataset.kind).toBe('late');
    expect(fit.classList).toContain('late');
    expect(text(fit)).toMatch(/Does not fit: 12 days late for the deadline/);
  });

  it('asks for the audit date when there is none', async () => {
    backend(planWith({ kind: 'no_target_date' }));
    render(Plan);
    await rows();
    expect(screen.getByTestId('plan-fit').textContent).toContain('Set the audit date to check the plan fits');
  });

  it('saves the audit profile, reloads the plan and updates the open assessment', async () => {
    const saved = summary({ updated_at: at(-26), profile: { ...profile, target_date: '2027-09-30' } });
    const calls = backend(planWith(fits), (cmd) => {
      if (cmd === 'set_audit_profile') return saved;
      return unexpected(cmd);
    });
    render(Plan);
    await rows();

    const date = screen.getByTestId<HTMLInputElement>('audit-date-input');
    await fireEvent.input(date, { target: { value: '2027-09-30' } });
    await fireEvent.click(screen.getByTestId('audit-save'));

    await waitFor(() => expect(app.current?.summary).toEqual(saved));
    expect(calls.find((c) => c.cmd === 'set_audit_profile')?.args).toEqual({
      id: 7,
      profile: { audit_type: 'type1', target_date: '2027-09-30', observation_start: null },
    });
    // One reload after the save, and none more for the summary it shared.
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'get_plan')).toHaveLength(2));
  });

  it('saves a due date typed day-month-year, alone, and shows dates that way', async () => {
    const calls = backend(planWith(fits));
    render(Plan);
    await rows();
    const due = within(row('vendor-review')).getByTestId<HTMLInputElement>('plan-due-input');
    expect(due.value).toBe(formatDay(day(19)));
    await fireEvent.input(due, { target: { value: '24 Dec 2026' } });
    await fireEvent.keyDown(due, { key: 'Enter' });
    await waitFor(() => expect(argsOf(calls, 'update_action')).toHaveLength(1));
    const sent = argsOf(calls, 'update_action')[0] as { input: UpdateActionInput };
    expect(sent.input.edit).toMatchObject({ start: day(8), due: '2026-12-24' });
  });

  it('puts the observation start before its end, in the order they happen', async () => {
    const type2 = { audit_type: 'type2' as const, target_date: '2027-09-30', observation_start: '2027-06-01' };
    backend({ ...planWith(fits), profile: type2 });
    render(Plan);
    await rows();
    const start = screen.getByLabelText('Observation starts');
    const end = screen.getByTestId('audit-date-input');
    expect(start.compareDocumentPosition(end) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect((start as HTMLInputElement).value).toBe('1 Jun 2027');
  });

  it('shows the timeline with one bar per action', async () => {
    backend(planWith(fits));
    render(Plan);
    await rows();

    await fireEvent.click(screen.getByTestId('plan-view-timeline'));
    const bars = await screen.findAllByTestId('plan-timeline-bar');
    expect(bars.map((b) => b.dataset.key)).toEqual(['mfa', 'vendor-review']);
    expect(bars[0]?.style.left).toMatch(/%$/);
  });

  it('has no axe violations in the table, grouped with a row open, and in the timeline', async () => {
    backend(planWith({ kind: 'late', deadline: '2027-06-16', late_days: 12 }));
    const { container } = render(Plan);
    await rows();
    expect(await axeViolations(container)).toEqual([]);

    await fireEvent.change(screen.getByLabelText('Group by'), { target: { value: 'owner' } });
    await fireEvent.click(within(row('mfa')).getByRole('button', { name: /Title of mfa/ }));
    expect(screen.getAllByRole('columnheader').length).toBeGreaterThan(0);
    expect(screen.getByLabelText('Notes')).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);

    await fireEvent.click(screen.getByTestId('plan-view-timeline'));
    await screen.findAllByTestId('plan-timeline-bar');
    expect(await axeViolations(container)).toEqual([]);
  });
});
