import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import { type Schema, operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { buildOperationContext, executeQueryPlan, type GraphQLDataSource } from '@apollo/gateway';
import { type FetchNode, type QueryPlan, QueryPlanner, type SubscriptionNode } from '@apollo/query-planner';
import {
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  getOperationAST,
  parse,
  specifiedRules,
  type ValidationRule,
  validate,
} from 'graphql';
import { createClient } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import WebSocket, { WebSocketServer } from 'ws';
import { ClientCookies } from '../kit/client-cookies.js';
import { ErrorCode } from '../kit/errors.js';
import { IDENTITY_HEADER, REQUEST_ID_HEADER, signIdentity, type Viewer } from '../kit/identity-header.js';
import type { Logger } from '../kit/log.js';
import { CloseCode } from '../kit/subscriptions.js';
import { admitTrustedDocument, type TrustedDocuments } from './trusted-documents.js';

/** The limits of the gateway's subscription server; docs/subscriptions.md has the numbers. */
export interface SubscriptionLimits {
  /** Subscriptions one connection may hold at once. */
  perConnection: number;
  /** Subscriptions one user may hold at once in this gateway process, over all their connections. */
  perUser: number;
  /** How often a connection's session is checked again (sign-out closes it within this). */
  recheckMs: number;
  /** Bytes waiting in a socket's send buffer above which the client counts as too slow. */
  maxBufferedBytes: number;
  /** graphql-ws ping interval; a client that misses a pong is dropped. */
  keepAliveMs: number;
}

export const DEFAULT_SUBSCRIPTION_LIMITS: SubscriptionLimits = {
  perConnection: 20,
  perUser: 50,
  recheckMs: 2000,
  maxBufferedBytes: 1024 * 1024,
  keepAliveMs: 12_000,
};

/** Who a connection runs as, decided once at connection_init. */
export interface SubscriberIdentity {
  viewer: Viewer;
  ip: string | null;
  /** The session token, to check the session again while the connection lives. */
  token: string;
}

/** Why a connection is refused at connection_init: a 4401 close with the reason. */
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
  /** Resolves the credential of connection_init (payload or upgrade request) to a viewer, or refuses. */
  authenticate(
    request: IncomingMessage,
    params: Record<string, unknown>,
  ): Promise<SubscriberIdentity | Refusal>;
  /** The session's viewer now, or null when it ended; throws when that cannot be known right now. */
  recheck(identity: SubscriberIdentity): Promise<Viewer | null>;
  /** The query limits of HTTP operations (depth, aliases, directives, cost) and the gateway's own rules. */
  validationRules: readonly ValidationRule[];
  maxTokens: number;
  trustedDocuments?: TrustedDocuments;
  /** The gateway's error masking, as for HTTP answers. */
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
  log: Logger;
  limits?: Partial<SubscriptionLimits>;
}

interface Connection {
  identity?: SubscriberIdentity;
  requestId: string;
  active: number;
  /** Ends each running subscription's upstream, by operation id. */
  upstreams: Map<string, () => Promise<void>>;
  recheck?: NodeJS.Timeout;
  closed: boolean;
}

interface PlannedSubscription {
  plan: QueryPlan & { node: SubscriptionNode };
  document: DocumentNode;
  operationName: string | undefined;
  variables: Record<string, unknown>;
}

/** What one client subscription carries from onSubscribe to its execution. */
interface Running {
  id: string;
  /** Gives back the subscription's place under the caps; once, however it ends. */
  release: () => void;
  planned: PlannedSubscription;
  connection: Connection;
  socket: WebSocket;
}

/** Errors of the event's own data name the subgraph that sent it, as an HTTP answer's would. */
function fromPrimary(error: GraphQLError, primary: FetchNode): GraphQLError {
  if (error.extensions?.serviceName !== EVENT_SOURCE) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, serviceName: primary.serviceName },
  });
}

/** The service name of the per-event data source that hands the plan the event's data. */
const EVENT_SOURCE = '__subscription_event__';

