import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { loadEnv } from '../../kit/env.js';
import { BENCHMARKS } from './benchmarks.js';
import { type BenchEnvironment, scaleDatabaseUrl, startEnvironment } from './environment.js';
import { ROOT } from './processes.js';
import { type BenchContext, type BenchResult, goalSummary, markdownResult, printResult } from './report.js';

/**
 * `npm run bench [-- --only statements,throughput --duration 10 --connections 32 --users 200
 *   --operations me,updateProfile --targets ours,baseline,hive,hive-router,direct --baseline <git ref> --profile
 *   --subscribers 2000 --event-rate 100 --event-seconds 30]`
 * Runs against DATABASE_URL, or the local fitness_scale database (created and migrated if
 * missing). Prints each benchmark's table and ratios; writes .bench/results/latest.{md,json}.
 */
const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '32' },
    users: { type: 'string', default: '200' },
    operations: { type: 'string' },
    targets: { type: 'string' },
    profile: { type: 'boolean', default: false },
    baseline: { type: 'string' },
    subscribers: { type: 'string', default: '2000' },
    'event-rate': { type: 'string', default: '100' },
    'event-seconds': { type: 'string', default: '30' },
  },
});
const list = (value: string | undefined) => (value ? value.split(',').map((s) => s.trim()) : null);

const env = loadEnv();
const log = (message: string) =>
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
let environment: Promise<BenchEnvironment> | null = null;
const context: BenchContext = {
  options: {
    duration: Number(values.duration),
    warmup: Number(values.warmup),
    connections: Number(values.connections),
    users: Number(values.users),
    operations: list(values.operations),
    targets: list(values.targets),
    profile: values.profile ?? false,
    baseline: values.baseline ?? null,
    subscribers: Number(values.subscribers),
    eventsPerSecond: Number(values['event-rate']),
    eventSeconds: Number(values['event-seconds']),
  },
  environment: () => {
    environment ??= startEnvironment(env, {
      userCount: Number(values.users),
      log,
      profile: values.profile ?? false,
    });
    return environment;
  },
  log,
};

async function postgresVersion(): Promise<string> {
  const server = new URL(scaleDatabaseUrl(env));
  server.pathname = '/postgres';
  const client = postgres(server.toString(), { max: 1, onnotice: () => {} });
  try {
    const [row] = await client`show server_version`;
    return `PostgreSQL ${row?.server_version}`;
  } catch {
    return 'PostgreSQL (not reachable)';
  } finally {
    await client.end();
  }
}

const only = list(values.only);
const machine = `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}, ${await postgresVersion()}`;
const header = [
  `date: ${new Date().toISOString()}`,
  `machine: ${machine}`,
  `load average at start: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
  `command: npm run bench -- ${process.argv.slice(2).join(' ')}`.trimEnd(),
];
console.log(header.join('\n'));

const results: BenchResult[] = [];
try {
  for (const benchmark of BENCHMARKS) {
    if (only && !only.includes(benchmark.name)) continue;
    log(`running ${benchmark.name}`);
    try {
      const outcome = await benchmark.run(context);
      for (const result of Array.isArray(outcome) ? outcome : [outcome]) {
        results.push(result);
        printResult(result);
      }
    } catch (error) {
      const failed: BenchResult = {
        name: benchmark.name,
        title: benchmark.title,
        columns: [],
        rows: [],
        ratios: [],
        notes: [],
        skipped: `failed: ${(error as Error).stack ?? error}`,
      };
      results.push(failed);
      printResult(failed);
    }
  }
} finally {
  const started = environment as Promise<BenchEnvironment> | null;
  if (started) await (await started.catch(() => null))?.stop();
}

const goals = goalSummary(results);
if (goals.length > 0) console.log(`\n## Goals\n${goals.map((line) => `  ${line}`).join('\n')}`);
mkdirSync(`${ROOT}.bench/results`, { recursive: true });
const markdown = [
  ...header.map((line) => `- ${line}`),
  '',
  ...results.map(markdownResult),
  ...(goals.length > 0 ? ['### Goals', '', ...goals.map((line) => `- ${line}`), ''] : []),
].join('\n');
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
writeFileSync(`${ROOT}.bench/results/${stamp}.md`, markdown);
writeFileSync(`${ROOT}.bench/results/latest.md`, markdown);
writeFileSync(`${ROOT}.bench/results/latest.json`, JSON.stringify({ header, results }, null, 2));
log('results written to .bench/results/latest.md');
process.exit(0);
