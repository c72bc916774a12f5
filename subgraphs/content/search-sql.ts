import { type SQL, sql } from 'drizzle-orm';
import { contentItems } from './tables.js';

/** The query parsed with the item's own language, so each row is matched with its stemming. */
export const queryFor = (text: string) =>
  sql`(case ${contentItems.language} when 'russian' then websearch_to_tsquery('russian', ${text}) else websearch_to_tsquery('english', ${text}) end)`;

/**
 * Written as one branch per language so each can use the GIN index on search_vector (a
 * per-row choice of configuration could not).
 */
export const matches = (text: string) =>
  sql`((${contentItems.language} = 'english' and ${contentItems.searchVector} @@ websearch_to_tsquery('english', ${text}))
    or (${contentItems.language} = 'russian' and ${contentItems.searchVector} @@ websearch_to_tsquery('russian', ${text})))`;

/** A search cursor's key (rank, created_at, id) as a row value, for `(...) < key` comparisons. */
export const cursorKey = ([r, createdAt, id]: unknown[]) =>
  sql`(${r}::real, ${createdAt}::timestamptz, ${id}::uuid)`;

/** The search's order on a (rank, created_at, id) key, NULLS LAST as the rank lists' index is. */
export const keyOrder = (rank: SQL, createdAt: SQL, id: SQL) =>
  sql`${rank} desc nulls last, ${createdAt} desc nulls last, ${id} desc nulls last`;
