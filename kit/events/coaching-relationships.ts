import type { RelationshipEventContract } from '../relationships.js';

/**
 * Training's coaching events (subgraphs/training/coaching-events.ts, contracts in catalogue.ts)
 * read as relationships for a subgraph's copy (kit/relationships.ts): the trainer is the grantee,
 * the client the owner. Every subgraph that shares a client's data with their coach reads the
 * events this one way.
 */
export const COACHING_RELATIONSHIP_EVENTS: RelationshipEventContract<'coaching.started', 'coaching.ended'> = {
  started: 'coaching.started',
  ended: 'coaching.ended',
  relationship: ({ payload }) => ({
    id: payload.relationshipId,
    granteeId: payload.trainerId,
    granteeUserId: payload.trainerUserId,
    ownerId: payload.userId,
    startedAt: new Date(payload.startedAt),
    endedAt: payload.endedAt === null ? null : new Date(payload.endedAt),
  }),
};
