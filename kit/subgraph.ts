import { completeArgumentPaths } from './argument-paths.js';
import { randomUUID } from 'node:crypto';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { type DocumentNode, type GraphQLFormattedError, type GraphQLSchema, parse } from 'graphql';
import { requireService } from './authz.js';
import {
  CLIENT_COOKIE_HEADER,
  ClientCookies,
  encodeCookieRequests,
  parseCookieHeader,
  SET_CLIENT_COOKIE_HEADER,
} from './client-cookies.js';
import type { Clock } from './clock.js';
import type { SecretBox } from './crypto.js';
import type { Database } from './db.js';
import type { Env } from './env.js';
import { maskError } from './errors.js';
import { gatewayFetches } from './gateway-fetch.js';
import { rejectMalformedIds } from './id-arguments.js';
import { rejectUnstorableText } from './input-guard.js';
import { subscriptionsOverWebSocket, supportedOperationTypes } from './operation-types.js';
import { withProblemResolvers } from './problems.js';
import type { EventBus } from './events/bus.js';
import {
  createHttpServer,
  jsonResponse,
  listen,
  MAX_SUBGRAPH_BODY_BYTES,
  type RawRequest,
  type RawResponse,
  type Route,
  type RunningServer,
} from './http-server.js';
import {
  CLIENT_OPERATION_HEADER,
  IDENTITY_HEADER,
  REQUEST_ID_HEADER,
  type Viewer,
  verifyIdentity,
} from './identity-header.js';
import type { KeyValueStore } from './kv.js';
import { LoaderRegistry } from './loaders.js';
import type { Logger } from './log.js';
import { metricsRoute, ServerMetrics } from './metrics.js';
import { scalarResolvers } from './scalars.js';
import { serveSubscriptions } from './subscriptions.js';

/** What a subgraph is given; it reads no environment of its own. */
export interface SubgraphDeps {
  database: Database;
  bus: EventBus;
  kv: KeyValueStore;
  log: Logger;
  clock: Clock;
  secretBox: SecretBox;
  identitySecret: string;
  production: boolean;
  /** The parsed environment, for a subgraph's own settings (`env.features`: OAuth clients, SMTP, payment keys). */
  env: Env;
  /** The gateway's base URL, for whole-graph work; set once the gateway listens. */
  gatewayUrl?: string;
}

/** The request context every resolver receives. */
export interface RequestContext {
  viewer: Viewer | null;
  /** Set when the gateway itself is calling (internal operations), never for a client. */
  service: string | null;
  ip: string | null;
  requestId: string;
  loaders: LoaderRegistry;
  log: Logger;
  /**
   * The client cookies the gateway passed on to this subgraph, and the cookies a resolver asks
   * the gateway to set on the client's response (see kit/client-cookies.ts).
   */
  cookies: ClientCookies;
  /**
   * True once the operation is known to be a query: reads that tolerate replication lag may then
   * go to the replica (lagTolerant in kit/db.ts). False in mutations, whose reads may follow
   * their own writes, and until the operation is resolved.
   */
  readsMayLag: boolean;
}

/**
 * Most requests log nothing, so a request's child logger is made when something is first logged.
 * The getter sits on the prototype: Apollo Server copies the context's own properties into a
 * fresh object for every operation, which would call a getter of the object itself.
 */
class SubgraphRequestContext implements RequestContext {
  viewer: Viewer | null;
  service: string | null;
  ip: string | null;
  requestId: string;
  loaders = new LoaderRegistry();
  cookies: ClientCookies;
  readsMayLag = false;
  private requestLog: Logger | undefined;

  constructor(
    private readonly subgraphLog: Logger,
    fields: Pick<RequestContext, 'viewer' | 'service' | 'ip' | 'requestId' | 'cookies'>,
  ) {
    this.viewer = fields.viewer;
    this.service = fields.service;
    this.ip = fields.ip;
    this.requestId = fields.requestId;
    this.cookies = fields.cookies;
  }

