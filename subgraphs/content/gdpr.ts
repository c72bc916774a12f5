import { eq } from 'drizzle-orm';
import type { UserErasure } from '../../kit/events/consumer.js';
import type { ContentDeps } from './deps.js';
import { enrollments, ratings } from './tables.js';
import { reportTrainerRatingsOfPublishedItems } from './trainer-rating.js';

/**
 * user.deleted: the user's ratings and enrollments go. The row triggers on both tables adjust
 * content_items.rating / ratings_count and courses.enrollments_count in the same transaction,
 * and the trainers whose rating moved are reported (trainer-rating.ts),
 * so averages and counts stay exact; a second delivery finds nothing left to delete.
 */
export const eraseUser: UserErasure<ContentDeps> = async (tx, { userId }, deps) => {
  const removed = await tx
    .delete(ratings)
    .where(eq(ratings.userId, userId))
    .returning({ id: ratings.contentItemId });
  // The trainers whose published items the user rated get their rating reported again.
  await reportTrainerRatingsOfPublishedItems(
    tx,
    deps.clock,
    removed.map((r) => r.id),
  );
  await tx.delete(enrollments).where(eq(enrollments.userId, userId));
};
