import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { readFileSync } from 'node:fs';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import {
  ApolloGateway,
  type GraphQLDataSourceProcessOptions,
  RemoteGraphQLDataSource,
} from '@apollo/gateway';
import { Supergraph } from '@apollo/federation-internals';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { finiteNumberLiterals } from './finite-numbers.js';
import { COST_LIMIT, pageSizeVariablesCost } from './page-size-cost.js';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { FetcherResponse } from '@apollo/utils.fetcher';
import {
  GraphQLError,
  type GraphQLFormattedError,
  type GraphQLScalarType,
  type GraphQLSchema,
} from 'graphql';
import {
  appendSetCookie,
  CLIENT_COOKIE_HEADER,
  ClientCookies,
  formatCookieHeader,
  SET_CLIENT_COOKIE_HEADER,
  setCookieLine,
} from '../kit/client-cookies.js';
import { clientAddress } from '../kit/client-address.js';
import { parseCorsOrigins } from '../kit/cors.js';
import { type Env, switchOffApolloTelemetry } from '../kit/env.js';
import { variableErrorField } from '../kit/argument-paths.js';
import { ErrorCode, maskError } from '../kit/errors.js';
import { KeepAliveFetcher } from '../kit/http-client.js';
import { rejectMalformedIds } from '../kit/id-arguments.js';
import { rejectHugeLists, rejectUnstorableText } from '../kit/input-guard.js';
import { subscriptionsOverWebSocket, supportedOperationTypes } from '../kit/operation-types.js';
import { scalarResolvers } from '../kit/scalars.js';
import {
  createHttpServer,
  jsonResponse,
  listen,
  MAX_CLIENT_BODY_BYTES,
  type RawRequest,
  type RunningServer,
} from '../kit/http-server.js';
import {
  CLIENT_OPERATION_HEADER,
  IDENTITY_HEADER,
  REQUEST_ID_HEADER,
  signIdentity,
  type Viewer,
} from '../kit/identity-header.js';
import type { KeyValueStore } from '../kit/kv.js';
import type { Logger } from '../kit/log.js';
import { metricsRoute, ServerMetrics } from '../kit/metrics.js';
import { CloseCode } from '../kit/subscriptions.js';
import { cachePolicyPlugins, UNCACHEABLE } from './cache-policy.js';
import { acceptCookieRequests, cookiesForSubgraph, ownedClientCookies } from './client-cookies.js';
import { dedupeRepresentations, expandEntities } from './entities.js';
import { exportRoute } from './export.js';
import { admitTrustedDocument, loadTrustedDocuments, type TrustedDocuments } from './trusted-documents.js';
import type { RedisClient } from '../kit/redis.js';
import {
  gatewaySubscriptions,
  type Refusal,
  type SubscriberIdentity,
  type SubscriptionLimits,
} from './subscriptions.js';
import { sessionCredentialFrom, sessionRefused, ViewerResolver } from './viewer.js';

/** What every gateway request carries into the query plan. */
export interface GatewayContext {
  viewer: Viewer | null;
  ip: string | null;
  requestId: string;
  /** The client's subgraph-owned cookies, and those subgraphs asked to set (kit/client-cookies.ts). */
  cookies: ClientCookies;
}

export interface GatewayOptions {
  supergraphSdl: string;
  /** Where each subgraph listens; read at each fetch so tests can start subgraphs on port 0 first. */
  subgraphUrls: Record<string, string>;
  identitySecret: string;
  kv: KeyValueStore;
  log: Logger;
  production: boolean;
  /** Backs automatic persisted queries with the shared store (Redis) instead of process memory. */
  sharedApqCache?: boolean;
  maxBodyBytes?: number;
  /** Gzip responses of at least this many bytes for clients that accept it (default 16 KiB; 0 turns it off). */
  compressAbove?: number;
  /** Keep-alive pool per subgraph origin (sockets); requests beyond it wait for a free socket. */
  subgraphPoolSize?: number;
  /** Operations executing at once above which new ones get 503 with Retry-After (default 256). */
  maxInFlight?: number;
  /** The bearer token GET /metrics asks for in production (kit/metrics.ts). */
  metricsToken?: string;
  /**
   * Client cookies get Secure and the `__Host-` prefix (default true). Off only for development
   * over plain http, where a browser would drop a Secure cookie.
   */
  secureCookies?: boolean;
  /** Proxies in front whose X-Forwarded-For entries name the client (TRUST_PROXY_HOPS; default 0). */
  trustProxyHops?: number;
  /** Origins whose browsers may call cross-origin with credentials (kit/cors.ts); none by default. */
  corsOrigins?: readonly string[];
  /** Which documents run (gateway/trusted-documents.ts); every document when left out. */
  trustedDocuments?: TrustedDocuments;
  /** Caps, heartbeat and session re-check of subscriptions (gateway/subscriptions.ts). */
  subscriptionLimits?: Partial<SubscriptionLimits>;
  /** Counts each user's subscriptions over every replica (gateway/subscription-caps.ts). */
  redis?: RedisClient | null;
  redisPrefix?: string;
}

