// The new-assessment screen against a mocked Tauri IPC: what it sends, a client created with the
// assessment in the same call (a refused start leaves none behind), the scoping questions
// answered yes, Cancel and Escape.
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import NewAssessment from './NewAssessment.svelte';
import { app } from '../lib/app.svelte';
import type { Overview } from '../lib/api';
import { catalog, renderScreen, summary, workspace, type Handler } from '../test/workspace';
import { axeViolations } from '../test/a11y';
import { argsOf, failure } from '../test/ipc';

const setup = (state?: Overview, handler?: Handler) => renderScreen(NewAssessment, state, handler);

beforeEach(() => {
  app.catalog = catalog;
  app.current = null;
  app.screen = 'new-assessment';
  app.newAssessmentClient = null;
});

describe('New assessment', () => {
  it('sends the company profile, scope and audit with the client chosen', async () => {
    app.newAssessmentClient = 2;
    const { calls } = setup(workspace(), (cmd) => (cmd === 'create_assessment' ? summary(7) : undefined));
    const form = screen.getByRole('form', { name: 'New assessment' });
    expect(screen.getByTestId<HTMLSelectElement>('assessment-client').value).toBe('2');
    await fireEvent.input(screen.getByTestId('assessment-name'), { target: { value: 'Type II, 2028' } });
    await fireEvent.input(within(form).getByLabelText('Industry'), { target: { value: 'Fintech' } });
    await fireEvent.input(within(form).getByLabelText('Headcount'), { target: { value: '40' } });
    await fireEvent.input(within(form).getByLabelText('System in scope'), { target: { value: 'Ledger API' } });
    await fireEvent.input(within(form).getByLabelText('System description'), { target: { value: 'Payments.' } });
    await fireEvent.input(within(form).getByLabelText('Hosting'), { target: { value: 'GCP' } });
    await fireEvent.input(within(form).getByLabelText('Assessor'), { target: { value: 'Dana' } });
    await fireEvent.click(screen.getByTestId('audit-type2'));
    // Start before end, typed day-month-year as the app shows dates.
    const start = screen.getByTestId('observation-start');
    const end = screen.getByTestId('target-date');
    expect(start.compareDocumentPosition(end) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await fireEvent.input(start, { target: { value: '1 Jun 2027' } });
    await fireEvent.input(end, { target: { value: '30/9/2027' } });
    await fireEvent.click(screen.getByTestId('create-assessment'));
    await waitFor(() => expect(argsOf(calls, 'create_assessment')).toHaveLength(1));
    expect(argsOf(calls, 'create_client')).toEqual([]);
    expect(argsOf(calls, 'create_assessment')[0]).toEqual({
      input: {
        client_id: 2,
        name: 'Type II, 2028',
        scope: [],
        profile: { audit_type: 'type2', target_date: '2027-09-30', observation_start: '2027-06-01' },
        company: {
          industry: 'Fintech',
          headcount: 40,
          system_name: 'Ledger API',
          system_description: 'Payments.',
          hosting: 'GCP',
          assessor: 'Dana',
          led_by: 'self_assessment',
          assessor_firm: '',
        },
        new_client_name: null,
        scoping_yes: [],
      },
    });
    await waitFor(() => expect(app.screen).toBe('questionnaire'));
  });

  it('creates a new client with the assessment in one call, so a refused start leaves no client behind', async () => {
    let refuse = true;
    const { calls } = setup(workspace(), (cmd) => {
      if (cmd === 'create_assessment' && refuse) throw { code: 'validation', message: 'The name is too long.' };
      if (cmd === 'create_assessment') return summary(7, { client_id: 9 });
      return undefined;
    });
    await fireEvent.change(screen.getByTestId('assessment-client'), { target: { value: 'new' } });
    await fireEvent.input(await screen.findByTestId('new-client-name'), { target: { value: 'Initech' } });
    await fireEvent.click(screen.getByTestId('create-assessment'));
    expect((await screen.findByTestId('new-assessment-error')).textContent).toBe('The name is too long.');
    expect(argsOf(calls, 'create_assessment')).toHaveLength(1);
    expect(argsOf(calls, 'create_assessment')[0]).toMatchObject({
      input: { client_id: 0, new_client_name: 'Initech' },
    });
    // The new client is still the one asked for: trying again sends it again, with the assessment.
    expect(screen.getByTestId<HTMLInputElement>('new-client-name').value).toBe('Initech');
    refuse = false;
    await fireEvent.click(screen.getByTestId('create-assessment'));
    await waitFor(() => expect(argsOf(calls, 'create_assessment')).toHaveLength(2));
    expect(argsOf(calls, 'create_assessment')[1]).toMatchObject({ input: { new_client_name: 'Initech' } });
    expect(argsOf(calls, 'create_client')).toEqual([]);
    await waitFor(() => expect(app.screen).toBe('questionnaire'));
  });

  it('sends the scoping questions answered yes', async () => {
    const { calls } = setup(workspace(), (cmd) => {
      if (cmd === 'recommend_scope') return [{ category: 'availability', reasons: ['SLA'] }];
      if (cmd === 'create_assessment') return summary(7);
      return undefined;
    });
    await fireEvent.click(screen.getByTestId('scoping-uptime'));
    await waitFor(() => expect(screen.getByTestId<HTMLInputElement>('scope-availability').checked).toBe(true));
    await fireEvent.click(screen.getByTestId('create-assessment'));
    await waitFor(() => expect(argsOf(calls, 'create_assessment')).toHaveLength(1));
    expect(argsOf(calls, 'create_assessment')[0]).toMatchObject({
      input: { scope: ['availability'], scoping_yes: ['uptime'], new_client_name: null },
    });
  });

  it('asks only for a new client in an empty workspace', () => {
    setup({ clients: [], assessments: [], trash: [] });
    expect(screen.queryByTestId('assessment-client')).toBeNull();
    expect(screen.getByLabelText('New client')).toBe(screen.getByTestId('new-client-name'));
  });

  it('goes back to the workspace with Cancel and with Escape, creating nothing', async () => {
    const { calls } = setup();
    await fireEvent.click(screen.getByTestId('cancel-new-assessment'));
    expect(app.screen).toBe('workspace');
    app.screen = 'new-assessment';
    await fireEvent.keyDown(window, { key: 'Escape' });
    expect(app.screen).toBe('workspace');
    expect(calls.filter((c) => c.cmd.startsWith('create'))).toEqual([]);
  });

  it('has no axe violations', async () => {
    const { container } = setup();
    expect(await axeViolations(container)).toEqual([]);
    await fireEvent.change(screen.getByTestId('assessment-client'), { target: { value: 'new' } });
    await screen.findByTestId('new-client-name');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('shows a name over its limit as it is typed, refuses to send it, and clears the message once fixed', async () => {
    const { calls } = setup();
    const name = screen.getByTestId<HTMLInputElement>('assessment-name');
    await fireEvent.input(name, { target: { value: 'x'.repeat(10_000) } });
    // Kept whole (not cut at 120 without a word), and said so beside the field.
    expect(name.value).toHaveLength(10_000);
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('9,880 too many: at most 120 characters')).toBeTruthy(); // VOCABULARY.limits.name_chars
    await fireEvent.click(screen.getByTestId('create-assessment'));
    expect(screen.getByTestId('new-assessment-error').textContent).toContain('Fix the field');
    expect(document.activeElement).toBe(name);
    expect(argsOf(calls, 'create_assessment')).toEqual([]);

    await fireEvent.input(name, { target: { value: 'x'.repeat(100) } });
    expect(name.getAttribute('aria-invalid')).toBe('false');
    expect(screen.getByText('100 / 120')).toBeTruthy();
    expect(screen.queryByTestId('new-assessment-error')).toBeNull();
  });

  it("clears the backend's message when the field it was about is fixed", async () => {
    setup(workspace(), (cmd) =>
      cmd === 'create_assessment' ? failure('validation', 'An assessment needs a name.') : undefined,
    );
    await fireEvent.click(screen.getByTestId('create-assessment'));
    expect((await screen.findByTestId('new-assessment-error')).textContent).toContain('needs a name');
    await fireEvent.input(screen.getByTestId('assessment-name'), { target: { value: 'Q1' } });
    expect(screen.queryByTestId('new-assessment-error')).toBeNull();
  });
});
