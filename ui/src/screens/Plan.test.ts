// The Plan screen against a mocked Tauri IPC: rows from get_plan, edits sent as full
// update_action edits, owners picked among people and unnamed roles, the backend's refusals shown
// at the row (a due date alone before the start: the old date kept, never "Saved"), the fit, the
// audit profile with its warnings before saving, the timeline and accessibility.
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import Plan from './Plan.svelte';
import { app } from '../lib/app.svelte';
import type { Action, AssessmentSummary, AuditProfile, Fit, Plan as PlanData, UpdateActionInput } from '../lib/api';
import { assessmentDetail, assessmentSummary, at, bankCatalog, day, person, scorecard, tally } from '../test/fixtures';
import { planAction as action, planData } from '../test/plan';
import { axeViolations } from '../test/a11y';
import { registerOverview } from '../test/register';
import { argsOf, count, failure, mockBackend, unexpected, type Call, type Reply } from '../test/ipc';
import { formatDay } from '../lib/format';

const profile: AuditProfile = { audit_type: 'type1', target_date: '2027-06-30', observation_start: null };
const dana = person();

function summary(over: Partial<AssessmentSummary> = {}): AssessmentSummary {
  return assessmentSummary({ profile, updated_at: at(-27), answered: 3, readiness: 40, ...over });
}

