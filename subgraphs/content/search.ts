import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../kit/db.js';
import { badInput } from '../../kit/errors.js';
import { decodeCursor, mapPage, type Page, pageSize, toPage } from '../../kit/pagination.js';
import type { RequestContext } from '../../kit/subgraph.js';
import type { ContentType, CourseFilter, Difficulty } from './generated/resolvers-types.js';
import { afterCreated, createdCursor, primeCourses, primeItems, visibleTo } from './loaders.js';
import type { SearchHit } from './model.js';
import { fromRankListOrEveryMatch, fromTwoRankLists, mayBeTwoWordOr } from './rank-lists.js';
import { cursorKey, matches, queryFor } from './search-sql.js';
import { type ContentItemRow, type CourseRow, contentItems, courses, itemColumns } from './tables.js';
import { checkId, checkTags, toDb } from './validation.js';

const MAX_QUERY_LENGTH = 200;

/**
 * ts_headline marks matches with control characters, not tags: the text around them is the
 * trainer's own and is HTML-escaped before the markers become <mark></mark>, so a snippet is safe
 * to render as HTML.
 */
const START_MARK = '\u0002';
const STOP_MARK = '\u0003';
const HEADLINE_OPTIONS = `StartSel="${START_MARK}", StopSel="${STOP_MARK}", MaxWords=30, MinWords=10`;

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function markSnippet(headline: string | null): string | null {
  if (headline === null) return null;
  return headline
    .replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!)
    .replaceAll(START_MARK, '<mark>')
    .replaceAll(STOP_MARK, '</mark>');
}

export interface SearchArgs {
  query?: string | null;
  type?: ContentType | null;
  difficulty?: Difficulty | null;
  tags?: readonly string[] | null;
  first?: number | null;
  after?: string | null;
}

/**
 * Ranked full-text search. ts_rank_cd weighs the title (A) above the description (B); ties go to
 * the newer item. ts_headline runs only for the rows of the page: PostgreSQL evaluates costly
 * output expressions after the LIMIT. A common word's first pages come from its rank list
 * (fromRankListOrEveryMatch, which ranks every match in the same statement otherwise), and those of two common words joined by "or" from their two lists
 * (fromTwoRankLists); other queries rank every match.
 */
export async function searchContent(
  db: Executor,
  ctx: RequestContext,
  args: SearchArgs,
): Promise<Page<SearchHit>> {
  const limit = pageSize(args.first);
  const text = args.query?.trim() ?? '';
  if (text.length > MAX_QUERY_LENGTH) {
    throw badInput(`query must be at most ${MAX_QUERY_LENGTH} characters.`, { field: 'query' });
  }
  const tags = args.tags ? checkTags(args.tags, 'tags', 10) : [];
  const filters: (SQL | undefined)[] = [
    visibleTo(ctx, contentItems),
    args.type ? eq(contentItems.type, toDb(args.type)) : undefined,
    args.difficulty ? eq(contentItems.difficultyLevel, toDb(args.difficulty)) : undefined,
    tags.length > 0 ? sql`${contentItems.tags} @> ${JSON.stringify(tags)}::jsonb` : undefined,
  ];

  if (text === '') {
    const rows = await db
      .select(itemColumns)
      .from(contentItems)
      .where(and(...filters, afterCreated(args.after, contentItems)))
      .orderBy(desc(contentItems.createdAt), desc(contentItems.id))
      .limit(limit + 1);
    const page = toPage(rows, limit, createdCursor, () => db.$count(contentItems, and(...filters)));
    primeItems(ctx, db, page.nodes);
    return mapPage(page, (item) => ({ item, rank: 0, snippet: null }));
  }

  const rank = sql<number>`ts_rank_cd(${contentItems.searchVector}, ${queryFor(text)})`;
  const matching = and(matches(text), ...filters);
  const cursor = decodeCursor(args.after, ['real', 'timestamp', 'uuid']);
  const snippet = sql<string>`ts_headline(
        (case ${contentItems.language} when 'russian' then 'russian' else 'english' end)::regconfig,
        coalesce(${contentItems.description}, ${contentItems.title}),
        ${queryFor(text)},
        ${HEADLINE_OPTIONS})`;
  // Tags select few items (a walk down a word's list would mostly skip): those rank every match,
  // which the tags' own index narrows first.
  const fromLists = { db, text, filters, cursor, limit, snippet };
  if (tags.length === 0 && !mayBeTwoWordOr(text)) {
    return toSearchPage(db, ctx, await fromRankListOrEveryMatch(fromLists), limit, matching);
  }
  const rows =
    (tags.length === 0 ? await fromTwoRankLists(fromLists) : null) ??
    (await db
      .select({ item: itemColumns, rank, snippet })
      .from(contentItems)
      .where(
        and(
          matches(text),
          ...filters,
          cursor
            ? sql`(${rank}, ${contentItems.createdAt}, ${contentItems.id}) < ${cursorKey(cursor)}`
            : undefined,
        ),
      )
      .orderBy(desc(rank), desc(contentItems.createdAt), desc(contentItems.id))
      .limit(limit + 1));
  return toSearchPage(db, ctx, rows, limit, matching);
}

/** A page of ranked rows (the page's plus one) as searchContent answers it. */
function toSearchPage(
  db: Executor,
  ctx: RequestContext,
  rows: { item: ContentItemRow; rank: number; snippet: string | null }[],
  limit: number,
  matching: SQL | undefined,
): Page<SearchHit> {
  const page = toPage(
    rows,
    limit,
    (row) => [row.rank, row.item.createdAt.toISOString(), row.item.id],
    () => db.$count(contentItems, matching),
  );
  primeItems(
    ctx,
    db,
    page.nodes.map((row) => row.item),
  );
  return mapPage(page, (row) => ({
    item: row.item,
    rank: Number(row.rank),
    snippet: markSnippet(row.snippet),
  }));
}

/** The course catalogue, newest first. */
export async function listCourses(
  db: Executor,
  ctx: RequestContext,
  args: { filter?: CourseFilter | null; first?: number | null; after?: string | null },
): Promise<Page<CourseRow>> {
  const limit = pageSize(args.first);
  const filter = args.filter ?? {};
  const matching = and(
    visibleTo(ctx, courses),
    filter.difficulty ? eq(courses.level, toDb(filter.difficulty)) : undefined,
    filter.isFree === true || filter.isFree === false ? eq(courses.isFree, filter.isFree) : undefined,
    filter.creatorId ? eq(courses.creatorId, checkId(filter.creatorId, 'filter.creatorId')) : undefined,
  );
  const rows = await db
    .select()
    .from(courses)
    .where(and(matching, afterCreated(args.after, courses)))
    .orderBy(desc(courses.createdAt), desc(courses.id))
    .limit(limit + 1);
  primeCourses(ctx, db, rows);
  return toPage(rows, limit, createdCursor, () => db.$count(courses, matching));
}
