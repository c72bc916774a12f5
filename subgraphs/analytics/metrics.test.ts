import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../kit/db.js';
import { workoutCompletedPayload } from '../../testkit/events.js';
import { MAX_EVENT_TYPES } from './metrics.js';
import { eventually, startTestStack, type TestStack, type TestUser } from '../../testkit/stack.js';

/**
 * A fixture timeline with known answers (UTC; weeks start on Monday 2025-03-03 and 2025-03-10):
 *   u1 signs up Mon 03-03, works out 03-04, views a screen 03-10 (client event), works out 03-24
 *   u2 signs up Wed 03-05, works out 03-12
 *   u3 signs up Tue 03-11, works out 03-18 and 03-25
 *   u4 signs up Wed 03-12, nothing else
 */
let stack: TestStack;
let admin: TestUser;
const u: TestUser[] = [];

const at = (iso: string) => new Date(`${iso}Z`);

async function workout(user: TestUser, when: string) {
  await stack.runtime.bus.publish({
    id: randomUUID(),
    type: 'workout.completed',
    source: 'test',
    occurredAt: at(when).toISOString(),
    payload: workoutCompletedPayload(user.id, at(when)),
  });
}

const METRICS = `query($from: Date!, $to: Date!, $period: ActivePeriod!, $types: [String!], $weeks: Int) {
  productMetrics(from: $from, to: $to) {
    activeUsers(period: $period) { date activeUsers }
    eventCounts(eventTypes: $types) { date eventType count }
    weeklyRetention(weeks: $weeks) { weekStart size weeks { week activeUsers rate } }
  }
}`;

async function metrics(from: string, to: string, period: string, extra: Record<string, unknown> = {}) {
  const result = await stack.gql(METRICS, { from, to, period, weeks: 4, ...extra }, { token: admin.token });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data.productMetrics;
}

beforeAll(async () => {
  stack = await startTestStack();
  for (const when of [
    '2025-03-03T10:00:00',
    '2025-03-05T10:00:00',
    '2025-03-11T10:00:00',
    '2025-03-12T10:00:00',
  ]) {
    stack.clock.set(at(when));
    u.push(await stack.signUp());
  }
  await workout(u[0]!, '2025-03-04T18:00:00');
  await workout(u[0]!, '2025-03-24T07:00:00');
  await workout(u[1]!, '2025-03-12T19:00:00');
  await workout(u[2]!, '2025-03-18T06:30:00');
  await workout(u[2]!, '2025-03-25T23:59:59');
  stack.clock.set(at('2025-03-10T12:00:00'));
  const tracked = await stack.gql(
    `mutation($events: [AnalyticsEventInput!]!) { trackEvents(events: $events) { accepted } }`,
    { events: [{ clientEventId: randomUUID(), eventType: 'screen_view', source: 'IOS' }] },
    { token: u[0]!.token },
  );
  expect(tracked.data.trackEvents.accepted).toBe(1);
  // The admin arrives after the timeline, so its signup and sign-in fall outside it.
  stack.clock.set(at('2025-05-01T00:00:00'));
  admin = await stack.makeAdmin(await stack.signUp());
  await stack.flushEvents();
  // With Redis the bus delivers asynchronously: 5 workouts, 5 signups and the admin's login.
  await eventually(async () => {
    const [n] = await rows<{ n: number }>(
      stack.runtime.database.db,
      sql`select count(*)::int as n from analytics.analytics_events where source = 'server'`,
    );
    expect(n!.n).toBe(11);
  });
});
afterAll(async () => {
  await stack?.stop();
});

const EXPECTED_DAU = [
  ['2025-03-03', 1],
  ['2025-03-04', 1],
  ['2025-03-05', 1],
  ['2025-03-06', 0],
  ['2025-03-07', 0],
  ['2025-03-08', 0],
  ['2025-03-09', 0],
  ['2025-03-10', 1],
  ['2025-03-11', 1],
  ['2025-03-12', 2],
  ['2025-03-13', 0],
].map(([date, activeUsers]) => ({ date, activeUsers }));

