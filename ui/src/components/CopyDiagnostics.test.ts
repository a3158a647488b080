import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import CopyDiagnostics from './CopyDiagnostics.svelte';
import { count, failure, mockBackend, unexpected } from '../test/ipc';

const TEXT = 'Trustgap 0.1.0\nquestion bank 2026.12.0\n\nlast 1 log lines:\nget_plan ok in 3.1 ms';

function clipboard(writeText: (text: string) => Promise<void>): void {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
}

afterEach(() => {
  Reflect.deleteProperty(navigator, 'clipboard');
});

describe('CopyDiagnostics', () => {
  it('copies what the backend gathers to the clipboard and says so', async () => {
    const calls = mockBackend((cmd) => (cmd === 'diagnostics' ? TEXT : unexpected(cmd)));
    const writeText = vi.fn(() => Promise.resolve());
    clipboard(writeText);
    render(CopyDiagnostics);
    await fireEvent.click(screen.getByTestId('copy-diagnostics'));
    expect(await screen.findByText(/Diagnostics copied/)).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith(TEXT);
    expect(count(calls, 'diagnostics')).toBe(1);
    expect(screen.queryByTestId('diagnostics-text')).toBeNull();
  });

  it('shows the text to copy by hand when the clipboard refuses', async () => {
    mockBackend((cmd) => (cmd === 'diagnostics' ? TEXT : unexpected(cmd)));
    clipboard(() => Promise.reject(new Error('not allowed')));
    render(CopyDiagnostics);
    await fireEvent.click(screen.getByTestId('copy-diagnostics'));
    const area = await screen.findByTestId<HTMLTextAreaElement>('diagnostics-text');
    expect(area.value).toBe(TEXT);
    expect(screen.getByText(/select the text below/)).toBeTruthy();
  });

  it('says when the diagnostics cannot be read', async () => {
    mockBackend((cmd) => (cmd === 'diagnostics' ? failure('io', 'The disk is gone.') : unexpected(cmd)));
    render(CopyDiagnostics);
    await fireEvent.click(screen.getByTestId('copy-diagnostics'));
    expect(await screen.findByText(/could not be read: The disk is gone/)).toBeTruthy();
  });
});
