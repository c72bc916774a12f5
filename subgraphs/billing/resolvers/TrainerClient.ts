import { forbidden, unauthenticated } from '../../../kit/errors.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import type { BillingDeps } from '../deps.js';
import type { TrainerClientResolvers } from '../generated/resolvers-types.js';
import { grantsAccess, toDateString } from '../lifecycle.js';
import { activeSubscriptionByUser, planById } from '../loaders.js';

/** Training's coaching relationship, as this subgraph receives it: the `trainerId userId` key. */
export interface BillingTrainerClient {
  trainerId: string;
  userId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isId = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/**
 * The client, and the trainer the representation names when that is the viewer's own trainer
 * profile. Billing cannot see training's table; the representation is trusted because only the
 * gateway can call this subgraph (signed identity header) and it builds TrainerClient
 * representations only from training's answers, which hold only the viewer's own active
 * relationships (SECURITY.md, "Coaching").
 */
function requireCoachOrClient(reference: Partial<BillingTrainerClient>, ctx: RequestContext) {
  const viewer = ctx.viewer;
  if (!viewer) throw unauthenticated();
  const { trainerId, userId } = reference;
  if (!isId(trainerId) || !isId(userId)) throw forbidden('Not a coaching relationship.');
  const isClient = viewer.userId === userId;
  const isCoach = typeof viewer.trainerId === 'string' && viewer.trainerId === trainerId;
  if (!isClient && !isCoach) throw forbidden("Only the client and their trainer see the client's plan.");
  return { trainerId, userId };
}

export function trainerClientResolvers(
  deps: BillingDeps,
): TrainerClientResolvers<RequestContext, BillingTrainerClient> {
  const db = deps.database.db;
  return {
    __resolveReference: (reference, ctx) => requireCoachOrClient(reference, ctx),
    // The plan only: the same loaders as User.activeSubscription, batched over every client.
    activePlan: async (client, _args, ctx) => {
      const subscription = await activeSubscriptionByUser(ctx, db).load(client.userId);
      if (!subscription || !grantsAccess(subscription, toDateString(deps.clock.now()), deps.graceDays))
        return null;
      return planById(ctx, db).load(subscription.planId);
    },
  };
}
