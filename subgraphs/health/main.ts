import { runSubgraphProcess } from '../../kit/subgraph-main.js';
import { ensureMetricPartitions, MONTHS_AHEAD } from './partitions.js';
import { rebuildRollup } from './rollup.js';
import { createSubgraph } from './server.js';
import { healthSync } from './workers/sync.js';

/** `--name N` of a command's arguments, 0-240. */
function monthsFlag(args: string[], name: string, fallback: number): number {
  const at = args.indexOf(`--${name}`);
  const value = at === -1 ? fallback : Number(args[at + 1]);
  if (!Number.isInteger(value) || value < 0 || value > 240) throw new Error(`--${name} takes 0-240`);
  return value;
}

/**
 * The health process: `serve` (default); `sync` (`npm run health:sync`): the wearable sync
 * worker, every HEALTH_SYNC_INTERVAL_SECONDS, or one pass with `--once`; `partitions`
 * (`npm run health:partitions`): creates the monthly partitions of health_metrics up to
 * `--ahead N` months ahead (default 3) and `--back N` back (default 0), moving rows that landed in
 * the default partition into their month (the subgraph does the same on every start); `rollup`
 * (`npm run health:rollup`): rebuilds the hourly rollup from the samples, of everyone or of the
 * users given with `--user <id>` (repeatable), in one transaction.
 */
await runSubgraphProcess('health', createSubgraph, {
  sync: async (runtime, args) => {
    const worker = healthSync(runtime);
    return args.includes('--once') ? { report: await worker.runNow() } : { running: worker };
  },
  rollup: async (runtime, args) => {
    const users = args.flatMap((arg, i) => (args[i - 1] === '--user' ? [arg] : []));
    return { report: { hours: await rebuildRollup(runtime.database.db, users.length > 0 ? users : null) } };
  },
  partitions: async (runtime, args) => ({
    report: {
      created: await ensureMetricPartitions(
        runtime.database,
        runtime.clock.now(),
        monthsFlag(args, 'back', 0),
        monthsFlag(args, 'ahead', MONTHS_AHEAD),
      ),
    },
  }),
});
