import type { DomainEvent, EventBus, EventHandler } from './bus.js';

/**
 * The bus without Redis: one process, delivery on the next tick, a failed handler retried with
 * backoff. Events published before a group subscribed are replayed to it, as a Redis Stream would.
 */
export class MemoryEventBus implements EventBus {
  private readonly history: DomainEvent[] = [];
  private readonly groups = new Map<string, EventHandler>();
  private readonly pending = new Set<Promise<void>>();
  private readonly listeners = new Set<EventHandler>();
  private closed = false;

  constructor(
    private readonly onError: (error: unknown, event: DomainEvent, group: string) => void = () => {},
    private readonly maxHistory = 10_000,
  ) {}

  async publish(event: DomainEvent): Promise<void> {
    if (this.closed) throw new Error('event bus is closed');
    this.history.push(event);
    if (this.history.length > this.maxHistory) this.history.shift();
    for (const [group, handler] of this.groups) this.deliver(group, handler, event);
    for (const listener of this.listeners) this.broadcast(listener, event);
  }

  /** How many broadcast listeners are attached (tests wait for a subscription to be live). */
  get listenerCount(): number {
    return this.listeners.size;
  }

  async listen(handler: EventHandler): Promise<() => void> {
    this.listeners.add(handler);
    return () => void this.listeners.delete(handler);
  }

  private broadcast(listener: EventHandler, event: DomainEvent): void {
    const run = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (this.closed || !this.listeners.has(listener)) return;
      try {
        await listener(event);
      } catch (error) {
        this.onError(error, event, 'listener');
      }
    })();
    this.pending.add(run);
    void run.finally(() => this.pending.delete(run));
  }

  async subscribe(group: string, handler: EventHandler): Promise<void> {
    if (this.groups.has(group)) throw new Error(`group ${group} already subscribed in this process`);
    this.groups.set(group, handler);
    for (const event of this.history) this.deliver(group, handler, event);
  }

  private deliver(group: string, handler: EventHandler, event: DomainEvent, attempt = 0): void {
    const run = (async () => {
      await new Promise((resolve) =>
        setTimeout(resolve, attempt === 0 ? 0 : Math.min(5000, 50 * 2 ** attempt)),
      );
      if (this.closed) return;
      try {
        await handler(event);
      } catch (error) {
        this.onError(error, event, group);
        if (attempt < 8) this.deliver(group, handler, event, attempt + 1);
      }
    })();
    this.pending.add(run);
    void run.finally(() => this.pending.delete(run));
  }

  /** Resolves when every delivery started so far has settled (tests wait on it). */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    await Promise.allSettled([...this.pending]);
  }
}