/** Tokens a document may have; the parser stops counting there. */
export const MAX_TOKENS = 3000;

/**
 * Query limits: depth, aliases, directives, tokens and cost, refused before planning.
 * The token limit is graphql-js's own parser option (`parseOptions` below): graphql-armor's token
 * plugin re-parses in a plugin hook, where any syntax error (not only a token bomb) escapes as an
 * unexpected error and an HTTP 500.
 */
export function queryLimits(production: boolean) {
  const armor = new ApolloArmor({
    maxDepth: { n: 12 },
    maxAliases: { n: 20 },
    maxDirectives: { n: 20 },
    maxTokens: { enabled: false },
    costLimit: COST_LIMIT,
    blockFieldSuggestion: { enabled: production },
  });
  // graphql-armor's types are written for CommonJS resolution; the shapes are Apollo's own.
  return armor.protect() as unknown as {
    plugins: ApolloServerPlugin<GatewayContext>[];
    validationRules: any[];
  };
}

function apqCache(kv: KeyValueStore): KeyValueCache<string> {
  return {
    get: (key) => kv.get(`apq:${key}`),
    set: (key, value, options) => kv.set(`apq:${key}`, value, options?.ttl ?? 24 * 3600),
    delete: async (key) => {
      await kv.delete(`apq:${key}`);
      return true;
    },
  };
}

export interface Gateway {
  apollo: ApolloServer<GatewayContext>;
  metrics: ServerMetrics;
  contextFor(request: RawRequest): Promise<GatewayContext>;
  serve(port: number, host?: string): Promise<RunningServer & { stop(): Promise<void> }>;
}

/** The gateway as a process sets it up from its env and runtime (the stack and gateway/main.ts alike). */
export function createGatewayFromEnv(
  env: Env,
  runtime: { kv: KeyValueStore; log: Logger; redis?: RedisClient | null },
  subgraphUrls: Record<string, string>,
  overrides: Partial<GatewayOptions> = {},
): Gateway {
  return createGateway({
    supergraphSdl: readFileSync(new URL('../schema/supergraph.graphql', import.meta.url), 'utf8'),
    subgraphUrls,
    identitySecret: env.IDENTITY_HEADER_SECRET,
    kv: runtime.kv,
    log: runtime.log,
    production: env.NODE_ENV === 'production',
    sharedApqCache: Boolean(env.REDIS_URL),
    maxInFlight: env.GATEWAY_MAX_IN_FLIGHT,
    metricsToken: env.METRICS_TOKEN,
    secureCookies: env.NODE_ENV === 'production' || new URL(env.PUBLIC_APP_URL).protocol === 'https:',
    trustProxyHops: env.TRUST_PROXY_HOPS,
    corsOrigins: corsOriginsFromEnv(env),
    trustedDocuments: loadTrustedDocuments(
      env.TRUSTED_DOCUMENTS,
      env.TRUSTED_DOCUMENTS_MANIFEST ?? CLIENT_MANIFEST,
    ),
    redis: runtime.redis,
    redisPrefix: env.REDIS_PREFIX,
    ...overrides,
  });
}

/** The manifest of the client package's documents, written by `npm run codegen`. */
export const CLIENT_MANIFEST = new URL(
  '../clients/typescript/src/generated/persisted-documents.json',
  import.meta.url,
);

/** The example web app's dev server (Vite), allowed by default in development only. */
export const DEVELOPMENT_WEB_ORIGIN = 'http://localhost:5173';

export function corsOriginsFromEnv(env: Pick<Env, 'CORS_ORIGINS' | 'NODE_ENV'>): string[] {
  if (env.CORS_ORIGINS !== undefined) return parseCorsOrigins(env.CORS_ORIGINS);
  return env.NODE_ENV === 'development' ? [DEVELOPMENT_WEB_ORIGIN] : [];
}

