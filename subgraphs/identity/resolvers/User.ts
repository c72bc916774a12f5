import { fromStored } from '../../../kit/stored-enums.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import type { IdentityDeps } from '../deps.js';
import type { UserResolvers } from '../generated/resolvers-types.js';
import { connectionsByUser, userById } from '../loaders.js';
import { requireOwnerOnly, requirePrivateAccess } from '../privacy.js';
import type { UserRow } from '../tables.js';

/** A private field: the row's value for the user and admins, a denied field for anyone else. */
const privateField =
  <K extends keyof UserRow>(key: K) =>
  (user: UserRow, _args: unknown, ctx: RequestContext) => {
    requirePrivateAccess(user, ctx);
    return user[key];
  };

export function userResolvers(deps: IdentityDeps): UserResolvers<RequestContext, UserRow> {
  return {
    __resolveReference: (reference, ctx) => userById(ctx, deps.database.db).load(reference.id),
    email: privateField('email'),
    dateOfBirth: privateField('dateOfBirth'),
    gender: privateField('gender'),
    countryCode: privateField('countryCode'),
    timeZone: privateField('timeZone'),
    emailVerified: privateField('emailVerified'),
    twoFactorEnabled: privateField('twoFactorEnabled'),
    isActive: privateField('isActive'),
    roles: (user, _args, ctx) => {
      requirePrivateAccess(user, ctx);
      return user.roles.map((role) => fromStored<'USER' | 'ADMIN'>(role));
    },
    updatedAt: privateField('updatedAt'),
    linkedAccounts: (user, _args, ctx) => {
      requireOwnerOnly(user, ctx);
      return connectionsByUser(ctx, deps.database.db).load(user.id);
    },
  };
}
