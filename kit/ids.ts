const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every id in the graph is a UUID. Checking the shape first turns a malformed id into the caller's
 * mistake (bad input, or nothing found) instead of a PostgreSQL cast error.
 */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
