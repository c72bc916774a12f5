import { sql } from 'drizzle-orm';
import type { Clock } from '../../kit/clock.js';
import { type Database, rows } from '../../kit/db.js';

/** How far ahead monthly partitions of health_metrics exist, so inserts never land in the default. */
export const MONTHS_AHEAD = 3;

/**
 * Creates the monthly partitions of health_metrics (`health_metrics_YYYY_MM`) from monthsBack to
 * monthsAhead around the month of `now` (the application's clock), and the month of every sample
 * waiting in the default partition, moving those samples into it (the SQL function the migrations
 * also call); returns how many were created.
 */
export async function ensureMetricPartitions(
  database: Database,
  now: Date,
  monthsBack = 0,
  monthsAhead = MONTHS_AHEAD,
): Promise<number> {
  const [row] = await rows<{ created: number }>(
    database.db,
    sql`SELECT health.ensure_health_metric_partitions(${now.toISOString()}::timestamptz, ${monthsBack}::int, ${monthsAhead}::int) AS created`,
  );
  return Number(row?.created ?? 0);
}
