import type { RequestContext } from '../../../kit/subgraph.js';
import { type CoachingKey, requireCoachOrClient } from '../coaching.js';
import type { HealthDeps } from '../deps.js';
import type { TrainerClientResolvers } from '../generated/resolvers-types.js';
import { healthSeriesOf, latestHealthMetricsOf } from '../series.js';

export function trainerClientResolvers(
  deps: HealthDeps,
): TrainerClientResolvers<RequestContext, CoachingKey> {
  const db = deps.database.db;
  return {
    // The key only: each field below checks the relationship before it reads anything.
    __resolveReference: (reference) => ({ trainerId: reference.trainerId, userId: reference.userId }),
    healthSeries: async (client, args, ctx) => {
      await requireCoachOrClient(client, ctx, db);
      return healthSeriesOf(ctx, deps, client.userId, args);
    },
    latestHealthMetrics: async (client, args, ctx) => {
      await requireCoachOrClient(client, ctx, db);
      return latestHealthMetricsOf(ctx, deps, client.userId, args);
    },
  };
}
