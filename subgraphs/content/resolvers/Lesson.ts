import type { RequestContext } from '../../../kit/subgraph.js';
import { entitledToCourse, isVisible, lessonItemsFor } from '../access.js';
import type { LessonResolvers } from '../generated/resolvers-types.js';
import { courseById, itemById, lessonById } from '../loaders.js';
import type { ContentDeps } from '../deps.js';
import type { CourseRow, LessonRow } from '../tables.js';
import { isUuid } from '../../../kit/ids.js';
import type { Executor } from '../../../kit/db.js';

async function courseOf(lesson: LessonRow, ctx: RequestContext, db: Executor): Promise<CourseRow> {
  const course = await courseById(ctx, db).load(lesson.courseId);
  if (!course) throw new Error(`lesson ${lesson.id} has no course`);
  return course;
}

export function lessonResolvers(deps: ContentDeps): LessonResolvers<RequestContext, LessonRow> {
  const db = deps.database.db;
  return {
    __resolveReference: async (reference, ctx) => {
      if (!isUuid(reference.id)) return null;
      const lesson = await lessonById(ctx, db).load(reference.id.toLowerCase());
      if (!lesson) return null;
      const course = await courseById(ctx, db).load(lesson.courseId);
      return course && isVisible(course, ctx) ? lesson : null;
    },
    course: (lesson, _args, ctx) => courseOf(lesson, ctx, db),
    locked: async (lesson, _args, ctx) => !entitledToCourse(await courseOf(lesson, ctx, db), ctx),
    // The outline is public; what the lesson teaches is for viewers with access to the course
    // (locked tells the others why it is null: a paywall is an answer, not a refusal).
    contentItems: async (lesson, _args, ctx) => {
      const course = await courseOf(lesson, ctx, db);
      if (!entitledToCourse(course, ctx)) return null;
      return lessonItemsFor(course, await itemById(ctx, db).loadMany(lesson.contentItemIds), ctx);
    },
  };
}
