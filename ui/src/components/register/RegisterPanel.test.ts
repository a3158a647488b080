// The people register on the Results and Plan screens: gaps counted by kind with no name, a way
// to the People screen, a one-line hint when the client keeps no register, counts read again
// when the answers change, and a failed read said as such.
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import Results from '../../screens/Results.svelte';
import Plan from '../../screens/Plan.svelte';
import { app } from '../../lib/app.svelte';
import type { RegisterOverview } from '../../lib/api';
import { assessmentDetail, assessmentSummary, at, bankCatalog, scorecard, tally } from '../../test/fixtures';
import { planAction, planData } from '../../test/plan';
import { registerOverview } from '../../test/register';
import { axeViolations } from '../../test/a11y';
import { count, failure, mockBackend, type Call } from '../../test/ipc';

/** The two screens' reads, with `overview` answering register_overview (read anew each call). */
function backend(overview: () => RegisterOverview | Promise<never>): Call[] {
  return mockBackend((cmd) => {
    switch (cmd) {
      case 'register_overview':
        return overview();
      case 'get_plan':
        return planData({ actions: [planAction('mfa')] });
      case 'get_cost_assumptions':
        return { currency: '', day_rate: null, lines: [] };
      default:
        return [];
    }
  });
}

function text(element: HTMLElement): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

beforeEach(() => {
  app.current = assessmentDetail({
    summary: assessmentSummary({ updated_at: at(-1), answered: 3 }),
    scorecard: scorecard({ overall: tally({ score: 40, answered: 3 }) }),
  });
  app.catalog = bankCatalog();
  app.screen = 'results';
});

describe.each([
  ['Results', Results],
  ['Plan', Plan],
])('the people register on the %s screen', (_name, Screen) => {
  it('counts the gaps by kind, names nobody, and leads to the People screen', async () => {
    const calls = backend(() => registerOverview([2, 1, 0, 3, 1]));
    render(Screen);
    const panel = await screen.findByTestId('register-panel');
    expect(text(within(panel).getByTestId('register-facts'))).toBe(
      '14 people (2 leavers) · 1 course · 3 approved policies · 7 gaps an auditor would find',
    );
    const rows = within(panel)
      .getAllByTestId('register-count')
      .map((r) => [r.dataset.kind, text(r.querySelector('.kind')!), text(r.querySelector('strong')!)]);
    expect(rows).toEqual([
      ['not_trained_in_time', 'Not trained in time', '2'],
      ['refresh_overdue', 'Refresh overdue', '1'],
      ['acknowledgement_missing', 'Acknowledgement missing', '0'],
      ['acknowledgement_stale', 'Acknowledgement stale', '3'],
      ['access_removal_missing', 'Access removal not recorded', '1'],
    ]);
    expect(within(panel).queryByTestId('register-unchecked')).toBeNull();
    expect(calls.find((c) => c.cmd === 'register_overview')?.args).toEqual({ assessmentId: 7 });
    expect(await axeViolations(panel)).toEqual([]);
    await fireEvent.click(within(panel).getByRole('button', { name: 'Open People' }));
    expect(app.screen).toBe('people');
  });

  it('says in one line that the client keeps no register, and reads again after an answer', async () => {
    let overview = registerOverview([0, 0, 0, 0, 0], { people: 0, leavers: 0, courses: 0, policies_in_force: 0 });
    const calls = backend(() => overview);
    render(Screen);
    const hint = await screen.findByTestId('register-hint');
    expect(text(hint)).toContain('No people register for this client yet');
    expect(screen.queryByTestId('register-panel')).toBeNull();

    // An answer saved elsewhere changes updated_at: the counts are read again.
    overview = registerOverview([1, 0, 0, 0, 0], { people: 3, leavers: 0 });
    app.current = { ...app.current!, summary: { ...app.current!.summary, updated_at: at(0) } };
    const panel = await screen.findByTestId('register-panel');
    expect(text(panel)).toContain('3 people · 1 course · 3 approved policies · 1 gap an auditor would find');
    expect(within(panel).queryByTestId('register-unchecked')).toBeNull();
    expect(count(calls, 'register_overview')).toBe(2);
  });

  it('says what was not checked when there is no course or no approved policy', async () => {
    backend(() => registerOverview([0, 0, 0, 0, 0], { courses: 0, policies_in_force: 0 }));
    render(Screen);
    expect(text(await screen.findByTestId('register-unchecked'))).toBe(
      'No training course is set up, so training is not checked yet. No policy is approved, so acknowledgements are not checked yet.',
    );
  });

  it('says when the register could not be read', async () => {
    backend(() => failure('io', 'The workspace file is locked.'));
    render(Screen);
    await waitFor(() =>
      expect(screen.getAllByRole('alert').map(text)).toContain(
        'The people register could not be read: The workspace file is locked.',
      ),
    );
  });
});
