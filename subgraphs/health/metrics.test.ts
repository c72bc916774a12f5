import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCheckViolation, rows } from '../../kit/db.js';
import { OutboxRelay } from '../../kit/events/outbox.js';
import { signIdentity } from '../../kit/identity-header.js';
import { postGraphQL, startTestStack, type TestStack, type TestUser } from '../../testkit/stack.js';
import { insertAccounts } from '../../testkit/database.js';
import { ingestSamples, validateSamples } from './ingest.js';
import { pagesQuery } from '../../kit/pages-per-parent.js';
import { metricSamples, metricsPageLoader, seriesLoader } from './loaders.js';
import { ensureMetricPartitions } from './partitions.js';
import { seriesQuery } from './queries.js';

const RECORD = `mutation($input: [HealthMetricInput!]!) {
  recordHealthMetrics(input: $input) { accepted duplicates errors { index field message } }
}`;
const SERIES = `query($type: HealthMetricType!, $from: DateTime!, $to: DateTime!, $bucket: TimeBucket!, $tz: TimeZone) {
  me { id healthSeries(metricType: $type, from: $from, to: $to, bucket: $bucket, timeZone: $tz) { start count sum avg min max } }
}`;
const METRICS = `query($type: HealthMetricType, $from: DateTime, $to: DateTime, $first: Int, $after: String) {
  me { healthMetrics(metricType: $type, from: $from, to: $to, first: $first, after: $after) {
    nodes { id metricType value unit source sourceDevice recordedAt }
    pageInfo { hasNextPage endCursor }
  } }
}`;
const LATEST = `query($types: [HealthMetricType!]) {
  me { latestHealthMetrics(metricTypes: $types) { metricType value recordedAt source } }
}`;

let stack: TestStack;
const now = new Date('2026-11-20T12:00:00Z');

const steps = (recordedAt: string, value: number, extra: Record<string, unknown> = {}) => ({
  metricType: 'STEPS',
  value,
  unit: 'count',
  recordedAt,
  ...extra,
});

async function record(user: TestUser, input: unknown[]) {
  const result = await stack.gql(RECORD, { input }, { token: user.token });
  expect(result.errors).toBeUndefined();
  return result.data.recordHealthMetrics;
}

beforeAll(async () => {
  stack = await startTestStack();
  stack.clock.set(now);
  // Statement counts below must see only the request's own SQL: the outbox relays poll the
  // database in the background, so they are stopped (flushEvents still drains them on demand).
  for (const subgraph of Object.values(stack.subgraphs)) {
    for (const task of subgraph.background) if (task instanceof OutboxRelay) await task.stop();
  }
});
afterAll(async () => {
  await stack?.stop();
});

