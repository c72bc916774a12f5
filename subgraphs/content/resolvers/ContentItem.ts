import type { RequestContext } from '../../../kit/subgraph.js';
import { isVisible } from '../access.js';
import type {
  ContentItemResolvers,
  ContentLanguage,
  ContentType,
  Difficulty,
} from '../generated/resolvers-types.js';
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
    // The exact mean of the ratings; the stored column is the same value rounded to 2 decimals.
    rating: (item) =>
      item.ratingsCount > 0 ? Math.round((item.ratingsSum / item.ratingsCount) * 100) / 100 : null,
    myRating: (item, _args, ctx) => (ctx.viewer ? viewerRating(ctx, db).load(item.id) : null),
    courses: (item, _args, ctx) => coursesByItem(ctx, db).load(item.id),
  };
}
