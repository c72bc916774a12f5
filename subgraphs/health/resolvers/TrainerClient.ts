import { type CoachingReference, requireCoachOrClient } from '../../../kit/authz.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import type { TrainerClientResolvers } from '../generated/resolvers-types.js';
import type { HealthDeps } from '../server.js';
import { healthSeriesOf, latestHealthMetricsOf } from './User.js';

/** Training's coaching relationship, as this subgraph receives it. */
export type HealthTrainerClient = CoachingReference;

export function trainerClientResolvers(
  deps: HealthDeps,
): TrainerClientResolvers<RequestContext, HealthTrainerClient> {
  return {
    __resolveReference: (reference, ctx) => requireCoachOrClient(reference, ctx, 'health data'),
    healthSeries: (client, args, ctx) => healthSeriesOf(ctx, deps, client.userId, args),
    latestHealthMetrics: (client, args, ctx) => latestHealthMetricsOf(ctx, deps, client.userId, args),
  };
}
