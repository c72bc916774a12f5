import { type SQL, sql } from 'drizzle-orm';
import {
  MERGE_INTERVAL,
  mergeSlot,
  notRetracted,
  orderSql,
  priorityCte,
  slotStanding,
  sourceRank,
} from './source-priority.js';
import type { HealthMetricRow } from './tables.js';
import { HOUR_ALIGNED_SPAN, hourAlignedZone } from '../../kit/time-zones.js';

/**
 * The SQL behind the read loaders, as functions of a whole batch: each builds one statement for
 * every user (or goal) in the batch. Ranges are plain comparisons on recorded_date, so the
 * planner prunes the monthly partitions outside them (a test checks the EXPLAIN output).
 */

export const BUCKET_FIELDS = { HOUR: 'hour', DAY: 'day', WEEK: 'week', MONTH: 'month' } as const;
export type BucketName = keyof typeof BUCKET_FIELDS;

const list = (values: readonly SQL[]) => sql.join([...values], sql`, `);

/** Snake-case rows from raw SQL to the Drizzle row shape. */
export function metricRowFrom(raw: Record<string, any>): HealthMetricRow {
  const at = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));
  return {
    id: raw.id,
    userId: raw.user_id,
    metricType: raw.metric_type,
    value: String(raw.value),
    unit: raw.unit,
    source: raw.source,
    sourceDevice: raw.source_device ?? null,
    recordedAt: at(raw.recorded_date),
    syncedAt: at(raw.synced_at),
    createdAt: at(raw.created_at),
  };
}

export interface SeriesArgs {
  metricType: string;
  from: Date;
  to: Date;
  bucket: BucketName;
  timeZone: string;
}

/**
 * The users' samples of one type within `range` (a condition on `m`), not retracted, each with its
 * standing in its 5-minute slot by the users' source order (1: the sample counts once sources are
 * merged). Needs the `prio` CTE (priorityCte) in the statement.
 */
function standingSamples(userIds: readonly string[], metricType: string, range: SQL): SQL {
  return sql`SELECT m.user_id, m.recorded_date, m.value,
        ${slotStanding('m', sql`m.user_id`, sql`prio.sources`)} AS standing
      FROM health.health_metrics m
      JOIN prio ON prio.user_id = m.user_id
      WHERE m.user_id IN (${list(userIds.map((id) => sql`${id}::uuid`))})
        AND m.metric_type = ${metricType}
        AND ${range}
        AND ${notRetracted('m')}`;
}

/**
 * Buckets per user: date_trunc with a time zone (PostgreSQL 12+) follows the zone's DST rules.
 * Sources are merged first (source-priority.ts): only the winning source's samples of each
 * 5-minute slot reach the aggregates.
 */
export function seriesQuery(userIds: readonly string[], args: SeriesArgs): SQL {
  const field = BUCKET_FIELDS[args.bucket];
  return sql`WITH ${priorityCte(userIds, args.metricType)},
    merged AS (
      ${standingSamples(
        userIds,
        args.metricType,
        sql`m.recorded_date >= ${args.from.toISOString()}::timestamptz
        AND m.recorded_date < ${args.to.toISOString()}::timestamptz`,
      )}
    )
    SELECT user_id,
      date_trunc(${field}, recorded_date, ${args.timeZone}) AS start,
      count(*)::int AS count,
      sum(value)::float8 AS sum,
      avg(value)::float8 AS avg,
      min(value)::float8 AS min,
      max(value)::float8 AS max
    FROM merged
    WHERE standing = 1
    GROUP BY 1, 2
    ORDER BY 1, 2`;
}

/** Where a series is read from the hourly rollup (rollup.ts), and where from the samples. */
export interface RollupPlan {
  /** The whole UTC hours of [from, to), read from the rollup: [from, to). */
  hours: { from: Date; to: Date };
  /** The parts of [from, to) that are not whole hours, read from the samples. */
  edges: { from: Date; to: Date }[];
}

