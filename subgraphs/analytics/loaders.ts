import { inArray, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../kit/db.js';
import { byKey, compositeKey } from '../../kit/loaders.js';
import type { RequestContext } from '../../kit/subgraph.js';
import { type CohortRow, cohorts } from './tables.js';

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

export interface MembersKey {
  cohortId: string;
  first: number;
  after: string | null;
}

/**
 * A page of member ids per cohort. Keys asking the same page (first, after) for several cohorts
 * share one query, which numbers each cohort's rows and keeps the first `first`.
 */
export function cohortMembers(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<MembersKey, string[], string>(
    'analytics.cohortMembers',
    async (keys) => {
      const groups = new Map<string, MembersKey[]>();
      for (const key of keys) {
        const page = compositeKey({ first: key.first, after: key.after });
        groups.set(page, [...(groups.get(page) ?? []), key]);
      }
      const result = new Map<string, string[]>();
      for (const group of groups.values()) {
        const { first, after } = group[0]!;
        const ids = group.map((k) => k.cohortId);
        const found = await rows<{ cohort_id: string; user_id: string }>(
          db,
          sql`select cohort_id, user_id from (
                select m.cohort_id, m.user_id,
                       row_number() over (partition by m.cohort_id order by m.user_id) as n
                from analytics.cohort_memberships m
                where m.cohort_id in (${sql.join(
                  ids.map((id) => sql`${id}::uuid`),
                  sql`, `,
                )})
                ${after ? sql`and m.user_id > ${after}::uuid` : sql``}
              ) ranked
              where n <= ${first}::int
              order by cohort_id, user_id`,
        );
        for (const key of group) result.set(compositeKey({ ...key }), []);
        for (const row of found) {
          result.get(compositeKey({ cohortId: row.cohort_id, first, after }))?.push(row.user_id);
        }
      }
      return keys.map((key) => result.get(compositeKey({ ...key })) ?? []);
    },
    { cacheKeyFn: (key) => compositeKey({ ...key }) },
  );
}
