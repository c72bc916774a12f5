import { eq, lt, sql } from 'drizzle-orm';
import { index, integer, type PgSchema, timestamp, varchar } from 'drizzle-orm/pg-core';
import { hmacSha256 } from './crypto.js';
import { type Database, rows } from './db.js';
import type { KeyValueStore } from './kv.js';
import type { Logger } from './log.js';
import { type Across, PeriodicTask } from './periodic.js';

/**
 * Rate limits that parallel requests cannot outrun. A hit is counted before the work it guards,
 * in one atomic step that returns the new count (one MULTI in Redis, one INSERT ... ON CONFLICT
 * in SQL, synchronous code in process memory), and the caller proceeds only when that count is
 * within the limit. So however many requests arrive at once, at most `limit` of them per window
 * get past, in every process that shares the counter.
 *
 * Windows are fixed: the first hit opens one of `windowSeconds`, and the count starts again
 * after it ends. A client that spends its limit at the end of one window and again at the start
 * of the next gets at most twice the limit in a short span, and never more than the limit per
 * window on average.
 */

export interface RateLimitRule {
  /** Distinguishes limits in the key space, e.g. "password:account". */
  name: string;
  limit: number;
  windowSeconds: number;
}

export interface RateLimitOutcome {
  allowed: boolean;
  /** Seconds until the window ends (when a refused client may try again). */
  retryAfterSeconds: number;
}

/**
 * The counters of a subgraph that runs without Redis, in its own schema (like its outbox), so
 * every process on the same database shares them. Keys are keyed hashes (see `RateLimiter`).
 */
export function rateLimitTable(schema: PgSchema) {
  return schema.table(
    'rate_limits',
    {
      key: varchar('key', { length: 128 }).primaryKey(),
      count: integer('count').notNull(),
      windowEndsAt: timestamp('window_ends_at', { withTimezone: true }).notNull(),
    },
    (t) => [index('rate_limits_window_ends_at_idx').on(t.windowEndsAt)],
  );
}
export type RateLimitTable = ReturnType<typeof rateLimitTable>;

export interface RateLimitDeps {
  kv: KeyValueStore;
  database: Database;
  /** Keys the hash of each subject, so counters hold no address or login that could be read back. */
  identitySecret: string;
}

/**
 * Counts in the shared key-value store when there is one (Redis), otherwise in the subgraph's
 * rate_limits table. Time is the store's own (Redis expiry, the database's now()), the same for
 * every process.
 */
export class RateLimiter {
  constructor(
    private readonly deps: RateLimitDeps,
    private readonly table: RateLimitTable,
  ) {}

  private key(rule: RateLimitRule, subject: string): string {
    const digest = hmacSha256(this.deps.identitySecret, `${rule.name}\n${subject}`).subarray(0, 16);
    return `rl:${rule.name}:${digest.toString('base64url')}`;
  }

  /** Counts one attempt, then says whether it is within the rule. Call it before the guarded work. */
  async hit(rule: RateLimitRule, subject: string): Promise<RateLimitOutcome> {
    const key = this.key(rule, subject);
    const { count, ttlSeconds } = this.deps.kv.shared
      ? await this.deps.kv.increment(key, rule.windowSeconds)
      : await this.incrementRow(key, rule.windowSeconds);
    return { allowed: count <= rule.limit, retryAfterSeconds: Math.max(1, ttlSeconds) };
  }

  /** Forgets the subject's count (a right password or code starts its account afresh). */
  async reset(rule: RateLimitRule, subject: string): Promise<void> {
    const key = this.key(rule, subject);
    if (this.deps.kv.shared) await this.deps.kv.delete(key);
    else await this.deps.database.db.delete(this.table).where(eq(this.table.key, key));
  }

  private async incrementRow(key: string, windowSeconds: number) {
    const [row] = await rows<{ count: number; ttl: number | string }>(
      this.deps.database.db,
      sql`insert into ${this.table} as t (key, count, window_ends_at)
          values (${key}, 1, now() + ${windowSeconds}::int * interval '1 second')
          on conflict (key) do update set
            count = case when t.window_ends_at <= now() then 1 else t.count + 1 end,
            window_ends_at = case when t.window_ends_at <= now() then excluded.window_ends_at
                                  else t.window_ends_at end
          returning count, ceil(extract(epoch from window_ends_at - now()))::int as ttl`,
    );
    return { count: Number(row!.count), ttlSeconds: Number(row!.ttl) };
  }
}

/** Deletes counters whose window has ended, so the table holds only live ones. */
export class RateLimitSweeper extends PeriodicTask<number> {
  constructor(
    database: Database,
    table: RateLimitTable,
    across: Across,
    log?: Logger,
    intervalMs = 10 * 60 * 1000,
  ) {
    super({
      name: 'rate limit sweep',
      intervalMs,
      across,
      log,
      work: async () => {
        const deleted = await database.db
          .delete(table)
          .where(lt(table.windowEndsAt, sql`now()`))
          .returning({ key: table.key });
        return deleted.length;
      },
    });
  }

  /** Sweeps now; returns how many counters were deleted. */
  sweep(): Promise<number> {
    return this.runNow();
  }
}
