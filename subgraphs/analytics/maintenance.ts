import { sql } from 'drizzle-orm';
import type { Clock } from '../../kit/clock.js';
import type { Database } from '../../kit/db.js';
import { rows } from '../../kit/db.js';
import type { Logger } from '../../kit/log.js';
import { PeriodicTask } from '../../kit/periodic.js';
import type { BackgroundTask } from '../../kit/subgraph.js';
import { refreshStaleCohorts } from './cohorts.js';
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

/** Partition maintenance: once on start (so the current month always has its partition), then daily. */
export function partitionMaintenance(database: Database, clock: Clock, log: Logger): BackgroundTask {
  return new PeriodicTask({
    name: 'analytics partitions',
    intervalMs: DAY_MS,
    firstRun: 'on-start',
    log,
    work: () => maintainEvents(database, clock.now()),
  });
}

/** The scheduled cohort refresh: every cohort computed more than `maxAgeMs` ago is recomputed. */
export function cohortRefreshSchedule(
  database: Database,
  clock: Clock,
  log: Logger,
  options: { intervalMs?: number; maxAgeMs?: number } = {},
): BackgroundTask {
  const maxAgeMs = options.maxAgeMs ?? 3600 * 1000;
  return new PeriodicTask({
    name: 'cohort refresh',
    intervalMs: options.intervalMs ?? 15 * 60 * 1000,
    log,
    work: async () => {
      const refreshed = await refreshStaleCohorts(
        database.db,
        clock,
        new Date(clock.now().getTime() - maxAgeMs),
      );
      if (refreshed > 0) log.info({ refreshed }, 'cohorts refreshed');
    },
  });
}
