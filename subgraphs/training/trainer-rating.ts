import { and, eq, isNull, lte, or } from 'drizzle-orm';
import type { Executor } from '../../kit/db.js';
import type { EventPayload } from '../../kit/events/catalogue.js';
import { trainers } from './tables.js';

/**
 * content.trainer_rating_changed: content owns the ratings and reports a trainer's average over
 * their published content items with the number of ratings; training keeps both on the trainer
 * (trainers.rating, ratings_count) for Trainer.rating. A report older than the one stored (a
 * redelivery, or events handled out of order) changes nothing.
 */
export async function applyTrainerRating(
  tx: Executor,
  { trainerId, average, count, computedAt }: EventPayload<'content.trainer_rating_changed'>,
): Promise<void> {
  const at = new Date(computedAt);
  await tx
    .update(trainers)
    .set({
      rating: count > 0 && average !== null ? average.toFixed(2) : null,
      ratingsCount: count > 0 && average !== null ? count : 0,
      ratingUpdatedAt: at,
    })
    .where(
      and(
        eq(trainers.id, trainerId),
        or(isNull(trainers.ratingUpdatedAt), lte(trainers.ratingUpdatedAt, at)),
      ),
    );
}
