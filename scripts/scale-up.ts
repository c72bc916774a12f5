import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import postgres from 'postgres';
import { loadEnv } from '../kit/env.js';
import { onShutdown } from '../kit/process.js';
import { createLogger } from '../kit/log.js';
import { startReplicatedStack } from '../stack/replicated-stack.js';
import { buildJavaScript, PROCESS_ENTRIES } from './build.js';

/**
 * `npm run scale:up`: two gateways and two replicas of every subgraph behind HAProxy on this
 * machine (stack/replicated-stack.ts, compiled first by scripts/build.ts), on DATABASE_URL (default: the local server's
 * `fitness_scale` database, created when missing) and REDIS_URL (default: the local Redis).
 * Ctrl-C stops every process it started.
 */
const env = loadEnv({
  ...process.env,
  DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/fitness_scale',
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
});
const databaseUrl = env.DATABASE_URL!;
const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
const adminUrl = new URL(databaseUrl);
adminUrl.pathname = '/postgres';
const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
try {
  const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
  if (!exists) await admin.unsafe(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
} finally {
  await admin.end();
}
const workDir = '.data/scale';
mkdirSync(workDir, { recursive: true });
// Plain JavaScript starts fourteen processes in a fraction of tsx's time and memory.
const distDir = resolve(workDir, 'dist');
buildJavaScript(PROCESS_ENTRIES, distDir);
const stack = await startReplicatedStack({
  databaseUrl,
  redisUrl: env.REDIS_URL!,
  workDir,
  distDir,
  redisPrefix: 'scale:',
});
console.log(
  [
    '',
    `Replicated supergraph is up: ${stack.gatewayUrl} (HAProxy)`,
    ...stack.processes.map((p) => `  ${`${p.service} #${p.replica + 1}`.padEnd(14)} ${p.url}`),
    `  logs and haproxy.cfg in ${workDir}/`,
    '',
  ].join('\n'),
);
onShutdown(createLogger({ level: env.LOG_LEVEL }), [() => stack.stop()]);
