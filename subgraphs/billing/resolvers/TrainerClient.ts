import type { RequestContext } from '../../../kit/subgraph.js';
import { type CoachingKey, requireCoachOrClient } from '../coaching.js';
import type { BillingDeps } from '../deps.js';
import type { TrainerClientResolvers } from '../generated/resolvers-types.js';
import { grantsAccess, toDateString } from '../lifecycle.js';
import { activeSubscriptionByUser, planById } from '../loaders.js';

/** Training's coaching relationship, as this subgraph receives it (checked in __resolveReference). */
export type BillingTrainerClient = CoachingKey;

export function trainerClientResolvers(
  deps: BillingDeps,
): TrainerClientResolvers<RequestContext, BillingTrainerClient> {
  const db = deps.database.db;
  return {
    // Batched: a page of 100 clients is one statement against the copy of the relationships.
    __resolveReference: (reference, ctx) => requireCoachOrClient(reference, ctx, db),
    // The plan only: the same loaders as User.activeSubscription, batched over every client.
    activePlan: async (client, _args, ctx) => {
      const subscription = await activeSubscriptionByUser(ctx, db).load(client.userId);
      if (!subscription || !grantsAccess(subscription, toDateString(deps.clock.now()), deps.graceDays))
        return null;
      return planById(ctx, db).load(subscription.planId);
    },
  };
}
