import type { RedisClient } from './redis.js';

/**
 * The small key-value surface caching and rate limiting need. Redis backs it in production;
 * without REDIS_URL an in-process map does, so nothing ever depends on Redis being there.
 */
export interface KeyValueStore {
  /** True when every process sees the same keys (Redis); false for one process's memory. */
  readonly shared: boolean;
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlSeconds?: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Increments a counter, starting its window on the first hit; returns the count and seconds left. */
  increment(key: string, windowSeconds: number): Promise<{ count: number; ttlSeconds: number }>;
}

export class MemoryKeyValueStore implements KeyValueStore {
  readonly shared: boolean = false;
  private readonly entries = new Map<string, { value: string; expiresAt: number }>();
  private sweeps = 0;

  constructor(private readonly now: () => number = Date.now) {}

  private live(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private sweep() {
    // Expired entries are dropped lazily; a periodic sweep keeps the map from growing unbounded.
    if (++this.sweeps % 1000 !== 0) return;
    const now = this.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }

  async get(key: string) {
    return this.live(key)?.value;
  }

  async set(key: string, value: string, ttlSeconds?: number) {
    this.sweep();
    const expiresAt = ttlSeconds ? this.now() + ttlSeconds * 1000 : Number.POSITIVE_INFINITY;
    this.entries.set(key, { value, expiresAt });
  }

  async delete(key: string) {
    this.entries.delete(key);
  }

  // Synchronous from read to write (no await), so concurrent requests in this process count exactly.
  async increment(key: string, windowSeconds: number) {
    this.sweep();
    const entry = this.live(key);
    if (!entry) {
      const expiresAt = this.now() + windowSeconds * 1000;
      this.entries.set(key, { value: '1', expiresAt });
      return { count: 1, ttlSeconds: windowSeconds };
    }
    const count = Number(entry.value) + 1;
    entry.value = String(count);
    return { count, ttlSeconds: Math.max(1, Math.ceil((entry.expiresAt - this.now()) / 1000)) };
  }
}

export class RedisKeyValueStore implements KeyValueStore {
  readonly shared = true;
  constructor(
    private readonly redis: RedisClient,
    /** REDIS_PREFIX: namespaces the keys of a deployment (or a test run). */
    private readonly prefix: string,
  ) {}

  async get(key: string) {
    return (await this.redis.get(this.prefix + key)) ?? undefined;
  }

  async set(key: string, value: string, ttlSeconds?: number) {
    if (ttlSeconds) await this.redis.set(this.prefix + key, value, 'EX', ttlSeconds);
    else await this.redis.set(this.prefix + key, value);
  }

  async delete(key: string) {
    await this.redis.del(this.prefix + key);
  }

  // One MULTI: INCR, the window's expiry set only by the hit that created the key, and what is left
  // of it. Redis runs it as one step, so concurrent hits from any process count exactly.
  async increment(key: string, windowSeconds: number) {
    const full = this.prefix + key;
    const [[, count], [, ttl]] = (await this.redis
      .multi()
      .incr(full)
      .expire(full, windowSeconds, 'NX')
      .ttl(full)
      .exec()) as [[null, number], [null, number], [null, number]];
    return { count, ttlSeconds: ttl > 0 ? ttl : windowSeconds };
  }
}

/**
 * Wraps a Redis-backed store so that a Redis outage degrades to the in-process store instead of
 * failing requests: caching gets colder, rate limits become per process. A failed or slow call
 * opens a breaker: for `cooldownMs` every call goes straight to the fallback, then one call tries
 * the primary again, so an outage costs a request at most `timeoutMs` now and then instead of
 * the client's reconnect backoff on every call.
 *
 * Counters (`increment`, the rate limits) are held to a stricter rule, because a count kept in
 * one process's memory multiplies the limit by the number of replicas: a Redis that is only
 * slow (a loaded machine, a busy event loop) keeps counting them. They wait up to
 * `counterTimeoutMs` and still go to Redis while the breaker is open for slowness; only a
 * failure (or a counter slower than that) sends them to the fallback.
 */
export class FallbackKeyValueStore implements KeyValueStore {
  private openUntil = 0;
  /** Why the breaker is open: a failure sends counters to the fallback too, slowness does not. */
  private openedBy: 'failure' | 'slowness' = 'failure';
  private readonly timeoutMs: number;
  private readonly counterTimeoutMs: number;
  private readonly cooldownMs: number;
  private readonly now: () => number;

  constructor(
    private readonly primary: KeyValueStore,
    private readonly fallback: KeyValueStore,
    private readonly onError: (error: unknown) => void = () => {},
    options: { timeoutMs?: number; counterTimeoutMs?: number; cooldownMs?: number; now?: () => number } = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 500;
    this.counterTimeoutMs = options.counterTimeoutMs ?? 3000;
    this.cooldownMs = options.cooldownMs ?? 5000;
    this.now = options.now ?? Date.now;
  }

  /** Shared like the primary; while Redis is out, counts are per process (SECURITY.md says so). */
  get shared(): boolean {
    return this.primary.shared;
  }

  /** True while calls skip the primary. */
  get degraded(): boolean {
    return this.now() < this.openUntil;
  }

  private async attempt<T>(
    op: (store: KeyValueStore) => Promise<T>,
    kind: 'cache' | 'counter' = 'cache',
  ): Promise<T> {
    const skipPrimary = this.degraded && (kind === 'cache' || this.openedBy === 'failure');
    if (skipPrimary) return op(this.fallback);
    const timeoutMs = kind === 'counter' ? this.counterTimeoutMs : this.timeoutMs;
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    try {
      return await Promise.race([
        op(this.primary),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            timedOut = true;
            reject(new Error(`key-value store slower than ${timeoutMs} ms`));
          }, timeoutMs);
        }),
      ]);
    } catch (error) {
      // A counter that timed out counts as a failure: Redis that slow is as good as gone.
      const reason = timedOut && kind === 'cache' ? 'slowness' : 'failure';
      if (!this.degraded || reason === 'failure') this.openedBy = reason;
      this.openUntil = this.now() + this.cooldownMs;
      this.onError(error);
      return op(this.fallback);
    } finally {
      clearTimeout(timer);
    }
  }

  get(key: string) {
    return this.attempt((s) => s.get(key));
  }
  set(key: string, value: string, ttlSeconds?: number) {
    return this.attempt((s) => s.set(key, value, ttlSeconds));
  }
  delete(key: string) {
    return this.attempt((s) => s.delete(key));
  }
  increment(key: string, windowSeconds: number) {
    return this.attempt((s) => s.increment(key, windowSeconds), 'counter');
  }
}
