// The Workspace's ways onward: "Continue <last assessment>" after a relaunch, and the Files and
// backups messages that offer to open or show an exported file or open what was imported.
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import Workspace from './Workspace.svelte';
import { app } from '../lib/app.svelte';
import { at } from '../test/fixtures';
import { argsOf, count } from '../test/ipc';
import { catalog, polyfillDialog, renderScreen, summary, workspace } from '../test/workspace';
import type { AssessmentDetail, Overview } from '../lib/api';

polyfillDialog();

function openOne(): AssessmentDetail {
  const overall = { score: null, questions: 1, answered: 0, not_applicable: 0, unknown: 0, high_gaps: 0, level: null };
  return {
    summary: summary(1),
    responses: [],
    retired: [],
    scorecard: {
      overall,
      band: 'incomplete',
      high_gaps: 0,
      late_controls: 0,
      categories: [],
      groups: [],
      criteria: [],
    },
  };
}

/** Q4 follow-up (id 2) was opened last, yesterday; the archived one after it does not count. */
function relaunched(): Overview {
  const w = workspace();
  w.assessments = w.assessments.map((a) =>
    a.id === 2 ? { ...a, opened_at: at(-1) } : a.id === 3 ? { ...a, opened_at: at(0) } : a,
  );
  return w;
}

beforeEach(() => {
  app.catalog = catalog;
  app.close();
  app.screen = 'workspace';
  app.showWorkspaceTab('assessments');
});

describe('Continue where you left off', () => {
  it('offers the assessment opened last and opens it', async () => {
    const { calls } = renderScreen(Workspace, relaunched());
    const button = screen.getByTestId('continue-assessment');
    expect(button.textContent).toContain('Continue “Q4 follow-up”');
    expect(screen.getByTestId('continue-card').textContent).toContain('9 of 10 answered');
    await fireEvent.click(button);
    await waitFor(() => expect(argsOf(calls, 'open_assessment')).toEqual([{ id: 2 }]));
    await waitFor(() => expect(app.screen).toBe('questionnaire'));
  });

  it('is not offered while an assessment is open', () => {
    app.current = openOne();
    renderScreen(Workspace, relaunched());
    expect(screen.queryByTestId('continue-card')).toBeNull();
  });

  it('is not offered when nothing was ever opened', () => {
    const w = workspace();
    w.assessments = w.assessments.map((a) => ({ ...a, opened_at: null }));
    renderScreen(Workspace, w);
    expect(screen.queryByTestId('continue-card')).toBeNull();
  });
});

describe('Files and backups', () => {
  it('offers to open an exported file or show it in its folder', async () => {
    app.current = openOne();
    app.showWorkspaceTab('files');
    const { calls } = renderScreen(Workspace, workspace(), (cmd) => {
      if (cmd === 'list_backups') return [];
      if (cmd === 'export_portable')
        return { status: 'saved', path: '/home/me/Acme.trustgap', bytes: 10, warnings: [] };
      return undefined;
    });
    await fireEvent.click(screen.getByTestId('export-portable'));
    expect((await screen.findByTestId('files-status')).textContent).toContain('Exported to /home/me/Acme.trustgap');
    await fireEvent.click(screen.getByTestId('files-open'));
    await fireEvent.click(screen.getByTestId('files-show'));
    await waitFor(() => expect(count(calls, 'show_last_export')).toBe(1));
    expect(count(calls, 'open_last_export')).toBe(1);
  });

  it('leaves the people register out of an export unless the box is ticked', async () => {
    app.current = openOne();
    app.showWorkspaceTab('files');
    const { calls } = renderScreen(Workspace, workspace(), (cmd) => {
      if (cmd === 'list_backups') return [];
      if (cmd === 'export_portable')
        return { status: 'saved', path: '/home/me/Acme.trustgap', bytes: 10, warnings: [] };
      return undefined;
    });
    const box = screen.getByLabelText<HTMLInputElement>(/Include the people register \(personal data\)/);
    expect(box.checked).toBe(false);
    await fireEvent.click(screen.getByTestId('export-portable'));
    await waitFor(() => expect(count(calls, 'export_portable')).toBe(1));
    await fireEvent.click(box);
    await fireEvent.click(screen.getByTestId('export-client'));
    await waitFor(() => expect(count(calls, 'export_portable')).toBe(2));
    expect(argsOf(calls, 'export_portable').map((a) => (a as { includeRegister: boolean }).includeRegister)).toEqual([
      false,
      true,
    ]);
  });

  it('offers to open the assessment just imported', async () => {
    app.showWorkspaceTab('files');
    const state = workspace();
    const { calls } = renderScreen(Workspace, state, (cmd) => {
      if (cmd === 'list_backups') return [];
      if (cmd === 'choose_import_file')
        return { file_name: 'Initech.trustgap', assessments: ['Initech · Baseline'], clashes: [] };
      if (cmd === 'import_chosen') {
        state.assessments.push(summary(9, { client_id: 5, client_name: 'Initech', name: 'Baseline' }));
        return [9];
      }
      return undefined;
    });
    await fireEvent.click(screen.getByTestId('import-file'));
    await fireEvent.click(await screen.findByTestId('import-confirm'));
    const open = await screen.findByTestId('open-imported');
    expect(open.textContent).toContain('Open “Baseline” (Initech)');
    expect(screen.getByTestId('files-status').textContent).toContain('Imported 1 assessment.');
    await fireEvent.click(open);
    await waitFor(() => expect(argsOf(calls, 'open_assessment')).toEqual([{ id: 9 }]));
  });
});
