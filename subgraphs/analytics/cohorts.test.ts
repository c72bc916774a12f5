import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../kit/db.js';
import { workoutCompletedPayload } from '../../testkit/events.js';
import { eventually, startTestStack, type TestStack, type TestUser } from '../../testkit/stack.js';
import { refreshStaleCohorts } from './cohorts.js';

const CREATE = `mutation($name: String!, $definition: JSONObject!) {
  createCohort(name: $name, definition: $definition) { id name userCount computedAt members(first: 100) { nodes { id } totalCount } }
}`;
const REFRESH = `mutation($id: ID!) { refreshCohort(id: $id) { id userCount computedAt members(first: 100) { nodes { id } totalCount } } }`;

const DAY = 24 * 3600 * 1000;
const NOW = new Date('2026-06-15T12:00:00Z');
/** Only the fixture population signed up in 2026; the admin signed up before. */
const FIXTURE = { signupDate: { from: '2026-01-01' } };

let stack: TestStack;
let admin: TestUser;
const people: Record<'ana' | 'ben' | 'cid' | 'dee', TestUser> = {} as never;

async function signUpAt(at: string): Promise<TestUser> {
  stack.clock.set(new Date(at));
  return stack.signUp();
}

function publish(type: string, payload: Record<string, unknown>, occurredAt: Date) {
  return stack.runtime.bus.publish({
    id: randomUUID(),
    type,
    source: 'test',
    occurredAt: occurredAt.toISOString(),
    payload,
  });
}

/** A workout as training publishes it, with the properties the cohort rules below look at. */
const workout = (user: TestUser, daysAgo: number, data: Record<string, unknown> = {}) => {
  const at = new Date(NOW.getTime() - daysAgo * DAY);
  return publish('workout.completed', { ...workoutCompletedPayload(user.id, at), ...data }, at);
};

const profile = (user: TestUser, props: Record<string, unknown>) =>
  publish('user.profile_updated', { userId: user.id, updatedAt: NOW.toISOString(), ...props }, NOW);

beforeAll(async () => {
  stack = await startTestStack();
  admin = await signUpAt('2025-12-01T10:00:00Z');
  people.ana = await signUpAt('2026-01-10T09:00:00Z');
  people.ben = await signUpAt('2026-03-05T09:00:00Z');
  people.cid = await signUpAt('2026-05-20T09:00:00Z');
  people.dee = await signUpAt('2026-06-01T09:00:00Z');
  stack.clock.set(NOW);
  admin = await stack.makeAdmin(admin);
  const { ana, ben, cid, dee } = people;

  await profile(ana, { gender: 'Female', countryCode: 'DE', dateOfBirth: '1995-03-01' }); // 31
  await profile(ben, { gender: 'male', countryCode: 'FR', dateOfBirth: '1980-07-20' }); // 45
  await profile(cid, { gender: 'non-binary', countryCode: 'DE' }); // no date of birth
  await profile(dee, { gender: 'female', dateOfBirth: '2008-06-16' }); // 17, 18 tomorrow

  for (const daysAgo of [1, 3, 5, 10, 20])
    await workout(ana, daysAgo, { durationMinutes: 30, level: 'easy' });
  await workout(ana, 60, { durationMinutes: 30, level: 'easy' });
  await workout(ben, 2, { durationMinutes: 20, meta: { device: 'watch' } });
  await workout(cid, 4, { durationMinutes: 30, level: 'hard' });
  await workout(cid, 6, { durationMinutes: 45, level: 'hard' });
  await workout(cid, 8, { durationMinutes: 60, level: 'hard' });
  await stack.flushEvents();
  // With Redis the bus delivers asynchronously.
  await eventually(async () => {
    expect(await workoutCount()).toBe(10);
    expect(await profilesWithGender()).toBe(4);
  });
});

const count = async (query: ReturnType<typeof sql>) =>
  Number((await rows<{ n: number }>(stack.runtime.database.db, query))[0]!.n);
const workoutCount = () =>
  count(sql`select count(*)::int as n from analytics.analytics_events where event_type = 'workout_complete'`);
const profilesWithGender = () =>
  count(sql`select count(*)::int as n from analytics.user_profiles where gender is not null`);
afterAll(async () => {
  await stack?.stop();
});

