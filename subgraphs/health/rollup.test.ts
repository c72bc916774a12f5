import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../kit/db.js';
import { insertAccounts } from '../../testkit/database.js';
import { startTestStack, type TestStack } from '../../testkit/stack.js';
import { type DeviceSampleInput, syncDeviceBatch } from './device-sync.js';
import { eraseUser } from './gdpr.js';
import { ingestSamples, type SampleInput } from './ingest.js';
import type { SourceName } from './metric-types.js';
import { bucketStarts } from '../../kit/time-zones.js';
import {
  type BucketName,
  bucketRanges,
  rollupPlan,
  rollupSeriesQuery,
  type SeriesArgs,
  seriesQuery,
} from './queries.js';
import { rebuildRollup } from './rollup.js';
import { setSourcePriority } from './set-source-priority.js';
import { prng as random } from '../../kit/seeded-random.js';

/**
 * The hourly rollup (rollup.ts) against the samples it summarises: after ingest from several
 * sources, on-device batches with deletions and changed source orders, (1) the rows kept in the
 * writers' transactions equal a rebuild from the samples, and (2) every series read from the
 * rollup equals the same series computed from the merged samples, for random windows (cut
 * anywhere, across daylight-saving changes), zones and buckets.
 */

let stack: TestStack;
const now = new Date('2026-11-20T12:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const FIRST = Date.parse('2026-10-10T00:00:00Z');
const SPAN_DAYS = 40;

async function newUser(name: string): Promise<string> {
  const [id] = await insertAccounts(stack.runtime.database.db, [name]);
  return id!;
}

type HourRow = Record<string, string | number | string[]>;

async function rollupOf(userId: string): Promise<HourRow[]> {
  return rows<HourRow>(
    stack.runtime.database.db,
    sql`SELECT metric_type, hour_start::text AS hour_start, sample_count, value_sum::text AS value_sum,
          value_min::text AS value_min, value_max::text AS value_max, sources
        FROM health.health_metric_hours WHERE user_id = ${userId}::uuid ORDER BY metric_type, hour_start`,
  );
}

type Point = {
  user_id: string;
  start: Date | string;
  count: number;
  sum: number;
  avg: number;
  min: number;
  max: number;
};

async function series(query: ReturnType<typeof seriesQuery>): Promise<Point[]> {
  const found = await rows<Point>(stack.runtime.database.db, query);
  return found.map((p) => ({ ...p, start: new Date(p.start).toISOString() }));
}

/** Samples of one user from three pull sources over SPAN_DAYS, overlapping in many slots. */
async function fillUser(userId: string, next: () => number): Promise<void> {
  const sources: SourceName[] = ['GARMIN', 'GOOGLE_HEALTH', 'MANUAL'];
  for (const source of sources) {
    const samples: SampleInput[] = [];
    for (let i = 0; i < 900; i++) {
      // Whole minutes and odd seconds, clustered so sources meet in the same 5-minute slots.
      const at = FIRST + Math.floor(next() * SPAN_DAYS * 24) * HOUR + Math.floor(next() * 3600) * 1000;
      samples.push({
        metricType: 'STEPS',
        value: Math.round(next() * 50_000) / 100,
        source,
        recordedAt: new Date(at),
      });
      if (i % 3 === 0) {
        samples.push({
          metricType: 'HEART_RATE',
          value: 50 + Math.round(next() * 9000) / 100,
          source,
          recordedAt: new Date(at),
        });
      }
    }
    // In chunks, so later chunks add to hours the earlier ones started.
    for (let k = 0; k < samples.length; k += 250) {
      await ingestSamples(stack.runtime.database.db, stack.clock, userId, samples.slice(k, k + 250));
    }
  }
  // A mixed batch: two sources in one call.
  await ingestSamples(
    stack.runtime.database.db,
    stack.clock,
    userId,
    Array.from({ length: 60 }, (_, i) => ({
      metricType: 'STEPS' as const,
      value: 10 + i,
      source: (i % 2 === 0 ? 'GARMIN' : 'MANUAL') as SourceName,
      recordedAt: new Date(FIRST + 5 * DAY + i * 61_000),
    })),
  );
}

/** On-device batches from Health Connect, then deletions of some of them. */
async function syncDevice(userId: string, next: () => number): Promise<void> {
  const samples: DeviceSampleInput[] = Array.from({ length: 400 }, (_, i) => ({
    sourceRecordId: `hc-${i}`,
    metricType: 'STEPS',
    value: Math.round(next() * 30_000) / 100,
    recordedAt: new Date(
      FIRST + Math.floor(next() * SPAN_DAYS * 24) * HOUR + Math.floor(next() * 3600) * 1000,
    ),
  }));
  const db = stack.runtime.database.db;
  await db.transaction((tx) =>
    syncDeviceBatch(tx, stack.clock, userId, { source: 'HEALTH_CONNECT', nextAnchor: 'a1', samples }),
  );
  await db.transaction((tx) =>
    syncDeviceBatch(tx, stack.clock, userId, {
      source: 'HEALTH_CONNECT',
      anchor: 'a1',
      nextAnchor: 'a2',
      deletedSourceRecordIds: Array.from({ length: 80 }, (_, i) => `hc-${i * 5}`),
    }),
  );
}

// Havana falls back from 01:00 to midnight (1 November), Beirut from midnight to 23:00 the day before
// (25 October), Cairo at the end of 29 October: local midnights that come twice, inside the data.
const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Asia/Kolkata',
  'America/Havana',
  'Asia/Beirut',
  'Africa/Cairo',
];
const BUCKETS: BucketName[] = ['HOUR', 'DAY', 'WEEK', 'MONTH'];
const MAX_SPAN = { HOUR: 3 * DAY, DAY: 45 * DAY, WEEK: 45 * DAY, MONTH: 45 * DAY };