  get log(): Logger {
    this.requestLog ??= this.subgraphLog.child({ requestId: this.requestId });
    return this.requestLog;
  }
}

/** Something a subgraph runs beside its GraphQL server: an outbox relay, event consumers, a worker. */
export interface BackgroundTask {
  start(): Promise<void> | void;
  stop(): Promise<void> | void;
}

/**
 * Periodic work of a subgraph's own (`subgraphs/<name>/workers/<worker>.ts`, a PeriodicTask from
 * kit/periodic.ts), named `<subgraph>.<worker>` in logs.
 */
export interface SubgraphWorker extends BackgroundTask {
  readonly name: string;
  /** One pass now (after a pass in progress); what it did. */
  runNow(): Promise<unknown>;
  /** Another interval (WORKER_INTERVALS), before the worker starts. */
  setIntervalMs(intervalMs: number): void;
  /** Told about every pass, for the worker's metrics. */
  observe(observer: (outcome: 'ok' | 'failed', seconds: number) => void): void;
}

export interface SubgraphDefinition {
  name: string;
  typeDefs: string | DocumentNode;
  /** Resolver map, typed per subgraph by codegen (generated/resolvers-types.ts). */
  resolvers: object;
  routes?: Route[];
  /** The kit's machinery the subgraph runs: outbox relay, event consumers, rate-limit sweeps. */
  background?: BackgroundTask[];
  /** The subgraph's periodic workers; started and stopped with its server like `background`. */
  workers?: SubgraphWorker[];
}

export interface Subgraph {
  name: string;
  apollo: ApolloServer<RequestContext>;
  /** The executable subgraph schema; its Subscription fields are served over graphql-ws (kit/subscriptions.ts). */
  schema: GraphQLSchema;
  routes: Route[];
  metrics: ServerMetrics;
  deps: SubgraphDeps;
  /** Everything started and stopped with the server: the workers (partitions first), then `background`. */
  background: BackgroundTask[];
  /** The periodic workers by their short name (`renew` for `billing.renew`). */
  workers: Record<string, SubgraphWorker>;
  contextFor(request: RawRequest): Promise<RequestContext>;
  /** A signed-in viewer's query from the gateway, answered without Apollo Server (kit/gateway-fetch.ts); null: not one. */
  gatewayFetch(request: RawRequest, body: unknown): Promise<RawResponse | null>;
}

