import { eq, inArray, sql } from 'drizzle-orm';
import { type PgSchema, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import type { Executor } from './db.js';
import type { EventPayload } from './events/catalogue.js';
import type { RequestContext } from './subgraph.js';

/**
 * A user's days follow their time zone (identity's `users.time_zone`, IANA). A subgraph that
 * counts days for a user (training's habit days and streaks, health's local-day series) keeps a
 * copy of the zones from identity's `user.profile_updated` events, which carry the zone with
 * every profile change and at sign-up; a user with no copy yet is on UTC, identity's default.
 */
export const DEFAULT_TIME_ZONE = 'UTC';

/** The table of the copy: one row per user whose zone identity has announced. */
export function userTimeZonesTable(schema: PgSchema) {
  return schema.table('user_time_zones', {
    userId: uuid('user_id').primaryKey(),
    timeZone: varchar('time_zone', { length: 64 }).notNull(),
    /** When identity changed it (the event's occurredAt); an older event never overwrites a newer zone. */
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
  });
}
export type UserTimeZonesTable = ReturnType<typeof userTimeZonesTable>;

/** The IANA name as Intl canonicalizes it ("europe/berlin" -> "Europe/Berlin"), or null when unknown. */
export function canonicalTimeZone(name: string): string | null {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The calendar date (YYYY-MM-DD) an instant falls on in a zone. */
export function localDate(instant: Date, timeZone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/** Keeps the copy from one `user.profile_updated` event; events without a zone change nothing. */
export async function applyTimeZoneEvent(
  tx: Executor,
  table: UserTimeZonesTable,
  payload: EventPayload<'user.profile_updated'>,
  occurredAt: string,
): Promise<void> {
  const zone = payload.timeZone ? canonicalTimeZone(payload.timeZone) : null;
  if (!zone) return;
  const changedAt = new Date(payload.updatedAt ?? occurredAt);
  await tx
    .insert(table)
    .values({ userId: payload.userId, timeZone: zone, changedAt })
    .onConflictDoUpdate({
      target: table.userId,
      set: { timeZone: zone, changedAt },
      // excluded: the row this event proposes.
      setWhere: sql`${table.changedAt} <= excluded.changed_at`,
    });
}

/** Drops a deleted user's zone (part of the subgraph's erasure, its gdpr.ts). */
export async function eraseTimeZone(tx: Executor, table: UserTimeZonesTable, userId: string): Promise<void> {
  await tx.delete(table).where(eq(table.userId, userId));
}

/** The users' zones, batched per request: one statement for every user a response needs. */
export function timeZoneOf(
  ctx: RequestContext,
  db: Executor,
  table: UserTimeZonesTable,
  userId: string,
): Promise<string> {
  return ctx.loaders
    .get<string, string>('kit.userTimeZones', async (userIds) => {
      const rows = await db
        .select({ userId: table.userId, timeZone: table.timeZone })
        .from(table)
        .where(inArray(table.userId, [...userIds]));
      const zones = new Map(rows.map((row) => [row.userId, row.timeZone]));
      return userIds.map((id) => zones.get(id) ?? DEFAULT_TIME_ZONE);
    })
    .load(userId);
}

/** A user's zone outside a request (a domain rule that runs once). */
export async function loadTimeZone(db: Executor, table: UserTimeZonesTable, userId: string): Promise<string> {
  const [row] = await db.select({ timeZone: table.timeZone }).from(table).where(eq(table.userId, userId));
  return row?.timeZone ?? DEFAULT_TIME_ZONE;
}
