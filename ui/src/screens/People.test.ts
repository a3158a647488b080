// The People screen against an in-memory register behind the mocked backend: the roster with its
// leavers, a person's register fields edited (the other fields sent back unchanged), the roster
// import refused with every bad row and imported when clean, erasure after a confirmation,
// acknowledgement states per policy version, and the register's gaps.
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import People from './People.svelte';
import { argsOf, lastCall } from '../test/ipc';
import { polyfillDialog } from '../test/workspace';
import { axeViolations } from '../test/a11y';
import { day } from '../test/fixtures';
import { formatDay } from '../lib/format';
import { openPeople, register } from '../test/register';

polyfillDialog();

const text = (el: HTMLElement): string => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
const row = (name: string): HTMLElement => {
  const found = screen.getAllByTestId('roster-row').find((r) => text(r).includes(name));
  if (!found) throw new Error(`no row for ${name}`);
  return found;
};

describe('the roster', () => {
  it('lists everyone with their register fields and marks leavers without a recorded access removal', async () => {
    register();
    await openPeople();
    const { container } = render(People);
    await screen.findAllByTestId('roster-row');
    expect(screen.getAllByTestId('roster-row')).toHaveLength(3);
    expect(within(row('Lee Park')).getByTestId('leaver')).toBeTruthy();
    expect(text(row('Lee Park'))).toContain('Not recorded');
    expect(within(row('Dana Reyes')).queryByTestId('leaver')).toBeNull();
    expect(text(row('Dana Reyes'))).toContain('dana@acme.test');
    expect(text(screen.getByTestId('people-summary'))).toBe('Acme — 3 in the register, 1 leaver.');
    expect(await axeViolations(container)).toEqual([]);
  });

  it("edits a person's register fields and sends the rest back unchanged", async () => {
    const reg = register();
    await openPeople();
    render(People);
    await screen.findAllByTestId('roster-row');
    await fireEvent.click(within(row('Lee Park')).getByTestId('person-edit'));
    await fireEvent.input(screen.getByTestId('register-removed'), { target: { value: day(-9) } });
    await fireEvent.change(screen.getByTestId('register-kind'), { target: { value: 'contractor' } });
    await fireEvent.click(screen.getByTestId('register-save'));
    await waitFor(() => expect(lastCall(reg.calls, 'update_person')).toBeDefined());
    expect(lastCall(reg.calls, 'update_person')?.args).toEqual({
      id: 3,
      input: {
        name: 'Lee Park',
        role: 'CTO',
        email: 'lee@acme.test',
        share: 20,
        days_off: [],
        kind: 'contractor',
        team: '',
        start_date: day(-500),
        end_date: day(-10),
        access_removed_on: day(-9),
      },
    });
    await waitFor(() => expect(text(row('Lee Park'))).not.toContain('Not recorded'));
    expect(text(row('Lee Park'))).toContain('Contractor');
  });

  it('refuses a name left empty before sending', async () => {
    const reg = register();
    await openPeople();
    render(People);
    await fireEvent.click(await screen.findByTestId('person-add'));
    await fireEvent.click(screen.getByTestId('register-save'));
    expect(text(screen.getByTestId('register-error'))).toBe('A person needs a name.');
    expect(lastCall(reg.calls, 'add_person')).toBeUndefined();
  });

  it('erases a person after saying what goes and what stays', async () => {
    const reg = register();
    await openPeople();
    render(People);
    await screen.findAllByTestId('roster-row');
    await fireEvent.click(within(row('Sam Okafor')).getByTestId('person-erase'));
    const dialog = screen.getByRole('dialog', { name: 'Erase Sam Okafor?' });
    expect(text(dialog)).toContain('Removed: their name, email');
    expect(text(dialog)).toContain('Kept: the counts');
    // Erasure reaches the workspace file only; the dialog says what it cannot reach.
    expect(text(dialog)).toContain('backups and exported .trustgap files made before now');
    expect(lastCall(reg.calls, 'erase_person')).toBeUndefined();
    await fireEvent.click(screen.getByTestId('person-erase-confirm'));
    await waitFor(() => expect(screen.getAllByTestId('roster-row')).toHaveLength(2));
    expect(lastCall(reg.calls, 'erase_person')?.args).toEqual({ id: 2 });
    expect(text(screen.getByTestId('roster-notice'))).toBe('Sam Okafor was erased.');
  });
});