export function createGateway(options: GatewayOptions): Gateway {
  const metrics = new ServerMetrics('gateway');
  const { log } = options;
  const secureCookies = options.secureCookies ?? true;
  const { trustedDocuments } = options;
  if (options.production && trustedDocuments?.mode !== 'only')
    log.warn(
      { trustedDocuments: trustedDocuments?.mode ?? 'off' },
      'production gateway runs any document; set TRUSTED_DOCUMENTS=only to run the client manifest alone',
    );
  const urlOf = (name: string) => {
    const url = options.subgraphUrls[name];
    if (!url) throw new Error(`no URL configured for subgraph ${name}`);
    return url;
  };

  class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
    constructor(
      private readonly subgraphName: string,
      config: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0],
    ) {
      super(config);
    }

    // Identical entity representations go to the subgraph once (see entities.ts).
    override async process(processOptions: GraphQLDataSourceProcessOptions<GatewayContext>) {
      const representations = processOptions.request.variables?.representations;
      const deduped = Array.isArray(representations) ? dedupeRepresentations(representations) : null;
      if (!deduped) return super.process(processOptions);
      const request = {
        ...processOptions.request,
        variables: { ...processOptions.request.variables, representations: deduped.unique },
      };
      return expandEntities(await super.process({ ...processOptions, request }), deduped);
    }

    // A subgraph that cannot be reached is an outage the client may retry, not an internal error.
    override didEncounterError(error: Error, _request: unknown, response?: FetcherResponse) {
      if (!response) {
        log.warn({ err: error, subgraph: this.subgraphName }, 'subgraph unreachable');
        throw new GraphQLError(`The ${this.subgraphName} service is unavailable; try again shortly.`, {
          extensions: { code: 'SERVICE_UNAVAILABLE' },
        });
      }
      throw error;
    }

    override willSendRequest(processOptions: GraphQLDataSourceProcessOptions<GatewayContext>) {
      const { request, context } = processOptions;
      const ctx = context as Partial<GatewayContext>;
      const clientOperation =
        'incomingRequestContext' in processOptions
          ? processOptions.incomingRequestContext.operation?.operation
          : undefined;
      if (clientOperation) request.http?.headers.set(CLIENT_OPERATION_HEADER, clientOperation);
      request.http?.headers.set(
        IDENTITY_HEADER,
        signIdentity(
          { viewer: ctx.viewer ?? null, service: null, ip: ctx.ip ?? null },
          options.identitySecret,
        ),
      );
      if (ctx.requestId) request.http?.headers.set(REQUEST_ID_HEADER, ctx.requestId);
      const cookies = cookiesForSubgraph(this.subgraphName, ctx.cookies);
      if (cookies.size > 0) request.http?.headers.set(CLIENT_COOKIE_HEADER, formatCookieHeader(cookies));
    }

    // Cookies a subgraph asks for are set by the gateway (see the plugin below), and only the
    // ones the subgraph owns; the subgraph's header itself is never passed on.
    override didReceiveResponse({
      response,
      context,
    }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['didReceiveResponse']>>[0]) {
      const header = response.http?.headers.get(SET_CLIENT_COOKIE_HEADER);
      if (!header) return response;
      const { accepted, refused } = acceptCookieRequests(this.subgraphName, header);
      if (refused.length > 0)
        log.warn(
          { subgraph: this.subgraphName, cookies: refused },
          'subgraph asked for cookies it does not own',
        );
      const jar = (context as Partial<GatewayContext>).cookies;
      for (const cookie of accepted) jar?.set(cookie.name, cookie.value, cookie.maxAgeSeconds);
      return response;
    }

    // A subgraph answers bad variables with HTTP 400 and a coded error; relay that error as the
    // client's own mistake instead of a failed fetch (which would be masked as internal).
    override async errorFromResponse(response: FetcherResponse) {
      const body = await response
        .clone()
        .json()
        .catch(() => null);
      const first = (body as { errors?: { message?: string; extensions?: { code?: string } }[] } | null)
        ?.errors?.[0];
      if (response.status === 400 && first?.extensions?.code === 'BAD_USER_INPUT' && first.message) {
        return new GraphQLError(first.message, { extensions: { code: 'BAD_USER_INPUT' } });
      }
      return super.errorFromResponse(response);
    }
  }

  const subgraphHttp = new KeepAliveFetcher({ maxSockets: options.subgraphPoolSize ?? 64 });
  const buildService = ({ name }: { name: string }) => {
    const timer = metrics.subgraphFetch.labels(name);
    return new SignedDataSource(name, {
      url: urlOf(name),
      fetcher: async (_url, init) => {
        const end = timer.startTimer();
        try {
          // The supergraph carries placeholder URLs; route to the subgraph's configured address.
          return await subgraphHttp.fetch(urlOf(name), init);
        } finally {
          end();
        }
      },
    });
  };
  // The gateway talks to its subgraphs only (gateway/outbound.test.ts).
  switchOffApolloTelemetry();
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    logger: log,
    buildService,
  });

  const formatError = (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const masked = maskError(withVariableField(withRequestErrorCode(formatted)), error, (original) =>
      log.error({ err: original, path: formatted.path }, 'unexpected error'),
    );
    // graphql-armor hides suggestions in validation errors only; variable coercion errors
    // ("Field "logi" is not defined by type "SignInInput". Did you mean "login"?") carry them too.
    return options.production ? withoutSuggestions(masked) : masked;
  };

  const limits = queryLimits(options.production);
  // The input guards, run on subscriptions too (gateway/subscription-plan.ts).
  const operationGuards = (): ApolloServerPlugin<GatewayContext>[] => [
    rejectUnstorableText(),
    rejectHugeLists(),
    rejectMalformedIds(),
    pageSizeVariablesCost(),
  ];
  const plugins: ApolloServerPlugin<GatewayContext>[] = [
    ...limits.plugins,
    metrics.plugin(),
    scalarValidation(),
    echoRequestId(),
    // Before setClientCookies: a response that sets a cookie ends as no-store whatever the hints.
    ...cachePolicyPlugins<GatewayContext>(),
    setClientCookies(secureCookies),
    requireOperation(),
    subscriptionsOverWebSocket(),
    ...operationGuards(),
  ];
  if (options.production) plugins.push(ApolloServerPluginLandingPageDisabled());
  // An APOLLO_KEY in the environment would otherwise start sending every operation's trace to
  // Apollo's cloud (Apollo Server installs usage reporting by itself when it sees one).
  plugins.push(ApolloServerPluginUsageReportingDisabled(), ApolloServerPluginSchemaReportingDisabled());

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !options.production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    // Apollo's own messages go through the project's logger too (error serializer, redaction).
    logger: log,
    validationRules: [...limits.validationRules, finiteNumberLiterals, supportedOperationTypes],
    parseOptions: { maxTokens: MAX_TOKENS },
    persistedQueries: options.sharedApqCache ? { cache: apqCache(options.kv), ttl: 24 * 3600 } : {},
    formatError,
    plugins,
  });

  const apiSchema = Supergraph.build(options.supergraphSdl).apiSchema().toGraphQLJSSchema();
  const viewers = new ViewerResolver({
    identityUrl: () => urlOf('identity'),
    secret: options.identitySecret,
    kv: options.kv,
    log,
    apiSchema,
    executeAsViewer: async (query, viewer) => {
      const response = await apollo.executeOperation(
        { query },
        { contextValue: { viewer, ip: null, requestId: randomUUID(), cookies: new ClientCookies() } },
      );
      return response.body.kind === 'single'
        ? ((response.body.singleResult.data as Record<string, any>) ?? null)
        : null;
    },
  });

  const personalDataExport = exportRoute({
    apiSchema,
    secret: options.identitySecret,
    log,
    execute: async (query, viewer, variables) => {
      const response = await apollo.executeOperation(
        { query, variables },
        { contextValue: { viewer, ip: null, requestId: randomUUID(), cookies: new ClientCookies() } },
      );
      const result = response.body.kind === 'single' ? response.body.singleResult : null;
      return { data: result?.data ?? null, errors: (result?.errors ?? []) as unknown[] };
    },
  });

  const contextFor = async (request: RawRequest): Promise<GatewayContext> => {
    const incoming = request.headers[REQUEST_ID_HEADER];
    const requestId =
      typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    // Resolved here once and signed into the identity header: subgraphs never read client headers for it.
    const ip = clientAddress(
      request.remoteAddress,
      request.headers['x-forwarded-for'],
      options.trustProxyHops ?? 0,
    );
    const credential = sessionCredentialFrom(request.headers, secureCookies);
    let viewer: Viewer | null = null;
    if (credential) {
      // A credential that names no live session is refused, never run as an anonymous request.
      if (!credential.token) throw sessionRefused('INVALID_TOKEN', credential, secureCookies);
      viewer = await viewers.resolve(credential.token, ip, requestId);
      if (!viewer) throw sessionRefused('SESSION_ENDED', credential, secureCookies);
    }
    const cookies = new ClientCookies(ownedClientCookies(request.headers.cookie, secureCookies));
    return { viewer, ip, requestId, cookies };
  };

  /**
   * The credential of a subscription connection: `authorization` in the connection_init payload,
   * else the upgrade request's Authorization header or session cookie. A cookie counts only from
   * the gateway's own origin or an allowed one, so another site cannot open a socket as its user.
   * Subscriptions need a signed-in viewer.
   */
  const authenticateSubscriber = async (
    request: IncomingMessage,
    params: Record<string, unknown>,
  ): Promise<SubscriberIdentity | Refusal> => {
    const ip = clientAddress(
      request.socket.remoteAddress ?? null,
      request.headers['x-forwarded-for'],
      options.trustProxyHops ?? 0,
    );
    const headers =
      typeof params.authorization === 'string' ? { authorization: params.authorization } : request.headers;
    const credential = sessionCredentialFrom(headers, secureCookies);
    if (!credential)
      return {
        code: CloseCode.Unauthorized,
        reason: 'UNAUTHENTICATED: sign in; send authorization in connection_init.',
      };
    if (credential.fromCookie && !trustedOrigin(request, options.corsOrigins ?? []))
      return { code: 4403, reason: 'FORBIDDEN: the session cookie is not accepted from this origin.' };
    if (!credential.token)
      return { code: CloseCode.Unauthorized, reason: 'INVALID_TOKEN: the session token is malformed.' };
    const viewer = await viewers.resolve(credential.token, ip, randomUUID());
    if (!viewer)
      return { code: CloseCode.Unauthorized, reason: 'SESSION_ENDED: the session has ended; sign in again.' };
    return { viewer, ip, token: credential.token };
  };

  async function readiness() {
    const checks = await Promise.all(
      Object.entries(options.subgraphUrls).map(async ([name, url]) => {
        try {
          const response = await fetch(new URL('/ready', url), { signal: AbortSignal.timeout(2000) });
          return [name, response.ok] as const;
        } catch {
          return [name, false] as const;
        }
      }),
    );
    const subgraphs = Object.fromEntries(checks);
    const ready = checks.every(([, ok]) => ok);
    return jsonResponse(ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable', subgraphs });
  }

  return {
    apollo,
    metrics,
    contextFor,
    async serve(port, host = '127.0.0.1') {
      await apollo.start();
      const subscriptions = gatewaySubscriptions({
        supergraphSdl: options.supergraphSdl,
        apiSchema,
        serviceMap: Object.fromEntries(
          Object.keys(options.subgraphUrls).map((name) => [name, buildService({ name })]),
        ),
        subgraphUrl: urlOf,
        identitySecret: options.identitySecret,
        authenticate: authenticateSubscriber,
        recheck: (identity) => viewers.resolve(identity.token, identity.ip, randomUUID()),
        validationRules: [...limits.validationRules, finiteNumberLiterals, supportedOperationTypes],
        operationGuards: operationGuards(),
        maxTokens: MAX_TOKENS,
        trustedDocuments,
        formatError,
        log,
        limits: options.subscriptionLimits,
        redis: options.redis,
        redisPrefix: options.redisPrefix,
      });
      const server = createHttpServer({
        apollo,
        context: contextFor,
        maxBodyBytes: options.maxBodyBytes ?? MAX_CLIENT_BODY_BYTES,
        compressAbove: options.compressAbove === 0 ? undefined : (options.compressAbove ?? 16 * 1024),
        // Fail fast under overload: at ~1,400 req/s and p99 60 ms about 90 operations are in
        // flight; beyond 256 a request would only wait in a queue its client has given up on.
        maxInFlight: options.maxInFlight ?? 256,
        corsOrigins: options.corsOrigins ?? [],
        admit: trustedDocuments ? (request) => admitTrustedDocument(trustedDocuments, request) : undefined,
        stream: subscriptions.stream,
        routes: [
          personalDataExport,
          { method: 'GET', path: '/health', handle: async () => jsonResponse(200, { status: 'ok' }) },
          { method: 'GET', path: '/ready', handle: readiness },
          metricsRoute(metrics.registry, { production: options.production, token: options.metricsToken }),
        ],
        onError: (error) => log.error({ err: error }, 'gateway http handler failed'),
      });
      const running = await listen(server, port, host);
      subscriptions.attach(running.server);
      return {
        ...running,
        async stop() {
          await subscriptions.close();
          await running.close();
          await apollo.stop();
          subgraphHttp.destroy();
        },
      };
    },
  };
}

