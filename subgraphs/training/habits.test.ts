import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../kit/db.js';
import { eventually, startTestStack, type TestStack, type TestUser } from '../../testkit/stack.js';
import { adminOf, makeTrainer } from '../../testkit/training.js';

const CREATE = `mutation($input: CreateHabitInput!) {
  createHabit(input: $input) { id name frequencyPerWeek isActive streakUnit currentStreak bestStreak }
}`;
const LOG = `mutation($input: LogHabitInput!) { logHabit(input: $input) { id loggedDate value completed notes } }`;
const HABIT = `query($id: ID!, $from: Date!, $to: Date!) {
  habit(id: $id) {
    id currentStreak bestStreak streakUnit
    completionRate(from: $from, to: $to)
    logs(from: $from, to: $to) { loggedDate value completed notes }
  }
}`;

let stack: TestStack;

const at = (date: string) => stack.clock.set(new Date(`${date}T12:00:00Z`));

async function habitFor(user: TestUser, input: Record<string, unknown>) {
  const result = await stack.gql(CREATE, { input }, { token: user.token });
  if (!result.data?.createHabit) throw new Error(JSON.stringify(result));
  return result.data.createHabit.id as string;
}

async function logDays(user: TestUser, habitId: string, dates: string[], completed = true) {
  for (const date of dates) {
    const result = await stack.gql(LOG, { input: { habitId, date, completed } }, { token: user.token });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
  }
}

async function streaksOf(user: TestUser, id: string) {
  const result = await stack.gql(HABIT, { id, from: '2026-12-01', to: '2026-12-31' }, { token: user.token });
  const { currentStreak, bestStreak } = result.data.habit;
  return { current: currentStreak, best: bestStreak };
}

beforeAll(async () => {
  stack = await startTestStack();
  at('2026-12-14');
});
afterAll(async () => {
  await stack?.stop();
});

