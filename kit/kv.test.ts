import { describe, expect, it } from 'vitest';
import { FallbackKeyValueStore, type KeyValueStore, MemoryKeyValueStore } from './kv.js';

/** A primary store that can be switched to failing or hanging, like a Redis that went away. */
class FlakyStore extends MemoryKeyValueStore {
  mode: 'up' | 'failing' | 'hanging' = 'up';
  calls = 0;
  private guard<T>(run: () => Promise<T>): Promise<T> {
    this.calls++;
    if (this.mode === 'failing') return Promise.reject(new Error('ECONNREFUSED'));
    if (this.mode === 'hanging') return new Promise<T>(() => {});
    return run();
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
});