/**
 * The supergraph's custom scalars arrive as pass-through types; giving the schema the request
 * runs against the same graphql-scalars parsers the subgraphs use rejects bad variables here,
 * before any planning or subgraph fetch.
 */
function scalarValidation(): ApolloServerPlugin<GatewayContext> {
  const patched = new WeakSet<GraphQLSchema>();
  return {
    async requestDidStart({ schema }) {
      if (!patched.has(schema)) {
        patched.add(schema);
        validateScalars(schema);
      }
    },
  };
}

function validateScalars(schema: GraphQLSchema): void {
  for (const [name, implementation] of Object.entries(scalarResolvers)) {
    const type = schema.getType(name);
    // By name, not instanceof: the gateway runs graphql's CommonJS build, this module its ESM one.
    if (type?.constructor.name !== 'GraphQLScalarType') continue;
    const scalar = type as GraphQLScalarType;
    scalar.parseValue = implementation.parseValue.bind(implementation);
    scalar.parseLiteral = implementation.parseLiteral.bind(implementation);
  }
}

/** Returns the request id to the client, so a support ticket can name the log lines it produced. */
function echoRequestId(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (contextValue.requestId) response.http.headers.set(REQUEST_ID_HEADER, contextValue.requestId);
        },
      };
    },
  };
}

