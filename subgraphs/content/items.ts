import { and, eq, sql } from 'drizzle-orm';
import { type Executor, isCheckViolation, isForeignKeyViolation, rows } from '../../kit/db.js';
import { forbidden, notFound } from '../../kit/errors.js';
import type { Logger } from '../../kit/log.js';
import type { RequestContext, SubgraphDeps } from '../../kit/subgraph.js';
import type { Database } from '../../kit/db.js';
import { isVisible, requireTrainer, viewerTrainerId } from './access.js';
import type { CreateContentItemInput, UpdateContentItemInput } from './generated/resolvers-types.js';
import {
  type ContentItemRow,
  contentItems,
  contentViewMarks,
  contentViews,
  itemColumns,
  ratings,
} from './tables.js';
import { reportTrainerRating, reportTrainerRatingsOfPublishedItems } from './trainer-rating.js';
import { viewDay, viewerKey } from './view-marks.js';
import { checkId, checkTags, checkText, checkUrl, toDb } from './validation.js';
import { badInput } from '../../kit/errors.js';
import { requireViewer } from '../../kit/authz.js';

export async function createContentItem(
  deps: SubgraphDeps,
  ctx: RequestContext,
  input: CreateContentItemInput,
): Promise<ContentItemRow> {
  const creatorId = requireTrainer(ctx);
  const now = deps.clock.now();
  const [row] = await unknownTrainerIsForbidden(() =>
    deps.database.db
      .insert(contentItems)
      .values({
        creatorId,
        type: toDb(input.type),
        title: checkText(input.title, 'title', 200, true),
        description: checkText(input.description, 'description', 10_000),
        contentUrl: checkUrl(input.contentUrl, 'contentUrl'),
        thumbnailUrl: checkUrl(input.thumbnailUrl, 'thumbnailUrl'),
        tags: checkTags(input.tags ?? []),
        difficultyLevel: input.difficulty ? toDb(input.difficulty) : null,
        language: input.language ? toDb(input.language) : 'english',
        createdAt: now,
        updatedAt: now,
      })
      .returning(itemColumns),
  );
  return row!;
}

/**
 * creator_id has a foreign key to the trainers table where the training subgraph is deployed: a
 * viewer whose trainer profile is gone meanwhile gets FORBIDDEN, not an internal error.
 */
export async function unknownTrainerIsForbidden<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isForeignKeyViolation(error)) throw forbidden('Only trainers can author content.');
    throw error;
  }
}

/**
 * Changes a row only where the viewer's trainer id owns it, in one statement; when nothing
 * changed, says why without revealing other trainers' drafts.
 */
async function updateOwnItem(
  deps: SubgraphDeps,
  ctx: RequestContext,
  rawId: string,
  patch: Partial<typeof contentItems.$inferInsert>,
  afterChange?: (tx: Executor, row: ContentItemRow) => Promise<void>,
): Promise<ContentItemRow> {
  const trainerId = requireTrainer(ctx);
  const id = checkId(rawId);
  const row = await deps.database.db.transaction(async (tx) => {
    const [changed] = await tx
      .update(contentItems)
      .set({ ...patch, updatedAt: deps.clock.now() })
      .where(and(eq(contentItems.id, id), eq(contentItems.creatorId, trainerId)))
      .returning(itemColumns);
    if (changed) await afterChange?.(tx, changed);
    return changed;
  });
  if (row) return row;
  const [existing] = await deps.database.db
    .select({ creatorId: contentItems.creatorId, isPublished: contentItems.isPublished })
    .from(contentItems)
    .where(eq(contentItems.id, id));
  if (existing && isVisible(existing, ctx)) throw forbidden('Only its creator can change this content item.');
  throw notFound('Content item');
}

export function updateContentItem(
  deps: SubgraphDeps,
  ctx: RequestContext,
  id: string,
  input: UpdateContentItemInput,
) {
  const patch: Partial<typeof contentItems.$inferInsert> = {};
  if (input.type !== undefined) {
    if (input.type === null) throw badInput('type cannot be cleared.', { field: 'type' });
    patch.type = toDb(input.type);
  }
  if (input.title !== undefined) patch.title = checkText(input.title ?? '', 'title', 200, true);
  if (input.description !== undefined)
    patch.description = checkText(input.description, 'description', 10_000);
  if (input.contentUrl !== undefined) patch.contentUrl = checkUrl(input.contentUrl, 'contentUrl');
  if (input.thumbnailUrl !== undefined) patch.thumbnailUrl = checkUrl(input.thumbnailUrl, 'thumbnailUrl');
  if (input.tags !== undefined) patch.tags = checkTags(input.tags ?? []);
  if (input.difficulty !== undefined)
    patch.difficultyLevel = input.difficulty ? toDb(input.difficulty) : null;
  if (input.language !== undefined) {
    if (input.language === null) throw badInput('language cannot be cleared.', { field: 'language' });
    patch.language = toDb(input.language);
  }
  return updateOwnItem(deps, ctx, id, patch);
}

/** Publishing or unpublishing a rated item moves the trainer's rating, so it is reported. */
export const setItemPublished = (deps: SubgraphDeps, ctx: RequestContext, id: string, isPublished: boolean) =>
  updateOwnItem(deps, ctx, id, { isPublished }, async (tx, row) => {
    if (row.ratingsCount > 0) await reportTrainerRating(tx, deps.clock, row.creatorId);
  });

