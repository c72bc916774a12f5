import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { getHeapSpaceStatistics } from 'node:v8';
import { Session } from 'node:inspector';
import { pathToFileURL } from 'node:url';
import { loadEnv } from '../../kit/env.js';
import { onShutdown } from '../../kit/process.js';
import { createRuntime } from '../../kit/runtime.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../schema/subgraphs.js';

/**
 * A server under benchmark, as its own process on a free port:
 *   serve.ts subgraph <name> [--no-background]
 *   serve.ts gateway            (subgraph addresses from SUBGRAPH_URLS)
 *   --port=<n>                  listen there (default: any free port)
 *   --profile-dir=<dir>         CPU profile between two SIGUSR2 signals
 *   --gateway-module=<path>     the gateway's server.ts to run (default: this tree's)
 *   --memory-log=<path>         appends process.memoryUsage() and V8 heap spaces every 250 ms
 * Prints `READY {"url": ...}` once it listens.
 */
const [mode, name, ...flags] = process.argv.slice(2);
const env = loadEnv();
const profileDir = flags.find((flag) => flag.startsWith('--profile-dir='))?.slice('--profile-dir='.length);
if (profileDir) profileOnSignal(profileDir);
const port = Number(flags.find((flag) => flag.startsWith('--port='))?.slice('--port='.length) ?? 0);
const memoryLog = flags.find((flag) => flag.startsWith('--memory-log='))?.slice('--memory-log='.length);
if (memoryLog) logMemory(memoryLog);

/**
 * Where resident memory goes, as a JSON line every 250 ms: RSS, V8 heap (and each of its spaces),
 * external and array buffers. RSS minus the V8 heap and external is code, stacks, native libraries
 * and malloc'd memory outside V8.
 */
function logMemory(path: string) {
  const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
  const timer = setInterval(() => {
    const usage = process.memoryUsage();
    const spaces = Object.fromEntries(
      getHeapSpaceStatistics().map((space) => [space.space_name, mb(space.space_size)]),
    );
    const line = {
      t: Date.now(),
      rss: mb(usage.rss),
      heapTotal: mb(usage.heapTotal),
      heapUsed: mb(usage.heapUsed),
      external: mb(usage.external),
      arrayBuffers: mb(usage.arrayBuffers),
      spaces,
    };
    appendFileSync(path, `${JSON.stringify(line)}\n`);
  }, 250);
  timer.unref();
}

/**
 * SIGUSR2 starts a CPU profile, the next SIGUSR2 writes it to the directory: the benchmark
 * profiles exactly the load run, without start-up in the samples.
 */
function profileOnSignal(directory: string) {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<any>((resolve, reject) =>
      session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))),
    );
  let running = false;
  let count = 0;
  process.on('SIGUSR2', async () => {
    if (!running) {
      running = true;
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: 200 });
      await post('Profiler.start');
      return;
    }
    running = false;
    const { profile } = await post('Profiler.stop');
    mkdirSync(directory, { recursive: true });
    writeFileSync(`${directory}/${mode}-${process.pid}-${count++}.cpuprofile`, JSON.stringify(profile));
  });
}

if (mode === 'subgraph') {
  if (!name || !SUBGRAPH_NAMES.includes(name as SubgraphName)) throw new Error(`unknown subgraph ${name}`);
  // Imported here, not at the top: a gateway process loads no subgraph code, as in production.
  const { serveSubgraph } = await import('../../kit/subgraph.js');
  const { SUBGRAPH_FACTORIES } = await import('../../stack/subgraph-registry.js');
  const runtime = await createRuntime(env);
  const subgraph = (await SUBGRAPH_FACTORIES[name as SubgraphName]())(runtime);
  // Statement counting wants no outbox polling in between; throughput runs keep it (it is real load).
  if (flags.includes('--no-background')) subgraph.background.length = 0;
  const served = await serveSubgraph(subgraph, port, '127.0.0.1');
  console.log(`READY ${JSON.stringify({ url: `${served.url}/graphql`, pid: process.pid })}`);
  onShutdown(runtime.log, [() => served.stop(), () => runtime.close()]);
} else if (mode === 'gateway') {
  const subgraphUrls = Object.fromEntries(
    (env.SUBGRAPH_URLS ?? '').split(',').map((pair) => pair.trim().split('=') as [string, string]),
  );
  const runtime = await createRuntime(env, { withDatabase: false });
  // Another version of the gateway (an earlier commit's tree) for before/after comparisons.
  const modulePath = flags
    .find((flag) => flag.startsWith('--gateway-module='))
    ?.slice('--gateway-module='.length);
  const { createGateway } = (await import(
    modulePath ? pathToFileURL(modulePath).href : '../../gateway/server.js'
  )) as typeof import('../../gateway/server.js');
  const gateway = createGateway({
    supergraphSdl: readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8'),
    subgraphUrls,
    identitySecret: env.IDENTITY_HEADER_SECRET,
    kv: runtime.kv,
    log: runtime.log,
    production: env.NODE_ENV === 'production',
    sharedApqCache: Boolean(env.REDIS_URL),
    // The bench users' own client addresses (X-Forwarded-For, signUpUsers in environment.ts).
    trustProxyHops: env.TRUST_PROXY_HOPS,
  });
  const served = await gateway.serve(port, '127.0.0.1');
  console.log(`READY ${JSON.stringify({ url: `${served.url}/graphql`, pid: process.pid })}`);
  onShutdown(runtime.log, [() => served.stop(), () => runtime.close()]);
} else {
  throw new Error('usage: serve.ts subgraph <name> [--no-background] | serve.ts gateway');
}