describe('recordHealthMetrics', () => {
  it('accepts valid samples, counts re-sent ones as duplicates', async () => {
    const user = await stack.signUp();
    const batch = [
      steps('2026-11-19T08:00:00Z', 1200),
      steps('2026-11-19T09:00:00Z', 800, { source: 'APPLE_HEALTH', sourceDevice: 'iPhone 15' }),
      { metricType: 'HEART_RATE', value: 61.5, unit: 'bpm', recordedAt: '2026-11-19T08:00:00Z' },
    ];
    expect(await record(user, batch)).toEqual({ accepted: 3, duplicates: 0, errors: [] });
    // A device re-sync sends the same samples again plus one new one.
    expect(await record(user, [...batch, steps('2026-11-19T10:00:00Z', 5)])).toEqual({
      accepted: 1,
      duplicates: 3,
      errors: [],
    });
    // The same instant from another source is another sample.
    expect(await record(user, [steps('2026-11-19T08:00:00Z', 1200, { source: 'FITBIT' })])).toMatchObject({
      accepted: 1,
    });
    const page = await stack.gql(METRICS, { type: 'STEPS' }, { token: user.token });
    expect(page.data.me.healthMetrics.nodes).toHaveLength(4);
  });

  it('stores the valid samples and reports every problem of each bad one by index', async () => {
    const user = await stack.signUp();
    const result = await record(user, [
      steps('2026-11-19T08:00:00Z', 100),
      steps('2026-11-19T08:05:00Z', 100, { unit: 'steps' }),
      steps('2026-11-20T12:30:00Z', 100),
      steps('2026-11-19T08:10:00Z', -1, { unit: 'km' }),
      { metricType: 'WEIGHT', value: 71.2, unit: 'kg', recordedAt: '2026-11-20T12:04:00Z' },
    ]);
    expect(result.accepted).toBe(2);
    expect(result.duplicates).toBe(0);
    expect(result.errors.map((e: any) => [e.index, e.field])).toEqual([
      [1, 'input.1.unit'],
      [2, 'input.2.recordedAt'],
      [3, 'input.3.unit'],
      [3, 'input.3.value'],
    ]);
    expect(result.errors[0].message).toBe(
      'STEPS is recorded in count, not "steps"; send count or leave unit out.',
    );
    const page = await stack.gql(METRICS, {}, { token: user.token });
    expect(page.data.me.healthMetrics.nodes.map((n: any) => [n.metricType, n.value])).toEqual([
      ['WEIGHT', 71.2],
      ['STEPS', 100],
    ]);
    // Re-sent with the bad samples fixed: the stored ones are duplicates, the fixed ones are new.
    expect(
      await record(user, [
        steps('2026-11-19T08:00:00Z', 100),
        steps('2026-11-19T08:05:00Z', 100),
        { metricType: 'WEIGHT', value: 71.2, unit: 'kg', recordedAt: '2026-11-20T12:04:00Z' },
      ]),
    ).toEqual({ accepted: 1, duplicates: 2, errors: [] });
  });

  it('answers each refused sample as a Problem with code BAD_USER_INPUT', async () => {
    const user = await stack.signUp();
    const result = await stack.gql(
      `mutation($input: [HealthMetricInput!]!) {
        recordHealthMetrics(input: $input) { accepted errors { __typename ... on Problem { code message } index field } }
      }`,
      { input: [steps('2026-11-19T08:00:00Z', 1), steps('2026-11-19T08:01:00Z', 1, { unit: 'm' })] },
      { token: user.token },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.recordHealthMetrics).toEqual({
      accepted: 1,
      errors: [
        {
          __typename: 'HealthMetricInputError',
          code: 'BAD_USER_INPUT',
          message: 'STEPS is recorded in count, not "m"; send count or leave unit out.',
          index: 1,
          field: 'input.1.unit',
        },
      ],
    });
  });

  it("stores the type's unit when the sample leaves unit out", async () => {
    const user = await stack.signUp();
    const { unit: _unit, ...withoutUnit } = steps('2026-11-19T08:00:00Z', 10);
    expect(
      await record(user, [
        withoutUnit,
        { metricType: 'WEIGHT', value: 70.5, recordedAt: '2026-11-19T07:00:00Z' },
        { metricType: 'DISTANCE', value: 1200, unit: null, recordedAt: '2026-11-19T07:30:00Z' },
      ]),
    ).toEqual({ accepted: 3, duplicates: 0, errors: [] });
    const page = await stack.gql(METRICS, {}, { token: user.token });
    expect(page.data.me.healthMetrics.nodes.map((n: any) => [n.metricType, n.unit])).toEqual([
      ['STEPS', 'count'],
      ['DISTANCE', 'm'],
      ['WEIGHT', 'kg'],
    ]);
  });

  it('refuses an unknown metric type or a non-finite value before any resolver runs', async () => {
    const user = await stack.signUp();
    const unknown = await stack.gql(
      RECORD,
      {
        input: [
          steps('2026-11-19T08:00:00Z', 1),
          { ...steps('2026-11-19T08:00:00Z', 1), metricType: 'MOOD' },
        ],
      },
      { token: user.token },
    );
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(unknown.errors?.[0]?.message).toContain('input[1].metricType');
    // JSON has no Infinity or NaN: such a value arrives as null and fails Float! coercion.
    const infinite = await stack.gql(
      RECORD,
      { input: [steps('2026-11-19T08:00:00Z', Number.POSITIVE_INFINITY)] },
      { token: user.token },
    );
    expect(infinite.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // Anything else that reaches the domain function is checked there too.
    expect(
      validateSamples(
        [
          { metricType: 'STEPS', value: Number.NaN, unit: 'count', recordedAt: now },
          { metricType: 'STEPS', value: Number.POSITIVE_INFINITY, unit: 'count', recordedAt: now },
        ],
        now,
      ).map((e) => [e.index, e.field]),
    ).toEqual([
      [0, 'value'],
      [1, 'value'],
    ]);
    const page = await stack.gql(METRICS, {}, { token: user.token });
    expect(page.data.me.healthMetrics.nodes).toEqual([]);
  });

  it('takes 5,000 samples in one statement (with its lock and its event) and refuses 5,001', async () => {
    const user = await stack.signUp();
    const start = Date.parse('2026-10-01T00:00:00Z');
    const input = Array.from({ length: 5000 }, (_, i) => ({
      metricType: 'HEART_RATE',
      value: 60 + (i % 40),
      unit: 'bpm',
      recordedAt: new Date(start + i * 60_000).toISOString(),
    }));
    await stack.gql('{ me { id } }', {}, { token: user.token }); // the gateway caches the viewer
    // Counted with every subgraph's background work paused (it shares the statement counter).
    const used = await stack.quiet(async () => {
      const before = stack.statements();
      expect(await record(user, input)).toEqual({ accepted: 5000, duplicates: 0, errors: [] });
      return stack.statements() - before;
    });
    // In one transaction: the user's rollup lock, the samples with their hourly rollup (one source:
    // sums), and the health.metrics_recorded event.
    expect(used).toBe(3);
    // More than 5,000 is a problem of the whole call: an error, and nothing of it is written.
    const tooMany = await stack.gql(
      RECORD,
      { input: [...input, steps('2026-11-19T08:00:00Z', 1)] },
      { token: user.token },
    );
    expect(tooMany.data).toBeNull();
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
    expect(tooMany.errors?.[0]?.message).toBe('At most 5000 samples per call; got 5001.');
    const written = await stack.gql(METRICS, { type: 'STEPS' }, { token: user.token });
    expect(written.data.me.healthMetrics.nodes).toEqual([]);
  });

  it('refuses samples from before 2000 or more than 5 minutes ahead; so does the database', async () => {
    const user = await stack.signUp();
    const refused = await record(user, [
      steps('1999-12-31T23:59:59Z', 1),
      steps('1970-01-01T00:00:00Z', 1),
      steps('0001-01-01T00:00:00Z', 1),
      steps('2026-11-20T12:05:01Z', 1),
      steps('9999-12-31T00:00:00Z', 1),
    ]);
    expect(refused.accepted).toBe(0);
    expect(refused.errors.map((e: any) => [e.index, e.field])).toEqual([
      [0, 'input.0.recordedAt'],
      [1, 'input.1.recordedAt'],
      [2, 'input.2.recordedAt'],
      [3, 'input.3.recordedAt'],
      [4, 'input.4.recordedAt'],
    ]);
    expect(refused.errors[0].message).toContain('2000-01-01');
    expect(await record(user, [steps('2000-01-01T00:00:00Z', 1), steps('2026-11-20T12:05:00Z', 1)])).toEqual({
      accepted: 2,
      duplicates: 0,
      errors: [],
    });

    // Written directly with SQL, bypassing the API: the database keeps 2000-01-01 .. a day ahead.
    const insert = (at: string) =>
      stack.runtime.database
        .exec(
          `INSERT INTO health.health_metrics (user_id, metric_type, value, unit, source, recorded_date)
           VALUES ('${user.id}', 'steps', 1, 'count', 'manual', ${at})`,
        )
        .then(
          () => null,
          (error: unknown) => error,
        );
    expect(
      isCheckViolation(await insert(`'1999-12-31T23:59:59Z'`), 'health_metrics_recorded_date_bounds'),
    ).toBe(true);
    expect(
      isCheckViolation(await insert(`now() + interval '25 hours'`), 'health_metrics_recorded_date_bounds'),
    ).toBe(true);
    expect(await insert(`now() + interval '1 hour'`)).toBeNull();
  });

  it('needs a signed-in user', async () => {
    const result = await stack.gql(RECORD, { input: [steps('2026-11-19T08:00:00Z', 1)] });
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('immutability and partitions', () => {
  it('refuses UPDATE on stored samples', async () => {
    const user = await stack.signUp();
    await record(user, [steps('2026-11-19T08:00:00Z', 10)]);
    await expect(
      stack.runtime.database.exec(`UPDATE health.health_metrics SET value = 11 WHERE user_id = '${user.id}'`),
    ).rejects.toThrow(/immutable/);
  });

  it('has monthly partitions for 24 months back and 3 ahead, a default, and creates missing months', async () => {
    const db = stack.runtime.database.db;
    const partitions = await rows<{ name: string; bound: string }>(
      db,
      sql`SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound
          FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
          WHERE i.inhparent = 'health.health_metrics'::regclass ORDER BY c.relname`,
    );
    const names = partitions.map((p) => p.name);
    expect(names).toContain('health_metrics_default');
    const month = (offset: number) => {
      const d = new Date();
      const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1));
      return `health_metrics_${m.getUTCFullYear()}_${String(m.getUTCMonth() + 1).padStart(2, '0')}`;
    };
    for (let offset = -24; offset <= 3; offset++) expect(names).toContain(month(offset));

    // A sample older than every partition lands in the default partition; the next maintenance
    // run creates its month (however far back) and moves it there.
    const user = await stack.signUp();
    await record(user, [steps('2019-05-04T10:00:00Z', 42)]);
    const inDefault = await rows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM health.health_metrics_default WHERE user_id = ${user.id}::uuid`,
    );
    expect(inDefault[0]!.n).toBe(1);
    await stack.runtime.database.exec(`DROP TABLE health.health_metrics_${month(3).slice(-7)}`);
    const created = await ensureMetricPartitions(stack.runtime.database, new Date(), 0, 3);
    // The dropped month ahead and 2019-05 (and the month of any other sample waiting there),
    // not the years between.
    expect(created).toBeGreaterThanOrEqual(2);
    expect(created).toBeLessThan(10);
    const moved = await rows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM health.health_metrics_2019_05 WHERE user_id = ${user.id}::uuid`,
    );
    expect(moved[0]!.n).toBe(1);
    const left = await rows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM health.health_metrics_default`,
    );
    expect(left[0]!.n).toBe(0);
    expect(await ensureMetricPartitions(stack.runtime.database, new Date(), 0, 3)).toBe(0);
  });

  it('creates missing upcoming months when the subgraph starts', async () => {
    const ahead = new Date();
    const target = new Date(Date.UTC(ahead.getUTCFullYear(), ahead.getUTCMonth() + 2, 1));
    const name = `health_metrics_${target.getUTCFullYear()}_${String(target.getUTCMonth() + 1).padStart(2, '0')}`;
    await stack.runtime.database.exec(`DROP TABLE health.${name}`);
    const exists = async () =>
      (
        await rows<{ r: string | null }>(
          stack.runtime.database.db,
          sql`SELECT to_regclass(${`health.${name}`})::text AS r`,
        )
      )[0]!.r;
    expect(await exists()).toBeNull();
    // The same background task the subgraph runs on start.
    const task = stack.subgraphs.health.background[0]!;
    await task.start();
    await task.stop();
    expect(await exists()).toBe(`health.${name}`);
  });

  it('prunes partitions outside a series range', async () => {
    const query = seriesQuery(['00000000-0000-4000-8000-000000000001'], {
      metricType: 'steps',
      from: new Date('2026-10-05T00:00:00Z'),
      to: new Date('2026-11-04T00:00:00Z'),
      bucket: 'DAY',
      timeZone: 'Europe/Berlin',
    });
    const plan = await rows<Record<string, string>>(stack.runtime.database.db, sql`EXPLAIN ${query}`);
    const text = plan.map((r) => Object.values(r)[0]).join('\n');
    const scanned = [...new Set(text.match(/health_metrics_\w+/g))].filter((n) => !n.endsWith('_idx'));
    const partitions = scanned
      .map((n) => n.replace(/_(user|source|pkey|sample).*$/, ''))
      .filter((n) => /\d{4}_\d\d$|default$/.test(n));
    expect(new Set(partitions)).toEqual(new Set(['health_metrics_2026_10', 'health_metrics_2026_11']));

    // The page loader's LATERAL query prunes the same way.
    const page = pagesQuery(
      stack.runtime.database.db,
      metricSamples,
      ['00000000-0000-4000-8000-000000000001'],
      {
        limit: 20,
        after: null,
        filter: {
          metricType: 'steps',
          from: new Date('2026-09-10T00:00:00Z'),
          to: new Date('2026-09-20T00:00:00Z'),
        },
      },
    );
    const pagePlan = await rows<Record<string, string>>(
      stack.runtime.database.db,
      sql`EXPLAIN ${page.getSQL()}`,
    );
    const pageText = pagePlan.map((r) => Object.values(r)[0]).join('\n');
    const pageParts = new Set(
      [...pageText.matchAll(/on (health_metrics_(?:\d{4}_\d{2}|default))\b/g)].map((m) => m[1]),
    );
    expect(pageParts).toEqual(new Set(['health_metrics_2026_09']));
  });
});

describe('reads', () => {
  it('pages healthMetrics newest first with a cursor', async () => {
    const user = await stack.signUp();
    await record(
      user,
      Array.from({ length: 5 }, (_, i) => steps(`2026-11-1${i}T08:00:00Z`, 100 + i)),
    );
    const first = await stack.gql(METRICS, { type: 'STEPS', first: 2 }, { token: user.token });
    const page1 = first.data.me.healthMetrics;
    expect(page1.nodes.map((n: any) => n.value)).toEqual([104, 103]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await stack.gql(
      METRICS,
      { type: 'STEPS', first: 3, after: page1.pageInfo.endCursor },
      { token: user.token },
    );
    expect(second.data.me.healthMetrics.nodes.map((n: any) => n.value)).toEqual([102, 101, 100]);
    expect(second.data.me.healthMetrics.pageInfo.hasNextPage).toBe(false);
    const ranged = await stack.gql(
      METRICS,
      { from: '2026-11-11T00:00:00Z', to: '2026-11-13T00:00:00Z' },
      { token: user.token },
    );
    expect(ranged.data.me.healthMetrics.nodes.map((n: any) => n.value)).toEqual([102, 101]);
    const tooBig = await stack.gql(METRICS, { first: 101 }, { token: user.token });
    expect(tooBig.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('returns the latest sample per type', async () => {
    const user = await stack.signUp();
    await record(user, [
      steps('2026-11-18T08:00:00Z', 1),
      steps('2026-11-19T08:00:00Z', 2),
      { metricType: 'WEIGHT', value: 70.25, unit: 'kg', recordedAt: '2026-09-01T07:00:00Z' },
    ]);
    const result = await stack.gql(LATEST, { types: ['STEPS', 'WEIGHT', 'SLEEP'] }, { token: user.token });
    expect(result.data.me.latestHealthMetrics).toEqual([
      { metricType: 'STEPS', value: 2, recordedAt: '2026-11-19T08:00:00.000Z', source: 'MANUAL' },
      { metricType: 'WEIGHT', value: 70.25, recordedAt: '2026-09-01T07:00:00.000Z', source: 'MANUAL' },
    ]);
  });

  it('aggregates series: sums for steps, no sum for heart rate', async () => {
    const user = await stack.signUp();
    await record(user, [
      steps('2026-11-18T08:00:00Z', 1000),
      steps('2026-11-18T20:00:00Z', 500),
      steps('2026-11-19T08:00:00Z', 300),
      { metricType: 'HEART_RATE', value: 60, unit: 'bpm', recordedAt: '2026-11-18T08:00:00Z' },
      { metricType: 'HEART_RATE', value: 90, unit: 'bpm', recordedAt: '2026-11-18T09:00:00Z' },
    ]);
    const vars = { from: '2026-11-18T00:00:00Z', to: '2026-11-20T00:00:00Z', bucket: 'DAY' };
    const stepSeries = await stack.gql(SERIES, { ...vars, type: 'STEPS' }, { token: user.token });
    expect(stepSeries.data.me.healthSeries).toEqual([
      { start: '2026-11-18T00:00:00.000Z', count: 2, sum: 1500, avg: 750, min: 500, max: 1000 },
      { start: '2026-11-19T00:00:00.000Z', count: 1, sum: 300, avg: 300, min: 300, max: 300 },
    ]);
    const heart = await stack.gql(SERIES, { ...vars, type: 'HEART_RATE' }, { token: user.token });
    expect(heart.data.me.healthSeries).toEqual([
      { start: '2026-11-18T00:00:00.000Z', count: 2, sum: null, avg: 75, min: 60, max: 90 },
    ]);
    const tooMany = await stack.gql(
      SERIES,
      { ...vars, type: 'STEPS', bucket: 'HOUR', from: '2026-01-01T00:00:00Z' },
      { token: user.token },
    );
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badZone = await stack.gql(
      SERIES,
      { ...vars, type: 'STEPS', tz: 'Mars/Olympus' },
      { token: user.token },
    );
    expect(badZone.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('buckets days on the wall clock across DST changes (Europe/Berlin)', async () => {
    const user = await stack.signUp();
    await record(user, [
      // 2026-03-29: clocks go 02:00 -> 03:00, the day is 23 hours long.
      steps('2026-03-28T23:30:00Z', 1), // 00:30 CET on the 29th
      steps('2026-03-29T21:30:00Z', 2), // 23:30 CEST on the 29th
      steps('2026-03-29T22:30:00Z', 4), // 00:30 CEST on the 30th
      // 2026-10-25: clocks go 03:00 -> 02:00, the day is 25 hours long.
      steps('2026-10-24T22:30:00Z', 8), // 00:30 CEST on the 25th
      steps('2026-10-25T22:30:00Z', 16), // 23:30 CET on the 25th
      steps('2026-10-25T23:30:00Z', 32), // 00:30 CET on the 26th
    ]);
    const spring = await stack.gql(
      SERIES,
      {
        type: 'STEPS',
        from: '2026-03-28T23:00:00Z',
        to: '2026-03-30T22:00:00Z',
        bucket: 'DAY',
        tz: 'Europe/Berlin',
      },
      { token: user.token },
    );
    expect(spring.data.me.healthSeries.map((p: any) => [p.start, p.sum])).toEqual([
      ['2026-03-28T23:00:00.000Z', 3],
      ['2026-03-29T22:00:00.000Z', 4],
    ]);
    const autumn = await stack.gql(
      SERIES,
      {
        type: 'STEPS',
        from: '2026-10-24T22:00:00Z',
        to: '2026-10-26T23:00:00Z',
        bucket: 'DAY',
        tz: 'Europe/Berlin',
      },
      { token: user.token },
    );
    expect(autumn.data.me.healthSeries.map((p: any) => [p.start, p.sum])).toEqual([
      ['2026-10-24T22:00:00.000Z', 24],
      ['2026-10-25T23:00:00.000Z', 32],
    ]);
    // The repeated hour 02:00-03:00 on the 25th is two distinct hour buckets.
    await record(user, [steps('2026-10-25T00:15:00Z', 64), steps('2026-10-25T01:15:00Z', 128)]);
    const hours = await stack.gql(
      SERIES,
      {
        type: 'STEPS',
        from: '2026-10-25T00:00:00Z',
        to: '2026-10-25T02:00:00Z',
        bucket: 'HOUR',
        tz: 'Europe/Berlin',
      },
      { token: user.token },
    );
    expect(hours.data.me.healthSeries.map((p: any) => [p.start, p.sum])).toEqual([
      ['2026-10-25T00:00:00.000Z', 64],
      ['2026-10-25T01:00:00.000Z', 128],
    ]);
  });

  it('buckets hours and weeks in zones with half-hour offsets and Monday weeks', async () => {
    const user = await stack.signUp();
    await record(user, [steps('2026-11-16T10:10:00Z', 1), steps('2026-11-16T10:40:00Z', 2)]);
    const hours = await stack.gql(
      SERIES,
      {
        type: 'STEPS',
        from: '2026-11-16T00:00:00Z',
        to: '2026-11-17T00:00:00Z',
        bucket: 'HOUR',
        tz: 'Asia/Kolkata',
      },
      { token: user.token },
    );
    expect(hours.data.me.healthSeries.map((p: any) => [p.start, p.sum])).toEqual([
      ['2026-11-16T09:30:00.000Z', 1],
      ['2026-11-16T10:30:00.000Z', 2],
    ]);
    const weeks = await stack.gql(
      SERIES,
      {
        type: 'STEPS',
        from: '2026-11-01T00:00:00Z',
        to: '2026-11-30T00:00:00Z',
        bucket: 'WEEK',
        tz: 'America/New_York',
      },
      { token: user.token },
    );
    // Monday 2026-11-16 00:00 in New York (EST, UTC-5).
    expect(weeks.data.me.healthSeries.map((p: any) => p.start)).toEqual(['2026-11-16T05:00:00.000Z']);
  });
});

describe('owner-only access', () => {
  it('refuses another user by every path, _entities included', async () => {
    const alice = await stack.signUp();
    const bob = await stack.signUp();
    await record(bob, [steps('2026-11-19T08:00:00Z', 99)]);
    const bobMetric = (await stack.gql(METRICS, {}, { token: bob.token })).data.me.healthMetrics.nodes[0];
    const healthUrl = stack.subgraphUrls.health;
    const asAlice = {
      'x-fitness-identity': signIdentity(
        {
          viewer: { userId: alice.id, sessionId: 'test', roles: ['USER', 'ADMIN'] },
          service: null,
          ip: null,
        },
        stack.runtime.identitySecret,
      ),
    };
    const userEntities = await postGraphQL(
      healthUrl,
      {
        query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on User {
          healthSeries(metricType: STEPS, from: "2026-11-01T00:00:00Z", to: "2026-11-30T00:00:00Z", bucket: DAY) { sum }
        } } }`,
        variables: { r: [{ __typename: 'User', id: bob.id }] },
      },
      asAlice,
    );
    expect(userEntities.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(userEntities.data ?? {})).not.toContain('99');
    for (const field of [
      'healthMetrics { nodes { value } }',
      'latestHealthMetrics { value }',
      'healthGoals { nodes { id } }',
      'healthIntegrations { id }',
    ]) {
      const result = await postGraphQL(
        healthUrl,
        {
          query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { ${field} } } }`,
          variables: { r: [{ __typename: 'User', id: bob.id }] },
        },
        asAlice,
      );
      expect(result.errors?.[0]?.extensions?.code, field).toBe('FORBIDDEN');
    }
    const metricEntity = await postGraphQL(
      healthUrl,
      {
        query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on HealthMetric { value } } }`,
        variables: { r: [{ __typename: 'HealthMetric', id: bobMetric.id }] },
      },
      asAlice,
    );
    expect(metricEntity.data._entities).toEqual([null]);
    // Without the gateway's signature there is no viewer at all.
    const unsigned = await postGraphQL(healthUrl, {
      query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { latestHealthMetrics { value } } } }`,
      variables: { r: [{ __typename: 'User', id: bob.id }] },
    });
    expect(unsigned.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // Bob himself reads his sample through the same path.
    const asBob = await postGraphQL(
      healthUrl,
      {
        query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on HealthMetric { value } } }`,
        variables: { r: [{ __typename: 'HealthMetric', id: bobMetric.id }] },
      },
      {
        'x-fitness-identity': signIdentity(
          { viewer: { userId: bob.id, sessionId: 'test', roles: ['USER'] }, service: null, ip: null },
          stack.runtime.identitySecret,
        ),
      },
    );
    expect(asBob.data._entities).toEqual([{ value: 99 }]);
  });
});

