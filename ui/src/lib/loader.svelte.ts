// A keyed, race-safe loader for one backend read, shared by every screen that reads from the
// backend: the latest request wins (answers to older ones are dropped), a failure is kept and
// shown until the next success, and a write that changes the data invalidates it.
import { untrack } from 'svelte';
import { messageOf } from './api';

/** Two keys are the same read when their JSON is equal (ids, or small option objects). */
function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

export class Loader<K, T> {
  /** The last value read for the current key; null before the first arrives. */
  value = $state.raw<T | null>(null);
  /** Why the last read failed; kept until a read succeeds. */
  error = $state<string | null>(null);
  /** A read is on its way. */
  loading = $state(false);

  #read: (key: K) => Promise<T>;
  #key = $state.raw<K | null>(null);
  #version: unknown = undefined;
  /** Counts requests: only the answer to the latest one is taken. */
  #generation = 0;

  constructor(read: (key: K) => Promise<T>) {
    this.#read = read;
  }

  /** The key the value belongs to (null when nothing is tracked). */
  get key(): K | null {
    return this.#key;
  }

  /**
   * Follows `key`: a new key is read (the previous key's value and error are dropped); the same
   * key with a new `version` (e.g. the assessment's updated_at) is read again, its value kept on
   * screen meanwhile. Null stops tracking. Resolves when the read it started has ended.
   */
  track(key: K | null, version?: unknown): Promise<void> {
    // Screens call this from an effect: only the arguments are its dependencies.
    return untrack(() => this.#follow(key, version));
  }

  #follow(key: K | null, version: unknown): Promise<void> {
    if (key === null) {
      if (this.#key === null) return Promise.resolve();
      this.#generation += 1;
      this.#key = null;
      this.#version = undefined;
      this.value = null;
      this.error = null;
      this.loading = false;
      return Promise.resolve();
    }
    const sameKey = this.#key !== null && same(this.#key, key);
    if (sameKey && same(this.#version, version)) return Promise.resolve();
    if (!sameKey) {
      this.value = null;
      this.error = null;
    }
    this.#key = key;
    this.#version = version;
    return this.#fetch(key);
  }

  /** Reads the current key again, after a write that changed its data. */
  invalidate(): Promise<void> {
    const key = untrack(() => this.#key);
    return key === null ? Promise.resolve() : this.#fetch(key);
  }

  /** Takes a value a write returned for `key` (e.g. the rebuilt plan), overtaking reads under way. */
  set(key: K, value: T): void {
    const current = untrack(() => this.#key);
    if (current === null || !same(current, key)) return;
    this.#generation += 1;
    this.value = value;
    this.error = null;
    this.loading = false;
  }

  async #fetch(key: K): Promise<void> {
    const mine = ++this.#generation;
    this.loading = true;
    try {
      const value = await this.#read(key);
      if (mine !== this.#generation) return;
      this.value = value;
      this.error = null;
    } catch (e) {
      if (mine !== this.#generation) return;
      this.error = messageOf(e);
    } finally {
      if (mine === this.#generation) this.loading = false;
    }
  }
}
