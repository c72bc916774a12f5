import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../kit/clock.js';
import { type Database, rows } from '../../kit/db.js';
import { createTestDatabase, insertAccounts } from '../../testkit/database.js';
import { ingestSamples, type SampleInput } from './ingest.js';
import { rebuildRollup } from './rollup.js';

/**
 * ingestSamples' statement on its own (the API's checks are in metrics.test.ts): which keys it
 * stores and counts as duplicates, and that a batch's text reaches its columns exactly.
 */

let database: Database;
let dispose: () => Promise<void>;
const clock = new ManualClock(new Date('2026-11-20T12:00:00Z'));
const MINUTE = 60_000;
const FIRST = Date.parse('2026-11-10T00:00:00Z');

beforeAll(async () => {
  ({ database, dispose } = await createTestDatabase());
});
afterAll(async () => {
  await dispose?.();
});

let users = 0;
async function newUser(): Promise<string> {
  users += 1;
  const [id] = await insertAccounts(database.db, [`ingest${users}`]);
  return id!;
}

const steps = (minute: number, value: number, extra: Partial<SampleInput> = {}): SampleInput => ({
  metricType: 'STEPS',
  value,
  recordedAt: new Date(FIRST + minute * MINUTE),
  ...extra,
});

const ingest = (userId: string, samples: readonly SampleInput[]) =>
  database.db.transaction((tx) => ingestSamples(tx, clock, userId, samples));

async function stored(userId: string) {
  return rows<{
    metric_type: string;
    source: string;
    value: string;
    source_device: string | null;
    at: string;
  }>(
    database.db,
    sql`SELECT metric_type, source, value::text AS value, source_device,
          to_char(recorded_date AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS at
        FROM health.health_metrics WHERE user_id = ${userId}::uuid ORDER BY recorded_date, metric_type, source`,
  );
}

async function rollupOf(userId: string) {
  return rows(
    database.db,
    sql`SELECT metric_type, hour_start::text AS hour_start, sample_count, value_sum::text AS value_sum,
          value_min::text AS value_min, value_max::text AS value_max, sources
        FROM health.health_metric_hours WHERE user_id = ${userId}::uuid ORDER BY metric_type, hour_start`,
  );
}

/** The rollup the writers kept equals a rebuild from the stored samples. */
async function expectRollupKept(userId: string) {
  const kept = await rollupOf(userId);
  await rebuildRollup(database.db, [userId]);
  expect(kept).toEqual(await rollupOf(userId));
}

describe('ingestSamples', () => {
  it('stores a key a batch repeats once, the first sample of it, and counts the others as duplicates', async () => {
    const user = await newUser();
    const outcome = await ingest(user, [
      steps(0, 10),
      steps(0, 11),
      // The same instant written another way is the same key.
      { metricType: 'STEPS', value: 12, recordedAt: new Date('2026-11-10T00:00:00.000Z') },
      // Another source or another type at that instant is another key.
      steps(0, 13, { source: 'GARMIN' }),
      { metricType: 'HEART_RATE', value: 61, recordedAt: new Date(FIRST) },
      steps(1, 14),
      steps(1, 15),
    ]);
    expect(outcome).toEqual({ accepted: 4, duplicates: 3, errors: [] });
    expect((await stored(user)).map((s) => [s.metric_type, s.source, s.value, s.at])).toEqual([
      ['heart_rate', 'manual', '61.00', '2026-11-10T00:00:00.000'],
      ['steps', 'garmin', '13.00', '2026-11-10T00:00:00.000'],
      ['steps', 'manual', '10.00', '2026-11-10T00:00:00.000'],
      ['steps', 'manual', '14.00', '2026-11-10T00:01:00.000'],
    ]);
    await expectRollupKept(user);
  });

  it('counts stored keys as duplicates when a batch overlaps what is stored, and stores the rest', async () => {
    const user = await newUser();
    await ingest(
      user,
      Array.from({ length: 30 }, (_, i) => steps(i * 2, 100 + i)),
    );
    // Every minute of the same hour: half of them are stored already (with other values).
    const overlapping = Array.from({ length: 60 }, (_, i) => steps(i, 1));
    expect(await ingest(user, overlapping)).toEqual({ accepted: 30, duplicates: 30, errors: [] });
    const all = await stored(user);
    expect(all).toHaveLength(60);
    expect(all.filter((s) => Number(s.value) >= 100)).toHaveLength(30);
    // Sent again: nothing new.
    expect(await ingest(user, overlapping)).toEqual({ accepted: 0, duplicates: 60, errors: [] });
    // A span that holds stored samples: the stored key is a duplicate, the new ones are stored.
    expect(await ingest(user, [steps(0, 5), steps(600, 5), steps(601, 5, { source: 'GARMIN' })])).toEqual({
      accepted: 2,
      duplicates: 1,
      errors: [],
    });
    // A span with nothing stored.
    expect(await ingest(user, [steps(700, 5), steps(701, 5)])).toEqual({
      accepted: 2,
      duplicates: 0,
      errors: [],
    });
    await expectRollupKept(user);
  });

  it('stores a batch sent three times at once once: each call waits for the one before and finds its samples', async () => {
    const user = await newUser();
    const batch = Array.from({ length: 500 }, (_, i) =>
      steps(i, i % 90, { source: i % 3 ? 'GARMIN' : 'MANUAL' }),
    );
    const outcomes = await Promise.all([ingest(user, batch), ingest(user, batch), ingest(user, batch)]);
    expect(outcomes.map((o) => o.accepted + o.duplicates)).toEqual([500, 500, 500]);
    expect(outcomes.reduce((sum, o) => sum + o.accepted, 0)).toBe(500);
    expect(await stored(user)).toHaveLength(500);
    await expectRollupKept(user);
  });

  it('stores every instant to the millisecond, before and after the first one of the batch', async () => {
    const user = await newUser();
    const instants = [
      '2026-11-10T00:00:00.001Z',
      '2000-01-01T00:00:00.000Z',
      '2026-11-20T12:04:59.999Z',
      '2026-03-29T01:59:59.999Z',
      '2016-02-29T23:59:59.500Z',
      '2026-11-09T23:59:59.999Z',
    ];
    const outcome = await ingest(
      user,
      instants.map((at, i) => ({ metricType: 'WEIGHT', value: 70 + i, recordedAt: new Date(at) })),
    );
    expect(outcome).toEqual({ accepted: instants.length, duplicates: 0, errors: [] });
    expect((await stored(user)).map((s) => `${s.at}Z`)).toEqual([...instants].sort());
    await expectRollupKept(user);
  });

  it('stores the text of a sample as sent, whatever characters it holds', async () => {
    const user = await newUser();
    const devices = [
      'Pixel Watch 2',
      'NULL',
      '',
      'a "quoted" device',
      'back\\slash \\" and \\\\',
      '{braces}, commas, and spaces ',
      ' leading space',
      "it's\ttabbed\nand new-lined",
      'Ünïcödé ⌚ 🏃',
      null,
    ];
    const outcome = await ingest(
      user,
      devices.map((sourceDevice, i) => steps(i, 1.005 + i, { sourceDevice })),
    );
    expect(outcome).toEqual({ accepted: devices.length, duplicates: 0, errors: [] });
    const found = await stored(user);
    expect(found.map((s) => s.source_device)).toEqual(devices);
    // Two decimals are kept, as before (1.005 is 1.00499... as a double).
    expect(found.map((s) => s.value)).toEqual(
      devices.map((_, i) => (Math.round((1.005 + i) * 100) / 100).toFixed(2)),
    );
  });
});