const EXPECTED_RETENTION = [
  {
    weekStart: '2025-03-03',
    size: 2,
    weeks: [
      { week: 0, activeUsers: 2, rate: 1 },
      { week: 1, activeUsers: 2, rate: 1 },
      { week: 2, activeUsers: 0, rate: 0 },
      { week: 3, activeUsers: 1, rate: 0.5 },
    ],
  },
  {
    weekStart: '2025-03-10',
    size: 2,
    weeks: [
      { week: 0, activeUsers: 2, rate: 1 },
      { week: 1, activeUsers: 1, rate: 0.5 },
      { week: 2, activeUsers: 1, rate: 0.5 },
      { week: 3, activeUsers: 0, rate: 0 },
    ],
  },
];

async function snapshot() {
  const day = await metrics('2025-03-03', '2025-03-13', 'DAY');
  const week = await metrics('2025-03-09', '2025-03-13', 'WEEK');
  const month = await metrics('2025-03-25', '2025-03-25', 'MONTH');
  return { day, week, month };
}

describe('product metrics on a fixture timeline', () => {
  it('daily, weekly and monthly active users', async () => {
    const { day, week, month } = await snapshot();
    expect(day.activeUsers).toEqual(EXPECTED_DAU);
    expect(week.activeUsers).toEqual([
      { date: '2025-03-09', activeUsers: 2 },
      { date: '2025-03-10', activeUsers: 2 },
      { date: '2025-03-11', activeUsers: 3 },
      { date: '2025-03-12', activeUsers: 4 },
      { date: '2025-03-13', activeUsers: 4 },
    ]);
    expect(month.activeUsers).toEqual([{ date: '2025-03-25', activeUsers: 4 }]);
  });

  it('event counts by type per day', async () => {
    const all = await metrics('2025-03-03', '2025-03-12', 'DAY');
    expect(all.eventCounts).toEqual([
      { date: '2025-03-03', eventType: 'signup', count: 1 },
      { date: '2025-03-04', eventType: 'workout_complete', count: 1 },
      { date: '2025-03-05', eventType: 'signup', count: 1 },
      { date: '2025-03-10', eventType: 'screen_view', count: 1 },
      { date: '2025-03-11', eventType: 'signup', count: 1 },
      { date: '2025-03-12', eventType: 'signup', count: 1 },
      { date: '2025-03-12', eventType: 'workout_complete', count: 1 },
    ]);
    const workouts = await metrics('2025-03-01', '2025-03-31', 'DAY', { types: ['workout_complete'] });
    expect(workouts.eventCounts.map((c: { date: string }) => c.date)).toEqual([
      '2025-03-04',
      '2025-03-12',
      '2025-03-18',
      '2025-03-24',
      '2025-03-25',
    ]);
  });

  it('reports at most MAX_EVENT_TYPES types: more in the range without eventTypes is BAD_USER_INPUT', async () => {
    const db = stack.runtime.database.db;
    const types = Array.from({ length: MAX_EVENT_TYPES + 1 }, (_, i) => `bounded_type_${i}`);
    for (const type of types) {
      await db.execute(
        sql`insert into analytics.analytics_events (event_type, source, created_at) values (${type}, 'web', '2025-02-10T10:00:00Z')`,
      );
    }
    const all = await stack.gql(
      `query { productMetrics(from: "2025-02-10", to: "2025-02-10") { eventCounts { eventType } } }`,
      {},
      { token: admin.token },
    );
    expect(all.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'eventTypes' });
    const named = await metrics('2025-02-10', '2025-02-10', 'DAY', {
      types: types.slice(0, MAX_EVENT_TYPES),
    });
    expect(named.eventCounts).toHaveLength(MAX_EVENT_TYPES);
  });

  it('retention of weekly signup cohorts', async () => {
    const march = await metrics('2025-03-03', '2025-03-16', 'DAY');
    expect(march.weeklyRetention).toEqual(EXPECTED_RETENTION);
    // A range inside the second week still reports that whole signup week.
    const second = await metrics('2025-03-12', '2025-03-12', 'DAY', { weeks: 2 });
    expect(second.weeklyRetention).toEqual([
      { ...EXPECTED_RETENTION[1], weeks: EXPECTED_RETENTION[1]!.weeks.slice(0, 2) },
    ]);
  });

  it('refuses bad ranges', async () => {
    for (const [from, to] of [
      ['2025-03-10', '2025-03-01'],
      ['2024-01-01', '2025-03-01'],
    ]) {
      const result = await stack.gql(METRICS, { from, to, period: 'DAY' }, { token: admin.token });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const weeks = await stack.gql(
      METRICS,
      { from: '2025-03-01', to: '2025-03-02', period: 'DAY', weeks: 27 },
      {
        token: admin.token,
      },
    );
    expect(weeks.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('user.deleted', () => {
  it('anonymizes the events, drops the memberships, and leaves every aggregate as it was', async () => {
    const created = await stack.gql(
      `mutation($d: JSONObject!) { createCohort(name: "March signups", definition: $d) { id userCount } }`,
      { d: { signupDate: { from: '2025-03-01', to: '2025-03-31' } } },
      { token: admin.token },
    );
    const cohortId = created.data.createCohort.id;
    expect(created.data.createCohort.userCount).toBe(4);
    const before = await snapshot();
    const retentionBefore = (await metrics('2025-03-03', '2025-03-16', 'DAY')).weeklyRetention;

    const deleted = {
      id: randomUUID(),
      type: 'user.deleted',
      source: 'identity',
      occurredAt: new Date().toISOString(),
      payload: { userId: u[0]!.id, deletedAt: new Date().toISOString() },
    };
    await stack.runtime.bus.publish(deleted);
    await stack.runtime.bus.publish(deleted); // redelivered
    const second = randomUUID();
    await stack.runtime.bus.publish({ ...deleted, id: second }); // sent twice
    await stack.flushEvents();

    const db = stack.runtime.database.db;
    await eventually(async () => {
      const left = await rows<{ n: number }>(
        db,
        sql`select count(*)::int as n from analytics.analytics_events where user_id = ${u[0]!.id}::uuid`,
      );
      expect(left[0]!.n).toBe(0);
      const marks = await rows<{ n: number }>(
        db,
        sql`select count(*)::int as n from analytics.processed_events where event_id in (${deleted.id}::uuid, ${second}::uuid)`,
      );
      expect(marks[0]!.n).toBe(2);
    });
    const stand_ins = await rows<{ ids: number; n: number }>(
      db,
      sql`select count(distinct anonymous_id)::int as ids, count(*)::int as n from analytics.analytics_events where anonymous_id is not null`,
    );
    // u1's four events (signup, two workouts, a screen view) under one random id.
    expect(stand_ins[0]).toEqual({ ids: 1, n: 4 });
    const memberships = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from analytics.cohort_memberships where user_id = ${u[0]!.id}::uuid`,
    );
    expect(memberships[0]!.n).toBe(0);
    const profile = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from analytics.user_profiles where user_id = ${u[0]!.id}::uuid`,
    );
    expect(profile[0]!.n).toBe(0);

    const cohort = await stack.gql(
      `query($id: ID!) { cohort(id: $id) { userCount members { nodes { id } } } }`,
      { id: cohortId },
      { token: admin.token },
    );
    expect(cohort.data.cohort.userCount).toBe(3);
    expect(cohort.data.cohort.members.nodes.map((m: { id: string }) => m.id)).not.toContain(u[0]!.id);

    expect(await snapshot()).toEqual(before);
    expect((await metrics('2025-03-03', '2025-03-16', 'DAY')).weeklyRetention).toEqual(retentionBefore);
  });

  it('stores a late event about a deleted user without the id, and does not bring the profile back', async () => {
    const late = randomUUID();
    const publish = (id: string, type: string, payload: Record<string, unknown>) =>
      stack.runtime.bus.publish({
        id,
        type,
        source: 'test',
        occurredAt: '2025-06-01T10:00:00.000Z',
        payload,
      });
    await publish(
      late,
      'workout.completed',
      workoutCompletedPayload(u[0]!.id, new Date('2025-06-01T10:00:00Z')),
    );
    await publish(randomUUID(), 'user.profile_updated', {
      userId: u[0]!.id,
      updatedAt: '2025-06-01T10:00:00.000Z',
      gender: 'female',
    });
    await stack.flushEvents();
    const db = stack.runtime.database.db;
    const [row] = await eventually(async () => {
      const found = await rows<{ user_id: string | null }>(
        db,
        sql`select user_id from analytics.analytics_events where id = ${late}::uuid`,
      );
      expect(found).toHaveLength(1);
      return found;
    });
    expect(row!.user_id).toBeNull();
    const profile = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from analytics.user_profiles where user_id = ${u[0]!.id}::uuid`,
    );
    expect(profile[0]!.n).toBe(0);
  });
});
