import { requireViewer } from '../../../kit/authz.js';
import { isUuid } from '../../../kit/ids.js';
import { badInput, forbidden } from '../../../kit/errors.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import { eventStream } from '../../../kit/subscriptions.js';
import type { HealthDeps } from '../deps.js';
import type { HealthMetricsRecordedResolvers, SubscriptionResolvers } from '../generated/resolvers-types.js';
import { canFollowSamplesOf, type HealthMetricsRecordedModel } from '../live.js';

export function subscriptionResolvers(deps: HealthDeps): SubscriptionResolvers<RequestContext> {
  const db = deps.database.db;
  return {
    healthMetricsRecorded: {
      subscribe: async (_parent, { userId }, ctx) => {
        const viewer = requireViewer(ctx);
        if (userId != null && !isUuid(userId))
          throw badInput('userId is not a valid id.', { field: 'userId' });
        const target = userId ?? viewer.userId;
        if (!(await canFollowSamplesOf(db, viewer, target)))
          throw forbidden("Only the user and their active coach follow the user's health samples.");
        // Only the target's events wake this stream (kit/subscriptions.ts indexes by user).
        return eventStream(
          deps.bus,
          ['health.metrics_recorded'],
          target,
          async (event) => {
            // Authorized again at delivery: the coaching relationship may have ended meanwhile.
            if (!(await canFollowSamplesOf(db, viewer, target))) return null;
            return event.payload;
          },
          { log: ctx.log },
        );
      },
      resolve: (payload: HealthMetricsRecordedModel) => payload,
    },
  };
}

export function healthMetricsRecordedResolvers(): HealthMetricsRecordedResolvers<
  RequestContext,
  HealthMetricsRecordedModel
> {
  return { user: (payload) => ({ id: payload.userId }) };
}
