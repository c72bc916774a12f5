import { isOwnerOrAdmin, requireFieldAccess } from '../../kit/authz.js';
import type { RequestContext } from '../../kit/subgraph.js';
import type { UserRow } from './tables.js';

/**
 * Who reads a user's private fields (email, date of birth, account flags, ...): the user and
 * admins. Anyone else gets each such field as a denied field (kit/authz.ts).
 */

/**
 * Rows handed to a token's new holder (AuthSuccess.user): that request has no viewer yet, but the
 * person asking just proved who they are, so they see their own private fields.
 */
const revealedToHolder = new WeakSet<UserRow>();
export function revealToHolder(user: UserRow): UserRow {
  revealedToHolder.add(user);
  return user;
}

const isHolder = (user: UserRow, ctx: RequestContext) =>
  revealedToHolder.has(user) || ctx.viewer?.userId === user.id;

/** The user's private profile and account fields: the user (or a token's new holder) and admins. */
export function requirePrivateAccess(user: UserRow, ctx: RequestContext): void {
  requireFieldAccess(
    ctx,
    isHolder(user, ctx) || isOwnerOrAdmin(ctx, user.id),
    'Only the user and admins see private profile fields.',
  );
}

/** Which providers someone signs in with is theirs alone: not even admins read it. */
export function requireOwnerOnly(user: UserRow, ctx: RequestContext): void {
  requireFieldAccess(ctx, isHolder(user, ctx), 'Only the user sees their linked sign-in providers.');
}
