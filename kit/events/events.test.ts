import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { and, count, eq } from 'drizzle-orm';
import { pgSchema, text, uuid } from 'drizzle-orm/pg-core';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDatabase, type Database } from '../db.js';
import { createLogger } from '../log.js';
import type { DomainEvent, EventBus } from './bus.js';
import { checkPayload, type EventContract } from './catalogue.js';
import { eventConsumer } from './consumer.js';
import { MemoryEventBus } from './memory-bus.js';
import { OutboxRelay, outboxTable, processedEventsTable, VERSION_KEY, writeEvent } from './outbox.js';
import { RedisStreamEventBus } from './redis-bus.js';

// A scratch schema with the kit's own tables: this tests the kit, not a subgraph.
const scratch = pgSchema('events_test');
const outbox = outboxTable(scratch);
const processed = processedEventsTable(scratch);
const effects = scratch.table('effects', {
  id: uuid('id').primaryKey(),
  eventId: text('event_id').notNull(),
});

let database: Database;
beforeAll(async () => {
  database = await createDatabase({ pglite: await PGlite.create() });
  await database.exec(`
    create schema events_test;
    create table events_test.outbox (id uuid primary key, type text not null, payload jsonb not null,
      occurred_at timestamptz not null default now(), published_at timestamptz);
    create table events_test.processed_events (consumer text not null, event_id uuid not null,
      processed_at timestamptz not null default now(), primary key (consumer, event_id));
    create table events_test.effects (id uuid primary key, event_id text not null);
  `);
});

const effectCount = async () => (await database.db.select({ n: count() }).from(effects))[0]!.n;

/** A user.deleted payload as identity writes it. */
const userDeleted = () => ({ userId: randomUUID(), deletedAt: new Date().toISOString() });

function collectingBus(): { bus: MemoryEventBus; seen: DomainEvent[] } {
  const bus = new MemoryEventBus();
  const seen: DomainEvent[] = [];
  void bus.subscribe('collector', async (event) => void seen.push(event));
  return { bus, seen };
}

