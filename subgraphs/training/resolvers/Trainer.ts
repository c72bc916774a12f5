import { pageSize } from '../../../kit/pagination.js';
import { fromStored } from '../../../kit/stored-enums.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import { canSeeDraftsOf, canSeeTrainer, requireOwnClientList, viewPlan } from '../access.js';
import type { TrainerResolvers } from '../generated/resolvers-types.js';
import { clientsByTrainer, trainerById, trainerPlansPage } from '../loaders.js';
import type { TrainingDeps } from '../deps.js';
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
      const page = await trainerPlansPage(ctx, db).load({
        parent: trainer.id,
        limit: pageSize(first),
        after: after ?? null,
        filter: { includeDrafts: await canSeeDraftsOf(ctx, deps, trainer.id) },
      });
      const nodes = await Promise.all(page.nodes.map((row) => viewPlan(ctx, deps, row)));
      return { ...page, nodes: nodes.filter((n) => n !== null) };
    },
    clients: async (trainer, { first, after }, ctx) => {
      const limit = pageSize(first);
      await requireOwnClientList(ctx, deps, trainer.id);
      return clientsByTrainer(ctx, db).load({ parent: trainer.id, limit, after: after ?? null });
    },
  };
}
