import { loadEnv } from '../../kit/env.js';
import { onShutdown } from '../../kit/process.js';
import { createRuntime } from '../../kit/runtime.js';
import { ensureMetricPartitions } from './partitions.js';
import type { PullAdapter } from './providers/common.js';
import { fitbitAdapter } from './providers/fitbit.js';
import { garminAdapter } from './providers/garmin.js';
import { HealthSyncWorker } from './sync.js';

/**
 * The health sync worker: pulls Fitbit and Garmin data for due integrations and revokes queued
 * tokens, every HEALTH_SYNC_INTERVAL_SECONDS. `--once` runs one pass and exits (cron, tests).
 */
const env = loadEnv();
const runtime = await createRuntime(env);
const adapters: Partial<Record<'fitbit' | 'garmin', PullAdapter>> = {};
if (env.FITBIT_CLIENT_ID && env.FITBIT_CLIENT_SECRET) {
  adapters.fitbit = fitbitAdapter({
    clientId: env.FITBIT_CLIENT_ID,
    clientSecret: env.FITBIT_CLIENT_SECRET,
    apiUrl: env.FITBIT_API_URL,
    tokenUrl: env.FITBIT_TOKEN_URL,
  });
}
if (env.GARMIN_CLIENT_ID && env.GARMIN_CLIENT_SECRET) {
  adapters.garmin = garminAdapter({
    clientId: env.GARMIN_CLIENT_ID,
    clientSecret: env.GARMIN_CLIENT_SECRET,
    apiUrl: env.GARMIN_API_URL,
    tokenUrl: env.GARMIN_TOKEN_URL,
  });
}
const intervalMs = env.HEALTH_SYNC_INTERVAL_SECONDS * 1000;
const worker = new HealthSyncWorker({ ...runtime, adapters }, intervalMs);
const log = runtime.log.child({ worker: 'health-sync' });
log.info({ providers: Object.keys(adapters) }, 'health sync worker starting');

const pass = async () => {
  // Samples must never pile up in the default partition while the subgraph is down.
  await ensureMetricPartitions(runtime.database, runtime.clock.now());
  const report = await worker.runOnce();
  log.info(report, 'health sync pass done');
};

if (process.argv.includes('--once')) {
  await pass();
  await runtime.close();
} else {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const loop = async () => {
    try {
      await pass();
    } catch (error) {
      log.error({ err: error }, 'health sync pass failed');
    }
    if (!stopped) timer = setTimeout(loop, Math.min(intervalMs, 60_000));
  };
  void loop();
  onShutdown(log, [
    async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
    () => runtime.close(),
  ]);
}
