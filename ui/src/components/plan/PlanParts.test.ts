// The Plan screen's parts: the weekly load grid, the preparation tasks (status and owner edited
// by key, dates never sent), action flags and dependencies, the fit when late (the bottleneck
// and the remedies) and the plan's warnings.
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import LoadView from './LoadView.svelte';
import PrepTasks from './PrepTasks.svelte';
import FitVerdict from './FitVerdict.svelte';
import Plan from '../../screens/Plan.svelte';
import { app } from '../../lib/app.svelte';
import type { Plan as PlanData, UpdateActionInput } from '../../lib/api';
import { assessmentDetail, bankCatalog, day, person } from '../../test/fixtures';
import { personLoad, planAction, planData, prepTask, weekLoad } from '../../test/plan';
import { axeViolations } from '../../test/a11y';
import { argsOf, failure, mockBackend, unexpected } from '../../test/ipc';
import { formatDay } from '../../lib/format';

function text(element: HTMLElement): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('LoadView', () => {
  const loads = [
    personLoad([weekLoad(day(1), 0.5), weekLoad(day(8), 1.5), weekLoad(day(15), 0)]),
    personLoad([weekLoad(day(8), 1, 1.5)], {
      owner: { kind: 'role', role: 'CTO' },
      name: 'CTO — not yet named',
      share: 20,
      assumed: true,
    }),
  ];

  it('shows people down and weeks across, days against capacity, an overfull week marked', async () => {
    const { container } = render(LoadView, { loads });

    const rows = screen.getAllByTestId('plan-load-row');
    expect(rows.map((r) => r.dataset.owner)).toEqual(['person:1', 'role:CTO']);
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent?.trim())).toEqual([
      'Owner',
      formatDay(day(1)),
      formatDay(day(8)).replace(/ \d{4}$/, ''),
      formatDay(day(15)).replace(/ \d{4}$/, ''),
    ]);
    const cells = within(rows[0] as HTMLElement).getAllByTestId('plan-load-cell');
    expect(cells.map(text)).toEqual(['0.5/1', '!1.5/1, over capacity', '·nothing planned']);
    expect(cells[1]?.dataset.over).toBe('true');
    expect(cells[1]?.classList).toContain('over');
    expect(cells[0]?.dataset.over).toBe('false');
    expect(screen.getByTestId('plan-load-over').textContent).toContain('1 week is over capacity');

    // The unnamed role reads as one, with its assumed share; it has no figures in its empty weeks.
    const role = rows[1] as HTMLElement;
    expect(within(role).getByTestId('owner-name').dataset.kind).toBe('role');
    expect(text(within(role).getByRole('rowheader'))).toContain('20% assumed');
    expect(within(role).getAllByTestId('plan-load-cell').map(text)).toEqual([
      '·nothing planned',
      '1/1.5',
      '·nothing planned',
    ]);

    // A keyboard-scrollable region of its own.
    expect(screen.getByRole('region', { name: /scrolls sideways/ }).getAttribute('tabindex')).toBe('0');
    expect(await axeViolations(container)).toEqual([]);
  });
});

describe('PrepTasks', () => {
  const tasks = [
    prepTask('prep-audit-firm', { title: 'Book the audit firm', late: true }),
    prepTask('prep-evidence', { title: 'Gather evidence', status: 'done' }),
  ];

  it('lists the tasks with owner, dates and the late flag', async () => {
    mockBackend((cmd) => unexpected(cmd));
    const { container } = render(PrepTasks, {
      tasks,
      assessmentId: 7,
      people: [person()],
      roles: ['CEO'],
      onplan: () => {},
    });
    const rows = screen.getAllByTestId('plan-prep-row');
    expect(rows.map((r) => r.dataset.key)).toEqual(['prep-audit-firm', 'prep-evidence']);
    const first = rows[0] as HTMLElement;
    expect(text(first)).toContain(formatDay(day(50)));
    expect(text(first)).toContain(formatDay(day(60)));
    expect(within(first).getByTestId('plan-prep-late')).toBeTruthy();
    // A done task is not late any more.
    expect(within(rows[1] as HTMLElement).queryByTestId('plan-prep-late')).toBeNull();
    expect(within(first).getByTestId<HTMLSelectElement>('owner-picker').selectedOptions[0]?.textContent).toBe(
      'CEO — not yet named',
    );
    expect(await axeViolations(container)).toEqual([]);
  });

  it('saves a status by the task key, never with dates, and takes the rebuilt plan', async () => {
    const rebuilt = planData({ prep: [prepTask('prep-audit-firm', { status: 'in_progress' })] });
    const calls = mockBackend((cmd) => (cmd === 'update_action' ? rebuilt : unexpected(cmd)));
    let got: PlanData | null = null;
    render(PrepTasks, { tasks, assessmentId: 7, people: [], roles: ['CEO'], onplan: (p: PlanData) => (got = p) });

    const select = screen.getAllByTestId<HTMLSelectElement>('plan-prep-status')[0] as HTMLSelectElement;
    await fireEvent.change(select, { target: { value: 'in_progress' } });

    await waitFor(() => expect(got).toEqual(rebuilt));
    const sent = argsOf(calls, 'update_action')[0] as { input: UpdateActionInput };
    expect(sent.input).toEqual({
      assessment_id: 7,
      key: 'prep-audit-firm',
      edit: {
        owner: { kind: 'role', role: 'CEO' },
        start: null,
        due: null,
        status: 'in_progress',
        justification: '',
        notes: '',
      },
    });
    expect(screen.getAllByTestId('plan-prep-save')[0]?.dataset.state).toBe('saved');
  });

  it("shows the backend's refusal at the task", async () => {
    mockBackend((cmd) => (cmd === 'update_action' ? failure('io', 'The workspace file is locked.') : unexpected(cmd)));
    render(PrepTasks, { tasks, assessmentId: 7, people: [], roles: ['CEO'], onplan: () => {} });
    const select = screen.getAllByTestId<HTMLSelectElement>('plan-prep-status')[0] as HTMLSelectElement;
    await fireEvent.change(select, { target: { value: 'done' } });
    expect((await screen.findByRole('alert')).textContent).toContain('The workspace file is locked.');
    expect(screen.queryByText('Saved')).toBeNull();
  });
});