function randomArgs(next: () => number, metricType: string): SeriesArgs {
  const bucket = BUCKETS[Math.floor(next() * BUCKETS.length)]!;
  const timeZone = ZONES[Math.floor(next() * ZONES.length)]!;
  const wholeHours = next() < 0.4;
  const grain = wholeHours ? HOUR : 1000;
  const start = FIRST - 2 * DAY + Math.floor((next() * (SPAN_DAYS + 4) * DAY) / grain) * grain;
  const length = Math.max(grain, Math.floor((next() * MAX_SPAN[bucket]) / grain) * grain);
  return { metricType, bucket, timeZone, from: new Date(start), to: new Date(start + length) };
}

function expectSameSeries(fromRollup: Point[], fromSamples: Point[], label: string) {
  expect(
    fromRollup.map((p) => [p.start, p.count, p.sum, p.min, p.max]),
    label,
  ).toEqual(fromSamples.map((p) => [p.start, p.count, p.sum, p.min, p.max]));
  fromRollup.forEach((p, i) => {
    expect(p.avg, label).toBeCloseTo(fromSamples[i]!.avg, 9);
  });
}

beforeAll(async () => {
  stack = await startTestStack();
  stack.clock.set(now);
});
afterAll(async () => {
  await stack?.stop();
});

