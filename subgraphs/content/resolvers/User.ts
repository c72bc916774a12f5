import { isOwnerOrAdmin } from '../../../kit/authz.js';
import { forbidden } from '../../../kit/errors.js';
import { pageSize } from '../../../kit/pagination.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import type { UserResolvers } from '../generated/resolvers-types.js';
import { courseById, enrollmentsByUser } from '../loaders.js';
import type { UserRef } from '../model.js';
import { MAX_SEARCH_PAGE } from '../search.js';
import type { ContentDeps } from '../deps.js';
import type { EnrollmentRow } from '../tables.js';
import type { EnrollmentResolvers } from '../generated/resolvers-types.js';

export function userResolvers(deps: ContentDeps): UserResolvers<RequestContext, UserRef> {
  const db = deps.database.db;
  return {
    __resolveReference: (reference) => ({ id: reference.id }),
    // Private: what someone studies is theirs (and admins') to read, on every path to this field.
    enrollments: (user, { first, after }, ctx) => {
      if (!isOwnerOrAdmin(ctx, user.id)) throw forbidden('Only the user can read their enrollments.');
      return enrollmentsByUser(ctx, db).load({
        parent: user.id,
        limit: pageSize(first, MAX_SEARCH_PAGE),
        after: after ?? null,
      });
    },
  };
}

export function enrollmentResolvers(deps: ContentDeps): EnrollmentResolvers<RequestContext, EnrollmentRow> {
  const db = deps.database.db;
  return {
    // An enrolled user keeps seeing the course even after its creator unpublishes it.
    course: async (enrollment, _args, ctx) => {
      const course = await courseById(ctx, db).load(enrollment.courseId);
      if (!course) throw new Error(`enrollment in missing course ${enrollment.courseId}`);
      return course;
    },
  };
}