describe('transactional outbox', () => {
  it('publishes nothing from a rolled-back transaction', async () => {
    const { bus, seen } = collectingBus();
    await expect(
      database.db.transaction(async (tx) => {
        await writeEvent(tx, outbox, 'user.deleted', userDeleted());
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    await new OutboxRelay(database, outbox, bus, 'test').flush();
    await bus.drain();
    expect(seen).toEqual([]);
  });

  it('delivers an event committed before a crash once the relay runs again', async () => {
    // The "crash": the event is committed but no relay was running to publish it.
    const id = await writeEvent(database.db, outbox, 'user.deleted', userDeleted());
    const { bus, seen } = collectingBus();
    const relay = new OutboxRelay(database, outbox, bus, 'test');
    expect(await relay.flush()).toBe(1);
    expect(await relay.flush()).toBe(0);
    await bus.drain();
    expect(seen.map((e) => e.id)).toEqual([id]);
    const [row] = await database.db.select().from(outbox).where(eq(outbox.id, id));
    expect(row?.publishedAt).toBeInstanceOf(Date);
  });

  it('stores the version in the row and publishes it in the envelope, not in the payload', async () => {
    const payload = userDeleted();
    const id = await writeEvent(database.db, outbox, 'user.deleted', payload);
    const [row] = await database.db.select().from(outbox).where(eq(outbox.id, id));
    expect(row?.payload).toEqual({ ...payload, [VERSION_KEY]: 1 });
    const { bus, seen } = collectingBus();
    await new OutboxRelay(database, outbox, bus, 'test').flush();
    await bus.drain();
    expect(seen).toEqual([expect.objectContaining({ id, type: 'user.deleted', version: 1, payload })]);
  });

  it('publishes a row written before versions existed as version 1', async () => {
    const id = randomUUID();
    const payload = userDeleted();
    await database.db.insert(outbox).values({ id, type: 'user.deleted', payload });
    const { bus, seen } = collectingBus();
    await new OutboxRelay(database, outbox, bus, 'test').flush();
    await bus.drain();
    expect(seen).toEqual([expect.objectContaining({ id, version: 1, payload })]);
  });

  it('refuses a payload that breaks its contract, so the change rolls back with it', async () => {
    const before = (await database.db.select({ n: count() }).from(outbox))[0]!.n;
    const broken = { userId: 'not-a-user', deletedAt: 'yesterday' };
    await expect(
      // The type check stops this at compile time; the cast stands for data the types cannot see.
      writeEvent(database.db, outbox, 'user.deleted', broken as ReturnType<typeof userDeleted>),
    ).rejects.toThrow(
      'user.deleted payload breaks its contract: userId: invalid_format, deletedAt: invalid_format',
    );
    expect((await database.db.select({ n: count() }).from(outbox))[0]!.n).toBe(before);
  });

  it('stores only the fields of the contract', async () => {
    const payload = userDeleted();
    const extra = { ...payload, email: 'someone@example.com' };
    const id = await writeEvent(database.db, outbox, 'user.deleted', extra);
    const [row] = await database.db.select().from(outbox).where(eq(outbox.id, id));
    expect(row?.payload).toEqual({ ...payload, [VERSION_KEY]: 1 });
  });
});

describe('idempotent consumers', () => {
  it('applies a redelivered event once', async () => {
    const bus = new MemoryEventBus();
    const consumer = eventConsumer({
      group: 'effects',
      database,
      bus,
      processedEvents: processed,
      handlers: {
        'user.deleted': async (tx, event) => {
          await tx.insert(effects).values({ id: randomUUID(), eventId: event.id });
        },
      },
    });
    const event: DomainEvent = {
      id: randomUUID(),
      type: 'user.deleted',
      source: 'test',
      occurredAt: '',
      payload: userDeleted(),
    };
    const before = await effectCount();
    expect(await consumer.handle(event)).toBe(true);
    expect(await consumer.handle(event)).toBe(false);
    expect(await consumer.handle({ ...event, id: randomUUID(), type: 'user.signed_up' })).toBe(false);
    // A type named like a member of every object is no handler either.
    expect(await consumer.handle({ ...event, id: randomUUID(), type: 'constructor' })).toBe(false);
    expect(await effectCount()).toBe(before + 1);
  });

  it('leaves no processed mark when the handler fails, so the retry applies it', async () => {
    let fail = true;
    const consumer = eventConsumer({
      group: 'flaky',
      database,
      bus: new MemoryEventBus(),
      processedEvents: processed,
      handlers: {
        'user.deleted': async (tx, event) => {
          await tx.insert(effects).values({ id: randomUUID(), eventId: event.id });
          if (fail) throw new Error('transient');
        },
      },
    });
    const event: DomainEvent = {
      id: randomUUID(),
      type: 'user.deleted',
      source: 'test',
      occurredAt: '',
      payload: userDeleted(),
    };
    const before = await effectCount();
    await expect(consumer.handle(event)).rejects.toThrow('transient');
    expect(await effectCount()).toBe(before);
    fail = false;
    expect(await consumer.handle(event)).toBe(true);
    expect(await effectCount()).toBe(before + 1);
  });
});

/** A logger whose lines the test reads. */
function capturedLog() {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger({ destination: { write: (line: string) => void lines.push(JSON.parse(line)) } });
  return { log, lines, text: () => JSON.stringify(lines) };
}

describe('consumers check events against the catalogue', () => {
  /** A consumer of user.deleted on a bus, recording the user ids it was handed. */
  async function deletedUsersConsumer(group: string) {
    const { log, lines, text } = capturedLog();
    const failures: unknown[] = [];
    const bus = new MemoryEventBus((error) => failures.push(error));
    const handled: unknown[] = [];
    const consumer = eventConsumer({
      group,
      database,
      bus,
      processedEvents: processed,
      log,
      handlers: {
        'user.deleted': async (tx, event) => {
          handled.push(event.payload);
          await tx.insert(effects).values({ id: randomUUID(), eventId: event.id });
        },
      },
    });
    await consumer.start();
    const publish = (payload: unknown, extra: Partial<DomainEvent> = {}) => {
      const event = {
        id: randomUUID(),
        type: 'user.deleted',
        source: 'identity',
        occurredAt: new Date().toISOString(),
        payload,
        ...extra,
      } as DomainEvent;
      return bus.publish(event).then(() => event);
    };
    const marked = async (eventId: string) =>
      (
        await database.db
          .select({ n: count() })
          .from(processed)
          .where(and(eq(processed.consumer, group), eq(processed.eventId, eventId)))
      )[0]!.n === 1;
    return { bus, consumer, handled, failures, publish, marked, lines, text };
  }

  it('skips an unknown version with a log entry, marks it processed and goes on with the next event', async () => {
    const c = await deletedUsersConsumer('unknown-version');
    const unknown = await c.publish(userDeleted(), { version: 2 });
    const next = await c.publish(userDeleted());
    await c.bus.drain();
    expect(c.handled).toEqual([next.payload]);
    expect(c.failures).toEqual([]); // not thrown, so not retried
    expect(await c.marked(unknown.id)).toBe(true);
    expect(c.lines).toContainEqual(
      expect.objectContaining({
        level: 40,
        msg: 'event skipped',
        eventId: unknown.id,
        eventType: 'user.deleted',
        eventVersion: 2,
        group: 'unknown-version',
        reason: 'unknown version 2 (current is 1)',
      }),
    );
    // The log names the event, never its payload.
    expect(c.text()).not.toContain((unknown.payload as { userId: string }).userId);
    // Delivered again: nothing more happens and nothing more is logged.
    expect(await c.consumer.handle(unknown)).toBe(false);
    expect(c.lines.filter((line) => line.msg === 'event skipped')).toHaveLength(1);
  });

  it('skips a payload that breaks its contract with a log entry, and goes on with the next event', async () => {
    const c = await deletedUsersConsumer('invalid-payload');
    const secret = 'person@example.com';
    const invalid = [
      await c.publish({ userId: secret, deletedAt: new Date().toISOString() }),
      await c.publish({ deletedAt: secret }),
      await c.publish(secret),
      await c.publish(userDeleted(), { version: 'one' as unknown as number }),
    ];
    const next = await c.publish(userDeleted());
    await c.bus.drain();
    expect(c.handled).toEqual([next.payload]);
    expect(c.failures).toEqual([]);
    for (const event of invalid) expect(await c.marked(event.id)).toBe(true);
    const reasons = c.lines.filter((line) => line.msg === 'event skipped').map((line) => line.reason);
    expect(reasons).toEqual([
      'invalid payload: userId: invalid_format',
      'invalid payload: userId: invalid_type, deletedAt: invalid_format',
      'invalid payload: not an object',
      'invalid version',
    ]);
    expect(c.text()).not.toContain(secret);
  });

  it('reads an event relayed before versions existed as version 1, and keeps fields it does not know', async () => {
    const c = await deletedUsersConsumer('old-and-new');
    const payload = userDeleted();
    await c.publish(payload, { version: undefined });
    await c.publish({ ...payload, [VERSION_KEY]: 1 }); // relayed by a process older than versions
    await c.publish({ ...payload, addedLater: true }); // a field a newer producer added
    await c.bus.drain();
    expect(c.handled).toEqual([payload, payload, { ...payload, addedLater: true }]);
    expect(c.lines.filter((line) => line.msg === 'event skipped')).toEqual([]);
  });
});

describe('payload versions', () => {
  // A contract that changed: version 1 said `user`, version 2 says `userId`.
  const contract = {
    version: 2,
    payload: z.object({ userId: z.guid() }),
    earlier: { 1: z.object({ user: z.guid() }).transform(({ user }) => ({ userId: user })) },
  } satisfies EventContract;

  it('reads the current version and earlier ones as the current payload; refuses versions it does not know', () => {
    const userId = randomUUID();
    expect(checkPayload(contract, 2, { userId })).toEqual({ ok: true, payload: { userId } });
    expect(checkPayload(contract, 1, { user: userId })).toEqual({ ok: true, payload: { userId } });
    expect(checkPayload(contract, 1, { userId })).toEqual({
      ok: false,
      reason: 'invalid payload: user: invalid_type',
    });
    expect(checkPayload(contract, 3, { userId })).toEqual({
      ok: false,
      reason: 'unknown version 3 (current is 2)',
    });
  });
});

async function busContract(makeBus: () => Promise<EventBus>) {
  const bus = await makeBus();
  const a: string[] = [];
  const b: string[] = [];
  const early: DomainEvent = {
    id: randomUUID(),
    type: 't',
    source: 's',
    occurredAt: new Date().toISOString(),
    payload: {},
  };
  await bus.publish(early);
  await bus.subscribe('group-a', async (e) => void a.push(e.id));
  await bus.subscribe('group-b', async (e) => void b.push(e.id));
  const late: DomainEvent = { ...early, id: randomUUID() };
  await bus.publish(late);
  const deadline = Date.now() + 10_000;
  while ((a.length < 2 || b.length < 2) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  await bus.close();
  // Every group gets every event, including one published before it subscribed.
  expect(a.sort()).toEqual([early.id, late.id].sort());
  expect(b.sort()).toEqual([early.id, late.id].sort());
}

describe('event buses', () => {
  it('in-process bus delivers to every group, history included', () =>
    busContract(async () => new MemoryEventBus()));

  it('in-process bus retries a failing handler', async () => {
    const bus = new MemoryEventBus();
    let attempts = 0;
    await bus.subscribe('retry', async () => {
      attempts++;
      if (attempts < 3) throw new Error('not yet');
    });
    await bus.publish({ id: randomUUID(), type: 't', source: 's', occurredAt: '', payload: {} });
    await bus.drain();
    expect(attempts).toBe(3);
  });

  const redisUrl = process.env.REDIS_URL;
  it.runIf(redisUrl)('Redis Streams bus delivers to every group, history included', async () => {
    const redis = new Redis(redisUrl!);
    const stream = `test:events:${randomUUID()}`;
    try {
      await busContract(async () => new RedisStreamEventBus(redis, { stream }));
    } finally {
      await redis.del(stream);
      redis.disconnect();
    }
  });
});

afterAll(async () => {
  await database?.close();
});
