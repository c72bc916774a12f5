import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCheckViolation, rows } from '../../kit/db.js';
import { startTestStack, type TestStack, type TestUser } from '../../testkit/stack.js';
import { healthIntegrations, tokenRevocations } from './tables.js';

const CREATE = `mutation($input: CreateHealthGoalInput!) {
  createHealthGoal(input: $input) { id metricType targetValue unit startDate endDate isActive progress { currentValue percent onTrack } }
}`;
const GOALS = `query($activeOnly: Boolean, $first: Int, $after: String) {
  me { healthGoals(activeOnly: $activeOnly, first: $first, after: $after) {
    nodes { id targetValue isActive progress { currentValue percent onTrack } }
    pageInfo { hasNextPage endCursor }
  } }
}`;
const RECORD = `mutation($input: [HealthMetricInput!]!) { recordHealthMetrics(input: $input) { accepted errors { field } } }`;
const CONNECT = `mutation($input: ConnectHealthIntegrationInput!) {
  connectHealthIntegration(input: $input) { id provider isActive lastSyncAt }
}`;

/** A pulled provider's integration as completeHealthIntegration stores it (tokens encrypted). */
async function connectPulled(userId: string, provider: string, accessToken: string) {
  await stack.runtime.database.db.insert(healthIntegrations).values({
    userId,
    provider,
    accessTokenEncrypted: stack.runtime.secretBox.encrypt(accessToken),
    refreshTokenEncrypted: stack.runtime.secretBox.encrypt('refresh'),
  });
}

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
  stack.clock.set(new Date('2026-11-10T12:00:00Z'));
});
afterAll(async () => {
  await stack?.stop();
});

async function create(user: TestUser, input: Record<string, unknown>) {
  return stack.gql(CREATE, { input }, { token: user.token });
}

