import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../kit/db.js';
import { eventually, startTestStack, type TestStack, type TestUser } from '../testkit/stack.js';

/**
 * A user's days follow their time zone: set at sign-up, editable, and carried to training, whose
 * habit days, "today" and streaks use it (kit/time-zones.ts).
 */
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

const ME = '{ me { id timeZone } }';
const UPDATE = 'mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { timeZone } }';
const CREATE_HABIT = 'mutation($input: CreateHabitInput!) { createHabit(input: $input) { id } }';
const LOG = 'mutation($input: LogHabitInput!) { logHabit(input: $input) { loggedDate } }';
const STREAKS = 'query($id: ID!) { habit(id: $id) { currentStreak bestStreak } }';

const codeOf = (result: { errors?: { extensions?: { code?: string; field?: string } }[] }) =>
  result.errors?.[0]?.extensions?.code;

/** Waits until a subgraph's copy holds the user's zone (events travel through the bus). */
async function copyKnowsZone(user: TestUser, zone: string, schema: 'training' | 'health' = 'training') {
  await stack.flushEvents();
  await eventually(async () => {
    const found = await rows<{ time_zone: string }>(
      stack.runtime.database.db,
      sql`select time_zone from ${sql.identifier(schema)}.user_time_zones where user_id = ${user.id}`,
    );
    expect(found[0]?.time_zone).toBe(zone);
  });
}
const trainingKnowsZone = (user: TestUser, zone: string) => copyKnowsZone(user, zone, 'training');

async function dailyHabit(user: TestUser): Promise<string> {
  const created = await stack.gql(
    CREATE_HABIT,
    { input: { name: 'Walk', frequencyPerWeek: 7 } },
    { token: user.token },
  );
  expect(created.errors).toBeUndefined();
  return created.data.createHabit.id;
}

describe('User.timeZone', () => {
  it('is UTC unless the client names one at sign-up, canonicalized, and editable', async () => {
    const plain = await stack.signUp();
    expect((await stack.gql(ME, {}, { token: plain.token })).data.me.timeZone).toBe('UTC');
    const berlin = await stack.signUp({ timeZone: 'europe/berlin' });
    expect((await stack.gql(ME, {}, { token: berlin.token })).data.me.timeZone).toBe('Europe/Berlin');
    const moved = await stack.gql(UPDATE, { input: { timeZone: 'Asia/Tokyo' } }, { token: berlin.token });
    expect(moved.data.updateProfile.timeZone).toBe('Asia/Tokyo');
  });

  it('refuses a zone that does not exist, or clearing it, as bad input', async () => {
    const user = await stack.signUp();
    expect(
      codeOf(await stack.gql(UPDATE, { input: { timeZone: 'Mars/Olympus_Mons' } }, { token: user.token })),
    ).toBe('BAD_USER_INPUT');
    const cleared = await stack.gql(UPDATE, { input: { timeZone: null } }, { token: user.token });
    expect(codeOf(cleared)).toBe('BAD_USER_INPUT');
    expect(cleared.errors?.[0]?.extensions?.field).toBe('input.timeZone');
  });
});

describe('habit days follow the owner’s zone', () => {
  it('counts a log of the local today for a user already on tomorrow’s date (UTC+14)', async () => {
    // 12:00 UTC on 30 November is 02:00 on 1 December in Kiritimati.
    stack.clock.set(new Date('2026-11-30T12:00:00Z'));
    const user = await stack.signUp({ timeZone: 'Pacific/Kiritimati' });
    await trainingKnowsZone(user, 'Pacific/Kiritimati');
    const habit = await dailyHabit(user);
    const logged = await stack.gql(LOG, { input: { habitId: habit } }, { token: user.token });
    expect(logged.data.logHabit.loggedDate).toBe('2026-12-01');
    await stack.gql(LOG, { input: { habitId: habit, date: '2026-11-30' } }, { token: user.token });
    const streaks = await stack.gql(STREAKS, { id: habit }, { token: user.token });
    expect(streaks.data.habit).toEqual({ currentStreak: 2, bestStreak: 2 });
    const tooEarly = await stack.gql(
      LOG,
      { input: { habitId: habit, date: '2026-12-02' } },
      { token: user.token },
    );
    expect(codeOf(tooEarly)).toBe('BAD_USER_INPUT');
  });

  it('refuses a date that is today in UTC but still tomorrow for a user west of it', async () => {
    // 05:00 UTC on 1 December is 21:00 on 30 November in Los Angeles.
    stack.clock.set(new Date('2026-12-01T05:00:00Z'));
    const user = await stack.signUp({ timeZone: 'America/Los_Angeles' });
    await trainingKnowsZone(user, 'America/Los_Angeles');
    const habit = await dailyHabit(user);
    const early = await stack.gql(
      LOG,
      { input: { habitId: habit, date: '2026-12-01' } },
      { token: user.token },
    );
    expect(codeOf(early)).toBe('BAD_USER_INPUT');
    const today = await stack.gql(LOG, { input: { habitId: habit } }, { token: user.token });
    expect(today.data.logHabit.loggedDate).toBe('2026-11-30');
    expect((await stack.gql(STREAKS, { id: habit }, { token: user.token })).data.habit.currentStreak).toBe(1);
  });

  it('moves "today" when the user changes zone', async () => {
    stack.clock.set(new Date('2026-11-30T12:00:00Z'));
    const user = await stack.signUp();
    const habit = await dailyHabit(user);
    expect(
      (await stack.gql(LOG, { input: { habitId: habit } }, { token: user.token })).data.logHabit.loggedDate,
    ).toBe('2026-11-30');
    await stack.gql(UPDATE, { input: { timeZone: 'Pacific/Kiritimati' } }, { token: user.token });
    await trainingKnowsZone(user, 'Pacific/Kiritimati');
    expect(
      (await stack.gql(LOG, { input: { habitId: habit } }, { token: user.token })).data.logHabit.loggedDate,
    ).toBe('2026-12-01');
  });
});

