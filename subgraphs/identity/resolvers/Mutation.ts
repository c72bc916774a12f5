import { requireViewer } from '../../../kit/authz.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import { changePassword, signIn, signUp, updateProfile } from '../accounts.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';
import type { IdentityDeps } from '../server.js';
import type { UserRow } from '../tables.js';
import { revealToHolder } from './User.js';
import { revokeAllSessions, revokeSession } from '../sessions.js';

const authSuccess = (outcome: { token: string; expiresAt: Date; user: UserRow }) => ({
  __typename: 'AuthSuccess' as const,
  token: outcome.token,
  expiresAt: outcome.expiresAt,
  user: revealToHolder(outcome.user),
});

const weakPassword = (reasons: string[]) => ({
  __typename: 'WeakPassword' as const,
  message: `The password ${reasons.join('; ')}.`,
  reasons,
});

export function mutationResolvers(deps: IdentityDeps): MutationResolvers<RequestContext> {
  return {
    signUp: async (_parent, { input }) => {
      const outcome = await signUp(deps, input);
      switch (outcome.kind) {
        case 'success':
          return authSuccess(outcome);
        case 'emailTaken':
          return { __typename: 'EmailTaken', message: 'Another account already uses this email.' };
        case 'usernameTaken':
          return { __typename: 'UsernameTaken', message: 'Another account already uses this username.' };
        case 'weakPassword':
          return weakPassword(outcome.reasons);
      }
    },

    signIn: async (_parent, { input }, ctx) => {
      const outcome = await signIn(deps, input, ctx.ip);
      switch (outcome.kind) {
        case 'success':
          return authSuccess(outcome);
        case 'invalid':
          return { __typename: 'InvalidCredentials', message: 'The login or password is wrong.' };
        case 'tooMany':
          return {
            __typename: 'TooManyAttempts',
            message: 'Too many sign-in attempts; wait before trying again.',
            retryAfterSeconds: outcome.retryAfterSeconds,
          };
      }
    },

    signOut: async (_parent, _args, ctx) => {
      if (!ctx.viewer) return false;
      return (await revokeSession(deps.database.db, deps.kv, ctx.viewer.sessionId)) > 0;
    },

    signOutEverywhere: async (_parent, _args, ctx) => {
      const viewer = requireViewer(ctx);
      return revokeAllSessions(deps.database.db, deps.kv, viewer.userId);
    },

    updateProfile: async (_parent, { input }, ctx) => {
      const viewer = requireViewer(ctx);
      return updateProfile(deps, viewer.userId, input);
    },

    changePassword: async (_parent, { input }, ctx) => {
      const viewer = requireViewer(ctx);
      const outcome = await changePassword(deps, viewer.userId, viewer.sessionId, input);
      switch (outcome.kind) {
        case 'changed':
          return {
            __typename: 'PasswordChanged',
            user: outcome.user,
            revokedSessions: outcome.revokedSessions,
          };
        case 'invalid':
          return { __typename: 'InvalidCredentials', message: 'The current password is wrong.' };
        case 'weakPassword':
          return weakPassword(outcome.reasons);
      }
    },
  };
}