/** Builds a subgraph the same way for every domain: schema, masking, metrics, identity from the signed header. */
export function defineSubgraph(deps: SubgraphDeps, definition: SubgraphDefinition): Subgraph {
  const typeDefs = typeof definition.typeDefs === 'string' ? parse(definition.typeDefs) : definition.typeDefs;
  const log = deps.log.child({ subgraph: definition.name });
  const metrics = new ServerMetrics(definition.name, { defaultMetrics: false });
  metrics.watchDatabase(deps.database, deps.env.DATABASE_POOL_MAX);

  // Inline traces are for Apollo's hosted studio, which this deployment does not report to.
  const plugins: ApolloServerPlugin<RequestContext>[] = [
    metrics.plugin(),
    ApolloServerPluginInlineTraceDisabled(),
    rejectUnstorableText(),
    rejectMalformedIds(),
    cookieRequestsToGateway(),
    markLagTolerantReads(),
    subscriptionsOverWebSocket(),
    noCacheHintsForViewers(),
  ];
  if (deps.production) plugins.push(ApolloServerPluginLandingPageDisabled());
  // Nothing goes to Apollo's cloud, whatever APOLLO_KEY the environment holds (gateway/outbound.test.ts).
  plugins.push(ApolloServerPluginUsageReportingDisabled(), ApolloServerPluginSchemaReportingDisabled());

  const schema = buildSubgraphSchema([
    {
      typeDefs,
      // Every Problem type gets its `code` from its name and must carry a message (kit/problems.ts).
      resolvers: withProblemResolvers(typeDefs, { ...scalarResolvers, ...definition.resolvers }) as any,
    },
  ]);
  if (deps.production) gatewayOnlyServiceField(schema);
  completeArgumentPaths(schema);
  const formatError = (formatted: GraphQLFormattedError, error: unknown) =>
    maskError(formatted, error, (original) =>
      log.error({ err: original, path: formatted.path }, 'unexpected error'),
    );
  const apollo = new ApolloServer<RequestContext>({
    schema,
    introspection: !deps.production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    // Apollo's own messages go through the project's logger too (error serializer, redaction).
    logger: log,
    validationRules: [supportedOperationTypes],
    formatError,
    plugins,
  });

  const contextFor = async (request: RawRequest): Promise<RequestContext> => {
    const header = request.headers[IDENTITY_HEADER];
    // The header's expiry is transport security and runs on real time, not the domain clock.
    const identity = verifyIdentity(Array.isArray(header) ? header[0] : header, deps.identitySecret);
    const requestIdHeader = request.headers[REQUEST_ID_HEADER];
    const requestId =
      typeof requestIdHeader === 'string' && /^[\w-]{1,64}$/.test(requestIdHeader)
        ? requestIdHeader
        : randomUUID();
    // Client cookies come only through the gateway, like the identity they travel with.
    const cookieHeader = identity ? request.headers[CLIENT_COOKIE_HEADER] : undefined;
    return new SubgraphRequestContext(log, {
      viewer: identity?.viewer ?? null,
      service: identity?.service ?? null,
      ip: identity?.ip ?? null,
      requestId,
      cookies: new ClientCookies(parseCookieHeader(cookieHeader)),
    });
  };

  // The same checks, masking, headers and metrics as the plugins above, without Apollo Server's pipeline.
  const gatewayFetch = gatewayFetches<RequestContext>({
    schema,
    validationRules: [supportedOperationTypes],
    introspection: !deps.production,
    context: async (request) => {
      const context = await contextFor(request);
      return context.viewer ? context : null;
    },
    formatError,
    responseHeaders: (context): Record<string, string> => {
      const requested = context.cookies.requested();
      return requested.length > 0 ? { [SET_CLIENT_COOKIE_HEADER]: encodeCookieRequests(requested) } : {};
    },
    observe: (operationName, seconds, errorCodes) => {
      metrics.operations.labels(operationName ?? 'anonymous', 'query').observe(seconds);
      for (const code of errorCodes) metrics.errors.labels(code).inc();
    },
  });

  const intervals = new Map(
    (deps.env.WORKER_INTERVALS ?? '')
      .split(',')
      .filter(Boolean)
      .map((pair) => {
        const [name, seconds] = pair.split('=') as [string, string];
        return [name, Number(seconds) * 1000] as const;
      }),
  );
  const workers: Record<string, SubgraphWorker> = {};
  for (const worker of definition.workers ?? []) {
    const interval = intervals.get(worker.name);
    if (interval !== undefined) worker.setIntervalMs(interval);
    const prefix = `${definition.name}.`;
    const short = worker.name.startsWith(prefix) ? worker.name.slice(prefix.length) : '';
    if (!/^[a-z][a-z-]*$/.test(short) || short in workers) {
      throw new Error(`worker ${worker.name} must be named ${prefix}<worker>, once`);
    }
    workers[short] = worker;
    worker.observe((outcome, seconds) => metrics.workerRuns.labels(worker.name, outcome).observe(seconds));
  }

  return {
    name: definition.name,
    apollo,
    schema,
    routes: definition.routes ?? [],
    metrics,
    deps,
    background: [...Object.values(workers), ...(definition.background ?? [])],
    workers,
    contextFor,
    gatewayFetch,
  };
}

