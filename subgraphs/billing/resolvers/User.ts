import { requireFieldAccess } from '../../../kit/authz.js';
import { pageSize } from '../../../kit/pagination.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import { accessGrantingSubscription, entitlementsOf, readsBillingOf } from '../access.js';
import type { BillingDeps } from '../deps.js';
import type { UserResolvers } from '../generated/resolvers-types.js';
import { subscriptionsByUser } from '../loaders.js';
import type { UserRef } from '../models.js';

const PRIVATE = 'Only the user and admins see their billing.';

export function userResolvers(deps: BillingDeps): UserResolvers<RequestContext, UserRef> {
  const db = deps.database.db;
  return {
    __resolveReference: (reference) => ({ id: reference.id }),
    subscriptions: (user, args, ctx) => {
      requireFieldAccess(ctx, readsBillingOf(ctx, user.id), PRIVATE);
      return subscriptionsByUser(ctx, db).load({
        parent: user.id,
        limit: pageSize(args.first),
        after: args.after ?? null,
      });
    },
    activeSubscription: (user, _args, ctx) => {
      requireFieldAccess(ctx, readsBillingOf(ctx, user.id), PRIVATE);
      return accessGrantingSubscription(deps, ctx, user.id);
    },
    entitlements: (user, _args, ctx) => {
      requireFieldAccess(ctx, readsBillingOf(ctx, user.id), PRIVATE);
      return entitlementsOf(deps, ctx, user.id);
    },
  };
}
