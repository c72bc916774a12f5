import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../stack/demo/api.js';
import { loadEnv } from '../kit/env.js';
import { DEMO_USERS, seedDemo, seedsDemoOnStart } from '../stack/seed.js';
import { productionEnv, startTestStack, type TestStack } from '../testkit/stack.js';

/** `npm start` seeds this on a first start: every domain has something to show in the explorer. */
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

describe('demo data', () => {
  it('is never seeded in production: its passwords ship in the repository', async () => {
    await expect(seedDemo({ ...stack.runtime, production: true }, stack.gatewayUrl, true)).rejects.toThrow(
      /production/,
    );
    expect(seedsDemoOnStart(loadEnv(productionEnv()))).toBe(false);
    expect(() => loadEnv(productionEnv({ SEED_DEMO: 'always' }))).toThrow(/SEED_DEMO/);
    expect(seedsDemoOnStart(loadEnv({}))).toBe(true);
  });

  it('seeds every domain through the public API, once', async () => {
    expect(await seedDemo(stack.runtime, stack.gatewayUrl)).toBe(true);
    expect(await seedDemo(stack.runtime, stack.gatewayUrl)).toBe(false);

    const athlete = await signIn(stack.gatewayUrl, DEMO_USERS[2]);
    const to = new Date();
    const from = new Date(to.getTime() - 31 * 86_400_000);
    const mine = await stack.gql(
      `query($from: DateTime!, $to: DateTime!) {
        me {
          habits { nodes { name currentStreak } }
          enrollments { nodes { course { name lessons { title } } } }
          healthSeries(metricType: STEPS, from: $from, to: $to, bucket: DAY) { sum }
          latestHealthMetrics(metricTypes: [HEART_RATE]) { value }
          healthGoals { nodes { metricType targetValue } }
          activeSubscription { status paymentGateway plan { name } payments { nodes { status amountCents currency } } }
          entitlements
        }
      }`,
      { from: from.toISOString(), to: to.toISOString() },
      { token: athlete },
    );
    expect(mine.errors, JSON.stringify(mine.errors)).toBeUndefined();
    const me = mine.data.me;
    expect(me.habits.nodes).toHaveLength(2);
    expect(me.enrollments.nodes[0].course.lessons).toHaveLength(3);
    expect(me.healthSeries).toHaveLength(30);
    expect(me.healthSeries.every((p: { sum: number }) => p.sum > 4_000)).toBe(true);
    expect(me.latestHealthMetrics).toHaveLength(1);
    expect(me.healthGoals.nodes).toEqual([{ metricType: 'STEPS', targetValue: 10_000 }]);
    // Subscribed through the development gateway, as a frontend would without keys.
    expect(me.activeSubscription).toEqual({
      status: 'ACTIVE',
      paymentGateway: 'TEST',
      plan: { name: 'Basic' },
      payments: { nodes: [{ status: 'COMPLETED', amountCents: 999, currency: 'USD' }] },
    });
    expect(me.entitlements).toEqual(['content_library', 'workout_plans']);

    const catalogue = await stack.gql(
      `{ subscriptionPlans { nodes { name priceCents currency } }
         searchContent(query: "squat") { nodes { item { title } } }
         workoutPlans { nodes { name } } }`,
    );
    expect(catalogue.errors, JSON.stringify(catalogue.errors)).toBeUndefined();
    expect(catalogue.data.subscriptionPlans.nodes.map((p: { name: string }) => p.name).sort()).toEqual([
      'Basic',
      'Premium',
    ]);
    expect(catalogue.data.searchContent.nodes[0].item.title).toMatch(/squat/i);
    expect(catalogue.data.workoutPlans.nodes.map((p: { name: string }) => p.name)).toContain(
      'Full-Body Foundations',
    );
  });
});
