import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../kit/db.js';
import { rows } from '../../kit/db.js';
import { badInput } from '../../kit/errors.js';

/** The parent of ProductMetrics' fields: a validated range of UTC days, both inclusive. */
export interface MetricsRange {
  from: string;
  to: string;
}

export const MAX_RANGE_DAYS = 366;
const DAY_MS = 24 * 3600 * 1000;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export function metricsRange(from: Date, to: Date): MetricsRange {
  const days = Math.round((to.getTime() - from.getTime()) / DAY_MS) + 1;
  if (days < 1) throw badInput('from must not be after to.', { field: 'from' });
  if (days > MAX_RANGE_DAYS) {
    throw badInput(`The range is at most ${MAX_RANGE_DAYS} days.`, { field: 'to', max: MAX_RANGE_DAYS });
  }
  return { from: isoDay(from), to: isoDay(to) };
}

const startOf = (day: string) => `${day}T00:00:00Z`;
const endOf = (day: string) => new Date(Date.parse(startOf(day)) + DAY_MS).toISOString();

/** Whoever did it: the user, or the random stand-in a deleted user's events carry. */
const actor = sql`coalesce(e.user_id, e.anonymous_id)`;

export const WINDOW_DAYS = { DAY: 1, WEEK: 7, MONTH: 30 } as const;

/** Distinct users with an event in the `windowDays` days ending with each day of the range. */
export async function activeUsers(
  db: Executor,
  range: MetricsRange,
  windowDays: number,
): Promise<{ date: string; activeUsers: number }[]> {
  // Distinct (day, user) pairs first, once: each day's window then counts over those, not over
  // every event of the window again.
  const result = await rows<{ day: string; active: number }>(
    db,
    sql`with days as (
          select d::date as day
          from generate_series(${startOf(range.from)}::timestamptz, ${startOf(range.to)}::timestamptz, interval '1 day') d
        ),
        active as (
          select distinct (e.created_at at time zone 'UTC')::date as day, ${actor} as actor
          from analytics.analytics_events e
          where e.created_at >= ${startOf(range.from)}::timestamptz - make_interval(days => ${windowDays - 1}::int)
            and e.created_at < ${endOf(range.to)}::timestamptz
            and ${actor} is not null
        )
        select to_char(d.day, 'YYYY-MM-DD') as day, count(distinct a.actor)::int as active
        from days d
        left join active a on a.day > d.day - ${windowDays}::int and a.day <= d.day
        group by d.day
        order by d.day`,
  );
  return result.map((r) => ({ date: r.day, activeUsers: Number(r.active) }));
}

/**
 * How many event types eventCounts reports: named in eventTypes, or (all types) found in the
 * range. Event types are the clients' own words, so "all" is refused beyond this rather than
 * growing the list without bound: days of the range (at most MAX_RANGE_DAYS) times this many.
 */
export const MAX_EVENT_TYPES = 50;

/** Events per type per day; days without events are left out. */
export async function eventCounts(
  db: Executor,
  range: MetricsRange,
  eventTypes: string[] | null | undefined,
): Promise<{ date: string; eventType: string; count: number }[]> {
  if (eventTypes && (eventTypes.length === 0 || eventTypes.length > MAX_EVENT_TYPES)) {
    throw badInput(`eventTypes takes 1 to ${MAX_EVENT_TYPES} types.`, { field: 'eventTypes' });
  }
  if (!eventTypes) {
    const [found] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from (
            select distinct e.event_type from analytics.analytics_events e
            where e.created_at >= ${startOf(range.from)}::timestamptz and e.created_at < ${endOf(range.to)}::timestamptz
            limit ${MAX_EVENT_TYPES + 1}
          ) types`,
    );
    if ((found?.n ?? 0) > MAX_EVENT_TYPES) {
      throw badInput(
        `The range has more than ${MAX_EVENT_TYPES} event types; name at most ${MAX_EVENT_TYPES} in eventTypes.`,
        { field: 'eventTypes', max: MAX_EVENT_TYPES },
      );
    }
  }
  const typeFilter: SQL = eventTypes
    ? sql`and e.event_type in (${sql.join(
        eventTypes.map((t) => sql`${t}::text`),
        sql`, `,
      )})`
    : sql``;
  const result = await rows<{ day: string; event_type: string; n: number }>(
    db,
    sql`select to_char(e.created_at at time zone 'UTC', 'YYYY-MM-DD') as day, e.event_type, count(*)::int as n
        from analytics.analytics_events e
        where e.created_at >= ${startOf(range.from)}::timestamptz and e.created_at < ${endOf(range.to)}::timestamptz
        ${typeFilter}
        group by 1, 2
        order by 1, 2`,
  );
  return result.map((r) => ({ date: r.day, eventType: r.event_type, count: Number(r.n) }));
}

export interface RetentionCohortResult {
  weekStart: string;
  size: number;
  weeks: { week: number; activeUsers: number; rate: number }[];
}

/**
 * Weekly signup cohorts (ISO weeks, Monday, UTC) that overlap the range: for each, how many of its
 * users had any event in week N after the signup week (week 0 is the signup week itself).
 */
export async function weeklyRetention(
  db: Executor,
  range: MetricsRange,
  weeks: number,
): Promise<RetentionCohortResult[]> {
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 26) {
    throw badInput('weeks must be from 1 to 26.', { field: 'weeks' });
  }
  const result = await rows<{ week_start: string; size: number; week: number | null; active: number }>(
    db,
    sql`with signups as (
          select ${actor} as actor, min(e.created_at) as signed_up_at
          from analytics.analytics_events e
          where e.event_type = 'signup' and ${actor} is not null
            and e.created_at >= date_trunc('week', ${startOf(range.from)}::timestamptz at time zone 'UTC') at time zone 'UTC'
            and e.created_at < (date_trunc('week', ${startOf(range.to)}::timestamptz at time zone 'UTC') + interval '7 days') at time zone 'UTC'
          group by 1
        ),
        members as (
          select actor, date_trunc('week', signed_up_at at time zone 'UTC') as week_start from signups
        ),
        sizes as (
          select week_start, count(*)::int as size from members group by 1
        ),
        activity as (
          select m.week_start,
                 floor(extract(epoch from (e.created_at - (m.week_start at time zone 'UTC'))) / 604800)::int as week,
                 m.actor
          from members m
          join analytics.analytics_events e on (e.user_id = m.actor or e.anonymous_id = m.actor)
          where e.created_at >= m.week_start at time zone 'UTC'
            and e.created_at < (m.week_start + make_interval(days => ${weeks * 7}::int)) at time zone 'UTC'
        )
        select to_char(s.week_start, 'YYYY-MM-DD') as week_start, s.size, a.week, count(distinct a.actor)::int as active
        from sizes s left join activity a on a.week_start = s.week_start
        group by 1, 2, 3
        order by 1, 3`,
  );
  const byWeek = new Map<string, RetentionCohortResult>();
  for (const r of result) {
    let cohort = byWeek.get(r.week_start);
    if (!cohort) {
      const size = Number(r.size);
      cohort = {
        weekStart: r.week_start,
        size,
        weeks: Array.from({ length: weeks }, (_, week) => ({ week, activeUsers: 0, rate: 0 })),
      };
      byWeek.set(r.week_start, cohort);
    }
    if (r.week !== null && r.week >= 0 && r.week < weeks) {
      const active = Number(r.active);
      cohort.weeks[r.week] = {
        week: r.week,
        activeUsers: active,
        rate: cohort.size ? active / cohort.size : 0,
      };
    }
  }
  return [...byWeek.values()];
}
