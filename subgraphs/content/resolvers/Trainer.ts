import type { RequestContext } from '../../../kit/subgraph.js';
import { pageSize } from '../../../kit/pagination.js';
import type { TrainerResolvers } from '../generated/resolvers-types.js';
import { coursesByTrainer, itemsByTrainer } from '../loaders.js';
import type { TrainerRef } from '../model.js';
import { MAX_SEARCH_PAGE } from '../search.js';
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
            limit: pageSize(first, MAX_SEARCH_PAGE),
            after: after ?? null,
          })
        : { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } },
    courses: (trainer, { first, after }, ctx) =>
      isUuid(trainer.id)
        ? coursesByTrainer(ctx, db).load({
            parent: trainer.id.toLowerCase(),
            limit: pageSize(first, MAX_SEARCH_PAGE),
            after: after ?? null,
          })
        : { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } },
  };
}
