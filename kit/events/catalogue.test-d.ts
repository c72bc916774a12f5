/**
 * Type tests of the event catalogue, checked by `tsc --noEmit` (`npm run check`), never run: each
 * `@ts-expect-error` line must fail to compile, or tsc reports the directive as unused. They prove
 * that a producer or consumer that does not follow the catalogue does not build.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { Executor } from '../db.js';
import type { CatalogueEvent, EventPayload } from './catalogue.js';
import { type EventHandlerOf, type EventHandlers, eventConsumer, handleEach } from './consumer.js';
import { type OutboxTable, writeEvent, writeEvents } from './outbox.js';

declare const tx: Executor;
declare const outbox: OutboxTable;
declare const consumerOptions: Omit<Parameters<typeof eventConsumer>[0], 'handlers'>;
const userId = '00000000-0000-4000-8000-000000000000';
const deletedAt = '2026-01-01T00:00:00.000Z';

describe('consumers', () => {
  it('hand each handler its own event, payload typed', () => {
    const handlers: EventHandlers = {
      'user.deleted': async (_tx, event) => {
        expectTypeOf(event.type).toEqualTypeOf<'user.deleted'>();
        expectTypeOf(event.payload).toEqualTypeOf<{ userId: string; deletedAt: string }>();
      },
      'payment.refunded': async (_tx, event) => {
        expectTypeOf(event.payload.userId).toEqualTypeOf<string | null>();
      },
    };
    eventConsumer({ ...consumerOptions, handlers });
  });

  it('do not compile with a handler written for another payload', () => {
    const forWorkouts = async (_tx: Executor, _event: CatalogueEvent<'workout.completed'>) => {};
    const forSomethingElse = async (_tx: Executor, _event: { payload: { userId: number } }) => {};
    eventConsumer({
      ...consumerOptions,
      handlers: {
        // @ts-expect-error a workout.completed handler cannot take user.deleted
        'user.deleted': forWorkouts,
      },
    });
    eventConsumer({
      ...consumerOptions,
      handlers: {
        // @ts-expect-error user.deleted's userId is a string
        'user.deleted': forSomethingElse,
      },
    });
  });

  it('do not compile when a handler reads a field its payload does not have', () => {
    const handlers: EventHandlers = {
      'user.deleted': async (_tx, event) => {
        // @ts-expect-error user.deleted has no email
        void event.payload.email;
      },
    };
    void handlers;
  });

  it('do not compile with an event the catalogue does not have', () => {
    eventConsumer({
      ...consumerOptions,
      handlers: {
        // @ts-expect-error not in the catalogue
        'user.vanished': async () => {},
      },
    });
    // @ts-expect-error not in the catalogue
    handleEach(['subscription.started', 'subscription.paused'], async () => {});
  });

  it('give one handler of several events the union of their events', () => {
    const handlers = handleEach(['subscription.started', 'subscription.expired'], async (_tx, event) => {
      expectTypeOf(event.type).toEqualTypeOf<'subscription.started' | 'subscription.expired'>();
      if (event.type === 'subscription.started') expectTypeOf(event.payload.isTrial).toEqualTypeOf<boolean>();
    });
    expectTypeOf(handlers['subscription.expired']).toEqualTypeOf<EventHandlerOf<'subscription.expired'>>();
  });
});

describe('producers', () => {
  it('write a catalogue event with its payload', async () => {
    await writeEvent(tx, outbox, 'user.deleted', { userId, deletedAt });
    await writeEvents(tx, outbox, [
      { type: 'user.deleted', payload: { userId, deletedAt }, occurredAt: new Date() },
      { type: 'user.signed_in', payload: { userId, ip: null }, occurredAt: new Date() },
    ]);
    expectTypeOf<EventPayload<'user.signed_in'>>().toEqualTypeOf<{
      userId: string;
      ip: string | null;
      method?: string | undefined;
    }>();
  });

  it('do not compile with a wrong or missing field or an unknown event', async () => {
    // @ts-expect-error deletedAt is missing
    await writeEvent(tx, outbox, 'user.deleted', { userId });
    // @ts-expect-error userId is a string
    await writeEvent(tx, outbox, 'user.deleted', { userId: 42, deletedAt });
    // @ts-expect-error user.deleted carries no email
    await writeEvent(tx, outbox, 'user.deleted', { userId, deletedAt, email: 'a@example.com' });
    // @ts-expect-error not in the catalogue
    await writeEvent(tx, outbox, 'user.vanished', { userId });
    await writeEvents(tx, outbox, [
      // @ts-expect-error the payload of another event
      { type: 'user.deleted', payload: { userId, ip: null }, occurredAt: new Date() },
    ]);
  });
});
