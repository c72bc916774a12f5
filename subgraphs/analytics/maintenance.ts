import { sql } from 'drizzle-orm';
import type { Database } from '../../kit/db.js';
import { rows } from '../../kit/db.js';
import { pruneClientEventKeys } from './ingest.js';

const DAY_MS = 24 * 3600 * 1000;
/** How long a client may retry a batch and still be deduplicated. */
export const CLIENT_EVENT_KEY_TTL_MS = 30 * DAY_MS;

/**
 * Creates the monthly partitions of analytics_events (`analytics_events_YYYY_MM`) around `now`
 * (one month back, three ahead) and the month of every row waiting in the default partition,
 * moving those rows into it, and forgets expired dedupe keys.
 */
export async function maintainEvents(database: Database, now: Date): Promise<number> {
  const [result] = await rows<{ created: number }>(
    database.db,
    sql`select analytics.ensure_event_partitions(${now.toISOString()}::timestamptz, 1, 3) as created`,
  );
  await pruneClientEventKeys(database.db, new Date(now.getTime() - CLIENT_EVENT_KEY_TTL_MS));
  return Number(result?.created ?? 0);
}
