import { inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../kit/db.js';
import { compositeKey } from '../../kit/loaders.js';
import type { RequestContext } from '../../kit/subgraph.js';
import {
  METRIC_TYPE_NAMES,
  METRIC_TYPES,
  type MetricTypeName,
  SOURCES,
  type SourceName,
  sourceNameOf,
  storedType,
} from './metric-types.js';
import { sourcePriorities } from './tables.js';

/**
 * One truth across sources: how samples of one metric type from several sources (phone, watch,
 * band) are merged before anything is summed, averaged or shown as the latest value. Every reader
 * of samples (healthSeries, goal progress, latestHealthMetrics: queries.ts) goes through the SQL
 * pieces below, so the rule lives here and nowhere else.
 *
 * The rule, as HealthKit's statistics merge sources:
 *  - time is cut into MERGE_INTERVAL slots (5 minutes, aligned on 2000-01-01T00:00Z, so every
 *    hour, day, week and month bucket of every time zone is made of whole slots: all UTC offsets
 *    are multiples of 5 minutes); a sample belongs to the slot of its recordedAt;
 *  - in each slot, only the samples of the highest-priority source that has data in that slot
 *    count (all of that source's samples in the slot: a source never competes with itself);
 *  - the priority is the user's order for the metric type (setHealthSourcePriority) or the
 *    default below; a source missing from the order ranks after every listed one, and sources of
 *    equal rank are ordered by their stored name, so exactly one source wins every slot;
 *  - sums, counts, averages, minimums and maximums are over the winning samples; the latest value
 *    is the newest slot's winning source's newest sample;
 *  - retracted samples (deleted at an on-device source: health_metric_retractions) are left out
 *    before merging, so the next source in line takes their slot.
 *
 * The hourly rollup (rollup.ts) stores merged values: it applies this rule per slot, and the hours
 * it holds are merged anew when a priority changes or a retraction arrives.
 */
export const MERGE_INTERVAL_MINUTES = 5;
export const MERGE_INTERVAL = sql.raw(`interval '${MERGE_INTERVAL_MINUTES} minutes'`);
const MERGE_ORIGIN = sql.raw(`timestamptz '2000-01-01 00:00:00+00'`);
/** The rank of a source that the order does not name: after every named one. */
const UNLISTED_RANK = 1000;

/** Dedicated wearables first (they are worn all day), then the phone platforms, then manual entry. */
const WEARABLES_FIRST: readonly SourceName[] = [
  'GARMIN',
  'GOOGLE_HEALTH',
  'FITBIT',
  'APPLE_HEALTH',
  'HEALTH_CONNECT',
  'GOOGLE_FIT',
  'MANUAL',
];
/** Weight is mostly typed in or sent by a scale through the phone; a band's estimate comes last. */
const ENTERED_FIRST: readonly SourceName[] = [
  'MANUAL',
  'APPLE_HEALTH',
  'HEALTH_CONNECT',
  'GOOGLE_FIT',
  'GARMIN',
  'GOOGLE_HEALTH',
  'FITBIT',
];

/** The default order per metric type (docs/domains.md has the table). */
export const DEFAULT_SOURCE_PRIORITY: Record<MetricTypeName, readonly SourceName[]> = {
  STEPS: WEARABLES_FIRST,
  HEART_RATE: WEARABLES_FIRST,
  CALORIES: WEARABLES_FIRST,
  DISTANCE: WEARABLES_FIRST,
  ACTIVE_MINUTES: WEARABLES_FIRST,
  SLEEP: WEARABLES_FIRST,
  WEIGHT: ENTERED_FIRST,
};

/** An order as stored: the sources' stored names. */
export const storedOrder = (names: readonly SourceName[]) => names.map((name) => SOURCES[name]);

/** The default order of a stored metric type, as stored source names. */
function defaultStored(metricType: string): string[] {
  const name = METRIC_TYPE_NAMES.find((n) => METRIC_TYPES[n].stored === metricType);
  return storedOrder(name ? DEFAULT_SOURCE_PRIORITY[name] : WEARABLES_FIRST);
}

/**
 * The effective order: the user's sources as given, then every other source in the default's
 * order, so a newly added source still has a place.
 */
export function effectiveOrder(type: MetricTypeName, chosen: readonly SourceName[]): SourceName[] {
  return [...chosen, ...DEFAULT_SOURCE_PRIORITY[type].filter((s) => !chosen.includes(s))];
}

const arrayOf = (stored: readonly string[]) =>
  sql`ARRAY[${sql.join(
    stored.map((s) => sql`${s}`),
    sql`, `,
  )}]::varchar[]`;

/** The default order of the stored metric type `typeExpr` evaluates to, as a varchar[] expression. */
export function defaultOrderSql(typeExpr: SQL): SQL {
  const cases = METRIC_TYPE_NAMES.map(
    (name) =>
      sql`WHEN ${METRIC_TYPES[name].stored} THEN ${arrayOf(storedOrder(DEFAULT_SOURCE_PRIORITY[name]))}`,
  );
  return sql`(CASE ${typeExpr} ${sql.join(cases, sql` `)} ELSE ${arrayOf(storedOrder(WEARABLES_FIRST))} END)`;
}

/** A user's order for a stored metric type (`userExpr`, `typeExpr`): theirs, or the default. */
export const orderSql = (userExpr: SQL, typeExpr: SQL) =>
  sql`coalesce((SELECT p.sources FROM health.source_priorities p WHERE p.user_id = ${userExpr} AND p.metric_type = ${typeExpr}), ${defaultOrderSql(typeExpr)})`;

/**
 * A CTE `prio(user_id, sources)`: each user's order for the stored metric type, theirs or the
 * default. Joined by the readers so one statement still answers a whole batch of users.
 */
export function priorityCte(userIds: readonly string[], metricType: string): SQL {
  return sql`prio AS (
    SELECT u.user_id, coalesce(p.sources, ${arrayOf(defaultStored(metricType))}) AS sources
    FROM unnest(ARRAY[${sql.join(
      userIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}]::uuid[]) AS u(user_id)
    LEFT JOIN health.source_priorities p ON p.user_id = u.user_id AND p.metric_type = ${metricType}
  )`;
}

/** The merge slot of a sample (`m` is the health_metrics alias). */
export const mergeSlot = (alias: string) =>
  sql`date_bin(${MERGE_INTERVAL}, ${sql.raw(alias)}.recorded_date, ${MERGE_ORIGIN})`;

/** The source's rank in `sources` (a varchar[] expression): 1 is the first. */
export const sourceRank = (alias: string, sources: SQL) =>
  sql`coalesce(array_position(${sources}, ${sql.raw(alias)}.source), ${sql.raw(String(UNLISTED_RANK))})`;

/**
 * 1 for the samples that count (the slot's winning source), more for the others: partitioned by
 * `partition` (the user, or the user and period) and the slot.
 */
export const slotStanding = (alias: string, partition: SQL, sources: SQL) =>
  sql`rank() OVER (PARTITION BY ${partition}, ${mergeSlot(alias)} ORDER BY ${sourceRank(alias, sources)}, ${sql.raw(alias)}.source)`;

/** Leaves out samples an on-device source deleted (`m` is the health_metrics alias). */
export const notRetracted = (alias: string) =>
  sql`NOT EXISTS (SELECT 1 FROM health.health_metric_retractions r WHERE r.metric_id = ${sql.raw(alias)}.id AND r.user_id = ${sql.raw(alias)}.user_id)`;

export interface SourcePriority {
  metricType: MetricTypeName;
  sources: SourceName[];
  isDefault: boolean;
}

/** Each user's effective order for the requested types, one statement per batch of users. */
export function priorityLoader(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<{ userId: string; metricType: MetricTypeName }, SourcePriority, string>(
    'health.sourcePriority',
    async (keys) => {
      const userIds = [...new Set(keys.map((k) => k.userId))];
      const found = await db.select().from(sourcePriorities).where(inArray(sourcePriorities.userId, userIds));
      const byKey = new Map(found.map((r) => [`${r.userId}/${r.metricType}`, r.sources]));
      return keys.map(({ userId, metricType }) => {
        const own = byKey.get(`${userId}/${storedType(metricType)}`);
        return own
          ? { metricType, sources: own.map(sourceNameOf), isDefault: false }
          : { metricType, sources: [...DEFAULT_SOURCE_PRIORITY[metricType]], isDefault: true };
      });
    },
    { cacheKeyFn: (key) => compositeKey(key as unknown as Record<string, unknown>) },
  );
}
