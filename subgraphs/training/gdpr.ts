import { and, eq, isNull } from 'drizzle-orm';
import type { UserErasure } from '../../kit/events/consumer.js';
import { eraseTimeZone } from '../../kit/time-zones.js';
import { eraseRelationships } from './coaching.js';
import type { TrainingDeps } from './deps.js';
import { habits, trainers, userTimeZones, workoutPlans, workoutSessions } from './tables.js';

/**
 * user.deleted (docs/architecture.md#gdpr-deletion-fan-out): the user's habits (logs go with them),
 * workout sessions and time zone are deleted, and so are their coaching relationships (as client and as
 * trainer, each announced as ended); a trainer profile is detached from the person, and its
 * published plans stay for the athletes who follow them, while unpublished drafts are
 * soft-deleted. Running it again changes nothing.
 */
export const eraseUser: UserErasure<TrainingDeps> = async (tx, deleted) => {
  const { userId } = deleted;
  const deletedAt = new Date(deleted.deletedAt);
  await tx.delete(habits).where(eq(habits.userId, userId));
  await tx.delete(workoutSessions).where(eq(workoutSessions.userId, userId));
  await eraseTimeZone(tx, userTimeZones, userId);
  const detached = await tx
    .update(trainers)
    .set({ userId: null })
    .where(eq(trainers.userId, userId))
    .returning({ id: trainers.id });
  await eraseRelationships(
    tx,
    userId,
    detached.map((trainer) => trainer.id),
    deletedAt,
  );
  for (const trainer of detached) {
    await tx
      .update(workoutPlans)
      .set({ deletedAt })
      .where(
        and(
          eq(workoutPlans.trainerId, trainer.id),
          eq(workoutPlans.isPublished, false),
          isNull(workoutPlans.deletedAt),
        ),
      );
  }
};