describe('batching across users', () => {
  it('loads 50 users’ daily step series in one statement', async () => {
    // Fifty accounts straight in the database: fifty argon2 sign-ups would only slow the test.
    const ids = await insertAccounts(
      stack.runtime.database.db,
      Array.from({ length: 50 }, (_, i) => `batch_${i + 1}`),
    );
    const users = ids.map((id) => ({ id }));
    for (const [i, u] of users.entries()) {
      await ingestSamples(stack.runtime.database.db, stack.clock, u.id, [
        { metricType: 'STEPS', value: i + 1, unit: 'count', recordedAt: new Date('2026-11-10T08:00:00Z') },
      ]);
    }
    // The owner rule allows one user per request through the gateway, so the batching is proven on
    // the loader the User.healthSeries resolver uses, with the keys 50 parents would give it.
    const ctx = await stack.subgraphs.health.contextFor({ headers: {} } as any);
    const loader = seriesLoader(ctx, stack.runtime.database.db);
    const { results, used: batchUsed } = await stack.quiet(async () => {
      const before = stack.statements();
      const loaded = await Promise.all(
        users.map((u) =>
          loader.load({
            userId: u.id,
            metricType: 'steps',
            from: new Date('2026-11-01T00:00:00Z'),
            to: new Date('2026-11-15T00:00:00Z'),
            bucket: 'DAY',
            timeZone: 'Europe/Berlin',
          }),
        ),
      );
      return { results: loaded, used: stack.statements() - before };
    });
    expect(batchUsed).toBe(1);
    expect(results.map((r) => r[0]?.sum)).toEqual(users.map((_, i) => i + 1));
    expect(results[0]![0]!.start.toISOString()).toBe('2026-11-09T23:00:00.000Z');

    // User.healthMetrics for the same 50 users: one statement for the pages, and their totalCounts
    // (only when asked) one grouped statement more, under the same filter.
    const pages = metricsPageLoader(ctx, stack.runtime.database.db);
    const filter = {
      metricType: 'steps',
      from: new Date('2026-11-01T00:00:00Z'),
      to: new Date('2026-11-15T00:00:00Z'),
    };
    const counted = await stack.quiet(async () => {
      const before = stack.statements();
      const loaded = await Promise.all(
        users.map((u) => pages.load({ parent: u.id, limit: 5, after: null, filter })),
      );
      const pagesUsed = stack.statements() - before;
      const totals = await Promise.all(loaded.map((page) => page.totalCount()));
      return { pagesUsed, totals, used: stack.statements() - before };
    });
    expect(counted.pagesUsed).toBe(1);
    expect(counted.used).toBe(2);
    expect(counted.totals).toEqual(users.map(() => 1));
    const outside = await Promise.all(
      users.slice(0, 3).map((u) =>
        pages.load({
          parent: u.id,
          limit: 5,
          after: null,
          filter: { ...filter, from: new Date('2026-11-11T00:00:00Z') },
        }),
      ),
    );
    expect(await Promise.all(outside.map((page) => page.totalCount()))).toEqual([0, 0, 0]);
  });
});

