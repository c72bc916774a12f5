import { type CoachingReference, requireCoachOrClient } from '../../../kit/authz.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import type { BillingDeps } from '../deps.js';
import type { TrainerClientResolvers } from '../generated/resolvers-types.js';
import { grantsAccess, toDateString } from '../lifecycle.js';
import { activeSubscriptionByUser, planById } from '../loaders.js';

/** Training's coaching relationship, as this subgraph receives it. */
export type BillingTrainerClient = CoachingReference;

export function trainerClientResolvers(
  deps: BillingDeps,
): TrainerClientResolvers<RequestContext, BillingTrainerClient> {
  const db = deps.database.db;
  return {
    __resolveReference: (reference, ctx) => requireCoachOrClient(reference, ctx, 'plan'),
    // The plan only: the same loaders as User.activeSubscription, batched over every client.
    activePlan: async (client, _args, ctx) => {
      const subscription = await activeSubscriptionByUser(ctx, db).load(client.userId);
      if (!subscription || !grantsAccess(subscription, toDateString(deps.clock.now()), deps.graceDays))
        return null;
      return planById(ctx, db).load(subscription.planId);
    },
  };
}
