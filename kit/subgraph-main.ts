import { loadEnv, portOf } from './env.js';
import { onShutdown } from './process.js';
import { createRuntime } from './runtime.js';
import { type Subgraph, type SubgraphDeps, serveSubgraph } from './subgraph.js';

/** The process entry of one subgraph in production: env, runtime, listen, graceful stop. */
export async function runSubgraphProcess(
  name: string,
  create: (deps: SubgraphDeps) => Subgraph,
): Promise<void> {
  const env = loadEnv();
  const runtime = await createRuntime(env);
  const served = await serveSubgraph(create(runtime), portOf(env, name), env.HOST);
  runtime.log.info({ subgraph: name, url: served.url }, 'subgraph listening');
  onShutdown(runtime.log, [() => served.stop(), () => runtime.close()]);
}
