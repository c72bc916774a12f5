import { fromStored } from '../../../kit/stored-enums.js';
import { requireAdmin, requireService, requireViewer } from '../../../kit/authz.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import { searchUsers } from '../admin.js';
import { exportMyData } from '../gdpr.js';
import type { QueryResolvers } from '../generated/resolvers-types.js';
import { connectionsByUser, userById } from '../loaders.js';
import type { IdentityDeps } from '../deps.js';
import { validateSessionToken } from '../sessions.js';

export function queryResolvers(deps: IdentityDeps): QueryResolvers<RequestContext> {
  return {
    me: (_parent, _args, ctx) =>
      ctx.viewer ? userById(ctx, deps.database.db).load(ctx.viewer.userId) : null,

    sessionViewer: async (_parent, { token }, ctx) => {
      requireService(ctx);
      const valid = await validateSessionToken(deps.database.db, deps.clock, token);
      if (!valid) return null as never;
      return {
        sessionId: valid.session.id,
        userId: valid.user.id,
        roles: valid.user.roles.map((role) => fromStored<'USER' | 'ADMIN'>(role)),
        expiresAt: valid.session.expiresAt,
      };
    },

    linkedAccounts: (_parent, _args, ctx) =>
      connectionsByUser(ctx, deps.database.db).load(requireViewer(ctx).userId),

    exportMyData: (_parent, _args, ctx) => exportMyData(deps, requireViewer(ctx), ctx.requestId),

    searchUsers: (_parent, args, ctx) => {
      requireAdmin(ctx);
      return searchUsers(deps, args);
    },
  };
}
