import { hostname } from 'node:os';
import { Cluster } from 'ioredis';
import type { RedisClient } from '../redis.js';
import type { DomainEvent, EventBus, EventHandler } from './bus.js';

/** Another client to the same server or cluster. */
function duplicate(client: RedisClient): RedisClient {
  return client instanceof Cluster ? client.duplicate() : client.duplicate();
}

/**
 * Removes consumers of a group that have nothing pending and have been idle at least ARGV[2] ms
 * (only ARGV[3] when given; never ARGV[4]), in one step: a consumer deleted with pending entries would take them
 * out of the group for good, so the check and the deletion cannot be apart. Returns how many went.
 */
const FORGET_IDLE_CONSUMERS = `
local removed = 0
for _, consumer in ipairs(redis.call('XINFO', 'CONSUMERS', KEYS[1], ARGV[1])) do
  local fields = {}
  for i = 1, #consumer, 2 do fields[consumer[i]] = consumer[i + 1] end
  if fields['pending'] == 0 and fields['idle'] >= tonumber(ARGV[2])
      and (ARGV[3] == '' or fields['name'] == ARGV[3]) and fields['name'] ~= ARGV[4] then
    redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], fields['name'])
    removed = removed + 1
  end
end
return removed`;

/**
 * Redis Streams: one stream, a consumer group per subscribing subgraph. Entries are acknowledged
 * only after the handler succeeded; a crashed consumer's pending entries are claimed again.
 */
