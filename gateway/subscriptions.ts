import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { Supergraph } from '@apollo/federation-internals';
import type { GraphQLDataSource } from '@apollo/gateway';
import type {
  ExecutionArgs,
  ExecutionResult,
  GraphQLError,
  GraphQLFormattedError,
  GraphQLSchema,
  ValidationRule,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Viewer } from '../kit/identity-header.js';
import type { Logger } from '../kit/log.js';
import type { RedisClient } from '../kit/redis.js';
import { CloseCode } from '../kit/subscriptions.js';
import { multipartSubscriptions } from './multipart-subscriptions.js';
import { type SubscriptionCaps, subscriptionCaps } from './subscription-caps.js';
import { type EventRun, RESUME_ATTEMPTS, RESUME_WAIT_MS, subscriptionEvents } from './subscription-events.js';
import { sessionWatch } from './session-watch.js';
import { type PlannedSubscription, refuse, subscriptionPlanner } from './subscription-plan.js';
import type { TrustedDocuments } from './trusted-documents.js';

/** The limits of the gateway's subscription server; docs/subscriptions.md has the numbers. */
export interface SubscriptionLimits {
  /** Subscriptions one WebSocket connection may hold at once. */
  perConnection: number;
  /** Subscriptions one user may hold at once over all connections and streams (all replicas with Redis). */
  perUser: number;
  /** How often a session is checked again (sign-out closes its connections and streams within this). */
  recheckMs: number;
  /** Bytes waiting to be sent to one client above which it counts as too slow. */
  maxBufferedBytes: number;
  /** graphql-ws ping interval; a client that misses a pong is dropped. */
  keepAliveMs: number;
  /** Heartbeat part (`{}`) of an HTTP multipart stream, so proxies and clients see it alive. */
  heartbeatMs: number;
  /**
   * Reconnects in a row to an owning subgraph whose connection dropped, and the first wait
   * (doubled per attempt, at most 4 s); past them the client gets SERVICE_UNAVAILABLE.
   */
  resumeAttempts: number;
  resumeWaitMs: number;
}

export const DEFAULT_SUBSCRIPTION_LIMITS: SubscriptionLimits = {
  perConnection: 20,
  perUser: 50,
  recheckMs: 2000,
  maxBufferedBytes: 1024 * 1024,
  keepAliveMs: 12_000,
  heartbeatMs: 5000,
  resumeAttempts: RESUME_ATTEMPTS,
  resumeWaitMs: RESUME_WAIT_MS,
};

/** Who a connection or stream runs as, decided once when it opens. */
export interface SubscriberIdentity {
  viewer: Viewer;
  ip: string | null;
  /** The session token, to check the session again while the connection lives. */
  token: string;
}

/** Why a connection or stream is refused before it starts: a WebSocket close code and the reason. */
export interface Refusal {
  code: number;
  reason: string;
}

export interface SubscriptionGatewayOptions {
  supergraphSdl: string;
  /** The GraphQL-js API schema the operations are validated against. */
  apiSchema: GraphQLSchema;
  /** The gateway's data sources by subgraph, for the rest of each plan (entity fetches). */
  serviceMap: Record<string, GraphQLDataSource>;
  subgraphUrl(name: string): string;
  identitySecret: string;
  /**
   * Resolves the credential (the connection_init payload, else the request's Authorization
   * header or session cookie from an allowed origin) to a viewer, or refuses.
   */
  authenticate(
    request: IncomingMessage,
    params: Record<string, unknown>,
  ): Promise<SubscriberIdentity | Refusal>;
  /** The session's viewer now, or null when it ended; throws when that cannot be known right now. */
  recheck(identity: SubscriberIdentity): Promise<Viewer | null>;
  /** The query limits of HTTP operations (depth, aliases, directives, cost) and the gateway's own rules. */
  validationRules: readonly ValidationRule[];
  /** The input guards of HTTP operations (subscription-plan.ts). */
  operationGuards?: readonly ApolloServerPlugin<any>[];
  maxTokens: number;
  trustedDocuments?: TrustedDocuments;
  /** The gateway's error masking, as for HTTP answers. */
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
  log: Logger;
  limits?: Partial<SubscriptionLimits>;
  /** Counts subscriptions per user over every replica (subscription-caps.ts); this process alone without. */
  redis?: RedisClient | null;
  redisPrefix?: string;
}

