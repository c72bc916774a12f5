import { inArray } from 'drizzle-orm';
import type { Executor } from '../../kit/db.js';
import { byKey } from '../../kit/loaders.js';
import { pagesPerParent } from '../../kit/pages-per-parent.js';
import type { RequestContext } from '../../kit/subgraph.js';
import { type CohortRow, cohortMemberships, cohorts } from './tables.js';

/** Cohorts by id, one query per batch. */
export function cohortById(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<string, CohortRow | null>('analytics.cohortById', async (ids) => {
    const found = await db
      .select()
      .from(cohorts)
      .where(inArray(cohorts.id, [...ids]));
    return byKey(ids, found, (row) => row.id);
  });
}

/**
 * A page of each cohort's members in user id order (the primary key's order, so each cohort's
 * part of the statement walks the key and stops after the page).
 */
export function cohortMembers(ctx: RequestContext, db: Executor) {
  const { cohortId, userId } = cohortMemberships;
  return pagesPerParent<{ cohortId: string; userId: string }>(ctx, db, {
    name: 'analytics.cohortMembers',
    table: cohortMemberships,
    columns: { cohortId, userId },
    parent: cohortId,
    orderBy: [userId],
    direction: 'asc',
  });
}
