import type { Clock } from '../../../kit/clock.js';
import type { Database } from '../../../kit/db.js';
import type { Logger } from '../../../kit/log.js';
import { PeriodicTask } from '../../../kit/periodic.js';
import { maintainEvents } from '../maintenance.js';

const DAY_MS = 24 * 3600 * 1000;

/** Partition maintenance: once on start (so the current month always has its partition), then daily. */
export function partitionMaintenance(database: Database, clock: Clock, log: Logger): PeriodicTask<number> {
  return new PeriodicTask({
    name: 'analytics.partitions',
    intervalMs: DAY_MS,
    firstRun: 'on-start',
    log,
    work: () => maintainEvents(database, clock.now()),
  });
}
