/**
 * The one rule for enum-like columns: the database stores the value in lower case
 * (`beginner`, `in_progress`, `stripe`), the GraphQL schema spells the same words in upper case
 * (`BEGINNER`, `IN_PROGRESS`, `STRIPE`). Every subgraph turns an API value into a stored one with
 * `toStored` on its write and filter paths, and a stored value back with `fromStored` in its
 * resolvers, so clients see upper case and every table holds lower case (each column's CHECK
 * lists the lower-case words).
 */

/** An API enum value (`IN_PROGRESS`) as a column stores it (`in_progress`). */
export const toStored = <T extends string>(value: T): Lowercase<T> => value.toLowerCase() as Lowercase<T>;

/** A stored column value (`in_progress`) as the API enum spells it (`IN_PROGRESS`). */
export const fromStored = <T extends string>(value: string): T => value.toUpperCase() as T;

/** `fromStored` for a nullable column. */
export const fromStoredOrNull = <T extends string>(value: string | null | undefined): T | null =>
  value === null || value === undefined ? null : fromStored<T>(value);
