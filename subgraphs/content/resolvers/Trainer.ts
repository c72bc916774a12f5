import type { RequestContext } from '../../../kit/subgraph.js';
import { emptyPage, pageSize } from '../../../kit/pagination.js';
import type { TrainerResolvers } from '../generated/resolvers-types.js';
import { coursesByTrainer, itemsByTrainer } from '../loaders.js';
import type { TrainerRef } from '../model.js';
import type { ContentDeps } from '../deps.js';
import { isUuid } from '../../../kit/ids.js';

export function trainerResolvers(deps: ContentDeps): TrainerResolvers<RequestContext, TrainerRef> {
  const db = deps.database.db;
  return {
    // The training subgraph owns trainers; here a trainer is its id, and its lists may be empty.
    __resolveReference: (reference) => ({ id: reference.id }),
    contentItems: (trainer, { first, after }, ctx) =>
      isUuid(trainer.id)
        ? itemsByTrainer(ctx, db).load({
            parent: trainer.id.toLowerCase(),
            limit: pageSize(first),
            after: after ?? null,
          })
        : emptyPage(),
    courses: (trainer, { first, after }, ctx) =>
      isUuid(trainer.id)
        ? coursesByTrainer(ctx, db).load({
            parent: trainer.id.toLowerCase(),
            limit: pageSize(first),
            after: after ?? null,
          })
        : emptyPage(),
  };
}
