import type { RequestContext } from '../../../kit/subgraph.js';
import { type CoachingKey, requireCoachOrClient } from '../coaching.js';
import type { TrainerClientResolvers } from '../generated/resolvers-types.js';
import type { HealthDeps } from '../server.js';
import { healthSeriesOf, latestHealthMetricsOf } from './User.js';

/** Training's coaching relationship, as this subgraph receives it (checked in __resolveReference). */
export type HealthTrainerClient = CoachingKey;

export function trainerClientResolvers(
  deps: HealthDeps,
): TrainerClientResolvers<RequestContext, HealthTrainerClient> {
  return {
    // Batched: a page of 100 clients is one statement against the copy of the relationships.
    __resolveReference: (reference, ctx) => requireCoachOrClient(reference, ctx, deps.database.db),
    healthSeries: (client, args, ctx) => healthSeriesOf(ctx, deps, client.userId, args),
    latestHealthMetrics: (client, args, ctx) => latestHealthMetricsOf(ctx, deps, client.userId, args),
  };
}
