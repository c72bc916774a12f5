import { requireAdmin, requireViewer } from '../../../kit/authz.js';
import { notFound, unauthenticated } from '../../../kit/errors.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import { changePassword, signIn, signUp, updateProfile } from '../accounts.js';
import { setUserActive } from '../admin.js';
import {
  requestEmailVerification,
  requestPasswordReset,
  resetPassword,
  verifyEmail,
} from '../email-flows.js';
import { deleteMyAccount } from '../gdpr.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';
import { userById } from '../loaders.js';
import type { Mailer } from '../mailer.js';
import {
  OAUTH_FLOW_COOKIE,
  OAUTH_FLOW_SECONDS,
  oauthCallback,
  oauthStart,
  unlinkProvider,
} from '../oauth.js';
import type { IdentityDeps } from '../deps.js';
import { revokeAllSessions, revokeSession } from '../sessions.js';
import type { UserRow } from '../tables.js';
import {
  completeTwoFactorSignIn,
  confirmTwoFactor,
  disableTwoFactor,
  enrollTwoFactor,
} from '../two-factor.js';
import { fromApiProvider, toApiProvider } from './LinkedAccount.js';
import { revealToHolder } from '../privacy.js';

const tooMany = (retryAfterSeconds: number) => ({
  __typename: 'TooManyAttempts' as const,
  message: 'Too many attempts; wait before trying again.',
  retryAfterSeconds,
});
const invalidCode = {
  __typename: 'InvalidTwoFactorCode' as const,
  message: 'The code is wrong, expired or already used.',
};
const weakPassword = (reasons: string[]) => ({
  __typename: 'WeakPassword' as const,
  message: `The password ${reasons.join('; ')}.`,
  reasons,
});
/** The session cookie's plain name (the gateway reads it as `__Host-session` where cookies are Secure). */
export const SESSION_COOKIE = 'session';

/**
 * A new session for the client: in the answer for apps (TOKEN), or only in the HttpOnly session
 * cookie for browsers (COOKIE), so the page's JavaScript never holds the token.
 */
const authSuccess = (
  outcome: { token: string; expiresAt: Date; user: UserRow },
  delivery: 'TOKEN' | 'COOKIE' | null | undefined,
  ctx: RequestContext,
  now: Date,
) => {
  const byCookie = delivery === 'COOKIE';
  if (byCookie) {
    const seconds = Math.max(0, Math.floor((outcome.expiresAt.getTime() - now.getTime()) / 1000));
    ctx.cookies.set(SESSION_COOKIE, outcome.token, seconds);
  }
  return {
    __typename: 'AuthSuccess' as const,
    token: byCookie ? null : outcome.token,
    expiresAt: outcome.expiresAt,
    user: revealToHolder(outcome.user),
  };
};