describe('goals', () => {
  it("counts a goal's days on the owner's calendar, not UTC's", async () => {
    // Tokyo is UTC+9: 00:30 on Nov 5 there is 15:30 on Nov 4 in UTC.
    const user = await stack.signUp({ timeZone: 'Asia/Tokyo' });
    await stack.flushEvents();
    const recorded = await stack.gql(
      RECORD,
      {
        input: [
          { metricType: 'STEPS', value: 3000, recordedAt: '2026-11-04T15:30:00Z' },
          // 23:30 on Nov 4 in Tokyo: the day before the goal starts.
          { metricType: 'STEPS', value: 7000, recordedAt: '2026-11-04T14:30:00Z' },
        ],
      },
      { token: user.token },
    );
    expect(recorded.data.recordHealthMetrics.accepted).toBe(2);
    const created = await create(user, {
      metricType: 'STEPS',
      targetValue: 12_000,
      startDate: '2026-11-05',
      endDate: '2026-11-16',
    });
    expect(created.errors).toBeUndefined();
    // Nov 10 12:00 UTC is Nov 10 21:00 in Tokyo: day 6 of 12, so the pace asks for 6,000.
    expect(created.data.createHealthGoal.progress).toEqual({
      currentValue: 3000,
      percent: 25,
      onTrack: false,
    });
  });

  it('creates, updates and deactivates a goal, with progress from the samples in its period', async () => {
    const user = await stack.signUp();
    await stack.gql(
      RECORD,
      {
        input: [
          { metricType: 'STEPS', value: 4000, unit: 'count', recordedAt: '2026-11-01T09:00:00Z' },
          { metricType: 'STEPS', value: 2000, unit: 'count', recordedAt: '2026-11-09T09:00:00Z' },
          { metricType: 'STEPS', value: 9999, unit: 'count', recordedAt: '2026-10-31T09:00:00Z' },
        ],
      },
      { token: user.token },
    );
    // 30-day goal of 30,000 steps; on Nov 10 (10 of 30 days) the pace asks for 10,000.
    const created = await create(user, {
      metricType: 'STEPS',
      targetValue: 30000,
      unit: 'count',
      startDate: '2026-11-01',
      endDate: '2026-11-30',
    });
    expect(created.errors).toBeUndefined();
    const goal = created.data.createHealthGoal;
    expect(goal).toMatchObject({
      metricType: 'STEPS',
      startDate: '2026-11-01',
      endDate: '2026-11-30',
      isActive: true,
      progress: { currentValue: 6000, percent: 20, onTrack: false },
    });
    const updated = await stack.gql(
      `mutation($id: ID!, $input: UpdateHealthGoalInput!) { updateHealthGoal(id: $id, input: $input) { targetValue endDate progress { percent onTrack } } }`,
      { id: goal.id, input: { targetValue: 15000, endDate: null } },
      { token: user.token },
    );
    expect(updated.data.updateHealthGoal).toEqual({
      targetValue: 15000,
      endDate: null,
      progress: { percent: 40, onTrack: false },
    });
    const deactivated = await stack.gql(
      `mutation($id: ID!) { deactivateHealthGoal(id: $id) { isActive } }`,
      { id: goal.id },
      { token: user.token },
    );
    expect(deactivated.data.deactivateHealthGoal.isActive).toBe(false);
    expect((await stack.gql(GOALS, {}, { token: user.token })).data.me.healthGoals.nodes).toEqual([]);
    const all = await stack.gql(GOALS, { activeOnly: false }, { token: user.token });
    expect(all.data.me.healthGoals.nodes.map((g: any) => g.isActive)).toEqual([false]);
  });

  it('reports the latest level for weight goals, with no on-track verdict', async () => {
    const user = await stack.signUp();
    await stack.gql(
      RECORD,
      {
        input: [
          { metricType: 'WEIGHT', value: 82, unit: 'kg', recordedAt: '2026-11-02T07:00:00Z' },
          { metricType: 'WEIGHT', value: 80, unit: 'kg', recordedAt: '2026-11-08T07:00:00Z' },
        ],
      },
      { token: user.token },
    );
    const goal = await create(user, {
      metricType: 'WEIGHT',
      targetValue: 75,
      unit: 'kg',
      startDate: '2026-11-01',
    });
    expect(goal.data.createHealthGoal.progress).toEqual({ currentValue: 80, percent: 106.67, onTrack: null });
  });

  it('keeps a fractional weight target (72.5 kg) and stores the unit when it is left out', async () => {
    const user = await stack.signUp();
    const created = await create(user, { metricType: 'WEIGHT', targetValue: 72.5, startDate: '2026-11-01' });
    expect(created.errors).toBeUndefined();
    expect(created.data.createHealthGoal).toMatchObject({
      metricType: 'WEIGHT',
      targetValue: 72.5,
      unit: 'kg',
    });
    const read = await stack.gql(GOALS, {}, { token: user.token });
    expect(read.data.me.healthGoals.nodes[0].targetValue).toBe(72.5);
    const [row] = await rows<{ target_value: string; unit: string }>(
      stack.runtime.database.db,
      sql`select target_value::text, unit from health.health_goals where id = ${created.data.createHealthGoal.id}::uuid`,
    );
    expect(row).toEqual({ target_value: '72.50', unit: 'kg' });

    const UPDATE = `mutation($id: ID!, $input: UpdateHealthGoalInput!) { updateHealthGoal(id: $id, input: $input) { targetValue unit } }`;
    const update = (input: Record<string, unknown>) =>
      stack.gql(UPDATE, { id: created.data.createHealthGoal.id, input }, { token: user.token });
    expect((await update({ targetValue: 70.25, unit: 'kg' })).data.updateHealthGoal).toEqual({
      targetValue: 70.25,
      unit: 'kg',
    });
    const wrongUnit = await update({ targetValue: 160, unit: 'lb' });
    expect(wrongUnit.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.unit' });
    expect(wrongUnit.errors?.[0]?.message).toBe(
      'WEIGHT goals are set in kg, not "lb"; send kg or leave unit out.',
    );
    const tooPrecise = await update({ targetValue: 70.125 });
    expect(tooPrecise.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.targetValue',
    });
    expect((await stack.gql(GOALS, {}, { token: user.token })).data.me.healthGoals.nodes[0].targetValue).toBe(
      70.25,
    );
  });

  it('limits targets per metric type: whole counts, two decimals for weight, a ceiling for levels', async () => {
    const user = await stack.signUp();
    const target = async (metricType: string, targetValue: number) => {
      const result = await create(user, { metricType, targetValue, startDate: '2026-11-01' });
      return result.errors ? result.errors[0]!.extensions : result.data.createHealthGoal.targetValue;
    };
    const refused = { code: 'BAD_USER_INPUT', field: 'input.targetValue' };
    expect(await target('STEPS', 10000)).toBe(10000);
    expect(await target('STEPS', 1_000_000_000)).toBe(1_000_000_000);
    expect(await target('STEPS', 10000.5)).toMatchObject(refused);
    expect(await target('STEPS', 1_000_000_001)).toMatchObject(refused);
    expect(await target('SLEEP', 450.5)).toMatchObject(refused);
    expect(await target('HEART_RATE', 60)).toBe(60);
    expect(await target('HEART_RATE', 301)).toMatchObject(refused);
    expect(await target('WEIGHT', 0.01)).toBe(0.01);
    expect(await target('WEIGHT', 72.55)).toBe(72.55);
    expect(await target('WEIGHT', 72.555)).toMatchObject(refused);
    expect(await target('WEIGHT', 1000)).toBe(1000);
    expect(await target('WEIGHT', 1000.01)).toMatchObject(refused);
    expect(await target('WEIGHT', 0)).toMatchObject(refused);
    expect(await target('WEIGHT', -70)).toMatchObject(refused);
    expect(await target('STEPS', 5e-324)).toMatchObject(refused);
    expect(await target('WEIGHT', 0.001)).toMatchObject(refused);
    const message = await create(user, {
      metricType: 'WEIGHT',
      targetValue: 72.555,
      startDate: '2026-11-01',
    });
    expect(message.errors?.[0]?.message).toBe(
      'A WEIGHT target is a number with at most 2 decimals of kg, above 0 and at most 1,000.',
    );
  });

  it('validates unit, target and period, and hides other users’ goals', async () => {
    const user = await stack.signUp();
    const other = await stack.signUp();
    const cases = [
      { metricType: 'STEPS', targetValue: 100, unit: 'km', startDate: '2026-11-01' },
      { metricType: 'STEPS', targetValue: 0, unit: 'count', startDate: '2026-11-01' },
      {
        metricType: 'STEPS',
        targetValue: 100,
        unit: 'count',
        startDate: '2026-11-05',
        endDate: '2026-11-01',
      },
    ];
    for (const input of cases) {
      expect((await create(user, input)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const goal = (
      await create(user, { metricType: 'SLEEP', targetValue: 480, unit: 'min', startDate: '2026-11-01' })
    ).data.createHealthGoal;
    for (const id of [goal.id, randomUUID()]) {
      const result = await stack.gql(
        `mutation($id: ID!) { deactivateHealthGoal(id: $id) { id } }`,
        { id },
        { token: other.token },
      );
      expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    // An id that is not a UUID names nothing and reveals nothing: the gateway refuses it as bad input.
    const malformed = await stack.gql(
      `mutation($id: ID!) { deactivateHealthGoal(id: $id) { id } }`,
      { id: 'not-a-uuid' },
      { token: other.token },
    );
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('keeps goal dates in a sane window: from 2000-01-01, at most 10 years long and 10 years ahead', async () => {
    const user = await stack.signUp();
    const goal = (startDate: string, endDate?: string | null) =>
      create(user, { metricType: 'STEPS', targetValue: 100, unit: 'count', startDate, endDate });
    for (const [startDate, endDate, field] of [
      ['1999-12-31', null, 'input.startDate'],
      ['0001-01-01', '2026-12-01', 'input.startDate'],
      ['2036-11-11', null, 'input.startDate'],
      ['9999-01-01', null, 'input.startDate'],
      ['2026-11-01', '2036-11-02', 'input.endDate'],
      ['2000-01-01', '9999-12-31', 'input.endDate'],
    ] as const) {
      const result = await goal(startDate, endDate);
      expect(result.errors?.[0]?.extensions, `${startDate}..${endDate}`).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
    }
    const widest = await goal('2026-11-01', '2036-11-01');
    expect(widest.errors).toBeUndefined();
    expect((await goal('2000-01-01', '2009-12-31')).errors).toBeUndefined();
    expect((await goal('2036-11-10')).errors).toBeUndefined();

    const UPDATE = `mutation($id: ID!, $input: UpdateHealthGoalInput!) { updateHealthGoal(id: $id, input: $input) { id } }`;
    const id = widest.data.createHealthGoal.id;
    for (const [input, field] of [
      [{ startDate: '1999-01-01' }, 'input.startDate'],
      [{ startDate: '2026-10-31' }, 'input.endDate'],
      [{ endDate: '2040-01-01' }, 'input.endDate'],
    ] as const) {
      const result = await stack.gql(UPDATE, { id, input }, { token: user.token });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }

    // Written directly with SQL, bypassing the API: the database holds the same window.
    const insert = (startDate: string, endDate: string | null) =>
      stack.runtime.database
        .exec(
          `INSERT INTO health.health_goals (user_id, metric_type, target_value, unit, start_date, end_date)
           VALUES ('${user.id}', 'steps', 100, 'count', '${startDate}', ${endDate ? `'${endDate}'` : 'NULL'})`,
        )
        .then(
          () => null,
          (error: unknown) => error,
        );
    expect(isCheckViolation(await insert('1999-12-31', null), 'health_goals_dates_bounds')).toBe(true);
    expect(isCheckViolation(await insert('2026-11-01', '2036-11-02'), 'health_goals_dates_bounds')).toBe(
      true,
    );
    expect(isCheckViolation(await insert('2100-01-01', null), 'health_goals_dates_bounds')).toBe(true);
    expect(await insert('2000-01-01', '2010-01-01')).toBeNull();
  });

  it('pages goals newest first', async () => {
    const user = await stack.signUp();
    for (const target of [1, 2, 3]) {
      // The test clock stands still unless moved; goals made at one instant would tie.
      stack.clock.advance(1000);
      await create(user, {
        metricType: 'CALORIES',
        targetValue: target,
        unit: 'kcal',
        startDate: '2026-11-01',
      });
    }
    const first = await stack.gql(GOALS, { first: 2 }, { token: user.token });
    const page = first.data.me.healthGoals;
    expect(page.nodes.map((g: any) => g.targetValue)).toEqual([3, 2]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = await stack.gql(GOALS, { first: 2, after: page.pageInfo.endCursor }, { token: user.token });
    expect(next.data.me.healthGoals.nodes.map((g: any) => g.targetValue)).toEqual([1]);
    expect(next.data.me.healthGoals.pageInfo.hasNextPage).toBe(false);
  });
  it('pages goals created at the same instant without losing or repeating one', async () => {
    const user = await stack.signUp();
    for (const target of [1, 2, 3]) {
      await create(user, { metricType: 'SLEEP', targetValue: target, unit: 'min', startDate: '2026-11-01' });
    }
    const seen: number[] = [];
    let after: string | null = null;
    for (let i = 0; i < 4; i++) {
      const result: { data?: any } = await stack.gql(GOALS, { first: 1, after }, { token: user.token });
      const page: any = result.data.me.healthGoals;
      seen.push(...page.nodes.map((g: any) => g.targetValue));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen.sort()).toEqual([1, 2, 3]);
  });
});

describe('integrations', () => {
  it('connects on-device providers without tokens; pulled ones only through the OAuth flow; disconnects and queues revocation', async () => {
    const user = await stack.signUp();
    const apple = await stack.gql(CONNECT, { input: { provider: 'APPLE_HEALTH' } }, { token: user.token });
    expect(apple.data.connectHealthIntegration).toMatchObject({ provider: 'APPLE_HEALTH', isActive: true });
    // Pulled providers connect through startHealthIntegration (wearables.test.ts); Fitbit not at all.
    for (const provider of ['GARMIN', 'GOOGLE_HEALTH', 'FITBIT']) {
      const refused = await stack.gql(CONNECT, { input: { provider } }, { token: user.token });
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.provider',
      });
    }
    // Raw tokens are not taken from clients any more.
    const tokens = await stack.gql(
      CONNECT,
      { input: { provider: 'GARMIN', accessToken: 'a', refreshToken: 'r' } },
      { token: user.token },
    );
    expect(tokens.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    await connectPulled(user.id, 'garmin', 'garmin-access-secret');
    const list = await stack.gql('{ me { healthIntegrations { provider } } }', {}, { token: user.token });
    expect(list.data.me.healthIntegrations.map((i: any) => i.provider).sort()).toEqual([
      'APPLE_HEALTH',
      'GARMIN',
    ]);

    const before = (await stack.runtime.database.db.select().from(tokenRevocations)).length;
    const disconnected = await stack.gql(
      'mutation { disconnectHealthIntegration(provider: GARMIN) }',
      {},
      { token: user.token },
    );
    expect(disconnected.data.disconnectHealthIntegration).toBe(true);
    const queued = await stack.runtime.database.db.select().from(tokenRevocations);
    expect(queued.length - before).toBe(1);
    expect(stack.runtime.secretBox.decrypt(queued.at(-1)!.accessTokenEncrypted!)).toBe(
      'garmin-access-secret',
    );
    const twice = await stack.gql(
      'mutation { disconnectHealthIntegration(provider: GARMIN) }',
      {},
      { token: user.token },
    );
    expect(twice.data.disconnectHealthIntegration).toBe(false);
    const after = await stack.gql('{ me { healthIntegrations { provider } } }', {}, { token: user.token });
    expect(after.data.me.healthIntegrations).toEqual([{ provider: 'APPLE_HEALTH' }]);
  });
});

describe('user.deleted', () => {
  it('erases metrics, goals and integrations, queues token revocation, and is idempotent', async () => {
    const user = await stack.signUp();
    const keep = await stack.signUp();
    for (const u of [user, keep]) {
      await stack.gql(
        RECORD,
        { input: [{ metricType: 'STEPS', value: 1, unit: 'count', recordedAt: '2026-11-09T09:00:00Z' }] },
        { token: u.token },
      );
      await create(u, { metricType: 'STEPS', targetValue: 10, unit: 'count', startDate: '2026-11-01' });
      await connectPulled(u.id, 'garmin', `garmin-${u.id}`);
    }
    const revocationsBefore = (await stack.runtime.database.db.select().from(tokenRevocations)).length;
    const event = {
      id: randomUUID(),
      type: 'user.deleted',
      source: 'identity',
      occurredAt: new Date().toISOString(),
      payload: { userId: user.id, deletedAt: new Date().toISOString() },
    };
    await stack.runtime.bus.publish(event);
    await stack.runtime.bus.publish(event);
    await stack.flushEvents();
    const count = async (table: string, userId: string) =>
      (
        await rows<{ n: number }>(
          stack.runtime.database.db,
          sql`SELECT count(*)::int AS n FROM ${sql.raw(table)} WHERE user_id = ${userId}::uuid`,
        )
      )[0]!.n;
    const { eventually } = await import('../../testkit/stack.js');
    await eventually(async () => {
      for (const table of ['health.health_metrics', 'health.health_goals', 'health.health_integrations']) {
        expect(await count(table, user.id)).toBe(0);
        expect(await count(table, keep.id)).toBe(1);
      }
    });
    const queued = await stack.runtime.database.db.select().from(tokenRevocations);
    expect(queued.length - revocationsBefore).toBe(1);
    expect(stack.runtime.secretBox.decrypt(queued.at(-1)!.accessTokenEncrypted!)).toBe(`garmin-${user.id}`);
  });
});