/**
 * `_service { sdl }` is the subgraph's whole SDL, internal and @inaccessible fields included. The
 * gateway plans from the committed supergraph and never asks for it, so in production it answers
 * only the gateway's signed service identity (tooling can sign one with IDENTITY_HEADER_SECRET);
 * outside production it stays open for composition checks and tests.
 */
function gatewayOnlyServiceField(schema: GraphQLSchema): void {
  const field = schema.getQueryType()?.getFields()._service;
  if (!field) return;
  const resolve = field.resolve ?? ((source: any) => source?._service);
  field.resolve = (source, args, ctx: RequestContext, info) => {
    requireService(ctx);
    return resolve(source, args, ctx, info);
  };
}

/** Hands the cookies resolvers asked for to the gateway, which alone sets them on the client. */
/** A query's lag-tolerant reads may use the replica; see RequestContext.readsMayLag. */
function markLagTolerantReads(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue, request }) {
          // The gateway fetches with queries inside a client's mutation too; it says which.
          const client = request.http?.headers.get(CLIENT_OPERATION_HEADER);
          contextValue.readsMayLag = operation?.operation === 'query' && (!client || client === 'query');
        },
      };
    },
  };
}

/**
 * A signed-in viewer's answer is never cached (gateway/cache-policy.ts: only anonymous answers are
 * public, whatever the hints), so for a viewer's fetch the subgraph skips working out the hints
 * field by field: a zero max-age up front puts Apollo's cache-control plugin on its cheap path,
 * and the fetch is answered `no-store`. Anonymous and service fetches keep their hints.
 */
function noCacheHintsForViewers(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue, overallCachePolicy }) {
      if (contextValue.viewer) overallCachePolicy.restrict({ maxAge: 0 });
    },
  };
}

function cookieRequestsToGateway(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const requested = contextValue.cookies.requested();
          if (requested.length > 0)
            response.http.headers.set(SET_CLIENT_COOKIE_HEADER, encodeCookieRequests(requested));
        },
      };
    },
  };
}

export interface ServedSubgraph extends RunningServer {
  name: string;
  stop(): Promise<void>;
}

/** Starts a subgraph's HTTP server with /graphql, /health, /ready and /metrics, plus its background tasks. */
export async function serveSubgraph(
  subgraph: Subgraph,
  port: number,
  host = '127.0.0.1',
): Promise<ServedSubgraph> {
  await subgraph.apollo.start();
  const routes: Route[] = [
    ...subgraph.routes,
    { method: 'GET', path: '/health', handle: async () => jsonResponse(200, { status: 'ok' }) },
    {
      method: 'GET',
      path: '/ready',
      handle: async () => {
        const database = await subgraph.deps.database.ping();
        return jsonResponse(database ? 200 : 503, { status: database ? 'ready' : 'unavailable', database });
      },
    },
    metricsRoute(subgraph.metrics.registry, {
      production: subgraph.deps.production,
      token: subgraph.deps.env.METRICS_TOKEN,
    }),
  ];
  const server = createHttpServer({
    apollo: subgraph.apollo,
    context: subgraph.contextFor,
    direct: subgraph.gatewayFetch,
    routes,
    maxBodyBytes: MAX_SUBGRAPH_BODY_BYTES,
    onError: (error) =>
      subgraph.deps.log.error({ err: error, subgraph: subgraph.name }, 'http handler failed'),
  });
  const running = await listen(server, port, host);
  const subscriptions = subgraph.schema.getSubscriptionType()
    ? serveSubscriptions(running.server, {
        name: subgraph.name,
        schema: subgraph.schema,
        identitySecret: subgraph.deps.identitySecret,
        production: subgraph.deps.production,
        log: subgraph.deps.log,
      })
    : null;
  for (const task of subgraph.background) await task.start();
  return {
    ...running,
    name: subgraph.name,
    async stop() {
      for (const task of subgraph.background) await task.stop();
      await subscriptions?.close();
      await running.close();
      await subgraph.apollo.stop();
    },
  };
}
