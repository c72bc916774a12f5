import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { IDENTITY_HEADER } from '../../kit/identity-header.js';
import {
  type BenchEnvironment,
  type BenchUser,
  postJson,
  type BaselineStack,
  startBaselineStack,
  unsupportedReason,
} from './environment.js';
import { startHiveGateway } from './hive.js';
import type { LoadConfig, LoadResult } from './load.js';
import { type Child, cpuMs, freePort, ROOT, sampleRss, tsNode, untilQuiet } from './processes.js';
import { newestProfile, phaseSummary, profileOf, summarise } from './profile-summary.js';
import type { Benchmark, BenchContext, BenchResult, Cell, Ratio } from './report.js';
import { fillRequest, fillUser } from './variables.js';

export interface BenchOperation {
  name: string;
  kind: 'single-subgraph' | 'cross-subgraph' | 'deep-nested' | 'mutation';
  direct?: string;
  query: string;
  variables: Record<string, unknown>;
}

export function loadOperations(): BenchOperation[] {
  return parseYaml(readFileSync(`${ROOT}scripts/bench/operations.yaml`, 'utf8')) as BenchOperation[];
}

type Target = 'ours' | 'baseline' | 'hive' | 'hive-router' | 'direct';

/** The peer at its best: Hive Gateway with JIT-compiled documents, and with its Rust query planner. */
const HIVE_TARGETS = { hive: 'Hive Gateway (JIT)', 'hive-router': 'Hive Gateway (Rust planner)' } as const;
type HiveTarget = keyof typeof HIVE_TARGETS;
const isHive = (target: Target): target is HiveTarget => target in HIVE_TARGETS;

/** The goals the throughput figures are held to (printed with each figure). */
export const THROUGHPUT_GOALS = {
  /** Ours over the faster Hive target, per operation, requests/s. */
  oursOverBestHive: { op: '>=', target: 1.5 },
  /** Ours over the subgraph asked directly, `me` (the gateway's own overhead). */
  oursOverDirectMe: { op: '>=', target: 0.85 },
  /** Our gateway's peak RSS under load, MB. */
  peakRssMb: { op: '<=', target: 200 },
  /**
   * Against `--baseline` (main before the subgraph work, a470cb0), on the operations whose
   * subgraph cost per request was to be halved: requests/s, and the subgraphs' CPU per request.
   */
  oursOverBaselineRps: { op: '>=', target: 1.8 },
  oursOverBaselineSubgraphCpu: { op: '<=', target: 0.5 },
} as const;

/** The operations the subgraph-cost goals against `--baseline` apply to. */
export const SUBGRAPH_COST_OPERATIONS = ['dashboard', 'trainerPlans'];

type CostFigures = Pick<Run, 'rps' | 'serverCpuMsPerRequest' | 'subgraphCpuMsPerRequest'>;

/**
 * Ours against the `--baseline` stack on one operation: requests/s, gateway and subgraph CPU per
 * request, with the subgraph-cost goals on the operations they name.
 */
export function baselineRatios(
  operation: string,
  ours: CostFigures,
  baseline: CostFigures,
  ref: string,
): Ratio[] {
  const costGoal = SUBGRAPH_COST_OPERATIONS.includes(operation);
  const ratios: Ratio[] = [
    {
      label: `${operation}: ours / baseline (${ref}) rps`,
      value: ours.rps / baseline.rps,
      ...(costGoal ? { goal: THROUGHPUT_GOALS.oursOverBaselineRps } : {}),
    },
  ];
  if (ours.serverCpuMsPerRequest && baseline.serverCpuMsPerRequest) {
    ratios.push({
      label: `${operation}: baseline / ours gateway CPU per request`,
      value: baseline.serverCpuMsPerRequest / ours.serverCpuMsPerRequest,
    });
  }
  if (ours.subgraphCpuMsPerRequest && baseline.subgraphCpuMsPerRequest) {
    ratios.push({
      label: `${operation}: ours / baseline subgraph CPU per request`,
      value: ours.subgraphCpuMsPerRequest / baseline.subgraphCpuMsPerRequest,
      ...(costGoal ? { goal: THROUGHPUT_GOALS.oursOverBaselineSubgraphCpu } : {}),
    });
  }
  return ratios;
}

