import type { Database, Executor } from '../db.js';
import type { Logger } from '../log.js';
import type { BackgroundTask } from '../subgraph.js';
import type { DomainEvent, EventBus } from './bus.js';
import {
  type CatalogueEvent,
  catalogue,
  checkPayload,
  type EventContract,
  type EventName,
  type EventPayload,
} from './catalogue.js';
import { consumeOnce, type ProcessedEventsTable, unpackStoredPayload } from './outbox.js';

/** A consumer's handler of one event: the payload is that event's, already checked. */
export type EventHandlerOf<N extends EventName> = (tx: Executor, event: CatalogueEvent<N>) => Promise<void>;

/**
 * A consumer's handlers by event name. Only catalogue names are keys, and each handler must accept
 * its event's payload: a handler for an unknown event, or one written for another payload, does
 * not compile (kit/events/catalogue.test-d.ts).
 */
export type EventHandlers = { [N in EventName]?: EventHandlerOf<N> };

/** One handler for several events (it receives the union of their events). */
export function handleEach<N extends EventName>(
  names: readonly N[],
  handler: EventHandlerOf<N>,
): { [K in N]: EventHandlerOf<K> } {
  // Each K's event is one of N's, so the one handler accepts it.
  return Object.fromEntries(names.map((name) => [name, handler])) as unknown as {
    [K in N]: EventHandlerOf<K>;
  };
}

/**
 * A subgraph's subscription to the bus: for each event type it handles, the payload is checked
 * against the catalogue, then the handler runs in a transaction together with the processed-event
 * mark, so a redelivered event is a no-op and a failed handler leaves no trace and is retried.
 * An event in a version this process does not know, or with a payload that breaks its contract,
 * is marked processed and logged (id, type, version, reason; never the payload), not retried:
 * retrying cannot make it valid, and it must not hold up the events behind it. Other event types
 * are ignored.
 */
export function eventConsumer(options: {
  group: string;
  database: Database;
  bus: EventBus;
  processedEvents: ProcessedEventsTable;
  handlers: EventHandlers;
  log?: Logger;
}): BackgroundTask & { handle(event: DomainEvent): Promise<boolean> } {
  let subscribed = false;
  const { group, database, processedEvents, log } = options;
  const handlers = options.handlers as Record<string, EventHandlerOf<EventName> | undefined>;
  const handle = async (event: DomainEvent) => {
    // Own keys only: an event named like an Object.prototype member finds no handler.
    const handler = Object.hasOwn(handlers, event.type) ? handlers[event.type] : undefined;
    if (!handler) return false;
    const decoded = decodeEvent(event);
    if (!decoded.ok) {
      const skipped = await consumeOnce(database, processedEvents, group, event, async () => {});
      if (skipped)
        log?.warn(
          {
            eventId: event.id,
            eventType: event.type,
            eventVersion: decoded.version,
            group,
            reason: decoded.reason,
          },
          'event skipped',
        );
      return false;
    }
    const applied = await consumeOnce(database, processedEvents, group, event, (tx) =>
      handler(tx, decoded.event),
    );
    if (applied) log?.info({ eventId: event.id, eventType: event.type, group }, 'event applied');
    return applied;
  };
  return {
    handle,
    // Subscribing twice would deliver every event twice; a restart after stop() keeps the one subscription.
    start: async () => {
      if (subscribed) return;
      subscribed = true;
      await options.bus.subscribe(group, async (event) => void (await handle(event)));
    },
    stop: () => {},
  };
}

export type Decoded =
  | { ok: true; event: CatalogueEvent<EventName> }
  | { ok: false; version: unknown; reason: string };

/** A bus event as its handler receives it, checked against the catalogue. */
export function decodeEvent(event: DomainEvent): Decoded {
  const type = event.type as EventName;
  // A row relayed by a process older than versions carries the version in its payload still.
  const stored = unpackStoredPayload(isObject(event.payload) ? event.payload : {});
  const version = event.version ?? stored.version;
  if (!isObject(event.payload)) return { ok: false, version, reason: 'invalid payload: not an object' };
  if (!Number.isInteger(version)) return { ok: false, version, reason: 'invalid version' };
  const contract: EventContract = catalogue[type];
  const checked = checkPayload(contract, version, stored.payload);
  if (!checked.ok) return { ok: false, version, reason: checked.reason };
  return {
    ok: true,
    event: {
      id: event.id,
      type,
      source: event.source,
      occurredAt: event.occurredAt,
      version,
      payload: checked.payload,
    } as CatalogueEvent<EventName>,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The one shape of GDPR erasure: every subgraph that holds user data exports `eraseUser` of this
 * type from its `gdpr.ts` and consumes `user.deleted` with
 * `'user.deleted': (tx, event) => eraseUser(tx, event.payload, deps)`. It runs in the consumer's
 * transaction, once per event, and must change nothing when run again.
 */
export type UserErasure<Deps> = (
  tx: Executor,
  deleted: EventPayload<'user.deleted'>,
  deps: Deps,
) => Promise<void>;
