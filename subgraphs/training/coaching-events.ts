import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../kit/db.js';
import { writeAllToOutbox } from '../../kit/events/outbox.js';
import { outbox, type TrainerClientRow } from './tables.js';

/**
 * Coaching events: what training tells the subgraphs that share a client's data with their coach
 * (health, billing), which cannot read trainer_clients and keep their own copy of it. Written in
 * the same transaction as the change, so a relationship never changes without its event.
 *
 * - `coaching.started` {relationshipId, trainerId, trainerUserId, userId, startedAt, endedAt: null}
 * - `coaching.ended`   the same with endedAt, and reason `ended` (endCoaching) or `account_deleted`
 *   (either party's account was erased; the row is gone from trainer_clients)
 *
 * An ended relationship never becomes active again (hiring again starts a new one), so consumers
 * treat an end as final whatever order the events arrive in.
 */
export const COACHING_STARTED = 'coaching.started';
export const COACHING_ENDED = 'coaching.ended';

export type CoachingEndReason = 'ended' | 'account_deleted';

/** A relationship with the user id of its trainer (the signed viewer the consumers check for). */
export interface CoachingFact {
  row: TrainerClientRow;
  trainerUserId: string;
}

export async function writeCoachingEvents(
  tx: Executor,
  facts: CoachingFact[],
  at: Date,
  ended?: { reason: CoachingEndReason; endedAt: Date },
): Promise<void> {
  await writeAllToOutbox(
    tx,
    outbox,
    facts.map(({ row, trainerUserId }) => ({
      type: ended ? COACHING_ENDED : COACHING_STARTED,
      payload: {
        relationshipId: row.id,
        trainerId: row.trainerId,
        trainerUserId,
        userId: row.userId,
        startedAt: row.startedAt.toISOString(),
        endedAt: ended ? (row.endedAt ?? ended.endedAt).toISOString() : null,
        ...(ended ? { reason: ended.reason } : {}),
      },
      occurredAt: at,
    })),
  );
}

/**
 * Writes the current state of every relationship as events again: `coaching.started` for each
 * active one, `coaching.ended` for each ended one. For a consumer's copy that is new, lost or
 * restored from a backup (`npm run training:republish-coaching`); relationships that existed before
 * coaching events did were announced once by the migration 0004_coaching_events_backfill. Safe to
 * run at any time and any number of times: consumers apply each fact idempotently and an end stays
 * final, so a started written here that arrives after a concurrent end changes nothing.
 * Relationships erased with an account are not in the table; consumers end those on user.deleted.
 */
export async function republishCoachingEvents(executor: Executor, at: Date): Promise<number> {
  const written = await rows<{ id: string }>(
    executor,
    sql`
    INSERT INTO training.outbox (id, type, payload, occurred_at)
    SELECT gen_random_uuid(),
      CASE WHEN tc.ended_at IS NULL THEN ${COACHING_STARTED} ELSE ${COACHING_ENDED} END,
      jsonb_build_object(
        'relationshipId', tc.id, 'trainerId', tc.trainer_id, 'trainerUserId', t.user_id,
        'userId', tc.user_id, 'startedAt', tc.started_at, 'endedAt', tc.ended_at
      ) || CASE WHEN tc.ended_at IS NULL THEN '{}'::jsonb ELSE '{"reason": "ended"}'::jsonb END,
      ${at.toISOString()}::timestamptz
    FROM training.trainer_clients tc
    JOIN training.trainers t ON t.id = tc.trainer_id
    WHERE t.user_id IS NOT NULL
    RETURNING id`,
  );
  return written.length;
}
