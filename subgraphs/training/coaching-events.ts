import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../kit/db.js';
import { catalogue, type EventName, type EventPayload } from '../../kit/events/catalogue.js';
import { type OutboxEvent, VERSION_KEY, writeEvents } from '../../kit/events/outbox.js';
import { outbox, type TrainerClientRow } from './tables.js';

/**
 * Coaching events: what training tells the subgraphs that share a client's data with their coach
 * (health, billing), which cannot read trainer_clients and keep their own copy of it. Written in
 * the same transaction as the change, so a relationship never changes without its event.
 *
 * - `coaching.started` when a client hires a trainer
 * - `coaching.ended` with reason `ended` (endCoaching) or `account_deleted` (either party's account
 *   was erased; the row is gone from trainer_clients)
 *
 * Their payloads are contracts in kit/events/catalogue.ts.
 *
 * An ended relationship never becomes active again (hiring again starts a new one), so consumers
 * treat an end as final whatever order the events arrive in.
 */
export const COACHING_STARTED = 'coaching.started' satisfies EventName;
export const COACHING_ENDED = 'coaching.ended' satisfies EventName;

export type CoachingEndReason = EventPayload<typeof COACHING_ENDED>['reason'];

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
  const events = facts.map(({ row, trainerUserId }): OutboxEvent => {
    const relationship = {
      relationshipId: row.id,
      trainerId: row.trainerId,
      trainerUserId,
      userId: row.userId,
      startedAt: row.startedAt.toISOString(),
    };
    if (!ended)
      return { type: COACHING_STARTED, payload: { ...relationship, endedAt: null }, occurredAt: at };
    return {
      type: COACHING_ENDED,
      payload: {
        ...relationship,
        endedAt: (row.endedAt ?? ended.endedAt).toISOString(),
        reason: ended.reason,
      },
      occurredAt: at,
    };
  });
  await writeEvents(tx, outbox, events);
}

/**
 * Writes the current state of every relationship as events again: `coaching.started` for each
 * active one, `coaching.ended` for each ended one. For a consumer's copy that is new, lost or
 * restored from a backup (`npm run training:republish-coaching`); relationships that existed before
 * coaching events did were announced once by the migration 0004_coaching_events_backfill. Safe to
 * run at any time and any number of times: consumers apply each fact idempotently and an end stays
 * final, so a started written here that arrives after a concurrent end changes nothing.
 * Relationships erased with an account are not in the table; consumers end those on user.deleted.
 * One statement for all of them, so it writes the catalogue's payloads and versions itself.
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
      ) || CASE WHEN tc.ended_at IS NULL THEN '{}'::jsonb ELSE '{"reason": "ended"}'::jsonb END
        || jsonb_build_object(${VERSION_KEY}::text, CASE WHEN tc.ended_at IS NULL
             THEN ${catalogue[COACHING_STARTED].version}::int ELSE ${catalogue[COACHING_ENDED].version}::int END),
      ${at.toISOString()}::timestamptz
    FROM training.trainer_clients tc
    JOIN training.trainers t ON t.id = tc.trainer_id
    WHERE t.user_id IS NOT NULL
    RETURNING id`,
  );
  return written.length;
}
