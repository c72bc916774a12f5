import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDatabase } from '../kit/db.js';
import { migrateSubgraphs } from '../kit/migrate.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../schema/subgraphs.js';

/**
 * The platform as several processes of each service on one machine: N gateways and N replicas of
 * every subgraph, each its own Node process, behind HAProxy (Debian's `haproxy`), on one
 * PostgreSQL database and one Redis. It is the shape `docker-compose.yml` describes, on loopback
 * ports, so the tests in tests/scale/ can prove that nothing assumes a single process: a viewer
 * cache shared by gateways, rate limits counted across replicas, outbox relays in every replica,
 * a replica killed mid-stream.
 *
 * Ports, from `basePort` (B): HAProxy's gateway frontend B, its subgraph frontends B+1.. (one per
 * subgraph, in SUBGRAPH_NAMES order), the gateways B+10.., the subgraph replicas B+20.. (two
 * ports per subgraph and replica index). All of them below 32768, where Linux's ephemeral ports
 * begin: a port in that range may already be the local end of some outgoing connection.
 */
export interface ReplicatedStackOptions {
  databaseUrl: string;
  redisUrl: string;
  /** Namespaces the stack's Redis keys and event stream (default: a random one). */
  redisPrefix?: string;
  replicas?: number;
  basePort?: number;
  /** Where HAProxy's configuration and every process's log go. */
  workDir: string;
  /** Extra settings for every process. */
  env?: Record<string, string>;
  /**
   * Compiled JavaScript of every entry (scripts/build.ts, PROCESS_ENTRIES), run with plain node:
   * fourteen processes start in a fraction of tsx's CPU and memory. Without it, tsx.
   */
  distDir?: string;
}

export interface ServiceProcess {
  /** `gateway` or a subgraph's name. */
  service: 'gateway' | SubgraphName;
  replica: number;
  port: number;
  url: string;
  child: ChildProcess;
  /** The file its stdout and stderr go to. */
  log: string;
}

export interface ReplicatedStack {
  /** The load balancer's GraphQL endpoint: what clients use. */
  gatewayUrl: string;
  processes: ServiceProcess[];
  /** The processes of one service, in replica order. */
  replicasOf(service: ServiceProcess['service']): ServiceProcess[];
  /** SIGKILL: a crash, no graceful shutdown. */
  kill(process: ServiceProcess): Promise<void>;
  /** Starts a killed replica again on its port. */
  restart(process: ServiceProcess): Promise<ServiceProcess>;
  stop(): Promise<void>;
}

const ROOT = new URL('../', import.meta.url).pathname;
/** Where Linux's default range of ephemeral (outgoing) ports begins. */
const EPHEMERAL_PORTS_FROM = 32_768;
const HAPROXY_CANDIDATES = ['/usr/sbin/haproxy', '/usr/bin/haproxy'];

/** HAProxy's binary, installed from Debian's packages when missing (the machine may lack it). */
export function ensureHaproxy(): string {
  const found = HAPROXY_CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  execFileSync('apt-get', ['install', '-y', 'haproxy'], { stdio: 'inherit' });
  const installed = HAPROXY_CANDIDATES.find((path) => existsSync(path));
  if (!installed) throw new Error('haproxy is not installed and apt-get could not install it');
  return installed;
}

