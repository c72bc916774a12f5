import { eq, sql } from 'drizzle-orm';
import { getTableConfig, type PgSchema, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import type { Executor } from './db.js';
import type { EventPayload } from './events/catalogue.js';
import { anyOf, preparedQuery } from './prepared.js';
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

const MAX_CACHED_ZONES = 1000;

/**
 * One formatter per zone, made once: building an Intl.DateTimeFormat costs tens of microseconds
 * (ICU loads the zone's rules), formatting with one costs about one. A habit list asks for "today"
 * in its owner's zone for every habit's streaks. `formats` holds one kind of formatter; bounded
 * (MAX_CACHED_ZONES, then it starts over), though zones come from Intl's own list.
 */
export function formatPerZone(
  formats: Map<string, Intl.DateTimeFormat>,
  timeZone: string,
  make: () => Intl.DateTimeFormat,
): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = make();
    if (formats.size >= MAX_CACHED_ZONES) formats.clear();
    formats.set(timeZone, format);
  }
  return format;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) an instant falls on in a zone. */
export function localDate(instant: Date, timeZone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  const format = formatPerZone(
    dateFormats,
    timeZone,
    () => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }),
  );
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

/**
 * The users' zones, batched per request: one statement for every user a response needs, prepared
 * once per subgraph's table. The ids are one array parameter (`= any`), so the statement's text is
 * the same for every batch size and the prepared statement is reused. A loader that reads zones
 * along with other rows (training's streak inputs) primes this one.
 */
export function timeZoneLoader(ctx: RequestContext, db: Executor, table: UserTimeZonesTable) {
  const schema = getTableConfig(table).schema ?? 'public';
  return ctx.loaders.get<string, string>(`kit.userTimeZones:${schema}`, async (userIds) => {
    const rows = await preparedQuery<{ userId: string; timeZone: string }>(
      db,
      `kit.userTimeZones:${schema}`,
      (on) =>
        on.select({ userId: table.userId, timeZone: table.timeZone }).from(table).where(anyOf(table.userId)),
    ).execute({ keys: [...userIds] });
    const zones = new Map(rows.map((row) => [row.userId, row.timeZone]));
    return userIds.map((id) => zones.get(id) ?? DEFAULT_TIME_ZONE);
  });
}

/** A user's zone within a request, batched with every other zone the response needs. */
export function timeZoneOf(
  ctx: RequestContext,
  db: Executor,
  table: UserTimeZonesTable,
  userId: string,
): Promise<string> {
  return timeZoneLoader(ctx, db, table).load(userId);
}

/** A user's zone outside a request (a domain rule that runs once). */
export async function loadTimeZone(db: Executor, table: UserTimeZonesTable, userId: string): Promise<string> {
  const [row] = await db.select({ timeZone: table.timeZone }).from(table).where(eq(table.userId, userId));
  return row?.timeZone ?? DEFAULT_TIME_ZONE;
}

/** Wall-clock formatters (formatPerZone): a series computes dozens of bucket starts. */
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock parts of an instant in a zone. */
function wallClock(instant: Date, timeZone: string) {
  const format = formatPerZone(
    wallClockFormats,
    timeZone,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }),
  );
  const parts = format.formatToParts(instant);
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

/** The span in which hourAlignedZone vouches for a zone: data before or after it is not expected. */
export const HOUR_ALIGNED_SPAN = {
  from: new Date('1990-01-01T00:00:00Z'),
  to: new Date('2040-01-01T00:00:00Z'),
};
const hourAligned = new Map<string, boolean>();
const DAY_MS = 86_400_000;
/** No zone has held an offset for less than this since 1990. */
const OFFSET_PROBE_MS = 14 * DAY_MS;

/**
 * Whether, at every instant of HOUR_ALIGNED_SPAN, the zone's offset from UTC is a whole number of
 * hours, so every local hour, day, week and month starts on a whole UTC hour (most zones; not
 * Asia/Kolkata, Asia/Kathmandu, Australia/Adelaide...), and its calendar never goes back across a
 * midnight, so each local day, week and month is one run of UTC hours (not Antarctica/Casey in
 * 2010, whose clocks went back three hours from 02:00 to 23:00 the day before). Offsets are looked
 * up OFFSET_PROBE_MS apart, and each change of offset is then narrowed down to the minute, once
 * per zone.
 */
export function hourAlignedZone(timeZone: string): boolean {
  let aligned = hourAligned.get(timeZone);
  if (aligned === undefined) {
    let before = offsetMs(HOUR_ALIGNED_SPAN.from, timeZone);
    aligned = before % 3_600_000 === 0;
    for (
      let at = HOUR_ALIGNED_SPAN.from.getTime() + OFFSET_PROBE_MS;
      aligned && at <= HOUR_ALIGNED_SPAN.to.getTime() + OFFSET_PROBE_MS;
      at += OFFSET_PROBE_MS
    ) {
      const after = offsetMs(new Date(at), timeZone);
      if (after % 3_600_000 !== 0) aligned = false;
      else if (after < before && stepsBackOverMidnight(timeZone, at - OFFSET_PROBE_MS, at, before, after))
        aligned = false;
      before = after;
    }
    if (hourAligned.size >= MAX_CACHED_ZONES) hourAligned.clear();
    hourAligned.set(timeZone, aligned);
  }
  return aligned;
}

/**
 * Whether the zone's clocks, going back from offset `before` to `after` somewhere in (lo, hi],
 * show a midnight twice with a day between: the repeated wall-clock times [W - d, W) hold a
 * midnight other than their first instant. (Going back from midnight to 23:00, or from 01:00 to
 * midnight, repeats times of one day only.)
 */
function stepsBackOverMidnight(timeZone: string, lo: number, hi: number, before: number, after: number) {
  // The first minute with the new offset.
  let a = lo;
  let b = hi;
  while (b - a > 60_000) {
    const mid = Math.floor((a + b) / 2 / 60_000) * 60_000;
    if (offsetMs(new Date(mid), timeZone) === before) a = mid;
    else b = mid;
  }
  const wall = b + before;
  const lastMidnight = Math.floor((wall - 1) / DAY_MS) * DAY_MS;
  return lastMidnight > wall - (before - after);
}

/**
 * The instant a wall-clock time has in a zone (month 1-12), by PostgreSQL's rule (date_trunc and
 * AT TIME ZONE use it, so a series' bucket starts agree with the database's): the offsets a day
 * before and a day after are looked up; where they differ, a time the change skipped takes the
 * earlier offset, and a time that comes twice the later one.
 */
export function instantOfWallClock(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
): Date {
  const wall = Date.UTC(year, month - 1, day, hour);
  const before = offsetMs(new Date(wall - DAY_MS), timeZone);
  const after = offsetMs(new Date(wall + DAY_MS), timeZone);
  if (before === after) return new Date(wall - before);
  const asBefore = wall - before;
  const asAfter = wall - after;
  const beforeHolds = offsetMs(new Date(asBefore), timeZone) === before;
  const afterHolds = offsetMs(new Date(asAfter), timeZone) === after;
  if (beforeHolds !== afterHolds) return new Date(beforeHolds ? asBefore : asAfter);
  // Both: the time comes twice (clocks went back); neither: it was skipped (clocks went forward).
  return new Date(beforeHolds ? asAfter : asBefore);
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
