import type { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testkit/database.js';
import { bulkLoad, postgresTarget, runSeed, type SeedTarget, type TableOutcome, uuid7 } from './core.js';
import { GENERATORS } from './generators.js';
import { uuidVersion } from '../../kit/ids.js';

/**
 * The scale generators at a small size against the real migrations (PGlite, or PostgreSQL when
 * DATABASE_URL is set): COPY refuses any row that breaks a constraint, so a seed that finishes
 * proves every foreign key, unique key and check; the queries below check the domain rules the
 * constraints cannot express.
 */
function pgliteTarget(pglite: PGlite): SeedTarget {
  return {
    query: async (text, params) => (await pglite.query(text, params as any[])).rows as any,
    async copy(table, columns, chunks) {
      let text = '';
      for await (const chunk of chunks) text += chunk;
      await pglite.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`, [], {
        blob: new Blob([text]),
      });
    },
  };
}

const COUNTS = {
  users: 400,
  trainers: 12,
  'workout-plans': 60,
  'workout-sessions': 800,
  habits: 300,
  'habit-logs': 3_000,
  subscriptions: 200,
  'content-items': 400,
  'health-metrics': 30_000,
  'analytics-events': 6_000,
};

let db: TestDatabase;
let sql: postgres.Sql | null = null;
let target: SeedTarget;
let outcomes: TableOutcome[];
const one = async <T>(text: string, params: unknown[] = []) => (await target.query<T>(text, params))[0] as T;

beforeAll(async () => {
  db = await createTestDatabase();
  if (db.url) {
    sql = postgres(db.url, { max: 1, onnotice: () => {} });
    target = postgresTarget(sql);
  } else {
    target = pgliteTarget(db.pglite as PGlite);
  }
  outcomes = await runSeed(target, { generators: GENERATORS, counts: COUNTS });
}, 180_000);

afterAll(async () => {
  await sql?.end();
  await db?.dispose();
});

describe('seed:scale generators', () => {
  it('fill every table, none skipped, with the counts asked for', () => {
    expect(outcomes.filter((o) => o.skipped)).toEqual([]);
    expect(outcomes.map((o) => o.table)).toEqual(GENERATORS.map((g) => g.table));
    for (const outcome of outcomes) expect(outcome.rows, outcome.table).toBeGreaterThan(0);
    const rows = Object.fromEntries(outcomes.map((o) => [o.table, o.rows]));
    expect(rows['identity.users']).toBe(400);
    expect(rows['health.health_metrics']).toBe(30_000);
    expect(rows['analytics.analytics_events']).toBe(6_000);
    expect(rows['billing.subscription_plans']).toBe(6);
  });

  it('put health samples and events into their monthly partitions, never the default ones', async () => {
    expect((await one<{ n: number }>('select count(*)::int as n from health.health_metrics_default')).n).toBe(
      0,
    );
    expect(
      (await one<{ n: number }>('select count(*)::int as n from analytics.analytics_events_default')).n,
    ).toBe(0);
    // The count is spent from today backwards in time: the newest samples are from today.
    const newest = await one<{ hours: number }>(
      `select extract(epoch from now() - max(recorded_date))::float8 / 3600 as hours from health.health_metrics`,
    );
    expect(newest.hours).toBeLessThan(24);
    const future = await one<{ n: number }>(
      "select count(*)::int as n from health.health_metrics where recorded_date > now() + interval '1 minute'",
    );
    expect(future.n).toBe(0);
  });

  it('give wearers several metric types with a daily rhythm', async () => {
    const types = await one<{ n: number }>(
      `select max(n)::int as n from (select user_id, count(distinct metric_type) as n from health.health_metrics group by 1) t`,
    );
    expect(types.n).toBeGreaterThanOrEqual(5);
    // Steps by hour of the densest user: the quietest hour (night) is far below the busiest.
    const hours = await target.query<{ steps: number }>(
      `with u as (select user_id from health.health_metrics where metric_type = 'steps' group by 1 order by count(*) desc limit 1)
       select sum(value)::float8 as steps from health.health_metrics
        where metric_type = 'steps' and user_id = (select user_id from u) group by extract(hour from recorded_date)`,
    );
    const sums = hours.map((h) => Number(h.steps));
    expect(Math.min(...sums, 0) * 5).toBeLessThan(Math.max(...sums));
  });

  it('log habits in runs of consecutive days up to today, so streaks exist', async () => {
    const current = await one<{ n: number }>(
      `select count(*)::int as n from training.habits h
        where h.is_active and h.frequency_per_week = 7
          and exists (select 1 from training.habit_logs l where l.habit_id = h.id and l.logged_date = current_date)
          and exists (select 1 from training.habit_logs l where l.habit_id = h.id and l.logged_date = current_date - 1)`,
    );
    expect(current.n).toBeGreaterThan(0);
  });

  it('keep one live subscription per user and a completed payment for every paid current period', async () => {
    const unpaid = await one<{ n: number }>(
      `select count(*)::int as n from billing.subscriptions s
        where s.status = 'active' and not s.is_trial
          and not exists (select 1 from billing.payments p where p.subscription_id = s.id
                            and p.status in ('completed', 'refunded') and p.period_end = s.end_date)`,
    );
    expect(unpaid.n).toBe(0);
    const refunds = await one<{ n: number }>(
      `select count(*)::int as n from billing.refunds r join billing.payments p on p.id = r.payment_id
        where p.status <> 'refunded' or r.amount_cents > p.amount_cents`,
    );
    expect(refunds.n).toBe(0);
  });

  it('write published and draft content that full-text search finds', async () => {
    const mix = await one<{ published: number; drafts: number; russian: number }>(
      `select count(*) filter (where is_published)::int as published, count(*) filter (where not is_published)::int as drafts,
              count(*) filter (where language = 'russian')::int as russian from content.content_items`,
    );
    expect(mix.published).toBeGreaterThan(mix.drafts);
    expect(mix.drafts).toBeGreaterThan(0);
    expect(mix.russian).toBeGreaterThan(0);
    const found = await one<{ n: number }>(
      `select count(*)::int as n from content.content_items where search_vector @@ websearch_to_tsquery('english', 'workout')`,
    );
    expect(found.n).toBeGreaterThan(10);
  });

  it('start each workout session that follows a plan on a published version', async () => {
    const mismatched = await one<{ n: number }>(
      `select count(*)::int as n from training.workout_sessions s join training.workout_plans p on p.id = s.workout_plan_id
        where s.workout_plan_version > p.version`,
    );
    expect(mismatched.n).toBe(0);
  });
});

describe('bulk loading', () => {
  it('rebuilds exactly the indexes and constraints it dropped, partitions included', async () => {
    const shape = async () =>
      (
        await target.query<{ def: string }>(
          `select pg_get_indexdef(indexrelid) as def from pg_index
            where indrelid in (select 'health.health_metrics'::regclass union all select inhrelid from pg_inherits where inhparent = 'health.health_metrics'::regclass)
           union all
           select conname || ' ' || pg_get_constraintdef(oid) from pg_constraint where conrelid = 'health.health_metrics'::regclass
           order by 1`,
        )
      ).map((r) => r.def);
    const before = await shape();
    const [user] = await target.query<{ id: string }>('select id from identity.users limit 1');
    await bulkLoad(target, 'health.health_metrics', async () => {
      expect((await shape()).filter((d) => d.includes('health_metrics_sample_key'))).toEqual([]);
      await target.query(
        `insert into health.health_metrics (id, user_id, metric_type, value, unit, source, recorded_date)
         values ($1, $2, 'weight', 70.5, 'kg', 'manual', now() - interval '1 day')`,
        [uuid7(Date.now() - 86_400_000, Math.random), user!.id],
      );
    });
    expect(await shape()).toEqual(before);
  });

  it('makes time-ordered ids that sort by their instant', () => {
    const early = uuid7(Date.parse('2025-01-01T00:00:00Z'), Math.random);
    const late = uuid7(Date.parse('2026-01-01T00:00:00Z'), Math.random);
    expect(early < late).toBe(true);
    expect(uuidVersion(early)).toBe(7);
    // RFC 9562 variant: the first digit of the fourth group is 8, 9, a or b.
    expect('89ab').toContain(early.charAt(19));
  });
});
