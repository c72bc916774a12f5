import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Clock } from '../../kit/clock.js';
import { type Executor, rows } from '../../kit/db.js';
import { writeEvent } from '../../kit/events/outbox.js';
import { contentItems, outbox } from './tables.js';

/**
 * A trainer's rating: the average of every rating on their published content items, each rating
 * counted once (courses are not rated themselves), with the number of ratings. Training keeps it
 * in trainers.rating / ratings_count from the `content.trainer_rating_changed` event this writes,
 * in the transaction of the change that moved it (a rating, its removal, an item published or
 * unpublished, a user's ratings erased).
 *
 * Changes to two items of one trainer may commit at the same time; a transaction-scoped advisory
 * lock per trainer makes the second wait, so the sum it then reads includes the first one's
 * change, and the later event always carries the later total.
 */
export async function reportTrainerRating(tx: Executor, clock: Clock, trainerId: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`content.trainer_rating:${trainerId}`}, 0))`,
  );
  const [total] = await tx
    .select({
      sum: sql<number>`coalesce(sum(${contentItems.ratingsSum}), 0)::int`,
      count: sql<number>`coalesce(sum(${contentItems.ratingsCount}), 0)::int`,
    })
    .from(contentItems)
    .where(and(eq(contentItems.creatorId, trainerId), eq(contentItems.isPublished, true)));
  const count = Number(total?.count ?? 0);
  const average = count > 0 ? Math.round((Number(total!.sum) / count) * 100) / 100 : null;
  const computedAt = clock.now();
  await writeEvent(
    tx,
    outbox,
    'content.trainer_rating_changed',
    { trainerId, average, count, computedAt: computedAt.toISOString() },
    computedAt,
  );
}

/**
 * reportTrainerRating for the creators of these items that are published (only their ratings
 * count), each creator once, in a fixed order so concurrent reports never wait on each other in a
 * cycle.
 */
export async function reportTrainerRatingsOfPublishedItems(
  tx: Executor,
  clock: Clock,
  itemIds: readonly string[],
): Promise<void> {
  if (itemIds.length === 0) return;
  const creators = await rows<{ creator_id: string }>(
    tx,
    sql`select distinct ${contentItems.creatorId} as creator_id from ${contentItems}
        where ${inArray(contentItems.id, [...itemIds])} and ${contentItems.isPublished} order by 1`,
  );
  for (const { creator_id } of creators) await reportTrainerRating(tx, clock, creator_id);
}
