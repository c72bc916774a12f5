import { isUuid } from '../../../kit/ids.js';
import { pageSize } from '../../../kit/pagination.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import { isCoachingParty, requireClientData } from '../access.js';
import type { TrainerClientResolvers } from '../generated/resolvers-types.js';
import {
  activeTrainerClientByPair,
  habitsByUser,
  sessionsPage,
  trainerById,
  trainerClientById,
} from '../loaders.js';
import type { TrainingDeps } from '../deps.js';
import type { TrainerClientRow } from '../tables.js';

export function trainerClientResolvers(
  deps: TrainingDeps,
): TrainerClientResolvers<RequestContext, TrainerClientRow> {
  const db = deps.database.db;
  return {
    // By id (ended ones too) or by the pair (the active one); either way only for its two parties.
    __resolveReference: async (reference, ctx) => {
      const ref = reference as { id?: unknown; trainerId?: unknown; userId?: unknown };
      let row: TrainerClientRow | null = null;
      if (isUuid(ref.id)) row = await trainerClientById(ctx, db).load(ref.id);
      else if (isUuid(ref.trainerId) && isUuid(ref.userId))
        row = await activeTrainerClientByPair(ctx, db).load({ trainerId: ref.trainerId, userId: ref.userId });
      return row && (await isCoachingParty(ctx, deps, row)) ? row : null;
    },
    trainer: async (row, _args, ctx) => (await trainerById(ctx, db).load(row.trainerId))!,
    user: (row) => ({ id: row.userId }),

    // The same loaders as User.habits and User.workoutSessions: a page of 100 clients is one
    // statement each, as for 10.
    habits: async (row, { includeArchived, first, after }, ctx) => {
      const limit = pageSize(first);
      await requireClientData(ctx, deps, row);
      return habitsByUser(ctx, db).load({
        parent: row.userId,
        limit,
        after: after ?? null,
        filter: { includeArchived: includeArchived ?? false },
      });
    },

    workoutSessions: async (row, { first, after }, ctx) => {
      const limit = pageSize(first);
      await requireClientData(ctx, deps, row);
      return sessionsPage(ctx, db).load({
        parent: row.userId,
        limit,
        after: after ?? null,
        filter: { status: null, startedFrom: null, startedBefore: null },
      });
    },
  };
}
