import { isUuid } from '../../../kit/ids.js';
import { isAdmin, requireAdmin } from '../../../kit/authz.js';
import { mapPage, pageSize } from '../../../kit/pagination.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import type { CohortResolvers } from '../generated/resolvers-types.js';
import { cohortById, cohortMembers } from '../loaders.js';
import type { AnalyticsDeps } from '../deps.js';
import type { CohortRow } from '../tables.js';

export function cohortResolvers(deps: AnalyticsDeps): CohortResolvers<RequestContext, CohortRow> {
  return {
    // Cohorts are admin data on every path, the gateway's entity fetches included.
    __resolveReference: (reference, ctx) =>
      isAdmin(ctx) && isUuid(reference.id)
        ? cohortById(ctx, deps.database.db).load(reference.id.toLowerCase())
        : null,
    definition: (cohort) => cohort.definitionJson,
    members: async (cohort, { first, after }, ctx) => {
      requireAdmin(ctx);
      const page = await cohortMembers(ctx, deps.database.db).load({
        parent: cohort.id,
        limit: pageSize(first),
        after: after ?? null,
      });
      return mapPage(page, (member) => ({ __typename: 'User' as const, id: member.userId }));
    },
  };
}
