import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { type Child, ROOT, startChild } from './processes.js';

/** The peer gateway, pinned; installed on first use into a folder of its own, never the project's dependencies. */
export const HIVE_GATEWAY_VERSION = '2.15.1';
export const HIVE_DIR = `${ROOT}.bench/hive`;
const BIN = `${HIVE_DIR}/node_modules/@graphql-hive/gateway/package.json`;

export function ensureHiveGateway(log: (message: string) => void): void {
  if (existsSync(BIN)) {
    const installed = JSON.parse(readFileSync(BIN, 'utf8')).version;
    if (installed === HIVE_GATEWAY_VERSION) return;
  }
  log(`installing @graphql-hive/gateway@${HIVE_GATEWAY_VERSION} into .bench/hive (first use, ~700 MB)`);
  mkdirSync(HIVE_DIR, { recursive: true });
  if (!existsSync(`${HIVE_DIR}/package.json`)) {
    writeFileSync(`${HIVE_DIR}/package.json`, JSON.stringify({ name: 'bench-hive', private: true }, null, 2));
  }
  const result = spawnSync(
    'npm',
    [
      'install',
      '--prefix',
      HIVE_DIR,
      '--no-audit',
      '--no-fund',
      '--save-exact',
      `@graphql-hive/gateway@${HIVE_GATEWAY_VERSION}`,
    ],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error('installing @graphql-hive/gateway failed');
}

/**
 * The committed supergraph names placeholder URLs (http://<name>.subgraph.local/graphql) that our
 * gateway routes itself; Hive Gateway reads URLs from the supergraph, so it gets a copy with the
 * real addresses.
 */
export function writeHiveSupergraph(subgraphUrls: Record<string, string>): string {
  let sdl = readFileSync(`${ROOT}schema/supergraph.graphql`, 'utf8');
  for (const [name, url] of Object.entries(subgraphUrls)) {
    sdl = sdl.replaceAll(`http://${name}.subgraph.local/graphql`, url);
  }
  const path = `${HIVE_DIR}/supergraph.graphql`;
  writeFileSync(path, sdl);
  return path;
}

export async function startHiveGateway(options: {
  subgraphUrls: Record<string, string>;
  secret: string;
  port: number;
  log: (message: string) => void;
  /** Serve graphql-ws on /graphql (the subscription benchmark); off for the HTTP benchmarks. */
  websockets?: boolean;
}): Promise<Child & { url: string }> {
  ensureHiveGateway(options.log);
  const supergraph = writeHiveSupergraph(options.subgraphUrls);
  copyFileSync(`${ROOT}scripts/bench/hive-gateway.config.mjs`, `${HIVE_DIR}/gateway.config.mjs`);
  const identityUrl = options.subgraphUrls.identity;
  if (!identityUrl) throw new Error('the identity subgraph is required');
  const bin = `${HIVE_DIR}/node_modules/@graphql-hive/gateway/dist/bin.js`;
  // Its fastest documented settings: JIT-compiled documents; one process like ours (--fork 1 is
  // the default outside production; NODE_ENV=production would fork a worker per core).
  const child = await startChild(
    'hive gateway',
    process.execPath,
    [
      bin,
      'supergraph',
      supergraph,
      '--jit',
      '--fork',
      '1',
      '--host',
      '127.0.0.1',
      '--port',
      String(options.port),
      '--config-path',
      `${HIVE_DIR}/gateway.config.mjs`,
      ...(options.websockets ? [] : ['--disable-websockets']),
    ],
    {
      cwd: HIVE_DIR,
      env: {
        NODE_ENV: 'production',
        BENCH_IDENTITY_SECRET: options.secret,
        BENCH_IDENTITY_URL: identityUrl,
        FORK: '1',
      },
      readyPattern: /Listening on|Serving/i,
      timeoutMs: 120_000,
    },
  );
  return { ...child, url: `http://127.0.0.1:${options.port}/graphql` };
}
