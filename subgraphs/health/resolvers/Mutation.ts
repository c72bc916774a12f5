import { requireViewer } from '../../../kit/authz.js';
import { itemProblems } from '../../../kit/problems.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';
import { createGoal, deactivateGoal, updateGoal } from '../goals.js';
import { syncDeviceBatch } from '../device-sync.js';
import { ingestSamples } from '../ingest.js';
import { setSourcePriority } from '../set-source-priority.js';
import { completeConnect, connectIntegration, disconnectIntegration, startConnect } from '../integrations.js';
import { announceSamples } from '../live.js';
import type { HealthDeps } from '../deps.js';
import type { WearableAdapters } from '../providers/index.js';
import { OAUTH_FLOW_SECONDS } from '../../../kit/oauth-flows.js';

/**
 * The cookie that carries a browser's flow secret from startHealthIntegration to
 * completeHealthIntegration (HttpOnly, SameSite=Lax, set by the gateway for health only:
 * gateway/client-cookies.ts). A native app gets the secret in the answer instead.
 */
export const HEALTH_FLOW_COOKIE = 'health_oauth_flow';

export function mutationResolvers(
  deps: HealthDeps,
  adapters: WearableAdapters,
): MutationResolvers<RequestContext> {
  const db = deps.database.db;
  return {
    recordHealthMetrics: async (_parent, { input }, ctx) => {
      const viewer = requireViewer(ctx);
      const outcome = await db.transaction(async (tx) => {
        const written = await ingestSamples(tx, deps.clock, viewer.userId, input);
        // Live subscribers hear of what this transaction stored: the refused samples are left out.
        const refused = new Set(written.errors.map((error) => error.index));
        const stored = input.filter((_, index) => !refused.has(index));
        await announceSamples(tx, deps.clock, viewer.userId, stored, written);
        return written;
      });
      return { ...outcome, errors: itemProblems('input', outcome.errors) };
    },

    syncDeviceHealthData: async (_parent, { input }, ctx) => {
      const viewer = requireViewer(ctx);
      const outcome = await db.transaction(async (tx) => {
        const synced = await syncDeviceBatch(tx, deps.clock, viewer.userId, input);
        if (synced.kind === 'synced')
          await announceSamples(tx, deps.clock, viewer.userId, synced.stored, synced);
        return synced;
      });
      if (outcome.kind === 'stale') {
        return {
          __typename: 'HealthSyncAnchorStale' as const,
          source: input.source,
          currentAnchor: outcome.currentAnchor,
          message:
            outcome.currentAnchor === null
              ? 'This source was never synced: send the first batch with no anchor.'
              : 'Another batch moved the sync anchor on; resume from currentAnchor.',
        };
      }
      return {
        __typename: 'DeviceHealthDataSynced' as const,
        source: input.source,
        anchor: outcome.anchor,
        accepted: outcome.accepted,
        duplicates: outcome.duplicates,
        retracted: outcome.retracted,
        errors: outcome.errors.map((e) => ({
          ...e,
          field: ['input', 'samples', String(e.index), e.field].join('.'),
        })),
      };
    },

    setHealthSourcePriority: (_parent, { metricType, sources }, ctx) =>
      setSourcePriority(db, deps.clock, requireViewer(ctx).userId, metricType, sources),

    createHealthGoal: (_parent, { input }, ctx) =>
      createGoal(db, deps.clock, requireViewer(ctx).userId, input),

    updateHealthGoal: (_parent, { id, input }, ctx) =>
      updateGoal(db, deps.clock, requireViewer(ctx).userId, id, input),

    deactivateHealthGoal: (_parent, { id }, ctx) => deactivateGoal(db, requireViewer(ctx).userId, id),

    connectHealthIntegration: (_parent, { input }, ctx) =>
      connectIntegration(db, requireViewer(ctx).userId, input.provider),

    startHealthIntegration: async (_parent, { provider, redirectUri, client }, ctx) => {
      const viewer = requireViewer(ctx);
      const started = await startConnect(deps, adapters, viewer.userId, provider, redirectUri);
      // A browser keeps the flow secret in an HttpOnly cookie its scripts never read; an app keeps it itself.
      const native = client === 'NATIVE';
      if (!native) ctx.cookies.set(HEALTH_FLOW_COOKIE, started.flowSecret, OAUTH_FLOW_SECONDS);
      return {
        authorizationUrl: started.authorizationUrl,
        state: started.state,
        flowSecret: native ? started.flowSecret : null,
        expiresAt: started.expiresAt,
      };
    },

    completeHealthIntegration: async (_parent, { provider, code, state, flowSecret }, ctx) => {
      const viewer = requireViewer(ctx);
      const invalid = {
        __typename: 'HealthIntegrationFailed' as const,
        reason: 'INVALID_STATE' as const,
        message: 'The connection link expired or was already used; start again.',
      };
      if (code.length > 2048 || state.length > 128 || (flowSecret?.length ?? 0) > 128) return invalid;
      const fromCookie = flowSecret ? undefined : ctx.cookies.get(HEALTH_FLOW_COOKIE);
      const outcome = await completeConnect(
        deps,
        adapters,
        viewer.userId,
        provider,
        code,
        state,
        flowSecret ?? fromCookie ?? null,
      );
      // The cookie's flow is over, unless the cookie never fit this state: then it may belong to
      // a flow of this browser's own still under way (a forged callback must not end that).
      const unmatched = outcome.kind === 'failed' && outcome.reason === 'INVALID_STATE';
      if (fromCookie && !unmatched) ctx.cookies.clear(HEALTH_FLOW_COOKIE);
      if (outcome.kind === 'connected') {
        return { __typename: 'HealthIntegrationConnected', integration: outcome.integration };
      }
      if (outcome.reason === 'INVALID_STATE') return invalid;
      return {
        __typename: 'HealthIntegrationFailed',
        reason: 'PROVIDER_ERROR',
        message: 'The provider did not accept the connection; start again.',
      };
    },

    disconnectHealthIntegration: (_parent, { provider }, ctx) =>
      disconnectIntegration(db, requireViewer(ctx).userId, provider),
  };
}
