// RowSave, the save of a table row edited in place: saved with the backend's answer handed on, a
// refusal of the values told apart from a failure to save, and the edits made during a save
// saved once after it (never two saves at once).
import { describe, expect, it, vi } from 'vitest';
import { BackendError } from './api';
import { RowSave } from './rowSave.svelte';

/** A send whose answer the test gives by hand. */
function pending<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { send: () => promise, resolve };
}

describe('RowSave', () => {
  it("is saved and hands on the backend's answer", async () => {
    const row = new RowSave(() => Promise.resolve());
    const saved = vi.fn<(n: number) => void>();
    const send = pending<number>();
    const done = row.save(send.send, { saved });
    expect(row.state.kind).toBe('saving');
    send.resolve(7);
    await done;
    expect(row.state).toEqual({ kind: 'saved' });
    expect(saved).toHaveBeenCalledExactlyOnceWith(7);
    expect(row.unsaved).toBe(false);
  });

  it("tells the backend's refusal of the values from a failure to save", async () => {
    const row = new RowSave(() => Promise.resolve());
    const saved = vi.fn();
    const refused = vi.fn<(message: string) => void>();
    const refusal = new BackendError({ code: 'validation', message: 'Say why.' });
    await row.save(() => Promise.reject(refusal), { saved, refused });
    expect(row.state).toEqual({ kind: 'refused', message: 'Say why.' });
    expect(refused).toHaveBeenCalledExactlyOnceWith('Say why.');
    expect(row.unsaved).toBe(true);

    const locked = new BackendError({ code: 'io', message: 'The workspace file is locked.' });
    await row.save(() => Promise.reject(locked), { saved, refused });
    expect(row.state).toEqual({ kind: 'failed', message: 'The workspace file is locked.' });
    expect(refused).toHaveBeenCalledOnce();
    expect(saved).not.toHaveBeenCalled();
    expect(row.unsaved).toBe(true);
  });

  it('saves the edits made during a save once after it, never two at a time', async () => {
    const again = vi.fn(() => Promise.resolve());
    const row = new RowSave(again);
    const first = pending<null>();
    const second = vi.fn(() => Promise.resolve(null));
    const done = row.save(first.send, { saved: () => undefined });
    await row.save(second, { saved: () => undefined });
    await row.save(second, { saved: () => undefined });
    expect(second).not.toHaveBeenCalled();
    expect(again).not.toHaveBeenCalled();
    first.resolve(null);
    await done;
    expect(again).toHaveBeenCalledOnce();
  });
});
