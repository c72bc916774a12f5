import type { Clock } from '../kit/clock.js';
import type { Database } from '../kit/db.js';
import { type Env, portOf } from '../kit/env.js';
import type { Logger } from '../kit/log.js';
import { migrateSubgraphs } from '../kit/migrate.js';
import { createRuntime, type Runtime } from '../kit/runtime.js';
import { type ServedSubgraph, type Subgraph, serveSubgraph } from '../kit/subgraph.js';
import { createGatewayFromEnv, type Gateway, type GatewayOptions } from '../gateway/server.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../schema/subgraphs.js';
import { SUBGRAPH_FACTORIES } from './subgraph-registry.js';

/**
 * The whole supergraph in one process: every subgraph on its own port and the gateway in front,
 * talking over real HTTP. `npm start` runs it on the configured ports; tests run it on port 0.
 */
export interface Stack {
  gatewayUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  runtime: Runtime;
  gateway: Gateway;
  subgraphs: Record<SubgraphName, Subgraph>;
  /** Stops one subgraph's server and background work, as a crash or a deploy would (tests). */
  stopSubgraph(name: SubgraphName): Promise<void>;
  /** Starts a stopped subgraph again, freshly built, on the port it had (tests). */
  startSubgraph(name: SubgraphName): Promise<void>;
  stop(): Promise<void>;
}

export interface StackOptions {
  env: Env;
  /** Port 0 everywhere instead of the configured ports. */
  ephemeralPorts?: boolean;
  database?: Database;
  clock?: Clock;
  /** Where every server of the stack logs (a test's capture); the runtime's own logger otherwise. */
  log?: Logger;
  migrate?: boolean;
  /** Gateway settings beside the env's (tests: smaller subscription limits). */
  gateway?: Partial<GatewayOptions>;
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const { env } = options;
  const runtime = await createRuntime(env, {
    database: options.database,
    clock: options.clock,
    log: options.log,
  });
  const host = options.ephemeralPorts ? '127.0.0.1' : env.HOST;
  let served: ServedSubgraph[] = [];
  const subgraphs = {} as Record<SubgraphName, Subgraph>;
  const subgraphUrls = {} as Record<SubgraphName, string>;
  try {
    // Built before migrating: a subgraph that refuses its settings (identity in production
    // without SMTP_URL) stops the start before the database is touched.
    for (const name of SUBGRAPH_NAMES) subgraphs[name] = (await SUBGRAPH_FACTORIES[name]())(runtime);
    if (options.migrate !== false) await migrateSubgraphs(runtime.database, SUBGRAPH_NAMES);
    for (const name of SUBGRAPH_NAMES) {
      const subgraph = subgraphs[name];
      const running = await serveSubgraph(subgraph, options.ephemeralPorts ? 0 : portOf(env, name), host);
      served.push(running);
      subgraphUrls[name] = `${running.url}/graphql`;
    }
    const gateway = createGatewayFromEnv(env, runtime, subgraphUrls, options.gateway);
    const gatewayServer = await gateway.serve(options.ephemeralPorts ? 0 : env.GATEWAY_PORT, host);
    runtime.gatewayUrl ??= gatewayServer.url;
    return {
      gatewayUrl: `${gatewayServer.url}/graphql`,
      subgraphUrls,
      runtime,
      gateway,
      subgraphs,
      async stopSubgraph(name) {
        const server = served.find((s) => s.name === name);
        if (!server) throw new Error(`${name} is not running`);
        served = served.filter((s) => s !== server);
        await server.stop();
      },
      async startSubgraph(name) {
        if (served.some((s) => s.name === name)) throw new Error(`${name} is running`);
        // A restarted process rejoins its consumer groups; the in-process bus keeps the first
        // instance's membership (same database), so joining again is not an error here.
        const bus = runtime.bus;
        const rejoining = Object.assign(Object.create(bus) as typeof bus, {
          subscribe: (group: string, handler: Parameters<typeof bus.subscribe>[1]) =>
            bus.subscribe(group, handler).catch((error: Error) => {
              if (!/already subscribed/.test(error.message)) throw error;
            }),
        });
        subgraphs[name] = (await SUBGRAPH_FACTORIES[name]())({ ...runtime, bus: rejoining });
        const port = Number(new URL(subgraphUrls[name]).port);
        served.push(await serveSubgraph(subgraphs[name], port, host));
      },
      async stop() {
        await gatewayServer.stop();
        for (const server of served.reverse()) await server.stop();
        await runtime.close();
      },
    };
  } catch (error) {
    for (const server of served) await server.stop().catch(() => {});
    await runtime.close();
    throw error;
  }
}
