import { and, asc, count, eq, gt, gte, inArray, sql } from 'drizzle-orm';
import { requireViewer } from '../../kit/authz.js';
import type { Executor } from '../../kit/db.js';
import { isForeignKeyViolation } from '../../kit/db.js';
import { badInput, conflict, forbidden, notFound } from '../../kit/errors.js';
import type { RequestContext, SubgraphDeps } from '../../kit/subgraph.js';
import { entitledToCourse, isVisible, requireTrainer } from './access.js';
import type {
  AddLessonInput,
  CreateCourseInput,
  UpdateCourseInput,
  UpdateLessonInput,
} from './generated/resolvers-types.js';
import { unknownTrainerIsForbidden } from './items.js';
import {
  type CourseRow,
  contentItems,
  courses,
  type EnrollmentRow,
  enrollments,
  type LessonRow,
  lessons,
} from './tables.js';
import { checkId, checkIds, checkInt, checkText, checkUrl, toDb } from './validation.js';

export const MAX_LESSONS_PER_COURSE = 200;
export const MAX_ITEMS_PER_LESSON = 50;
const MAX_PRICE_CENTS = 10_000_000;

function pricePatch(priceCents: number | null | undefined) {
  const price = checkInt(priceCents, 'priceCents', 0, MAX_PRICE_CENTS);
  if (price === undefined) return {};
  return { priceCents: price ?? 0, isFree: (price ?? 0) === 0 };
}

export async function createCourse(deps: SubgraphDeps, ctx: RequestContext, input: CreateCourseInput) {
  const creatorId = requireTrainer(ctx);
  const now = deps.clock.now();
  const [row] = await unknownTrainerIsForbidden(() =>
    deps.database.db
      .insert(courses)
      .values({
        creatorId,
        name: checkText(input.name, 'name', 200, true),
        description: checkText(input.description, 'description', 10_000),
        coverImageUrl: checkUrl(input.coverImageUrl, 'coverImageUrl'),
        durationHours: checkInt(input.durationHours, 'durationHours', 0, 1000),
        level: input.difficulty ? toDb(input.difficulty) : null,
        isFree: true,
        priceCents: 0,
        ...pricePatch(input.priceCents),
        ...(input.currency ? { currency: input.currency } : {}),
        createdAt: now,
        updatedAt: now,
      })
      .returning(),
  );
  return row!;
}

/**
 * Locks one of the viewer's own courses for the rest of the transaction, so lesson changes to
 * one course happen one after another. Another trainer's published course is FORBIDDEN; a
 * draft of someone else's does not exist for the viewer.
 */
async function lockOwnCourse(tx: Executor, ctx: RequestContext, rawId: string): Promise<CourseRow> {
  const trainerId = requireTrainer(ctx);
  const id = checkId(rawId, 'courseId');
  const [course] = await tx.select().from(courses).where(eq(courses.id, id)).for('update');
  if (!course || !isVisible(course, ctx)) throw notFound('Course');
  if (course.creatorId !== trainerId) throw forbidden('Only its creator can change this course.');
  return course;
}

export async function updateCourse(
  deps: SubgraphDeps,
  ctx: RequestContext,
  id: string,
  input: UpdateCourseInput,
) {
  const patch: Partial<typeof courses.$inferInsert> = {};
  if (input.name !== undefined) patch.name = checkText(input.name ?? '', 'name', 200, true);
  if (input.description !== undefined)
    patch.description = checkText(input.description, 'description', 10_000);
  if (input.coverImageUrl !== undefined) patch.coverImageUrl = checkUrl(input.coverImageUrl, 'coverImageUrl');
  if (input.durationHours !== undefined) {
    patch.durationHours = checkInt(input.durationHours, 'durationHours', 0, 1000);
  }
  if (input.difficulty !== undefined) patch.level = input.difficulty ? toDb(input.difficulty) : null;
  Object.assign(patch, pricePatch(input.priceCents));
  if (input.currency) patch.currency = input.currency;
  return deps.database.db.transaction(async (tx) => {
    const course = await lockOwnCourse(tx, ctx, id);
    const [row] = await tx
      .update(courses)
      .set({ ...patch, updatedAt: deps.clock.now() })
      .where(eq(courses.id, course.id))
      .returning();
    return row!;
  });
}

export async function setCoursePublished(
  deps: SubgraphDeps,
  ctx: RequestContext,
  id: string,
  isPublished: boolean,
) {
  return deps.database.db.transaction(async (tx) => {
    const course = await lockOwnCourse(tx, ctx, id);
    if (isPublished) {
      const [{ lessonCount } = { lessonCount: 0 }] = await tx
        .select({ lessonCount: count() })
        .from(lessons)
        .where(eq(lessons.courseId, course.id));
      if (lessonCount === 0) throw badInput('A course needs at least one lesson before it is published.');
    }
    const [row] = await tx
      .update(courses)
      .set({ isPublished, updatedAt: deps.clock.now() })
      .where(eq(courses.id, course.id))
      .returning();
    return row!;
  });
}

