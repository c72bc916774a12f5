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
 * Buckets per user: date_trunc with a time zone (PostgreSQL 12+) follows the zone's DST rules.
 * Sources are merged first (source-priority.ts): only the winning source's samples of each
 * 5-minute slot reach the aggregates.
 */
export function seriesQuery(userIds: readonly string[], args: SeriesArgs): SQL {
  const field = BUCKET_FIELDS[args.bucket];
  return sql`WITH ${priorityCte(userIds, args.metricType)},
    merged AS (
      SELECT m.user_id, m.recorded_date, m.value,
        ${slotStanding('m', sql`m.user_id`, sql`prio.sources`)} AS standing
      FROM health.health_metrics m
      JOIN prio ON prio.user_id = m.user_id
      WHERE m.user_id IN (${list(userIds.map((id) => sql`${id}::uuid`))})
        AND m.metric_type = ${args.metricType}
        AND m.recorded_date >= ${args.from.toISOString()}::timestamptz
        AND m.recorded_date < ${args.to.toISOString()}::timestamptz
        AND ${notRetracted('m')}
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

/**
 * The latest value per (user, type) pair, merged: the newest sample's 5-minute slot, and in it the
 * winning source's newest sample. Two index probes per pair, newest partition first.
 */
export function latestQuery(pairs: readonly { userId: string; metricType: string }[]): SQL {
  return sql`SELECT m.* FROM (VALUES ${list(
    pairs.map((p) => sql`(${p.userId}::uuid, ${p.metricType}::varchar)`),
  )}) AS k(user_id, metric_type)
    CROSS JOIN LATERAL (
      SELECT ${mergeSlot('n')} AS slot FROM health.health_metrics n
      WHERE n.user_id = k.user_id AND n.metric_type = k.metric_type AND ${notRetracted('n')}
      ORDER BY n.recorded_date DESC
      LIMIT 1
    ) newest
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
