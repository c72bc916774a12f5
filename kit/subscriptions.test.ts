import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MemoryEventBus } from './events/memory-bus.js';
import { eventStream, liveSubscriptions, MAX_QUEUED_EVENTS, SlowConsumerError } from './subscriptions.js';

const completed = (userId: string) => ({
  id: randomUUID(),
  type: 'workout.completed',
  source: 'training',
  occurredAt: new Date().toISOString(),
  version: 1,
  payload: {
    sessionId: randomUUID(),
    userId,
    workoutPlanId: null,
    workoutPlanVersion: null,
    startedAt: new Date(Date.now() - 60_000).toISOString(),
    completedAt: new Date().toISOString(),
    durationSeconds: 60,
    intensityLevel: 'MODERATE',
  },
});

describe('eventStream', () => {
  it('delivers what deliver keeps, in order, and stops listening on return', async () => {
    const bus = new MemoryEventBus();
    const wanted = randomUUID();
    const stream = eventStream(bus, ['workout.completed'], wanted, async (event) => event.payload.sessionId);
    const first = stream.next();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(bus.listenerCount).toBe(1);
    const kept = [completed(wanted), completed(randomUUID()), completed(wanted)];
    for (const event of kept) await bus.publish(event);
    expect((await first).value).toBe(kept[0]!.payload.sessionId);
    expect((await stream.next()).value).toBe(kept[2]!.payload.sessionId);
    // A subscriber waiting for the next event completes at once.
    const waiting = stream.next();
    await stream.return(undefined);
    expect((await waiting).done).toBe(true);
    expect(bus.listenerCount).toBe(0);
    await bus.close();
  });

  it('fails a subscriber that lets more than the bound of events wait', async () => {
    const bus = new MemoryEventBus();
    const userId = randomUUID();
    const stream = eventStream(bus, ['workout.completed'], userId, async (event) => event.payload.sessionId);
    const first = stream.next();
    await new Promise((resolve) => setTimeout(resolve, 10));
    for (let i = 0; i < MAX_QUEUED_EVENTS + 2; i++) await bus.publish(completed(userId));
    await bus.drain();
    await first;
    await expect(stream.next()).rejects.toBeInstanceOf(SlowConsumerError);
    expect(bus.listenerCount).toBe(0);
    await bus.close();
  });

  it("wakes a stream only for its user's events, whatever the number of other streams", async () => {
    const bus = new MemoryEventBus();
    const [ana, ben] = [randomUUID(), randomUUID()];
    const seen = { ana: 0, ben: 0 };
    const streams = [
      eventStream(bus, ['workout.completed'], ana, async (event) => {
        seen.ana++;
        return event.payload.sessionId;
      }),
      ...Array.from({ length: 50 }, () =>
        eventStream(bus, ['workout.completed'], ben, async (event) => {
          seen.ben++;
          return event.payload.sessionId;
        }),
      ),
    ];
    const firsts = streams.map((stream) => stream.next());
    await new Promise((resolve) => setTimeout(resolve, 10));
    // One bus listener for all 51 streams.
    expect(bus.listenerCount).toBe(1);
    expect(liveSubscriptions(bus).subscribers).toBe(51);
    const before = liveSubscriptions(bus).woken;
    // The user id compares case-insensitively (UUIDs).
    const event = completed(ana.toUpperCase());
    await bus.publish(event);
    expect((await firsts[0]!).value).toBe(event.payload.sessionId);
    await bus.drain();
    expect(seen).toEqual({ ana: 1, ben: 0 });
    expect(liveSubscriptions(bus).woken - before).toBe(1);
    await Promise.all(streams.map((stream) => stream.return(undefined)));
    await Promise.allSettled(firsts);
    expect(liveSubscriptions(bus).subscribers).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(bus.listenerCount).toBe(0);
    await bus.close();
  });
});
