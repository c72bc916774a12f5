import { eq } from 'drizzle-orm';
import { requireViewer } from '../../../kit/authz.js';
import { LoaderRegistry } from '../../../kit/loaders.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import { eventStream } from '../../../kit/subscriptions.js';
import type { BillingDeps } from '../deps.js';
import type { SubscriptionResolvers } from '../generated/resolvers-types.js';
import { type SubscriptionRow, subscriptions } from '../tables.js';

const STATUS_EVENTS = [
  'subscription.started',
  'subscription.activated',
  'subscription.renewed',
  'subscription.canceled',
  'subscription.expired',
] as const;

export function subscriptionResolvers(deps: BillingDeps): SubscriptionResolvers<RequestContext> {
  const db = deps.database.db;
  return {
    mySubscriptionUpdated: {
      subscribe: (_parent, _args, ctx) => {
        const viewer = requireViewer(ctx);
        // Only the viewer's own events wake this stream (kit/subscriptions.ts indexes by user).
        return eventStream(
          deps.bus,
          STATUS_EVENTS,
          viewer.userId,
          async (event) => {
            const [row] = await db
              .select()
              .from(subscriptions)
              .where(eq(subscriptions.id, event.payload.subscriptionId));
            // Authorized at delivery against the row itself, not only the event's word.
            if (!row || row.userId !== viewer.userId) return null;
            ctx.loaders = new LoaderRegistry();
            return row;
          },
          { log: ctx.log },
        );
      },
      resolve: (row: SubscriptionRow) => row,
    },
  };
}
