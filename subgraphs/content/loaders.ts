import { and, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../kit/db.js';
import { byKey, compositeKey, groupByKey } from '../../kit/loaders.js';
import { decodeCursor, type Page, toPage } from '../../kit/pagination.js';
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

/**
 * A page per trainer in one statement: row_number() over each trainer's rows picks every
 * trainer's first `limit + 1`. The loader's name carries the page arguments (its SQL depends on them).
 */
export function itemsByTrainer(
  ctx: RequestContext,
  db: Executor,
  limit: number,
  after: string | null | undefined,
) {
  return ctx.loaders.get<string, Page<ContentItemRow>>(
    `content.itemsByTrainer:${compositeKey({ limit, after })}`,
    async (trainerIds) => {
      const ranked = db
        .select({
          id: contentItems.id,
          position:
            sql<number>`row_number() over (partition by ${contentItems.creatorId} order by ${contentItems.createdAt} desc, ${contentItems.id} desc)`.as(
              'position',
            ),
        })
        .from(contentItems)
        .where(
          and(
            inArray(contentItems.creatorId, [...trainerIds]),
            visibleTo(ctx, contentItems),
            afterCreated(after, contentItems),
          ),
        )
        .as('ranked');
      const rows = await db
        .select(itemColumns)
        .from(contentItems)
        .innerJoin(ranked, eq(ranked.id, contentItems.id))
        .where(sql`${ranked.position} <= ${limit + 1}`)
        .orderBy(desc(contentItems.createdAt), desc(contentItems.id));
      primeItems(ctx, db, rows);
      return groupByKey(trainerIds, rows, (row) => row.creatorId).map((list) =>
        toPage(list, limit, createdCursor),
      );
    },
  );
}

export function coursesByTrainer(
  ctx: RequestContext,
  db: Executor,
  limit: number,
  after: string | null | undefined,
) {
  return ctx.loaders.get<string, Page<CourseRow>>(
    `content.coursesByTrainer:${compositeKey({ limit, after })}`,
    async (trainerIds) => {
      const ranked = db
        .select({
          id: courses.id,
          position:
            sql<number>`row_number() over (partition by ${courses.creatorId} order by ${courses.createdAt} desc, ${courses.id} desc)`.as(
              'position',
            ),
        })
        .from(courses)
        .where(
          and(
            inArray(courses.creatorId, [...trainerIds]),
            visibleTo(ctx, courses),
            afterCreated(after, courses),
          ),
        )
        .as('ranked');
      const rows = await db
        .select({ course: courses })
        .from(courses)
        .innerJoin(ranked, eq(ranked.id, courses.id))
        .where(sql`${ranked.position} <= ${limit + 1}`)
        .orderBy(desc(courses.createdAt), desc(courses.id));
      primeCourses(
        ctx,
        db,
        rows.map((r) => r.course),
      );
      return groupByKey(
        trainerIds,
        rows.map((r) => r.course),
        (row) => row.creatorId,
      ).map((list) => toPage(list, limit, createdCursor));
    },
  );
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

/** Each user's enrollments, most recent first, a page per user. */
export function enrollmentsByUser(
  ctx: RequestContext,
  db: Executor,
  limit: number,
  after: string | null | undefined,
) {
  return ctx.loaders.get<string, Page<EnrollmentRow>>(
    `content.enrollmentsByUser:${compositeKey({ limit, after })}`,
    async (userIds) => {
      const cursor = afterCreated(after, { createdAt: enrollments.enrolledAt, id: enrollments.courseId });
      const ranked = db
        .select({
          userId: enrollments.userId,
          courseId: enrollments.courseId,
          position:
            sql<number>`row_number() over (partition by ${enrollments.userId} order by ${enrollments.enrolledAt} desc, ${enrollments.courseId} desc)`.as(
              'position',
            ),
        })
        .from(enrollments)
        .where(and(inArray(enrollments.userId, [...userIds]), cursor))
        .as('ranked');
      const rows = await db
        .select({ enrollment: enrollments })
        .from(enrollments)
        .innerJoin(
          ranked,
          and(eq(ranked.userId, enrollments.userId), eq(ranked.courseId, enrollments.courseId)),
        )
        .where(sql`${ranked.position} <= ${limit + 1}`)
        .orderBy(desc(enrollments.enrolledAt), desc(enrollments.courseId));
      return groupByKey(
        userIds,
        rows.map((r) => r.enrollment),
        (row) => row.userId,
      ).map((list) => toPage(list, limit, (row) => [row.enrolledAt.toISOString(), row.courseId]));
    },
  );
}
