import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { pgSchema } from 'drizzle-orm/pg-core';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database, rows } from './db.js';
import { FallbackKeyValueStore, type KeyValueStore, MemoryKeyValueStore, RedisKeyValueStore } from './kv.js';
import { RateLimiter, type RateLimitRule, RateLimitSweeper, rateLimitTable } from './rate-limit.js';

// A scratch schema with the kit's own table: this tests the kit, not a subgraph.
const schemaName = `rate_limit_test_${randomBytes(4).toString('hex')}`;
const table = rateLimitTable(pgSchema(schemaName));
const ddl = `create schema if not exists ${schemaName};
  create table if not exists ${schemaName}.rate_limits (key varchar(128) primary key, count integer not null,
    window_ends_at timestamptz not null);`;
const SECRET = 'rate-limit-test-secret-0123456789abcdef';

const cleanups: (() => Promise<void>)[] = [];
// Databases are made before the tests: starting PGlite alone can take longer than a test may.
beforeAll(async () => {
  await anyPglite();
  if (process.env.DATABASE_URL) sharedPostgres = postgresDatabase();
  await sharedPostgres;
});
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

let sharedPglite: Promise<Database> | undefined;
let sharedPostgres: Promise<Database> | undefined;
/** One PGlite for every test but the sweeper's; each test has a rule of its own, so counters never meet. */
const anyPglite = () => {
  sharedPglite ??= pgliteDatabase();
  return sharedPglite;
};

async function pgliteDatabase(): Promise<Database> {
  const database = await createDatabase({ pglite: await PGlite.create() });
  await database.exec(ddl);
  cleanups.push(() => database.close());
  return database;
}

/** PostgreSQL with a pool of connections, so hits really run side by side. */
async function postgresDatabase(): Promise<Database> {
  const database = await createDatabase({ url: process.env.DATABASE_URL!, poolMax: 10 });
  await database.exec(ddl);
  cleanups.push(async () => {
    await database.exec(`drop schema if exists ${schemaName} cascade`);
    await database.close();
  });
  return database;
}

function redisStore(): KeyValueStore {
  const redis = new Redis(process.env.REDIS_URL!);
  const prefix = `test:${randomBytes(6).toString('hex')}:`;
  cleanups.push(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });
  return new RedisKeyValueStore(redis, prefix);
}

/** A store whose primary (Redis) is down: counting falls back to this process's memory. */
function degradedStore(): KeyValueStore {
  const down: KeyValueStore = {
    shared: true,
    get: () => Promise.reject(new Error('ECONNREFUSED')),
    set: () => Promise.reject(new Error('ECONNREFUSED')),
    delete: () => Promise.reject(new Error('ECONNREFUSED')),
    increment: () => Promise.reject(new Error('ECONNREFUSED')),
  };
  return new FallbackKeyValueStore(down, new MemoryKeyValueStore());
}

const rule = (limit: number, windowSeconds = 60): RateLimitRule => ({
  name: `test:${randomBytes(3).toString('hex')}`,
  limit,
  windowSeconds,
});

const backends: { name: string; enabled: boolean; make: () => Promise<RateLimiter> }[] = [
  {
    name: 'SQL table on PGlite (no Redis configured)',
    enabled: true,
    make: async () =>
      new RateLimiter(
        { kv: new MemoryKeyValueStore(), database: await anyPglite(), identitySecret: SECRET },
        table,
      ),
  },
  {
    name: 'SQL table on PostgreSQL (no Redis configured)',
    enabled: Boolean(process.env.DATABASE_URL),
    make: async () =>
      new RateLimiter(
        { kv: new MemoryKeyValueStore(), database: (await sharedPostgres)!, identitySecret: SECRET },
        table,
      ),
  },
  {
    name: 'Redis',
    enabled: Boolean(process.env.REDIS_URL),
    make: async () =>
      new RateLimiter({ kv: redisStore(), database: await anyPglite(), identitySecret: SECRET }, table),
  },
  {
    name: 'process memory while Redis is down',
    enabled: true,
    make: async () =>
      new RateLimiter({ kv: degradedStore(), database: await anyPglite(), identitySecret: SECRET }, table),
  },
];

for (const backend of backends) {
  describe.skipIf(!backend.enabled)(`RateLimiter: ${backend.name}`, () => {
    it('lets exactly `limit` of 60 simultaneous hits through', async () => {
      const limiter = await backend.make();
      const limit = rule(10);
      const outcomes = await Promise.all(Array.from({ length: 60 }, () => limiter.hit(limit, 'subject')));
      expect(outcomes.filter((o) => o.allowed)).toHaveLength(10);
      for (const outcome of outcomes) {
        expect(outcome.retryAfterSeconds).toBeGreaterThan(0);
        expect(outcome.retryAfterSeconds).toBeLessThanOrEqual(60);
      }
      // Another subject has a counter of its own.
      expect((await limiter.hit(limit, 'other subject')).allowed).toBe(true);
    });

    it('starts afresh after a reset and after the window', async () => {
      const limiter = await backend.make();
      const limit = rule(1, 1);
      expect((await limiter.hit(limit, 's')).allowed).toBe(true);
      expect((await limiter.hit(limit, 's')).allowed).toBe(false);
      await limiter.reset(limit, 's');
      expect((await limiter.hit(limit, 's')).allowed).toBe(true);
      expect((await limiter.hit(limit, 's')).allowed).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await limiter.hit(limit, 's')).allowed).toBe(true);
    });
  });
}

describe('rate_limits table', () => {
  // A database of its own: the sweeper deletes every ended window in it.
  let database: Database;
  beforeAll(async () => {
    database = await pgliteDatabase();
  });

  it('keeps keyed hashes, not the subjects, and the sweeper deletes ended windows', async () => {
    const limiter = new RateLimiter(
      { kv: new MemoryKeyValueStore(), database, identitySecret: SECRET },
      table,
    );
    await limiter.hit(rule(5, 1), '198.51.100.7');
    await limiter.hit(rule(5, 3600), 'someone@example.com');
    const keys = await rows<{ key: string }>(database.db, sql`select key from ${table}`);
    expect(keys).toHaveLength(2);
    expect(JSON.stringify(keys)).not.toMatch(/198\.51|example\.com/);

    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await new RateLimitSweeper(database, table, 'every-replica').sweep()).toBe(1);
    expect(await rows(database.db, sql`select key from ${table}`)).toHaveLength(1);
  });
});
