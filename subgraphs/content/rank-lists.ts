import { and, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../kit/db.js';
import { cursorKey, keyOrder, matches, queryFor } from './search-sql.js';
import { contentItems, itemColumns } from './tables.js';

/**
 * Pages of searchContent answered from common words' rank lists (content.search_term_ranks,
 * migrations 0005/0006) instead of ranking every match. Each returns the page's rows plus one
 * (for hasNextPage), or null when the lists cannot answer for certain; the caller then ranks
 * every match. A list holds every item whose (score, created_at, id) is at or above its word's
 * cutoff, so any item missing from it ranks below the cutoff for that word.
 */
export interface RankListPage {
  db: Executor;
  text: string;
  filters: (SQL | undefined)[];
  cursor: unknown[] | null;
  limit: number;
  snippet: SQL<string>;
}

/**
 * A page for a text that may be one word, or one word with exclusions ("running -treadmill"), in
 * one statement: first the walk down the word's list, then, only when the walk did not fill the
 * page, every match ranked.
 *
 * The list's order is the search's order (its score is the word's ts_rank_cd, the rank such a
 * query has on every item it matches; ties newest first), so the walk, each item checked against
 * the whole query and the filters, stops at the page's extra row. A full page from the list is
 * exact. The walk gives nothing when the text is not such a query (content.search_lexeme is null)
 * or the word is not common, and may run out of list before the page is full (the rest of the
 * matches may continue the page): then the second part, a one-time filter on the walk's row
 * count, ranks every match; otherwise it never runs.
 */
export async function fromRankListOrEveryMatch({ db, text, filters, cursor, limit, snippet }: RankListPage) {
  const visible = and(...filters) ?? sql`true`;
  const after = (rank: SQL, createdAt: SQL, id: SQL) =>
    cursor ? sql`and (${rank}, ${createdAt}, ${id}) < ${cursorKey(cursor)}` : sql``;
  // The list in its index order, fenced (OFFSET 0) so the walk drives the join: otherwise, for a
  // word that has no list, the planner may start from every item matching the text.
  const listed = sql`
    select list.item_id as id, list.score as rank, list.created_at
    from (
      select l.item_id, l.score, l.created_at from content.search_term_ranks l
      where l.lexeme = (select content.search_lexeme(${text})) ${after(sql`l.score`, sql`l.created_at`, sql`l.item_id`)}
      order by ${keyOrder(sql`l.score`, sql`l.created_at`, sql`l.item_id`)}
      offset 0
    ) list
    join content.content_items on ${contentItems.id} = list.item_id
    where ${matches(text)} and ${visible}
    order by ${keyOrder(sql`list.score`, sql`list.created_at`, sql`list.item_id`)}
    limit ${limit + 1}`;
  const rank = sql`ts_rank_cd(${contentItems.searchVector}, ${queryFor(text)})`;
  const everyMatch = sql`
    select ${contentItems.id} as id, ${rank} as rank, ${contentItems.createdAt} as created_at
    from content.content_items
    where ${matches(text)} and ${visible} ${after(rank, sql`${contentItems.createdAt}`, sql`${contentItems.id}`)}
    order by ${keyOrder(rank, sql`${contentItems.createdAt}`, sql`${contentItems.id}`)}
    limit ${limit + 1}`;
  const merged = sql`(
    with listed as materialized (${listed})
    select listed.*, true as from_list from listed
    union all
    select every_match.*, false from (${everyMatch}) every_match
    where (select count(*) from listed) <= ${limit}
  ) as merged`;
  const rows = await db
    .select({
      item: itemColumns,
      rank: sql<number>`merged.rank`,
      snippet,
      fromList: sql<boolean>`merged.from_list`,
    })
    .from(merged)
    .innerJoin(contentItems, sql`${contentItems.id} = merged.id`)
    .orderBy(sql`merged.from_list desc`, keyOrder(sql`merged.rank`, sql`merged.created_at`, sql`merged.id`));
  const listRows = rows.filter((row) => row.fromList);
  const page = listRows.length > limit ? listRows : rows.filter((row) => !row.fromList);
  return page.map(({ fromList: _, ...row }) => row);
}

/** Worth asking fromTwoRankLists: websearch syntax reads "a or b" as `a | b`. */
export const mayBeTwoWordOr = (text: string) => /\sor\s/i.test(text);

/**
 * The two lexemes of a text whose query is `'a' | 'b'` in English and in Russian alike (the
 * same lexemes for either language's items), a and b different; null for any other text. The
 * pattern is content.search_lexeme's (migration 0006) with one `|`.
 */
const orPair = (text: string) => sql`(select case
    when en::text = ru::text and en::text ~ '^''[^''\\\\]+'' \\| ''[^''\\\\]+''$'
    then (select case when m[1] <> m[2] then m end from regexp_match(en::text, '^''([^''\\\\]+)'' \\| ''([^''\\\\]+)''$') m)
  end
  from (select websearch_to_tsquery('english', ${text}) as en, websearch_to_tsquery('russian', ${text}) as ru) q)`;

/**
 * A text that is two common words joined by "or" (`a | b`). Its rank on an item is
 * ts_rank_cd(search_vector, 'a' | 'b'): on an item with only one of the words, exactly that
 * word's list score (the same covers, the same sum), so the matches split into three parts:
 *
 * - items with a and not b: the top of a's list, in list order, skipping items that have b;
 * - items with b and not a: the same from b's list;
 * - items with both words: all of them, from the GIN index (few: "pilates" and "barre" share no
 *   item in the scale catalogue), each ranked with the whole query;
 *
 * each part cut at the page's size plus one and merged by key. An item with one word that is
 * not in that word's list ranks below the list's cutoff, so the merged page is exact when its
 * last row is at or above both cutoffs (a word whose list holds all its items has none); else
 * null, as when either word has no list or the parts run short.
 */
export async function fromTwoRankLists({ db, text, filters, cursor, limit, snippet }: RankListPage) {
  const pair = orPair(text);
  const [wordA, wordB] = [sql`(select (${pair})[1])`, sql`(select (${pair})[2])`];
  const after = (rank: SQL, createdAt: SQL, id: SQL) =>
    cursor ? sql`and (${rank}, ${createdAt}, ${id}) < ${cursorKey(cursor)}` : sql``;
  const visible = and(...filters) ?? sql`true`;
  const oneWordOnly = (word: SQL, other: SQL) => sql`(
    select list.item_id as id, list.score as rank, list.created_at
    from (
      select l.item_id, l.score, l.created_at from content.search_term_ranks l
      where l.lexeme = ${word} ${after(sql`l.score`, sql`l.created_at`, sql`l.item_id`)}
      order by ${keyOrder(sql`l.score`, sql`l.created_at`, sql`l.item_id`)}
      offset 0
    ) list
    join content.content_items on ${contentItems.id} = list.item_id
    where not ${contentItems.searchVector} @@ content.lexeme_query(${other})
      and ${matches(text)} and ${visible}
    order by ${keyOrder(sql`list.score`, sql`list.created_at`, sql`list.item_id`)}
    limit ${limit + 1})`;
  // The rank exactly as ranking every match computes it. Both lexemes are the same in either
  // language, so the AND of the two needs no language branch.
  const bothRank = sql`ts_rank_cd(${contentItems.searchVector}, ${queryFor(text)})`;
  const bothWords = sql`(
    select ${contentItems.id} as id, ${bothRank} as rank, ${contentItems.createdAt} as created_at
    from content.content_items
    where ${contentItems.searchVector} @@ (content.lexeme_query(${wordA}) && content.lexeme_query(${wordB}))
      and ${visible} ${after(bothRank, sql`${contentItems.createdAt}`, sql`${contentItems.id}`)}
    order by ${keyOrder(bothRank, sql`${contentItems.createdAt}`, sql`${contentItems.id}`)}
    limit ${limit + 1})`;
  const merged = sql`(${oneWordOnly(wordA, wordB)} union all ${oneWordOnly(wordB, wordA)} union all ${bothWords}) as merged`;
  const atOrAboveCutoff = (word: SQL) => sql`coalesce((
    select t.cutoff_score is null
        or (merged.rank, merged.created_at, merged.id) >= (t.cutoff_score, t.cutoff_created_at, t.cutoff_id)
    from content.search_terms t where t.lexeme = ${word}), false)`;
  const rows = await db
    .select({
      item: itemColumns,
      rank: sql<number>`merged.rank`,
      snippet,
      exact: sql<boolean>`(${atOrAboveCutoff(wordA)} and ${atOrAboveCutoff(wordB)})`,
    })
    .from(merged)
    .innerJoin(contentItems, sql`${contentItems.id} = merged.id`)
    .orderBy(keyOrder(sql`merged.rank`, sql`merged.created_at`, sql`merged.id`))
    .limit(limit + 1);
  return rows.length > limit && rows[limit]?.exact ? rows.map(({ exact: _, ...row }) => row) : null;
}