/** What both transports share: planning, the events, the caps, the session re-check, masking. */
export interface SubscriptionCore {
  apiSchema: GraphQLSchema;
  limits: SubscriptionLimits;
  caps: SubscriptionCaps;
  plan(payload: unknown): Promise<PlannedSubscription | GraphQLError[]>;
  start: ReturnType<typeof subscriptionEvents>;
  authenticate: SubscriptionGatewayOptions['authenticate'];
  /**
   * Checks the session every `recheckMs` (once per session, however many connections and
   * streams it has open: session-watch.ts); calls `ended` once when it has ended (sign-out,
   * password change, deletion). Returns the function that stops checking.
   */
  watchSession(identity: SubscriberIdentity, ended: () => void): () => void;
  formatAll(errors: readonly GraphQLError[]): GraphQLFormattedError[];
  limitRefusal(): GraphQLError[];
  log: Logger;
}

interface Connection {
  identity?: SubscriberIdentity;
  requestId: string;
  active: number;
  /** Ends each running subscription's upstream, by operation id. */
  upstreams: Map<string, () => Promise<void>>;
  stopWatching?: () => void;
  closed: boolean;
}

/** What one client subscription carries from onSubscribe to its execution. */
interface Running {
  id: string;
  /** Gives back the subscription's place under the caps; once, however it ends. */
  release: () => void;
  planned: PlannedSubscription;
  connection: Connection;
  socket: import('ws').WebSocket;
}

/**
 * GraphQL subscriptions for clients, on the gateway's /graphql path, over two transports: a
 * WebSocket speaking graphql-ws (`attach`, below) and HTTP multipart responses as Apollo Client
 * speaks them (`stream`, multipart-subscriptions.ts).
 *
 * Each subscription is checked like an HTTP operation (trusted documents, token limit,
 * validation with the query limits, variables and input guards), planned by the federation
 * query planner (subscription-plan.ts), and its primary fetch opened on the owning subgraph over
 * graphql-ws, with the rest of the plan run per event (subscription-events.ts). Results reach
 * the client masked like HTTP answers.
 */
export function gatewaySubscriptions(options: SubscriptionGatewayOptions) {
  const limits = { ...DEFAULT_SUBSCRIPTION_LIMITS, ...options.limits };
  const { log } = options;
  const supergraph = Supergraph.build(options.supergraphSdl);
  const caps = subscriptionCaps({
    perUser: limits.perUser,
    redis: options.redis,
    prefix: options.redisPrefix,
    log,
  });
  const planner = (transport: string) =>
    subscriptionPlanner({
      supergraph,
      apiSchema: options.apiSchema,
      validationRules: options.validationRules,
      operationGuards: options.operationGuards,
      maxTokens: options.maxTokens,
      trustedDocuments: options.trustedDocuments,
      transport,
    });
  const start = subscriptionEvents({
    supergraph,
    apiSchema: options.apiSchema,
    serviceMap: options.serviceMap,
    subgraphUrl: options.subgraphUrl,
    identitySecret: options.identitySecret,
    keepAliveMs: limits.keepAliveMs,
    maxBufferedBytes: limits.maxBufferedBytes,
    resumeAttempts: limits.resumeAttempts,
    resumeWaitMs: limits.resumeWaitMs,
    log,
  });
  // One re-check per session, shared by its connections and streams on both transports.
  const sessions = sessionWatch({ recheckMs: limits.recheckMs, recheck: options.recheck });
  const core = (transport: string): SubscriptionCore => ({
    apiSchema: options.apiSchema,
    limits,
    caps,
    plan: planner(transport),
    start,
    authenticate: options.authenticate,
    watchSession: (identity, ended) => sessions.watch(identity, ended),
    formatAll: (errors) => errors.map((error) => options.formatError(error.toJSON(), error)),
    limitRefusal: () =>
      refuse(
        `Too many subscriptions open (at most ${limits.perConnection} per connection and ${limits.perUser} per user); complete one first.`,
        'BAD_REQUEST',
        { reason: 'SUBSCRIPTION_LIMIT' },
      ),
    log,
  });
  const stream = multipartSubscriptions(core('in a multipart HTTP response'));
  const sockets: ReturnType<typeof serveWebSocket>[] = [];

  return {
    /** Serves graphql-ws on the server's /graphql upgrade requests. */
    attach(server: Server) {
      sockets.push(serveWebSocket(server, core('over WebSocket')));
    },
    /** The HTTP multipart transport, for kit/http-server.ts's `stream` hook. */
    stream,
    /** Open WebSocket connections. */
    connections: () => sockets.reduce((sum, socket) => sum + socket.connections(), 0),
    /** Open HTTP streams. */
    streams: () => stream.open(),
    /** Graceful shutdown: every client is told to reconnect (1012, or a final part), then the servers close. */
    async close() {
      await Promise.all([...sockets.map((socket) => socket.close()), stream.close()]);
      caps.close();
      sessions.close();
    },
  };
}

