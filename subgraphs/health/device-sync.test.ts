import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../kit/db.js';
import { OutboxRelay } from '../../kit/events/outbox.js';
import { eventually, startTestStack, type TestStack, type TestUser } from '../../testkit/stack.js';

/**
 * The on-device sync protocol (syncDeviceHealthData, healthSyncState) and the merging of sources
 * (source-priority.ts), through the gateway.
 */

const SYNC = `mutation($input: SyncDeviceHealthDataInput!) {
  syncDeviceHealthData(input: $input) {
    __typename
    ... on DeviceHealthDataSynced { source anchor accepted duplicates retracted errors { index field code reason message } }
    ... on HealthSyncAnchorStale { source currentAnchor code message }
  }
}`;
const STATE = `{ me { healthSyncState { source anchor updatedAt } } }`;
const RECORD = `mutation($input: [HealthMetricInput!]!) {
  recordHealthMetrics(input: $input) { accepted duplicates errors { index message } }
}`;
const SERIES = `query($type: HealthMetricType!, $from: DateTime!, $to: DateTime!, $bucket: TimeBucket!) {
  me { healthSeries(metricType: $type, from: $from, to: $to, bucket: $bucket, timeZone: "UTC") { start count sum avg min max } }
}`;
const LATEST = `query($types: [HealthMetricType!]) {
  me { latestHealthMetrics(metricTypes: $types) { metricType value source recordedAt } }
}`;
const METRICS = `{ me { healthMetrics(metricType: STEPS, first: 100) { nodes { value source recordedAt } totalCount } } }`;
const PRIORITY = `mutation($type: HealthMetricType!, $sources: [HealthMetricSource!]!) {
  setHealthSourcePriority(metricType: $type, sources: $sources) { metricType sources isDefault }
}`;
const PRIORITIES = `query($types: [HealthMetricType!]) {
  me { healthSourcePriorities(metricTypes: $types) { metricType sources isDefault } }
}`;
const GOAL = `mutation($input: CreateHealthGoalInput!) {
  createHealthGoal(input: $input) { id progress { currentValue } }
}`;
const GOALS = `{ me { healthGoals { nodes { progress { currentValue } } } } }`;

let stack: TestStack;
const now = new Date('2026-11-20T12:00:00Z');

const sample = (sourceRecordId: string, recordedAt: string, value: number, metricType = 'STEPS') => ({
  sourceRecordId,
  metricType,
  value,
  recordedAt,
});

async function sync(user: TestUser, input: Record<string, unknown>) {
  const result = await stack.gql(SYNC, { input }, { token: user.token });
  expect(result.errors).toBeUndefined();
  return result.data.syncDeviceHealthData;
}

async function series(user: TestUser, from: string, to: string, bucket = 'HOUR', type = 'STEPS') {
  const result = await stack.gql(SERIES, { type, from, to, bucket }, { token: user.token });
  expect(result.errors).toBeUndefined();
  return result.data.me.healthSeries;
}

beforeAll(async () => {
  stack = await startTestStack();
  stack.clock.set(now);
  for (const subgraph of Object.values(stack.subgraphs)) {
    for (const task of subgraph.background) if (task instanceof OutboxRelay) await task.stop();
  }
});
afterAll(async () => {
  await stack?.stop();
});

