import { isUuid } from '../../../kit/ids.js';
import { timeZoneOf } from '../../../kit/time-zones.js';
import { userTimeZones } from '../tables.js';
import { fromStoredOrNull } from '../../../kit/stored-enums.js';
import { ownedBy } from '../access.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import type {
  HealthGoalResolvers,
  HealthIntegrationInactiveReason,
  HealthIntegrationResolvers,
  HealthSyncError,
  HealthMetricResolvers,
} from '../generated/resolvers-types.js';
import { goalProgress, goalWindow } from '../goals.js';
import { goalById, integrationById, metricById, periodAggregateLoader } from '../loaders.js';
import { providerNameOf, sourceNameOf, typeNameOf } from '../metric-types.js';
import type { HealthDeps } from '../deps.js';

export function healthMetricResolvers(deps: HealthDeps): HealthMetricResolvers<RequestContext> {
  return {
    __resolveReference: async (reference, ctx) =>
      isUuid(reference.id) ? ownedBy(await metricById(ctx, deps.database.db).load(reference.id), ctx) : null,
    metricType: (row) => typeNameOf(row.metricType),
    value: (row) => Number(row.value),
    source: (row) => sourceNameOf(row.source),
  };
}

export function healthGoalResolvers(deps: HealthDeps): HealthGoalResolvers<RequestContext> {
  return {
    __resolveReference: async (reference, ctx) =>
      isUuid(reference.id) ? ownedBy(await goalById(ctx, deps.database.db).load(reference.id), ctx) : null,
    metricType: (row) => typeNameOf(row.metricType),
    progress: async (goal, _args, ctx) => {
      const now = deps.clock.now();
      // The owner's days, whoever reads the goal (health's copy of identity's zones).
      const timeZone = await timeZoneOf(ctx, deps.database.db, userTimeZones, goal.userId);
      const window = goalWindow(goal, now, timeZone);
      const aggregate = await periodAggregateLoader(ctx, deps.database.db).load({
        userId: goal.userId,
        metricType: goal.metricType,
        from: window.from,
        to: window.to,
      });
      return goalProgress(goal, aggregate, now, timeZone);
    },
  };
}

export function healthIntegrationResolvers(deps: HealthDeps): HealthIntegrationResolvers<RequestContext> {
  return {
    __resolveReference: async (reference, ctx) =>
      isUuid(reference.id)
        ? ownedBy(await integrationById(ctx, deps.database.db).load(reference.id), ctx)
        : null,
    provider: (row) => providerNameOf(row.provider),
    needsReconnect: (row) => !row.isActive,
    inactiveReason: (row) =>
      row.isActive
        ? null
        : fromStoredOrNull<HealthIntegrationInactiveReason>(row.inactiveReason ?? 'access_revoked'),
    lastError: (row) => fromStoredOrNull<HealthSyncError>(row.lastErrorCode),
    backfill: (row) => {
      if (!row.backfillFrom) return null;
      const until = row.backfillUntil ?? row.backfilledUntil ?? row.backfillFrom;
      const reached = row.backfillUntil ? (row.backfilledUntil ?? row.backfillFrom) : until;
      const span = until.getTime() - row.backfillFrom.getTime();
      const percent =
        span <= 0 ? 100 : Math.floor(((reached.getTime() - row.backfillFrom.getTime()) / span) * 100);
      return {
        from: row.backfillFrom,
        until,
        reached,
        percent: row.backfillUntil ? Math.min(percent, 99) : 100,
        done: !row.backfillUntil,
      };
    },
  };
}
