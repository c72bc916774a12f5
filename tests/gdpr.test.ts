import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../kit/db.js';
import { eventually, startTestStack, type TestStack } from '../testkit/stack.js';

/**
 * The GDPR deletion fan-out (docs/architecture.md#gdpr-deletion-fan-out) across the whole graph: one
 * deleteMyAccount in identity reaches every subgraph through the outbox and the bus, and each erases
 * what it must.
 */
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

const count = async (query: ReturnType<typeof sql>) =>
  (await rows<{ n: number }>(stack.runtime.database.db, query))[0]!.n;

describe('account deletion across the graph', () => {
  it('erases the user in every subgraph and leaves other users alone', async () => {
    const [gone, kept] = [await stack.signUp(), await stack.signUp()];
    for (const user of [gone, kept]) {
      const habit = await stack.gql(
        'mutation($input: CreateHabitInput!) { createHabit(input: $input) { id } }',
        { input: { name: 'Walk', frequencyPerWeek: 7 } },
        { token: user.token },
      );
      expect(habit.errors).toBeUndefined();
      const metrics = await stack.gql(
        'mutation($input: [HealthMetricInput!]!) { recordHealthMetrics(input: $input) { accepted } }',
        {
          input: [
            {
              metricType: 'STEPS',
              value: 4200,
              unit: 'count',
              recordedAt: new Date(Date.now() - 3600_000).toISOString(),
            },
          ],
        },
        { token: user.token },
      );
      expect(metrics.data?.recordHealthMetrics.accepted).toBe(1);
      const tracked = await stack.gql(
        'mutation($events: [AnalyticsEventInput!]!) { trackEvents(events: $events) { accepted } }',
        { events: [{ clientEventId: randomUUID(), eventType: 'screen_view', source: 'WEB' }] },
        { token: user.token },
      );
      expect(tracked.data?.trackEvents.accepted).toBe(1);
    }

    const deleted = await stack.gql(
      'mutation($p: String!) { deleteMyAccount(password: $p) { __typename } }',
      { p: gone.password },
      { token: gone.token },
    );
    expect(deleted.data.deleteMyAccount.__typename).toBe('AccountDeleted');
    await stack.flushEvents();

    await eventually(async () => {
      expect(
        await count(sql`select count(*)::int as n from training.habits where user_id = ${gone.id}`),
      ).toBe(0);
      expect(
        await count(sql`select count(*)::int as n from health.health_metrics where user_id = ${gone.id}`),
      ).toBe(0);
      expect(
        await count(
          sql`select count(*)::int as n from analytics.analytics_events where user_id = ${gone.id}`,
        ),
      ).toBe(0);
    });
    // The identity row stays (soft delete) but holds nothing personal.
    const [row] = await rows<{ email: string; deleted_at: Date | null; first_name: string | null }>(
      stack.runtime.database.db,
      sql`select email, deleted_at, first_name from identity.users where id = ${gone.id}`,
    );
    expect(row?.deleted_at).not.toBeNull();
    expect(row?.email).not.toBe(gone.email);

    expect(await count(sql`select count(*)::int as n from training.habits where user_id = ${kept.id}`)).toBe(
      1,
    );
    expect(
      await count(sql`select count(*)::int as n from health.health_metrics where user_id = ${kept.id}`),
    ).toBe(1);
    expect(
      await count(sql`select count(*)::int as n from analytics.analytics_events where user_id = ${kept.id}`),
    ).toBeGreaterThanOrEqual(1);
  }, 60_000);
});
