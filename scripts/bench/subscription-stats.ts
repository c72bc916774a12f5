import { type LatencySummary, latencySummary } from './report.js';

/** One event as its subscribers recognise it: whose samples, and the instant of the (single) sample. */
export function eventKey(userId: string, from: string): string {
  return `${userId.toLowerCase()}|${new Date(from).toISOString()}`;
}

export interface DeliveryTally {
  /** Events committed. */
  events: number;
  /** Deliveries owed: each event times the subscribers of its user. */
  expected: number;
  /** Deliveries received once per subscriber and event. */
  delivered: number;
  missing: number;
  /** A subscriber received the same event again. */
  duplicates: number;
  /** Events nobody announced (another phase's, or foreign). */
  unexpected: number;
  /** From the commit's timestamp (taken in the committing transaction) to the client's receipt. */
  latency: LatencySummary;
}

/**
 * What subscribers were owed and what they got: every committed event is owed once to each
 * subscription of its user; a second copy to the same subscription is a duplicate.
 */
export class DeliveryLedger {
  private readonly owed = new Map<string, Set<number>>();
  private readonly latencies: number[] = [];
  private events = 0;
  private expectedCount = 0;
  private duplicates = 0;
  private unexpected = 0;

  /** An event committed for `subscribers` (subscription numbers) to receive. */
  expect(key: string, subscribers: readonly number[]): void {
    this.events++;
    this.expectedCount += subscribers.length;
    this.owed.set(key, new Set(subscribers));
  }

  /** The commit of `key` failed: nothing is owed for it. */
  withdraw(key: string): void {
    const waiting = this.owed.get(key);
    if (!waiting) return;
    this.events--;
    this.expectedCount -= waiting.size;
    this.owed.delete(key);
  }

  has(key: string): boolean {
    return this.owed.has(key);
  }

  /** Subscription `subscriber` received the event `key`, `latencyMs` after its commit. */
  receive(key: string, subscriber: number, latencyMs: number): void {
    const waiting = this.owed.get(key);
    if (!waiting) {
      this.unexpected++;
      return;
    }
    if (!waiting.delete(subscriber)) {
      this.duplicates++;
      return;
    }
    this.latencies.push(latencyMs);
  }

  /** Deliveries still owed. */
  outstanding(): number {
    let total = 0;
    for (const waiting of this.owed.values()) total += waiting.size;
    return total;
  }

  /** Subscriptions that are owed at least one event. */
  waitingSubscribers(): Set<number> {
    const all = new Set<number>();
    for (const waiting of this.owed.values()) for (const subscriber of waiting) all.add(subscriber);
    return all;
  }

  tally(): DeliveryTally {
    return {
      events: this.events,
      expected: this.expectedCount,
      delivered: this.latencies.length,
      missing: this.outstanding(),
      duplicates: this.duplicates,
      unexpected: this.unexpected,
      latency: latencySummary(this.latencies),
    };
  }
}

/** KB of resident memory each open connection costs, from RSS before and after opening them. */
export function kbPerConnection(beforeMb: number, afterMb: number, connections: number): number | null {
  if (connections <= 0) return null;
  return ((afterMb - beforeMb) * 1024) / connections;
}

/** When the i-th event of an open-loop schedule at `perSecond` is due (ms after the start). */
export function dueAtMs(index: number, perSecond: number): number {
  return (index * 1000) / perSecond;
}
