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
 * Each broadcast event checked against the catalogue once, however many subscriptions want it:
 * with 2,000 subscriptions a check per subscriber was 2,000 catalogue parses per event.
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

/** One subscription's place in the index: the event types it wants and where they go. */
interface Subscriber {
  types: ReadonlySet<string>;
  push(event: CatalogueEvent<EventName>): void;
  log?: Logger;
}

/** The user an event is about: its payload's `userId`, compared case-insensitively (UUIDs). */
const userKey = (userId: string) => userId.toLowerCase();

/**
 * The subscriptions of one bus, by the user whose events they follow (the user themselves, or
 * the user a coach follows). One bus listener serves them all: an event wakes only the
 * subscriptions of its `userId`, where each subscription listening on its own had every event
 * wake every subscription of the process, which then discarded it (2,000 wake-ups per event at
 * 2,000 subscribers, 10 of them wanted).
 */
class UserSubscribers {
  private readonly byUser = new Map<string, Set<Subscriber>>();
  private count = 0;
  /** The current bus listener (its stop function once listening); null while none is needed. */
  private listening: Promise<() => void> | null = null;
  /** Bumped at each (re)start, so a listener still stopping never delivers beside its successor. */
  private generation = 0;
  /** Subscribers handed an event, since start (tests check who was woken). */
  woken = 0;

  constructor(readonly bus: EventBus) {}

  get size(): number {
    return this.count;
  }

  /** Adds a subscriber; resolves once the bus listens, so events published next reach it. */
  add(userId: string, subscriber: Subscriber): Promise<unknown> {
    const key = userKey(userId);
    let set = this.byUser.get(key);
    if (!set) {
      set = new Set();
      this.byUser.set(key, set);
    }
    set.add(subscriber);
    this.count++;
    live.add(this);
    if (!this.listening) {
      const generation = ++this.generation;
      this.listening = this.bus.listen(async (raw) => {
        if (generation === this.generation) this.dispatch(raw);
      });
    }
    return this.listening;
  }

  remove(userId: string, subscriber: Subscriber): void {
    const key = userKey(userId);
    const set = this.byUser.get(key);
    if (!set?.delete(subscriber)) return;
    this.count--;
    if (set.size === 0) this.byUser.delete(key);
    if (this.count > 0) return;
    live.delete(this);
    const listening = this.listening;
    this.listening = null;
    this.generation++;
    void listening?.then((stop) => stop()).catch(() => {});
  }

  private dispatch(raw: Parameters<typeof decodeEvent>[0]): void {
    const userId = (raw.payload as { userId?: unknown } | null)?.userId;
    if (typeof userId !== 'string') return;
    const subscribers = this.byUser.get(userKey(userId));
    if (!subscribers) return;
    let decoded: ReturnType<typeof decodeEvent> | null = null;
    for (const subscriber of subscribers) {
      if (!subscriber.types.has(raw.type)) continue;
      decoded ??= decodeShared(raw);
      if (!decoded.ok) {
        subscriber.log?.warn(
          { eventId: raw.id, eventType: raw.type, reason: decoded.reason },
          'event skipped',
        );
        return;
      }
      this.woken++;
      subscriber.push(decoded.event as CatalogueEvent<EventName>);
    }
  }
}

const indexes = new WeakMap<EventBus, UserSubscribers>();
/** Indexes with subscribers now (for the counts below). */
const live = new Set<UserSubscribers>();

/** True when `bus` is `root` or built on it (a restarted subgraph's view of the same bus). */
function builtOn(bus: object | null, root: EventBus): boolean {
  for (let current = bus; current; current = Object.getPrototypeOf(current))
    if (current === root) return true;
  return false;
}

/**
 * Live subscriptions in this process on `bus` (or on views of it), and how many times a
 * subscription was handed an event: tests wait for subscriptions to be live, and check that an
 * event woke only its user's subscriptions.
 */
export function liveSubscriptions(bus: EventBus): { subscribers: number; woken: number } {
  const counted = new Set(live);
  const own = indexes.get(bus);
  if (own) counted.add(own);
  let subscribers = 0;
  let woken = 0;
  for (const index of counted) {
    if (!builtOn(index.bus, bus)) continue;
    subscribers += index.size;
    woken += index.woken;
  }
  return { subscribers, woken };
}

/**
 * The source stream of a subgraph's subscription field: the catalogue events of the given types
 * about one user (`payload.userId`), from the bus's broadcast (every replica sees every event),
 * checked against the catalogue, then handed one at a time to `deliver`, which authorizes the
 * event for this subscriber at delivery time and returns the field's value, or null to skip it.
 * Only the events of `userId` wake the stream (the index above). Events wait in a bounded queue
 * while the subscriber is busy; past the bound the stream fails with SlowConsumerError.
 */
export function eventStream<N extends EventName, T>(
  bus: EventBus,
  types: readonly N[],
  userId: string,
  deliver: (event: CatalogueEvent<N>) => Promise<T | null>,
  options: { maxQueued?: number; log?: Logger } = {},
): AsyncGenerator<T, void, unknown> {
  const maxQueued = options.maxQueued ?? MAX_QUEUED_EVENTS;
  const queue: CatalogueEvent<N>[] = [];
  let wake: (() => void) | null = null;
  let overflow = false;
  let done = false;
  let index = indexes.get(bus);
  if (!index) {
    index = new UserSubscribers(bus);
    indexes.set(bus, index);
  }
  const subscriber: Subscriber = {
    types: new Set<string>(types),
    log: options.log,
    push(event) {
      if (done) return;
      if (queue.length >= maxQueued) overflow = true;
      else queue.push(event as CatalogueEvent<N>);
      wake?.();
    },
  };
  const subscribers = index;
  const listening = subscribers.add(userId, subscriber);
  const stop = () => subscribers.remove(userId, subscriber);

  async function* run(): AsyncGenerator<T, void, unknown> {
    try {
      await listening;
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
    // A generator never started does not run its finally: take it out of the index here.
    stop();
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
