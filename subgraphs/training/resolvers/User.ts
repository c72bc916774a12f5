import { toStored } from '../../../kit/stored-enums.js';
import { pageSize } from '../../../kit/pagination.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import { publicTrainer, requireOwnRecords, requireOwnCoaches } from '../access.js';
import type { UserResolvers } from '../generated/resolvers-types.js';
import { coachesByUser, habitsByUser, sessionsPage, trainerByUserId } from '../loaders.js';
import type { UserRef } from '../models.js';
import type { TrainingDeps } from '../deps.js';

export function userResolvers(deps: TrainingDeps): UserResolvers<RequestContext, UserRef> {
  const db = deps.database.db;
  return {
    // Training does not know whether a user exists; identity answers for the rest of User.
    __resolveReference: (reference) => ({ id: reference.id }),

    // Public once verified: this is also what the gateway reads into viewer.trainerId.
    trainer: async (user, _args, ctx) => publicTrainer(await trainerByUserId(ctx, db).load(user.id)),

    workoutSessions: (user, { filter, first, after }, ctx) => {
      requireOwnRecords(ctx, user.id);
      return sessionsPage(ctx, db).load({
        parent: user.id,
        limit: pageSize(first),
        after: after ?? null,
        filter: {
          status: filter?.status ? toStored(filter.status) : null,
          startedFrom: filter?.startedFrom ? new Date(filter.startedFrom).toISOString() : null,
          startedBefore: filter?.startedBefore ? new Date(filter.startedBefore).toISOString() : null,
        },
      });
    },

    habits: (user, { includeArchived, first, after }, ctx) => {
      requireOwnRecords(ctx, user.id);
      return habitsByUser(ctx, db).load({
        parent: user.id,
        limit: pageSize(first),
        after: after ?? null,
        filter: { includeArchived: includeArchived ?? false },
      });
    },

    coaches: (user, { first, after }, ctx) => {
      requireOwnCoaches(ctx, user.id);
      return coachesByUser(ctx, db).load({ parent: user.id, limit: pageSize(first), after: after ?? null });
    },
  };
}
