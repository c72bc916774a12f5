import { badInput, forbidden, unauthenticated } from '../../../kit/errors.js';
import { decodeCursor, encodeCursor, pageSize } from '../../../kit/pagination.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import type { HealthMetricType, TimeBucket, UserResolvers } from '../generated/resolvers-types.js';
import {
  goalsPageLoader,
  integrationsByUser,
  latestLoader,
  metricsPageLoader,
  seriesLoader,
} from '../loaders.js';
import { isCumulative, METRIC_TYPE_NAMES, storedType } from '../metric-types.js';
import { BUCKET_FIELDS } from '../queries.js';
import type { HealthDeps } from '../server.js';
import type { HealthGoalRow, HealthMetricRow } from '../tables.js';

/** The User stub this subgraph extends: only the key. */
export interface HealthUser {
  id: string;
}

/** Health data is the owner's alone: not other users, not admins, on every path (_entities included). */
export function requireOwner(user: HealthUser, ctx: RequestContext): void {
  if (!ctx.viewer) throw unauthenticated();
  if (ctx.viewer.userId !== user.id) throw forbidden('Health data is visible only to its owner.');
}

/** Rough bucket widths, to refuse series with more than MAX_BUCKETS points before running them. */
const BUCKET_MS = { HOUR: 3_600_000, DAY: 86_400_000, WEEK: 7 * 86_400_000, MONTH: 28 * 86_400_000 };
export const MAX_BUCKETS = 1000;

function checkRange(from: Date, to: Date) {
  if (!(from < to)) throw badInput('from must be before to.', { field: 'from' });
}

export interface SeriesArgs {
  metricType: HealthMetricType;
  from: Date;
  to: Date;
  bucket: TimeBucket;
  timeZone?: string | null;
}

/**
 * A user's series, validated and batched by user: what User.healthSeries and
 * TrainerClient.healthSeries both answer, once the caller has checked who may read it.
 */
export async function healthSeriesOf(
  ctx: RequestContext,
  deps: HealthDeps,
  userId: string,
  args: SeriesArgs,
) {
  checkRange(args.from, args.to);
  if (!(args.bucket in BUCKET_FIELDS)) throw badInput('Unknown bucket.', { field: 'bucket' });
  const buckets = (args.to.getTime() - args.from.getTime()) / BUCKET_MS[args.bucket];
  if (buckets > MAX_BUCKETS) {
    throw badInput(`At most ${MAX_BUCKETS} buckets per series; narrow the range or widen the bucket.`, {
      field: 'to',
    });
  }
  const points = await seriesLoader(ctx, deps.database.db).load({
    userId,
    metricType: storedType(args.metricType),
    from: args.from,
    to: args.to,
    bucket: args.bucket,
    timeZone: args.timeZone ?? 'UTC',
  });
  const cumulative = isCumulative(args.metricType);
  return points.map((p) => ({ ...p, sum: cumulative ? p.sum : null }));
}

/** A user's newest sample per type, batched by user (User and TrainerClient.latestHealthMetrics). */
export async function latestHealthMetricsOf(
  ctx: RequestContext,
  deps: HealthDeps,
  userId: string,
  args: { metricTypes?: HealthMetricType[] | null },
) {
  const types = [...new Set(args.metricTypes ?? METRIC_TYPE_NAMES)];
  const found = await latestLoader(ctx, deps.database.db).loadMany(
    types.map((t) => ({ userId, metricType: storedType(t) })),
  );
  return found.filter((r): r is HealthMetricRow => r !== null && !(r instanceof Error));
}

export function userResolvers(deps: HealthDeps): UserResolvers<RequestContext, HealthUser> {
  const db = deps.database.db;
  return {
    __resolveReference: (reference) => ({ id: reference.id }),

    healthMetrics: async (user, args, ctx) => {
      requireOwner(user, ctx);
      const limit = pageSize(args.first);
      const cursor = decodeCursor(args.after, ['timestamp', 'uuid']);
      if (args.from && args.to) checkRange(args.from, args.to);
      const found = await metricsPageLoader(ctx, db).load({
        userId: user.id,
        metricType: args.metricType ? storedType(args.metricType) : null,
        from: args.from ?? null,
        to: args.to ?? null,
        limit,
        after: cursor ? { recordedDate: cursor[0], id: cursor[1] } : null,
      });
      const nodes = found.slice(0, limit);
      const last = nodes[nodes.length - 1];
      return {
        nodes,
        pageInfo: {
          hasNextPage: found.length > limit,
          endCursor: last ? encodeCursor([last.recordedDate.toISOString(), last.id]) : null,
        },
      };
    },

    healthSeries: async (user, args, ctx) => {
      requireOwner(user, ctx);
      return healthSeriesOf(ctx, deps, user.id, args);
    },

    latestHealthMetrics: async (user, args, ctx) => {
      requireOwner(user, ctx);
      return latestHealthMetricsOf(ctx, deps, user.id, args);
    },

    healthGoals: async (user, args, ctx) => {
      requireOwner(user, ctx);
      const limit = pageSize(args.first);
      const cursor = decodeCursor(args.after, ['timestamp', 'uuid']);
      const found = await goalsPageLoader(ctx, db).load({
        userId: user.id,
        activeOnly: args.activeOnly ?? true,
        limit,
        after: cursor ? { createdAt: cursor[0], id: cursor[1] } : null,
      });
      const nodes: HealthGoalRow[] = found.slice(0, limit);
      const last = nodes[nodes.length - 1];
      return {
        nodes,
        pageInfo: {
          hasNextPage: found.length > limit,
          endCursor: last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
        },
      };
    },

    healthIntegrations: async (user, _args, ctx) => {
      requireOwner(user, ctx);
      return integrationsByUser(ctx, db).load(user.id);
    },
  };
}
