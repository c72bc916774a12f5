import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { type Executor, isUniqueViolation } from '../../kit/db.js';
import { badInput, notFound, invalidTransition } from '../../kit/errors.js';
import type { SubgraphDeps } from '../../kit/subgraph.js';
import { writeCoachingEvents } from './coaching-events.js';
import { type TrainerClientRow, trainerClients, trainers } from './tables.js';

/**
 * Coaching: a client hires a verified trainer, which is their consent to share their habits,
 * workout sessions, health summary and subscription plan with that trainer, until either side
 * ends it. Ended relationships stay as history; only active ones grant anything.
 */

const activePair = (trainerId: string, userId: string) =>
  and(
    eq(trainerClients.trainerId, trainerId),
    eq(trainerClients.userId, userId),
    isNull(trainerClients.endedAt),
  );

/**
 * Hires a trainer for `userId`. Idempotent: when the trainer already coaches the user, the active
 * relationship is returned unchanged (a retried request must not fail or start a second one).
 */
export async function hireTrainer(
  deps: SubgraphDeps,
  userId: string,
  trainerId: string,
): Promise<TrainerClientRow> {
  const db = deps.database.db;
  const [trainer] = await db.select().from(trainers).where(eq(trainers.id, trainerId));
  // A trainer whose account is gone (user_id detached) cannot coach anyone.
  if (!trainer?.userId) throw notFound('Trainer');
  if (!trainer.verified) {
    throw badInput('Only a verified trainer can be hired.', {
      field: 'trainerId',
      reason: 'TRAINER_NOT_VERIFIED',
    });
  }
  if (trainer.userId === userId) {
    throw badInput('A trainer cannot coach themself.', { field: 'trainerId', reason: 'SELF_COACHING' });
  }
  const existing = await activeRelationship(db, trainerId, userId);
  if (existing) return existing;
  const trainerUserId = trainer.userId;
  try {
    return await db.transaction(async (tx) => {
      const now = deps.clock.now();
      const [row] = await tx.insert(trainerClients).values({ trainerId, userId, startedAt: now }).returning();
      await writeCoachingEvents(tx, [{ row: row!, trainerUserId }], now);
      return row!;
    });
  } catch (error) {
    // Two hires of the same trainer at once: the other one won; answer with its relationship.
    if (isUniqueViolation(error, 'trainer_clients_active_pair_key')) {
      const winner = await activeRelationship(db, trainerId, userId);
      if (winner) return winner;
    }
    throw error;
  }
}

async function activeRelationship(db: Executor, trainerId: string, userId: string) {
  const [row] = await db.select().from(trainerClients).where(activePair(trainerId, userId));
  return row ?? null;
}

/**
 * Ends an active relationship, for either party. To anyone else it does not exist (NOT_FOUND);
 * ending it twice is a CONFLICT, so a former coach cannot use this to read the relationship again.
 */
export async function endCoaching(
  deps: SubgraphDeps,
  party: { userId: string; trainerId: string | null },
  id: string,
): Promise<TrainerClientRow> {
  const db = deps.database.db;
  const [found] = await db
    .select({ row: trainerClients, trainerUserId: trainers.userId })
    .from(trainerClients)
    .innerJoin(trainers, eq(trainers.id, trainerClients.trainerId))
    .where(eq(trainerClients.id, id));
  const row = found?.row;
  if (!row || (row.userId !== party.userId && row.trainerId !== party.trainerId)) {
    throw notFound('Coaching relationship');
  }
  const ended = await db.transaction(async (tx) => {
    const now = deps.clock.now();
    const [updated] = await tx
      .update(trainerClients)
      .set({ endedAt: sql`greatest(${now.toISOString()}::timestamptz, ${trainerClients.startedAt})` })
      .where(and(eq(trainerClients.id, id), isNull(trainerClients.endedAt)))
      .returning();
    // A trainer whose account is gone has no relationships left (eraseRelationships), so this is set.
    if (updated && found.trainerUserId)
      await writeCoachingEvents(tx, [{ row: updated, trainerUserId: found.trainerUserId }], now, {
        reason: 'ended',
        endedAt: updated.endedAt!,
      });
    return updated;
  });
  if (!ended) throw invalidTransition('This coaching relationship has already ended.', 'ENDED', 'ENDED');
  return ended;
}

/**
 * GDPR: a deleted user's relationships go, as a client and as a trainer (`trainerIds` are the
 * trainer profiles the user had, already detached from them). Each active one is announced as
 * ended, so health and billing stop sharing the client's data with the coach.
 */
export async function eraseRelationships(
  tx: Executor,
  userId: string,
  trainerIds: string[],
  at: Date,
): Promise<void> {
  const erased = await tx
    .delete(trainerClients)
    .where(
      trainerIds.length > 0
        ? or(eq(trainerClients.userId, userId), inArray(trainerClients.trainerId, trainerIds))
        : eq(trainerClients.userId, userId),
    )
    .returning();
  const active = erased.filter((row) => row.endedAt === null);
  // The user's own trainer profiles are detached already; the other trainers' users are looked up.
  const ownProfiles = new Set(trainerIds);
  const otherTrainers = [...new Set(active.map((row) => row.trainerId).filter((id) => !ownProfiles.has(id)))];
  const userOf = new Map(
    otherTrainers.length === 0
      ? []
      : (
          await tx
            .select({ id: trainers.id, userId: trainers.userId })
            .from(trainers)
            .where(inArray(trainers.id, otherTrainers))
        ).map((trainer) => [trainer.id, trainer.userId]),
  );
  const facts = active.flatMap((row) => {
    const trainerUserId = ownProfiles.has(row.trainerId) ? userId : userOf.get(row.trainerId);
    return trainerUserId ? [{ row, trainerUserId }] : [];
  });
  await writeCoachingEvents(tx, facts, at, { reason: 'account_deleted', endedAt: at });
}
