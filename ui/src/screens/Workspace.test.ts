// The Workspace screen against a mocked Tauri IPC: search, sort and the archived toggle, the
// row actions (edit details, re-assess, archive, delete with a confirmation and an Undo), the
// trash (restore, delete for good after its own confirmation), clients, and accessibility.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import Workspace from './Workspace.svelte';
import { app } from '../lib/app.svelte';
import type { CategoryId, Overview, UpdateDetailsInput } from '../lib/api';
import {
  backend,
  catalog,
  client,
  polyfillDialog,
  renderScreen,
  summary,
  workspace,
  type Handler,
} from '../test/workspace';
import { axeViolations } from '../test/a11y';
import { argsOf } from '../test/ipc';
import { blankCompany as company } from '../test/fixtures';

polyfillDialog();

function rowNames(): string[] {
  return screen
    .queryAllByTestId('assessment-row')
    .map((r) => r.querySelector('[data-testid=row-name]')?.textContent ?? '');
}

function row(name: string): HTMLElement {
  const found = screen
    .getAllByTestId('assessment-row')
    .find((r) => r.querySelector('[data-testid=row-name]')?.textContent === name);
  if (!found) throw new Error(`no row for ${name}`);
  return found;
}

/** Opens a row's "More actions" menu and picks an item. */
async function rowAction(name: string, testid: string): Promise<void> {
  await fireEvent.click(within(row(name)).getByTestId('row-menu'));
  await fireEvent.click(within(row(name)).getByTestId(testid));
}

const setup = (state?: Overview, handler?: Handler) => renderScreen(Workspace, state, handler);

beforeEach(() => {
  app.catalog = catalog;
  app.current = null;
  app.screen = 'workspace';
  app.workspaceTab = 'assessments';
});

afterEach(() => {
  vi.useRealTimers();
});

describe('Workspace list', () => {
  it('hides archived assessments until "Show archived" is ticked, then marks them', async () => {
    setup();
    expect(rowNames()).toEqual(['Q3 readiness', 'Q4 follow-up']);
    expect(screen.queryByText('Archived')).toBeNull();

    await fireEvent.click(screen.getByTestId('show-archived'));
    expect(rowNames()).toEqual(['Q3 readiness', 'Q4 follow-up', 'Old audit']);
    expect(within(row('Old audit')).getByTestId('badge-archived').textContent).toBe('Archived');
  });

  it('filters rows by client, assessment and system name', async () => {
    setup();
    const search = screen.getByTestId('assessment-search');

    await fireEvent.input(search, { target: { value: 'follow' } });
    expect(rowNames()).toEqual(['Q4 follow-up']);

    await fireEvent.input(search, { target: { value: 'brightwave' } });
    expect(rowNames()).toEqual(['Q3 readiness']);

    await fireEvent.input(search, { target: { value: 'globex' } });
    expect(rowNames()).toEqual([]);
    expect(screen.getByTestId('no-match').textContent).toMatch(/No assessment matches “globex”/);
    await fireEvent.click(screen.getByTestId('show-archived'));
    expect(rowNames()).toEqual(['Old audit']);

    await fireEvent.input(search, { target: { value: 'acme q3' } });
    expect(rowNames()).toEqual(['Q3 readiness']);
  });

  it('sorts by readiness and by client name', async () => {
    setup();
    await fireEvent.click(screen.getByTestId('show-archived'));
    const sort = screen.getByTestId('assessment-sort');
    await fireEvent.change(sort, { target: { value: 'readiness' } });
    expect(rowNames()).toEqual(['Q4 follow-up', 'Old audit', 'Q3 readiness']);
    await fireEvent.change(sort, { target: { value: 'client' } });
    expect(rowNames()).toEqual(['Q3 readiness', 'Q4 follow-up', 'Old audit']);
  });

  it('shows the re-assessment, review and flag badges', () => {
    setup();
    const r = within(row('Q4 follow-up'));
    expect(r.getByTestId('badge-reassessment').textContent).toBe('Re-assessment');
    expect(r.getByTestId('badge-review').textContent).toBe('3 to review');
    expect(r.getByTestId('badge-flagged').textContent).toBe('2 flagged');
    expect(within(row('Q3 readiness')).queryByTestId('badge-reassessment')).toBeNull();
  });
});