async function membersOf(rule: Record<string, unknown>): Promise<string[]> {
  const result = await stack.gql(
    CREATE,
    { name: `cohort ${randomUUID()}`, definition: { and: [FIXTURE, rule] } },
    { token: admin.token },
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  const cohort = result.data.createCohort;
  expect(cohort.userCount).toBe(cohort.members.nodes.length);
  expect(cohort.members.totalCount).toBe(cohort.userCount);
  const names = Object.entries(people)
    .filter(([, user]) => cohort.members.nodes.some((m: { id: string }) => m.id === user.id))
    .map(([name]) => name);
  expect(names.length).toBe(cohort.members.nodes.length);
  return names.sort();
}

const workouts = (count: Record<string, number>, extra: Record<string, unknown> = {}) => ({
  event: { type: 'workout_complete', inLastDays: 30, ...count, ...extra },
});

describe('cohort rules on a fixture population', () => {
  it('behavioral: at least, at most, exactly N times in the last D days', async () => {
    expect(await membersOf(workouts({ atLeast: 3 }))).toEqual(['ana', 'cid']);
    expect(await membersOf(workouts({ atMost: 1 }))).toEqual(['ben', 'dee']);
    expect(await membersOf(workouts({ exactly: 3 }))).toEqual(['cid']);
    expect(await membersOf(workouts({ exactly: 0 }))).toEqual(['dee']);
    // The 60-day-old workout counts only in a longer window.
    expect(await membersOf(workouts({ exactly: 6 }, { inLastDays: 90 }))).toEqual(['ana']);
    // A window of D days ends now and excludes its start: ben's workout exactly 2 days ago is out of 2 days.
    expect(await membersOf(workouts({ atLeast: 1 }, { inLastDays: 2 }))).toEqual(['ana']);
    expect(await membersOf(workouts({ atLeast: 1 }, { inLastDays: 3 }))).toEqual(['ana', 'ben']);
  });

  it('behavioral with event_data property filters', async () => {
    const where = (...filters: unknown[]) => ({ where: filters });
    expect(
      await membersOf(workouts({ atLeast: 2 }, where({ property: 'durationMinutes', op: 'gte', value: 45 }))),
    ).toEqual(['cid']);
    expect(
      await membersOf(workouts({ atLeast: 2 }, where({ property: 'durationMinutes', op: 'gt', value: 45 }))),
    ).toEqual([]);
    expect(
      await membersOf(workouts({ atLeast: 1 }, where({ property: 'durationMinutes', op: 'gte', value: 45 }))),
    ).toEqual(['cid']);
    expect(
      await membersOf(workouts({ atLeast: 1 }, where({ property: 'durationMinutes', op: 'lt', value: 30 }))),
    ).toEqual(['ben']);
    expect(
      await membersOf(workouts({ exactly: 3 }, where({ property: 'level', op: 'eq', value: 'hard' }))),
    ).toEqual(['cid']);
    expect(
      await membersOf(
        workouts({ atLeast: 1 }, where({ property: 'level', op: 'in', value: ['hard', 'easy'] })),
      ),
    ).toEqual(['ana', 'cid']);
    expect(
      await membersOf(workouts({ atLeast: 1 }, where({ property: 'meta.device', op: 'eq', value: 'watch' }))),
    ).toEqual(['ben']);
    expect(await membersOf(workouts({ atLeast: 1 }, where({ property: 'level', op: 'exists' })))).toEqual([
      'ana',
      'cid',
    ]);
    expect(
      await membersOf(
        workouts(
          { atLeast: 1 },
          where(
            { property: 'level', op: 'neq', value: 'easy' },
            { property: 'durationMinutes', op: 'lte', value: 30 },
          ),
        ),
      ),
    ).toEqual(['ben', 'cid']);
  });

  it('user properties: signup date, age, gender, country', async () => {
    expect(await membersOf({ signupDate: { from: '2026-03-01', to: '2026-05-31' } })).toEqual(['ben', 'cid']);
    expect(await membersOf({ signupDate: { to: '2026-05-20' } })).toEqual(['ana', 'ben', 'cid']);
    expect(await membersOf({ age: { min: 18, max: 40 } })).toEqual(['ana']);
    expect(await membersOf({ age: { max: 17 } })).toEqual(['dee']);
    expect(await membersOf({ age: { min: 45 } })).toEqual(['ben']);
    expect(await membersOf({ gender: { in: ['FEMALE'] } })).toEqual(['ana', 'dee']);
    expect(await membersOf({ country: { in: ['DE'] } })).toEqual(['ana', 'cid']);
  });

  it('combinations: and, or, not, nested', async () => {
    expect(
      await membersOf({ and: [{ country: { in: ['DE'] } }, { not: workouts({ atLeast: 4 }) }] }),
    ).toEqual(['cid']);
    expect(await membersOf({ or: [{ gender: { in: ['male'] } }, { age: { max: 17 } }] })).toEqual([
      'ben',
      'dee',
    ]);
    // Unknown properties never match a rule, so their negation includes the user.
    expect(await membersOf({ not: { country: { in: ['DE'] } } })).toEqual(['ben', 'dee']);
    expect(
      await membersOf({
        or: [
          { and: [{ gender: { in: ['female'] } }, workouts({ atLeast: 1 })] },
          { and: [{ country: { in: ['FR'] } }, { not: { age: { max: 30 } } }] },
        ],
      }),
    ).toEqual(['ana', 'ben']);
  });
});

describe('cohort lifecycle', () => {
  it('refreshes on demand, updates, pages members and resolves them through identity', async () => {
    const created = await stack.gql(
      CREATE,
      { name: 'Regulars', definition: { and: [FIXTURE, workouts({ atLeast: 3 })] } },
      { token: admin.token },
    );
    const cohort = created.data.createCohort;
    expect(cohort.userCount).toBe(2);
    expect(new Date(cohort.computedAt).toISOString()).toBe(NOW.toISOString());

    for (const daysAgo of [1, 2]) await workout(people.ben, daysAgo);
    await stack.flushEvents();
    await eventually(async () => expect(await workoutCount()).toBe(12));
    // Membership is a snapshot until refreshed.
    const before = await stack.gql(
      `query($id: ID!) { cohort(id: $id) { userCount } }`,
      { id: cohort.id },
      {
        token: admin.token,
      },
    );
    expect(before.data.cohort.userCount).toBe(2);
    stack.clock.advance(60_000);
    const refreshed = await stack.gql(REFRESH, { id: cohort.id }, { token: admin.token });
    expect(refreshed.data.refreshCohort.userCount).toBe(3);
    expect(refreshed.data.refreshCohort.members.nodes.map((m: { id: string }) => m.id).sort()).toEqual(
      [people.ana.id, people.ben.id, people.cid.id].sort(),
    );

    const page1 = await stack.gql(
      `query($id: ID!) { cohort(id: $id) { members(first: 2) { nodes { id username } pageInfo { hasNextPage endCursor } totalCount } } }`,
      { id: cohort.id },
      { token: admin.token },
    );
    const first = page1.data.cohort.members.nodes;
    expect(first).toHaveLength(2);
    expect(page1.data.cohort.members.totalCount).toBe(3);
    expect(page1.data.cohort.members.pageInfo.hasNextPage).toBe(true);
    expect(first.every((m: { username: string }) => m.username.startsWith('user_'))).toBe(true);
    const page2 = await stack.gql(
      `query($id: ID!, $after: String) { cohort(id: $id) { members(first: 2, after: $after) { nodes { id } totalCount } } }`,
      { id: cohort.id, after: page1.data.cohort.members.pageInfo.endCursor },
      { token: admin.token },
    );
    expect(page2.data.cohort.members.nodes).toHaveLength(1);
    // The count is the list's, not what is left after the cursor.
    expect(page2.data.cohort.members.totalCount).toBe(3);

    const updated = await stack.gql(
      `mutation($id: ID!, $definition: JSONObject) { updateCohort(id: $id, definition: $definition) { name userCount } }`,
      { id: cohort.id, definition: { and: [FIXTURE, { country: { in: ['FR'] } }] } },
      { token: admin.token },
    );
    expect(updated.data.updateCohort).toEqual({ name: 'Regulars', userCount: 1 });

    const taken = await stack.gql(CREATE, { name: 'regulars', definition: FIXTURE }, { token: admin.token });
    expect(taken.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('lists cohorts newest first with pages, loading members in one query per page', async () => {
    const page = await stack.gql(
      `{ cohorts(first: 3) { nodes { id name } pageInfo { hasNextPage endCursor } } }`,
      {},
      {
        token: admin.token,
      },
    );
    expect(page.data.cohorts.nodes).toHaveLength(3);
    expect(page.data.cohorts.pageInfo.hasNextPage).toBe(true);
    const next = await stack.gql(
      `query($after: String) { cohorts(first: 3, after: $after) { nodes { id } } }`,
      { after: page.data.cohorts.pageInfo.endCursor },
      { token: admin.token },
    );
    const seen = new Set(page.data.cohorts.nodes.map((n: { id: string }) => n.id));
    expect(next.data.cohorts.nodes.some((n: { id: string }) => seen.has(n.id))).toBe(false);

    // Counted with every subgraph's background work paused (it shares the statement counter):
    // one page of cohorts, one batch of members and one grouped count of them, not a query per cohort.
    const { members, used } = await stack.quiet(async () => {
      const before = stack.statements();
      const result = await stack.gql(
        `{ cohorts(first: 20) { nodes { userCount members(first: 5) { nodes { id } totalCount } } } }`,
        {},
        { token: admin.token },
      );
      return { members: result, used: stack.statements() - before };
    });
    expect(members.errors).toBeUndefined();
    expect(members.data.cohorts.nodes.length).toBeGreaterThanOrEqual(10);
    for (const node of members.data.cohorts.nodes) expect(node.members.totalCount).toBe(node.userCount);
    expect(used).toBeLessThanOrEqual(4);
  });

  it('the scheduled refresh recomputes cohorts computed too long ago', async () => {
    const created = await stack.gql(
      CREATE,
      { name: 'Scheduled', definition: { and: [FIXTURE, workouts({ atLeast: 1 }, { inLastDays: 3 })] } },
      { token: admin.token },
    );
    const id = created.data.createCohort.id;
    const count = async () =>
      (
        await rows<{ user_count: number }>(
          stack.runtime.database.db,
          sql`select user_count from analytics.cohorts where id = ${id}::uuid`,
        )
      )[0]!.user_count;
    const countNow = await count();
    expect(countNow).toBeGreaterThan(0);
    stack.clock.advance(2 * DAY);
    const refreshed = await refreshStaleCohorts(
      stack.runtime.database.db,
      stack.clock,
      new Date(stack.clock.now().getTime() - 3600 * 1000),
    );
    expect(refreshed).toBeGreaterThan(0);
    // Two days later the same window holds fewer workouts.
    expect(await count()).toBeLessThan(countNow);
    stack.clock.set(NOW);
  });

  it('is for admins only', async () => {
    const user = await stack.signUp();
    const asUser = await stack.gql(CREATE, { name: 'x', definition: FIXTURE }, { token: user.token });
    expect(asUser.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await stack.gql(`{ cohorts { nodes { id } } }`);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const metrics = await stack.gql(
      `{ productMetrics(from: "2026-01-01", to: "2026-01-02") { from } }`,
      {},
      {
        token: user.token,
      },
    );
    expect(metrics.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('definition validation', () => {
  const cases: [unknown, RegExp][] = [
    [{}, /definition: must have exactly one of and, or, not/],
    [{ and: [] }, /definition\.and: must be a list of 1 to 20/],
    [
      { event: { type: 'workout_complete', inLastDays: 30 } },
      /needs exactly one of atLeast, atMost, exactly/,
    ],
    [{ event: { type: 'workout_complete', atLeast: 1, atMost: 2, inLastDays: 30 } }, /exactly one of/],
    [
      { event: { type: 'workout_complete', atLeast: -1, inLastDays: 30 } },
      /definition\.event\.atLeast: must be a whole number/,
    ],
    [
      { event: { type: 'workout_complete', atLeast: 1, inLastDays: 0 } },
      /inLastDays: must be a whole number from 1 to 730/,
    ],
    [
      { event: { type: 'Workout', atLeast: 1, inLastDays: 3 } },
      /definition\.event\.type: must be an event type/,
    ],
    [
      { event: { type: 'x', atLeast: 1, inLastDays: 3, where: [{ property: 'a', op: 'gt', value: 'ten' }] } },
      /where\[0\]\.value: gt compares numbers/,
    ],
    [
      { event: { type: 'x', atLeast: 1, inLastDays: 3, where: [{ property: 'a', op: 'like', value: 1 }] } },
      /where\[0\]\.op: must be one of/,
    ],
    [{ or: [{ age: { min: 40, max: 30 } }] }, /definition\.or\[0\]\.age: min is above max/],
    [{ signupDate: { from: '2026-02-30' } }, /signupDate\.from: is not a calendar date/],
    [{ country: { in: ['Germany'] } }, /country\.in\[0\]: must be an ISO 3166-1 alpha-2 code/],
    [{ gender: { in: 'female' } }, /gender\.in: must be a list/],
    [{ not: { not: { not: { not: { not: { not: FIXTURE } } } } } }, /nest at most 6 deep/],
    [{ age: { min: 1, extra: true } }, /definition\.age\.extra: unknown field/],
  ];
  it('refuses bad definitions with BAD_USER_INPUT naming the field', async () => {
    for (const [definition, message] of cases) {
      const result = await stack.gql(
        CREATE,
        { name: `bad ${randomUUID()}`, definition },
        { token: admin.token },
      );
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(definition)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(message);
    }
    const notObject = await stack.gql(CREATE, { name: 'x', definition: [1] }, { token: admin.token });
    expect(notObject.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('injection', () => {
  const payloads = [
    `x'); drop table analytics.cohort_memberships; --`,
    `' or '1'='1`,
    `"; delete from analytics.user_profiles; --`,
    `hard' or 1=1 --`,
    `$1) or true or (`,
  ];
  const base = (extra: Record<string, unknown>) => ({
    event: { type: 'workout_complete', atLeast: 1, inLastDays: 30, ...extra },
  });
  /** Every field of the language, with the payload in it. */
  const fields = (p: string): [string, unknown][] => [
    ['event.type', { event: { type: p, atLeast: 1, inLastDays: 30 } }],
    ['event.atLeast', { event: { type: 'workout_complete', atLeast: p, inLastDays: 30 } }],
    ['event.inLastDays', { event: { type: 'workout_complete', atLeast: 1, inLastDays: p } }],
    ['where.property', base({ where: [{ property: p, op: 'exists' }] })],
    ['where.property path', base({ where: [{ property: `meta.${p}`, op: 'eq', value: 1 }] })],
    ['where.op', base({ where: [{ property: 'level', op: p, value: 1 }] })],
    ['where.value eq', base({ where: [{ property: 'level', op: 'eq', value: p }] })],
    ['where.value neq', base({ where: [{ property: 'level', op: 'neq', value: p }] })],
    ['where.value in', base({ where: [{ property: 'level', op: 'in', value: ['easy', p] }] })],
    ['where.value gt', base({ where: [{ property: 'durationMinutes', op: 'gt', value: p }] })],
    ['signupDate.from', { signupDate: { from: p } }],
    ['signupDate.to', { signupDate: { to: p } }],
    ['age.min', { age: { min: p } }],
    ['gender.in', { gender: { in: [p] } }],
    ['country.in', { country: { in: [p] } }],
    ['node kind', { [p]: {} }],
  ];

  it('treats every field as data: refused as invalid or matched literally, never executed', async () => {
    const tables = async () =>
      (
        await rows<{ n: number }>(
          stack.runtime.database.db,
          sql`select (select count(*) from analytics.cohort_memberships)::int + (select count(*) from analytics.user_profiles)::int as n`,
        )
      )[0]!.n;
    const before = await tables();
    let accepted = 0;
    for (const p of payloads) {
      for (const [field, rule] of fields(p)) {
        const result = await stack.gql(
          CREATE,
          { name: `inj ${randomUUID()}`, definition: { and: [FIXTURE, rule] } },
          { token: admin.token },
        );
        if (result.errors) {
          expect(result.errors[0]!.extensions?.code, `${field}: ${JSON.stringify(result.errors)}`).toBe(
            'BAD_USER_INPUT',
          );
        } else {
          accepted++;
          // A literal that matches nothing: an injected "or true" would have matched everyone.
          // neq: every workout whose level is not the payload (ana, cid, and ben's without a level); in: ana's 'easy'.
          const expected = field === 'where.value neq' ? 3 : field === 'where.value in' ? 1 : 0;
          expect(result.data.createCohort.userCount, field).toBe(expected);
        }
      }
    }
    expect(accepted).toBeGreaterThanOrEqual(payloads.length * 6);
    // Nothing was dropped or deleted: the only new rows are the accepted cohorts' members.
    expect(await tables()).toBeGreaterThanOrEqual(before);
    expect(await membersOf(workouts({ atLeast: 1 }))).toEqual(['ana', 'ben', 'cid']);
  });
});