describe('health series in local days', () => {
  const RECORD = `mutation($input: [HealthMetricInput!]!) { recordHealthMetrics(input: $input) { accepted } }`;
  const SERIES = `query($type: HealthMetricType!, $days: LocalDateRange, $from: DateTime, $to: DateTime, $empty: Boolean) {
    me { healthSeries(metricType: $type, days: $days, from: $from, to: $to, bucket: DAY, includeEmpty: $empty) {
      start count sum avg min max
    } }
  }`;
  const sample = (metricType: string, value: number, unit: string, recordedAt: string) => ({
    metricType,
    value,
    unit,
    recordedAt,
  });

  it('buckets whole local days on the user’s own calendar, with empty days when asked', async () => {
    stack.clock.set(new Date('2026-12-01T12:00:00Z'));
    const user = await stack.signUp({ timeZone: 'Europe/Berlin' });
    await copyKnowsZone(user, 'Europe/Berlin', 'health');
    const recorded = await stack.gql(
      RECORD,
      {
        input: [
          // 23:30 UTC on 27 November is already 28 November in Berlin.
          sample('STEPS', 1000, 'count', '2026-11-27T23:30:00Z'),
          sample('STEPS', 500, 'count', '2026-11-28T10:00:00Z'),
          sample('STEPS', 700, 'count', '2026-11-30T22:59:00Z'),
          sample('HEART_RATE', 60, 'bpm', '2026-11-28T10:00:00Z'),
        ],
      },
      { token: user.token },
    );
    expect(recorded.data.recordHealthMetrics.accepted).toBe(4);
    const days = { from: '2026-11-28', to: '2026-11-30' };
    const steps = await stack.gql(SERIES, { type: 'STEPS', days, empty: true }, { token: user.token });
    expect(steps.errors).toBeUndefined();
    expect(steps.data.me.healthSeries.map((p: any) => [p.start, p.count, p.sum])).toEqual([
      ['2026-11-27T23:00:00.000Z', 2, 1500],
      ['2026-11-28T23:00:00.000Z', 0, 0],
      ['2026-11-29T23:00:00.000Z', 1, 700],
    ]);
    const sparse = await stack.gql(SERIES, { type: 'STEPS', days }, { token: user.token });
    expect(sparse.data.me.healthSeries).toHaveLength(2);
    const heart = await stack.gql(SERIES, { type: 'HEART_RATE', days, empty: true }, { token: user.token });
    expect(heart.data.me.healthSeries[1]).toEqual({
      start: '2026-11-28T23:00:00.000Z',
      count: 0,
      sum: null,
      avg: null,
      min: null,
      max: null,
    });
  });

  it('asks for either instants or days, and days in order', async () => {
    const user = await stack.signUp();
    const both = await stack.gql(
      SERIES,
      {
        type: 'STEPS',
        days: { from: '2026-11-01', to: '2026-11-02' },
        from: '2026-11-01T00:00:00Z',
        to: '2026-11-02T00:00:00Z',
      },
      { token: user.token },
    );
    expect(codeOf(both)).toBe('BAD_USER_INPUT');
    expect(codeOf(await stack.gql(SERIES, { type: 'STEPS' }, { token: user.token }))).toBe('BAD_USER_INPUT');
    const backwards = await stack.gql(
      SERIES,
      { type: 'STEPS', days: { from: '2026-11-05', to: '2026-11-01' } },
      { token: user.token },
    );
    expect(codeOf(backwards)).toBe('BAD_USER_INPUT');
    expect(backwards.errors?.[0]?.extensions?.field).toBe('days.to');
  });
});