describe('Row actions', () => {
  it('moves to the trash only after confirmation, and Undo restores it', async () => {
    const { calls } = setup();
    await rowAction('Q3 readiness', 'row-delete');
    const dialog = screen.getByTestId('confirm-delete-dialog');
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(dialog.textContent).toMatch(/“Q3 readiness”/);
    expect(argsOf(calls, 'set_trashed')).toEqual([]);

    await fireEvent.click(screen.getByTestId('confirm-delete'));
    await waitFor(() => expect(argsOf(calls, 'set_trashed')).toEqual([{ id: 1, trashed: true }]));
    await waitFor(() => expect(rowNames()).toEqual(['Q4 follow-up']));
    expect(dialog.hasAttribute('open')).toBe(false);
    expect(screen.getByTestId('toast').textContent).toMatch(/Moved to the trash/);

    await fireEvent.click(screen.getByTestId('toast-undo'));
    await waitFor(() =>
      expect(argsOf(calls, 'set_trashed')).toEqual([
        { id: 1, trashed: true },
        { id: 1, trashed: false },
      ]),
    );
    await waitFor(() => expect(rowNames()).toContain('Q3 readiness'));
    await waitFor(() => expect(screen.queryByTestId('toast')).toBeNull());
  });

  it('does nothing when the deletion is cancelled, and gives the focus back to the menu button', async () => {
    const { calls } = setup();
    await rowAction('Q3 readiness', 'row-delete');
    const dialog = screen.getByTestId('confirm-delete-dialog');
    // Cancel has the focus: Esc or Enter there never deletes.
    expect(document.activeElement?.textContent?.trim()).toBe('Cancel');
    await fireEvent.keyDown(document.activeElement as Element, { key: 'Escape' });
    expect(dialog.hasAttribute('open')).toBe(false);
    expect(document.activeElement).toBe(within(row('Q3 readiness')).getByTestId('row-menu'));
    expect(argsOf(calls, 'set_trashed')).toEqual([]);
  });

  it('hides the toast after about eight seconds', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    setup();
    await rowAction('Q3 readiness', 'row-delete');
    await fireEvent.click(screen.getByTestId('confirm-delete'));
    await waitFor(() => expect(screen.getByTestId('toast')).toBeTruthy());
    await vi.advanceTimersByTimeAsync(7000);
    expect(screen.queryByTestId('toast')).not.toBeNull();
    await vi.advanceTimersByTimeAsync(1500);
    expect(screen.queryByTestId('toast')).toBeNull();
  });

  it('archives and unarchives', async () => {
    const { calls } = setup();
    await rowAction('Q4 follow-up', 'row-archive');
    await waitFor(() => expect(argsOf(calls, 'set_archived')).toEqual([{ id: 2, archived: true }]));
    await waitFor(() => expect(rowNames()).toEqual(['Q3 readiness']));

    await fireEvent.click(screen.getByTestId('show-archived'));
    await rowAction('Old audit', 'row-archive');
    await waitFor(() => expect(argsOf(calls, 'set_archived')).toContainEqual({ id: 3, archived: false }));
  });

  it('edits the details and keeps the dialog open with the backend message on a refusal', async () => {
    let refuse = true;
    const { calls } = setup(workspace(), (cmd, a) => {
      if (cmd !== 'update_assessment_details') return undefined;
      if (refuse) throw { code: 'validation', message: 'Headcount must be between 1 and 1,000,000.' };
      return { ...summary(1), ...(a.input as UpdateDetailsInput) };
    });
    await rowAction('Q3 readiness', 'row-edit');
    const dialog = screen.getByTestId('details-dialog');
    const name = within(dialog).getByLabelText<HTMLInputElement>('Assessment name');
    expect(name.value).toBe('Q3 readiness');
    expect(document.activeElement).toBe(name);
    expect(within(dialog).getByLabelText<HTMLInputElement>('System in scope').value).toBe('Brightwave platform');
    const security = within(dialog).getByRole<HTMLInputElement>('checkbox', { name: /Security/ });
    expect(security.checked && security.disabled).toBe(true);

    await fireEvent.input(name, { target: { value: 'Q3 readiness (final)' } });
    await fireEvent.input(within(dialog).getByLabelText('Industry'), { target: { value: 'B2B SaaS' } });
    await fireEvent.input(within(dialog).getByLabelText('Headcount'), { target: { value: '0' } });
    await fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Privacy' }));
    await fireEvent.click(screen.getByTestId('details-save'));

    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toBe('Headcount must be between 1 and 1,000,000.');
    expect(dialog.hasAttribute('open')).toBe(true);
    const expected: UpdateDetailsInput = {
      id: 1,
      name: 'Q3 readiness (final)',
      company: { ...company, system_name: 'Brightwave platform', industry: 'B2B SaaS', headcount: 0 },
      scope: ['security', 'privacy'] as CategoryId[],
      scoping_yes: [],
    };
    expect(argsOf(calls, 'update_assessment_details')).toEqual([{ input: expected }]);

    refuse = false;
    await fireEvent.input(within(dialog).getByLabelText('Headcount'), { target: { value: '25' } });
    await fireEvent.click(screen.getByTestId('details-save'));
    await waitFor(() => expect(dialog.hasAttribute('open')).toBe(false));
    expect(argsOf(calls, 'update_assessment_details')[1]).toEqual({
      input: { ...expected, company: { ...expected.company, headcount: 25 } },
    });
  });

  it('loads the question bank for the scope choices when the details open before any other screen', async () => {
    app.catalog = null;
    setup();
    await rowAction('Q3 readiness', 'row-edit');
    expect(await screen.findByTestId('details-scope-privacy')).toBeTruthy();
    expect(app.catalog).not.toBeNull();
  });

  it('re-assesses under the suggested name and opens the new assessment', async () => {
    const { calls } = setup(workspace(), (cmd, a) =>
      cmd === 'reassess' ? summary(9, { name: String(a.name), based_on: 1 }) : undefined,
    );
    await rowAction('Q3 readiness', 'row-reassess');
    const input = screen.getByTestId<HTMLInputElement>('reassess-name');
    expect(input.value).toBe('Q3 readiness (re-assessment)');
    await fireEvent.click(screen.getByTestId('reassess-start'));
    await waitFor(() => expect(argsOf(calls, 'reassess')).toEqual([{ id: 1, name: 'Q3 readiness (re-assessment)' }]));
    await waitFor(() => expect(argsOf(calls, 'open_assessment')).toEqual([{ id: 9 }]));
  });

  it('opens the menu upward when the window has no room below the button', async () => {
    setup();
    const trigger = within(row('Q3 readiness')).getByTestId('row-menu');
    // jsdom does no layout: place the button near the bottom of a 800 px window.
    const rect = (top: number, height: number) =>
      ({ top, bottom: top + height, height, left: 0, right: 0, width: 0, x: 0, y: top }) as DOMRect;
    const spy = vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (
      this: HTMLElement,
    ) {
      return this.getAttribute('role') === 'menu' ? rect(0, 180) : rect(760, 30);
    });
    vi.stubGlobal('innerHeight', 800);
    try {
      await fireEvent.click(trigger);
      await waitFor(() => expect(screen.getByRole('menu').classList.contains('upward')).toBe(true));
      await fireEvent.keyDown(screen.getByRole('menu'), { key: 'Escape' });
      // With room below, it opens downward.
      spy.mockImplementation(function (this: HTMLElement) {
        return this.getAttribute('role') === 'menu' ? rect(0, 180) : rect(100, 30);
      });
      await fireEvent.click(trigger);
      await waitFor(() => expect(screen.getByRole('menu')).toBeTruthy());
      expect(screen.getByRole('menu').classList.contains('upward')).toBe(false);
    } finally {
      spy.mockRestore();
      vi.unstubAllGlobals();
    }
  });

  it('moves through the menu with the arrow keys and closes it with Esc', async () => {
    setup();
    const trigger = within(row('Q3 readiness')).getByTestId('row-menu');
    await fireEvent.keyDown(trigger, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('row-edit')));
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    await fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(screen.getByTestId('row-delete'));
    await fireEvent.keyDown(document.activeElement as Element, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(trigger);
  });
});

