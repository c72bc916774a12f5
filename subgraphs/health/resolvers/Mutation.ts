import { requireViewer } from '../../../kit/authz.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';
import { createGoal, deactivateGoal, updateGoal } from '../goals.js';
import { ingestSamples } from '../ingest.js';
import { announceSamples } from '../live.js';
import { connectIntegration, disconnectIntegration } from '../integrations.js';
import type { HealthDeps } from '../deps.js';

export function mutationResolvers(deps: HealthDeps): MutationResolvers<RequestContext> {
  const db = deps.database.db;
  return {
    recordHealthMetrics: async (_parent, { input }, ctx) => {
      const viewer = requireViewer(ctx);
      const outcome = await db.transaction(async (tx) => {
        const written = await ingestSamples(tx, deps.clock, viewer.userId, input);
        if (written.kind === 'written') await announceSamples(tx, deps.clock, viewer.userId, input, written);
        return written;
      });
      if (outcome.kind === 'invalid') return { accepted: 0, duplicates: 0, errors: outcome.errors };
      return { accepted: outcome.accepted, duplicates: outcome.duplicates, errors: [] };
    },

    createHealthGoal: (_parent, { input }, ctx) =>
      createGoal(db, deps.clock, requireViewer(ctx).userId, input),

    updateHealthGoal: (_parent, { id, input }, ctx) =>
      updateGoal(db, deps.clock, requireViewer(ctx).userId, id, input),

    deactivateHealthGoal: (_parent, { id }, ctx) => deactivateGoal(db, requireViewer(ctx).userId, id),

    connectHealthIntegration: (_parent, { input }, ctx) =>
      connectIntegration(db, deps.clock, deps.secretBox, requireViewer(ctx).userId, input),

    disconnectHealthIntegration: (_parent, { provider }, ctx) =>
      disconnectIntegration(db, requireViewer(ctx).userId, provider),
  };
}