function haproxyConfig(
  basePort: number,
  gateways: ServiceProcess[],
  subgraphs: Map<SubgraphName, ServiceProcess[]>,
): string {
  const backend = (name: string, servers: ServiceProcess[]) => [
    `backend ${name}`,
    '  balance roundrobin',
    '  option httpchk GET /health',
    // A dead replica's requests go to the other at once, not after the health check's verdict.
    '  retry-on conn-failure empty-response response-timeout',
    '  option redispatch',
    '  retries 2',
    ...servers.map(
      (s) => `  server ${s.service}${s.replica} 127.0.0.1:${s.port} check inter 500 fall 2 rise 1`,
    ),
    '',
  ];
  const lines = [
    'global',
    '  maxconn 4096',
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 60s',
    '  timeout server 60s',
    // Subscriptions: a WebSocket is a tunnel once upgraded (gateways and subgraphs alike).
    '  timeout tunnel 1h',
    '  timeout client-fin 5s',
    '  option http-keep-alive',
    '',
    'frontend gateway',
    `  bind 127.0.0.1:${basePort}`,
    // The gateways trust the proxy hops of TRUST_PROXY_HOPS: the client's address comes from here.
    '  option forwardfor',
    '  default_backend gateways',
    '',
    ...backend('gateways', gateways),
  ];
  [...subgraphs.entries()].forEach(([name, servers], index) => {
    lines.push(
      `frontend ${name}`,
      `  bind 127.0.0.1:${basePort + 1 + index}`,
      `  default_backend ${name}`,
      '',
    );
    lines.push(...backend(name, servers));
  });
  return `${lines.join('\n')}\n`;
}

