import { and, eq, isNull } from 'drizzle-orm';
import type { Clock } from '../../kit/clock.js';
import type { Executor } from '../../kit/db.js';
import type { EventPayload } from '../../kit/events/catalogue.js';
import { writeEvent } from '../../kit/events/outbox.js';
import type { SampleInput } from './ingest.js';
import { coachingRelationships, outbox } from './tables.js';

/** What Subscription.healthMetricsRecorded delivers: the event's facts, no sample values. */
export type HealthMetricsRecordedModel = EventPayload<'health.metrics_recorded'>;

/**
 * Announces newly stored samples (`health.metrics_recorded`) in the transaction that stored
 * them, so live subscribers hear of exactly what committed. Nothing new, nothing announced.
 */
export async function announceSamples(
  tx: Executor,
  clock: Clock,
  userId: string,
  samples: readonly Pick<SampleInput, 'recordedAt'>[],
  written: { accepted: number },
): Promise<void> {
  if (written.accepted === 0 || samples.length === 0) return;
  const times = samples.map((sample) => sample.recordedAt.getTime());
  const now = clock.now();
  await writeEvent(
    tx,
    outbox,
    'health.metrics_recorded',
    {
      userId,
      accepted: written.accepted,
      from: new Date(Math.min(...times)).toISOString(),
      to: new Date(Math.max(...times)).toISOString(),
      recordedAt: now.toISOString(),
    },
    now,
  );
}

/**
 * Who may follow a user's new samples live: the user, and their active coach as this
 * subgraph's copy of coaching relationships says at the moment of asking (no loader cache), so
 * a subscription asks again for every event and a former coach receives nothing more.
 */
export async function canFollowSamplesOf(
  db: Executor,
  viewer: { userId: string } | null,
  userId: string,
): Promise<boolean> {
  if (!viewer) return false;
  if (viewer.userId === userId) return true;
  const [active] = await db
    .select({ id: coachingRelationships.id })
    .from(coachingRelationships)
    .where(
      and(
        eq(coachingRelationships.granteeUserId, viewer.userId),
        eq(coachingRelationships.ownerId, userId),
        isNull(coachingRelationships.endedAt),
      ),
    )
    .limit(1);
  return active !== undefined;
}
