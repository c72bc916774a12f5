import { isOwnerOrAdmin } from '../../../kit/authz.js';
import { pageSize } from '../../../kit/pagination.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import type { BillingDeps } from '../deps.js';
import type { UserResolvers } from '../generated/resolvers-types.js';
import { grantsAccess, toDateString } from '../lifecycle.js';
import { activeSubscriptionByUser, planById, subscriptionsByUser } from '../loaders.js';

/** Identity owns User; billing only adds fields to a reference. */
export interface UserRef {
  id: string;
}

export function userResolvers(deps: BillingDeps): UserResolvers<RequestContext, UserRef> {
  const db = deps.database.db;
  const active = async (user: UserRef, ctx: RequestContext) => {
    const row = await activeSubscriptionByUser(ctx, db).load(user.id);
    return row && grantsAccess(row, toDateString(deps.clock.now()), deps.graceDays) ? row : null;
  };
  return {
    __resolveReference: (reference) => ({ id: reference.id }),
    subscriptions: (user, args, ctx) =>
      isOwnerOrAdmin(ctx, user.id)
        ? subscriptionsByUser(ctx, db).load({
            parent: user.id,
            limit: pageSize(args.first),
            after: args.after ?? null,
          })
        : null,
    activeSubscription: (user, _args, ctx) => (isOwnerOrAdmin(ctx, user.id) ? active(user, ctx) : null),
    entitlements: async (user, _args, ctx) => {
      if (!isOwnerOrAdmin(ctx, user.id)) return null;
      const subscription = await active(user, ctx);
      if (!subscription) return [];
      const plan = await planById(ctx, db).load(subscription.planId);
      return plan ? [...plan.features].sort() : [];
    },
  };
}