describe('syncDeviceHealthData: the on-device protocol', () => {
  it('resumes from the committed anchor; a re-sent record id is a duplicate, a changed one a problem', async () => {
    const user = await stack.signUp();
    expect((await stack.gql(STATE, {}, { token: user.token })).data.me.healthSyncState).toEqual([]);

    const first = await sync(user, {
      source: 'APPLE_HEALTH',
      anchor: null,
      nextAnchor: 'hk-1',
      samples: [
        sample('A1', '2026-11-19T08:00:00Z', 100),
        sample('A2', '2026-11-19T08:05:00Z', 120),
        {
          ...sample('A3', '2026-11-19T08:00:00Z', 61, 'HEART_RATE'),
          unit: 'bpm',
          sourceDevice: 'Apple Watch',
        },
      ],
    });
    expect(first).toEqual({
      __typename: 'DeviceHealthDataSynced',
      source: 'APPLE_HEALTH',
      anchor: 'hk-1',
      accepted: 3,
      duplicates: 0,
      retracted: 0,
      errors: [],
    });
    const state = (await stack.gql(STATE, {}, { token: user.token })).data.me.healthSyncState;
    expect(state).toEqual([{ source: 'APPLE_HEALTH', anchor: 'hk-1', updatedAt: now.toISOString() }]);

    // The app resumes from hk-1: A1 again (a retry), A2 with another value, a new record, a bad one,
    // and a new record id at A1's instant in the same batch.
    const second = await sync(user, {
      source: 'APPLE_HEALTH',
      anchor: 'hk-1',
      nextAnchor: 'hk-2',
      samples: [
        sample('A1', '2026-11-19T08:00:00Z', 100),
        sample('A2', '2026-11-19T08:05:00Z', 999),
        sample('A4', '2026-11-19T08:10:00Z', 140),
        { ...sample('A5', '2026-11-19T08:15:00Z', 5), unit: 'km' },
        sample('A6', '2026-11-19T08:00:00Z', 100),
      ],
    });
    expect(second).toMatchObject({ anchor: 'hk-2', accepted: 1, duplicates: 1, retracted: 0 });
    expect(second.errors).toEqual([
      {
        index: 1,
        field: 'input.samples.1.sourceRecordId',
        code: 'CONFLICT',
        reason: 'RECORD_CHANGED',
        message: expect.stringContaining('kept as first sent'),
      },
      {
        index: 3,
        field: 'input.samples.3.unit',
        code: 'BAD_USER_INPUT',
        reason: 'INVALID',
        message: expect.stringContaining('count'),
      },
      {
        index: 4,
        field: 'input.samples.4.recordedAt',
        code: 'CONFLICT',
        reason: 'INSTANT_TAKEN',
        message:
          'Sample 0 of this batch already has this type and instant; one sample per type, source and instant is kept.',
      },
    ]);
    // A new record id at the instant of a stored sample of the same source and type.
    const third = await sync(user, {
      source: 'APPLE_HEALTH',
      anchor: 'hk-2',
      nextAnchor: 'hk-3',
      samples: [sample('A7', '2026-11-19T08:10:00Z', 1)],
    });
    expect(third).toMatchObject({ anchor: 'hk-3', accepted: 0, duplicates: 0 });
    expect(third.errors).toEqual([
      {
        index: 0,
        field: 'input.samples.0.recordedAt',
        code: 'CONFLICT',
        reason: 'INSTANT_TAKEN',
        message:
          'Another APPLE_HEALTH sample of this type is stored at this instant; one sample per type, source and instant is kept.',
      },
    ]);
    const listed = (await stack.gql(METRICS, {}, { token: user.token })).data.me.healthMetrics;
    expect(listed.nodes.map((n: any) => [n.value, n.source])).toEqual([
      [140, 'APPLE_HEALTH'],
      [120, 'APPLE_HEALTH'],
      [100, 'APPLE_HEALTH'],
    ]);

    // Health Connect keeps its own anchor and record ids.
    const android = await sync(user, {
      source: 'HEALTH_CONNECT',
      nextAnchor: 'hc-token-1',
      samples: [sample('A1', '2026-11-19T09:00:00Z', 7)],
    });
    expect(android).toMatchObject({ source: 'HEALTH_CONNECT', accepted: 1 });
    const both = (await stack.gql(STATE, {}, { token: user.token })).data.me.healthSyncState;
    expect(both.map((s: any) => [s.source, s.anchor]).sort()).toEqual([
      ['APPLE_HEALTH', 'hk-3'],
      ['HEALTH_CONNECT', 'hc-token-1'],
    ]);
  });

  it('refuses a stale anchor (concurrent batches: one wins) and a refused batch does not move the anchor', async () => {
    const user = await stack.signUp();
    await sync(user, {
      source: 'APPLE_HEALTH',
      nextAnchor: 'a1',
      samples: [sample('S1', '2026-11-19T07:00:00Z', 1)],
    });

    // Two devices resume from a1 at once: the anchor row serializes them, the later one is stale.
    const batch = (id: string, next: string) =>
      stack.gql(
        SYNC,
        {
          input: {
            source: 'APPLE_HEALTH',
            anchor: 'a1',
            nextAnchor: next,
            samples: [sample(id, '2026-11-19T07:30:00Z', 50)],
          },
        },
        { token: user.token },
      );
    const [left, right] = await Promise.all([batch('L', 'a2-left'), batch('R', 'a2-right')]);
    const outcomes = [left.data.syncDeviceHealthData, right.data.syncDeviceHealthData];
    const winner = outcomes.find((o) => o.__typename === 'DeviceHealthDataSynced');
    const loser = outcomes.find((o) => o.__typename === 'HealthSyncAnchorStale');
    expect(winner).toMatchObject({ accepted: 1 });
    expect(loser).toEqual({
      __typename: 'HealthSyncAnchorStale',
      source: 'APPLE_HEALTH',
      currentAnchor: winner.anchor,
      code: 'HEALTH_SYNC_ANCHOR_STALE',
      message: 'Another batch moved the sync anchor on; resume from currentAnchor.',
    });
    // The stale batch stored nothing: one sample at 07:30, the winner's.
    const [count] = await rows<{ n: number }>(
      stack.runtime.database.db,
      sql`select count(*)::int as n from health.health_metrics m
          where m.user_id = ${user.id} and m.recorded_date = '2026-11-19T07:30:00Z'`,
    );
    expect(count!.n).toBe(1);

    // A first sync when there is an anchor already is stale too.
    const again = await sync(user, { source: 'APPLE_HEALTH', nextAnchor: 'x' });
    expect(again).toMatchObject({ __typename: 'HealthSyncAnchorStale', currentAnchor: winner.anchor });
    // Resuming from an anchor on a source never synced names no anchor.
    const never = await sync(user, { source: 'HEALTH_CONNECT', anchor: 'made-up', nextAnchor: 'x' });
    expect(never).toMatchObject({ __typename: 'HealthSyncAnchorStale', currentAnchor: null });

    // A batch refused whole (too many samples) leaves the anchor where it was.
    const tooMany = await stack.gql(
      SYNC,
      {
        input: {
          source: 'APPLE_HEALTH',
          anchor: winner.anchor,
          nextAnchor: 'never',
          samples: Array.from({ length: 5001 }, (_, i) =>
            sample(`M${i}`, new Date(Date.parse('2026-11-01T00:00:00Z') + i * 60_000).toISOString(), 1),
          ),
        },
      },
      { token: user.token },
    );
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.samples' });
    const state = (await stack.gql(STATE, {}, { token: user.token })).data.me.healthSyncState;
    expect(state.map((s: any) => s.anchor)).toEqual([winner.anchor]);
  });

  it('records deletions as retractions that every read leaves out, without touching the stored rows', async () => {
    const user = await stack.signUp();
    await sync(user, {
      source: 'HEALTH_CONNECT',
      nextAnchor: 't1',
      samples: [
        sample('r1', '2026-11-19T08:00:00Z', 100),
        sample('r2', '2026-11-19T08:30:00Z', 200),
        sample('r3', '2026-11-19T09:00:00Z', 300),
      ],
    });
    await stack.gql(
      GOAL,
      { input: { metricType: 'STEPS', targetValue: 1000, startDate: '2026-11-19', endDate: '2026-11-19' } },
      { token: user.token },
    );
    expect((await stack.gql(GOALS, {}, { token: user.token })).data.me.healthGoals.nodes).toEqual([
      { progress: { currentValue: 600 } },
    ]);

    // r3 deleted on the phone, plus an id never received (deleted before it was synced).
    const deletion = await sync(user, {
      source: 'HEALTH_CONNECT',
      anchor: 't1',
      nextAnchor: 't2',
      deletedSourceRecordIds: ['r3', 'never-seen', 'r3'],
    });
    expect(deletion).toMatchObject({ accepted: 0, retracted: 2, errors: [] });
    expect(await series(user, '2026-11-19T00:00:00Z', '2026-11-20T00:00:00Z', 'DAY')).toEqual([
      { start: '2026-11-19T00:00:00.000Z', count: 2, sum: 300, avg: 150, min: 100, max: 200 },
    ]);
    expect(
      (await stack.gql(LATEST, { types: ['STEPS'] }, { token: user.token })).data.me.latestHealthMetrics,
    ).toEqual([
      { metricType: 'STEPS', value: 200, source: 'HEALTH_CONNECT', recordedAt: '2026-11-19T08:30:00.000Z' },
    ]);
    expect((await stack.gql(GOALS, {}, { token: user.token })).data.me.healthGoals.nodes).toEqual([
      { progress: { currentValue: 300 } },
    ]);
    const listed = (await stack.gql(METRICS, {}, { token: user.token })).data.me.healthMetrics;
    expect(listed.nodes.map((n: any) => n.value)).toEqual([200, 100]);

    // The stored rows are untouched: three samples, the retraction beside them.
    const stored = await rows<{ n: number; retractions: number }>(
      stack.runtime.database.db,
      sql`select (select count(*)::int from health.health_metrics where user_id = ${user.id}) as n,
                 (select count(*)::int from health.health_metric_retractions where user_id = ${user.id}) as retractions`,
    );
    expect(stored[0]).toEqual({ n: 3, retractions: 2 });

    // The data export (exportMyData: `me { ... }` through the gateway) leaves the retracted one out.
    const exported = await stack.gql('{ exportMyData }', {}, { token: user.token });
    expect(exported.errors).toBeUndefined();
    const mine = exported.data.exportMyData.user;
    expect(mine.healthMetrics.nodes.map((n: any) => n.value)).toEqual([200, 100]);
    expect(mine.healthSyncState).toEqual([
      expect.objectContaining({ source: 'HEALTH_CONNECT', anchor: 't2' }),
    ]);

    // The record deleted before it arrived is not stored when it does; re-sending r3 is a no-op.
    const late = await sync(user, {
      source: 'HEALTH_CONNECT',
      anchor: 't2',
      nextAnchor: 't3',
      samples: [
        sample('never-seen', '2026-11-19T10:00:00Z', 5000),
        sample('r3', '2026-11-19T09:00:00Z', 300),
      ],
      deletedSourceRecordIds: ['r3'],
    });
    expect(late).toMatchObject({ accepted: 0, duplicates: 2, retracted: 0, errors: [] });
    expect((await series(user, '2026-11-19T00:00:00Z', '2026-11-20T00:00:00Z', 'DAY'))[0].sum).toBe(300);
  });

  it('stores a batch of 5,000 samples and its deletions in six statements', async () => {
    const user = await stack.signUp();
    const start = Date.parse('2026-10-01T00:00:00Z');
    const samples = Array.from({ length: 5000 }, (_, i) =>
      sample(`B${i}`, new Date(start + i * 60_000).toISOString(), i % 90),
    );
    await stack.gql('{ me { id } }', {}, { token: user.token }); // the gateway caches the viewer
    const { outcome, used } = await stack.quiet(async () => {
      const before = stack.statements();
      const synced = await sync(user, {
        source: 'APPLE_HEALTH',
        nextAnchor: 'b1',
        samples,
        deletedSourceRecordIds: ['B0', 'B1'],
      });
      return { outcome: synced, used: stack.statements() - before };
    });
    expect(outcome).toMatchObject({ accepted: 5000, duplicates: 0, retracted: 2, errors: [] });
    // The user's rollup lock, the anchor, the samples with their record ids, the retractions, the
    // rollup's hours of both, the health.metrics_recorded event.
    expect(used).toBe(6);
  });

  it('adopts a sample sent before through recordHealthMetrics instead of storing it twice', async () => {
    const user = await stack.signUp();
    await stack.gql(
      RECORD,
      {
        input: [
          { metricType: 'STEPS', value: 42, source: 'APPLE_HEALTH', recordedAt: '2026-11-18T10:00:00Z' },
        ],
      },
      { token: user.token },
    );
    const synced = await sync(user, {
      source: 'APPLE_HEALTH',
      nextAnchor: 'n1',
      samples: [sample('U1', '2026-11-18T10:00:00Z', 42)],
    });
    expect(synced).toMatchObject({ accepted: 0, duplicates: 1, errors: [] });
    // Adopted: its record id now retracts it.
    await sync(user, {
      source: 'APPLE_HEALTH',
      anchor: 'n1',
      nextAnchor: 'n2',
      deletedSourceRecordIds: ['U1'],
    });
    expect(await series(user, '2026-11-18T00:00:00Z', '2026-11-19T00:00:00Z', 'DAY')).toEqual([]);
  });

  it("erases the user's record ids, retractions, anchors and source orders with their account", async () => {
    const user = await stack.signUp();
    const keep = await stack.signUp();
    for (const u of [user, keep]) {
      await sync(u, {
        source: 'APPLE_HEALTH',
        nextAnchor: 'e1',
        samples: [sample('E1', '2026-11-19T06:00:00Z', 5)],
      });
      await sync(u, {
        source: 'APPLE_HEALTH',
        anchor: 'e1',
        nextAnchor: 'e2',
        deletedSourceRecordIds: ['E1'],
      });
      await stack.gql(PRIORITY, { type: 'STEPS', sources: ['APPLE_HEALTH'] }, { token: u.token });
    }
    const event = {
      id: randomUUID(),
      type: 'user.deleted',
      source: 'identity',
      occurredAt: now.toISOString(),
      payload: { userId: user.id, deletedAt: now.toISOString() },
    };
    await stack.runtime.bus.publish(event);
    await stack.flushEvents();
    const tables = [
      'health.health_metrics',
      'health.device_samples',
      'health.health_metric_retractions',
      'health.device_sync_state',
      'health.source_priorities',
    ];
    const count = async (table: string, userId: string) =>
      (
        await rows<{ n: number }>(
          stack.runtime.database.db,
          sql`SELECT count(*)::int AS n FROM ${sql.raw(table)} WHERE user_id = ${userId}::uuid`,
        )
      )[0]!.n;
    await eventually(async () => {
      for (const table of tables) {
        expect(await count(table, user.id), table).toBe(0);
        expect(await count(table, keep.id), table).toBe(1);
      }
    });
  });

  it('needs a signed-in user and validates the call', async () => {
    const anonymous = await stack.gql(SYNC, { input: { source: 'APPLE_HEALTH', nextAnchor: 'a' } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const user = await stack.signUp();
    const wrongSource = await stack.gql(
      SYNC,
      { input: { source: 'GARMIN', nextAnchor: 'a' } },
      { token: user.token },
    );
    expect(wrongSource.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const emptyAnchor = await stack.gql(
      SYNC,
      { input: { source: 'APPLE_HEALTH', nextAnchor: '' } },
      { token: user.token },
    );
    expect(emptyAnchor.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.nextAnchor',
    });
  });
});

describe('one truth across sources', () => {
  /**
   * Phone (APPLE_HEALTH, through the on-device protocol) and watch (GARMIN) step streams on
   * 2026-11-19 (UTC), overlapping in two 5-minute slots:
   *
   *   slot   phone          watch               default (watch first)    phone first
   *   08:00  P0800 100      08:01 110, 08:03 15  watch 125 (2 samples)   phone 100
   *   08:05  P0805 120      -                    phone 120               phone 120
   *   08:10  P0810 140      08:12 150            watch 150               phone 140
   *   08:15  P0815 160      -                    phone 160               phone 160
   *   09:00  P0900  50      -                    phone 50                phone 50
   *   09:30  -              09:30 70             watch 70                watch 70
   *
   * Default, hour 08: 125 + 120 + 150 + 160 = 555 over 5 samples (110, 15, 120, 150, 160), min 15,
   * max 160, avg 111; hour 09: 50 + 70 = 120 over 2, avg 60. Day: 675 (summing every sample would
   * give 795). Phone first, hour 08: 100 + 120 + 140 + 160 = 520 over 4, avg 130, min 100; day 640.
   */
  async function phoneAndWatch(user: TestUser) {
    await sync(user, {
      source: 'APPLE_HEALTH',
      nextAnchor: 'p1',
      samples: [
        sample('P0800', '2026-11-19T08:00:00Z', 100),
        sample('P0805', '2026-11-19T08:05:00Z', 120),
        sample('P0810', '2026-11-19T08:10:00Z', 140),
        sample('P0815', '2026-11-19T08:15:00Z', 160),
        sample('P0900', '2026-11-19T09:00:00Z', 50),
        // Heart rate: the phone's newer reading shares the 10:00 slot with the watch's.
        { ...sample('P-HR', '2026-11-19T10:03:00Z', 80, 'HEART_RATE'), unit: 'bpm' },
      ],
    });
    const watch = (recordedAt: string, value: number, metricType = 'STEPS') => ({
      metricType,
      value,
      source: 'GARMIN',
      sourceDevice: 'Forerunner 965',
      recordedAt,
    });
    const recorded = await stack.gql(
      RECORD,
      {
        input: [
          watch('2026-11-19T08:01:00Z', 110),
          watch('2026-11-19T08:03:00Z', 15),
          watch('2026-11-19T08:12:00Z', 150),
          watch('2026-11-19T09:30:00Z', 70),
          watch('2026-11-19T10:01:00Z', 75, 'HEART_RATE'),
        ],
      },
      { token: user.token },
    );
    expect(recorded.data.recordHealthMetrics.accepted).toBe(5);
  }
  const DAY_FROM = '2026-11-19T00:00:00Z';
  const DAY_TO = '2026-11-20T00:00:00Z';

  it('merges overlapping phone and watch steps per 5-minute slot, watch first by default', async () => {
    const user = await stack.signUp();
    await phoneAndWatch(user);
    expect(await series(user, DAY_FROM, DAY_TO)).toEqual([
      { start: '2026-11-19T08:00:00.000Z', count: 5, sum: 555, avg: 111, min: 15, max: 160 },
      { start: '2026-11-19T09:00:00.000Z', count: 2, sum: 120, avg: 60, min: 50, max: 70 },
    ]);
    expect(await series(user, DAY_FROM, DAY_TO, 'DAY')).toEqual([
      { start: '2026-11-19T00:00:00.000Z', count: 7, sum: 675, avg: 675 / 7, min: 15, max: 160 },
    ]);
    const goal = await stack.gql(
      GOAL,
      { input: { metricType: 'STEPS', targetValue: 1000, startDate: '2026-11-19', endDate: '2026-11-19' } },
      { token: user.token },
    );
    expect(goal.data.createHealthGoal.progress).toEqual({ currentValue: 675 });
    // Latest: the newest slot's winner. Steps: 09:30, the watch. Heart rate: the 10:00 slot, where
    // the watch (10:01, 75) wins over the phone's newer reading (10:03, 80).
    const latest = await stack.gql(LATEST, { types: ['STEPS', 'HEART_RATE'] }, { token: user.token });
    expect(latest.data.me.latestHealthMetrics).toEqual([
      { metricType: 'STEPS', value: 70, source: 'GARMIN', recordedAt: '2026-11-19T09:30:00.000Z' },
      { metricType: 'HEART_RATE', value: 75, source: 'GARMIN', recordedAt: '2026-11-19T10:01:00.000Z' },
    ]);
    expect(await series(user, DAY_FROM, DAY_TO, 'HOUR', 'HEART_RATE')).toEqual([
      { start: '2026-11-19T10:00:00.000Z', count: 1, sum: null, avg: 75, min: 75, max: 75 },
    ]);
  });

  it('follows the order the user sets, shows the effective order, and returns to the default', async () => {
    const user = await stack.signUp();
    await phoneAndWatch(user);
    const defaults = await stack.gql(PRIORITIES, { types: ['STEPS', 'WEIGHT'] }, { token: user.token });
    expect(defaults.data.me.healthSourcePriorities).toEqual([
      {
        metricType: 'STEPS',
        sources: [
          'GARMIN',
          'GOOGLE_HEALTH',
          'FITBIT',
          'APPLE_HEALTH',
          'HEALTH_CONNECT',
          'GOOGLE_FIT',
          'MANUAL',
        ],
        isDefault: true,
      },
      {
        metricType: 'WEIGHT',
        sources: [
          'MANUAL',
          'APPLE_HEALTH',
          'HEALTH_CONNECT',
          'GOOGLE_FIT',
          'GARMIN',
          'GOOGLE_HEALTH',
          'FITBIT',
        ],
        isDefault: true,
      },
    ]);
    const set = await stack.gql(
      PRIORITY,
      { type: 'STEPS', sources: ['APPLE_HEALTH'] },
      { token: user.token },
    );
    expect(set.data.setHealthSourcePriority).toEqual({
      metricType: 'STEPS',
      sources: [
        'APPLE_HEALTH',
        'GARMIN',
        'GOOGLE_HEALTH',
        'FITBIT',
        'HEALTH_CONNECT',
        'GOOGLE_FIT',
        'MANUAL',
      ],
      isDefault: false,
    });
    expect(await series(user, DAY_FROM, DAY_TO)).toEqual([
      { start: '2026-11-19T08:00:00.000Z', count: 4, sum: 520, avg: 130, min: 100, max: 160 },
      { start: '2026-11-19T09:00:00.000Z', count: 2, sum: 120, avg: 60, min: 50, max: 70 },
    ]);
    // Heart rate keeps its own (default) order.
    const latest = await stack.gql(LATEST, { types: ['HEART_RATE'] }, { token: user.token });
    expect(latest.data.me.latestHealthMetrics[0]).toMatchObject({ value: 75, source: 'GARMIN' });

    // A retracted phone sample hands its slot to the next source in line: 08:00 goes to the watch.
    await sync(user, {
      source: 'APPLE_HEALTH',
      anchor: 'p1',
      nextAnchor: 'p2',
      deletedSourceRecordIds: ['P0800'],
    });
    expect((await series(user, DAY_FROM, DAY_TO))[0]).toEqual({
      start: '2026-11-19T08:00:00.000Z',
      count: 5,
      sum: 545,
      avg: 109,
      min: 15,
      max: 160,
    });

    const duplicate = await stack.gql(
      PRIORITY,
      { type: 'STEPS', sources: ['GARMIN', 'GARMIN'] },
      { token: user.token },
    );
    expect(duplicate.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sources' });
    const reset = await stack.gql(PRIORITY, { type: 'STEPS', sources: [] }, { token: user.token });
    expect(reset.data.setHealthSourcePriority.isDefault).toBe(true);
    expect((await series(user, DAY_FROM, DAY_TO))[0].sum).toBe(125 + 120 + 150 + 160);
  });

  it('merges in the one statement a series takes', async () => {
    const users = [await stack.signUp()];
    await phoneAndWatch(users[0]!);
    await stack.gql('{ me { id } }', {}, { token: users[0]!.token });
    const { result, used } = await stack.quiet(async () => {
      const before = stack.statements();
      const response = await stack.gql(
        `{ me { healthSeries(metricType: STEPS, from: "${DAY_FROM}", to: "${DAY_TO}", bucket: DAY, timeZone: "UTC") { sum } } }`,
        {},
        { token: users[0]!.token },
      );
      return { result: response, used: stack.statements() - before };
    });
    expect(result.data.me.healthSeries).toEqual([{ sum: 675 }]);
    // identity's `me`, then the merged series.
    expect(used).toBe(2);
  });
});
