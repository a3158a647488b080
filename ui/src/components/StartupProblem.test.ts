import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import StartupProblem from './StartupProblem.svelte';
import type { StartupProblem as Problem } from '../lib/api';
import { at } from '../test/fixtures';
import { argsOf, mockBackend, unexpected } from '../test/ipc';

function problem(recoverable: boolean, backups = 1): Problem {
  return {
    message: 'The workspace database is damaged (database disk image is malformed).',
    recoverable,
    backups: Array.from({ length: backups }, (_, i) => ({
      name: `workspace-${at(-i).slice(0, 10).replaceAll('-', '')}-090000.sqlite3`,
      created_at: at(-i),
      bytes: 4096,
    })),
  };
}

describe('StartupProblem', () => {
  it('offers the latest backup for a damaged workspace and asks the backend to recover', async () => {
    const calls = mockBackend((cmd) => {
      if (cmd === 'startup_problem') return problem(true);
      if (cmd === 'recover_workspace') return null;
      // The app restarts after recovery: nothing else is asked for.
      return unexpected(cmd);
    });
    render(StartupProblem, { message: 'damaged' });
    const restore = await screen.findByTestId('recover-backup');
    expect(screen.getByText(/kept aside/)).toBeTruthy();
    await fireEvent.click(restore);
    expect(argsOf(calls, 'recover_workspace')).toEqual([{ restoreLatest: true }]);
  });

  it('offers no recovery for a workspace from a newer version', async () => {
    mockBackend((cmd) => {
      if (cmd === 'startup_problem') return { ...problem(false), message: 'saved by a newer version of Trustgap' };
      return unexpected(cmd);
    });
    render(StartupProblem, { message: 'newer' });
    expect(await screen.findByText(/newer version/)).toBeTruthy();
    expect(screen.queryByTestId('recover-backup')).toBeNull();
    expect(screen.queryByTestId('recover-empty')).toBeNull();
    expect(screen.getByText(/has not been changed/)).toBeTruthy();
  });

  it('without backups, only starting empty is offered', async () => {
    mockBackend((cmd) => (cmd === 'startup_problem' ? problem(true, 0) : null));
    render(StartupProblem, { message: 'damaged' });
    expect(await screen.findByTestId('recover-empty')).toBeTruthy();
    expect(screen.queryByTestId('recover-backup')).toBeNull();
  });
});