describe('the roster import', () => {
  const columns = [
    { header: 'Full name', field: 'name' as const, guessed: true },
    { header: 'Mail', field: 'ignore' as const, guessed: true },
  ];

  it('lists every bad row and will not import while there is one', async () => {
    const reg = register({
      preview: {
        columns,
        rows: [],
        problems: [
          { row: 2, problems: ['The name is missing.'] },
          { row: 4, problems: ['The start date is not a date.', 'The email is used twice.'] },
        ],
      },
    });
    await openPeople();
    render(People);
    await fireEvent.click(await screen.findByTestId('roster-choose'));
    const problems = await screen.findByTestId('roster-problems');
    expect([...problems.querySelectorAll('li')].map(text)).toEqual([
      'Row 2: The name is missing.',
      'Row 4: The start date is not a date. The email is used twice.',
    ]);
    expect(screen.getByTestId<HTMLButtonElement>('roster-import-all').disabled).toBe(true);

    // Another column choice is checked again with every column's choice.
    const selects = screen.getAllByTestId('roster-column');
    await fireEvent.change(selects[1] as HTMLSelectElement, { target: { value: 'email' } });
    await waitFor(() => expect(lastCall(reg.calls, 'preview_chosen_roster')).toBeDefined());
    expect(lastCall(reg.calls, 'preview_chosen_roster')?.args).toEqual({
      clientId: 3,
      choices: [
        ['Full name', 'name'],
        ['Mail', 'email'],
      ],
    });
    expect(lastCall(reg.calls, 'import_chosen_roster')).toBeUndefined();
  });

  it('imports a clean roster all at once and reads the people again', async () => {
    const input = { name: 'Ana Cruz', role: '', email: 'ana@acme.test', share: 10, days_off: [] };
    const reg = register({
      preview: { columns, rows: [{ row: 2, person: input, problems: [] }], problems: [] },
    });
    await openPeople();
    render(People);
    await fireEvent.click(await screen.findByTestId('roster-choose'));
    expect(text(await screen.findByTestId('roster-ready'))).toBe('1 person ready to import.');
    const reads = argsOf(reg.calls, 'list_people').length;
    await fireEvent.click(screen.getByTestId('roster-import-all'));
    await waitFor(() => expect(text(screen.getByTestId('roster-notice'))).toBe('1 person imported.'));
    expect(lastCall(reg.calls, 'import_chosen_roster')?.args).toEqual({
      clientId: 3,
      choices: [
        ['Full name', 'name'],
        ['Mail', 'ignore'],
      ],
    });
    await waitFor(() => expect(argsOf(reg.calls, 'list_people').length).toBeGreaterThan(reads));
    expect(screen.queryByTestId('roster-preview')).toBeNull();
  });
});

