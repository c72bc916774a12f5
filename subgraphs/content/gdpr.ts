import { eq } from 'drizzle-orm';
import type { UserErasure } from '../../kit/events/consumer.js';
import type { ContentDeps } from './deps.js';
import { enrollments, ratings } from './tables.js';

/**
 * user.deleted: the user's ratings and enrollments go. The row triggers on both tables adjust
 * content_items.rating / ratings_count and courses.enrollments_count in the same transaction,
 * so averages and counts stay exact; a second delivery finds nothing left to delete.
 */
export const eraseUser: UserErasure<ContentDeps> = async (tx, { userId }) => {
  await tx.delete(ratings).where(eq(ratings.userId, userId));
  await tx.delete(enrollments).where(eq(enrollments.userId, userId));
};
