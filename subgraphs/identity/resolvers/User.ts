import { fromStored } from '../../../kit/stored-enums.js';
import { isOwnerOrAdmin } from '../../../kit/authz.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import type { UserResolvers } from '../generated/resolvers-types.js';
import { connectionsByUser, userById } from '../loaders.js';
import type { UserRow } from '../tables.js';
import type { IdentityDeps } from '../server.js';

/**
 * Rows handed to a token's new holder (AuthSuccess.user): that request has no viewer yet, but the
 * person asking just proved who they are, so they see their own private fields.
 */
const revealedToHolder = new WeakSet<UserRow>();
export function revealToHolder(user: UserRow): UserRow {
  revealedToHolder.add(user);
  return user;
}

const canSeePrivate = (user: UserRow, ctx: RequestContext) =>
  revealedToHolder.has(user) || isOwnerOrAdmin(ctx, user.id);

/** A field only the user and admins read; null for everyone else. */
const privateField =
  <K extends keyof UserRow>(key: K) =>
  (user: UserRow, _args: unknown, ctx: RequestContext) =>
    canSeePrivate(user, ctx) ? user[key] : null;

export function userResolvers(deps: IdentityDeps): UserResolvers<RequestContext, UserRow> {
  return {
    __resolveReference: (reference, ctx) => userById(ctx, deps.database.db).load(reference.id),
    email: privateField('email'),
    dateOfBirth: privateField('dateOfBirth'),
    gender: privateField('gender'),
    countryCode: privateField('countryCode'),
    emailVerified: privateField('emailVerified'),
    twoFactorEnabled: privateField('twoFactorEnabled'),
    isActive: privateField('isActive'),
    roles: (user, _args, ctx) =>
      canSeePrivate(user, ctx) ? user.roles.map((role) => fromStored<'USER' | 'ADMIN'>(role)) : null,
    updatedAt: privateField('updatedAt'),
    // Owner only (not admins): which providers someone signs in with is theirs alone.
    linkedAccounts: (user, _args, ctx) =>
      revealedToHolder.has(user) || ctx.viewer?.userId === user.id
        ? connectionsByUser(ctx, deps.database.db).load(user.id)
        : null,
  };
}
