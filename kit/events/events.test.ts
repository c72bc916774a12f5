import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { count, eq } from 'drizzle-orm';
import { pgSchema, text, uuid } from 'drizzle-orm/pg-core';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../db.js';
import type { DomainEvent, EventBus } from './bus.js';
import { eventConsumer } from './consumer.js';
import { MemoryEventBus } from './memory-bus.js';
import { OutboxRelay, outboxTable, processedEventsTable, writeToOutbox } from './outbox.js';
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
        await writeToOutbox(tx, outbox, 'thing.happened', { n: 1 });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    await new OutboxRelay(database, outbox, bus, 'test').flush();
    await bus.drain();
    expect(seen).toEqual([]);
  });

  it('delivers an event committed before a crash once the relay runs again', async () => {
    // The "crash": the event is committed but no relay was running to publish it.
    const id = await writeToOutbox(database.db, outbox, 'thing.happened', { n: 2 });
    const { bus, seen } = collectingBus();
    const relay = new OutboxRelay(database, outbox, bus, 'test');
    expect(await relay.flush()).toBe(1);
    expect(await relay.flush()).toBe(0);
    await bus.drain();
    expect(seen.map((e) => e.id)).toEqual([id]);
    const [row] = await database.db.select().from(outbox).where(eq(outbox.id, id));
    expect(row?.publishedAt).toBeInstanceOf(Date);
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
        'thing.happened': async (tx, event) => {
          await tx.insert(effects).values({ id: randomUUID(), eventId: event.id });
        },
      },
    });
    const event: DomainEvent = {
      id: randomUUID(),
      type: 'thing.happened',
      source: 'test',
      occurredAt: '',
      payload: {},
    };
    const before = await effectCount();
    expect(await consumer.handle(event)).toBe(true);
    expect(await consumer.handle(event)).toBe(false);
    expect(await consumer.handle({ ...event, id: randomUUID(), type: 'other.thing' })).toBe(false);
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
        'thing.happened': async (tx, event) => {
          await tx.insert(effects).values({ id: randomUUID(), eventId: event.id });
          if (fail) throw new Error('transient');
        },
      },
    });
    const event: DomainEvent = {
      id: randomUUID(),
      type: 'thing.happened',
      source: 'test',
      occurredAt: '',
      payload: {},
    };
    const before = await effectCount();
    await expect(consumer.handle(event)).rejects.toThrow('transient');
    expect(await effectCount()).toBe(before);
    fail = false;
    expect(await consumer.handle(event)).toBe(true);
    expect(await effectCount()).toBe(before + 1);
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
