import type DataLoader from 'dataloader';
import { and, asc, count, desc, getTableColumns, type SQL, sql } from 'drizzle-orm';
import { type PgColumn, PgDialect, type PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './db.js';
import { isUuid } from './ids.js';
import { batchByArgs, compositeKey } from './loaders.js';
import { preparedOn } from './prepared.js';
import { type CursorPart, decodeCursor, emptyPage, type Page, toPage } from './pagination.js';
import type { RequestContext } from './subgraph.js';

/**
 * A page of children for each of many parents, in one SQL statement: a user's sessions, a
 * trainer's courses, a cohort's members, for every parent a GraphQL page shows.
 *
 * The statement, for parents p1, p2 ... sharing one set of page arguments:
 *
 *   select page.* from unnest($parents::uuid[]) as parent_key(id)
 *   cross join lateral (
 *     select <columns> from <table>
 *     where <parent> = parent_key.id and <filter> and (<order columns>) < (<cursor>)
 *     order by <order columns> desc
 *     limit <limit + 1>
 *   ) page
 *   order by <order columns> desc
 *
 * LATERAL rather than row_number() over (partition by parent): each parent's subquery stops after
 * limit + 1 rows, walking an index on (parent, order columns) where there is one, while a window
 * numbers every row of every parent before keeping the first few. Health samples (thousands per
 * user, in monthly partitions) need the former; short lists lose nothing by it. The filter and the
 * cursor are plain comparisons inside the subquery, so the planner still prunes partitions. The
 * extra row tells toPage whether another page exists, and the cursor is made and checked here, so
 * every list's cursors mean the same thing.
 *
 * The loader prepares the statement once per filter (kit/prepared.ts): the parents are one array
 * parameter, the limit and the cursor's values are parameters too, so neither the number of
 * parents nor the page asked for changes the SQL text.
 *
 * Each page's totalCount is lazy: when a client selects it, the counts of every parent asking with
 * the same filter come from one grouped statement (countsQuery), not one count per parent.
 */

/** How one list is cut: whose rows, which parent they belong to, in what order. */
export interface ChildList<Row, Filter> {
  /** The loader's name in the request's registry, one per list: 'training.sessionsPage'. */
  name: string;
  table: PgTable;
  /** The columns a node carries (default: every column of the table); parent and orderBy among them. */
  columns?: Record<string, PgColumn>;
  /** The column naming a row's parent. */
  parent: PgColumn;
  /**
   * The sort, most significant column first, in one direction (a row comparison is then the
   * whole cursor condition). The last column must be unique among one parent's rows: with no
   * ties, a cursor names exactly one position and no row is skipped or shown twice.
   */
  orderBy: readonly [PgColumn, ...PgColumn[]];
  direction: 'asc' | 'desc';
  /** Conditions from the list's arguments, the same for every parent of one statement. */
  where?: (filter: Filter) => SQL | undefined;
  /** Sees every row a statement returned, e.g. to prime the by-id loaders with them. */
  loaded?: (rows: Row[]) => void;
}

/**
 * What a resolver asks for: the parent, the page (limit from pageSize(first), after as the client
 * sent it) and the list's filter. Keys that differ only by parent run as one statement.
 */
export type PageKey<Filter = undefined> = {
  parent: string;
  limit: number;
  after: string | null;
} & (undefined extends Filter ? { filter?: Filter } : { filter: Filter });

export interface PageArgs<Filter> {
  limit: number;
  /** Decoded and checked with cursorValues. */
  after: unknown[] | null;
  filter: Filter;
}

/**
 * The request's loader for one list: load({ parent, limit, after, filter }) resolves to that
 * parent's Page. A malformed cursor rejects the keys that sent it with BAD_USER_INPUT.
 */
export function pagesPerParent<Row, Filter = undefined>(
  ctx: RequestContext,
  db: Executor,
  list: ChildList<Row, Filter>,
): DataLoader<PageKey<Filter>, Page<Row>, string> {
  const shape = shapeOf(list);
  const counts = countsPerParent(ctx, db, list);
  return ctx.loaders.get<PageKey<Filter>, Page<Row>, string>(
    list.name,
    (keys) =>
      batchByArgs(
        keys,
        (key) => ({
          parent: key.parent,
          args: { limit: key.limit, after: key.after, filter: key.filter as Filter },
        }),
        async (parents, { limit, after, filter }) => {
          const args = { limit, after: cursorValues(list, after), filter };
          const wanted = possibleParents(list, parents);
          const rows = wanted.length ? await preparedPages(db, list, wanted, args) : [];
          list.loaded?.(rows);
          // PostgreSQL writes uuids in lower case; a parent id may arrive in upper case.
          const same = list.parent.columnType === 'PgUUID' ? (id: string) => id.toLowerCase() : String;
          const byParent = new Map<string, Row[]>();
          for (const row of rows) {
            const parent = same(String((row as Record<string, unknown>)[shape.parent]));
            const found = byParent.get(parent);
            if (found) found.push(row);
            else byParent.set(parent, [row]);
          }
          const pages = new Map<string, Page<Row>>();
          for (const parent of parents) {
            pages.set(
              parent,
              toPage(
                byParent.get(same(parent)) ?? [],
                limit,
                (row) => cursorOf(shape, row),
                () => counts.load({ parent, filter }),
              ),
            );
          }
          return pages;
        },
        // Every parent gets a page above; this only satisfies batchByArgs.
        () => emptyPage<Row>(),
      ),
    {
      cacheKeyFn: (key) =>
        compositeKey({ parent: key.parent, limit: key.limit, after: key.after, filter: key.filter ?? null }),
    },
  );
}

/**
 * The request's loader of totalCounts for one list: parents asking with the same filter share one
 * grouped statement (countsQuery).
 */
function countsPerParent<Row, Filter>(ctx: RequestContext, db: Executor, list: ChildList<Row, Filter>) {
  return ctx.loaders.get<{ parent: string; filter: Filter }, number, string>(
    `${list.name}.totalCount`,
    (keys) =>
      batchByArgs(
        keys,
        (key) => ({ parent: key.parent, args: { filter: key.filter } }),
        async (parents, { filter }) => {
          const wanted = possibleParents(list, parents);
          const rows = wanted.length ? await preparedCounts(db, list, wanted, filter) : [];
          const same = list.parent.columnType === 'PgUUID' ? (id: string) => id.toLowerCase() : String;
          const byParent = new Map(rows.map((row) => [same(String(row.parent)), Number(row.count)]));
          return new Map(parents.map((parent) => [parent, byParent.get(same(parent)) ?? 0]));
        },
        () => 0,
      ),
    { cacheKeyFn: (key) => compositeKey({ parent: key.parent, filter: key.filter ?? null }) },
  );
}

/**
 * How many children each parent has under the list's filter (never its cursor), in one statement:
 *
 *   select <parent>, count(*) from <table> where <parent> = any($parents) and <filter> group by <parent>
 *
 * A parent without children has no row; the loader answers 0 for it.
 */
export function countsQuery<Row, Filter>(
  db: Executor,
  list: ChildList<Row, Filter>,
  parents: readonly string[],
  filter: Filter,
) {
  return countsSelect(db, list, sql.param([...parents]), filter);
}

function countsSelect<Row, Filter>(
  db: Executor,
  list: ChildList<Row, Filter>,
  parents: unknown,
  filter: Filter,
) {
  return db
    .select({ parent: list.parent, count: count() })
    .from(list.table)
    .where(and(sql`${list.parent} = any(${parents})`, list.where?.(filter)))
    .groupBy(list.parent);
}

const dialect = new PgDialect();

/**
 * What a prepared statement of the list is keyed by besides its name: the condition its `where`
 * gives now, text and values. Not the filter alone: a condition may also depend on who asks
 * (content's drafts are visible to their creator only), and a statement built for one viewer
 * must never answer another.
 */
function conditionKey<Row, Filter>(list: ChildList<Row, Filter>, filter: Filter): string {
  const condition = list.where?.(filter);
  if (!condition) return '-';
  const query = dialect.sqlToQuery(condition);
  return JSON.stringify([query.sql, query.params]);
}

/** countsQuery prepared once per list and condition. */
function preparedCounts<Row, Filter>(
  db: Executor,
  list: ChildList<Row, Filter>,
  parents: readonly string[],
  filter: Filter,
): Promise<{ parent: unknown; count: number }[]> {
  const key = `${list.name}.totalCount ${conditionKey(list, filter)}`;
  return preparedOn<{ parent: unknown; count: number }>(db, key, (on) =>
    countsSelect(on, list, sql.placeholder('parents'), filter).prepare(statementName(list)),
  ).execute({ parents: [...parents] });
}

/**
 * Parents that can have children: an id that is no UUID cannot be a uuid parent column's value,
 * so it gets an empty page rather than failing the statement's cast for every parent.
 */
function possibleParents(list: ChildList<any, any>, parents: readonly string[]): string[] {
  return list.parent.columnType === 'PgUUID' ? parents.filter(isUuid) : [...parents];
}

/** The statement itself (described at the top of this file), for tests that EXPLAIN it. */
export function pagesQuery<Row, Filter>(
  db: Executor,
  list: ChildList<Row, Filter>,
  parents: readonly string[],
  args: PageArgs<Filter>,
): Promise<Row[]> & { getSQL(): SQL; toSQL(): { sql: string; params: unknown[] } } {
  return pagesSelect(db, list, args.filter, {
    parents: sql.param(possibleParents(list, parents)),
    limit: args.limit + 1,
    after: args.after?.map((value) => sql.param(value)) ?? null,
  });
}

/** Where the statement's values go: parameters (pagesQuery) or placeholders (preparedPages). */
interface PageSlots {
  parents: unknown;
  limit: unknown;
  after: unknown[] | null;
}

function pagesSelect<Row, Filter>(
  db: Executor,
  list: ChildList<Row, Filter>,
  filter: Filter,
  slots: PageSlots,
): any {
  const shape = shapeOf(list);
  const sort = list.direction === 'desc' ? desc : asc;
  const page = db
    .select(shape.columns)
    .from(list.table)
    .where(
      and(
        sql`${list.parent} = parent_key.id`,
        list.where?.(filter),
        slots.after ? afterCondition(list, slots.after) : undefined,
      ),
    )
    .orderBy(...list.orderBy.map((column) => sort(column)))
    .limit(slots.limit as number)
    .as('page');
  const fields = Object.fromEntries(
    Object.keys(shape.columns).map((name) => [name, (page as any)[name] as PgColumn]),
  );
  return db
    .select(fields)
    .from(sql`unnest(${slots.parents}::${sql.raw(list.parent.getSQLType())}[]) as parent_key(id)`)
    .crossJoinLateral(page)
    .orderBy(...shape.order.map((name) => sort((page as any)[name] as PgColumn)));
}

/**
 * pagesQuery prepared once per list, condition (conditionKey) and kind of page (first or after a cursor): the
 * parents, the limit and the cursor's values are its parameters.
 */
function preparedPages<Row, Filter>(
  db: Executor,
  list: ChildList<Row, Filter>,
  parents: readonly string[],
  args: PageArgs<Filter>,
): Promise<Row[]> {
  const after = args.after;
  const key = `${list.name} ${after ? 'after' : 'first'} ${conditionKey(list, args.filter)}`;
  const values: Record<string, unknown> = { parents: [...parents], limit: args.limit + 1 };
  after?.forEach((value, i) => {
    values[`after${i}`] = value;
  });
  return preparedOn<Row>(db, key, (on) =>
    pagesSelect(on, list, args.filter, {
      parents: sql.placeholder('parents'),
      limit: sql.placeholder('limit'),
      after: after ? after.map((_, i) => sql.placeholder(`after${i}`)) : null,
    }).prepare(statementName(list)),
  ).execute(values);
}

function statementName(list: ChildList<any, any>): string {
  return list.name.replace(/\W/g, '_');
}

/**
 * The values of `after`, checked against the sort columns: a cursor this list did not give out
 * is the client's mistake (BAD_USER_INPUT), never a PostgreSQL cast error.
 */
export function cursorValues(list: Pick<ChildList<unknown, unknown>, 'orderBy'>, after: string | null) {
  return decodeCursor(after, list.orderBy.map(cursorPartOf));
}

/** What a sort column's value must be in a cursor (kit/pagination.ts checks it before any SQL). */
function cursorPartOf(column: PgColumn): CursorPart {
  if (column.columnType === 'PgUUID') return 'uuid';
  // Timestamps travel as ISO 8601 (cursorOf writes them so); anything else would not round-trip.
  if (column.dataType === 'date') return 'timestamp';
  if (column.dataType === 'number') return column.columnType === 'PgInteger' ? 'int' : 'real';
  return 'text';
}

/** (a, b) < (x, y) for a descending sort, > for an ascending one: rows strictly after the cursor. */
function afterCondition(list: ChildList<any, any>, values: readonly unknown[]): SQL {
  const typed = values.map((value, i) => sql`${value}::${sql.raw(list.orderBy[i]!.getSQLType())}`);
  return sql`(${sql.join([...list.orderBy], sql`, `)}) ${sql.raw(list.direction === 'desc' ? '<' : '>')} (${sql.join(typed, sql`, `)})`;
}

interface Shape {
  columns: Record<string, PgColumn>;
  /** Property names in a row of the parent and sort columns. */
  parent: string;
  order: string[];
}

/** Where the parent and the sort columns are in a row; a list that does not select them is a bug. */
function shapeOf(list: ChildList<any, any>): Shape {
  const columns = list.columns ?? (getTableColumns(list.table) as Record<string, PgColumn>);
  const nameOf = (column: PgColumn) => {
    const name = Object.keys(columns).find((key) => columns[key] === column);
    if (!name) throw new Error(`${list.name}: column ${column.name} is not among the selected columns`);
    return name;
  };
  return { columns, parent: nameOf(list.parent), order: list.orderBy.map(nameOf) };
}

function cursorOf(shape: Shape, row: unknown): unknown[] {
  return shape.order.map((name) => {
    const value = (row as Record<string, unknown>)[name];
    return value instanceof Date ? value.toISOString() : value;
  });
}
