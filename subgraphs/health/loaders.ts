import { and, desc, eq, inArray, lt, or, type SQL } from 'drizzle-orm';
import { type Executor, rows } from '../../kit/db.js';
import { byKey, compositeKey, groupByKey } from '../../kit/loaders.js';
import type { RequestContext } from '../../kit/subgraph.js';
import {
  type MetricsPageArgs,
  metricRowFrom,
  metricsPageQuery,
  type PeriodAggregateKey,
  periodAggregatesQuery,
  latestQuery,
  type SeriesArgs,
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

/**
 * Runs one statement per group of keys that share every argument but the user: fifty users asking
 * for the same daily step series cost one statement, not fifty.
 */
function byUserGroups<A extends object, V>(
  keys: readonly (A & { userId: string })[],
  run: (userIds: string[], args: A) => Promise<Map<string, V>>,
  empty: () => V,
): Promise<V[]> {
  const groups = new Map<string, { args: A; userIds: Set<string> }>();
  for (const key of keys) {
    const { userId, ...args } = key;
    const id = compositeKey(args as Record<string, unknown>);
    let group = groups.get(id);
    if (!group) {
      group = { args: args as unknown as A, userIds: new Set() };
      groups.set(id, group);
    }
    group.userIds.add(userId);
  }
  return Promise.all(
    [...groups.entries()].map(
      async ([id, group]) => [id, await run([...group.userIds], group.args)] as const,
    ),
  ).then((results) => {
    const byGroup = new Map(results);
    return keys.map((key) => {
      const { userId, ...args } = key;
      return byGroup.get(compositeKey(args as Record<string, unknown>))?.get(userId) ?? empty();
    });
  });
}

const cacheKeyFn = (key: object) => compositeKey(key as Record<string, unknown>);

export function seriesLoader(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<SeriesArgs & { userId: string }, SeriesPoint[], string>(
    'health.series',
    (keys) =>
      byUserGroups(
        keys,
        async (userIds, args) => {
          const found = await rows<SeriesPoint & { user_id: string }>(db, seriesQuery(userIds, args));
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

export function metricsPageLoader(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<MetricsPageArgs & { userId: string }, HealthMetricRow[], string>(
    'health.metricsPage',
    (keys) =>
      byUserGroups(
        keys,
        async (userIds, args) => {
          const found = await rows<Record<string, any>>(db, metricsPageQuery(userIds, args));
          const map = new Map<string, HealthMetricRow[]>();
          for (const raw of found) {
            const row = metricRowFrom(raw);
            const list = map.get(row.userId) ?? [];
            list.push(row);
            map.set(row.userId, list);
          }
          return map;
        },
        () => [],
      ),
    { cacheKeyFn },
  );
}

/** Newest sample per (user, type); keys are compositeKey({userId, metricType}). */
export function latestLoader(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<{ userId: string; metricType: string }, HealthMetricRow | null, string>(
    'health.latest',
    async (keys) => {
      const found = (await rows<Record<string, any>>(db, latestQuery(keys))).map(metricRowFrom);
      return byKey(
        keys.map((k) => cacheKeyFn(k)),
        found,
        (row) => cacheKeyFn({ userId: row.userId, metricType: row.metricType }),
      );
    },
    { cacheKeyFn },
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

export interface GoalsPageArgs {
  activeOnly: boolean;
  limit: number;
  after: { createdAt: string; id: string } | null;
}

/** Goal pages per user; goals are few per user, so a window over the batch is cheap. */
export function goalsPageLoader(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<GoalsPageArgs & { userId: string }, HealthGoalRow[], string>(
    'health.goalsPage',
    (keys) =>
      byUserGroups(
        keys,
        async (userIds, args) => {
          const conditions: SQL[] = [inArray(healthGoals.userId, userIds)];
          if (args.activeOnly) conditions.push(eq(healthGoals.isActive, true));
          if (args.after) {
            const at = new Date(args.after.createdAt);
            conditions.push(
              or(
                lt(healthGoals.createdAt, at),
                and(eq(healthGoals.createdAt, at), lt(healthGoals.id, args.after.id)),
              )!,
            );
          }
          const found = await db
            .select()
            .from(healthGoals)
            .where(and(...conditions))
            .orderBy(desc(healthGoals.createdAt), desc(healthGoals.id));
          const map = new Map<string, HealthGoalRow[]>();
          for (const row of found) {
            const list = map.get(row.userId) ?? [];
            if (list.length <= args.limit) list.push(row);
            map.set(row.userId, list);
          }
          return map;
        },
        () => [],
      ),
    { cacheKeyFn },
  );
}
