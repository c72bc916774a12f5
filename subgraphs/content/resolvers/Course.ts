import type { RequestContext } from '../../../kit/subgraph.js';
import { entitledToCourse, isVisible } from '../access.js';
import type { CourseResolvers, Difficulty } from '../generated/resolvers-types.js';
import { courseById, lessonsByCourse, viewerEnrolled } from '../loaders.js';
import type { ContentDeps } from '../deps.js';
import type { CourseRow } from '../tables.js';
import { isUuid } from '../../../kit/ids.js';
import { fromDb } from '../validation.js';

export function courseResolvers(deps: ContentDeps): CourseResolvers<RequestContext, CourseRow> {
  const db = deps.database.db;
  return {
    __resolveReference: async (reference, ctx) => {
      if (!isUuid(reference.id)) return null;
      const row = await courseById(ctx, db).load(reference.id.toLowerCase());
      return row && isVisible(row, ctx) ? row : null;
    },
    creator: (course) => ({ id: course.creatorId }),
    difficulty: (course) => (course.level ? fromDb<Difficulty>(course.level) : null),
    isEnrolled: (course, _args, ctx) => (ctx.viewer ? viewerEnrolled(ctx, db).load(course.id) : false),
    // Decided on every read from the viewer's entitlements; an enrollment opens nothing by itself.
    hasAccess: (course, _args, ctx) => entitledToCourse(course, ctx),
    lessons: (course, _args, ctx) => lessonsByCourse(ctx, db).load(course.id),
  };
}