export function mutationResolvers(deps: IdentityDeps, mailer: Mailer): MutationResolvers<RequestContext> {
  /** The viewer's own row; a session whose account vanished counts as signed out. */
  const viewerRow = async (ctx: RequestContext) => {
    const user = await userById(ctx, deps.database.db).load(requireViewer(ctx).userId);
    if (!user) throw unauthenticated();
    return user;
  };

  return {
    signUp: async (_parent, { input, session }, ctx) => {
      const outcome = await signUp(deps, input, ctx.ip);
      switch (outcome.kind) {
        case 'success':
          return authSuccess(outcome, session, ctx, deps.clock.now());
        case 'emailTaken':
          return { __typename: 'EmailTaken', message: 'Another account already uses this email.' };
        case 'usernameTaken':
          return { __typename: 'UsernameTaken', message: 'Another account already uses this username.' };
        case 'weakPassword':
          return {
            __typename: 'WeakPassword',
            message: `The password ${outcome.reasons.join('; ')}.`,
            reasons: outcome.reasons,
          };
        case 'tooMany':
          return tooMany(outcome.retryAfterSeconds);
      }
    },

    signIn: async (_parent, { input, session }, ctx) => {
      const outcome = await signIn(deps, input, ctx.ip);
      switch (outcome.kind) {
        case 'success':
          return authSuccess(outcome, session, ctx, deps.clock.now());
        case 'invalid':
          return { __typename: 'InvalidCredentials', message: 'The login or password is wrong.' };
        case 'tooMany':
          return {
            __typename: 'TooManyAttempts',
            message: 'Too many sign-in attempts; wait before trying again.',
            retryAfterSeconds: outcome.retryAfterSeconds,
          };
        case 'twoFactorRequired':
          return {
            __typename: 'TwoFactorRequired',
            challenge: outcome.challenge,
            expiresAt: outcome.expiresAt,
          };
      }
    },

    signOut: async (_parent, _args, ctx) => {
      ctx.cookies.clear(SESSION_COOKIE);
      if (!ctx.viewer) return false;
      return (await revokeSession(deps.database, deps.kv, ctx.viewer.sessionId)) > 0;
    },

    signOutEverywhere: async (_parent, _args, ctx) => {
      const viewer = requireViewer(ctx);
      ctx.cookies.clear(SESSION_COOKIE);
      return revokeAllSessions(deps.database, deps.kv, viewer.userId);
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
          return {
            __typename: 'WeakPassword',
            message: `The password ${outcome.reasons.join('; ')}.`,
            reasons: outcome.reasons,
          };
        case 'tooMany':
          return tooMany(outcome.retryAfterSeconds);
      }
    },

    completeTwoFactorSignIn: async (_parent, { input, session }, ctx) => {
      const outcome = await completeTwoFactorSignIn(deps, input.challenge, input.code, ctx.ip);
      switch (outcome.kind) {
        case 'ok':
          return authSuccess(outcome, session, ctx, deps.clock.now());
        case 'invalidCode':
          return invalidCode;
        case 'tooMany':
          return tooMany(outcome.retryAfterSeconds);
        case 'invalidChallenge':
          return {
            __typename: 'InvalidToken',
            message: 'The sign-in challenge expired or was used; sign in again.',
          };
      }
    },

    oauthStart: async (_parent, { provider, redirectUri, client }, ctx) => {
      const started = await oauthStart(
        deps,
        fromApiProvider(provider),
        redirectUri,
        ctx.viewer?.userId ?? null,
      );
      // A browser keeps the flow secret in an HttpOnly cookie its scripts never read; an app keeps it itself.
      const native = client === 'NATIVE';
      if (!native) ctx.cookies.set(OAUTH_FLOW_COOKIE, started.flowSecret, OAUTH_FLOW_SECONDS);
      return {
        authorizationUrl: started.url,
        state: started.state,
        flowSecret: native ? started.flowSecret : null,
        expiresAt: started.expiresAt,
      };
    },

    oauthCallback: async (_parent, { provider, code, state, flowSecret, session }, ctx) => {
      if (code.length > 2048 || state.length > 128 || (flowSecret?.length ?? 0) > 128) {
        return { __typename: 'OAuthFailed', reason: 'INVALID_STATE', message: 'The state is not valid.' };
      }
      const fromCookie = flowSecret ? undefined : ctx.cookies.get(OAUTH_FLOW_COOKIE);
      const outcome = await oauthCallback(
        deps,
        fromApiProvider(provider),
        code,
        state,
        flowSecret ?? fromCookie ?? null,
        ctx.viewer?.userId ?? null,
        ctx.ip,
      );
      // The cookie's flow is over, unless the cookie never fit this state: then it may belong to
      // a flow of this browser's own still under way (a forged callback must not end that).
      const unmatched = outcome.kind === 'failed' && outcome.reason === 'INVALID_STATE';
      if (fromCookie && !unmatched) ctx.cookies.clear(OAUTH_FLOW_COOKIE);
      switch (outcome.kind) {
        case 'signedIn':
          return authSuccess(outcome, session, ctx, deps.clock.now());
        case 'twoFactorRequired':
          return {
            __typename: 'TwoFactorRequired',
            challenge: outcome.challenge,
            expiresAt: outcome.expiresAt,
          };
        case 'linked':
          return { __typename: 'ProviderLinked', linkedAccount: outcome.connection };
        case 'emailInUse':
          return {
            __typename: 'OAuthEmailInUse',
            message: 'An account with this email exists. Sign in to it, then link the provider in settings.',
          };
        case 'failed':
          return {
            __typename: 'OAuthFailed',
            reason: outcome.reason,
            message: {
              INVALID_STATE: 'The sign-in link expired or was already used; start again.',
              PROVIDER_ERROR: 'The provider did not accept the sign-in; start again.',
              ACCOUNT_LINKED_ELSEWHERE: 'This provider account is linked to another user.',
              ACCOUNT_UNAVAILABLE: 'This account cannot sign in.',
            }[outcome.reason],
          };
      }
    },

    unlinkProvider: async (_parent, { provider }, ctx) => {
      const viewer = requireViewer(ctx);
      const outcome = await unlinkProvider(deps, viewer.userId, fromApiProvider(provider));
      switch (outcome.kind) {
        case 'unlinked':
          return { __typename: 'ProviderUnlinked', linkedAccounts: outcome.remaining };
        case 'lastMethod':
          return {
            __typename: 'LastSignInMethod',
            message: 'This is your only way to sign in; set a password or link another provider first.',
          };
        case 'notLinked':
          throw notFound('Linked provider');
      }
    },

    requestEmailVerification: async (_parent, _args, ctx) =>
      requestEmailVerification(deps, mailer, await viewerRow(ctx), ctx.ip),

    verifyEmail: async (_parent, { token }) => {
      const outcome = await verifyEmail(deps, token);
      return outcome
        ? {
            __typename: 'EmailVerified',
            user: outcome.user,
            revokedSessions: outcome.revokedSessions,
            unlinkedProviders: outcome.unlinkedProviders.map(toApiProvider),
          }
        : { __typename: 'InvalidToken', message: 'The link is invalid, expired or already used.' };
    },

    requestPasswordReset: async (_parent, { email }, ctx) => {
      await requestPasswordReset(deps, email, ctx.ip);
      return true;
    },

    resetPassword: async (_parent, { input }) => {
      const outcome = await resetPassword(deps, input.token, input.newPassword);
      switch (outcome.kind) {
        case 'reset':
          return {
            __typename: 'PasswordReset',
            revokedSessions: outcome.revokedSessions,
            unlinkedProviders: outcome.unlinkedProviders.map(toApiProvider),
          };
        case 'invalidToken':
          return { __typename: 'InvalidToken', message: 'The link is invalid, expired or already used.' };
        case 'weakPassword':
          return weakPassword(outcome.reasons);
      }
    },

    enrollTwoFactor: async (_parent, _args, ctx) => enrollTwoFactor(deps, await viewerRow(ctx)),

    confirmTwoFactor: async (_parent, { code }, ctx) => {
      const outcome = await confirmTwoFactor(deps, requireViewer(ctx).userId, code);
      switch (outcome.kind) {
        case 'ok':
          return { __typename: 'TwoFactorEnabled', recoveryCodes: outcome.recoveryCodes, user: outcome.user };
        case 'invalidCode':
          return invalidCode;
        case 'tooMany':
          return tooMany(outcome.retryAfterSeconds);
      }
    },

    disableTwoFactor: async (_parent, { input }, ctx) => {
      const outcome = await disableTwoFactor(deps, await viewerRow(ctx), input.password, input.code);
      switch (outcome.kind) {
        case 'ok':
          return { __typename: 'TwoFactorDisabled', user: outcome.user };
        case 'invalidPassword':
          return { __typename: 'InvalidCredentials', message: 'The password is wrong.' };
        case 'invalidCode':
          return invalidCode;
        case 'tooMany':
          return tooMany(outcome.retryAfterSeconds);
      }
    },

    deactivateUser: (_parent, { userId, reason }, ctx) =>
      setUserActive(deps, ctx.log, requireAdmin(ctx), userId, false, reason),

    reactivateUser: (_parent, { userId, reason }, ctx) =>
      setUserActive(deps, ctx.log, requireAdmin(ctx), userId, true, reason),

    deleteMyAccount: async (_parent, { password }, ctx) => {
      const outcome = await deleteMyAccount(deps, requireViewer(ctx), password);
      // Every session ended with the account, this browser's too.
      if (outcome.kind === 'deleted') ctx.cookies.clear(SESSION_COOKIE);
      switch (outcome.kind) {
        case 'deleted':
          return { __typename: 'AccountDeleted', deletedAt: outcome.deletedAt };
        case 'invalid':
          return { __typename: 'InvalidCredentials', message: 'The password is wrong.' };
        case 'tooMany':
          return tooMany(outcome.retryAfterSeconds);
        case 'reauthenticate':
          return {
            __typename: 'ReauthenticationRequired',
            message: `Sign in again with your provider, then delete the account within ${outcome.maxAgeSeconds / 60} minutes.`,
            maxAgeSeconds: outcome.maxAgeSeconds,
          };
      }
    },
  };
}