function planWith(fit: Fit, actions?: Action[]): PlanData {
  return planData({
    profile,
    fit,
    actions: actions ?? [
      action('mfa'),
      action('vendor-review', {
        priority: 'P3',
        effort: 'M',
        owner: { kind: 'person', id: dana.id },
        owner_name: dana.name,
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
  });
}

const fits: Fit = { kind: 'fits', deadline: '2027-06-16', spare_days: 40 };
const late: Fit = { kind: 'late', deadline: '2027-06-16', late_days: 12, bottleneck: null, remedies: [] };

/** Mocks the backend: get_plan answers `plan`, list_people Dana, the register its counts, other
 * commands go to `handler`. */
function backend(plan: PlanData, handler: Reply = () => plan): Call[] {
  return mockBackend((cmd, args) => {
    if (cmd === 'get_plan') return plan;
    if (cmd === 'list_people') return [dana];
    if (cmd === 'get_cost_assumptions') return { currency: '', day_rate: null, lines: [] };
    if (cmd === 'register_overview') return registerOverview();
    return handler(cmd, args);
  });
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
  app.current = assessmentDetail({
    summary: summary(),
    scorecard: scorecard({ overall: tally({ score: 40, answered: 3 }), high_gaps: 1 }),
  });
  app.catalog = bankCatalog({ roles: ['CEO', 'Security lead'] });
  app.screen = 'plan';
  void app.clientPeople.track(null);
});

/** Lets the people load for the owner pickers. */
async function withPeople(): Promise<void> {
  await app.clientPeople.track(3);
}

describe('Plan screen', () => {
  it('renders one row per action from get_plan, owners by name or as an unnamed role', async () => {
    const calls = backend(planWith(fits));
    await withPeople();
    render(Plan);

    const found = await rows();
    expect(found.map((r) => r.dataset.key)).toEqual(['mfa', 'vendor-review']);
    expect(calls.find((c) => c.cmd === 'get_plan')).toEqual({ cmd: 'get_plan', args: { id: 7 } });
    expect(within(row('mfa')).getByRole('rowheader').textContent).toContain('Title of mfa');
    expect(within(row('mfa')).getByText('First 30 days')).toBeTruthy();
    const picker = (key: string): HTMLSelectElement => within(row(key)).getByTestId<HTMLSelectElement>('owner-picker');
    expect(picker('vendor-review').selectedOptions[0]?.textContent).toContain('Dana Reyes');
    expect(picker('mfa').selectedOptions[0]?.textContent).toBe('Security lead — not yet named');
    expect(picker('mfa').closest('td')?.classList).toContain('role');
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
        owner: { kind: 'person', id: 1 },
        start: day(8),
        due: day(19),
        status: 'done',
        justification: '',
        notes: 'Waiting on legal',
      },
    };
    await waitFor(() => expect(argsOf(calls, 'update_action')).toEqual([{ input }]));
    await waitFor(() =>
      expect(within(row('mfa')).getByTestId<HTMLSelectElement>('plan-status-select').value).toBe('done'),
    );
  });

  it('keeps default owner and dates as null in the edit', async () => {
    const calls = backend(planWith(fits));
    render(Plan);
    await rows();

    await fireEvent.change(within(row('mfa')).getByTestId('plan-status-select'), { target: { value: 'in_progress' } });

    await waitFor(() => expect(count(calls, 'update_action')).toBe(1));
    const sent = argsOf(calls, 'update_action')[0] as { input: UpdateActionInput };
    expect(sent.input.edit).toEqual({
      owner: null,
      start: null,
      due: null,
      status: 'in_progress',
      justification: '',
      notes: '',
    });
  });

  it('assigns an action to a person with the owner picker', async () => {
    const calls = backend(planWith(fits));
    await withPeople();
    render(Plan);
    await rows();

    const picker = within(row('mfa')).getByLabelText<HTMLSelectElement>('Owner of Title of mfa');
    await fireEvent.change(picker, { target: { value: 'person:1' } });

    await waitFor(() => expect(count(calls, 'update_action')).toBe(1));
    const sent = argsOf(calls, 'update_action')[0] as { input: UpdateActionInput };
    expect(sent.input.edit.owner).toEqual({ kind: 'person', id: 1 });
  });

  it("shows the backend's message for a risk accepted without justification and keeps the choice", async () => {
    const message = 'Accepting a risk needs a justification: say why, and who agreed.';
    backend(planWith(fits), (cmd) => (cmd === 'update_action' ? failure('validation', message) : unexpected(cmd)));
    render(Plan);
    await rows();

    const select = within(row('mfa')).getByTestId<HTMLSelectElement>('plan-status-select');
    await fireEvent.change(select, { target: { value: 'risk_accepted' } });

    const alert = await screen.findByTestId('plan-row-error');
    expect(alert.textContent).toContain(message);
    expect(select.value).toBe('risk_accepted');
    expect(within(row('mfa')).getByTestId('plan-row-status').dataset.state).toBe('failed');
    expect(screen.getByLabelText('Why the risk is accepted, and who agreed')).toBeTruthy();
  });

  it('refuses a due date alone before the start: the message at the row, the old date kept, never Saved', async () => {
    const message =
      "The due date (1 Dec 2026) is before the action's start (30 Nov 2026): set an earlier start as well, or choose a later due date.";
    const calls = backend(planWith(fits), (cmd) =>
      cmd === 'update_action' ? failure('validation', message) : unexpected(cmd),
    );
    render(Plan);
    await rows();

    const due = within(row('mfa')).getByTestId<HTMLInputElement>('plan-due-input');
    await fireEvent.input(due, { target: { value: formatDay(day(0)) } });
    await fireEvent.keyDown(due, { key: 'Enter' });

    const alert = await screen.findByTestId('plan-row-error');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(text(alert)).toContain(message);
    expect(text(alert)).toContain(`The due date stays ${formatDay(day(5))}`);
    // Only the due date was sent; the start stays generated.
    const sent = argsOf(calls, 'update_action')[0] as { input: UpdateActionInput };
    expect(sent.input.edit).toMatchObject({ start: null, due: day(0) });
    await waitFor(() => expect(due.value).toBe(formatDay(day(5))));
    const status = within(row('mfa')).getByTestId('plan-row-status');
    expect(status.dataset.state).toBe('failed');
    expect(screen.queryByText('Saved')).toBeNull();
    // No retry for a refusal: the message says what to change.
    expect(within(alert).queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('keeps a chosen owner when the save fails, and saves it on retry', async () => {
    let failing = true;
    const calls = backend(planWith(fits), (cmd, args) => {
      if (cmd !== 'update_action') return unexpected(cmd);
      if (failing) return failure('io', 'The workspace file is locked.');
      const { input } = args as { input: UpdateActionInput };
      const owner = input.edit.owner ?? { kind: 'role', role: 'Security lead' };
      return planWith(fits, [action('mfa', { owner, owner_name: dana.name, owner_is_default: false })]);
    });
    await withPeople();
    render(Plan);
    await rows();

    const picker = within(row('mfa')).getByTestId<HTMLSelectElement>('owner-picker');
    await fireEvent.change(picker, { target: { value: 'person:1' } });

    expect((await screen.findByTestId('plan-row-error')).textContent).toContain('The workspace file is locked.');
    expect(picker.value).toBe('person:1');

    failing = false;
    await fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(within(row('mfa')).getByTestId('plan-row-status').dataset.state).toBe('saved'));
    expect(screen.queryByTestId('plan-row-error')).toBeNull();
    expect(within(row('mfa')).getByTestId<HTMLSelectElement>('owner-picker').value).toBe('person:1');
    const sent = argsOf(calls, 'update_action').map((a) => (a as { input: UpdateActionInput }).input.edit.owner);
    expect(sent).toEqual([
      { kind: 'person', id: 1 },
      { kind: 'person', id: 1 },
    ]);
  });

  it('asks for the audit date when there is none', async () => {
    backend(planWith({ kind: 'no_target_date' }));
    render(Plan);
    await rows();
    expect(screen.getByTestId('plan-fit').textContent).toContain('Set the audit date to check the plan fits');
  });

  it('saves the audit profile without warnings, reloads the plan and updates the open assessment', async () => {
    const saved = summary({ updated_at: at(-26), profile: { ...profile, target_date: '2027-09-30' } });
    const calls = backend(planWith(fits), (cmd) => {
      if (cmd === 'audit_profile_warnings') return [];
      if (cmd === 'set_audit_profile') return saved;
      return unexpected(cmd);
    });
    render(Plan);
    await rows();

    await fireEvent.input(screen.getByTestId('audit-date-input'), { target: { value: '30 Sep 2027' } });
    await fireEvent.click(screen.getByTestId('audit-save'));

    await waitFor(() => expect(app.current?.summary).toEqual(saved));
    const sentProfile = { audit_type: 'type1', target_date: '2027-09-30', observation_start: null };
    expect(argsOf(calls, 'audit_profile_warnings')).toEqual([{ profile: sentProfile }]);
    expect(argsOf(calls, 'set_audit_profile')).toEqual([{ id: 7, profile: sentProfile }]);
    await waitFor(() => expect(count(calls, 'get_plan')).toBe(2));
  });

  it('shows the warnings before saving the audit profile, and saves only once confirmed', async () => {
    const warning = 'The audit date (1 Dec 2026) is in the past.';
    const calls = backend(planWith(fits), (cmd) => {
      if (cmd === 'audit_profile_warnings') return [warning];
      if (cmd === 'set_audit_profile') return summary({ updated_at: at(-26) });
      return unexpected(cmd);
    });
    render(Plan);
    await rows();

    await fireEvent.input(screen.getByTestId('audit-date-input'), { target: { value: '1 Dec 2026' } });
    await fireEvent.click(screen.getByTestId('audit-save'));

    const shown = await screen.findByTestId('audit-warnings');
    expect(shown.textContent).toContain(warning);
    expect(count(calls, 'set_audit_profile')).toBe(0);

    await fireEvent.click(screen.getByTestId('audit-save-anyway'));
    await waitFor(() => expect(count(calls, 'set_audit_profile')).toBe(1));
    await waitFor(() => expect(screen.queryByTestId('audit-warnings')).toBeNull());
  });

  it('shows why an audit profile is invalid, and saves nothing', async () => {
    const message = 'The observation period must start before the audit date that ends it.';
    const type2 = { audit_type: 'type2' as const, target_date: '2027-09-30', observation_start: '2027-06-01' };
    const calls = backend({ ...planWith(fits), profile: type2 }, (cmd) =>
      cmd === 'audit_profile_warnings' ? failure('validation', message) : unexpected(cmd),
    );
    render(Plan);
    await rows();

    await fireEvent.input(screen.getByTestId('audit-observation-input'), { target: { value: '1 Oct 2027' } });
    await fireEvent.click(screen.getByTestId('audit-save'));
    expect((await screen.findByTestId('audit-error')).textContent).toContain(message);
    expect(count(calls, 'set_audit_profile')).toBe(0);
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
    backend(planWith(late, [action('mfa', { flags: ['unassigned'] }), action('sso', { depends_on: ['mfa'] })]));
    await withPeople();
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
