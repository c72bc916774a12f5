import { randomUUID } from 'node:crypto';
import type { Schema, Supergraph } from '@apollo/federation-internals';
import { buildOperationContext, executeQueryPlan, type GraphQLDataSource } from '@apollo/gateway';
import type { FetchNode, QueryPlan } from '@apollo/query-planner';
import { type ExecutionResult, GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { ClientCookies } from '../kit/client-cookies.js';
import { ErrorCode } from '../kit/errors.js';
import { IDENTITY_HEADER, REQUEST_ID_HEADER, signIdentity } from '../kit/identity-header.js';
import type { Logger } from '../kit/log.js';
import { entityBatches } from './entity-batches.js';
import { type PlannedSubscription, refuse } from './subscription-plan.js';
import type { SubscriberIdentity } from './subscriptions.js';

/** The service name of the per-event data source that hands the plan the event's data. */
const EVENT_SOURCE = '__subscription_event__';

/**
 * Reconnects to the owning subgraph after its connection drops (a restart, a crash): at most
 * this many attempts in a row, waiting RESUME_WAIT_MS doubled per attempt (capped at 4 s, with
 * jitter), about 10 s in all; a successful reconnect starts the count again. Events published
 * while the upstream was down are not replayed.
 */
export const RESUME_ATTEMPTS = 6;
export const RESUME_WAIT_MS = 250;

/**
 * Events from the subgraph waiting for the transport to take them (graphql-ws takes the next one
 * once the last reached the socket) or for the rest of their plan; beyond this the subscriber is
 * ended as too slow at once, so memory stays bounded.
 */
export const MAX_PENDING_EVENTS = 100;

export function resumeWait(attempt: number, firstWaitMs = RESUME_WAIT_MS): number {
  const base = Math.min(firstWaitMs * 2 ** attempt, 4000);
  return base / 2 + Math.random() * (base / 2);
}

/** One client subscription's run, whatever carries its results to the client. */
export interface EventRun {
  planned: PlannedSubscription;
  /** The subscriber; its viewer is replaced when the session re-check finds it changed. */
  identity: SubscriberIdentity;
  requestId: string;
  /** True once the client is gone: the run ends without another result. */
  gone(): boolean;
  /** Bytes given to the transport and not yet sent to the client. */
  buffered(): number;
  /** Ends the client's connection or stream for reading too slowly (the run then ends). */
  closeSlow(bufferedBytes: number, pendingEvents: number): void;
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

/**
 * The events of planned subscriptions: the primary fetch opened on the owning subgraph over
 * graphql-ws with a freshly signed identity (at each connect, so a resumed upstream gets a
 * current one), and for every event the rest of the plan through `executeQueryPlan`, with the
 * event's data standing in for the primary fetch.
 */
export function subscriptionEvents(options: {
  supergraph: Supergraph;
  apiSchema: GraphQLSchema;
  serviceMap: Record<string, GraphQLDataSource>;
  subgraphUrl(name: string): string;
  identitySecret: string;
  keepAliveMs: number;
  /** Bytes waiting unsent to one client above which it counts as too slow. */
  maxBufferedBytes: number;
  /** RESUME_ATTEMPTS and RESUME_WAIT_MS by default (tests shorten them). */
  resumeAttempts?: number;
  resumeWaitMs?: number;
  log: Logger;
}) {
  const fedApiSchema: Schema = options.supergraph.apiSchema();
  const supergraphSchema = options.supergraph.schema.toGraphQLJSSchema();
  const { log } = options;
  // One batcher for every subscription of this gateway: entity fetches of events that arrive
  // together share a request (entity-batches.ts).
  const batches = entityBatches(options.serviceMap);

  return function start(run: EventRun): {
    events: AsyncGenerator<ExecutionResult, void, unknown>;
    /** Ends the upstream, which ends the events (a pending next() resolves done). */
    stop(): Promise<void>;
  } {
    const { planned, identity } = run;
    const { primary, rest } = planned.plan.node;
    const url = new URL(options.subgraphUrl(primary.serviceName));
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const upstream = createClient({
      url: url.toString(),
      webSocketImpl: WebSocket,
      lazy: true,
      retryAttempts: options.resumeAttempts ?? RESUME_ATTEMPTS,
      // Every failure counts, a refused connection (an ErrorEvent, not a close event) included:
      // by default graphql-ws retries only close events, so a subgraph not yet listening again
      // after its restart would end the subscription at once. Fatal close codes (4400, 4401,
      // 4500, ...) are still never retried.
      shouldRetry: () => true,
      retryWait: async (attempt) => {
        await new Promise((resolve) => setTimeout(resolve, resumeWait(attempt, options.resumeWaitMs)));
      },
      keepAlive: options.keepAliveMs,
      connectionParams: () => ({
        [IDENTITY_HEADER]: signIdentity(
          { viewer: identity.viewer, service: null, ip: identity.ip },
          options.identitySecret,
        ),
        [REQUEST_ID_HEADER]: run.requestId,
      }),
      on: {
        connected: (_socket, _payload, wasRetry) => {
          if (wasRetry) log.info({ subgraph: primary.serviceName }, 'subscription upstream resumed');
        },
      },
    });
    let stopped = false;
    let wakeLoop: (() => void) | null = null;
    const stop = async () => {
      stopped = true;
      wakeLoop?.();
      await upstream.dispose();
    };

    async function* events(): AsyncGenerator<ExecutionResult, void, unknown> {
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
      // The upstream's events wait in a bounded queue while the rest of the plan runs.
      const pending: unknown[] = [];
      let overflowed = false;
      let ended: { error?: unknown } | null = null;
      let wake: (() => void) | null = null;
      const release = upstream.subscribe(
        { query: primary.operation, variables: primaryVariables, operationName: primary.operationName },
        {
          next: (event) => {
            if (overflowed) return;
            if (pending.length < MAX_PENDING_EVENTS) pending.push(event);
            else {
              // The transport has not taken an event for a hundred events (graphql-ws waits for
              // each send to reach the socket): the client stopped reading. End it now.
              overflowed = true;
              pending.length = 0;
              if (!run.gone()) run.closeSlow(run.buffered(), MAX_PENDING_EVENTS);
            }
            wake?.();
          },
          error: (error) => {
            ended = { error };
            wake?.();
          },
          complete: () => {
            ended = {};
            wake?.();
          },
        },
      );
      wakeLoop = () => wake?.();
      async function* source(): AsyncGenerator<unknown, void, unknown> {
        for (;;) {
          if (overflowed || stopped) return;
          const event = pending.shift();
          if (event !== undefined) {
            yield event;
            continue;
          }
          const end = ended as { error?: unknown } | null;
          if (end) {
            if ('error' in end) throw end.error;
            return;
          }
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          wake = null;
        }
      }
      const eventFetch: FetchNode = { ...primary, serviceName: EVENT_SOURCE };
      const perEvent: QueryPlan = {
        kind: 'QueryPlan',
        node: rest ? { kind: 'Sequence', nodes: [eventFetch, rest] } : eventFetch,
      };
      try {
        for await (const event of source()) {
          if (run.gone() || stopped) return;
          const serviceMap = {
            ...batches.serviceMap,
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
          if (run.gone()) return;
          if (overflowed) return;
          if (run.buffered() > options.maxBufferedBytes) {
            run.closeSlow(run.buffered(), pending.length);
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
        } else if (!run.gone() && !stopped) {
          // The upstream dropped and did not come back within the resume attempts.
          log.warn({ err: error, subgraph: primary.serviceName }, 'subscription upstream closed');
          yield {
            data: null,
            errors: refuse(
              `The ${primary.serviceName} service ended the subscription; subscribe again shortly.`,
              ErrorCode.SERVICE_UNAVAILABLE,
              { reason: 'UPSTREAM_UNAVAILABLE' },
            ),
          };
        }
      } finally {
        release();
        await upstream.dispose();
      }
    }

    return { events: events(), stop };
  };
}
