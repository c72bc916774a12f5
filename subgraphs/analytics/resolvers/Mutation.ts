import { requireAdmin } from '../../../kit/authz.js';
import { notFound } from '../../../kit/errors.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import { checkCohortId, createCohort, refreshCohort, updateCohort } from '../cohorts.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';
import { trackClientEvents } from '../ingest.js';
import type { AnalyticsDeps } from '../server.js';

export function mutationResolvers(deps: AnalyticsDeps): MutationResolvers<RequestContext> {
  return {
    trackEvents: (_parent, { events }, ctx) =>
      trackClientEvents(deps.database.db, deps.clock, {
        userId: ctx.viewer?.userId ?? null,
        ip: ctx.ip,
        events,
      }),

    createCohort: (_parent, { name, definition }, ctx) => {
      requireAdmin(ctx);
      return createCohort(deps.database.db, deps.clock, { name, definition });
    },

    updateCohort: (_parent, { id, name, definition }, ctx) => {
      requireAdmin(ctx);
      return updateCohort(deps.database.db, deps.clock, { id, name, definition });
    },

    refreshCohort: async (_parent, { id }, ctx) => {
      requireAdmin(ctx);
      const cohort = await refreshCohort(deps.database.db, deps.clock, checkCohortId(id));
      if (!cohort) throw notFound('Cohort');
      return cohort;
    },
  };
}