describe('statements per request through the gateway', () => {
  it('answers several series fields and goal progress with one statement per loader', async () => {
    const user = await stack.signUp();
    await record(user, [steps('2026-11-10T08:00:00Z', 10), steps('2026-11-11T08:00:00Z', 20)]);
    for (const targetValue of [100, 200, 300]) {
      await stack.gql(
        `mutation($input: CreateHealthGoalInput!) { createHealthGoal(input: $input) { id } }`,
        {
          input: {
            metricType: 'STEPS',
            targetValue,
            unit: 'count',
            startDate: `2026-11-0${targetValue / 100}`,
          },
        },
        { token: user.token },
      );
    }
    await stack.gql('{ me { id } }', {}, { token: user.token });
    const { result, used } = await stack.quiet(async () => {
      const before = stack.statements();
      const response = await stack.gql(
        `{ me {
        berlin: healthSeries(metricType: STEPS, from: "2026-11-01T00:00:00Z", to: "2026-11-30T00:00:00Z", bucket: DAY, timeZone: "Europe/Berlin") { sum }
        again: healthSeries(metricType: STEPS, from: "2026-11-01T00:00:00Z", to: "2026-11-30T00:00:00Z", bucket: DAY, timeZone: "Europe/Berlin") { sum }
        healthGoals { nodes { targetValue progress { currentValue percent } } }
      } }`,
        {},
        { token: user.token },
      );
      return { result: response, used: stack.statements() - before };
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.me.berlin).toEqual([{ sum: 10 }, { sum: 20 }]);
    expect(result.data.me.again).toEqual(result.data.me.berlin);
    expect(result.data.me.healthGoals.nodes.map((g: any) => g.progress.currentValue)).toEqual([30, 30, 30]);
    // identity's `me`, then one for the series (both aliases share a loader key), one for the
    // goals page, one for the owner's time zone (goal days are theirs) and one for the progress
    // of every goal.
    expect(used).toBe(5);
  });
});