/** The last lines of a process's log, for an error that says why it did not come up. */
function logTail(path: string, lines = 15): string {
  if (!existsSync(path)) return '(no log)';
  return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

/** A started process and the log file its output goes to. */
interface Watched {
  name: string;
  child: ChildProcess;
  log: string;
}

/**
 * Polls `url` until it answers 2xx. Fails at once when any of `watched` exits (the server itself,
 * or a process it depends on, such as HAProxy in front of the subgraphs), with that process's log
 * tail; a bind that failed (the port taken) surfaces here, not as a silent wait to the timeout.
 * The default timeout stays under the scale suite's hook timeout, so this error is the one seen.
 */
async function waitUntilReady(url: string, watched: Watched[], timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const exited = watched.find((w) => w.child.exitCode !== null || w.child.signalCode !== null);
    if (exited) {
      const how = exited.child.exitCode ?? exited.child.signalCode;
      throw new Error(`${url}: ${exited.name} exited (${how}); its log ends:\n${logTail(exited.log)}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const tails = watched.map((w) => `${w.name}:\n${logTail(w.log, 5)}`).join('\n');
  throw new Error(`${url} was not ready within ${timeoutMs / 1000} s; the logs end:\n${tails}`);
}

export async function startReplicatedStack(options: ReplicatedStackOptions): Promise<ReplicatedStack> {
  const replicas = options.replicas ?? 2;
  const basePort = options.basePort ?? 4400;
  const lastPort = basePort + 20 + SUBGRAPH_NAMES.length * replicas;
  if (lastPort >= EPHEMERAL_PORTS_FROM) {
    throw new Error(`ports ${basePort}-${lastPort} reach the ephemeral range (${EPHEMERAL_PORTS_FROM}+)`);
  }
  mkdirSync(options.workDir, { recursive: true });
  const haproxyBinary = ensureHaproxy();

  const database = await createDatabase({ url: options.databaseUrl, poolMax: 1 });
  try {
    await migrateSubgraphs(database, SUBGRAPH_NAMES);
  } finally {
    await database.close();
  }

  const gatewayUrl = `http://127.0.0.1:${basePort}/graphql`;
  // One deployment: every process shares the secrets, the database, the Redis namespace.
  const shared: Record<string, string> = {
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATABASE_URL: options.databaseUrl,
    DATABASE_POOL_MAX: '5',
    REDIS_URL: options.redisUrl,
    REDIS_PREFIX: options.redisPrefix ?? `scale:${randomBytes(4).toString('hex')}:`,
    IDENTITY_HEADER_SECRET: randomBytes(32).toString('base64url'),
    ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    GATEWAY_INTERNAL_URL: gatewayUrl,
    HOST: '127.0.0.1',
    // The gateways sit behind one proxy (HAProxy), whose X-Forwarded-For names the client.
    TRUST_PROXY_HOPS: '1',
    ...options.env,
  };
  const subgraphUrls = SUBGRAPH_NAMES.map(
    (name, index) => `${name}=http://127.0.0.1:${basePort + 1 + index}/graphql`,
  ).join(',');

  const launch = (service: ServiceProcess['service'], replica: number, port: number): ServiceProcess => {
    const entry = service === 'gateway' ? 'gateway/main.ts' : `subgraphs/${service}/main.ts`;
    const args = options.distDir
      ? [join(options.distDir, entry.replace(/\.ts$/, '.js'))]
      : ['--import', 'tsx', entry];
    const env: Record<string, string> =
      service === 'gateway'
        ? { ...shared, GATEWAY_PORT: String(port), SUBGRAPH_URLS: subgraphUrls }
        : { ...shared, [`${service.toUpperCase()}_PORT`]: String(port) };
    const log = join(options.workDir, `${service}-${replica}.log`);
    const logFile = openSync(log, 'a');
    // Node itself (with tsx's loader, not the tsx binary): a SIGKILL must reach the server.
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env,
      stdio: ['ignore', logFile, logFile],
    });
    return { service, replica, port, url: `http://127.0.0.1:${port}`, child, log };
  };

  const processes: ServiceProcess[] = [];
  const subgraphs = new Map<SubgraphName, ServiceProcess[]>();
  SUBGRAPH_NAMES.forEach((name, index) => {
    const started = Array.from({ length: replicas }, (_, replica) =>
      launch(name, replica, basePort + 20 + index * replicas + replica),
    );
    subgraphs.set(name, started);
    processes.push(...started);
  });
  const gateways = Array.from({ length: replicas }, (_, replica) =>
    launch('gateway', replica, basePort + 10 + replica),
  );
  processes.push(...gateways);

  const configPath = join(options.workDir, 'haproxy.cfg');
  writeFileSync(configPath, haproxyConfig(basePort, gateways, subgraphs));
  const haproxyLogPath = join(options.workDir, 'haproxy.log');
  const haproxyLog = openSync(haproxyLogPath, 'a');
  const haproxy = spawn(haproxyBinary, ['-f', configPath, '-db'], {
    stdio: ['ignore', haproxyLog, haproxyLog],
  });
  const proxy: Watched = { name: 'haproxy', child: haproxy, log: haproxyLogPath };
  const watch = (p: ServiceProcess): Watched => ({
    name: `${p.service}-${p.replica}`,
    child: p.child,
    log: p.log,
  });

  const stopAll = async () => {
    for (const child of [haproxy, ...processes.map((p) => p.child)]) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    }
    await Promise.all(
      [haproxy, ...processes.map((p) => p.child)].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
          }),
      ),
    );
  };

  try {
    // Subgraphs first: a gateway plans from the committed supergraph but its readiness asks them.
    await Promise.all(
      processes
        .filter((p) => p.service !== 'gateway')
        .map((p) => waitUntilReady(`${p.url}/health`, [watch(p), proxy])),
    );
    // A gateway's readiness asks the subgraphs through HAProxy's frontends.
    await Promise.all(gateways.map((p) => waitUntilReady(`${p.url}/ready`, [watch(p), proxy])));
    await waitUntilReady(`http://127.0.0.1:${basePort}/ready`, [proxy]);
  } catch (error) {
    await stopAll();
    throw error;
  }

  return {
    gatewayUrl,
    processes,
    replicasOf: (service) => processes.filter((p) => p.service === service),
    async kill(target) {
      if (target.child.exitCode !== null || target.child.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        target.child.once('exit', () => resolve());
        target.child.kill('SIGKILL');
      });
    },
    async restart(target) {
      const index = processes.indexOf(target);
      const started = launch(target.service, target.replica, target.port);
      await waitUntilReady(`${started.url}/health`, [watch(started), proxy]);
      if (index >= 0) processes[index] = started;
      return started;
    },
    stop: stopAll,
  };
}
