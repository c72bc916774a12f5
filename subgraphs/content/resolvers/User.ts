import { pageSize } from '../../../kit/pagination.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import type { UserResolvers } from '../generated/resolvers-types.js';
import { courseById, enrollmentsByUser } from '../loaders.js';
import type { UserRef } from '../model.js';
import { requireEnrollmentsAccess } from '../access.js';
import type { ContentDeps } from '../deps.js';
import type { EnrollmentRow } from '../tables.js';
import type { EnrollmentResolvers } from '../generated/resolvers-types.js';

export function userResolvers(deps: ContentDeps): UserResolvers<RequestContext, UserRef> {
  const db = deps.database.db;
  return {
    __resolveReference: (reference) => ({ id: reference.id }),
    enrollments: (user, { first, after }, ctx) => {
      requireEnrollmentsAccess(ctx, user.id);
      return enrollmentsByUser(ctx, db).load({
        parent: user.id,
        limit: pageSize(first),
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
