import { randomUUID } from 'node:crypto';
import { and, asc, inArray, isNull, sql } from 'drizzle-orm';
import { index, jsonb, type PgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Database, Executor } from '../db.js';
import type { Logger } from '../log.js';
import { PeriodicTask } from '../periodic.js';
import type { DomainEvent, EventBus } from './bus.js';
import {
  type EventContract,
  type EventName,
  type EventPayloadInput,
  catalogue,
  describeIssues,
} from './catalogue.js';

/** The outbox a subgraph writes its events to, in the same transaction as the change they describe. */
export function outboxTable(schema: PgSchema) {
  return schema.table(
    'outbox',
    {
      id: uuid('id').primaryKey(),
      type: text('type').notNull(),
      payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
      occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
      publishedAt: timestamp('published_at', { withTimezone: true }),
    },
    (t) => [index('outbox_unpublished_idx').on(t.occurredAt).where(sql`published_at is null`)],
  );
}
export type OutboxTable = ReturnType<typeof outboxTable>;

/** Events a consumer has handled, so a redelivered event changes nothing. */
export function processedEventsTable(schema: PgSchema) {
  return schema.table(
    'processed_events',
    {
      consumer: text('consumer').notNull(),
      eventId: uuid('event_id').notNull(),
      processedAt: timestamp('processed_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [primaryKey({ columns: [t.consumer, t.eventId] })],
  );
}
export type ProcessedEventsTable = ReturnType<typeof processedEventsTable>;

/** One event for the outbox: a catalogue name and that event's payload. */
export type OutboxEvent = {
  [N in EventName]: { type: N; payload: EventPayloadInput<N>; occurredAt: Date };
}[EventName];

/**
 * The key under which an outbox row keeps its event's version, inside the stored payload (the
 * outbox has no column for it). The relay moves it to the envelope (`DomainEvent.version`), so
 * consumers never see it in the payload; a row without it is version 1.
 */
export const VERSION_KEY = 'eventVersion';

/**
 * Writes an event inside the caller's transaction, so it exists if and only if the change it
 * describes commits. The payload is checked against the catalogue at compile time and again
 * here: a payload that breaks its contract is a bug in the producer, refused before any consumer
 * would have to skip it. Fields outside the contract are not stored.
 */
export async function writeEvent<N extends EventName>(
  executor: Executor,
  table: OutboxTable,
  type: N,
  payload: EventPayloadInput<N>,
  occurredAt: Date = new Date(),
): Promise<string> {
  const [id] = await writeEvents(executor, table, [{ type, payload, occurredAt } as OutboxEvent]);
  return id!;
}

/** Several events in one statement, for a change that touches many rows at once. */
export async function writeEvents(
  executor: Executor,
  table: OutboxTable,
  events: OutboxEvent[],
): Promise<string[]> {
  if (events.length === 0) return [];
  const rows = events.map((event) => ({
    id: randomUUID(),
    type: event.type,
    payload: storedPayload(event),
    occurredAt: event.occurredAt,
  }));
  await executor.insert(table).values(rows);
  return rows.map((row) => row.id);
}

function storedPayload(event: OutboxEvent): Record<string, unknown> {
  const contract: EventContract = catalogue[event.type];
  const checked = contract.payload.safeParse(event.payload);
  if (!checked.success) {
    throw new Error(`${event.type} payload breaks its contract: ${describeIssues(checked.error)}`);
  }
  return { ...checked.data, [VERSION_KEY]: contract.version };
}

/** The envelope's version and the payload proper of a stored payload. */
export function unpackStoredPayload(stored: Record<string, unknown>): {
  version: number;
  payload: Record<string, unknown>;
} {
  if (!Object.hasOwn(stored, VERSION_KEY)) return { version: 1, payload: stored };
  const { [VERSION_KEY]: version, ...payload } = stored;
  // Not a version at all: 0, which no contract has, so consumers skip it and say why.
  return { version: Number.isInteger(version) ? (version as number) : 0, payload };
}

/**
 * Moves committed outbox rows to the bus. A row is marked published only after the bus took it,
 * so a crash between commit and publish delays the event but never loses it.
 */
export class OutboxRelay extends PeriodicTask<number> {
  constructor(
    database: Database,
    table: OutboxTable,
    bus: EventBus,
    source: string,
    log?: Logger,
    intervalMs = 500,
  ) {
    super({
      name: `${source} outbox relay`,
      intervalMs,
      // Every replica relays: each batch's rows are claimed with FOR UPDATE SKIP LOCKED.
      across: 'every-replica',
      firstRun: 'soon',
      log,
      work: () => publishOutbox(database, table, bus, source),
    });
  }

  /** Publishes what is waiting now; returns how many events went out. Calls never overlap. */
  flush(): Promise<number> {
    return this.runNow();
  }
}

/** Publishes committed, unpublished outbox rows in batches of 100 until none are left. */
async function publishOutbox(
  database: Database,
  table: OutboxTable,
  bus: EventBus,
  source: string,
): Promise<number> {
  let total = 0;
  for (;;) {
    const sent = await database.db.transaction(async (tx) => {
      const batch = await tx
        .select()
        .from(table)
        .where(isNull(table.publishedAt))
        .orderBy(asc(table.occurredAt))
        .limit(100)
        .for('update', { skipLocked: true });
      for (const row of batch) {
        const { version, payload } = unpackStoredPayload(row.payload);
        const event: DomainEvent = {
          id: row.id,
          type: row.type,
          source,
          occurredAt: row.occurredAt.toISOString(),
          version,
          payload,
        };
        await bus.publish(event);
      }
      if (batch.length > 0) {
        await tx
          .update(table)
          .set({ publishedAt: new Date() })
          .where(
            and(
              inArray(
                table.id,
                batch.map((r) => r.id),
              ),
              isNull(table.publishedAt),
            ),
          );
      }
      return batch.length;
    });
    total += sent;
    if (sent < 100) return total;
  }
}

/**
 * Runs a handler for an event at most once per consumer: the processed mark and the handler's
 * writes commit together, so a redelivery after a crash either finds both or neither.
 */
export async function consumeOnce(
  database: Database,
  table: ProcessedEventsTable,
  consumer: string,
  event: DomainEvent,
  handler: (tx: Executor) => Promise<void>,
): Promise<boolean> {
  return database.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(table)
      .values({ consumer, eventId: event.id })
      .onConflictDoNothing()
      .returning({ id: table.eventId });
    if (inserted.length === 0) return false;
    await handler(tx);
    return true;
  });
}
