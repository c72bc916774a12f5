import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../kit/db.js';
import { workoutCompletedPayload } from '../../testkit/events.js';
import { eventually, startTestStack, type TestStack, type TestUser } from '../../testkit/stack.js';
import { maintainEvents } from './maintenance.js';

let stack: TestStack;
let user: TestUser;
beforeAll(async () => {
  stack = await startTestStack();
  user = await stack.signUp();
});
afterAll(async () => {
  await stack?.stop();
});

const db = () => stack.runtime.database.db;
const partitions = async () =>
  (
    await rows<{ name: string }>(
      db(),
      sql`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
          where i.inhparent = 'analytics.analytics_events'::regclass order by 1`,
    )
  ).map((r) => r.name);
const month = (d: Date) => `analytics_events_${d.toISOString().slice(0, 7).replace('-', '_')}`;

describe('analytics_events partitions', () => {
  it('has this month, the next three and a default partition after start', async () => {
    const names = await partitions();
    const now = new Date();
    for (let ahead = 0; ahead <= 3; ahead++) {
      expect(names).toContain(month(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + ahead, 1))));
    }
    expect(names).toContain('analytics_events_default');
    const [pk] = await rows<{ def: string }>(
      db(),
      sql`select pg_get_constraintdef(oid) as def from pg_constraint where conname = 'analytics_events_pkey'
          and conrelid = 'analytics.analytics_events'::regclass`,
    );
    expect(pk!.def).toBe('PRIMARY KEY (id, created_at)');
    const indexes = await rows<{ def: string }>(
      db(),
      sql`select indexdef as def from pg_indexes where schemaname = 'analytics' and tablename = 'analytics_events'`,
    );
    expect(indexes.map((i) => i.def).join('\n')).toMatch(/\(user_id, event_type, created_at\)/);
    expect(indexes.map((i) => i.def).join('\n')).toMatch(/\(event_type\)/);
  });

  it('moves rows out of the default partition when their month gets its partition', async () => {
    const id = randomUUID();
    const occurredAt = new Date('2031-05-10T08:00:00Z');
    await stack.runtime.bus.publish({
      id,
      type: 'workout.completed',
      source: 'test',
      occurredAt: occurredAt.toISOString(),
      payload: workoutCompletedPayload(user.id, occurredAt),
    });
    await stack.flushEvents();
    const home = async () =>
      (
        await rows<{ t: string }>(
          db(),
          sql`select tableoid::regclass::text as t from analytics.analytics_events where id = ${id}::uuid`,
        )
      )[0]?.t;
    await eventually(async () => expect(await home()).toBe('analytics.analytics_events_default'));

    expect(await maintainEvents(stack.runtime.database, new Date('2031-05-15T00:00:00Z'))).toBe(5);
    expect(await home()).toBe('analytics.analytics_events_2031_05');
    // Idempotent: a second run creates nothing.
    expect(await maintainEvents(stack.runtime.database, new Date('2031-05-15T00:00:00Z'))).toBe(0);
    // The moved row is the same event, still append-only in its new partition.
    const [row] = await rows<{ user_id: string; created_at: Date }>(
      db(),
      sql`select user_id, created_at from analytics.analytics_events where id = ${id}::uuid`,
    );
    expect(row!.user_id).toBe(user.id);
    expect(new Date(row!.created_at).toISOString()).toBe(occurredAt.toISOString());
  });

  it('creates the month of a row older than its window, so nothing stays in the default partition', async () => {
    const id = randomUUID();
    const occurredAt = new Date('2012-03-04T05:06:07Z');
    await stack.runtime.bus.publish({
      id,
      type: 'workout.completed',
      source: 'test',
      occurredAt: occurredAt.toISOString(),
      payload: workoutCompletedPayload(user.id, occurredAt),
    });
    await stack.flushEvents();
    const home = async () =>
      (
        await rows<{ t: string }>(
          db(),
          sql`select tableoid::regclass::text as t from analytics.analytics_events where id = ${id}::uuid`,
        )
      )[0]?.t;
    await eventually(async () => expect(await home()).toBe('analytics.analytics_events_default'));
    // The window (last month to three ahead) is far from 2012; the run still makes 2012-03.
    await maintainEvents(stack.runtime.database, stack.clock.now());
    expect(await home()).toBe('analytics.analytics_events_2012_03');
    expect(await partitions()).not.toContain('analytics_events_2012_02');
    const [left] = await rows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from analytics.analytics_events_default`,
    );
    expect(left!.n).toBe(0);
  });
});