/** The faster of the Hive targets measured on an operation, or null when none ran. */
export function bestHive(
  results: Partial<Record<string, { rps: number }>>,
): { target: HiveTarget; rps: number } | null {
  let best: { target: HiveTarget; rps: number } | null = null;
  for (const target of Object.keys(HIVE_TARGETS) as HiveTarget[]) {
    const rps = results[target]?.rps;
    if (rps !== undefined && rps > 0 && (!best || rps > best.rps)) best = { target, rps };
  }
  return best;
}

interface Run extends LoadResult {
  peakRssMb: number | null;
  /** Our gateway's own split of its resident memory at the run's highest sample (serve.ts --memory-log). */
  memoryAtPeak: string | null;
  /** CPU ms the server under test spent per request (robust to other load on the machine). */
  serverCpuMsPerRequest: number | null;
  /** CPU ms all subgraph processes spent per request. */
  subgraphCpuMsPerRequest: number | null;
  /** The same, per subgraph process (which subgraph an operation spends its time in). */
  subgraphCpuMsPerRequestByName: Record<string, number>;
}

let runCounter = 0;

/** Unmeasured load on each operation before its first measured run (see the loop below). */
const SUBGRAPH_WARMUP_SECONDS = 5;

/** The memory log line with the highest RSS since `since`, as "rss = V8 heap (spaces) + external + rest". */
function peakSample(path: string, since: number): string | null {
  let lines: {
    t: number;
    rss: number;
    heapTotal: number;
    external: number;
    spaces: Record<string, number>;
  }[];
  try {
    lines = readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .filter((line) => line.t >= since);
  } catch {
    return null;
  }
  const top = lines.reduce<(typeof lines)[number] | null>((a, b) => (a && a.rss >= b.rss ? a : b), null);
  if (!top) return null;
  const space = (name: string) => top.spaces[name] ?? 0;
  const rest = top.rss - top.heapTotal - top.external;
  return (
    `RSS ${top.rss} MB = V8 heap ${top.heapTotal} (new ${space('new_space')}, old ${space('old_space')}, ` +
    `code ${space('code_space')}, large objects ${space('large_object_space')}) + external ${top.external} + ` +
    `rest ${rest.toFixed(1)} (node binary, native libraries, stacks, malloc)`
  );
}

/** Runs the load generator in its own process against one URL and samples the server's memory. */
async function drive(
  context: BenchContext,
  environment: BenchEnvironment,
  operation: BenchOperation,
  url: string,
  auth: LoadConfig['auth'],
  serverPid: number | null,
  timing: { duration: number; warmup: number } = context.options,
  /** The subgraph processes behind the server (a baseline stack has its own). */
  subgraphs: Record<string, Child> = environment.subgraphs,
): Promise<Run> {
  const config: LoadConfig = {
    url,
    duration: timing.duration,
    warmup: timing.warmup,
    connections: context.options.connections,
    query: operation.query,
    variables: operation.variables,
    auth,
    identityHeaderName: IDENTITY_HEADER,
    users: environment.users,
  };
  mkdirSync(`${ROOT}.bench/tmp`, { recursive: true });
  const path = `${ROOT}.bench/tmp/load-${process.pid}-${runCounter++}.json`;
  writeFileSync(path, JSON.stringify(config));
  const [command, args] = tsNode('scripts/bench/load.ts', [path]);
  const profiling = context.options.profile && serverPid === environment.gateway.pid;
  const startedAt = Date.now();
  const subgraphPids = Object.entries(subgraphs).map(([name, child]) => [name, child.pid] as const);
  // The subgraphs are profiled over the same run (started with --profile-dir, like the gateway).
  if (profiling)
    for (const pid of [environment.gateway.pid, ...subgraphPids.map(([, pid]) => pid)])
      process.kill(pid, 'SIGUSR2');
  const memory = serverPid ? sampleRss(serverPid) : null;
  const serverCpuBefore = serverPid ? cpuMs(serverPid) : 0;
  const subgraphCpuBefore = subgraphPids.map(([, pid]) => cpuMs(pid));
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: string[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', () => resolve(chunks.join('')));
  });
  const peak = memory?.stop().peakMb ?? null;
  const memoryAtPeak =
    serverPid === environment.gateway.pid ? peakSample(environment.gatewayMemoryLog, startedAt) : null;
  const serverCpu = serverPid ? cpuMs(serverPid) - serverCpuBefore : null;
  const subgraphCpuByName = Object.fromEntries(
    subgraphPids.map(([name, pid], i) => [name, cpuMs(pid) - (subgraphCpuBefore[i] ?? 0)]),
  );
  if (profiling) {
    for (const pid of [environment.gateway.pid, ...subgraphPids.map(([, pid]) => pid)])
      process.kill(pid, 'SIGUSR2');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const newest = profileOf(environment.gateway.pid) ?? newestProfile();
    if (newest) context.log(`\n${summarise(newest, 30)}`);
    // Where each busy subgraph's milliseconds per request go, by phase of the request.
    const served =
      (JSON.parse(/RESULT (.*)$/m.exec(output)?.[1] ?? '{}').requests ?? 0) *
      (1 + timing.warmup / timing.duration);
    for (const [name, pid] of subgraphPids) {
      const path = profileOf(pid);
      const ms = subgraphCpuByName[name] ?? 0;
      if (!path || served === 0 || ms / served < 0.05) continue;
      context.log(
        `\n${operation.name}, subgraph ${name}: ${(ms / served).toFixed(2)} CPU ms/request\n${phaseSummary(path, ms / served)}\n${summarise(path, 20)}`,
      );
    }
  }
  const subgraphCpu = Object.values(subgraphCpuByName).reduce((total, ms) => total + ms, 0);
  const match = /RESULT (.*)$/m.exec(output);
  if (!match) throw new Error(`load generator printed no result: ${output.slice(-2000)}`);
  const result = JSON.parse(match[1] ?? '{}') as LoadResult;
  // Warm-up requests are not in the total but did use CPU; count them at the measured rate.
  const served = result.requests * (1 + timing.warmup / timing.duration);
  return {
    ...result,
    peakRssMb: peak,
    memoryAtPeak,
    serverCpuMsPerRequest: serverCpu === null || served === 0 ? null : serverCpu / served,
    subgraphCpuMsPerRequest: served === 0 ? null : subgraphCpu / served,
    subgraphCpuMsPerRequestByName: Object.fromEntries(
      Object.entries(subgraphCpuByName)
        .filter(([, ms]) => ms > 0)
        .map(([name, ms]) => [name, served === 0 ? 0 : ms / served]),
    ),
  };
}

