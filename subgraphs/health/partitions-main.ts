import { loadEnv } from '../../kit/env.js';
import { createRuntime } from '../../kit/runtime.js';
import { ensureMetricPartitions, MONTHS_AHEAD } from './partitions.js';

/**
 * Partition maintenance for health_metrics: creates the monthly partitions up to
 * `--ahead N` months ahead (default 3) and `--back N` months back (default 0), and the month of
 * every row that landed in the default partition, moving the rows into it. The subgraph runs the same on every start.
 */
const env = loadEnv();
const runtime = await createRuntime(env);
const flag = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  const value = at === -1 ? fallback : Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 0 || value > 240) throw new Error(`--${name} takes 0-240`);
  return value;
};
try {
  const created = await ensureMetricPartitions(
    runtime.database,
    runtime.clock.now(),
    flag('back', 0),
    flag('ahead', MONTHS_AHEAD),
  );
  runtime.log.info({ created }, 'health_metrics partitions ensured');
} finally {
  await runtime.close();
}
