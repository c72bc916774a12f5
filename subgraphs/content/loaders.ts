import { and, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../kit/db.js';
import { badInput } from '../../kit/errors.js';
import { byKey, groupByKey } from '../../kit/loaders.js';
import { decodeCursor } from '../../kit/pagination.js';
import { pagesPerParent } from '../../kit/pages-per-parent.js';
import type { RequestContext } from '../../kit/subgraph.js';
import { isAdmin } from '../../kit/authz.js';
import { viewerTrainerId } from './access.js';
import {
  type ContentItemRow,
  type CourseRow,
  contentItems,
  courses,
  type EnrollmentRow,
  enrollments,
  itemColumns,
  type LessonRow,
  lessons,
  ratings,
} from './tables.js';

/** Lists are newest first; a cursor is the last row's (created_at, id). */
export function createdCursor(row: { createdAt: Date; id: string }): unknown[] {
  return [row.createdAt.toISOString(), row.id];
}

export function afterCreated(
  cursor: string | null | undefined,
  columns: { createdAt: any; id: any },
): SQL | undefined {
  const values = decodeCursor(cursor, ['timestamp', 'uuid']);
  if (!values) return undefined;
  const [createdAt, id] = values;
  return sql`(${columns.createdAt}, ${columns.id}) < (${createdAt}::timestamptz, ${id}::uuid)`;
}

/** Rows visible to the viewer: published, their own as trainer, or anything for admins. */
export function visibleTo(ctx: RequestContext, table: typeof contentItems | typeof courses): SQL | undefined {
  if (isAdmin(ctx)) return undefined;
  const trainerId = viewerTrainerId(ctx);
  // The column itself, not `= $n`: a prepared statement's generic plan cannot tell what a bound
  // boolean selects and ANDs in a bitmap of every published row from the creator index.
  const published = sql`${table.isPublished}`;
  return trainerId ? or(published, eq(table.creatorId, trainerId)) : published;
}

export function itemById(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<string, ContentItemRow | null>('content.itemById', async (ids) => {
    const rows = await db
      .select(itemColumns)
      .from(contentItems)
      .where(inArray(contentItems.id, [...ids]));
    return byKey(ids, rows, (row) => row.id);
  });
}

export function courseById(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<string, CourseRow | null>('content.courseById', async (ids) => {
    const rows = await db
      .select()
      .from(courses)
      .where(inArray(courses.id, [...ids]));
    return byKey(ids, rows, (row) => row.id);
  });
}

/** Rows a list already loaded answer later lookups by id (e.g. Lesson.course) without a query. */
export function primeCourses(ctx: RequestContext, db: Executor, rows: readonly CourseRow[]) {
  const loader = courseById(ctx, db);
  for (const row of rows) loader.prime(row.id, row);
}

export function primeItems(ctx: RequestContext, db: Executor, rows: readonly ContentItemRow[]) {
  const loader = itemById(ctx, db);
  for (const row of rows) loader.prime(row.id, row);
}

export function lessonById(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<string, LessonRow | null>('content.lessonById', async (ids) => {
    const rows = await db
      .select()
      .from(lessons)
      .where(inArray(lessons.id, [...ids]));
    return byKey(ids, rows, (row) => row.id);
  });
}

/** Each course's lessons in sequence order. */
export function lessonsByCourse(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<string, LessonRow[]>('content.lessonsByCourse', async (ids) => {
    const rows = await db
      .select()
      .from(lessons)
      .where(inArray(lessons.courseId, [...ids]))
      .orderBy(lessons.courseId, lessons.sequenceNumber);
    return groupByKey(ids, rows, (row) => row.courseId);
  });
}

/** A page of each trainer's items, newest first, as the viewer may see them (published or their own). */
export function itemsByTrainer(ctx: RequestContext, db: Executor) {
  return pagesPerParent<ContentItemRow>(ctx, db, {
    name: 'content.itemsByTrainer',
    table: contentItems,
    columns: itemColumns,
    parent: contentItems.creatorId,
    orderBy: [contentItems.createdAt, contentItems.id],
    direction: 'desc',
    where: () => visibleTo(ctx, contentItems),
    loaded: (rows) => primeItems(ctx, db, rows),
  });
}

/** A page of each trainer's courses, newest first, visible as for items. */
export function coursesByTrainer(ctx: RequestContext, db: Executor) {
  return pagesPerParent<CourseRow>(ctx, db, {
    name: 'content.coursesByTrainer',
    table: courses,
    parent: courses.creatorId,
    orderBy: [courses.createdAt, courses.id],
    direction: 'desc',
    where: () => visibleTo(ctx, courses),
    loaded: (rows) => primeCourses(ctx, db, rows),
  });
}

/** Published courses whose lessons name each item, newest first, at most `perItem` per item. */
export function coursesByItem(ctx: RequestContext, db: Executor, perItem = 10) {
  return ctx.loaders.get<string, CourseRow[]>('content.coursesByItem', async (itemIds) => {
    const rows = await db
      .selectDistinct({ course: courses, itemId: sql<string>`item.id` })
      .from(lessons)
      .innerJoin(sql`jsonb_array_elements_text(${lessons.contentItemIds}) as item(id)`, sql`true`)
      .innerJoin(courses, eq(courses.id, lessons.courseId))
      .where(
        and(
          // The GIN index on content_item_ids narrows the lessons before the array is unnested.
          sql`${lessons.contentItemIds} ?| ${toTextArray(itemIds)}`,
          sql`item.id = any(${toTextArray(itemIds)})`,
          visibleTo(ctx, courses),
        ),
      )
      .orderBy(desc(courses.createdAt), desc(courses.id));
    primeCourses(
      ctx,
      db,
      rows.map((r) => r.course),
    );
    const grouped = groupByKey(itemIds, rows, (r) => r.itemId);
    return grouped.map((list) => list.slice(0, perItem).map((r) => r.course));
  });
}

const toTextArray = (values: readonly string[]) => sql`${`{${values.join(',')}}`}::text[]`;

/** Whether the viewer is enrolled in each course. */
export function viewerEnrolled(ctx: RequestContext, db: Executor) {
  const userId = ctx.viewer?.userId;
  return ctx.loaders.get<string, boolean>(`content.viewerEnrolled:${userId}`, async (courseIds) => {
    if (!userId) return courseIds.map(() => false);
    const rows = await db
      .select({ courseId: enrollments.courseId })
      .from(enrollments)
      .where(and(eq(enrollments.userId, userId), inArray(enrollments.courseId, [...courseIds])));
    const found = new Set(rows.map((r) => r.courseId));
    return courseIds.map((id) => found.has(id));
  });
}

/** The viewer's rating of each item, or null. */
export function viewerRating(ctx: RequestContext, db: Executor) {
  const userId = ctx.viewer?.userId;
  return ctx.loaders.get<string, number | null>(`content.viewerRating:${userId}`, async (itemIds) => {
    if (!userId) return itemIds.map(() => null);
    const rows = await db
      .select({ itemId: ratings.contentItemId, rating: ratings.rating })
      .from(ratings)
      .where(and(eq(ratings.userId, userId), inArray(ratings.contentItemId, [...itemIds])));
    return byKey(itemIds, rows, (r) => r.itemId).map((r) => r?.rating ?? null);
  });
}

/** Each user's enrollments, most recent first, a page per user (a user enrolls in a course once). */
export function enrollmentsByUser(ctx: RequestContext, db: Executor) {
  return pagesPerParent<EnrollmentRow>(ctx, db, {
    name: 'content.enrollmentsByUser',
    table: enrollments,
    parent: enrollments.userId,
    orderBy: [enrollments.enrolledAt, enrollments.courseId],
    direction: 'desc',
  });
}