describe('acknowledgements and gaps', () => {
  it('shows current, stale and missing against the version in force', async () => {
    register({
      acks: [
        { person_id: 1, assessment_id: 7, policy_id: 'access', version: 2, acknowledged_on: day(-3) },
        { person_id: 2, assessment_id: 7, policy_id: 'access', version: 1, acknowledged_on: day(-90) },
      ],
    });
    await openPeople();
    render(People);
    await fireEvent.click(await screen.findByTestId('people-tab-acks'));
    await screen.findByTestId('acks');
    const state = (person: string, policy: string): string | undefined =>
      screen
        .getAllByTestId('ack-row')
        .find((r) => r.dataset.person === person)
        ?.querySelector<HTMLElement>(`[data-policy="${policy}"]`)?.dataset.state;
    expect(state('Dana Reyes', 'access')).toBe('current');
    expect(state('Sam Okafor', 'access')).toBe('stale');
    expect(state('Sam Okafor', 'incident')).toBe('missing');
    const sam = screen.getAllByTestId('ack-row').find((r) => r.dataset.person === 'Sam Okafor');
    const cell = sam?.querySelector<HTMLElement>('[data-policy="access"]');
    expect(cell && text(cell)).toBe(`Acknowledged an older version ${formatDay(day(-90))}`);
  });

  it('records an acknowledgement of the version in force', async () => {
    const reg = register();
    await openPeople();
    render(People);
    await fireEvent.click(await screen.findByTestId('people-tab-acks'));
    await screen.findByTestId('acks');
    await fireEvent.change(screen.getByTestId('ack-person'), { target: { value: '2' } });
    await fireEvent.change(screen.getByTestId('ack-policy'), { target: { value: 'access' } });
    await fireEvent.click(screen.getByTestId('ack-save'));
    await waitFor(() => expect(lastCall(reg.calls, 'acknowledge_policy')).toBeDefined());
    expect(lastCall(reg.calls, 'acknowledge_policy')?.args).toMatchObject({
      assessmentId: 7,
      personId: 2,
      policyId: 'access',
      version: 2,
    });
    // The states are read again from the backend after the write.
    await waitFor(() =>
      expect(
        screen
          .getAllByTestId('ack-row')
          .find((r) => r.dataset.person === 'Sam Okafor')
          ?.querySelector<HTMLElement>('[data-policy="access"]')?.dataset.state,
      ).toBe('current'),
    );
  });

  it('words the gaps as the backend does', async () => {
    register({
      gaps: [
        {
          person_id: 3,
          person: 'Lee Park',
          gap: { kind: 'access_removal_missing', left_on: day(-10) },
          description: 'Lee Park left and the removal of their access is not recorded.',
        },
      ],
    });
    await openPeople();
    render(People);
    await fireEvent.click(await screen.findByTestId('people-tab-gaps'));
    const gaps = await screen.findByTestId('gaps');
    expect(text(gaps)).toBe('Lee Park left and the removal of their access is not recorded.');
  });
});

describe('training', () => {
  const course = {
    id: 5,
    client_id: 3,
    name: 'Security awareness',
    within_days: 30,
    every_months: 12,
    audience: { kind: 'everyone' as const },
  };
  const row = (person_id: number, person: string, status: 'done' | 'overdue', label: string) => ({
    person_id,
    person,
    email: '',
    course_id: 5,
    course: course.name,
    status,
    status_label: label,
    last_completed: status === 'done' ? day(-20) : null,
    due_on: status === 'done' ? day(345) : day(-5),
  });

  it('shows each current person’s status with its dates, leavers left out, and records a completion', async () => {
    const reg = register({
      courses: [course],
      training: [row(1, 'Dana Reyes', 'done', 'Done'), row(2, 'Sam Okafor', 'overdue', 'Overdue')],
    });
    await openPeople();
    render(People);
    await fireEvent.click(await screen.findByTestId('people-tab-training'));
    const grid = await screen.findByTestId('training-grid');
    expect(text(screen.getByTestId('course'))).toContain('Within 30 days of joining · every 12 months · Everyone');
    const cells = within(grid).getAllByTestId('training-cell');
    expect(cells.map((c) => c.dataset.status)).toEqual(['done', 'overdue']);
    expect(text(grid)).not.toContain('Lee Park');
    await fireEvent.change(screen.getByTestId('completion-person'), { target: { value: '2' } });
    await fireEvent.change(screen.getByTestId('completion-course'), { target: { value: '5' } });
    await fireEvent.input(screen.getByTestId('completion-evidence'), { target: { value: ' lms-export.csv ' } });
    await fireEvent.click(screen.getByTestId('completion-save'));
    await waitFor(() => expect(lastCall(reg.calls, 'record_completion')).toBeDefined());
    expect(lastCall(reg.calls, 'record_completion')?.args).toMatchObject({
      personId: 2,
      courseId: 5,
      evidence: 'lms-export.csv',
    });
  });
});