describe('Trash', () => {
  it('is collapsed with its count, restores, and deletes for good only after its own confirmation', async () => {
    const { calls } = setup();
    const toggle = screen.getByTestId('trash-toggle');
    expect(toggle.textContent).toMatch(/Trash\s*1/);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByTestId('trash-row')).toBeNull();

    await fireEvent.click(toggle);
    const trashRow = screen.getByTestId('trash-row');
    expect(trashRow.textContent).toMatch(/Scrapped draft/);

    await fireEvent.click(within(trashRow).getByTestId('trash-purge'));
    const dialog = screen.getByTestId('confirm-purge-dialog');
    expect(dialog.textContent).toMatch(/“Scrapped draft”/);
    expect(argsOf(calls, 'purge_assessment')).toEqual([]);
    await fireEvent.click(screen.getByTestId('confirm-purge'));
    await waitFor(() => expect(argsOf(calls, 'purge_assessment')).toEqual([{ id: 4 }]));
    // An empty trash shows nothing at all.
    await waitFor(() => expect(screen.queryByTestId('trash-toggle')).toBeNull());
  });

  it('restores an assessment to the list', async () => {
    const { calls } = setup();
    await fireEvent.click(screen.getByTestId('trash-toggle'));
    await fireEvent.click(screen.getByTestId('trash-restore'));
    await waitFor(() => expect(argsOf(calls, 'set_trashed')).toEqual([{ id: 4, trashed: false }]));
    await waitFor(() => expect(rowNames()).toContain('Scrapped draft'));
  });
});

