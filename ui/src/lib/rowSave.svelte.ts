// The save of a table row edited in place (a plan action, a request item), shared by those rows:
// one save at a time, with the edits made meanwhile saved once it ends, and the backend's refusal
// of the values (a rule: retrying would only be refused again) told apart from a failure to save
// (retried as it is). RowSaveStatus and RowSaveProblem show it.
import { BackendError, messageOf } from './api';

export type RowSaveState =
  | { kind: 'idle' | 'saving' | 'saved' }
  /** The backend refused the values: the message says what to change. */
  | { kind: 'refused'; message: string }
  /** The save did not happen (e.g. the file was locked): the same values can be sent again. */
  | { kind: 'failed'; message: string };

export interface RowSaveHooks<T> {
  /** The backend took the values and answered with `result`. */
  saved: (result: T) => void;
  /** The backend refused them with `message`. */
  refused?: (message: string) => void | Promise<void>;
}

export class RowSave {
  state = $state<RowSaveState>({ kind: 'idle' });

  /** Saves the row again: what the row's commit does (e.g. only when something changed). */
  readonly #again: () => Promise<void>;
  /** Another change arrived while saving: `#again` runs when the current save ends. */
  #queued = false;

  constructor(again: () => Promise<void>) {
    this.#again = again;
  }

  /** The save ended without the values kept: refused or failed. */
  get unsaved(): boolean {
    return this.state.kind === 'refused' || this.state.kind === 'failed';
  }

  /**
   * Sends the row's values with `send`, unless a save is on its way: then the row is saved again
   * once that one ends, so the last edit is never lost and two saves never race.
   */
  async save<T>(send: () => Promise<T>, hooks: RowSaveHooks<T>): Promise<void> {
    if (this.state.kind === 'saving') {
      this.#queued = true;
      return;
    }
    this.state = { kind: 'saving' };
    try {
      const result = await send();
      this.state = { kind: 'saved' };
      hooks.saved(result);
    } catch (e) {
      if (e instanceof BackendError && e.code === 'validation') {
        this.state = { kind: 'refused', message: e.message };
        await hooks.refused?.(e.message);
      } else {
        this.state = { kind: 'failed', message: messageOf(e) };
      }
    }
    if (this.#queued) {
      this.#queued = false;
      await this.#again();
    }
  }
}