describe('hourly rollup', () => {
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    const next = random(20261204);
    alice = await newUser('rollup_alice');
    bob = await newUser('rollup_bob');
    await fillUser(alice, next);
    await fillUser(bob, next);
    await syncDevice(alice, next);
    // Alice prefers the phone for steps; Bob's order comes and goes.
    await setSourcePriority(stack.runtime.database.db, stack.clock, alice, 'STEPS', [
      'HEALTH_CONNECT',
      'MANUAL',
    ]);
    await setSourcePriority(stack.runtime.database.db, stack.clock, bob, 'STEPS', ['MANUAL']);
    await setSourcePriority(stack.runtime.database.db, stack.clock, bob, 'STEPS', []);
  }, 300_000);

  it('keeps in the writers’ transactions what a rebuild from the samples gives', async () => {
    const kept = { alice: await rollupOf(alice), bob: await rollupOf(bob) };
    expect(kept.alice.length).toBeGreaterThan(500);
    // Hours where sources compete are there (the merge is exercised, not only sums).
    expect(kept.alice.filter((r) => (r.sources as string[]).length > 1).length).toBeGreaterThan(100);
    expect(await rebuildRollup(stack.runtime.database.db, [alice, bob])).toBe(
      kept.alice.length + kept.bob.length,
    );
    expect(await rollupOf(alice)).toEqual(kept.alice);
    expect(await rollupOf(bob)).toEqual(kept.bob);
  });

  it('answers 400 random series exactly as the merged samples do', async () => {
    const next = random(42);
    let fromRollup = 0;
    for (let i = 0; i < 400; i++) {
      const args = randomArgs(next, next() < 0.75 ? 'steps' : 'heart_rate');
      const label = JSON.stringify(args);
      const plan = rollupPlan(args);
      if (args.timeZone === 'Asia/Kolkata') {
        // Local hours start at half past: the rollup's UTC hours cannot answer; the samples do.
        expect(plan, label).toBeNull();
        continue;
      }
      if (!plan) continue;
      fromRollup += 1;
      const users = [alice, bob];
      expectSameSeries(
        await series(rollupSeriesQuery(users, args, plan)),
        await series(seriesQuery(users, args)),
        label,
      );
    }
    expect(fromRollup).toBeGreaterThan(300);
  }, 300_000);

  it('follows a changed source order and a deletion at once', async () => {
    const args: SeriesArgs = {
      metricType: 'steps',
      bucket: 'DAY',
      timeZone: 'Europe/Berlin',
      from: new Date(FIRST),
      to: new Date(FIRST + SPAN_DAYS * DAY),
    };
    const before = await series(rollupSeriesQuery([alice], args, rollupPlan(args)!));
    await setSourcePriority(stack.runtime.database.db, stack.clock, alice, 'STEPS', [
      'MANUAL',
      'GOOGLE_HEALTH',
    ]);
    const after = await series(rollupSeriesQuery([alice], args, rollupPlan(args)!));
    expect(after).not.toEqual(before);
    expectSameSeries(after, await series(seriesQuery([alice], args)), 'after the order changed');
    await stack.runtime.database.db.transaction((tx) =>
      syncDeviceBatch(tx, stack.clock, alice, {
        source: 'HEALTH_CONNECT',
        anchor: 'a2',
        nextAnchor: 'a3',
        deletedSourceRecordIds: ['hc-1', 'hc-2', 'hc-3'],
      }),
    );
    expectSameSeries(
      await series(rollupSeriesQuery([alice], args, rollupPlan(args)!)),
      await series(seriesQuery([alice], args)),
      'after deletions',
    );
  });

  it('merges right when sources write the same hours at once', async () => {
    // On PostgreSQL (CI) the transactions really overlap: an on-device batch merges its hours
    // from a snapshot while an ingest adds to them. The user's rollup lock makes each writer wait
    // for the one before and merge with its samples. PGlite runs them one after the other.
    const dave = await newUser('rollup_dave');
    const db = stack.runtime.database.db;
    const at = (round: number, i: number) =>
      new Date(Date.parse('2026-11-12T06:00:00Z') + round * HOUR + i * 40_000);
    const batch = (round: number, k: number) =>
      Array.from({ length: 40 }, (_, i) => ({ value: 10 * (k + 1) + i, recordedAt: at(round, i + k) }));
    for (let round = 0; round < 12; round++) {
      await Promise.all([
        ...(['GARMIN', 'MANUAL', 'GOOGLE_HEALTH'] as const).map((source, k) =>
          db.transaction((tx) =>
            ingestSamples(
              tx,
              stack.clock,
              dave,
              batch(round, k).map((s) => ({ ...s, metricType: 'STEPS' as const, source })),
            ),
          ),
        ),
        db.transaction((tx) =>
          syncDeviceBatch(tx, stack.clock, dave, {
            source: 'HEALTH_CONNECT',
            anchor: round === 0 ? null : `d${round - 1}`,
            nextAnchor: `d${round}`,
            samples: batch(round, 3).map((s, i) => ({
              ...s,
              metricType: 'STEPS' as const,
              sourceRecordId: `dave-${round}-${i}`,
            })),
          }),
        ),
      ]);
    }
    const kept = await rollupOf(dave);
    expect(kept.length).toBeGreaterThanOrEqual(12);
    await rebuildRollup(db, [dave]);
    expect(await rollupOf(dave)).toEqual(kept);
  });

  it('is what healthSeries reads, and erasure removes it', async () => {
    const carol = await newUser('rollup_carol');
    await ingestSamples(stack.runtime.database.db, stack.clock, carol, [
      { metricType: 'STEPS', value: 100, source: 'GARMIN', recordedAt: new Date('2026-11-10T08:10:00Z') },
      { metricType: 'STEPS', value: 40, source: 'MANUAL', recordedAt: new Date('2026-11-10T08:12:00Z') },
      { metricType: 'STEPS', value: 7, source: 'MANUAL', recordedAt: new Date('2026-11-10T09:00:00Z') },
    ]);
    expect(await rollupOf(carol)).toEqual([
      {
        metric_type: 'steps',
        hour_start: '2026-11-10 08:00:00+00',
        sample_count: 1,
        value_sum: '100.00',
        value_min: '100.00',
        value_max: '100.00',
        sources: ['garmin', 'manual'],
      },
      {
        metric_type: 'steps',
        hour_start: '2026-11-10 09:00:00+00',
        sample_count: 1,
        value_sum: '7.00',
        value_min: '7.00',
        value_max: '7.00',
        sources: ['manual'],
      },
    ]);
    const args: SeriesArgs = {
      metricType: 'steps',
      bucket: 'DAY',
      timeZone: 'Europe/Berlin',
      from: new Date('2026-11-09T23:00:00Z'),
      to: new Date('2026-11-10T23:00:00Z'),
    };
    const loader = async () => {
      const { seriesLoader } = await import('./loaders.js');
      const ctx = await stack.subgraphs.health.contextFor({ headers: {} } as any);
      return seriesLoader(ctx, stack.runtime.database.db).load({ userId: carol, ...args });
    };
    expect((await loader()).map((p) => p.sum)).toEqual([107]);
    // The series comes from the rollup: a (deliberately) wrong row shows through, and a rebuild
    // from the samples puts it right.
    await stack.runtime.database.exec(
      `UPDATE health.health_metric_hours SET value_sum = 1000 WHERE user_id = '${carol}' AND sources = '{manual}'`,
    );
    expect((await loader()).map((p) => p.sum)).toEqual([1100]);
    await rebuildRollup(stack.runtime.database.db, [carol]);
    expect((await loader()).map((p) => p.sum)).toEqual([107]);
    await stack.runtime.database.db.transaction((tx) =>
      eraseUser(
        tx,
        { userId: carol, deletedAt: now.toISOString() } as any,
        stack.subgraphs.health.deps as any,
      ),
    );
    expect(await rollupOf(carol)).toEqual([]);
  });
});