describe('habits', () => {
  it('creates, updates and archives a habit; User.habits hides archived ones unless asked', async () => {
    const user = await stack.signUp();
    const id = await habitFor(user, {
      name: 'Drink water',
      category: 'nutrition',
      targetValue: 8,
      unit: 'glasses',
    });
    const created = await stack.gql(
      `query { me { habits { nodes { id name frequencyPerWeek streakUnit } totalCount } } }`,
      {},
      { token: user.token },
    );
    expect(created.data.me.habits).toEqual({
      nodes: [{ id, name: 'Drink water', frequencyPerWeek: 7, streakUnit: 'DAY' }],
      totalCount: 1,
    });

    const updated = await stack.gql(
      `mutation($id: ID!) { updateHabit(id: $id, input: { frequencyPerWeek: 3, unit: null }) { frequencyPerWeek unit streakUnit category } }`,
      { id },
      { token: user.token },
    );
    expect(updated.data.updateHabit).toEqual({
      frequencyPerWeek: 3,
      unit: null,
      streakUnit: 'WEEK',
      category: 'nutrition',
    });

    const archived = await stack.gql(
      `mutation($id: ID!) { archiveHabit(id: $id) { isActive } }`,
      { id },
      { token: user.token },
    );
    expect(archived.data.archiveHabit.isActive).toBe(false);
    const lists = await stack.gql(
      `query { me { active: habits { nodes { id } totalCount } all: habits(includeArchived: true) { nodes { id isActive } totalCount } } }`,
      {},
      { token: user.token },
    );
    expect(lists.data.me).toEqual({
      active: { nodes: [], totalCount: 0 },
      all: { nodes: [{ id, isActive: false }], totalCount: 1 },
    });
  });

  it('rejects bad habit input', async () => {
    const user = await stack.signUp();
    for (const input of [
      { name: ' ' },
      { name: 'x', frequencyPerWeek: 8 },
      { name: 'x', frequencyPerWeek: 0 },
      { name: 'x', targetValue: -1 },
    ]) {
      const result = await stack.gql(CREATE, { input }, { token: user.token });
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(input)).toBe('BAD_USER_INPUT');
    }
    expect((await stack.gql(CREATE, { input: { name: 'x' } })).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('keeps one log per day: a second log for the same day updates it', async () => {
    const user = await stack.signUp();
    const id = await habitFor(user, { name: 'Read', unit: 'pages' });
    const first = await stack.gql(
      LOG,
      { input: { habitId: id, date: '2026-12-13', value: 10, notes: 'a' } },
      { token: user.token },
    );
    const second = await stack.gql(
      LOG,
      { input: { habitId: id, date: '2026-12-13', value: 25, completed: false, notes: 'b' } },
      { token: user.token },
    );
    expect(second.data.logHabit.id).toBe(first.data.logHabit.id);
    expect(second.data.logHabit).toMatchObject({ value: 25, completed: false, notes: 'b' });
    const read = await stack.gql(HABIT, { id, from: '2026-12-01', to: '2026-12-31' }, { token: user.token });
    expect(read.data.habit.logs).toEqual([
      { loggedDate: '2026-12-13', value: 25, completed: false, notes: 'b' },
    ]);

    // Concurrent logs of one day still leave one row.
    await Promise.all(
      [1, 2, 3, 4].map((value) =>
        stack.gql(LOG, { input: { habitId: id, date: '2026-12-12', value } }, { token: user.token }),
      ),
    );
    const after = await stack.gql(HABIT, { id, from: '2026-12-12', to: '2026-12-12' }, { token: user.token });
    expect(after.data.habit.logs).toHaveLength(1);
  });

  it('refuses logs in the future, too far back, or on a habit of someone else', async () => {
    const user = await stack.signUp();
    const id = await habitFor(user, { name: 'Stretch' });
    const future = await stack.gql(
      LOG,
      { input: { habitId: id, date: '2026-12-16' } },
      { token: user.token },
    );
    expect(future.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // Tomorrow on the user's calendar (UTC here) is the future too; tests/time-zones.test.ts has
    // the users whose zone is already there.
    const tomorrow = await stack.gql(
      LOG,
      { input: { habitId: id, date: '2026-12-15' } },
      { token: user.token },
    );
    expect(tomorrow.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const old = await stack.gql(LOG, { input: { habitId: id, date: '2025-01-01' } }, { token: user.token });
    expect(old.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badDate = await stack.gql(
      LOG,
      { input: { habitId: id, date: '2026-13-01' } },
      { token: user.token },
    );
    expect(badDate.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const stranger = await stack.signUp();
    const theirs = await stack.gql(
      LOG,
      { input: { habitId: id, date: '2026-12-14' } },
      { token: stranger.token },
    );
    expect(theirs.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const read = await stack.gql(
      HABIT,
      { id, from: '2026-12-01', to: '2026-12-31' },
      { token: stranger.token },
    );
    expect(read.data.habit).toBeNull();
    const missing = await stack.gql(
      LOG,
      { input: { habitId: randomUUID(), date: '2026-12-14' } },
      { token: user.token },
    );
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const range = await stack.gql(HABIT, { id, from: '2026-12-31', to: '2026-12-01' }, { token: user.token });
    expect(range.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const wide = await stack.gql(HABIT, { id, from: '2025-01-01', to: '2026-12-31' }, { token: user.token });
    expect(wide.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('admins read any user’s habits; other users get null', async () => {
    const user = await stack.signUp();
    const id = await habitFor(user, { name: 'Meditate' });
    const trainer = await makeTrainer(stack, user);
    const QUERY = `query($id: ID!) { trainer(id: $id) { user { habits { nodes { id } } } } }`;
    const admin = await adminOf(stack);
    expect(
      (await stack.gql(QUERY, { id: trainer.trainerId }, { token: admin.token })).data.trainer.user.habits,
    ).toEqual({ nodes: [{ id }] });
    const stranger = await stack.signUp();
    expect(
      (await stack.gql(QUERY, { id: trainer.trainerId }, { token: stranger.token })).data.trainer.user.habits,
    ).toBeNull();
  });
});

describe('streaks through the graph', () => {
  it('counts daily streaks across the new year, and today unlogged does not break them', async () => {
    at('2026-12-26');
    const user = await stack.signUp();
    const id = await habitFor(user, { name: 'Walk' });
    await logDays(user, id, [
      '2026-12-20',
      '2026-12-21',
      '2026-12-22',
      '2026-12-24',
      '2026-12-25',
      '2026-12-26',
    ]);
    expect(await streaksOf(user, id)).toEqual({ current: 3, best: 3 });
    at('2026-12-27');
    expect(await streaksOf(user, id)).toEqual({ current: 3, best: 3 });
    at('2026-12-28');
    expect(await streaksOf(user, id)).toEqual({ current: 0, best: 3 });
    await logDays(user, id, ['2026-12-27', '2026-12-28']);
    expect(await streaksOf(user, id)).toEqual({ current: 5, best: 5 });
    for (const day of ['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']) {
      at(day);
      await logDays(user, id, [day]);
    }
    expect(await streaksOf(user, id)).toEqual({ current: 10, best: 10 });
    // A day logged as not completed does not count.
    at('2027-01-04');
    await logDays(user, id, ['2027-01-03', '2027-01-04'], false);
    expect(await streaksOf(user, id)).toEqual({ current: 0, best: 10 });
  });

  it("reads every habit's streak inputs (completed dates and the owner's zone) in one statement", async () => {
    at('2026-12-26');
    const user = await stack.signUp();
    const walk = await habitFor(user, { name: 'Walk' });
    stack.clock.advance(1000);
    const read = await habitFor(user, { name: 'Read', frequencyPerWeek: 3 });
    await logDays(user, walk, ['2026-12-24', '2026-12-25', '2026-12-26']);
    await logDays(user, read, ['2026-12-21', '2026-12-23']);
    const query = `{ me { habits { nodes { name currentStreak bestStreak
      completionRate(from: "2026-12-20", to: "2026-12-26") } } } }`;
    const { used, habits } = await stack.quiet(async () => {
      await stack.gql(query, {}, { token: user.token });
      const before = stack.statements();
      const result = await stack.gql(query, {}, { token: user.token });
      return { used: stack.statements() - before, habits: result.data.me.habits.nodes };
    });
    expect(habits).toEqual([
      { name: 'Walk', currentStreak: 3, bestStreak: 3, completionRate: 0.4286 },
      { name: 'Read', currentStreak: 0, bestStreak: 0, completionRate: 0.6667 },
    ]);
    // identity's user; training's habits page, then the dates and zones of all its habits.
    expect(used).toBe(3);
  });

  it('keeps a 3-per-week streak with 3 completions in each ISO week, across the year boundary', async () => {
    at('2026-12-14');
    const user = await stack.signUp();
    const id = await habitFor(user, { name: 'Gym', frequencyPerWeek: 3 });
    // 2026-W51 (Dec 14-20): Mon, Wed, Sun.
    at('2026-12-16');
    await logDays(user, id, ['2026-12-14', '2026-12-16']);
    at('2026-12-20');
    expect(await streaksOf(user, id)).toEqual({ current: 0, best: 0 });
    await logDays(user, id, ['2026-12-20']);
    expect(await streaksOf(user, id)).toEqual({ current: 1, best: 1 });
    // 2026-W52 (Dec 21-27): one completion by Wednesday; the running week does not break the streak.
    at('2026-12-23');
    await logDays(user, id, ['2026-12-21']);
    expect(await streaksOf(user, id)).toEqual({ current: 1, best: 1 });
    await logDays(user, id, ['2026-12-22', '2026-12-23']);
    expect(await streaksOf(user, id)).toEqual({ current: 2, best: 2 });
    // 2026-W53 spans the new year (Dec 28 - Jan 3): Thu Dec 31, Fri Jan 1, Sun Jan 3.
    at('2027-01-03');
    await logDays(user, id, ['2026-12-31', '2027-01-01', '2027-01-03']);
    expect(await streaksOf(user, id)).toEqual({ current: 3, best: 3 });
    // 2027-W01 ends with 2 of 3: the streak breaks once the week is over.
    at('2027-01-10');
    await logDays(user, id, ['2027-01-05', '2027-01-07']);
    expect(await streaksOf(user, id)).toEqual({ current: 3, best: 3 });
    at('2027-01-11');
    expect(await streaksOf(user, id)).toEqual({ current: 0, best: 3 });
  });

  it('computes the completion rate over a range, frequency-aware', async () => {
    at('2026-12-14');
    const user = await stack.signUp();
    const daily = await habitFor(user, { name: 'Floss' });
    const weekly = await habitFor(user, { name: 'Swim', frequencyPerWeek: 2 });
    await logDays(user, daily, [
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
      '2026-12-07',
    ]);
    await logDays(user, weekly, ['2026-12-01', '2026-12-03']);
    const rate = async (id: string) =>
      (await stack.gql(HABIT, { id, from: '2026-12-01', to: '2026-12-14' }, { token: user.token })).data.habit
        .completionRate;
    expect(await rate(daily)).toBe(0.5);
    expect(await rate(weekly)).toBe(0.5);
  });
});

describe('user.deleted', () => {
  it("removes the user's habits, logs and sessions, detaches their trainer profile, and is idempotent", async () => {
    at('2026-12-14');
    const user = await stack.signUp();
    const habit = await habitFor(user, { name: 'Sleep 8h' });
    await logDays(user, habit, ['2026-12-13', '2026-12-14']);
    const session = (
      await stack.gql(`mutation { startWorkoutSession(input: {}) { id } }`, {}, { token: user.token })
    ).data.startWorkoutSession.id;
    const trainer = await makeTrainer(stack, user);
    const plan = (
      await stack.gql(
        `mutation { createWorkoutPlan(input: { name: "Legacy", difficulty: BEGINNER, durationWeeks: 4 }) { id } }`,
        {},
        { token: user.token },
      )
    ).data.createWorkoutPlan.id;
    const exercises = await stack.gql(`{ exercises(filter: { search: "Plank" }) { nodes { id name } } }`);
    const plank = exercises.data.exercises.nodes.find((n: { name: string }) => n.name === 'Plank').id;
    await stack.gql(
      `mutation($plan: ID!, $ex: ID!) { addWorkoutPlanExercise(workoutPlanId: $plan, input: { exerciseId: $ex, sets: 3, reps: 30 }) { id } }`,
      { plan, ex: plank },
      { token: user.token },
    );
    await stack.gql(
      `mutation($id: ID!) { publishWorkoutPlan(id: $id) { version } }`,
      { id: plan },
      { token: user.token },
    );
    const draft = (
      await stack.gql(
        `mutation { createWorkoutPlan(input: { name: "Unfinished", difficulty: BEGINNER, durationWeeks: 4 }) { id } }`,
        {},
        { token: user.token },
      )
    ).data.createWorkoutPlan.id;
    const bystander = await stack.signUp();
    const keep = await habitFor(bystander, { name: 'Untouched' });

    const event = {
      id: randomUUID(),
      type: 'user.deleted',
      source: 'identity',
      occurredAt: new Date().toISOString(),
      payload: { userId: user.id, deletedAt: '2026-12-14T12:00:00.000Z' },
    };
    await stack.runtime.bus.publish(event);
    await stack.flushEvents();
    const admin = await adminOf(stack);
    await eventually(async () => {
      const gone = await stack.gql(
        `query($h: ID!, $s: ID!) { habit(id: $h) { id } workoutSession(id: $s) { id } }`,
        { h: habit, s: session },
        { token: admin.token },
      );
      expect(gone.data).toEqual({ habit: null, workoutSession: null });
    });
    const [counts] = await rows<{ logs: number; trainers: number }>(
      stack.runtime.database.db,
      sql`select (select count(*)::int from training.habit_logs where habit_id = ${habit}) as logs,
                 (select count(*)::int from training.trainers where user_id = ${user.id}) as trainers`,
    );
    expect(counts).toEqual({ logs: 0, trainers: 0 });

    // The published plan stays, detached from the person; the draft is gone.
    const published = await stack.gql(
      `query($id: ID!) { workoutPlan(id: $id) { name trainer { id user { id } } } }`,
      { id: plan },
      { token: bystander.token },
    );
    expect(published.data.workoutPlan).toEqual({
      name: 'Legacy',
      trainer: { id: trainer.trainerId, user: null },
    });
    expect(
      (
        await stack.gql(
          `query($id: ID!) { workoutPlan(id: $id) { id } }`,
          { id: draft },
          { token: admin.token },
        )
      ).data.workoutPlan,
    ).toBeNull();
    expect(
      (await stack.gql(`query($id: ID!) { habit(id: $id) { id } }`, { id: keep }, { token: bystander.token }))
        .data.habit,
    ).toEqual({ id: keep });

    // Redelivery changes nothing and does not fail.
    await stack.runtime.bus.publish(event);
    await stack.flushEvents();
    const consumer = stack.subgraphs.training.background.find((t) => 'handle' in t) as unknown as {
      handle(e: typeof event): Promise<boolean>;
    };
    expect(await consumer.handle(event)).toBe(false);
    expect(
      (await stack.gql(`query($id: ID!) { habit(id: $id) { id } }`, { id: keep }, { token: bystander.token }))
        .data.habit,
    ).toEqual({ id: keep });
  });
});
