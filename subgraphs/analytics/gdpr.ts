import { eq, sql } from 'drizzle-orm';
import type { UserErasure } from '../../kit/events/consumer.js';
import { anonymizeUserEvents } from './ingest.js';
import type { AnalyticsDeps } from './deps.js';
import { deletedUsers, ingestedClientEvents, userProfiles } from './tables.js';

/**
 * user.deleted: the user's events are anonymized, their cohort memberships and profile
 * projection dropped, and their id remembered, so a late event about them is stored without it.
 * Running it again changes nothing.
 */
export const eraseUser: UserErasure<AnalyticsDeps> = async (tx, { userId, deletedAt }) => {
  await tx
    .insert(deletedUsers)
    .values({ userId, deletedAt: new Date(deletedAt) })
    .onConflictDoNothing();
  await anonymizeUserEvents(tx, userId);
  // The user leaves every cohort now, and the counts follow without waiting for a refresh.
  await tx.execute(sql`
    with gone as (
      delete from analytics.cohort_memberships where user_id = ${userId}::uuid returning cohort_id
    )
    update analytics.cohorts c set user_count = greatest(c.user_count - 1, 0)
    where c.id in (select cohort_id from gone)`);
  await tx.delete(userProfiles).where(eq(userProfiles.userId, userId));
  await tx.delete(ingestedClientEvents).where(eq(ingestedClientEvents.scope, userId));
};
