import { requireViewer } from '../../../kit/authz.js';
import { itemProblems } from '../../../kit/problems.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';
import { createGoal, deactivateGoal, updateGoal } from '../goals.js';
import { ingestSamples } from '../ingest.js';
import { connectIntegration, disconnectIntegration } from '../integrations.js';
import type { HealthDeps } from '../deps.js';

export function mutationResolvers(deps: HealthDeps): MutationResolvers<RequestContext> {
  const db = deps.database.db;
  return {
    recordHealthMetrics: async (_parent, { input }, ctx) => {
      const viewer = requireViewer(ctx);
      const outcome = await ingestSamples(db, deps.clock, viewer.userId, input);
      return { ...outcome, errors: itemProblems('input', outcome.errors) };
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