describe('Clients', () => {
  it('renames a client in place', async () => {
    const { calls } = setup(workspace(), (cmd, a) => (cmd === 'rename_client' ? client(2, String(a.name)) : undefined));
    await fireEvent.click(screen.getByTestId('workspace-tab-clients'));
    const globex = screen.getAllByTestId('client-row')[1] as HTMLElement;
    await fireEvent.click(within(globex).getByTestId('client-rename'));
    const input = within(globex).getByTestId<HTMLInputElement>('client-rename-input');
    expect(document.activeElement).toBe(input);
    await fireEvent.input(input, { target: { value: 'Globex Corp' } });
    await fireEvent.submit(input.form as HTMLFormElement);
    await waitFor(() => expect(argsOf(calls, 'rename_client')).toEqual([{ id: 2, name: 'Globex Corp' }]));
  });

  it("shows the backend's refusal to delete a client that still has assessments", async () => {
    const message = 'This client still has 1 assessment(s), counting the trash: delete those first.';
    setup(workspace(), (cmd) => {
      if (cmd === 'delete_client') throw { code: 'validation', message };
      return undefined;
    });
    await fireEvent.click(screen.getByTestId('workspace-tab-clients'));
    const globex = screen.getAllByTestId('client-row')[1] as HTMLElement;
    await fireEvent.click(within(globex).getByTestId('client-delete'));
    expect((await within(globex).findByRole('alert')).textContent).toBe(message);
  });

  it('starts a new assessment for a client, and the header button for the client added last', async () => {
    setup(workspace(), (cmd, a) => (cmd === 'create_client' ? client(9, String(a.name)) : undefined));
    await fireEvent.click(screen.getByTestId('workspace-tab-clients'));
    const globex = screen.getAllByTestId('client-row')[1] as HTMLElement;
    await fireEvent.click(within(globex).getByTestId('client-new-assessment'));
    expect(app.screen).toBe('new-assessment');
    expect(app.newAssessmentClient).toBe(2);

    app.screen = 'workspace';
    await fireEvent.input(screen.getByTestId('client-name'), { target: { value: 'Initech' } });
    await fireEvent.click(screen.getByTestId('create-client'));
    await waitFor(() => expect(screen.getByTestId<HTMLInputElement>('client-name').value).toBe(''));
    await fireEvent.click(screen.getByTestId('new-assessment'));
    expect(app.newAssessmentClient).toBe(9);
    expect(app.screen).toBe('new-assessment');
  });
});

describe('Tabs', () => {
  it('moves between the tabs with the arrow keys, and keeps the tab chosen when the screen comes back', async () => {
    setup();
    const tab = (id: string) => screen.getByTestId(`workspace-tab-${id}`);
    expect(tab('assessments').getAttribute('aria-selected')).toBe('true');
    expect(tab('clients').textContent).toContain('2');

    await fireEvent.keyDown(tab('assessments'), { key: 'ArrowRight' });
    expect(tab('clients').getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(tab('clients'));
    expect(screen.getAllByTestId('client-row')).toHaveLength(2);
    expect(screen.queryAllByTestId('assessment-row')).toHaveLength(0);

    await fireEvent.keyDown(tab('clients'), { key: 'End' });
    expect(tab('files').getAttribute('aria-selected')).toBe('true');
    await fireEvent.keyDown(tab('files'), { key: 'ArrowRight' });
    expect(tab('assessments').getAttribute('aria-selected')).toBe('true');
    await fireEvent.keyDown(tab('assessments'), { key: 'ArrowLeft' });
    expect(app.workspaceTab).toBe('files');
  });
});

describe('Accessibility', () => {
  it('has no axe violations on the screen, with a menu open, the trash open and the dialogs', async () => {
    const { container } = render(Workspace);
    app.overview = workspace();
    backend(workspace());
    await waitFor(() => expect(rowNames().length).toBe(2));
    expect(await axeViolations(container)).toEqual([]);

    await fireEvent.click(within(row('Q3 readiness')).getByTestId('row-menu'));
    await fireEvent.click(screen.getByTestId('trash-toggle'));
    expect(await axeViolations(container)).toEqual([]);

    await fireEvent.click(screen.getByTestId('row-edit'));
    expect(await axeViolations(container)).toEqual([]);
    await fireEvent.click(within(screen.getByTestId('details-dialog')).getByRole('button', { name: 'Cancel' }));

    await fireEvent.click(screen.getByTestId('trash-purge'));
    expect(await axeViolations(container)).toEqual([]);
  });

  it('has no axe violations in an empty workspace', async () => {
    const { container } = setup({ clients: [], assessments: [], trash: [] });
    expect(await axeViolations(container)).toEqual([]);
  });
});