const HOUR_MS = 3_600_000;

/**
 * How the rollup answers a series, or null when it cannot: a zone whose offsets are not whole
 * hours (its local hours, days and weeks cut UTC hours), a range outside the span where that is
 * known, or less than one whole hour. In the zones it takes every bucket start is a whole UTC
 * hour, so every bucket is whole UTC hours but where [from, to) cuts one.
 */
export function rollupPlan(args: SeriesArgs): RollupPlan | null {
  const { from, to } = args;
  if (from < HOUR_ALIGNED_SPAN.from || to > HOUR_ALIGNED_SPAN.to || !hourAlignedZone(args.timeZone))
    return null;
  const wholeFrom = new Date(Math.ceil(from.getTime() / HOUR_MS) * HOUR_MS);
  const wholeTo = new Date(Math.floor(to.getTime() / HOUR_MS) * HOUR_MS);
  if (!(wholeFrom < wholeTo)) return null;
  const edges: RollupPlan['edges'] = [];
  if (from < wholeFrom) edges.push({ from, to: wholeFrom });
  if (wholeTo < to) edges.push({ from: wholeTo, to });
  return { hours: { from: wholeFrom, to: wholeTo }, edges };
}

const BUCKET_STEPS = { DAY: '1 day', WEEK: '1 week', MONTH: '1 month' } as const;

/**
 * The buckets of [from, to) in the zone as rows `(start, lo, hi)`: each bucket's start (the
 * point's label, as date_trunc(field, instant, zone) gives it) and the whole hours [lo, hi) of it
 * inside [wholeFrom, wholeTo). PostgreSQL counts them out on the zone's local calendar (a local
 * midnight, Monday or first of the month turned into an instant by the rule date_trunc itself
 * uses), so the statement's text is the same for any number of buckets and its plan is reused;
 * one step past `to` in local time, then cut, because the local clock can step back across `to`.
 * A bucket's hours begin at its start but where the clocks went back over it: Havana's 1 November
 * 2026 starts at its second midnight (05:00 UTC, by that rule), yet the hour from its first one
 * (04:00 UTC) is that day's too. hourAlignedZone keeps out the zones whose calendar steps back
 * over a whole midnight, where a day's hours are not one run.
 */
export function bucketRanges(args: SeriesArgs, wholeFrom: Date, wholeTo: Date): SQL {
  const field = BUCKET_FIELDS[args.bucket];
  const step = BUCKET_STEPS[args.bucket as keyof typeof BUCKET_STEPS];
  const zone = args.timeZone;
  const from = sql`${args.from.toISOString()}::timestamptz`;
  const to = sql`${args.to.toISOString()}::timestamptz`;
  const truncated = (instant: SQL) => sql`date_trunc(${field}, ${instant}, ${zone})`;
  return sql`(
      SELECT b.start,
        greatest(b.first, ${wholeFrom.toISOString()}::timestamptz) AS lo,
        least(coalesce(lead(b.first) OVER (ORDER BY b.start), ${to}), ${wholeTo.toISOString()}::timestamptz) AS hi
      FROM (
        SELECT s.start,
          CASE WHEN ${truncated(sql`s.start - interval '1 hour'`)} = s.start
            THEN (SELECT min(s.start - k * interval '1 hour') FROM generate_series(1, 24) AS k
                  WHERE ${truncated(sql`s.start - k * interval '1 hour'`)} = s.start)
            ELSE s.start
          END AS first
        FROM (
          SELECT l.wall AT TIME ZONE ${zone} AS start
          FROM generate_series(
            date_trunc(${field}, ${from} AT TIME ZONE ${zone}),
            (${to} AT TIME ZONE ${zone}) + ${step}::interval,
            ${step}::interval
          ) AS l(wall)
          -- OFFSET 0 keeps each subquery a step of its own: flattened, its expressions (a zone
          -- conversion, date_trunc) would be copied into every reference and computed again there.
          OFFSET 0
        ) s
        OFFSET 0
      ) b
      WHERE b.first < ${to}
    )`;
}

