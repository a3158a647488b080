// The people dialog against a mocked backend: the list, adding (checked first: name, share,
// email, periods), changing, removing after saying where the work goes, a refusal that keeps
// what was typed, and the client calendar (year-end break and closures).
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import PeopleDialog from './PeopleDialog.svelte';
import ClientsPanel from '../workspace/ClientsPanel.svelte';
import { app } from '../../lib/app.svelte';
import type { Client, ClientCalendar, Person, PersonInput } from '../../lib/api';
import { assessmentDetail, at, bankCatalog, person } from '../../test/fixtures';
import { axeViolations } from '../../test/a11y';
import { argsOf, count, failure, mockBackend, unexpected, type Call } from '../../test/ipc';
import { polyfillDialog } from '../../test/workspace';

polyfillDialog();

const acme: Client = { id: 3, name: 'Acme', created_at: at(-30), updated_at: at(-30) };
const dana = person();

/** A backend holding `start` as Acme's people, changed by the commands. */
function backend(start: Person[] = [dana], calendar: ClientCalendar = { year_end_break: false, closures: [] }): Call[] {
  let people = [...start];
  let next = 10;
  return mockBackend((cmd, args) => {
    switch (cmd) {
      case 'list_people':
        return people;
      case 'get_client_calendar':
        return calendar;
      case 'set_client_calendar':
        calendar = args.calendar as ClientCalendar;
        return null;
      case 'add_person': {
        const p = { id: next++, client_id: 3, ...(args.input as PersonInput) };
        people = [...people, p];
        return p;
      }
      case 'update_person': {
        const p = { id: args.id as number, client_id: 3, ...(args.input as PersonInput) };
        people = people.map((q) => (q.id === p.id ? p : q));
        return p;
      }
      case 'remove_person':
        people = people.filter((q) => q.id !== args.id);
        return null;
      default:
        return unexpected(cmd);
    }
  });
}

function open(): void {
  render(PeopleDialog, { open: true, client: acme, roles: ['CTO', 'Security lead'] });
}

async function type(testid: string, value: string): Promise<void> {
  await fireEvent.input(screen.getByTestId(testid), { target: { value } });
}

function names(): string[] {
  return screen.queryAllByTestId('person-name-text').map((n) => n.textContent ?? '');
}

beforeEach(() => {
  app.current = null;
  app.catalog = bankCatalog({ roles: ['CTO', 'Security lead'] });
});