/**
 * Writes the Set-Cookie lines for the cookies subgraphs asked for, with the attributes the gateway
 * alone decides (kit/client-cookies.ts); a response that sets a cookie is never stored by a cache.
 */
function setClientCookies(secure: boolean): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const requested = contextValue.cookies?.requested() ?? [];
          for (const cookie of requested)
            appendSetCookie(response.http.headers, setCookieLine(cookie, secure));
          if (requested.length > 0) response.http.headers.set('cache-control', UNCACHEABLE);
        },
      };
    },
  };
}

/**
 * Apollo Server refuses an APQ hash that does not match its query with a GraphQLError that has
 * HTTP 400 but no code of its own, which masking would report as an internal error; it is a bad
 * request.
 */
function withRequestErrorCode(error: GraphQLFormattedError): GraphQLFormattedError {
  // Apollo fills in INTERNAL_SERVER_ERROR where an error names no code.
  const code = error.extensions?.code;
  if ((code && code !== 'INTERNAL_SERVER_ERROR') || error.message !== 'provided sha does not match query')
    return error;
  return { ...error, extensions: { ...error.extensions, code: 'BAD_REQUEST' } };
}

/**
 * A variable that does not fit its type fails before any resolver runs, with the argument path
 * only in graphql-js's message; clients get it in `extensions.field` like every other bad input.
 */
