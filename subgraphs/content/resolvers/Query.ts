import { lagTolerant } from '../../../kit/db.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import { isVisible } from '../access.js';
import type { QueryResolvers } from '../generated/resolvers-types.js';
import { courseById, itemById } from '../loaders.js';
import { listCourses, searchContent } from '../search.js';
import type { ContentDeps } from '../deps.js';
import { checkId } from '../validation.js';

export function queryResolvers(deps: ContentDeps): QueryResolvers<RequestContext> {
  const db = deps.database.db;
  return {
    // Search tolerates a replica's lag: a new item shows a moment later at worst.
    searchContent: (_parent, args, ctx) => searchContent(lagTolerant(ctx, deps.database), ctx, args),
    contentItem: async (_parent, { id }, ctx) => {
      const row = await itemById(ctx, db).load(checkId(id));
      return row && isVisible(row, ctx) ? row : null;
    },
    courses: (_parent, args, ctx) => listCourses(db, ctx, args),
    course: async (_parent, { id }, ctx) => {
      const row = await courseById(ctx, db).load(checkId(id));
      return row && isVisible(row, ctx) ? row : null;
    },
  };
}