/** A lesson may use the trainer's own items and anyone's published ones; every id must exist. */
async function checkLessonItems(tx: Executor, trainerId: string, rawIds: readonly string[]) {
  const ids = checkIds(rawIds, 'contentItemIds', MAX_ITEMS_PER_LESSON);
  if (new Set(ids).size !== ids.length) {
    throw badInput('contentItemIds lists an item twice.', { field: 'contentItemIds' });
  }
  if (ids.length === 0) return ids;
  const found = await tx
    .select({ id: contentItems.id, creatorId: contentItems.creatorId, isPublished: contentItems.isPublished })
    .from(contentItems)
    .where(inArray(contentItems.id, ids));
  const usable = new Set(found.filter((i) => i.isPublished || i.creatorId === trainerId).map((i) => i.id));
  const missing = ids.filter((id) => !usable.has(id));
  if (missing.length > 0) {
    throw badInput('contentItemIds names items that do not exist or are not yours to use.', {
      field: 'contentItemIds',
      ids: missing,
    });
  }
  return ids;
}

/** The trigger on lessons re-checks the ids; an item deleted meanwhile surfaces as bad input. */
async function guardItems<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isForeignKeyViolation(error)) {
      throw badInput('contentItemIds names items that do not exist.', { field: 'contentItemIds' });
    }
    throw error;
  }
}

export async function addLesson(
  deps: SubgraphDeps,
  ctx: RequestContext,
  courseId: string,
  input: AddLessonInput,
) {
  const title = checkText(input.title, 'title', 200, true);
  const description = checkText(input.description, 'description', 10_000);
  const durationMinutes = checkInt(input.durationMinutes, 'durationMinutes', 0, 1440);
  return guardItems(() =>
    deps.database.db.transaction(async (tx) => {
      const course = await lockOwnCourse(tx, ctx, courseId);
      const contentItemIds = await checkLessonItems(tx, course.creatorId, input.contentItemIds ?? []);
      const [{ lessonCount } = { lessonCount: 0 }] = await tx
        .select({ lessonCount: count() })
        .from(lessons)
        .where(eq(lessons.courseId, course.id));
      if (lessonCount >= MAX_LESSONS_PER_COURSE) {
        throw conflict(`A course holds at most ${MAX_LESSONS_PER_COURSE} lessons.`);
      }
      const position =
        checkInt(input.sequenceNumber, 'sequenceNumber', 1, lessonCount + 1) ?? lessonCount + 1;
      // One statement shifts the later lessons: the deferrable unique constraint is checked at
      // its end, when the numbers are distinct again.
      if (position <= lessonCount) {
        await tx
          .update(lessons)
          .set({ sequenceNumber: sql`${lessons.sequenceNumber} + 1` })
          .where(and(eq(lessons.courseId, course.id), gte(lessons.sequenceNumber, position)));
      }
      await tx.insert(lessons).values({
        courseId: course.id,
        sequenceNumber: position,
        title,
        description,
        durationMinutes,
        contentItemIds,
      });
      await touch(tx, deps, course.id);
      return course;
    }),
  );
}

async function touch(tx: Executor, deps: SubgraphDeps, courseId: string) {
  await tx.update(courses).set({ updatedAt: deps.clock.now() }).where(eq(courses.id, courseId));
}

async function lessonForUpdate(tx: Executor, ctx: RequestContext, rawId: string) {
  const id = checkId(rawId);
  const [lesson] = await tx.select().from(lessons).where(eq(lessons.id, id));
  if (!lesson) throw notFound('Lesson');
  const course = await lockOwnCourse(tx, ctx, lesson.courseId).catch((error) => {
    throw error?.extensions?.code === 'NOT_FOUND' ? notFound('Lesson') : error;
  });
  // Re-read under the course lock: a concurrent reorder may have moved it.
  const [current] = await tx.select().from(lessons).where(eq(lessons.id, id));
  if (!current) throw notFound('Lesson');
  return { lesson: current, course };
}

export async function updateLesson(
  deps: SubgraphDeps,
  ctx: RequestContext,
  id: string,
  input: UpdateLessonInput,
): Promise<LessonRow> {
  const patch: Partial<typeof lessons.$inferInsert> = {};
  if (input.title !== undefined) patch.title = checkText(input.title ?? '', 'title', 200, true);
  if (input.description !== undefined)
    patch.description = checkText(input.description, 'description', 10_000);
  if (input.durationMinutes !== undefined) {
    patch.durationMinutes = checkInt(input.durationMinutes, 'durationMinutes', 0, 1440);
  }
  return guardItems(() =>
    deps.database.db.transaction(async (tx) => {
      const { lesson, course } = await lessonForUpdate(tx, ctx, id);
      if (input.contentItemIds !== undefined) {
        patch.contentItemIds = await checkLessonItems(tx, course.creatorId, input.contentItemIds ?? []);
      }
      if (Object.keys(patch).length === 0) return lesson;
      const [row] = await tx.update(lessons).set(patch).where(eq(lessons.id, lesson.id)).returning();
      await touch(tx, deps, course.id);
      return row!;
    }),
  );
}

