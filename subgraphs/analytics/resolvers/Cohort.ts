import { isUuid } from '../../../kit/ids.js';
import { isAdmin, requireAdmin } from '../../../kit/authz.js';
import { badInput } from '../../../kit/errors.js';
import { pageSize } from '../../../kit/pagination.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import type { CohortResolvers } from '../generated/resolvers-types.js';
import { cohortById, cohortMembers } from '../loaders.js';
import type { AnalyticsDeps } from '../server.js';
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
      if (after !== null && after !== undefined && !isUuid(after)) {
        throw badInput('after must be the id of a member.', { field: 'after' });
      }
      const ids = await cohortMembers(ctx, deps.database.db).load({
        cohortId: cohort.id,
        first: pageSize(first),
        after: after?.toLowerCase() ?? null,
      });
      return ids.map((id) => ({ __typename: 'User' as const, id }));
    },
  };
}
