import type { Clock } from '../../../kit/clock.js';
import type { Database } from '../../../kit/db.js';
import type { Logger } from '../../../kit/log.js';
import { type Across, PeriodicTask } from '../../../kit/periodic.js';
import { refreshStaleCohorts } from '../cohorts.js';

/**
 * The scheduled cohort refresh: every cohort computed more than `maxAgeMs` ago is recomputed,
 * once per interval across the replicas (`across`: the subgraph's period claims).
 */
export function cohortRefreshSchedule(
  database: Database,
  clock: Clock,
  log: Logger,
  across: Across,
  options: { intervalMs?: number; maxAgeMs?: number } = {},
): PeriodicTask<void> {
  const maxAgeMs = options.maxAgeMs ?? 3600 * 1000;
  return new PeriodicTask({
    name: 'analytics.cohorts',
    intervalMs: options.intervalMs ?? 15 * 60 * 1000,
    across,
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