/** graphql-ws on the server's /graphql path. */
function serveWebSocket(server: Server, core: SubscriptionCore) {
  const { limits, log } = core;
  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: 64 * 1024 });

  const disposable = useServer<Record<string, unknown>, { connection: Connection }>(
    {
      schema: core.apiSchema,
      connectionInitWaitTimeout: 5000,
      onConnect: async (ctx) => {
        const connection: Connection = {
          requestId: randomUUID(),
          active: 0,
          upstreams: new Map(),
          closed: false,
        };
        ctx.extra.connection = connection;
        let outcome: SubscriberIdentity | Refusal;
        try {
          outcome = await core.authenticate(ctx.extra.request, ctx.connectionParams ?? {});
        } catch (error) {
          log.warn({ err: error }, 'subscription connection could not be authenticated');
          ctx.extra.socket.close(1013, 'Sessions cannot be checked right now; try again shortly.');
          return false;
        }
        if ('reason' in outcome) {
          ctx.extra.socket.close(outcome.code, outcome.reason);
          return false;
        }
        connection.identity = outcome;
        const socket = ctx.extra.socket;
        connection.stopWatching = core.watchSession(outcome, () =>
          socket.close(CloseCode.Unauthorized, 'SESSION_ENDED: the session has ended; sign in again.'),
        );
        return true;
      },
      onSubscribe: async (ctx, id, payload) => {
        // Set by onConnect; graphql-ws lets no subscribe through before the connection is acknowledged.
        const connection = ctx.extra.connection!;
        const userId = connection.identity!.viewer.userId;
        // Counted before any await: ws hands over a burst of messages at once, and every
        // subscribe of the burst must see the ones before it.
        if (connection.active >= limits.perConnection) return core.limitRefusal();
        connection.active++;
        let release = () => {
          connection.active--;
        };
        try {
          const planned = await core.plan(payload);
          if (Array.isArray(planned)) {
            release();
            return planned;
          }
          const place = await core.caps.acquire(userId);
          if (!place) {
            release();
            return core.limitRefusal();
          }
          let released = false;
          release = () => {
            if (released) return;
            released = true;
            connection.active--;
            place();
          };
          return {
            schema: core.apiSchema,
            document: planned.document,
            operationName: planned.operationName,
            variableValues: planned.variables,
            contextValue: { id, release, planned, connection, socket: ctx.extra.socket } satisfies Running,
          } satisfies ExecutionArgs;
        } catch (error) {
          release();
          throw error;
        }
      },
      subscribe: (args) => {
        const running = args.contextValue as Running;
        const { connection, socket } = running;
        const run: EventRun = {
          planned: running.planned,
          identity: connection.identity!,
          requestId: connection.requestId,
          gone: () => connection.closed,
          buffered: () => socket.bufferedAmount,
          closeSlow: (bufferedBytes, pendingEvents) => {
            log.warn(
              { bufferedBytes, pendingEvents, limit: limits.maxBufferedBytes },
              'subscriber reads too slowly; closing',
            );
            socket.close(CloseCode.SlowConsumer, 'Events are waiting unread: the client reads too slowly.');
          },
        };
        const { events, stop } = core.start(run);
        connection.upstreams.set(running.id, stop);
        const generator = (async function* () {
          try {
            yield* events;
          } finally {
            connection.upstreams.delete(running.id);
            running.release();
          }
        })();
        // An async generator's return() waits for its pending next(), which waits for the next
        // event: a client's complete ends the upstream first, which ends the loop.
        const originalReturn = generator.return.bind(generator);
        generator.return = async (value) => {
          running.release();
          await stop();
          return originalReturn(value);
        };
        return generator;
      },
      // Every error a client sees is masked like an HTTP answer's.
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors?.length
          ? ({ ...result, errors: core.formatAll(result.errors) } as unknown as ExecutionResult)
          : result,
      onError: (_ctx, _id, _payload, errors) => core.formatAll(errors),
      onClose: async (ctx) => {
        const connection = ctx.extra.connection;
        if (!connection) return;
        connection.closed = true;
        connection.stopWatching?.();
        await Promise.all([...connection.upstreams.values()].map((end) => end()));
      },
    },
    wss,
    limits.keepAliveMs,
  );

  return {
    connections: () => wss.clients.size,
    async close() {
      for (const client of wss.clients)
        client.close(CloseCode.ServiceRestart, 'The gateway is restarting; reconnect.');
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
