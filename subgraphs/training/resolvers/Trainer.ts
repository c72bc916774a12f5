import { pageSize } from '../../../kit/pagination.js';
import { fromStored } from '../../../kit/stored-enums.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import { canSeeTrainer, viewPlan, viewerTrainer } from '../access.js';
import { isAdmin } from '../../../kit/authz.js';
import { forbidden, unauthenticated } from '../../../kit/errors.js';
import type { TrainerResolvers } from '../generated/resolvers-types.js';
import { clientsByTrainer, trainerById, trainerPlansPage } from '../loaders.js';
import type { TrainingDeps } from '../server.js';
import type { TrainerRow } from '../tables.js';

export function trainerResolvers(deps: TrainingDeps): TrainerResolvers<RequestContext, TrainerRow> {
  const db = deps.database.db;
  return {
    __resolveReference: async (reference, ctx) => {
      const trainer = await trainerById(ctx, db).load(reference.id);
      return trainer && canSeeTrainer(ctx, trainer) ? trainer : null;
    },
    user: (trainer) => (trainer.userId ? { id: trainer.userId } : null),
    certificationLevel: (trainer) => fromStored<'BASIC' | 'ADVANCED' | 'MASTER'>(trainer.certificationLevel),
    rating: (trainer) => (trainer.rating === null ? null : Number(trainer.rating)),
    workoutPlans: async (trainer, { first, after }, ctx) => {
      const own = isAdmin(ctx) || (await viewerTrainer(ctx, deps))?.id === trainer.id;
      const page = await trainerPlansPage(ctx, db).load({
        parent: trainer.id,
        limit: pageSize(first),
        after: after ?? null,
        filter: { includeDrafts: own },
      });
      const nodes = await Promise.all(page.nodes.map((row) => viewPlan(ctx, deps, row)));
      return { nodes: nodes.filter((n) => n !== null), pageInfo: page.pageInfo };
    },
    // The client list leads to health data, which is never an admin's: the trainer alone reads it.
    clients: async (trainer, { first, after }, ctx) => {
      if (!ctx.viewer) throw unauthenticated();
      const limit = pageSize(first);
      if ((await viewerTrainer(ctx, deps))?.id !== trainer.id) {
        throw forbidden('Only the trainer sees their clients.');
      }
      return clientsByTrainer(ctx, db).load({ parent: trainer.id, limit, after: after ?? null });
    },
  };
}
