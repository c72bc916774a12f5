import { and, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { type Executor, isUniqueViolation } from '../../kit/db.js';
import { badInput, conflict, notFound } from '../../kit/errors.js';
import { decodeCursor, type Page, toPage } from '../../kit/pagination.js';
import type { SubgraphDeps } from '../../kit/subgraph.js';
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
  try {
    const [row] = await db
      .insert(trainerClients)
      .values({ trainerId, userId, startedAt: deps.clock.now() })
      .returning();
    return row!;
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
  const [row] = await db.select().from(trainerClients).where(eq(trainerClients.id, id));
  if (!row || (row.userId !== party.userId && row.trainerId !== party.trainerId)) {
    throw notFound('Coaching relationship');
  }
  const [ended] = await db
    .update(trainerClients)
    .set({
      endedAt: sql`greatest(${deps.clock.now().toISOString()}::timestamptz, ${trainerClients.startedAt})`,
    })
    .where(and(eq(trainerClients.id, id), isNull(trainerClients.endedAt)))
    .returning();
  if (!ended) throw conflict('This coaching relationship has already ended.', { reason: 'ALREADY_ENDED' });
  return ended;
}

const clientCursor = (row: TrainerClientRow) => [row.startedAt.toISOString(), row.id];

/** A trainer's active clients, newest first (the trainer_clients_trainer_active_idx index). */
export async function clientsPage(
  db: Executor,
  trainerId: string,
  limit: number,
  after: string | null | undefined,
): Promise<Page<TrainerClientRow>> {
  const conditions: SQL[] = [eq(trainerClients.trainerId, trainerId), isNull(trainerClients.endedAt)];
  const cursor = decodeCursor(after, ['timestamp', 'uuid']);
  if (cursor) {
    conditions.push(
      sql`(${trainerClients.startedAt}, ${trainerClients.id}) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`,
    );
  }
  const rows = await db
    .select()
    .from(trainerClients)
    .where(and(...conditions))
    .orderBy(desc(trainerClients.startedAt), desc(trainerClients.id))
    .limit(limit + 1);
  return toPage(rows, limit, clientCursor);
}

/**
 * GDPR: a deleted user's relationships go, as a client and as a trainer (`trainerIds` are the
 * trainer profiles the user had).
 */
export async function eraseRelationships(tx: Executor, userId: string, trainerIds: string[]): Promise<void> {
  await tx.delete(trainerClients).where(eq(trainerClients.userId, userId));
  if (trainerIds.length > 0)
    await tx.delete(trainerClients).where(inArray(trainerClients.trainerId, trainerIds));
}