/**
 * One request up front, so a broken operation is reported as such rather than measured: GraphQL
 * errors, no data, or an empty list anywhere in the answer (every list the operations select is
 * seeded for the benchmark users, so an empty one means the operation measures nothing).
 */
async function probe(
  url: string,
  operation: BenchOperation,
  headers: Record<string, string>,
  user: BenchUser,
  seq = 0,
): Promise<string | null> {
  const variables = JSON.parse(fillRequest(fillUser(JSON.stringify(operation.variables), user), seq));
  try {
    const body = await postJson(url, { query: operation.query, variables }, headers);
    if (body.errors?.length) return JSON.stringify(body.errors).slice(0, 300);
    if (!body.data) return 'no data';
    const text = JSON.stringify(body.data);
    if (text.includes('[]') || text.includes(':null'))
      return `empty or null in the answer: ${text.slice(0, 300)}`;
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

async function prime(url: string, operation: BenchOperation, environment: BenchEnvironment) {
  let next = 0;
  const worker = async () => {
    while (next < environment.users.length) {
      const user = environment.users[next++]!;
      await probe(url, operation, { authorization: `Bearer ${user.token}` }, user, 1_000_000 + next);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

/**
 * The baseline's own stack, started and then left until its subgraphs are quiet, as ours is
 * (startEnvironment): measured in the middle of its workers' first passes it would look slower.
 */
async function startBaseline(context: BenchContext, environment: BenchEnvironment): Promise<BaselineStack> {
  const stack = await startBaselineStack(context.options.baseline ?? 'HEAD', environment.serverEnv);
  context.log(`baseline ${stack.gateway.name} and its own subgraphs started; waiting for them to go quiet`);
  await untilQuiet(Object.values(stack.subgraphs).map((child) => child.pid));
  return stack;
}

export const throughputBenchmark: Benchmark = {
  name: 'throughput',
  title: 'Gateway throughput',
  async run(context) {
    const operations = loadOperations().filter(
      (op) => !context.options.operations || context.options.operations.includes(op.name),
    );
    const targets = (
      context.options.targets ?? [
        'ours',
        ...(context.options.baseline ? ['baseline'] : []),
        'hive',
        'hive-router',
        'direct',
      ]
    ).filter((target) => target !== 'baseline' || context.options.baseline) as Target[];
    const environment = await context.environment();
    const hives: Partial<Record<HiveTarget, Child & { url: string }>> = {};
    let baseline: BaselineStack | null = null;
    const rows: Cell[][] = [];
    const ratios: Ratio[] = [];
    const notes: string[] = [
      `${context.options.connections} connections, ${context.options.duration}s per run after ${context.options.warmup}s warm-up, ${environment.users.length} users rotating (each request its own viewer and variables)`,
      'load generator (autocannon) in its own process; each subgraph and each gateway in its own process',
    ];
    const skippedOps: string[] = [];
    let oursPeak = 0;
    const hivePeaks: Partial<Record<HiveTarget, number>> = {};

    try {
      for (const operation of operations) {
        const reason = unsupportedReason(operation.query);
        if (reason) {
          skippedOps.push(
            `${operation.name} (${operation.kind}): skipped, the supergraph cannot run it yet: ${reason}`,
          );
          continue;
        }
        const user = environment.users[0]!;
        const results: Partial<Record<Target, Run>> = {};
        // The first target on an operation would otherwise pay for the subgraphs' JIT compilation
        // of its code paths and for cold PostgreSQL buffers: load it through our gateway first,
        // unmeasured.
        if (
          !(await probe(environment.gatewayUrl, operation, { authorization: `Bearer ${user.token}` }, user))
        ) {
          await prime(environment.gatewayUrl, operation, environment);
          context.log(`warming the subgraphs up for ${operation.name}`);
          await drive(context, environment, operation, environment.gatewayUrl, 'bearer', null, {
            duration: SUBGRAPH_WARMUP_SECONDS,
            warmup: 0,
          });
        }
        for (const target of targets) {
          if (target === 'direct' && !operation.direct) continue;
          let url: string;
          let pid: number | null;
          let auth: LoadConfig['auth'] = 'bearer';
          if (target === 'ours') {
            url = environment.gatewayUrl;
            pid = environment.gateway.pid;
          } else if (target === 'baseline') {
            baseline ??= await startBaseline(context, environment);
            url = baseline.gateway.ready.url;
            pid = baseline.gateway.pid;
          } else if (isHive(target)) {
            // One Hive Gateway at a time: both on two shared cores would take CPU from each other.
            for (const [other, running] of Object.entries(hives)) {
              if (other === target || !running) continue;
              await running.stop();
              delete hives[other as HiveTarget];
            }
            hives[target] ??= await startHiveGateway({
              subgraphUrls: environment.subgraphUrls,
              secret: environment.secret,
              port: await freePort(),
              log: context.log,
              router: target === 'hive-router',
            });
            const hive = hives[target];
            url = hive.url;
            pid = hive.pid;
          } else {
            const subgraph = environment.subgraphs[operation.direct ?? ''];
            if (!subgraph) continue;
            url = subgraph.ready.url;
            pid = subgraph.pid;
            auth = 'identity';
          }
          const headers: Record<string, string> =
            auth === 'bearer'
              ? { authorization: `Bearer ${user.token}` }
              : { [IDENTITY_HEADER]: user.identityHeader };
          const problem = await probe(url, operation, headers, user);
          if (problem) {
            rows.push([
              operation.name,
              target,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              `probe failed: ${problem}`,
            ]);
            continue;
          }
          if (auth === 'bearer') {
            // Every user once before the clock starts: session lookups are cached by both gateways
            // (60 s), and a short run would otherwise mostly measure cold sessions.
            await prime(url, operation, environment);
          }
          const subgraphs = target === 'baseline' && baseline ? baseline.subgraphs : environment.subgraphs;
          if (target === 'baseline') {
            // The baseline's own subgraphs are as cold as ours were before their warm-up.
            context.log(`warming the baseline's subgraphs up for ${operation.name}`);
            await drive(
              context,
              environment,
              operation,
              url,
              auth,
              null,
              {
                duration: SUBGRAPH_WARMUP_SECONDS,
                warmup: 0,
              },
              subgraphs,
            );
          }
          context.log(`throughput ${operation.name} via ${target}`);
          const run = await drive(
            context,
            environment,
            operation,
            url,
            auth,
            pid,
            context.options,
            subgraphs,
          );
          results[target] = run;
          if (target !== 'direct') {
            const byName = Object.entries(run.subgraphCpuMsPerRequestByName)
              .sort(([, a], [, b]) => b - a)
              .map(([name, ms]) => `${name} ${ms.toFixed(2)}`)
              .join(', ');
            notes.push(`${operation.name} via ${target}: subgraph CPU ms/req ${byName}`);
          }
          if (run.memoryAtPeak) notes.push(`${operation.name} via ours, at peak: ${run.memoryAtPeak}`);
          if (target === 'ours') oursPeak = Math.max(oursPeak, run.peakRssMb ?? 0);
          if (isHive(target)) hivePeaks[target] = Math.max(hivePeaks[target] ?? 0, run.peakRssMb ?? 0);
          const failures = run.non2xx + run.errors + run.timeouts + run.graphqlErrors;
          rows.push([
            operation.name,
            target,
            run.rps,
            run.p50Ms,
            run.p99Ms,
            run.serverCpuMsPerRequest,
            target === 'direct' ? null : run.subgraphCpuMsPerRequest,
            run.peakRssMb,
            failures,
            failures > 0 ? (run.sampleError ?? `${run.non2xx} non-2xx, ${run.errors} socket errors`) : '',
          ]);
        }
        const best = bestHive(results);
        if (results.ours && best) {
          for (const target of Object.keys(HIVE_TARGETS) as HiveTarget[]) {
            const run = results[target];
            if (!run || run.rps <= 0 || target === best.target) continue;
            ratios.push({
              label: `${operation.name}: ours / ${HIVE_TARGETS[target]} rps`,
              value: results.ours.rps / run.rps,
            });
          }
          ratios.push({
            label: `${operation.name}: ours / best Hive (${HIVE_TARGETS[best.target]}) rps`,
            value: results.ours.rps / best.rps,
            goal: THROUGHPUT_GOALS.oursOverBestHive,
          });
        }
        if (results.ours && results.baseline) {
          ratios.push(
            ...baselineRatios(operation.name, results.ours, results.baseline, context.options.baseline ?? ''),
          );
        }
        for (const target of Object.keys(HIVE_TARGETS) as HiveTarget[]) {
          const run = results[target];
          if (results.ours?.serverCpuMsPerRequest && run?.serverCpuMsPerRequest) {
            ratios.push({
              label: `${operation.name}: ${HIVE_TARGETS[target]} / ours gateway CPU per request`,
              value: run.serverCpuMsPerRequest / results.ours.serverCpuMsPerRequest,
              note: 'the rps ratio a gateway-bound run would show, measured without the noise of a shared machine',
            });
          }
        }
        if (results.ours && results.direct && operation.kind === 'single-subgraph') {
          ratios.push({
            label: `${operation.name}: ours / direct subgraph rps`,
            value: results.ours.rps / results.direct.rps,
            ...(operation.name === 'me' ? { goal: THROUGHPUT_GOALS.oursOverDirectMe } : {}),
          });
        }
        for (const target of Object.keys(HIVE_TARGETS) as HiveTarget[]) {
          const run = results[target];
          if (run && results.direct && operation.kind === 'single-subgraph') {
            ratios.push({
              label: `${operation.name}: ${HIVE_TARGETS[target]} / direct subgraph rps`,
              value: run.rps / results.direct.rps,
            });
          }
        }
      }
    } finally {
      for (const running of Object.values(hives)) await running?.stop();
      await baseline?.stop();
    }
    if (oursPeak > 0) {
      ratios.push({
        label: 'our gateway peak RSS (MB) under load',
        value: oursPeak,
        goal: THROUGHPUT_GOALS.peakRssMb,
      });
    }
    for (const [target, peak] of Object.entries(hivePeaks)) {
      if (peak > 0) {
        ratios.push({ label: `${HIVE_TARGETS[target as HiveTarget]} peak RSS (MB) under load`, value: peak });
      }
    }
    notes.push(...skippedOps);
    const result: BenchResult = {
      name: 'throughput',
      title: 'Gateway throughput (requests/s, latency ms, server RSS MB)',
      columns: [
        'operation',
        'target',
        'req/s',
        'p50 ms',
        'p99 ms',
        'server CPU ms/req',
        'subgraphs CPU ms/req',
        'peak RSS MB',
        'failures',
        'first failure',
      ],
      rows,
      ratios,
      notes,
    };
    return result;
  },
};
