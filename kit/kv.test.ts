import { describe, expect, it } from 'vitest';
import { FallbackKeyValueStore, type KeyValueStore, MemoryKeyValueStore } from './kv.js';

/** A primary store that can be switched to failing or hanging, like a Redis that went away. */
class FlakyStore extends MemoryKeyValueStore {
  mode: 'up' | 'failing' | 'hanging' | 'slow' = 'up';
  calls = 0;
  /** How long a call takes in 'slow' mode. */
  delayMs = 100;
  private guard<T>(run: () => Promise<T>): Promise<T> {
    this.calls++;
    if (this.mode === 'failing') return Promise.reject(new Error('ECONNREFUSED'));
    if (this.mode === 'hanging') return new Promise<T>(() => {});
    if (this.mode === 'slow') return new Promise((resolve) => setTimeout(resolve, this.delayMs)).then(run);
    return run();
  }
  override increment(key: string, windowSeconds: number) {
    return this.guard(() => super.increment(key, windowSeconds));
  }
  override get(key: string) {
    return this.guard(() => super.get(key));
  }
  override set(key: string, value: string, ttl?: number) {
    return this.guard(() => super.set(key, value, ttl));
  }
}

describe('FallbackKeyValueStore', () => {
  it('answers from the fallback while the primary fails, then skips it for the cooldown', async () => {
    let now = 0;
    const primary = new FlakyStore();
    const fallback: KeyValueStore = new MemoryKeyValueStore();
    const store = new FallbackKeyValueStore(primary, fallback, () => {}, {
      cooldownMs: 5000,
      now: () => now,
    });
    await store.set('a', '1');
    expect(await store.get('a')).toBe('1');

    primary.mode = 'failing';
    primary.calls = 0;
    await store.set('b', '2');
    expect(primary.calls).toBe(1);
    expect(store.degraded).toBe(true);
    expect(await store.get('b')).toBe('2');
    expect(primary.calls).toBe(1);

    primary.mode = 'up';
    now += 5001;
    expect(store.degraded).toBe(false);
    await store.set('c', '3');
    expect(primary.calls).toBe(2);
    expect(await primary.get('c')).toBe('3');
  });

  it('gives up on a hanging primary after the timeout', async () => {
    const primary = new FlakyStore();
    primary.mode = 'hanging';
    const errors: unknown[] = [];
    const store = new FallbackKeyValueStore(primary, new MemoryKeyValueStore(), (e) => errors.push(e), {
      timeoutMs: 50,
    });
    const started = Date.now();
    await store.set('a', '1');
    expect(await store.get('a')).toBe('1');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(errors).toHaveLength(1);
  });

  it('keeps counting in the primary while it is only slow, so rate limits stay shared', async () => {
    const primary = new FlakyStore();
    primary.mode = 'slow';
    const fallback = new MemoryKeyValueStore();
    const store = new FallbackKeyValueStore(primary, fallback, () => {}, {
      timeoutMs: 20,
      counterTimeoutMs: 2000,
    });
    // A cache read slower than its limit opens the breaker for the cache...
    expect(await store.get('a')).toBeUndefined();
    expect(store.degraded).toBe(true);
    primary.calls = 0;
    await store.get('a');
    expect(primary.calls).toBe(0);
    // ...but counters still go to the primary and wait for it.
    expect((await store.increment('tries', 60)).count).toBe(1);
    expect((await store.increment('tries', 60)).count).toBe(2);
    expect(primary.calls).toBe(2);
    expect((await primary.increment('tries', 60)).count).toBe(3);
    expect((await fallback.increment('tries', 60)).count).toBe(1);
  });

  it('sends counters to the fallback when the primary fails, or is slower than the counter limit', async () => {
    const primary = new FlakyStore();
    primary.mode = 'failing';
    const store = new FallbackKeyValueStore(primary, new MemoryKeyValueStore(), () => {}, {
      counterTimeoutMs: 50,
    });
    expect((await store.increment('tries', 60)).count).toBe(1);
    expect(store.degraded).toBe(true);
    primary.calls = 0;
    expect((await store.increment('tries', 60)).count).toBe(2);
    expect(primary.calls).toBe(0);

    const hanging = new FlakyStore();
    hanging.mode = 'hanging';
    const slowStore = new FallbackKeyValueStore(hanging, new MemoryKeyValueStore(), () => {}, {
      counterTimeoutMs: 50,
    });
    expect((await slowStore.increment('tries', 60)).count).toBe(1);
    hanging.calls = 0;
    expect((await slowStore.increment('tries', 60)).count).toBe(2);
    expect(hanging.calls).toBe(0);
  });
});
