/** A fact one subgraph tells the others, e.g. user.deleted. Published at least once; consumers dedupe by id. */
export interface DomainEvent<P = Record<string, unknown>> {
  id: string;
  type: string;
  /** The subgraph that wrote it. */
  source: string;
  occurredAt: string;
  /**
   * The version of the event's contract it was written in (kit/events/catalogue.ts). Absent in
   * events relayed before versions existed: those are version 1.
   */
  version?: number;
  payload: P;
}

export type EventHandler = (event: DomainEvent) => Promise<void>;

export interface EventBus {
  publish(event: DomainEvent): Promise<void>;
  /**
   * Delivers every event to each group once (members of one group share the work). A handler
   * that throws gets the event again later; that is why consumers record what they processed.
   */
  subscribe(group: string, handler: EventHandler): Promise<void>;
  /**
   * Broadcast: every process that listens sees every event published from now on (no replay, no
   * acknowledgement, no retry), for live fan-out such as GraphQL subscriptions. A handler that
   * throws loses that event only. Returns the function that stops listening.
   */
  listen(handler: EventHandler): Promise<() => void>;
  close(): Promise<void>;
}
