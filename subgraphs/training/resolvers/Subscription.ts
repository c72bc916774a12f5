import { eq } from 'drizzle-orm';
import { requireViewer } from '../../../kit/authz.js';
import { forbidden } from '../../../kit/errors.js';
import { LoaderRegistry } from '../../../kit/loaders.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import { eventStream } from '../../../kit/subscriptions.js';
import { canFollowSessionsOf } from '../access.js';
import type { TrainingDeps } from '../deps.js';
import type { SubscriptionResolvers } from '../generated/resolvers-types.js';
import { checkId } from '../input.js';
import { type WorkoutSessionRow, workoutSessions } from '../tables.js';

const SESSION_EVENTS = ['workout.started', 'workout.completed', 'workout.abandoned'] as const;

export function subscriptionResolvers(deps: TrainingDeps): SubscriptionResolvers<RequestContext> {
  const db = deps.database.db;
  return {
    workoutSessionUpdated: {
      subscribe: async (_parent, { userId }, ctx) => {
        const viewer = requireViewer(ctx);
        const target = userId ? checkId(userId, 'userId') : viewer.userId;
        if (!(await canFollowSessionsOf(viewer, deps, target)))
          throw forbidden("Only the user and their active coach follow the user's workout sessions.");
        // Only the target's events wake this stream (kit/subscriptions.ts indexes by user).
        return eventStream(
          deps.bus,
          SESSION_EVENTS,
          target,
          async (event) => {
            // Authorized again at delivery: a coaching relationship may have ended meanwhile.
            if (!(await canFollowSessionsOf(viewer, deps, target))) return null;
            const [row] = await db
              .select()
              .from(workoutSessions)
              .where(eq(workoutSessions.id, event.payload.sessionId));
            // Each event resolves its fields with fresh loaders, never with an earlier event's rows.
            ctx.loaders = new LoaderRegistry();
            return row ?? null;
          },
          { log: ctx.log },
        );
      },
      resolve: (row: WorkoutSessionRow) => row,
    },
  };
}
