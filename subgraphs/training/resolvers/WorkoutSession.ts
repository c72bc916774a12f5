import { isOwnerOrAdmin } from '../../../kit/authz.js';
import { fromStored, fromStoredOrNull } from '../../../kit/stored-enums.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import { viewPlan } from '../access.js';
import type {
  IntensityLevel,
  WorkoutSessionResolvers,
  WorkoutSessionStatus,
} from '../generated/resolvers-types.js';
import { planById, planVersion, sessionById } from '../loaders.js';
import type { TrainingDeps } from '../deps.js';
import type { WorkoutSessionRow } from '../tables.js';

export function workoutSessionResolvers(
  deps: TrainingDeps,
): WorkoutSessionResolvers<RequestContext, WorkoutSessionRow> {
  const db = deps.database.db;
  return {
    // Owner-only, on the entity path too: another user's session resolves to null.
    __resolveReference: async (reference, ctx) => {
      const session = await sessionById(ctx, db).load(reference.id);
      return session && isOwnerOrAdmin(ctx, session.userId) ? session : null;
    },
    user: (session) => ({ id: session.userId }),
    workoutPlan: async (session, _args, ctx) =>
      session.workoutPlanId ? viewPlan(ctx, deps, await planById(ctx, db).load(session.workoutPlanId)) : null,
    workoutPlanVersion: (session, _args, ctx) =>
      session.workoutPlanId && session.workoutPlanVersion
        ? planVersion(ctx, db).load({ planId: session.workoutPlanId, version: session.workoutPlanVersion })
        : null,
    status: (session) => fromStored<WorkoutSessionStatus>(session.status),
    intensityLevel: (session) => fromStoredOrNull<IntensityLevel>(session.intensityLevel),
  };
}
