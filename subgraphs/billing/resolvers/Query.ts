import { isAdmin, requireAdmin } from '../../../kit/authz.js';
import { pageSize } from '../../../kit/pagination.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import { visiblePayment, visibleSubscription } from '../access.js';
import type { BillingDeps } from '../deps.js';
import type { QueryResolvers } from '../generated/resolvers-types.js';
import { availableGateways, refreshPayment } from '../confirmations.js';
import { paymentById, subscriptionById } from '../loaders.js';
import { listPlans } from '../plans.js';

export function queryResolvers(deps: BillingDeps): QueryResolvers<RequestContext> {
  const db = deps.database.db;
  return {
    subscriptionPlans: (_parent, { includeInactive, first, after }, ctx) => {
      if (includeInactive) requireAdmin(ctx);
      return listPlans(db, {
        includeInactive: !!includeInactive && isAdmin(ctx),
        limit: pageSize(first),
        after,
      });
    },
    subscription: async (_parent, { id }, ctx) =>
      visibleSubscription(deps, ctx, await subscriptionById(ctx, db).load(id)),
    payment: async (_parent, { id }, ctx) => visiblePayment(deps, ctx, await paymentById(ctx, db).load(id)),
    paymentGateways: () =>
      availableGateways(deps).map(({ gateway, currencies }) => ({
        gateway: gateway.toUpperCase() as never,
        currencies,
      })),
    paymentState: async (_parent, { id }, ctx) => {
      const visible = await visiblePayment(deps, ctx, await paymentById(ctx, db).load(id));
      if (!visible) return null;
      const refreshed = await refreshPayment(deps, visible);
      if (refreshed !== visible) {
        // The outcome may have moved the subscription: later fields read it afresh.
        subscriptionById(ctx, db).clear(refreshed.subscriptionId);
        paymentById(ctx, db).clear(refreshed.id);
      }
      return refreshed;
    },
  };
}
