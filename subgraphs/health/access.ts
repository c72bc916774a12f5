import { requireFieldAccess } from '../../kit/authz.js';
import type { RequestContext } from '../../kit/subgraph.js';

/** The User stub this subgraph extends: only the key. */
export interface HealthUser {
  id: string;
}

/**
 * Health data is the owner's alone: not other users, not admins, on every path (_entities
 * included). Anyone else is refused as a denied field (kit/authz.ts).
 */
export function requireOwner(user: HealthUser, ctx: RequestContext): void {
  requireFieldAccess(ctx, ctx.viewer?.userId === user.id, 'Health data is visible only to its owner.');
}

/** References resolve only for the owner: anyone else gets null, exactly as for a missing id. */
export const ownedBy = <T extends { userId: string }>(row: T | null, ctx: RequestContext): T | null =>
  row && ctx.viewer?.userId === row.userId ? row : null;
