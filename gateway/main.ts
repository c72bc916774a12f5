import { loadEnv, portOf } from '../kit/env.js';
import { onShutdown } from '../kit/process.js';
import { createRuntime } from '../kit/runtime.js';
import { SUBGRAPH_NAMES } from '../schema/subgraphs.js';
import { createGatewayFromEnv } from './server.js';

/** The gateway as its own process (production): subgraph URLs from SUBGRAPH_URLS or the port settings. */
const env = loadEnv();
const overrides = Object.fromEntries(
  (env.SUBGRAPH_URLS ?? '')
    .split(',')
    .map((pair) => pair.trim().split('='))
    .filter((pair): pair is [string, string] => pair.length === 2 && Boolean(pair[0]) && Boolean(pair[1])),
);
const subgraphUrls = Object.fromEntries(
  SUBGRAPH_NAMES.map((name) => [name, overrides[name] ?? `http://127.0.0.1:${portOf(env, name)}/graphql`]),
);
// The gateway owns no tables; the runtime gives it Redis (viewer cache, APQ, rate limits) and logging.
const runtime = await createRuntime(env, { withDatabase: false });
const gateway = createGatewayFromEnv(env, runtime, subgraphUrls);
const served = await gateway.serve(env.GATEWAY_PORT, env.HOST);
runtime.log.info({ url: `${served.url}/graphql` }, 'gateway listening');
onShutdown(runtime.log, [() => served.stop(), () => runtime.close()]);
