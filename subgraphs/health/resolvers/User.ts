import { pageSize } from '../../../kit/pagination.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import { type HealthUser, requireOwner } from '../access.js';
import type { HealthDeps } from '../deps.js';
import type { UserResolvers } from '../generated/resolvers-types.js';
import { goalsPageLoader, integrationsByUser, metricsPageLoader } from '../loaders.js';
import { syncStatesOf } from '../device-sync.js';
import { METRIC_TYPE_NAMES, storedType } from '../metric-types.js';
import { priorityLoader, type SourcePriority } from '../source-priority.js';
import { checkRange, healthSeriesOf, latestHealthMetricsOf } from '../series.js';

export function userResolvers(deps: HealthDeps): UserResolvers<RequestContext, HealthUser> {
  const db = deps.database.db;
  return {
    __resolveReference: (reference) => ({ id: reference.id }),

    healthMetrics: async (user, args, ctx) => {
      requireOwner(user, ctx);
      const limit = pageSize(args.first);
      if (args.from && args.to) checkRange(args.from, args.to);
      return metricsPageLoader(ctx, db).load({
        parent: user.id,
        limit,
        after: args.after ?? null,
        filter: {
          metricType: args.metricType ? storedType(args.metricType) : null,
          from: args.from ?? null,
          to: args.to ?? null,
        },
      });
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
      return goalsPageLoader(ctx, db).load({
        parent: user.id,
        limit: pageSize(args.first),
        after: args.after ?? null,
        filter: { activeOnly: args.activeOnly ?? true },
      });
    },

    healthIntegrations: async (user, _args, ctx) => {
      requireOwner(user, ctx);
      return integrationsByUser(ctx, db).load(user.id);
    },

    healthSyncState: async (user, _args, ctx) => {
      requireOwner(user, ctx);
      return syncStatesOf(db, user.id);
    },

    healthSourcePriorities: async (user, args, ctx) => {
      requireOwner(user, ctx);
      const types = [...new Set(args.metricTypes ?? METRIC_TYPE_NAMES)];
      return priorityLoader(ctx, db).loadMany(
        types.map((metricType) => ({ userId: user.id, metricType })),
      ) as Promise<SourcePriority[]>;
    },
  };
}
