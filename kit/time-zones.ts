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

/**
 * One formatter per zone, made once: building an Intl.DateTimeFormat costs tens of microseconds
 * (ICU loads the zone's rules), formatting with one costs about one. A habit list asks for "today"
 * in its owner's zone for every habit's streaks. Bounded, though zones come from Intl's own list.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const MAX_CACHED_ZONES = 1000;

/** The calendar date (YYYY-MM-DD) an instant falls on in a zone. */
export function localDate(instant: Date, timeZone: string): string {
  let format = dateFormats.get(timeZone);
  if (!format) {
    // en-CA formats dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    if (dateFormats.size >= MAX_CACHED_ZONES) dateFormats.clear();
    dateFormats.set(timeZone, format);
  }
  return format.format(instant);
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

/** The wall-clock parts of an instant in a zone. */
function wallClock(instant: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
  };
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetMs(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const wallAsUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return wallAsUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant a wall-clock time has in a zone (month 1-12). Across a daylight-saving change the
 * offset is looked up twice, so times next to the change land on the right side of it.
 */
export function instantOfWallClock(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
): Date {
  const wallAsUtc = Date.UTC(year, month - 1, day, hour);
  const first = wallAsUtc - offsetMs(new Date(wallAsUtc), timeZone);
  return new Date(wallAsUtc - offsetMs(new Date(first), timeZone));
}

/** Midnight starting a calendar date (YYYY-MM-DD) in a zone. */
export function startOfLocalDate(date: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return instantOfWallClock(timeZone, year, month, day);
}

export type CalendarBucket = 'HOUR' | 'DAY' | 'WEEK' | 'MONTH';

/**
 * The starts of every bucket that overlaps [from, to), on the zone's calendar, as PostgreSQL's
 * date_trunc(field, instant, zone) gives them: hours, days, ISO weeks (Monday) or months. A chart
 * needs every bucket, not only those with data.
 */
export function bucketStarts(from: Date, to: Date, bucket: CalendarBucket, timeZone: string): Date[] {
  const starts: Date[] = [];
  if (!(from < to)) return starts;
  const w = wallClock(from, timeZone);
  if (bucket === 'HOUR') {
    // Whole-hour offsets and half-hour ones alike: the local hour's start, then one hour at a time.
    let at = from.getTime() - ((w.minute * 60 + w.second) * 1000 + from.getUTCMilliseconds());
    for (; at < to.getTime(); at += 3_600_000) starts.push(new Date(at));
    return starts;
  }
  // Calendar arithmetic on the local date (as a UTC date, where every day has 24 hours).
  const local = new Date(Date.UTC(w.year, w.month - 1, w.day));
  if (bucket === 'WEEK') local.setUTCDate(local.getUTCDate() - ((local.getUTCDay() + 6) % 7));
  if (bucket === 'MONTH') local.setUTCDate(1);
  for (;;) {
    const start = instantOfWallClock(
      timeZone,
      local.getUTCFullYear(),
      local.getUTCMonth() + 1,
      local.getUTCDate(),
    );
    if (start >= to) return starts;
    starts.push(start);
    if (bucket === 'DAY') local.setUTCDate(local.getUTCDate() + 1);
    else if (bucket === 'WEEK') local.setUTCDate(local.getUTCDate() + 7);
    else local.setUTCMonth(local.getUTCMonth() + 1);
  }
}
