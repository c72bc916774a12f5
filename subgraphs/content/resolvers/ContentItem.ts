import type { RequestContext } from '../../../kit/subgraph.js';
import { isVisible } from '../access.js';
import type {
  ContentItemResolvers,
  ContentLanguage,
  ContentType,
  Difficulty,
} from '../generated/resolvers-types.js';
import { averageRating } from '../items.js';
import { coursesByItem, itemById, viewerRating } from '../loaders.js';
import type { ContentDeps } from '../deps.js';
import type { ContentItemRow } from '../tables.js';
import { isUuid } from '../../../kit/ids.js';
import { fromDb } from '../validation.js';

export function contentItemResolvers(
  deps: ContentDeps,
): ContentItemResolvers<RequestContext, ContentItemRow> {
  const db = deps.database.db;
  return {
    // Another trainer's draft resolves to null here too, whichever subgraph asks.
    __resolveReference: async (reference, ctx) => {
      if (!isUuid(reference.id)) return null;
      const row = await itemById(ctx, db).load(reference.id.toLowerCase());
      return row && isVisible(row, ctx) ? row : null;
    },
    creator: (item) => ({ id: item.creatorId }),
    type: (item) => fromDb<ContentType>(item.type),
    difficulty: (item) => (item.difficultyLevel ? fromDb<Difficulty>(item.difficultyLevel) : null),
    language: (item) => fromDb<ContentLanguage>(item.language),
    rating: (item) => averageRating(item),
    myRating: (item, _args, ctx) => (ctx.viewer ? viewerRating(ctx, db).load(item.id) : null),
    courses: (item, _args, ctx) => coursesByItem(ctx, db).load(item.id),
  };
}
