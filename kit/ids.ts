/** The shape of a UUID, any version, any case; the one pattern the code base checks ids with. */
const UUID_SHAPE = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const UUID = new RegExp(`^${UUID_SHAPE}$`, 'i');

/**
 * Every id in the graph is a UUID. Checking the shape first turns a malformed id into the caller's
 * mistake (bad input, or nothing found) instead of a PostgreSQL cast error.
 */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** The UUID's version (4: random, 7: time-ordered), or null when the value is not a UUID. */
export const uuidVersion = (value: unknown): number | null =>
  isUuid(value) ? Number.parseInt(value.charAt(14), 16) : null;

/** The text with every UUID in it replaced (for comparing or scanning text that holds ids). */
export const replaceUuids = (text: string, replacement: string): string =>
  text.replace(new RegExp(UUID_SHAPE, 'gi'), replacement);