/**
 * GraphQL subscriptions from clients over graphql-ws on the gateway's /graphql path.
 *
 * Authentication happens once, at connection_init; each `subscribe` is checked like an HTTP
 * operation (trusted documents, token limit, validation with the query limits), planned by the
 * federation query planner into a Subscription node (`primary` fetch + `rest`), and the primary
 * fetch is opened on the owning subgraph over graphql-ws with a freshly signed identity. Every
 * event the subgraph sends runs the rest of the plan with `executeQueryPlan`, with the event's
 * data standing in for the primary fetch, and the result goes to the client masked like HTTP
 * answers.
 */
export function serveGatewaySubscriptions(server: Server, options: SubscriptionGatewayOptions) {
  const limits = { ...DEFAULT_SUBSCRIPTION_LIMITS, ...options.limits };
  const { log } = options;
  const supergraph = Supergraph.build(options.supergraphSdl);
  const fedApiSchema: Schema = supergraph.apiSchema();
  const supergraphSchema = supergraph.schema.toGraphQLJSSchema();
  const planner = new QueryPlanner(supergraph);
  const rules = [...specifiedRules, ...options.validationRules];
  const perUser = new Map<string, number>();
  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: 64 * 1024 });

  const refuse = (message: string, code: string, extensions: Record<string, unknown> = {}) => [
    new GraphQLError(message, { extensions: { ...extensions, code } }),
  ];

  const stopRecheck = (connection: Connection) => {
    if (connection.recheck) clearInterval(connection.recheck);
    connection.recheck = undefined;
  };

  const formatAll = (errors: readonly GraphQLError[]): GraphQLFormattedError[] =>
    errors.map((error) => options.formatError(error.toJSON(), error));

  function plan(payload: {
    query?: unknown;
    operationName?: unknown;
    variables?: unknown;
    extensions?: unknown;
  }): PlannedSubscription | GraphQLError[] {
    let fields: Record<string, unknown> = { ...payload };
    if (options.trustedDocuments) {
      const admitted = admitTrustedDocument(options.trustedDocuments, {
        method: 'POST',
        search: '',
        body: fields,
      });
      if ('status' in admitted) {
        const body = JSON.parse(admitted.body) as {
          errors: { message: string; extensions: { code: string } }[];
        };
        const first = body.errors[0]!;
        return refuse(first.message, first.extensions.code);
      }
      fields = admitted.body as Record<string, unknown>;
    }
    if (typeof fields.query !== 'string' || fields.query.trim() === '')
      return refuse('Send the subscription document as `query`.', 'BAD_REQUEST');
    let document: DocumentNode;
    try {
      document = parse(fields.query, { maxTokens: options.maxTokens });
    } catch (error) {
      return refuse((error as Error).message, 'GRAPHQL_PARSE_FAILED');
    }
    const operationName = typeof fields.operationName === 'string' ? fields.operationName : undefined;
    const validationErrors = validate(options.apiSchema, document, rules);
    if (validationErrors.length > 0)
      return validationErrors.map(
        (error) =>
          new GraphQLError(error.message, {
            nodes: error.nodes,
            extensions: { ...error.extensions, code: 'GRAPHQL_VALIDATION_FAILED' },
          }),
      );
    const operation = getOperationAST(document, operationName);
    if (!operation)
      return refuse(
        operationName
          ? `Unknown operation named "${operationName.slice(0, 100)}".`
          : 'Must provide operation name if query contains multiple operations.',
        'OPERATION_RESOLUTION_FAILURE',
      );
    if (operation.operation !== 'subscription')
      return refuse(
        'Only subscriptions run over WebSocket; send queries and mutations over HTTP.',
        'BAD_REQUEST',
      );
    const variables =
      fields.variables && typeof fields.variables === 'object' && !Array.isArray(fields.variables)
        ? (fields.variables as Record<string, unknown>)
        : {};
    let planned: QueryPlan;
    try {
      planned = planner.buildQueryPlan(operationFromDocument(fedApiSchema, document, { operationName }));
    } catch (error) {
      // A document that validated but cannot be planned is the gateway's failure: masked as internal.
      return [new GraphQLError('Planning failed.', { originalError: error as Error })];
    }
    if (planned.node?.kind !== 'Subscription')
      return refuse('This subscription selects nothing a subgraph publishes.', 'BAD_REQUEST');
    return { plan: planned as PlannedSubscription['plan'], document, operationName, variables };
  }

  /** The events of one subscription: the primary fetch over graphql-ws, the rest of the plan per event. */
  async function* run({
    id,
    connection,
    socket,
    planned,
  }: Running): AsyncGenerator<ExecutionResult, void, unknown> {
    const identity = connection.identity!;
    const { primary, rest } = planned.plan.node;
    const operationContext = buildOperationContext({
      schema: options.apiSchema,
      operationDocument: planned.document,
      operationName: planned.operationName,
    });
    const primaryVariables = Object.fromEntries(
      (primary.variableUsages ?? [])
        .filter((name) => Object.hasOwn(planned.variables, name))
        .map((name) => [name, planned.variables[name]]),
    );
    const url = new URL(options.subgraphUrl(primary.serviceName));
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const upstream = createClient({
      url: url.toString(),
      webSocketImpl: WebSocket,
      lazy: true,
      retryAttempts: 0,
      keepAlive: limits.keepAliveMs,
      connectionParams: () => ({
        [IDENTITY_HEADER]: signIdentity(
          { viewer: identity.viewer, service: null, ip: identity.ip },
          options.identitySecret,
        ),
        [REQUEST_ID_HEADER]: connection.requestId,
      }),
    });
    const events = upstream.iterate({
      query: primary.operation,
      variables: primaryVariables,
      operationName: primary.operationName,
    });
    connection.upstreams.set(id, () => upstream.dispose() as Promise<void>);
    const eventFetch: FetchNode = { ...primary, serviceName: EVENT_SOURCE };
    const perEvent: QueryPlan = {
      kind: 'QueryPlan',
      node: rest ? { kind: 'Sequence', nodes: [eventFetch, rest] } : eventFetch,
    };
    try {
      for await (const event of events) {
        if (connection.closed) return;
        const serviceMap = {
          ...options.serviceMap,
          [EVENT_SOURCE]: { process: async () => structuredClone(event) },
        } as Record<string, GraphQLDataSource>;
        const requestContext = {
          logger: log,
          request: { variables: planned.variables, operationName: planned.operationName },
          metrics: {},
          context: {
            viewer: identity.viewer,
            ip: identity.ip,
            requestId: randomUUID(),
            cookies: new ClientCookies(),
          },
        };
        let result: ExecutionResult;
        try {
          result = await executeQueryPlan(
            perEvent,
            serviceMap as any,
            requestContext as any,
            operationContext,
            supergraphSchema,
            fedApiSchema,
          );
        } catch (error) {
          // One event that cannot be completed is masked as internal; the subscription goes on.
          result = {
            data: null,
            errors: [new GraphQLError('Event failed.', { originalError: error as Error })],
          };
        }
        if (socket.bufferedAmount > limits.maxBufferedBytes) {
          socket.close(CloseCode.SlowConsumer, 'Events are waiting unread: the client reads too slowly.');
          return;
        }
        yield {
          data: result.data ?? null,
          errors: result.errors?.map((error) => fromPrimary(error, primary)),
        };
      }
    } catch (error) {
      if (Array.isArray(error)) {
        // The subgraph refused or ended the operation with GraphQL errors (already masked there).
        yield {
          data: null,
          errors: (error as GraphQLFormattedError[]).map(
            (e) => new GraphQLError(e.message, { path: e.path, extensions: e.extensions }),
          ),
        };
      } else if (!connection.closed) {
        log.warn({ err: error, subgraph: primary.serviceName }, 'subscription upstream closed');
        yield {
          data: null,
          errors: refuse(
            `The ${primary.serviceName} service ended the subscription; subscribe again shortly.`,
            ErrorCode.SERVICE_UNAVAILABLE,
          ),
        };
      }
    } finally {
      connection.upstreams.delete(id);
      await events.return?.();
      await upstream.dispose();
    }
  }

  const disposable = useServer<Record<string, unknown>, { connection: Connection }>(
    {
      schema: options.apiSchema,
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
          outcome = await options.authenticate(ctx.extra.request, ctx.connectionParams ?? {});
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
        connection.recheck = setInterval(async () => {
          try {
            const viewer = await options.recheck(outcome);
            if (viewer) {
              outcome.viewer = viewer;
              return;
            }
            stopRecheck(connection);
            socket.close(CloseCode.Unauthorized, 'SESSION_ENDED: the session has ended; sign in again.');
          } catch {
            // Identity unreachable for a moment: keep the connection, check again next time.
          }
        }, limits.recheckMs);
        connection.recheck.unref();
        return true;
      },
      onSubscribe: (ctx, id, payload) => {
        // Set by onConnect; graphql-ws lets no subscribe through before the connection is acknowledged.
        const connection = ctx.extra.connection!;
        const userId = connection.identity!.viewer.userId;
        if (connection.active >= limits.perConnection || (perUser.get(userId) ?? 0) >= limits.perUser)
          return refuse(
            `Too many subscriptions open (at most ${limits.perConnection} per connection and ${limits.perUser} per user); complete one first.`,
            'BAD_REQUEST',
            { reason: 'SUBSCRIPTION_LIMIT' },
          );
        const planned = plan(payload);
        if (Array.isArray(planned)) return planned;
        // Counted here, not when the operation starts: ws hands over a burst of messages at once,
        // and every subscribe of the burst passes this check before any operation starts.
        connection.active++;
        perUser.set(userId, (perUser.get(userId) ?? 0) + 1);
        let released = false;
        const release = () => {
          if (released) return;
          released = true;
          connection.active--;
          const left = (perUser.get(userId) ?? 1) - 1;
          if (left > 0) perUser.set(userId, left);
          else perUser.delete(userId);
        };
        return {
          schema: options.apiSchema,
          document: planned.document,
          operationName: planned.operationName,
          variableValues: planned.variables,
          contextValue: { id, release, planned, connection, socket: ctx.extra.socket } satisfies Running,
        } satisfies ExecutionArgs;
      },
      subscribe: (args) => {
        const running = args.contextValue as Running;
        const events = run(running);
        const generator = (async function* () {
          try {
            yield* events;
          } finally {
            running.release();
          }
        })();
        // An async generator's return() waits for its pending next(), which waits for the next
        // event: a client's complete ends the upstream first, which ends the loop in run().
        const originalReturn = generator.return.bind(generator);
        generator.return = async (value) => {
          running.release();
          await running.connection.upstreams.get(running.id)?.();
          return originalReturn(value);
        };
        return generator;
      },
      // Every error a client sees is masked like an HTTP answer's.
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors?.length
          ? ({ ...result, errors: formatAll(result.errors) } as unknown as ExecutionResult)
          : result,
      onError: (_ctx, _id, _payload, errors) => formatAll(errors),
      onClose: async (ctx) => {
        const connection = ctx.extra.connection;
        if (!connection) return;
        connection.closed = true;
        stopRecheck(connection);
        await Promise.all([...connection.upstreams.values()].map((end) => end()));
      },
    },
    wss,
    limits.keepAliveMs,
  );

  return {
    /** Open client connections. */
    connections: () => wss.clients.size,
    /** Graceful shutdown: every client is told to reconnect (1012), then the server closes. */
    async close() {
      for (const client of wss.clients)
        client.close(CloseCode.ServiceRestart, 'The gateway is restarting; reconnect.');
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
