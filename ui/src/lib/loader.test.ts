// The loader for backend reads: the latest request wins, a failure is kept until the next
// success, a new version or an invalidation reads again, and a write's value overtakes reads.
import { describe, expect, it } from 'vitest';
import { Loader } from './loader.svelte';

/** A read whose answers the test gives by hand, in any order. */
function manual<K>() {
  const pending: { key: K; resolve: (v: string) => void; reject: (e: unknown) => void }[] = [];
  const read = (key: K) =>
    new Promise<string>((resolve, reject) => {
      pending.push({ key, resolve, reject });
    });
  return { read, pending };
}

describe('Loader', () => {
  it('ignores the answer to a request a newer one has overtaken', async () => {
    const { read, pending } = manual<number>();
    const loader = new Loader(read);
    const first = loader.track(1);
    const second = loader.track(2);
    pending[1]?.resolve('two');
    await second;
    pending[0]?.resolve('one');
    await first;
    expect(loader.value).toBe('two');
    expect(loader.key).toBe(2);
    expect(loader.loading).toBe(false);
  });

  it('keeps an error until the next success, and the value shown meanwhile', async () => {
    let fail = false;
    let n = 0;
    const loader = new Loader(async (id: number) => {
      await Promise.resolve();
      if (fail) throw new Error(`read ${id} failed`);
      n += 1;
      return `plan ${n}`;
    });
    await loader.track(7, 'v1');
    expect(loader.value).toBe('plan 1');
    fail = true;
    await loader.track(7, 'v2');
    expect(loader.error).toBe('read 7 failed');
    expect(loader.value).toBe('plan 1');
    // A read that is still under way does not clear it.
    fail = false;
    const again = loader.invalidate();
    expect(loader.error).toBe('read 7 failed');
    expect(loader.loading).toBe(true);
    await again;
    expect(loader.error).toBeNull();
    expect(loader.value).toBe('plan 2');
  });

  it('reads again when invalidated or when the version changes, not for the same key and version', async () => {
    const keys: number[] = [];
    const loader = new Loader(async (id: number) => {
      keys.push(id);
      await Promise.resolve();
      return `read ${keys.length}`;
    });
    await loader.track(7, 'a');
    await loader.track(7, 'a');
    expect(keys).toEqual([7]);
    await loader.invalidate();
    expect(loader.value).toBe('read 2');
    await loader.track(7, 'b');
    expect(keys).toEqual([7, 7, 7]);
  });

  it('drops the previous key when another is tracked, and everything when none is', async () => {
    const { read, pending } = manual<{ id: number; kind: string }>();
    const loader = new Loader(read);
    const a = loader.track({ id: 1, kind: 'plan' });
    pending[0]?.resolve('plan of 1');
    await a;
    void loader.track({ id: 1, kind: 'readiness' });
    expect(loader.value).toBeNull();
    expect(loader.loading).toBe(true);
    // The same key again, as a new but equal object: nothing more is read.
    void loader.track({ id: 1, kind: 'readiness' });
    expect(pending).toHaveLength(2);
    await loader.track(null);
    pending[1]?.resolve('late');
    await Promise.resolve();
    expect(loader.value).toBeNull();
    expect(loader.key).toBeNull();
    expect(loader.loading).toBe(false);
  });

  it("takes a write's value for the current key, over a read still under way", async () => {
    const { read, pending } = manual<number>();
    const loader = new Loader(read);
    const reading = loader.track(7);
    loader.set(8, 'for another assessment');
    expect(loader.value).toBeNull();
    loader.set(7, 'rebuilt');
    pending[0]?.resolve('stale');
    await reading;
    expect(loader.value).toBe('rebuilt');
    expect(loader.loading).toBe(false);
  });
});
