import type { Executor } from '../../kit/db.js';
import { COACHING_RELATIONSHIP_EVENTS } from '../../kit/events/coaching-relationships.js';
import { RelationshipCopy } from '../../kit/relationships.js';
import type { RequestContext } from '../../kit/subgraph.js';
import { coachingRelationships } from './tables.js';

/**
 * Coaching as health sees it. Training owns the relationship (a client's consent to share their
 * health summary with the trainer they hired); health cannot read training's table, so it keeps a copy from
 * training's events and serves the client's health summary to a trainer only while that copy holds an
 * active relationship between them and the signed viewer is that trainer's user. The copy trails
 * training by one outbox relay pass (SECURITY.md, "Coaching").
 */

export const coaching = new RelationshipCopy(
  coachingRelationships,
  COACHING_RELATIONSHIP_EVENTS,
  'health.coaching',
);

/** The `trainerId userId` key of training's TrainerClient, as the representation names it (each field checks it). */
export interface CoachingKey {
  trainerId: string;
  userId: string;
}

/**
 * Guards each of the client's fields on TrainerClient: the client, or their active coach, reads
 * it; anyone else (a former coach, another trainer) gets it as a denied field (kit/authz.ts).
 * Batched per request: a page of 100 clients is one statement against the copy, as for 10.
 */
export async function requireCoachOrClient(
  client: CoachingKey,
  ctx: RequestContext,
  db: Executor,
): Promise<void> {
  await coaching.requireOwnerOrActiveGrantee(
    ctx,
    db,
    client.trainerId,
    client.userId,
    "Only the client and their active coach see the client's health data.",
  );
}