/**
 * seriesQuery's answer from the rollup: one index range per user and bucket over the hours it
 * covers (the rows carry their aggregates in the index: no table pages are read), plus the merged
 * samples of the edges that are not whole hours, summed per bucket. Equal to seriesQuery's
 * (rollup.test.ts proves it for random windows, zones and buckets).
 */
export function rollupSeriesQuery(userIds: readonly string[], args: SeriesArgs, plan: RollupPlan): SQL {
  const field = BUCKET_FIELDS[args.bucket];
  const { from: wholeFrom, to: wholeTo } = plan.hours;
  const users = sql`unnest(ARRAY[${list(userIds.map((id) => sql`${id}::uuid`))}]::uuid[]) AS u(user_id)`;
  const wholeRange = sql`h.hour_start >= ${wholeFrom.toISOString()}::timestamptz AND h.hour_start < ${wholeTo.toISOString()}::timestamptz`;
  // HOUR buckets are the rollup's rows themselves (the zone's hours are UTC hours); longer ones
  // sum an index range per bucket, which costs less than truncating every hour in the zone.
  const hours =
    args.bucket === 'HOUR'
      ? sql`SELECT h.user_id, h.hour_start, h.sample_count::bigint, h.value_sum, h.value_min, h.value_max
      FROM health.health_metric_hours h
      WHERE h.user_id IN (${list(userIds.map((id) => sql`${id}::uuid`))}) AND h.metric_type = ${args.metricType}
        AND ${wholeRange}`
      : sql`SELECT u.user_id, b.start, a.n, a.s, a.lo, a.hi
      FROM ${users}
      CROSS JOIN ${bucketRanges(args, wholeFrom, wholeTo)} AS b
      CROSS JOIN LATERAL (
        SELECT sum(h.sample_count) AS n, sum(h.value_sum) AS s, min(h.value_min) AS lo, max(h.value_max) AS hi
        FROM health.health_metric_hours h
        WHERE h.user_id = u.user_id AND h.metric_type = ${args.metricType}
          AND h.hour_start >= b.lo AND h.hour_start < b.hi
          -- The whole range as well, as parameters: the executor prunes the months outside it once
          -- at start, rather than probing every month's index for every bucket.
          AND ${wholeRange}
      ) a
      WHERE b.lo < b.hi AND a.n IS NOT NULL`;
  const edges =
    plan.edges.length === 0
      ? sql``
      : sql`UNION ALL
      SELECT e.user_id, date_trunc(${field}, e.recorded_date, ${args.timeZone}), count(*), sum(e.value), min(e.value), max(e.value)
      FROM (
        ${standingSamples(
          userIds,
          args.metricType,
          sql`(${sql.join(
            plan.edges.map(
              (e) =>
                sql`(m.recorded_date >= ${e.from.toISOString()}::timestamptz AND m.recorded_date < ${e.to.toISOString()}::timestamptz)`,
            ),
            sql` OR `,
          )})`,
        )}
      ) e
      WHERE e.standing = 1
      GROUP BY 1, 2`;
  return sql`WITH ${plan.edges.length === 0 ? sql`` : sql`${priorityCte(userIds, args.metricType)},`}
    parts(user_id, start, n, s, lo, hi) AS (
      ${hours}
      ${edges}
    )
    SELECT user_id, start,
      sum(n)::int AS count,
      sum(s)::float8 AS sum,
      (sum(s) / sum(n))::float8 AS avg,
      min(lo)::float8 AS min,
      max(hi)::float8 AS max
    FROM parts
    GROUP BY 1, 2
    ORDER BY 1, 2`;
}

/** How far back latestQuery looks first: the newest sample of anyone active is this recent. */
export const RECENT_MS = 35 * 86_400_000;

