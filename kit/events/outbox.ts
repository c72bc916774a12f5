import { randomUUID } from 'node:crypto';
import { and, asc, inArray, isNull, sql } from 'drizzle-orm';
import { index, jsonb, type PgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Database, Executor } from '../db.js';
import type { Logger } from '../log.js';
import { PeriodicTask } from '../periodic.js';
import type { DomainEvent, EventBus } from './bus.js';

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

export async function writeToOutbox(
  executor: Executor,
  table: OutboxTable,
  type: string,
  payload: Record<string, unknown>,
  occurredAt: Date = new Date(),
): Promise<string> {
  const id = randomUUID();
  await executor.insert(table).values({ id, type, payload, occurredAt });
  return id;
}

/** Several events in one statement, for a change that touches many rows at once. */
export async function writeAllToOutbox(
  executor: Executor,
  table: OutboxTable,
  events: { type: string; payload: Record<string, unknown>; occurredAt: Date }[],
): Promise<string[]> {
  if (events.length === 0) return [];
  const rows = events.map((event) => ({ id: randomUUID(), ...event }));
  await executor.insert(table).values(rows);
  return rows.map((row) => row.id);
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
        const event: DomainEvent = {
          id: row.id,
          type: row.type,
          source,
          occurredAt: row.occurredAt.toISOString(),
          payload: row.payload,
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