export class RedisStreamEventBus implements EventBus {
  private readonly readers: RedisClient[] = [];
  private readonly loops: Promise<void>[] = [];
  private closed = false;
  private readonly listeners = new Set<EventHandler>();
  private readonly groups = new Set<string>();
  private listening: Promise<void> | null = null;
  private readonly consumer = `${hostname()}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

  constructor(
    private readonly redis: RedisClient,
    private readonly options: {
      stream?: string;
      maxLength?: number;
      onError?: (error: unknown, event: DomainEvent | null, group: string) => void;
      /**
       * How long an entry stays with a consumer that neither acknowledged nor failed it before
       * another consumer of the group takes it over (a consumer killed mid-delivery never will).
       * A handler slower than this can run twice at once; `consumeOnce` lets only one commit.
       */
      claimIdleMs?: number;
      /** How often each consumer looks for such entries. */
      claimEveryMs?: number;
      /**
       * How long a consumer of a group may stay idle with nothing pending before it is removed
       * from the group (default an hour). Every process start adds a consumer; without this the
       * groups keep one per process that ever ran.
       */
      forgetIdleMs?: number;
    } = {},
  ) {}

  private get stream() {
    return this.options.stream ?? 'fit:events';
  }

  async publish(event: DomainEvent): Promise<void> {
    await this.redis.xadd(
      this.stream,
      'MAXLEN',
      '~',
      String(this.options.maxLength ?? 1_000_000),
      '*',
      'event',
      JSON.stringify(event),
    );
  }

  private async createGroup(group: string): Promise<void> {
    try {
      // From the stream's start: a group created after an event was published still gets it.
      await this.redis.xgroup('CREATE', this.stream, group, '0', 'MKSTREAM');
    } catch (error) {
      if (!String(error).includes('BUSYGROUP')) throw error;
    }
  }

  async subscribe(group: string, handler: EventHandler): Promise<void> {
    await this.createGroup(group);
    this.groups.add(group);
    // A connection of its own for blocking reads (a cluster's duplicate follows the same slots).
    const reader: RedisClient = duplicate(this.redis);
    // duplicate() copies no listeners; without one, connection errors are reported as unhandled.
    reader.on('error', (error) => this.options.onError?.(error, null, group));
    this.readers.push(reader);
    this.loops.push(this.loop(reader, group, handler));
  }

  /**
   * Broadcast without a consumer group: one reader per process follows the stream from the moment
   * it starts listening (XREAD from `$`, then from the last id seen), so every replica with
   * subscribers sees every event, and nothing is acknowledged or replayed.
   */
  async listen(handler: EventHandler): Promise<() => void> {
    this.listeners.add(handler);
    // Claimed before the first await: calls that arrive while the first one asks Redis for the
    // stream's newest id wait for it instead of starting a reader each (every event would reach
    // every listener once per reader).
    this.listening ??= this.startFollowing();
    await this.listening;
    return () => void this.listeners.delete(handler);
  }

  private async startFollowing(): Promise<void> {
    const reader: RedisClient = duplicate(this.redis);
    reader.on('error', (error) => this.options.onError?.(error, null, 'listener'));
    this.readers.push(reader);
    // The id of the stream's newest entry now: later entries are the ones to broadcast.
    const last = (await this.redis.xrevrange(this.stream, '+', '-', 'COUNT', 1)) as [string, string[]][];
    this.loops.push(this.follow(reader, last[0]?.[0] ?? '0-0'));
  }

  private async follow(reader: RedisClient, from: string) {
    let cursor = from;
    while (!this.closed) {
      try {
        const response = (await reader.xread('COUNT', 100, 'BLOCK', 1000, 'STREAMS', this.stream, cursor)) as
          | [string, [string, string[]][]][]
          | null;
        for (const [, entries] of response ?? []) {
          for (const [id, fields] of entries) {
            cursor = id;
            let event: DomainEvent;
            try {
              event = JSON.parse(fields[fields.indexOf('event') + 1] ?? 'null') as DomainEvent;
            } catch (error) {
              this.options.onError?.(error, null, 'listener');
              continue;
            }
            for (const listener of this.listeners) {
              await listener(event).catch((error) => this.options.onError?.(error, event, 'listener'));
            }
          }
        }
      } catch (error) {
        if (this.closed) return;
        this.options.onError?.(error, null, 'listener');
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }

  private async loop(reader: RedisClient, group: string, handler: EventHandler) {
    let lastClaim = 0;
    while (!this.closed) {
      try {
        if (Date.now() - lastClaim > (this.options.claimEveryMs ?? 5_000)) {
          lastClaim = Date.now();
          await this.claimStale(reader, group, handler);
          // Others only: this one's idle time grows while it waits in a blocking read.
          await this.forgetConsumers(reader, group, this.options.forgetIdleMs ?? 3_600_000, {
            except: this.consumer,
          });
        }
        const response = (await reader.xreadgroup(
          'GROUP',
          group,
          this.consumer,
          'COUNT',
          100,
          'BLOCK',
          1000,
          'STREAMS',
          this.stream,
          '>',
        )) as [string, [string, string[]][]][] | null;
        for (const [, entries] of response ?? []) await this.handleEntries(reader, group, handler, entries);
      } catch (error) {
        if (this.closed) return;
        this.options.onError?.(error, null, group);
        // A Redis that restarted without its data has lost the stream and the group: make them again.
        if (String(error).includes('NOGROUP')) await this.createGroup(group).catch(() => {});
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }

  /**
   * Entries delivered to a consumer that died before acknowledging them are taken over here, page
   * by page (XAUTOCLAIM's cursor) until the group's pending list has been walked once.
   */
  private async claimStale(reader: RedisClient, group: string, handler: EventHandler) {
    let cursor = '0-0';
    do {
      const result = (await reader.xautoclaim(
        this.stream,
        group,
        this.consumer,
        this.options.claimIdleMs ?? 15_000,
        cursor,
        'COUNT',
        100,
      )) as [string, [string, string[]][]];
      await this.handleEntries(reader, group, handler, result[1] ?? []);
      cursor = result[0];
    } while (cursor !== '0-0' && !this.closed);
  }

  /** FORGET_IDLE_CONSUMERS on one group. */
  private async forgetConsumers(
    client: RedisClient,
    group: string,
    minIdleMs: number,
    which: { only?: string; except?: string },
  ) {
    const args = [group, String(minIdleMs), which.only ?? '', which.except ?? ''];
    return Number(await client.eval(FORGET_IDLE_CONSUMERS, 1, this.stream, ...args));
  }

  private async handleEntries(
    reader: RedisClient,
    group: string,
    handler: EventHandler,
    entries: [string, string[]][],
  ) {
    for (const [id, fields] of entries) {
      if (!fields) continue;
      const raw = fields[fields.indexOf('event') + 1];
      let event: DomainEvent | null = null;
      try {
        event = JSON.parse(raw ?? 'null') as DomainEvent;
        await handler(event);
        await reader.xack(this.stream, group, id);
      } catch (error) {
        // Not acknowledged: it stays pending and is claimed again after the idle time.
        this.options.onError?.(error, event, group);
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const reader of this.readers) reader.disconnect();
    // A read queued while Redis is unreachable may never settle; shutdown does not wait for it.
    await Promise.race([
      Promise.allSettled(this.loops),
      new Promise((resolve) => setTimeout(resolve, 3000).unref()),
    ]);
    // This process's consumer leaves its groups unless it still holds entries (another consumer
    // claims those once they are idle; the consumer is removed after that). Best effort: a Redis
    // that is down now keeps it until a live process's sweep.
    await Promise.race([
      Promise.allSettled(
        [...this.groups].map((group) => this.forgetConsumers(this.redis, group, 0, { only: this.consumer })),
      ),
      new Promise((resolve) => setTimeout(resolve, 1000).unref()),
    ]);
  }
}