/**
 * The latest value per (user, type) pair, merged: the newest sample's 5-minute slot, and in it the
 * winning source's newest sample. The newest slot is looked for among the samples since
 * `recentFrom` first (a parameter: the executor keeps only those months' partitions), and only
 * when there are none among all of them (COALESCE evaluates its second argument only then): a
 * newest-first probe of every monthly partition per pair cost a trainer dashboard of 100 clients
 * most of its time.
 *
 * The pairs are two array parameters, so the statement's text is the same for any batch: its
 * prepared plan is kept and reused. With a VALUES row per pair the text changed with the batch
 * size and PostgreSQL planned it anew on every execution (three subqueries over every monthly
 * partition: 8.8 ms of planning for 100 pairs, more than the 3 ms it takes to run).
 */
export function latestQuery(pairs: readonly { userId: string; metricType: string }[], recentFrom: Date): SQL {
  const newest = (bounded: boolean) => sql`(SELECT ${mergeSlot('n')} FROM health.health_metrics n
        WHERE n.user_id = k.user_id AND n.metric_type = k.metric_type
          ${bounded ? sql`AND n.recorded_date >= ${recentFrom.toISOString()}::timestamptz` : sql``}
          AND ${notRetracted('n')}
        ORDER BY n.recorded_date DESC
        LIMIT 1)`;
  const userIds = sql.param(pairs.map((p) => p.userId));
  const metricTypes = sql.param(pairs.map((p) => p.metricType));
  return sql`SELECT m.* FROM unnest(${userIds}::uuid[], ${metricTypes}::varchar[]) AS k(user_id, metric_type)
    CROSS JOIN LATERAL (SELECT coalesce(${newest(true)}, ${newest(false)}) AS slot) newest
    CROSS JOIN LATERAL (
      SELECT m.* FROM health.health_metrics m
      WHERE m.user_id = k.user_id AND m.metric_type = k.metric_type
        AND m.recorded_date >= newest.slot AND m.recorded_date < newest.slot + ${MERGE_INTERVAL}
        AND ${notRetracted('m')}
      ORDER BY ${sourceRank('m', orderSql(sql`k.user_id`, sql`k.metric_type`))}, m.source, m.recorded_date DESC
      LIMIT 1
    ) m`;
}

export interface PeriodAggregateKey {
  key: string;
  userId: string;
  metricType: string;
  from: Date;
  to: Date;
}

/**
 * Total, count and latest value over a period, for many (user, type, period) triples at once,
 * over the merged samples (source-priority.ts), so goal progress counts no step twice.
 */
export function periodAggregatesQuery(keys: readonly PeriodAggregateKey[]): SQL {
  return sql`SELECT k.key, a.count, a.sum, a.latest
    FROM (VALUES ${list(
      keys.map(
        (k) =>
          sql`(${k.key}::text, ${k.userId}::uuid, ${k.metricType}::varchar, ${k.from.toISOString()}::timestamptz, ${k.to.toISOString()}::timestamptz)`,
      ),
    )}) AS k(key, user_id, metric_type, from_ts, to_ts)
    CROSS JOIN LATERAL (
      SELECT ${orderSql(sql`k.user_id`, sql`k.metric_type`)} AS sources
    ) prio
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS count,
        coalesce(sum(w.value), 0)::float8 AS sum,
        (array_agg(w.value ORDER BY w.recorded_date DESC))[1]::float8 AS latest
      FROM (
        SELECT m.value, m.recorded_date, ${slotStanding('m', sql`m.user_id`, sql`prio.sources`)} AS standing
        FROM health.health_metrics m
        WHERE m.user_id = k.user_id AND m.metric_type = k.metric_type
          AND m.recorded_date >= k.from_ts AND m.recorded_date < k.to_ts
          AND ${notRetracted('m')}
      ) w
      WHERE w.standing = 1
    ) a`;
}
