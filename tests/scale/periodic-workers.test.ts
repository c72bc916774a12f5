import type postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubgraphName } from '../../schema/subgraphs.js';
import type { ReplicatedStack, ServiceProcess } from '../../stack/replicated-stack.js';
import { type ScaleStack, startScaleStack } from './scale-stack.js';
import { eventually } from '../../testkit/stack.js';

/**
 * The scheduled workers of every subgraph, with two replicas of each subgraph (real processes,
 * stack/replicated-stack.ts) and every worker's period cut to a few seconds (WORKER_INTERVALS):
 * each period runs once across the replicas (kit/periodic-claims.ts), and when the replica that
 * ran the last period dies, the other runs the next ones. Runs are seen two ways that do not
 * depend on each other: each process's own count of runs (worker_run_duration_seconds on
 * /metrics) and the rows of each subgraph's periodic_runs table. `npm run test:scale`.
 */

const PERIOD_S = 3;
const PERIOD_MS = PERIOD_S * 1000;
/** The claimed workers, by subgraph; `onStart`: it also runs once, unclaimed, as each process starts. */
const WORKERS: { subgraph: SubgraphName; worker: string; onStart: boolean }[] = [
  { subgraph: 'identity', worker: 'identity.sweep', onStart: false },
  { subgraph: 'content', worker: 'content.view-marks', onStart: false },
  { subgraph: 'billing', worker: 'billing.renew', onStart: false },
  { subgraph: 'health', worker: 'health.partitions', onStart: true },
  { subgraph: 'analytics', worker: 'analytics.partitions', onStart: true },
  { subgraph: 'analytics', worker: 'analytics.cohorts', onStart: false },
];

let scale: ScaleStack | undefined;
let stack: ReplicatedStack;
let sql: postgres.Sql;

beforeAll(async () => {
  scale = await startScaleStack({
    name: 'fitness_periodic',
    basePort: 5100,
    env: { WORKER_INTERVALS: WORKERS.map((w) => `${w.worker}=${PERIOD_S}`).join(',') },
  });
  ({ stack, sql } = scale);
}, 300_000);

afterAll(async () => {
  await scale?.stop();
}, 60_000);

/** How many runs of `worker` this process made, failed or not, from its /metrics. */
async function runsCounted(process: ServiceProcess, worker: string): Promise<number> {
  const text = await (await fetch(`${process.url}/metrics`)).text();
  let total = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith('worker_run_duration_seconds_count{') && line.includes(`worker="${worker}"`)) {
      total += Number(line.slice(line.lastIndexOf(' ') + 1));
    }
  }
  return total;
}

type RunRow = {
  replica: string;
  period_start: Date;
  started_at: Date;
  finished: boolean;
  outcome: string | null;
};
const runRows = (subgraph: SubgraphName, worker: string) =>
  sql<RunRow[]>`
    select replica, period_start, started_at, finished_at is not null as finished, outcome
    from ${sql(subgraph)}.periodic_runs where task = ${worker} order by period_start`;

/** The pid in a periodic_runs row's `<host>:<pid>`. */
const pidOf = (row: RunRow) => Number(row.replica.slice(row.replica.lastIndexOf(':') + 1));

describe('scheduled workers with two replicas of every subgraph', () => {
  it('run each period once across the replicas: the runs the processes count are the rows claimed', async () => {
    // Five periods or so, so both replicas had their chances.
    await new Promise((resolve) => setTimeout(resolve, 5 * PERIOD_MS));
    for (const { subgraph, worker, onStart } of WORKERS) {
      const replicas = stack.replicasOf(subgraph);
      await eventually(
        async () => {
          const counted = (await Promise.all(replicas.map((p) => runsCounted(p, worker)))).reduce(
            (a, b) => a + b,
          );
          const rows = await runRows(subgraph, worker);
          const finished = rows.filter((row) => row.finished);
          // A run in flight is counted by its process before its row is marked finished: retried.
          expect(counted, worker).toBe(finished.length + (onStart ? replicas.length : 0));
          expect(finished.every((row) => row.outcome === 'ok')).toBe(true);
        },
        20_000,
        250,
      );
      const rows = await runRows(subgraph, worker);
      const periods = rows.map((row) => new Date(row.period_start).getTime());
      expect(new Set(periods).size).toBe(periods.length);
      expect(periods.every((start) => start % PERIOD_MS === 0)).toBe(true);
      // Every period since the first is run (a tick delayed past its whole period by a loaded
      // machine may skip one, hence the slack); never more runs than periods.
      const span = (periods.at(-1)! - periods[0]!) / PERIOD_MS + 1;
      expect(rows.length, worker).toBeGreaterThanOrEqual(Math.max(3, span - 2));
      expect(rows.length).toBeLessThanOrEqual(span);
      // Both replicas run them: the claim goes to whichever ticks first.
      const pids = new Set(replicas.map((p) => p.child.pid));
      expect(rows.every((row) => pids.has(pidOf(row)))).toBe(true);
    }
  }, 120_000);

  it('go on in the other replica within two periods when the one that ran the last period is killed', async () => {
    // Per subgraph, the replica that ran its first worker's last period: the one to lose.
    const victims = new Map<SubgraphName, ServiceProcess>();
    for (const { subgraph, worker } of WORKERS) {
      if (victims.has(subgraph)) continue;
      const last = (await runRows(subgraph, worker)).at(-1)!;
      const holder = stack.replicasOf(subgraph).find((p) => p.child.pid === pidOf(last));
      expect(holder, `${worker} last ran in ${last.replica}`).toBeDefined();
      victims.set(subgraph, holder!);
    }
    await Promise.all([...victims.values()].map((victim) => stack.kill(victim)));
    const killedAt = Date.now();

    const takeovers: Record<string, number> = {};
    for (const { subgraph, worker } of WORKERS) {
      const survivor = stack.replicasOf(subgraph).find((p) => p !== victims.get(subgraph))!;
      const after = await eventually(
        async () => {
          const rows = (await runRows(subgraph, worker)).filter(
            (row) => new Date(row.started_at).getTime() > killedAt,
          );
          expect(rows.length, worker).toBeGreaterThanOrEqual(2);
          // The latest may still be running.
          expect(rows.every((row) => row.finished)).toBe(true);
          return rows;
        },
        6 * PERIOD_MS + 10_000,
        250,
      );
      expect(after.every((row) => pidOf(row) === survivor.child.pid)).toBe(true);
      expect(after.every((row) => row.outcome === 'ok')).toBe(true);
      takeovers[worker] = new Date(after[0]!.started_at).getTime() - killedAt;
    }
    console.log('periodic takeover after the kill (ms):', takeovers);
    // The next period's start plus the claim's jitter, with room for a loaded machine.
    for (const [worker, ms] of Object.entries(takeovers)) {
      expect(ms, worker).toBeLessThan(2 * PERIOD_MS + 2000);
    }
  }, 120_000);
});