function withVariableField(error: GraphQLFormattedError): GraphQLFormattedError {
  if (error.extensions?.code !== ErrorCode.BAD_USER_INPUT || error.extensions.field !== undefined)
    return error;
  const field = variableErrorField(error.message);
  return field ? { ...error, extensions: { ...error.extensions, field } } : error;
}

/** Drops graphql-js's "Did you mean ...?" hints, which reveal schema names to a probing client. */
export function withoutSuggestions(error: GraphQLFormattedError): GraphQLFormattedError {
  if (!error.message.includes('Did you mean')) return error;
  return { ...error, message: error.message.replace(/\s*Did you mean [^?]*\?/g, '') };
}

/**
 * A document with several operations and no (or an unknown) operationName names nothing to run.
 * Apollo Server hands it on, and the gateway's planner then fails as an unexpected error (HTTP 500);
 * this refuses it as the client's mistake first.
 */
function requireOperation(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (operation) return;
          const message = request.operationName
            ? `Unknown operation named "${String(request.operationName).slice(0, 100)}".`
            : 'Must provide operation name if query contains multiple operations.';
          throw new GraphQLError(message, {
            extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } },
          });
        },
      };
    },
  };
}

/** A WebSocket upgrade from no browser page (no Origin), the gateway's own origin, or an allowed one. */
function trustedOrigin(request: IncomingMessage, corsOrigins: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  if (corsOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
