import { eq } from 'drizzle-orm';
import type { Executor } from '../../kit/db.js';
import type { DomainEvent } from '../../kit/events/bus.js';
import { enrollments, ratings } from './tables.js';
import { isUuid } from '../../kit/ids.js';

/**
 * user.deleted: the user's ratings and enrollments go. The row triggers on both tables adjust
 * content_items.rating / ratings_count and courses.enrollments_count in the same transaction,
 * so averages and counts stay exact; a second delivery finds nothing left to delete.
 */
export async function forgetUser(tx: Executor, event: DomainEvent): Promise<void> {
  const userId = (event.payload as { userId?: unknown }).userId;
  if (!isUuid(userId)) return;
  await tx.delete(ratings).where(eq(ratings.userId, userId));
  await tx.delete(enrollments).where(eq(enrollments.userId, userId));
}
