import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { eq } from 'drizzle-orm';
import { pgSchema } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from './db.js';
import type { DomainEvent } from './events/bus.js';
import { COACHING_RELATIONSHIP_EVENTS } from './events/coaching-relationships.js';
import { eventConsumer } from './events/consumer.js';
import { MemoryEventBus } from './events/memory-bus.js';
import { processedEventsTable } from './events/outbox.js';
import type { Viewer } from './identity-header.js';
import { LoaderRegistry } from './loaders.js';
import { createLogger } from './log.js';
import { RelationshipCopy, relationshipCopyTable } from './relationships.js';
import type { RequestContext } from './subgraph.js';
import { ClientCookies } from './client-cookies.js';

// A scratch schema with a copy of relationships: this tests the kit, not a subgraph.
const scratch = pgSchema('relationships_test');
const table = relationshipCopyTable(scratch, 'grants', {
  grantee: 'grantee_id',
  granteeUser: 'grantee_user_id',
  owner: 'owner_id',
});
const processed = processedEventsTable(scratch);
// The catalogue's coaching events stand in for any owner's events: the copy knows only the mapping.
const contract = COACHING_RELATIONSHIP_EVENTS;
const copy = new RelationshipCopy(table, contract, 'test.grants');

let database: Database;
let consumer: ReturnType<typeof eventConsumer>;
/** The text of every statement sent, in order. */
const sent: string[] = [];
beforeAll(async () => {
  database = await createDatabase({ pglite: await PGlite.create(), log: (text) => sent.push(text) });
  await database.exec(`
    create schema relationships_test;
    create table relationships_test.grants (id uuid primary key, grantee_id uuid not null,
      grantee_user_id uuid not null, owner_id uuid not null, started_at timestamptz not null,
      ended_at timestamptz);
    create table relationships_test.processed_events (consumer text not null, event_id uuid not null,
      processed_at timestamptz not null default now(), primary key (consumer, event_id));
  `);
  consumer = eventConsumer({
    group: 'grants',
    database,
    bus: new MemoryEventBus(),
    processedEvents: processed,
    handlers: copy.handlers(),
  });
});
afterAll(async () => {
  await database?.close();
});

/** A relationship's two events, as the owning subgraph would write them. */
function relationship() {
  const fact = {
    grantId: randomUUID(),
    granteeId: randomUUID(),
    granteeUserId: randomUUID(),
    ownerId: randomUUID(),
    startedAt: '2026-11-27T12:00:00.000Z',
  };
  const payload = {
    relationshipId: fact.grantId,
    trainerId: fact.granteeId,
    trainerUserId: fact.granteeUserId,
    userId: fact.ownerId,
    startedAt: fact.startedAt,
  };
  const event = (type: string, extra: Record<string, unknown>): DomainEvent => ({
    id: randomUUID(),
    type,
    source: 'owner',
    occurredAt: '2026-11-27T13:00:00.000Z',
    payload: { ...payload, ...extra },
  });
  return {
    fact,
    started: event(contract.started, { endedAt: null }),
    ended: event(contract.ended, { endedAt: '2026-11-27T13:00:00.000Z', reason: 'ended' }),
  };
}

function contextOf(userId: string | null): RequestContext {
  const viewer: Viewer | null = userId ? { userId, sessionId: 's', roles: ['USER'] } : null;
  return {
    viewer,
    service: null,
    ip: null,
    requestId: 'test',
    loaders: new LoaderRegistry(),
    log: createLogger({ level: 'silent' }),
    cookies: new ClientCookies(),
    readsMayLag: false,
  };
}

const isActive = (fact: ReturnType<typeof relationship>['fact'], viewerId = fact.granteeUserId) =>
  copy.isActiveGrantee(contextOf(viewerId), database.db, fact.granteeId, fact.ownerId);

