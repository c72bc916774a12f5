import { requireAdmin } from '../../../kit/authz.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import { checkCohortId, listCohorts } from '../cohorts.js';
import type { QueryResolvers } from '../generated/resolvers-types.js';
import { cohortById } from '../loaders.js';
import { metricsRange } from '../metrics.js';
import type { AnalyticsDeps } from '../deps.js';

export function queryResolvers(deps: AnalyticsDeps): QueryResolvers<RequestContext> {
  return {
    cohorts: (_parent, args, ctx) => {
      requireAdmin(ctx);
      return listCohorts(deps.database.db, args);
    },

    cohort: (_parent, { id }, ctx) => {
      requireAdmin(ctx);
      return cohortById(ctx, deps.database.db).load(checkCohortId(id));
    },

    productMetrics: (_parent, { from, to }, ctx) => {
      requireAdmin(ctx);
      return metricsRange(from, to);
    },
  };
}