describe('FitVerdict', () => {
  it('says how late, who holds it up with the share they need, and the remedies', () => {
    render(FitVerdict, {
      open: 3,
      fit: {
        kind: 'late',
        deadline: '2027-06-16',
        late_days: 12,
        bottleneck: { owner: { kind: 'person', id: 1 }, name: 'Dana Reyes', share: 20, needed_share: 45 },
        remedies: ['Dana Reyes would need about 45% of their working time.', 'Move the audit date.'],
      },
    });
    const fit = screen.getByTestId('plan-fit');
    expect(fit.dataset.kind).toBe('late');
    expect(text(fit)).toMatch(/Late by 12 days for the readiness deadline 16 Jun 2027/);
    expect(text(screen.getByTestId('plan-bottleneck'))).toBe(
      'Held up by Dana Reyes: would need about 45% of their time (20% planned).',
    );
    expect(within(screen.getByTestId('plan-remedies')).getAllByRole('listitem').map(text)).toEqual([
      'Dana Reyes would need about 45% of their working time.',
      'Move the audit date.',
    ]);
  });

  it('marks an unnamed role as the bottleneck as unassigned, and more than full time as such', () => {
    render(FitVerdict, {
      open: 3,
      fit: {
        kind: 'late',
        deadline: '2027-06-16',
        late_days: 1,
        bottleneck: { owner: { kind: 'role', role: 'CTO' }, name: 'CTO — not yet named', share: 20, needed_share: 180 },
        remedies: [],
      },
    });
    const b = screen.getByTestId('plan-bottleneck');
    expect(within(b).getByTestId('owner-name').dataset.kind).toBe('role');
    expect(text(b)).toContain('CTO — not yet named unassigned');
    expect(text(b)).toContain("more than one person's full time (20% planned)");
    expect(screen.queryByTestId('plan-remedies')).toBeNull();
  });
});

describe('the plan screen shows', () => {
  beforeEach(() => {
    app.current = assessmentDetail();
    app.catalog = bankCatalog({ roles: ['Security lead'] });
    app.screen = 'plan';
  });

  it("each action's flags and what it waits for, by title, and the plan's warnings", async () => {
    const plan = planData({
      actions: [
        planAction('mfa', { title: 'Enforce MFA', flags: ['unassigned', 'after_observation_start'] }),
        planAction('sso', { title: 'Single sign-on', depends_on: ['mfa'], flags: ['over_capacity'] }),
      ],
      prep: [prepTask('prep-audit-firm')],
      load: [personLoad([weekLoad(day(1), 1)])],
      warnings: ['2 actions are owned by roles nobody is named for yet.'],
    });
    mockBackend((cmd) => {
      if (cmd === 'get_plan') return plan;
      if (cmd === 'list_people') return [];
      return unexpected(cmd);
    });
    render(Plan);
    const rows = await screen.findAllByTestId('plan-action-row');

    const flags = (row: HTMLElement): string[] =>
      within(row)
        .getAllByRole('listitem')
        .filter((li) => li.dataset.flag)
        .map(text);
    expect(flags(rows[0] as HTMLElement)).toEqual(['Unassigned', 'After observation start']);
    expect(flags(rows[1] as HTMLElement)).toEqual(['Over capacity']);
    expect(text(within(rows[1] as HTMLElement).getByTestId('plan-action-after'))).toBe('after: Enforce MFA');
    expect(within(rows[0] as HTMLElement).queryByTestId('plan-action-after')).toBeNull();

    expect(text(screen.getByTestId('plan-warnings'))).toBe('2 actions are owned by roles nobody is named for yet.');
    expect(screen.getByTestId('plan-load')).toBeTruthy();
    expect(screen.getAllByTestId('plan-prep-row')).toHaveLength(1);
  });
});
