import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { ClientCookies } from './client-cookies.js';
import { maskError } from './errors.js';
import type { EventBus } from './events/bus.js';
import type { CatalogueEvent, EventName } from './events/catalogue.js';
import { decodeEvent } from './events/consumer.js';
import {
  IDENTITY_HEADER,
  REQUEST_ID_HEADER,
  type SignedIdentity,
  verifyIdentity,
} from './identity-header.js';
import { LoaderRegistry } from './loaders.js';
import type { Logger } from './log.js';

/**
 * WebSocket close codes of the subscription servers (the gateway's and each subgraph's), beside
 * graphql-ws's own (4400 bad request, 4403 forbidden, 4408 init timeout, 4429 too many inits,
 * 4500 internal). docs/errors.md lists them for clients.
 */
export const CloseCode = {
  /** No credential, an invalid one, or the session ended (sign-out, password change, deletion): sign in again. */
  Unauthorized: 4401,
  /** The client read its events too slowly and too many waited: reconnect and re-read what it missed. */
  SlowConsumer: 4413,
  /** The server is shutting down or restarting: reconnect (to another replica). */
  ServiceRestart: 1012,
} as const;

/** Events waiting for one subscriber before it counts as too slow. */
export const MAX_QUEUED_EVENTS = 100;

/** A subscriber whose events pile up is cut off with this error (its connection gets SlowConsumer). */
export class SlowConsumerError extends Error {
  constructor() {
    super(`More than ${MAX_QUEUED_EVENTS} events waited for this subscriber; it reads too slowly.`);
  }
}

/**
 * Each broadcast event checked against the catalogue once, however many subscriptions listen:
 * the bus hands every listener the same event object, and with 2,000 subscriptions a check per
 * listener was 2,000 catalogue parses per event.
 */
const decodedOnce = new WeakMap<object, ReturnType<typeof decodeEvent>>();

function decodeShared(raw: Parameters<typeof decodeEvent>[0]): ReturnType<typeof decodeEvent> {
  let decoded = decodedOnce.get(raw);
  if (!decoded) {
    decoded = decodeEvent(raw);
    decodedOnce.set(raw, decoded);
  }
  return decoded;
}

/**
 * The source stream of a subgraph's subscription field: catalogue events of the given types from
 * the bus's broadcast (every replica sees every event), checked against the catalogue, then
 * handed one at a time to `deliver`, which authorizes the event for this subscriber at delivery
 * time and returns the field's value, or null to skip it. Events wait in a bounded queue while
 * the subscriber is busy; past the bound the stream fails with SlowConsumerError.
 */
export function eventStream<N extends EventName, T>(
  bus: EventBus,
  types: readonly N[],
  deliver: (event: CatalogueEvent<N>) => Promise<T | null>,
  options: { maxQueued?: number; log?: Logger } = {},
): AsyncGenerator<T, void, unknown> {
  const wanted = new Set<string>(types);
  const maxQueued = options.maxQueued ?? MAX_QUEUED_EVENTS;
  const queue: CatalogueEvent<N>[] = [];
  let wake: (() => void) | null = null;
  let overflow = false;
  let done = false;
  const stopping = bus.listen(async (raw) => {
    if (done || !wanted.has(raw.type)) return;
    const decoded = decodeShared(raw);
    if (!decoded.ok) {
      options.log?.warn({ eventId: raw.id, eventType: raw.type, reason: decoded.reason }, 'event skipped');
      return;
    }
    if (queue.length >= maxQueued) overflow = true;
    else queue.push(decoded.event as CatalogueEvent<N>);
    wake?.();
  });

  async function* run(): AsyncGenerator<T, void, unknown> {
    const stop = await stopping;
    try {
      while (!done) {
        if (overflow) throw new SlowConsumerError();
        const event = queue.shift();
        if (!event) {
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          wake = null;
          continue;
        }
        const value = await deliver(event);
        if (value !== null) yield value;
      }
    } finally {
      done = true;
      stop();
    }
  }
  const generator = run();
  // return() on a generator paused in its wait must not hang: wake it so finally runs.
  const originalReturn = generator.return.bind(generator);
  generator.return = (value) => {
    done = true;
    wake?.();
    return originalReturn(value);
  };
  return generator;
}

/** What the subgraph's subscription server needs of it. */
export interface SubscriptionHost {
  name: string;
  schema: GraphQLSchema;
  identitySecret: string;
  production: boolean;
  log: Logger;
}

/**
 * Serves the subgraph's Subscription fields over graphql-ws (graphql-transport-ws) on the same
 * path as its HTTP GraphQL, as Apollo Router and Hive Gateway expect of a subgraph. Only the
 * gateway connects: connection_init carries the gateway's signed identity header
 * (`{ "x-fitness-identity": "v1...." }`), verified like an HTTP request's, its expiry at connect;
 * anything else is closed with 4401. Errors are masked like HTTP answers.
 */
export function serveSubscriptions(
  server: Server,
  host: SubscriptionHost,
): { close(): Promise<void>; connections(): number } {
  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: 256 * 1024 });
  const log = host.log.child({ subgraph: host.name });
  const mask = (error: GraphQLFormattedError, original: unknown) =>
    maskError(error, original, (unexpected) =>
      log.error({ err: unexpected, path: error.path }, 'unexpected error'),
    );
  const disposable = useServer<Record<string, unknown>, { identity: SignedIdentity }>(
    {
      schema: host.schema,
      isProd: host.production,
      onConnect: (ctx) => {
        const header = ctx.connectionParams?.[IDENTITY_HEADER];
        const identity = verifyIdentity(typeof header === 'string' ? header : undefined, host.identitySecret);
        if (!identity) {
          ctx.extra.socket.close(
            CloseCode.Unauthorized,
            'The signed identity is missing, invalid or expired.',
          );
          return false;
        }
        ctx.extra.identity = identity;
        return true;
      },
      context: (ctx) => {
        const identity = ctx.extra.identity;
        const incoming = ctx.connectionParams?.[REQUEST_ID_HEADER];
        const requestId =
          typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
        return {
          viewer: identity?.viewer ?? null,
          service: identity?.service ?? null,
          ip: identity?.ip ?? null,
          requestId,
          loaders: new LoaderRegistry(),
          log: log.child({ requestId }),
          cookies: new ClientCookies(),
        };
      },
      onNext: (_ctx, _id, _payload, _args, result) => {
        const errors = (result as { errors?: readonly { toJSON?: () => GraphQLFormattedError }[] }).errors;
        if (!errors?.length) return result;
        return {
          ...result,
          errors: errors.map((error) =>
            mask(error.toJSON ? error.toJSON() : (error as GraphQLFormattedError), error),
          ),
        } as unknown as typeof result;
      },
    },
    wss,
    12_000,
  );
  wss.on('connection', (socket) => {
    socket.on('error', (error) => log.warn({ err: error }, 'subscription socket error'));
  });
  return {
    connections: () => wss.clients.size,
    async close() {
      for (const client of wss.clients) client.close(CloseCode.ServiceRestart, 'The service is restarting.');
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
