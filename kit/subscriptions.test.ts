import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MemoryEventBus } from './events/memory-bus.js';
import { eventStream, MAX_QUEUED_EVENTS, SlowConsumerError } from './subscriptions.js';

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
    const stream = eventStream(bus, ['workout.completed'], async (event) =>
      event.payload.userId === wanted ? event.payload.sessionId : null,
    );
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
    const stream = eventStream(bus, ['workout.completed'], async (event) => event.payload.sessionId);
    const first = stream.next();
    await new Promise((resolve) => setTimeout(resolve, 10));
    for (let i = 0; i < MAX_QUEUED_EVENTS + 2; i++) await bus.publish(completed(userId));
    await bus.drain();
    await first;
    await expect(stream.next()).rejects.toBeInstanceOf(SlowConsumerError);
    expect(bus.listenerCount).toBe(0);
    await bus.close();
  });
});
