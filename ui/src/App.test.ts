// The app shell: the sidebar folds by itself in a narrow window and on request, and ? shows the
// keyboard help of the current screen (not while typing), which Esc or ? closes again.
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import App from './App.svelte';
import { app } from './lib/app.svelte';
import { shortcutsOf } from './lib/shortcuts';
import { catalog, polyfillDialog, workspace, backend } from './test/workspace';
import { axeViolations } from './test/a11y';

polyfillDialog();

function setWidth(width: number): void {
  Object.defineProperty(window, 'innerWidth', { configurable: true, value: width });
}

beforeEach(() => {
  app.catalog = catalog;
  app.close();
  app.screen = 'workspace';
  app.overview = workspace();
  app.foldSidebar(false);
  app.sidebarFolded = null;
  app.showHelp(false);
  backend(workspace());
});

describe('the sidebar', () => {
  it('folds to its icons in a narrow window, and unfolds on request', async () => {
    setWidth(1024);
    render(App);
    const sidebar = screen.getByTestId('sidebar');
    expect(sidebar.dataset.folded).toBe('true');
    // Folded, each screen keeps its name for assistive technology.
    expect(screen.getByRole('button', { name: 'Questionnaire' })).toBeTruthy();
    await fireEvent.click(screen.getByTestId('sidebar-toggle'));
    expect(sidebar.dataset.folded).toBe('false');
    expect(screen.getByText('Keyboard shortcuts')).toBeTruthy();
  });

  it('stays open in a wide window until folded', async () => {
    setWidth(1280);
    render(App);
    expect(screen.getByTestId('sidebar').dataset.folded).toBe('false');
    await fireEvent.click(screen.getByTestId('sidebar-toggle'));
    expect(screen.getByTestId('sidebar').dataset.folded).toBe('true');
  });
});

describe('moving between screens', () => {
  it('follows the sidebar with Ctrl 1…9 and Ctrl 0, Policies after Plan, then People and Evidence', async () => {
    setWidth(1280);
    render(App);
    const names = screen.getAllByTestId(/^nav-/).map((b) => b.textContent?.replace(/\s+/g, ' ').trim());
    expect(names).toEqual([
      'Workspace Ctrl 1',
      'Questionnaire Ctrl 2',
      'Workshop mode Ctrl 3',
      'Results Ctrl 4',
      'Plan Ctrl 5',
      'Policies Ctrl 6',
      'People Ctrl 7',
      'Evidence Ctrl 8',
      'Reports Ctrl 9',
      'Question bank Ctrl 0',
    ]);
    await fireEvent.keyDown(document.body, { key: '6', ctrlKey: true });
    expect(app.screen).toBe('policies');
    await fireEvent.keyDown(document.body, { key: '7', ctrlKey: true });
    expect(app.screen).toBe('people');
    await fireEvent.keyDown(document.body, { key: '8', ctrlKey: true });
    expect(app.screen).toBe('evidence');
    await fireEvent.keyDown(document.body, { key: '9', ctrlKey: true });
    expect(app.screen).toBe('reports');
    await fireEvent.keyDown(document.body, { key: '0', ctrlKey: true });
    expect(app.screen).toBe('catalog');
    // Not a digit: nothing moves.
    await fireEvent.keyDown(document.body, { key: 'e', ctrlKey: true });
    expect(app.screen).toBe('catalog');
    app.go('workspace');
  });

  it('says the same range in the keyboard help', () => {
    const keys = shortcutsOf('policies').everywhere.flatMap((s) => s.keys);
    expect(keys).toEqual(expect.arrayContaining(['Ctrl+1…9', 'Ctrl+0']));
    expect(shortcutsOf('policies').own.flatMap((s) => s.keys)).toEqual(['↑', '↓', 'Ctrl+Enter', 'Esc']);
  });
});

describe('the keyboard help', () => {
  it("lists the current screen's shortcuts on ?, and closes on Esc", async () => {
    setWidth(1280);
    const { container } = render(App);
    await fireEvent.keyDown(document.body, { key: '?' });
    const dialog = await screen.findByTestId('keyboard-help');
    expect(within(dialog).getByText('Keyboard shortcuts: Workspace')).toBeTruthy();
    for (const s of [...shortcutsOf('workspace').own, ...shortcutsOf('workspace').everywhere]) {
      expect(within(dialog).getByText(s.does)).toBeTruthy();
    }
    expect(await axeViolations(container)).toEqual([]);
    await fireEvent.keyDown(within(dialog).getByRole('button', { name: 'Close' }), { key: 'Escape' });
    await waitFor(() => expect(app.helpOpen).toBe(false));
  });

  it('is a character, not the help, while typing in a field', async () => {
    setWidth(1280);
    render(App);
    await fireEvent.keyDown(screen.getByTestId('assessment-search'), { key: '?' });
    expect(app.helpOpen).toBe(false);
  });

  it('lists every key the Questionnaire and Workshop mode answer to', () => {
    const listed = (s: Parameters<typeof shortcutsOf>[0]) =>
      shortcutsOf(s)
        .own.flatMap((x) => x.keys)
        .join(' ');
    for (const key of ['J', 'K', '1–5', 'F', 'G', 'N', 'Ctrl+Z', 'Ctrl+Shift+Z', 'Ctrl+Y', 'Esc']) {
      expect(listed('questionnaire')).toContain(key);
    }
    for (const key of ['1–5', '→', 'Space', 'J', '←', 'K', 'U', 'N', 'F', 'G', 'Ctrl+Z', 'Esc']) {
      expect(listed('workshop')).toContain(key);
    }
  });
});