/** A visible item by id, or NOT_FOUND (another trainer's draft does not exist for this viewer). */
async function visibleItem(deps: SubgraphDeps, ctx: RequestContext, rawId: string): Promise<ContentItemRow> {
  const id = checkId(rawId);
  const [row] = await deps.database.db.select(itemColumns).from(contentItems).where(eq(contentItems.id, id));
  if (!row || !isVisible(row, ctx)) throw notFound('Content item');
  return row;
}

/** The exact mean of an item's ratings; the stored column is the same value rounded to 2 decimals. */
export const averageRating = (item: { ratingsSum: number; ratingsCount: number }): number | null =>
  item.ratingsCount > 0 ? Math.round((item.ratingsSum / item.ratingsCount) * 100) / 100 : null;

/**
 * Rates or re-rates an item; the trigger on ratings keeps the item's average exact, and the
 * trainer's rating is reported in the same transaction. A trainer cannot rate their own item
 * (FORBIDDEN; a trigger on content.ratings refuses it too, whoever writes).
 */
export async function rateContentItem(
  deps: SubgraphDeps,
  ctx: RequestContext,
  id: string,
  rating: number,
): Promise<ContentItemRow> {
  const viewer = requireViewer(ctx);
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
    throw badInput('rating must be a whole number from 1 to 5.', { field: 'rating' });
  }
  const item = await visibleItem(deps, ctx, id);
  if (item.creatorId === viewerTrainerId(ctx)) throw ownContent();
  try {
    return await deps.database.db.transaction(async (tx) => {
      const now = deps.clock.now();
      await tx
        .insert(ratings)
        .values({ userId: viewer.userId, contentItemId: item.id, rating, createdAt: now, updatedAt: now })
        .onConflictDoUpdate({
          target: [ratings.userId, ratings.contentItemId],
          set: { rating, updatedAt: now },
        });
      const [fresh] = await tx.select(itemColumns).from(contentItems).where(eq(contentItems.id, item.id));
      if (fresh!.isPublished) await reportTrainerRating(tx, deps.clock, fresh!.creatorId);
      return fresh!;
    });
  } catch (error) {
    // The viewer's cached trainer id may lag behind (a new trainer): the database still knows.
    if (isCheckViolation(error, 'ratings_not_own_content')) throw ownContent();
    throw error;
  }
}

const ownContent = () => forbidden('Trainers cannot rate their own content.');

export async function removeContentRating(deps: SubgraphDeps, ctx: RequestContext, rawId: string) {
  const viewer = requireViewer(ctx);
  const id = checkId(rawId);
  return deps.database.db.transaction(async (tx) => {
    const removed = await tx
      .delete(ratings)
      .where(and(eq(ratings.userId, viewer.userId), eq(ratings.contentItemId, id)))
      .returning({ id: ratings.contentItemId });
    await reportTrainerRatingsOfPublishedItems(
      tx,
      deps.clock,
      removed.map((r) => r.id),
    );
    return removed.length > 0;
  });
}

/**
 * Records a view: one statement marks the viewer as counted for the item today (UTC) and, only
 * when that mark is new, appends a row to content_views, both guarded by the item's visibility.
 * A viewer's repeat views the same day are not counted, so one client cannot inflate the count;
 * concurrent repeats meet on the mark's primary key and only one of them inserts. Nothing writes
 * the item's row here, so concurrent viewers never wait on each other; ViewCounterFlusher adds
 * the views to view_count.
 */
export async function recordContentView(deps: SubgraphDeps, ctx: RequestContext, rawId: string) {
  const id = checkId(rawId);
  const trainerId = viewerTrainerId(ctx);
  const visible = trainerId
    ? sql`(${contentItems.isPublished} or ${contentItems.creatorId} = ${trainerId})`
    : sql`${contentItems.isPublished}`;
  const now = deps.clock.now();
  const [result] = await rows<{ visible: number }>(
    deps.database.db,
    sql`with item as (
          select ${contentItems.id} as id from ${contentItems} where ${contentItems.id} = ${id} and ${visible}
        ), marked as (
          insert into ${contentViewMarks} (day, content_item_id, viewer_key)
          select ${viewDay(now)}::date, id, ${viewerKey(deps, ctx)} from item
          on conflict do nothing
          returning content_item_id
        ), counted as (
          insert into ${contentViews} (content_item_id, viewed_at)
          select content_item_id, ${now.toISOString()}::timestamptz from marked
          returning id
        )
        select (select count(*) from item)::int as visible`,
  );
  if (!Number(result?.visible)) throw notFound('Content item');
  return true;
}

/**
 * Moves pending views into content_items.view_count. One statement deletes a batch of view rows
 * and adds their per-item counts, so each view is counted exactly once even with several
 * processes flushing at the same time (SKIP LOCKED gives each a disjoint batch, and the delete
 * and the increment commit together). The item row is written once per item per batch.
 */
export async function flushContentViews(database: Database, batchSize = 10_000): Promise<number> {
  let total = 0;
  for (;;) {
    const [result] = await rows<{ moved: number | string | null }>(
      database.db,
      sql`with moved as (
            delete from ${contentViews}
             where ${contentViews.id} in (
               select ${contentViews.id} from ${contentViews}
                order by ${contentViews.id} limit ${batchSize} for update skip locked)
         returning ${contentViews.contentItemId} as item_id
          ), totals as (
            select item_id, count(*)::int as n from moved group by item_id
          ), applied as (
            update ${contentItems} set view_count = ${contentItems.viewCount} + totals.n
              from totals where ${contentItems.id} = totals.item_id
          returning totals.n
          )
          select (select count(*) from moved)::int as moved`,
    );
    const moved = Number(result?.moved ?? 0);
    total += moved;
    if (moved < batchSize) return total;
  }
}
