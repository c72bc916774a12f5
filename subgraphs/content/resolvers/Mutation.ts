import type { RequestContext } from '../../../kit/subgraph.js';
import {
  addLesson,
  createCourse,
  enrollInCourse,
  removeLesson,
  reorderLessons,
  setCoursePublished,
  unenrollFromCourse,
  updateCourse,
  updateLesson,
} from '../courses.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';
import {
  createContentItem,
  rateContentItem,
  recordContentView,
  removeContentRating,
  setItemPublished,
  updateContentItem,
} from '../items.js';
import type { ContentDeps } from '../deps.js';

export function mutationResolvers(deps: ContentDeps): MutationResolvers<RequestContext> {
  return {
    createContentItem: (_parent, { input }, ctx) => createContentItem(deps, ctx, input),
    updateContentItem: (_parent, { id, input }, ctx) => updateContentItem(deps, ctx, id, input),
    publishContentItem: (_parent, { id }, ctx) => setItemPublished(deps, ctx, id, true),
    unpublishContentItem: (_parent, { id }, ctx) => setItemPublished(deps, ctx, id, false),
    rateContentItem: (_parent, { id, rating }, ctx) => rateContentItem(deps, ctx, id, rating),
    removeContentRating: (_parent, { id }, ctx) => removeContentRating(deps, ctx, id),
    recordContentView: (_parent, { id }, ctx) => recordContentView(deps, ctx, id),

    createCourse: (_parent, { input }, ctx) => createCourse(deps, ctx, input),
    updateCourse: (_parent, { id, input }, ctx) => updateCourse(deps, ctx, id, input),
    publishCourse: (_parent, { id }, ctx) => setCoursePublished(deps, ctx, id, true),
    unpublishCourse: (_parent, { id }, ctx) => setCoursePublished(deps, ctx, id, false),
    addLesson: (_parent, { courseId, input }, ctx) => addLesson(deps, ctx, courseId, input),
    updateLesson: (_parent, { id, input }, ctx) => updateLesson(deps, ctx, id, input),
    removeLesson: (_parent, { id }, ctx) => removeLesson(deps, ctx, id),
    reorderLessons: (_parent, { courseId, lessonIds }, ctx) => reorderLessons(deps, ctx, courseId, lessonIds),

    enrollInCourse: async (_parent, { courseId }, ctx) => {
      const outcome = await enrollInCourse(deps, ctx, courseId);
      if (outcome.kind === 'enrolled') return { __typename: 'Enrollment', ...outcome.enrollment };
      return {
        __typename: 'PurchaseRequired',
        message: 'This course is paid; buy it to enroll.',
        course: outcome.course,
      };
    },
    unenrollFromCourse: (_parent, { courseId }, ctx) => unenrollFromCourse(deps, ctx, courseId),
  };
}
