import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { type Child, ROOT, startChild } from './processes.js';

/** The peer gateway, pinned; installed on first use into a folder of its own, never the project's dependencies. */
export const HIVE_GATEWAY_VERSION = '2.15.1';
/**
 * Hive Gateway's Rust query planner (Hive Router's planner as a native addon, with its own
 * executor), pinned with the gateway; `--hive-router-runtime` switches the gateway to it.
 */
export const HIVE_ROUTER_RUNTIME_VERSION = '1.4.23';
const PACKAGES = {
  '@graphql-hive/gateway': HIVE_GATEWAY_VERSION,
  '@graphql-hive/router-runtime': HIVE_ROUTER_RUNTIME_VERSION,
};
export const HIVE_DIR = `${ROOT}.bench/hive`;

function installedVersion(name: string): string | null {
  const path = `${HIVE_DIR}/node_modules/${name}/package.json`;
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')).version : null;
}

export function ensureHiveGateway(log: (message: string) => void): void {
  const wanted = Object.entries(PACKAGES).map(([name, version]) => `${name}@${version}`);
  if (Object.entries(PACKAGES).every(([name, version]) => installedVersion(name) === version)) return;
  log(`installing ${wanted.join(' and ')} into .bench/hive (first use, ~700 MB)`);
  mkdirSync(HIVE_DIR, { recursive: true });
  if (!existsSync(`${HIVE_DIR}/package.json`)) {
    writeFileSync(`${HIVE_DIR}/package.json`, JSON.stringify({ name: 'bench-hive', private: true }, null, 2));
  }
  const result = spawnSync(
    'npm',
    ['install', '--prefix', HIVE_DIR, '--no-audit', '--no-fund', '--save-exact', ...wanted],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error(`installing ${wanted.join(', ')} failed`);
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
  /** The Rust query planner (`@graphql-hive/router-runtime`) instead of the JavaScript one with JIT. */
  router?: boolean;
  /** Serve graphql-ws on /graphql (the subscription benchmark); off for the HTTP benchmarks. */
  websockets?: boolean;
}): Promise<Child & { url: string }> {
  ensureHiveGateway(options.log);
  const supergraph = writeHiveSupergraph(options.subgraphUrls);
  copyFileSync(`${ROOT}scripts/bench/hive-gateway.config.mjs`, `${HIVE_DIR}/gateway.config.mjs`);
  const identityUrl = options.subgraphUrls.identity;
  if (!identityUrl) throw new Error('the identity subgraph is required');
  const bin = `${HIVE_DIR}/node_modules/@graphql-hive/gateway/dist/bin.js`;
  // Its fastest documented settings, one process like ours (NODE_ENV=production would otherwise
  // fork a worker per core): JIT-compiled documents with the JavaScript planner, or the Rust
  // query planner and its executor (`--hive-router-runtime`), where --jit does not apply.
  const child = await startChild(
    options.router ? 'hive gateway (router runtime)' : 'hive gateway',
    process.execPath,
    [
      bin,
      'supergraph',
      supergraph,
      ...(options.router ? ['--hive-router-runtime'] : ['--jit']),
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
