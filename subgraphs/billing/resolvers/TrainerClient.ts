import type { RequestContext } from '../../../kit/subgraph.js';
import { accessGrantingPlan } from '../access.js';
import { type CoachingKey, requireCoachOrClient } from '../coaching.js';
import type { BillingDeps } from '../deps.js';
import type { TrainerClientResolvers } from '../generated/resolvers-types.js';

export function trainerClientResolvers(
  deps: BillingDeps,
): TrainerClientResolvers<RequestContext, CoachingKey> {
  return {
    // The key only: the field below checks the relationship before it reads anything.
    __resolveReference: (reference) => ({ trainerId: reference.trainerId, userId: reference.userId }),
    // The plan only: the same loaders as User.activeSubscription, batched over every client.
    activePlan: async (client, _args, ctx) => {
      await requireCoachOrClient(client, ctx, deps.database.db);
      return accessGrantingPlan(deps, ctx, client.userId);
    },
  };
}