describe('a copy of relationships kept from events', () => {
  it('grants while started, not after the end', async () => {
    const { fact, started, ended } = relationship();
    expect(await isActive(fact)).toBe(false);
    await consumer.handle(started);
    expect(await isActive(fact)).toBe(true);
    await consumer.handle(ended);
    expect(await isActive(fact)).toBe(false);
  });

  it('an end that arrives before its start leaves the relationship ended', async () => {
    const { fact, started, ended } = relationship();
    await consumer.handle(ended);
    await consumer.handle(started);
    expect(await isActive(fact)).toBe(false);
    const [row] = await database.db.select().from(table).where(eq(table.id, fact.grantId));
    expect(row?.endedAt?.toISOString()).toBe('2026-11-27T13:00:00.000Z');
  });

  it('a start written again after the end (a re-published snapshot, a redelivery) changes nothing', async () => {
    const { fact, started, ended } = relationship();
    await consumer.handle(started);
    await consumer.handle(ended);
    expect(await consumer.handle(started)).toBe(false); // the same event: already processed
    await consumer.handle({ ...started, id: randomUUID() }); // the same fact, a new event
    expect(await isActive(fact)).toBe(false);
  });

  it('ignores payloads that are not a relationship', async () => {
    const { fact, started } = relationship();
    for (const broken of [
      { ...started.payload, relationshipId: 'x' },
      { ...started.payload, trainerUserId: null },
      { ...started.payload, startedAt: 'yesterday' },
    ]) {
      await consumer.handle({ ...started, id: randomUUID(), payload: broken });
    }
    expect(await database.db.select().from(table).where(eq(table.granteeId, fact.granteeId))).toEqual([]);
  });

  it('grants only the grantee’s user, for the grantee key and owner of the relationship', async () => {
    const { fact, started } = relationship();
    await consumer.handle(started);
    expect(await isActive(fact)).toBe(true);
    expect(await isActive(fact, randomUUID())).toBe(false);
    expect(await isActive(fact, fact.ownerId)).toBe(false);
    const ctx = contextOf(fact.granteeUserId);
    expect(await copy.isActiveGrantee(ctx, database.db, randomUUID(), fact.ownerId)).toBe(false);
    expect(await copy.isActiveGrantee(ctx, database.db, fact.granteeId, randomUUID())).toBe(false);
    expect(await copy.isActiveGrantee(contextOf(null), database.db, fact.granteeId, fact.ownerId)).toBe(
      false,
    );
  });

  it('ends every active relationship of a deleted account, as owner and as grantee', async () => {
    const asOwner = relationship();
    const asGrantee = relationship();
    asGrantee.started.payload.trainerUserId = asOwner.fact.ownerId;
    const unrelated = relationship();
    for (const r of [asOwner, asGrantee, unrelated]) await consumer.handle(r.started);
    await database.db.transaction((tx) =>
      copy.endAllOf(tx, asOwner.fact.ownerId, new Date('2026-11-28T00:00:00Z')),
    );
    expect(await isActive(asOwner.fact)).toBe(false);
    expect(await isActive({ ...asGrantee.fact, granteeUserId: asOwner.fact.ownerId })).toBe(false);
    expect(await isActive(unrelated.fact)).toBe(true);
  });

  it('checks a page of relationships in one statement', async () => {
    const granteeUserId = randomUUID();
    const granteeId = randomUUID();
    const owners = Array.from({ length: 50 }, () => randomUUID());
    for (const [i, ownerId] of owners.entries()) {
      const { started, ended } = relationship();
      const ids = { trainerId: granteeId, trainerUserId: granteeUserId, userId: ownerId };
      await consumer.handle({ ...started, payload: { ...started.payload, ...ids } });
      if (i % 2 === 1) await consumer.handle({ ...ended, payload: { ...ended.payload, ...ids } });
    }
    const ctx = contextOf(granteeUserId);
    const before = database.stats.statements;
    const answers = await Promise.all(
      owners.map((ownerId) => copy.isActiveGrantee(ctx, database.db, granteeId.toUpperCase(), ownerId)),
    );
    expect(database.stats.statements - before).toBe(1);
    expect(answers).toEqual(owners.map((_, i) => i % 2 === 0));
    // The owners are one array parameter: a page of 3 sends the same text as a page of 50, so the
    // prepared statement is reused whatever the page size.
    const pageOf50 = sent.at(-1);
    const small = contextOf(granteeUserId);
    await Promise.all(
      owners.slice(0, 3).map((ownerId) => copy.isActiveGrantee(small, database.db, granteeId, ownerId)),
    );
    expect(sent.at(-1)).toBe(pageOf50);
  });

  it('refuses everyone but the owner and an active grantee, with FORBIDDEN or UNAUTHENTICATED', async () => {
    const { fact, started } = relationship();
    await consumer.handle(started);
    const check = (viewerId: string | null, granteeId: unknown = fact.granteeId) =>
      copy.requireOwnerOrActiveGrantee(contextOf(viewerId), database.db, granteeId, fact.ownerId, 'No.');
    const code = (promise: Promise<unknown>) =>
      promise.then(
        () => 'OK',
        (error) => error.extensions?.code,
      );
    expect(await code(check(fact.ownerId))).toBe('OK');
    expect(await code(check(fact.granteeUserId))).toBe('OK');
    expect(await code(check(randomUUID()))).toBe('FORBIDDEN');
    expect(await code(check(fact.granteeUserId, 'not-an-id'))).toBe('FORBIDDEN');
    expect(await code(check(null))).toBe('UNAUTHENTICATED');
  });
});
