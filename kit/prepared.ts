import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './db.js';

/**
 * Statements built once and executed many times. Drizzle builds a statement's SQL text from the
 * query builder on every call (13–20% of a busy subgraph's CPU in BENCHMARKS.md); a prepared
 * query keeps the text and fills in only the parameters. With `= any($1)` in place of
 * `in ($1, ..., $n)` a loader's statement is the same text for every batch size too, so
 * postgres.js reuses the one server-side prepared statement per connection instead of preparing
 * another for each new batch size.
 */

/** A prepared statement: parameters by placeholder name in, rows out. */
export interface Prepared<Row> {
  execute(values: Record<string, unknown>): Promise<Row[]>;
}

/**
 * Statements per executor (the primary, the replica, an open transaction: each its own session),
 * then per key. A transaction's entries go with it.
 */
const statements = new WeakMap<object, Map<string, Prepared<unknown>>>();

/** Keys whose statement carries values of their own (a list's filter) are many; a cap keeps them bounded. */
const MAX_STATEMENTS_PER_EXECUTOR = 500;

/**
 * The executor's statement under `key`, built by `build` the first time. The key must name
 * everything the built text depends on besides its placeholders.
 */
export function preparedOn<Row>(
  db: Executor,
  key: string,
  build: (db: Executor) => Prepared<Row>,
): Prepared<Row> {
  let byKey = statements.get(db);
  if (!byKey) {
    byKey = new Map();
    statements.set(db, byKey);
  }
  let statement = byKey.get(key) as Prepared<Row> | undefined;
  if (!statement) {
    if (byKey.size >= MAX_STATEMENTS_PER_EXECUTOR) byKey.clear();
    statement = build(db);
    byKey.set(key, statement as Prepared<unknown>);
  }
  return statement;
}

/** A drizzle query that can be prepared: a select, insert, update or delete builder. */
export interface Preparable {
  prepare(name: string): unknown;
}

/**
 * The executor's statement under `key` (see preparedOn), built from a drizzle query with its
 * placeholders: rows come back typed as `Row`, which the query's selection must match.
 */
export function preparedQuery<Row>(
  db: Executor,
  key: string,
  build: (db: Executor) => Preparable,
): Prepared<Row> {
  return preparedOn<Row>(db, key, (on) => build(on).prepare(key.replace(/\W/g, '_')) as Prepared<Row>);
}

/**
 * `column = any($name)`: one array parameter for any number of keys. PostgreSQL infers the
 * parameter as an array of the column's type, and an index on the column serves it as it would
 * an IN list.
 */
export function anyOf(column: PgColumn | SQL, name = 'keys'): SQL {
  return sql`${column} = any(${sql.placeholder(name)})`;
}

/** How one keyed read is cut: the rows of `table` whose `key` is any of a batch's keys. */
export interface KeyedRead {
  /** Unique among the subgraph's statements: 'identity.userById'. */
  name: string;
  table: PgTable;
  /** The column (or row of columns) the keys are matched against. */
  key: PgColumn | SQL;
  /**
   * What follows the key (default `= any($keys)`): `in (select * from unnest($a::uuid[], $b::integer[]))`
   * for keys of two columns, its placeholders then filled from a record of arrays.
   */
  match?: SQL;
  /** Columns to select (default: every column of the table). */
  columns?: Record<string, PgColumn | SQL>;
  /** A fixed condition besides the key (no values that change per call). */
  where?: SQL;
  orderBy?: SQL[];
}

/**
 * A loader's statement: `select <columns> from <table> where <key> = any($1) [and <where>] [order by]`,
 * prepared once per executor. Returns the rows for the given keys (an array, or the arrays of a
 * `match` by placeholder name).
 */
export function rowsByKeys<Row>(
  read: KeyedRead,
): (db: Executor, keys: readonly unknown[] | Record<string, unknown[]>) => Promise<Row[]> {
  const keyCondition = read.match ? sql`${read.key} ${read.match}` : anyOf(read.key);
  const condition = read.where ? sql`${keyCondition} and ${read.where}` : keyCondition;
  return (db, keys) =>
    preparedQuery<Row>(db, read.name, (on) => {
      const base = read.columns ? on.select(read.columns as any) : on.select();
      return base
        .from(read.table as any)
        .where(condition)
        .orderBy(...(read.orderBy ?? []));
    }).execute(isKeyList(keys) ? { keys: [...keys] } : keys);
}

function isKeyList(keys: readonly unknown[] | Record<string, unknown[]>): keys is readonly unknown[] {
  return Array.isArray(keys);
}
