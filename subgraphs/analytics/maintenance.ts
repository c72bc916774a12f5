import { sql } from 'drizzle-orm';
import type { Clock } from '../../kit/clock.js';
import type { Database } from '../../kit/db.js';
import { rows } from '../../kit/db.js';
import type { Logger } from '../../kit/log.js';
import type { BackgroundTask } from '../../kit/subgraph.js';
import { refreshStaleCohorts } from './cohorts.js';
import { pruneClientEventKeys } from './ingest.js';

const DAY_MS = 24 * 3600 * 1000;
/** How long a client may retry a batch and still be deduplicated. */
export const CLIENT_EVENT_KEY_TTL_MS = 30 * DAY_MS;

/**
 * Creates the monthly partitions of analytics_events around `now` (one month back, three ahead;
 * rows already in the default partition move into theirs) and forgets expired dedupe keys.
 */
export async function maintainEvents(database: Database, now: Date): Promise<number> {
  const [result] = await rows<{ created: number }>(
    database.db,
    sql`select analytics.ensure_event_partitions(${now.toISOString()}::timestamptz, 1, 3) as created`,
  );
  await pruneClientEventKeys(database.db, new Date(now.getTime() - CLIENT_EVENT_KEY_TTL_MS));
  return Number(result?.created ?? 0);
}

/** Runs `work` now (when `immediately`) and then every `intervalMs`, never overlapping, until stopped. */
function periodic(
  name: string,
  log: Logger,
  intervalMs: number,
  immediately: boolean,
  work: () => Promise<unknown>,
): BackgroundTask {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let running: Promise<unknown> | null = null;
  const run = async () => {
    running = work().catch((error) =>
      log.warn({ err: error, task: name }, 'analytics task failed; will retry'),
    );
    await running;
    running = null;
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(async () => {
      await run();
      schedule();
    }, intervalMs);
    timer.unref();
  };
  return {
    async start() {
      stopped = false;
      if (immediately) await run();
      schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

/** Partition maintenance: once on start (so the current month always has its partition), then daily. */
export function partitionMaintenance(database: Database, clock: Clock, log: Logger): BackgroundTask {
  return periodic('partitions', log, DAY_MS, true, () => maintainEvents(database, clock.now()));
}

/** The scheduled cohort refresh: every cohort computed more than `maxAgeMs` ago is recomputed. */
export function cohortRefreshSchedule(
  database: Database,
  clock: Clock,
  log: Logger,
  options: { intervalMs?: number; maxAgeMs?: number } = {},
): BackgroundTask {
  const maxAgeMs = options.maxAgeMs ?? 3600 * 1000;
  return periodic('cohort-refresh', log, options.intervalMs ?? 15 * 60 * 1000, false, async () => {
    const refreshed = await refreshStaleCohorts(
      database.db,
      clock,
      new Date(clock.now().getTime() - maxAgeMs),
    );
    if (refreshed > 0) log.info({ refreshed }, 'cohorts refreshed');
  });
}
