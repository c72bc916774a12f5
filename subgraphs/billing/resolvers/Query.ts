import { and, asc, eq, gt, or, type SQL, sql } from 'drizzle-orm';
import { isAdmin, requireAdmin } from '../../../kit/authz.js';
import { decodeCursor, pageSize, toPage } from '../../../kit/pagination.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import type { BillingDeps } from '../deps.js';
import type { QueryResolvers } from '../generated/resolvers-types.js';
import { availableGateways, refreshPayment } from '../confirmations.js';
import { paymentById, subscriptionById } from '../loaders.js';
import { subscriptionPlans } from '../tables.js';
import { visiblePayment, visibleSubscription } from './access.js';

export function queryResolvers(deps: BillingDeps): QueryResolvers<RequestContext> {
  const db = deps.database.db;
  return {
    subscriptionPlans: async (_parent, { includeInactive, first, after }, ctx) => {
      if (includeInactive) requireAdmin(ctx);
      const limit = pageSize(first);
      const cursor = decodeCursor(after, ['int', 'uuid']);
      const conditions: (SQL | undefined)[] = [
        includeInactive && isAdmin(ctx) ? undefined : eq(subscriptionPlans.isActive, true),
      ];
      if (cursor) {
        conditions.push(
          or(
            gt(subscriptionPlans.priceCents, cursor[0]),
            and(
              eq(subscriptionPlans.priceCents, cursor[0]),
              gt(subscriptionPlans.id, sql`${cursor[1]}::uuid`),
            ),
          ),
        );
      }
      const rows = await db
        .select()
        .from(subscriptionPlans)
        .where(and(...conditions))
        .orderBy(asc(subscriptionPlans.priceCents), asc(subscriptionPlans.id))
        .limit(limit + 1);
      return toPage(rows, limit, (row) => [row.priceCents, row.id]);
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
