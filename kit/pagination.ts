import { badInput } from './errors.js';
import { isUuid } from './ids.js';
import { isStorableText } from './input-guard.js';

/**
 * The page size a list gets when the client names none, and the most it may ask for: one rule
 * for every connection (the SDL says `first: Int = 20`, "1-100"; schema/lint.ts holds it).
 */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput(`first must be between 1 and ${MAX_PAGE_SIZE}.`, { field: 'first', max: MAX_PAGE_SIZE });
  }
  return first;
}

/** Opaque cursors: base64url JSON of the sort key, so clients cannot depend on their shape. */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * What one position of a cursor holds. A cursor comes back from the client, so each value is
 * checked against the type its SQL comparison casts it to: anything PostgreSQL would refuse (a
 * year 0, a 36-character string of hyphens as a uuid, a rank beyond a real) is the client's mistake,
 * never a database error.
 */
export type CursorPart = 'timestamp' | 'uuid' | 'int' | 'real' | 'text';
type CursorValue<P> = P extends 'int' | 'real' ? number : string;
export type CursorValues<P extends readonly CursorPart[]> = { -readonly [K in keyof P]: CursorValue<P[K]> };

/** What toISOString gives for years 1-9999 (PostgreSQL has no year 0; six-digit years never come from a row). */
const ISO_INSTANT = /^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** float4's range: PostgreSQL refuses a real that overflows or underflows to zero. */
const REAL_MIN = 1.18e-38;
const REAL_MAX = 3.4e38;

const PART_CHECKS: Record<CursorPart, (value: unknown) => boolean> = {
  timestamp: (value) =>
    typeof value === 'string' && ISO_INSTANT.test(value) && new Date(value).toISOString() === value,
  uuid: isUuid,
  int: (value) => Number.isInteger(value) && (value as number) >= -(2 ** 31) && (value as number) < 2 ** 31,
  real: (value) =>
    typeof value === 'number' &&
    (value === 0 || (Math.abs(value) >= REAL_MIN && Math.abs(value) <= REAL_MAX)),
  text: (value) => typeof value === 'string' && value.length <= 512 && isStorableText(value),
};

/**
 * The sort key a cursor carries, each value checked against its part; null without a cursor.
 * Anything else (not base64url JSON, the wrong number of values, a value of the wrong type or
 * range) is BAD_USER_INPUT.
 */
export function decodeCursor<const P extends readonly CursorPart[]>(
  cursor: string | null | undefined,
  parts: P,
): CursorValues<P> | null {
  if (cursor === null || cursor === undefined) return null;
  try {
    if (cursor.length > 1024) throw new Error('too long');
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(values) || values.length !== parts.length) throw new Error('shape');
    if (!parts.every((part, i) => PART_CHECKS[part](values[i]))) throw new Error('value');
    return values as CursorValues<P>;
  } catch {
    throw badInput('after is not a cursor this list gave out.', { field: 'after' });
  }
}

/**
 * A connection as a resolver returns it. totalCount is a function: graphql-js's default resolver
 * calls a function-valued property, so the count query runs only when a client selects totalCount,
 * and at most once per page (lazyCount).
 */
export interface Page<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: () => Promise<number>;
}

/**
 * How many rows the whole list has: the list's filter, never its cursor. Runs on first call only
 * and remembers the answer for the page's lifetime (one request).
 */
export function lazyCount(count: () => Promise<number> | number): () => Promise<number> {
  let answer: Promise<number> | undefined;
  return () => {
    answer ??= Promise.resolve().then(count).then(Number);
    return answer;
  };
}

/**
 * Builds a page from rows fetched with limit + 1, which tells whether another page exists;
 * count answers totalCount when a client asks for it. The end cursor is encoded when first read:
 * most fetches select nodes only.
 */
export function toPage<T>(
  rows: T[],
  limit: number,
  cursorOf: (row: T) => unknown[],
  count: () => Promise<number> | number,
): Page<T> {
  const nodes = rows.slice(0, limit);
  const last = nodes[nodes.length - 1];
  let endCursor: string | null | undefined = last === undefined ? null : undefined;
  return {
    nodes,
    pageInfo: {
      hasNextPage: rows.length > limit,
      // An own getter: graphql-js, JSON and deep equality read it as the plain property it was.
      get endCursor() {
        if (endCursor === undefined) endCursor = encodeCursor(cursorOf(last as T));
        return endCursor;
      },
    },
    totalCount: lazyCount(count),
  };
}

/** A page of nodes made from another page's (a page of rows shown as entity references). */
export function mapPage<T, U>(page: Page<T>, map: (node: T) => U): Page<U> {
  return { ...page, nodes: page.nodes.map(map) };
}

/** A list nobody may see or that cannot have nodes: no rows, totalCount 0. */
export function emptyPage<T>(): Page<T> {
  return { nodes: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: async () => 0 };
}
