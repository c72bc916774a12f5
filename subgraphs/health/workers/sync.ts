import { PeriodicTask } from '../../../kit/periodic.js';
import type { SubgraphDeps } from '../../../kit/subgraph.js';
import { ensureMetricPartitions } from '../partitions.js';
import { wearableAdapters } from '../providers/index.js';
import { HealthSyncWorker, type SyncReport } from '../sync.js';

/** How often the worker looks for integrations that are due; each is due every HEALTH_SYNC_INTERVAL_SECONDS. */
const POLL_MS = 60_000;

/**
 * The wearable sync: pulls Google Health and Garmin data for due integrations (backfills first)
 * and revokes queued tokens. It never calls the retired Fitbit Web API.
 * It runs in a process of its own (`subgraphs/health/main.ts sync`), not in the serving one, so
 * calls to the providers scale apart from GraphQL traffic.
 */
export function healthSync(deps: SubgraphDeps): PeriodicTask<SyncReport> {
  const adapters = wearableAdapters(deps.env);
  const intervalMs = deps.env.HEALTH_SYNC_INTERVAL_SECONDS * 1000;
  const worker = new HealthSyncWorker({ ...deps, adapters }, intervalMs);
  const log = deps.log.child({ worker: 'health.sync' });
  return new PeriodicTask({
    name: 'health.sync',
    intervalMs: Math.min(intervalMs, POLL_MS),
    // Every sync process polls: each integration is claimed (sync_claimed_until) before its sync.
    across: 'every-replica',
    firstRun: 'soon',
    log,
    work: async () => {
      // Samples must never pile up in the default partition while the subgraph is down.
      await ensureMetricPartitions(deps.database, deps.clock.now());
      const report = await worker.runOnce();
      log.info({ ...report, providers: Object.keys(adapters) }, 'health sync pass done');
      return report;
    },
  });
}
