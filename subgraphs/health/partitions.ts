import { sql } from 'drizzle-orm';
import { type Database, rows } from '../../kit/db.js';

/** How far ahead monthly partitions of health_metrics exist, so inserts never land in the default. */
export const MONTHS_AHEAD = 3;

/**
 * Creates the monthly partitions of health_metrics from monthsBack to monthsAhead around the
 * current month (the SQL function the migration also calls); returns how many were created.
 */
export async function ensureMetricPartitions(
  database: Database,
  monthsBack = 0,
  monthsAhead = MONTHS_AHEAD,
): Promise<number> {
  const [row] = await rows<{ created: number }>(
    database.db,
    sql`SELECT health.ensure_health_metric_partitions(${monthsBack}::int, ${monthsAhead}::int) AS created`,
  );
  return Number(row?.created ?? 0);
}
