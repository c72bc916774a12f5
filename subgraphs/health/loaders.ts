import type { Clock } from '../../kit/clock.js';
import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../kit/db.js';
import { batchByArgs, byKey, compositeKey, groupByKey } from '../../kit/loaders.js';
import { type ChildList, pagesPerParent } from '../../kit/pages-per-parent.js';
import type { RequestContext } from '../../kit/subgraph.js';
import {
  metricRowFrom,
  type PeriodAggregateKey,
  periodAggregatesQuery,
  latestQuery,
  RECENT_MS,
  type SeriesArgs,
  rollupPlan,
  rollupSeriesQuery,
  seriesQuery,
} from './queries.js';
import {
  type HealthGoalRow,
  type HealthIntegrationRow,
  type HealthMetricRow,
  healthGoals,
  healthIntegrations,
  healthMetrics,
} from './tables.js';

export interface SeriesPoint {
  start: Date;
  count: number;
  sum: number;
  avg: number;
  min: number;
  max: number;
}

const cacheKeyFn = (key: object) => compositeKey(key as Record<string, unknown>);

/** Series per user: fifty users asking for the same daily step series cost one statement. */
export function seriesLoader(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<SeriesArgs & { userId: string }, SeriesPoint[], string>(
    'health.series',
    (keys) =>
      batchByArgs(
        keys,
        ({ userId, ...args }) => ({ parent: userId, args }),
        async (userIds, args) => {
          const plan = rollupPlan(args);
          const found = await rows<SeriesPoint & { user_id: string }>(
            db,
            plan ? rollupSeriesQuery(userIds, args, plan) : seriesQuery(userIds, args),
          );
          const map = new Map<string, SeriesPoint[]>();
          for (const row of found) {
            const list = map.get(row.user_id) ?? [];
            list.push({
              start: row.start instanceof Date ? row.start : new Date(String(row.start)),
              count: Number(row.count),
              sum: Number(row.sum),
              avg: Number(row.avg),
              min: Number(row.min),
              max: Number(row.max),
            });
            map.set(row.user_id, list);
          }
          return map;
        },
        () => [],
      ),
    { cacheKeyFn },
  );
}

export interface MetricsFilter {
  metricType: string | null;
  from: Date | null;
  to: Date | null;
}

/**
 * Each user's samples, newest first. The range is a plain comparison on recorded_date, so the
 * planner prunes the monthly partitions outside it, and each user's part of the statement stops
 * after a page (metrics.test.ts checks the plan). Retracted samples are not listed; the list is
 * not merged across sources (it shows every stored sample, as the sources sent them).
 */
export const metricSamples: ChildList<HealthMetricRow, MetricsFilter> = {
  name: 'health.metricsPage',
  table: healthMetrics,
  parent: healthMetrics.userId,
  orderBy: [healthMetrics.recordedAt, healthMetrics.id],
  direction: 'desc',
  where: ({ metricType, from, to }) =>
    and(
      // Samples an on-device source deleted are left out (source-priority.ts, notRetracted).
      sql`NOT EXISTS (SELECT 1 FROM health.health_metric_retractions r WHERE r.metric_id = ${healthMetrics.id} AND r.user_id = ${healthMetrics.userId})`,
      metricType ? eq(healthMetrics.metricType, metricType) : undefined,
      from ? gte(healthMetrics.recordedAt, from) : undefined,
      to ? lt(healthMetrics.recordedAt, to) : undefined,
    ),
};

export const metricsPageLoader = (ctx: RequestContext, db: Executor) =>
  pagesPerParent(ctx, db, metricSamples);

/**
 * A (user, stored type) pair as a loader key: a stored type is a lower-case word, so the colon
 * separates them unambiguously (cheaper than compositeKey for the hundreds of keys of a page).
 */
const pairKey = (pair: { userId: string; metricType: string }) => `${pair.metricType}:${pair.userId}`;

/** Newest sample per (user, type). */
export function latestLoader(ctx: RequestContext, db: Executor, clock: Clock) {
  return ctx.loaders.get<{ userId: string; metricType: string }, HealthMetricRow | null, string>(
    'health.latest',
    async (keys) => {
      // Where to look first (RECENT_MS), never what is found.
      const recentFrom = new Date(clock.now().getTime() - RECENT_MS);
      const found = (await rows<Record<string, any>>(db, latestQuery(keys, recentFrom))).map(metricRowFrom);
      return byKey(keys.map(pairKey), found, pairKey);
    },
    { cacheKeyFn: pairKey },
  );
}

export interface PeriodAggregate {
  count: number;
  sum: number;
  latest: number | null;
}

export function periodAggregateLoader(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<Omit<PeriodAggregateKey, 'key'>, PeriodAggregate, string>(
    'health.periodAggregate',
    async (keys) => {
      const withKeys = keys.map((k) => ({ ...k, key: cacheKeyFn(k) }));
      const found = await rows<{ key: string; count: number; sum: number; latest: number | null }>(
        db,
        periodAggregatesQuery(withKeys),
      );
      const map = new Map(found.map((r) => [r.key, r]));
      return withKeys.map((k) => {
        const r = map.get(k.key);
        return {
          count: Number(r?.count ?? 0),
          sum: Number(r?.sum ?? 0),
          latest: r?.latest === null || r?.latest === undefined ? null : Number(r.latest),
        };
      });
    },
    { cacheKeyFn },
  );
}

/** Samples by id (federation references); the id alone probes each partition's primary key. */
export function metricById(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<string, HealthMetricRow | null>('health.metricById', async (ids) => {
    const found = await db
      .select()
      .from(healthMetrics)
      .where(inArray(healthMetrics.id, [...ids]));
    return byKey(ids, found, (r) => r.id);
  });
}

export function goalById(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<string, HealthGoalRow | null>('health.goalById', async (ids) => {
    const found = await db
      .select()
      .from(healthGoals)
      .where(inArray(healthGoals.id, [...ids]));
    return byKey(ids, found, (r) => r.id);
  });
}

export function integrationById(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<string, HealthIntegrationRow | null>('health.integrationById', async (ids) => {
    const found = await db
      .select()
      .from(healthIntegrations)
      .where(inArray(healthIntegrations.id, [...ids]));
    return byKey(ids, found, (r) => r.id);
  });
}

export function integrationsByUser(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<string, HealthIntegrationRow[]>('health.integrationsByUser', async (userIds) => {
    const found = await db
      .select()
      .from(healthIntegrations)
      .where(inArray(healthIntegrations.userId, [...userIds]))
      .orderBy(healthIntegrations.provider);
    return groupByKey(userIds, found, (r) => r.userId);
  });
}

/** Each user's goals, newest first, active ones only unless the key says otherwise. */
export function goalsPageLoader(ctx: RequestContext, db: Executor) {
  return pagesPerParent<HealthGoalRow, { activeOnly: boolean }>(ctx, db, {
    name: 'health.goalsPage',
    table: healthGoals,
    parent: healthGoals.userId,
    orderBy: [healthGoals.createdAt, healthGoals.id],
    direction: 'desc',
    where: ({ activeOnly }) => (activeOnly ? eq(healthGoals.isActive, true) : undefined),
  });
}
