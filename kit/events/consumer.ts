import type { Database, Executor } from '../db.js';
import type { Logger } from '../log.js';
import type { BackgroundTask } from '../subgraph.js';
import type { DomainEvent, EventBus } from './bus.js';
import { consumeOnce, type ProcessedEventsTable } from './outbox.js';

export type EventHandlers = Record<string, (tx: Executor, event: DomainEvent) => Promise<void>>;

/**
 * A subgraph's subscription to the bus: for each event type it handles, the handler runs in a
 * transaction together with the processed-event mark, so a redelivered event is a no-op and a
 * failed handler leaves no trace and is retried. Other event types are ignored.
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
  const handle = async (event: DomainEvent) => {
    const handler = options.handlers[event.type];
    if (!handler) return false;
    const applied = await consumeOnce(options.database, options.processedEvents, options.group, event, (tx) =>
      handler(tx, event),
    );
    if (applied)
      options.log?.info({ eventId: event.id, eventType: event.type, group: options.group }, 'event applied');
    return applied;
  };
  return {
    handle,
    // Subscribing twice would deliver every event twice; a restart after stop() keeps the one subscription.
    start: async () => {
      if (subscribed) return;
      subscribed = true;
      await options.bus.subscribe(options.group, async (event) => void (await handle(event)));
    },
    stop: () => {},
  };
}
