import { loadEnv } from '../../kit/env.js';
import { createRuntime } from '../../kit/runtime.js';
import { refreshStaleCohorts } from './cohorts.js';
import { maintainEvents } from './maintenance.js';

/**
 * `npm run analytics:refresh-cohorts`: recomputes every cohort now and runs partition maintenance.
 * For a scheduler (cron, a Kubernetes CronJob) when the subgraph's own hourly refresh is not enough.
 */
const runtime = await createRuntime(loadEnv());
try {
  const now = runtime.clock.now();
  const partitions = await maintainEvents(runtime.database, now);
  const refreshed = await refreshStaleCohorts(
    runtime.database.db,
    runtime.clock,
    new Date(now.getTime() + 1),
  );
  runtime.log.info({ refreshed, partitions }, 'cohorts refreshed');
} finally {
  await runtime.close();
}