describe('PeopleDialog', () => {
  it("lists the client's people with role and share, and suggests the bank's roles", async () => {
    const calls = backend();
    open();
    await waitFor(() => expect(names()).toEqual(['Dana Reyes']));
    expect(screen.getByTestId('person-row').textContent).toContain('CTO · 20% of their time');
    expect(argsOf(calls, 'list_people')).toEqual([{ clientId: 3 }]);

    await fireEvent.click(screen.getByTestId('person-add'));
    const role = screen.getByTestId('person-role');
    const options = document.getElementById(role.getAttribute('list') ?? '')?.querySelectorAll('option');
    expect([...(options ?? [])].map((o) => o.value)).toEqual(['CTO', 'Security lead']);
    // The share starts at the vocabulary's default.
    expect(screen.getByTestId<HTMLInputElement>('person-share').value).toBe('20');
  });

  it('adds a person with days off, and lists them', async () => {
    const calls = backend([]);
    open();
    await screen.findByTestId('people-empty');
    await fireEvent.click(screen.getByTestId('person-add'));
    await type('person-name', '  Sam Okafor ');
    await type('person-role', 'Security lead');
    await type('person-email', 'sam@acme.test');
    await type('person-share', '40');
    await fireEvent.click(screen.getByTestId('person-days-off-add'));
    const from = screen.getByTestId('person-days-off-from');
    await fireEvent.input(from, { target: { value: '24 Dec 2026' } });
    await fireEvent.blur(from);
    await type('person-days-off-to', '2 Jan 2027');
    await fireEvent.click(screen.getByTestId('person-save'));

    await waitFor(() => expect(names()).toEqual(['Sam Okafor']));
    expect(argsOf(calls, 'add_person')).toEqual([
      {
        clientId: 3,
        input: {
          name: 'Sam Okafor',
          role: 'Security lead',
          email: 'sam@acme.test',
          share: 40,
          days_off: [{ from: '2026-12-24', to: '2027-01-02' }],
        },
      },
    ]);
    expect(screen.queryByTestId('person-form')).toBeNull();
  });

  it('checks the name, the share, the email and the periods before sending anything', async () => {
    const calls = backend([]);
    open();
    await screen.findByTestId('people-empty');
    await fireEvent.click(screen.getByTestId('person-add'));
    await type('person-share', '0');
    await type('person-email', 'not-an-email');
    await fireEvent.click(screen.getByTestId('person-days-off-add'));
    await fireEvent.click(screen.getByTestId('person-save'));

    const form = screen.getByTestId('person-form');
    expect(form.textContent).toContain('Give the person a name.');
    expect(form.textContent).toContain('a whole number from 1 to 100 percent');
    expect(form.textContent).toContain('not-an-email does not look like an email address.');
    expect(form.textContent).toContain('Days off: give each period its first and last day.');
    expect(screen.getByTestId('person-name').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(screen.getByTestId('person-name'));

    // A name over 120 characters is counted, and refused.
    await type('person-name', 'x'.repeat(121));
    expect(within(form).getByTestId('text-limit').textContent).toContain('1 too many');
    await fireEvent.click(screen.getByTestId('person-save'));
    expect(form.textContent).toContain('A name has at most 120 characters.');
    await type('person-share', '101');
    await fireEvent.click(screen.getByTestId('person-save'));
    expect(form.textContent).toContain('from 1 to 100 percent');
    expect(count(calls, 'add_person')).toBe(0);
  });

  it("shows the backend's refusal and keeps every field as typed", async () => {
    mockBackend((cmd) => {
      if (cmd === 'list_people') return [];
      if (cmd === 'get_client_calendar') return { year_end_break: false, closures: [] };
      if (cmd === 'add_person') return failure('validation', 'Days off: at most 50 periods.');
      return unexpected(cmd);
    });
    open();
    await screen.findByTestId('people-empty');
    await fireEvent.click(screen.getByTestId('person-add'));
    await type('person-name', 'Sam Okafor');
    await type('person-share', '35');
    await fireEvent.click(screen.getByTestId('person-save'));

    expect((await screen.findByTestId('person-error')).textContent).toContain('Days off: at most 50 periods.');
    expect(screen.getByTestId<HTMLInputElement>('person-name').value).toBe('Sam Okafor');
    expect(screen.getByTestId<HTMLInputElement>('person-share').value).toBe('35');
  });

  it('changes a person', async () => {
    const calls = backend();
    open();
    await waitFor(() => expect(names()).toEqual(['Dana Reyes']));
    await fireEvent.click(screen.getByRole('button', { name: 'Edit Dana Reyes' }));
    expect(screen.getByTestId<HTMLInputElement>('person-name').value).toBe('Dana Reyes');
    await type('person-name', 'Dana Reyes-Ito');
    await type('person-share', '50');
    await fireEvent.click(screen.getByTestId('person-save'));

    await waitFor(() => expect(names()).toEqual(['Dana Reyes-Ito']));
    expect(argsOf(calls, 'update_person')).toEqual([
      { id: 1, input: { name: 'Dana Reyes-Ito', role: 'CTO', email: '', share: 50, days_off: [] } },
    ]);
  });

  it("keeps the register's fields of a person it does not show when changing them", async () => {
    const joined = person({
      kind: 'contractor',
      team: 'Platform',
      start_date: '2026-01-05',
      end_date: '2026-11-30',
      access_removed_on: '2026-11-30',
    });
    const calls = backend([joined]);
    open();
    await waitFor(() => expect(names()).toEqual(['Dana Reyes']));
    await fireEvent.click(screen.getByRole('button', { name: 'Edit Dana Reyes' }));
    await type('person-share', '40');
    await fireEvent.click(screen.getByTestId('person-save'));

    await waitFor(() => expect(argsOf(calls, 'update_person')).toHaveLength(1));
    expect(argsOf(calls, 'update_person')[0]).toEqual({
      id: 1,
      input: {
        name: 'Dana Reyes',
        role: 'CTO',
        email: '',
        share: 40,
        days_off: [],
        kind: 'contractor',
        team: 'Platform',
        start_date: '2026-01-05',
        end_date: '2026-11-30',
        access_removed_on: '2026-11-30',
      },
    });
  });

  it('removes a person after saying their work goes to their role', async () => {
    const calls = backend();
    open();
    await waitFor(() => expect(names()).toEqual(['Dana Reyes']));
    await fireEvent.click(screen.getByRole('button', { name: 'Remove Dana Reyes' }));
    const confirm = screen.getByTestId('person-remove-confirm');
    expect(confirm.textContent).toContain('What they own goes to their role, “CTO — not yet named”.');
    expect(count(calls, 'remove_person')).toBe(0);

    await fireEvent.click(screen.getByTestId('person-remove-yes'));
    await waitFor(() => expect(names()).toEqual([]));
    expect(argsOf(calls, 'remove_person')).toEqual([{ id: 1 }]);
  });

  it("reads the open assessment's people again when they are this client's", async () => {
    const calls = backend();
    app.current = assessmentDetail();
    await app.clientPeople.track(3);
    const before = count(calls, 'list_people');
    open();
    await waitFor(() => expect(names()).toEqual(['Dana Reyes']));
    await fireEvent.click(screen.getByRole('button', { name: 'Remove Dana Reyes' }));
    await fireEvent.click(screen.getByTestId('person-remove-yes'));
    await waitFor(() => expect(app.people).toEqual([]));
    expect(count(calls, 'list_people')).toBeGreaterThanOrEqual(before + 3);
    await app.clientPeople.track(null);
  });

  it('saves the calendar: the year-end break and a closure', async () => {
    const calls = backend();
    open();
    const form = await screen.findByTestId('client-calendar');
    await fireEvent.click(within(form).getByTestId('calendar-year-end'));
    await fireEvent.click(screen.getByTestId('calendar-closures-add'));
    await type('calendar-closures-from', '3 Aug 2027');
    await type('calendar-closures-to', '14 Aug 2027');
    await fireEvent.click(screen.getByTestId('calendar-save'));

    await waitFor(() =>
      expect(argsOf(calls, 'set_client_calendar')).toEqual([
        { clientId: 3, calendar: { year_end_break: true, closures: [{ from: '2027-08-03', to: '2027-08-14' }] } },
      ]),
    );
    expect(within(form).getByRole('status').textContent).toBe('Saved');
  });

  it('refuses a closure without its last day', async () => {
    const calls = backend();
    open();
    await screen.findByTestId('client-calendar');
    await fireEvent.click(screen.getByTestId('calendar-closures-add'));
    await type('calendar-closures-from', '3 Aug 2027');
    await type('calendar-closures-to', '1 Aug 2027');
    await fireEvent.click(screen.getByTestId('calendar-save'));
    expect((await screen.findByRole('alert')).textContent).toContain('Closures: a period ends before it starts.');
    expect(count(calls, 'set_client_calendar')).toBe(0);
  });

  it('opens from the clients panel, and has no axe violations with a form open', async () => {
    backend();
    app.overview = { clients: [acme], assessments: [], trash: [] };
    const { container } = render(ClientsPanel, { onadded: () => {} });
    await fireEvent.click(screen.getByRole('button', { name: 'People and calendar of Acme' }));
    await waitFor(() => expect(names()).toEqual(['Dana Reyes']));
    await screen.findByTestId('client-calendar');
    await fireEvent.click(screen.getByTestId('person-add'));
    await fireEvent.click(screen.getByTestId('person-days-off-add'));
    expect(await axeViolations(container.ownerDocument.body)).toEqual([]);
  });
});
