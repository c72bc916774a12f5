import { requireAdmin } from '../../../kit/authz.js';
import { notFound, rateLimited } from '../../../kit/errors.js';
import { itemProblems } from '../../../kit/problems.js';
import { RateLimiter } from '../../../kit/rate-limit.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import { checkCohortId, createCohort, refreshCohort, updateCohort } from '../cohorts.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';
import { TRACK_LIMITS, trackClientEvents } from '../ingest.js';
import { anonymizeIp } from '../ip.js';
import type { AnalyticsDeps } from '../deps.js';
import { rateLimits } from '../tables.js';

export function mutationResolvers(deps: AnalyticsDeps): MutationResolvers<RequestContext> {
  const limiter = new RateLimiter(deps, rateLimits);
  return {
    trackEvents: async (_parent, { events }, ctx) => {
      const userId = ctx.viewer?.userId ?? null;
      // Signed-in clients are limited per user; anonymous ones per network (the address is not kept).
      const rule = userId ? TRACK_LIMITS.user : TRACK_LIMITS.anonymous;
      const limit = await limiter.hit(rule, userId ?? anonymizeIp(ctx.ip) ?? 'unknown');
      if (!limit.allowed) throw rateLimited(limit.retryAfterSeconds);
      const outcome = await trackClientEvents(deps.database.db, deps.clock, { userId, ip: ctx.ip, events });
      return { ...outcome, errors: itemProblems('events', outcome.errors) };
    },

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