export async function removeLesson(deps: SubgraphDeps, ctx: RequestContext, id: string): Promise<CourseRow> {
  return deps.database.db.transaction(async (tx) => {
    const { lesson, course } = await lessonForUpdate(tx, ctx, id);
    await tx.delete(lessons).where(eq(lessons.id, lesson.id));
    await tx
      .update(lessons)
      .set({ sequenceNumber: sql`${lessons.sequenceNumber} - 1` })
      .where(and(eq(lessons.courseId, course.id), gt(lessons.sequenceNumber, lesson.sequenceNumber)));
    await touch(tx, deps, course.id);
    return course;
  });
}

/**
 * Renumbers every lesson of the course in one UPDATE. UNIQUE(course_id, sequence_number) is
 * DEFERRABLE, so it is checked when the statement ends and a permutation never trips over its
 * own intermediate states; the course row lock orders concurrent reorders and additions.
 */
export async function reorderLessons(
  deps: SubgraphDeps,
  ctx: RequestContext,
  courseId: string,
  rawLessonIds: readonly string[],
): Promise<CourseRow> {
  const lessonIds = checkIds(rawLessonIds, 'lessonIds', MAX_LESSONS_PER_COURSE);
  return deps.database.db.transaction(async (tx) => {
    const course = await lockOwnCourse(tx, ctx, courseId);
    const current = await tx
      .select({ id: lessons.id })
      .from(lessons)
      .where(eq(lessons.courseId, course.id))
      .orderBy(asc(lessons.sequenceNumber));
    const currentIds = new Set(current.map((l) => l.id));
    const asked = new Set(lessonIds);
    if (
      asked.size !== lessonIds.length ||
      asked.size !== currentIds.size ||
      lessonIds.some((lessonId) => !currentIds.has(lessonId))
    ) {
      throw badInput('lessonIds must list every lesson of the course exactly once.', { field: 'lessonIds' });
    }
    if (lessonIds.length > 0) {
      await tx.execute(sql`
        update ${lessons} set sequence_number = wanted.position
          from unnest(${`{${lessonIds.join(',')}}`}::uuid[]) with ordinality as wanted(id, position)
         where ${lessons.id} = wanted.id and ${lessons.courseId} = ${course.id}`);
    }
    await touch(tx, deps, course.id);
    return course;
  });
}

export type EnrollOutcome =
  | { kind: 'enrolled'; enrollment: EnrollmentRow }
  | { kind: 'purchaseRequired'; course: CourseRow };

/** Enrolls the viewer; the trigger on enrollments keeps courses.enrollments_count exact. */
export async function enrollInCourse(
  deps: SubgraphDeps,
  ctx: RequestContext,
  rawCourseId: string,
): Promise<EnrollOutcome> {
  const viewer = requireViewer(ctx);
  const courseId = checkId(rawCourseId, 'courseId');
  const [course] = await deps.database.db.select().from(courses).where(eq(courses.id, courseId));
  if (!course || !isVisible(course, ctx)) throw notFound('Course');
  if (!course.isPublished) throw badInput('A course can be joined once it is published.');
  const [existing] = await deps.database.db
    .select()
    .from(enrollments)
    .where(and(eq(enrollments.userId, viewer.userId), eq(enrollments.courseId, course.id)));
  if (existing) return { kind: 'enrolled', enrollment: existing };
  if (!entitledToCourse(course, ctx)) return { kind: 'purchaseRequired', course };
  const [inserted] = await deps.database.db
    .insert(enrollments)
    .values({ userId: viewer.userId, courseId: course.id, enrolledAt: deps.clock.now() })
    .onConflictDoNothing()
    .returning();
  if (inserted) return { kind: 'enrolled', enrollment: inserted };
  // A concurrent request enrolled the same viewer first.
  const [raced] = await deps.database.db
    .select()
    .from(enrollments)
    .where(and(eq(enrollments.userId, viewer.userId), eq(enrollments.courseId, course.id)));
  return { kind: 'enrolled', enrollment: raced! };
}

export async function unenrollFromCourse(deps: SubgraphDeps, ctx: RequestContext, rawCourseId: string) {
  const viewer = requireViewer(ctx);
  const courseId = checkId(rawCourseId, 'courseId');
  const removed = await deps.database.db
    .delete(enrollments)
    .where(and(eq(enrollments.userId, viewer.userId), eq(enrollments.courseId, courseId)))
    .returning({ courseId: enrollments.courseId });
  return removed.length > 0;
}