/**
 * The rollup statement counts its buckets out in SQL (queries.ts, bucketRanges); a point's start
 * must be date_trunc's, which labels the samples' buckets, and the one bucketStarts gives the
 * empty buckets (series.ts, includeEmpty), or a chart would show a bucket twice.
 */
describe('bucket ranges of the rollup statement', () => {
  const MINUTE = 60_000;
  // Windows around 2026's clock changes: Berlin at 01:00 UTC, Santiago, Beirut and Havana at
  // local midnight (days that start at 01:00 or twice), Cairo at the end of a day, Lord Howe by
  // half an hour, and zones on quarter and half hours with no change at all.
  const CASES: { zone: string; around: string }[] = [
    { zone: 'Europe/Berlin', around: '2026-03-29T01:00:00Z' },
    { zone: 'Europe/Berlin', around: '2026-10-25T01:00:00Z' },
    { zone: 'America/Santiago', around: '2026-04-05T03:00:00Z' },
    { zone: 'America/Santiago', around: '2026-09-06T04:00:00Z' },
    { zone: 'Asia/Beirut', around: '2026-03-28T22:00:00Z' },
    { zone: 'Asia/Beirut', around: '2026-10-24T21:00:00Z' },
    { zone: 'America/Havana', around: '2026-03-08T05:00:00Z' },
    { zone: 'America/Havana', around: '2026-11-01T05:00:00Z' },
    { zone: 'Africa/Cairo', around: '2026-04-23T22:00:00Z' },
    { zone: 'Africa/Cairo', around: '2026-10-29T21:00:00Z' },
    { zone: 'Australia/Lord_Howe', around: '2026-10-03T15:30:00Z' },
    { zone: 'Asia/Kathmandu', around: '2026-06-01T00:00:00Z' },
    { zone: 'Asia/Kolkata', around: '2026-06-01T00:00:00Z' },
  ];
  const SPANS: Record<Exclude<BucketName, 'HOUR'>, number> = {
    DAY: 5 * DAY,
    WEEK: 30 * DAY,
    MONTH: 100 * DAY,
  };

  /** Every bucket date_trunc gives the instants of [from, to), a quarter of an hour apart (every offset is a multiple of one). */
  async function truncated(field: string, zone: string, from: Date, to: Date): Promise<string[]> {
    const found = await rows<{ start: Date | string }>(
      stack.runtime.database.db,
      sql`SELECT DISTINCT date_trunc(${field}, t, ${zone}) AS start
          FROM generate_series(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz - interval '1 second', interval '15 minutes') t
          UNION SELECT date_trunc(${field}, ${to.toISOString()}::timestamptz - interval '1 second', ${zone})
          ORDER BY 1`,
    );
    return found.map((r) => new Date(r.start).toISOString());
  }

  it('are the buckets date_trunc gives, cut to the whole hours, in zones that change clocks at midnight too', async () => {
    const next = random(7);
    let checked = 0;
    for (const { zone, around } of CASES) {
      for (const bucket of ['DAY', 'WEEK', 'MONTH'] as const) {
        for (let k = 0; k < 4; k++) {
          const from = new Date(
            Date.parse(around) - Math.floor((next() * SPANS[bucket] * 0.6) / MINUTE) * MINUTE,
          );
          const to = new Date(from.getTime() + HOUR + Math.floor((next() * SPANS[bucket]) / MINUTE) * MINUTE);
          const args: SeriesArgs = { metricType: 'steps', bucket, timeZone: zone, from, to };
          const wholeFrom = new Date(Math.ceil(from.getTime() / HOUR) * HOUR);
          const wholeTo = new Date(Math.floor(to.getTime() / HOUR) * HOUR);
          const label = JSON.stringify(args);
          const db = stack.runtime.database.db;
          const ranges = await rows<{ start: Date | string }>(
            db,
            sql`SELECT b.start FROM ${bucketRanges(args, wholeFrom, wholeTo)} AS b ORDER BY b.start`,
          );
          const truth = await truncated(bucket.toLowerCase(), zone, from, to);
          expect(
            ranges.map((r) => new Date(r.start).toISOString()),
            label,
          ).toEqual(truth);
          // The empty buckets' starts come from Intl's zone rules, the points' from the
          // database's; PGlite bundles rules of its own (Havana's 2026 change differs), so they
          // are compared where the database is PostgreSQL with the system's rules, as deployed.
          if (stack.runtime.database.kind === 'postgres') {
            expect(
              bucketStarts(from, to, bucket, zone).map((d) => d.toISOString()),
              label,
            ).toEqual(truth);
          }
          // Every whole hour lies in exactly one bucket's [lo, hi) (a second one makes the
          // subquery fail), and that bucket is the one date_trunc gives the hour.
          const misplaced = await rows<{ hour: string; bucket: string | null; truncated: string }>(
            db,
            sql`SELECT h::text AS hour, r.start::text AS bucket, date_trunc(${bucket.toLowerCase()}, h, ${zone})::text AS truncated
                FROM generate_series(${wholeFrom.toISOString()}::timestamptz, ${wholeTo.toISOString()}::timestamptz - interval '1 hour', interval '1 hour') h
                LEFT JOIN LATERAL (
                  SELECT (SELECT b.start FROM ${bucketRanges(args, wholeFrom, wholeTo)} AS b WHERE h >= b.lo AND h < b.hi) AS start
                ) r ON true
                WHERE r.start IS DISTINCT FROM date_trunc(${bucket.toLowerCase()}, h, ${zone})`,
          );
          expect(misplaced, label).toEqual([]);
          checked += 1;
        }
      }
    }
    expect(checked).toBe(CASES.length * 12);
  });
});
