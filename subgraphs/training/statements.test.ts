import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack, type TestUser } from '../../testkit/stack.js';
import { adminOf, applyAsTrainer, verifyTrainer } from '../../testkit/training.js';

/**
 * Batching proof: 50 users, each with habits, logs and streaks, reached through one query, cost
 * the same number of SQL statements as 5 users.
 */
const QUERY = `query($first: Int!) {
  trainers(first: $first) {
    nodes {
      id
      user {
        id
        username
        habits {
          nodes {
            id name streakUnit currentStreak bestStreak
            completionRate(from: "2026-11-01", to: "2026-11-30")
            logs(from: "2026-11-01", to: "2026-11-30") { loggedDate completed }
          }
          totalCount
        }
        workoutSessions(first: 5) { nodes { id status } totalCount }
      }
      workoutPlans { nodes { id } totalCount }
    }
  }
}`;

let stack: TestStack;
let admin: TestUser;

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

beforeAll(async () => {
  stack = await startTestStack();
  stack.clock.set(new Date('2026-11-27T12:00:00Z'));
  admin = await adminOf(stack);
  const users: TestUser[] = [];
  await inBatches(
    Array.from({ length: 50 }, (_, i) => i),
    10,
    async () => {
      users.push(await stack.signUp());
    },
  );
  await inBatches(users, 10, async (user) => {
    await verifyTrainer(stack, await applyAsTrainer(stack, user));
    for (const [name, frequencyPerWeek] of [
      ['Walk', 7],
      ['Lift', 3],
    ] as const) {
      const created = await stack.gql(
        `mutation($input: CreateHabitInput!) { createHabit(input: $input) { id } }`,
        { input: { name, frequencyPerWeek } },
        { token: user.token },
      );
      for (const date of ['2026-11-25', '2026-11-26', '2026-11-27']) {
        await stack.gql(
          `mutation($input: LogHabitInput!) { logHabit(input: $input) { id } }`,
          { input: { habitId: created.data.createHabit.id, date } },
          { token: user.token },
        );
      }
    }
    await stack.gql(`mutation { startWorkoutSession(input: {}) { id } }`, {}, { token: user.token });
  });
}, 180_000);
afterAll(async () => {
  await stack?.stop();
});

async function statementsFor(first: number) {
  const before = stack.statements();
  const result = await stack.gql(QUERY, { first }, { token: admin.token });
  const used = stack.statements() - before;
  expect(result.errors).toBeUndefined();
  return { used, nodes: result.data.trainers.nodes };
}

describe('SQL statements per query', () => {
  it('stays constant from 5 to 50 users with habits and streaks', async () => {
    // Warm the admin's viewer cache so session resolution is not counted, then count with the
    // background work of every subgraph paused.
    await statementsFor(1);
    const { small, large } = await stack.quiet(async () => ({
      small: await statementsFor(5),
      large: await statementsFor(50),
    }));
    expect(large.nodes).toHaveLength(50);
    for (const node of large.nodes) {
      expect(node.user.habits.nodes).toHaveLength(2);
      expect(node.user.habits.totalCount).toBe(2);
      const walk = node.user.habits.nodes.find((h: { name: string }) => h.name === 'Walk');
      const lift = node.user.habits.nodes.find((h: { name: string }) => h.name === 'Lift');
      expect(walk).toMatchObject({ streakUnit: 'DAY', currentStreak: 3, bestStreak: 3 });
      expect(lift).toMatchObject({ streakUnit: 'WEEK', currentStreak: 1, bestStreak: 1 });
      expect(walk.logs).toHaveLength(3);
      expect(walk.completionRate).toBe(0.1);
      expect(node.user.workoutSessions.nodes).toHaveLength(1);
      expect(node.user.workoutSessions.totalCount).toBe(1);
      expect(node.workoutPlans.totalCount).toBe(node.workoutPlans.nodes.length);
    }
    console.info(`statements: 5 users -> ${small.used}, 50 users -> ${large.used}`);
    expect(large.used).toBe(small.used);
    // The totalCounts of habits, sessions and plans are one grouped statement each, for any number of users.
    expect(large.used).toBeLessThanOrEqual(13);
  });
});
