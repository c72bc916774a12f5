import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../kit/db.js';
import type { DomainEvent } from '../../kit/events/bus.js';
import { IDENTITY_HEADER, signIdentity } from '../../kit/identity-header.js';
import { workoutCompletedPayload } from '../../testkit/events.js';
import {
  eventually,
  postGraphQL,
  startTestStack,
  type TestStack,
  type TestUser,
} from '../../testkit/stack.js';

const TRACK = `mutation($events: [AnalyticsEventInput!]!) {
  trackEvents(events: $events) { accepted duplicates errors { __typename index field code message } }
}`;

let stack: TestStack;
let user: TestUser;
beforeAll(async () => {
  stack = await startTestStack();
  user = await stack.signUp();
});
afterAll(async () => {
  await stack?.stop();
});

const db = () => stack.runtime.database.db;
type EventRow = {
  id: string;
  user_id: string | null;
  event_type: string;
  source: string;
  ip_address: string | null;
  event_data: Record<string, unknown>;
  device_info: Record<string, unknown> | null;
  client_event_id: string | null;
  created_at: Date;
};
const eventsWhere = (condition: ReturnType<typeof sql>) =>
  rows<EventRow>(
    db(),
    sql`select * from analytics.analytics_events where ${condition} order by created_at, id`,
  );
/** Client events only: server-side ones arrive from the bus whenever it delivers (asynchronously with Redis). */
const countAll = async () =>
  Number(
    (
      await rows<{ n: number }>(
        db(),
        sql`select count(*)::int as n from analytics.analytics_events where source <> 'server'`,
      )
    )[0]!.n,
  );

/** The database's own message for a failed statement (Drizzle wraps it). */
async function failure(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    const e = error as { message: string; cause?: { message?: string } };
    return `${e.message} ${e.cause?.message ?? ''}`;
  }
  return 'no error';
}

const clientEvent = (overrides: Record<string, unknown> = {}) => ({
  clientEventId: randomUUID(),
  eventType: 'screen_view',
  source: 'WEB',
  eventData: { screen: 'home' },
  deviceInfo: { os: 'macOS', app: '1.2.3' },
  ...overrides,
});

/** Sends trackEvents to the analytics subgraph directly with a gateway-signed header carrying `ip`. */
function trackFrom(ip: string, events: unknown[]) {
  return postGraphQL(
    stack.subgraphUrls.analytics,
    { query: TRACK, variables: { events } },
    {
      [IDENTITY_HEADER]: signIdentity(
        { viewer: { userId: user.id, sessionId: 's', roles: ['USER'] }, service: null, ip },
        stack.runtime.identitySecret,
      ),
    },
  );
}

describe('trackEvents', () => {
  it('stores a batch once: a retry after a lost response is all duplicates', async () => {
    const batch = [clientEvent(), clientEvent({ eventType: 'button_click', source: 'IOS' }), clientEvent()];
    const first = await stack.gql(TRACK, { events: batch }, { token: user.token });
    expect(first.data.trackEvents).toEqual({ accepted: 3, duplicates: 0, errors: [] });
    const retry = await stack.gql(TRACK, { events: batch }, { token: user.token });
    expect(retry.data.trackEvents).toEqual({ accepted: 0, duplicates: 3, errors: [] });

    const stored = await eventsWhere(
      sql`client_event_id in (${sql.join(
        batch.map((e) => sql`${e.clientEventId}::uuid`),
        sql`, `,
      )})`,
    );
    expect(stored).toHaveLength(3);
    expect(stored.every((r) => r.user_id === user.id)).toBe(true);
    expect(stored.map((r) => r.source).sort()).toEqual(['ios', 'web', 'web']);
    expect(stored[0]!.device_info).toEqual({ os: 'macOS', app: '1.2.3' });
    // The gateway saw the test client at 127.0.0.1: only its /24 is kept.
    expect(stored.every((r) => r.ip_address === '127.0.0.0/24')).toBe(true);
  });

  it('counts an id repeated inside one batch once', async () => {
    const event = clientEvent();
    const result = await stack.gql(TRACK, { events: [event, event] }, { token: user.token });
    expect(result.data.trackEvents).toEqual({ accepted: 1, duplicates: 1, errors: [] });
  });

  it('keeps anonymous events apart from signed-in ones', async () => {
    const event = clientEvent({ eventType: 'landing_view' });
    expect((await stack.gql(TRACK, { events: [event] })).data.trackEvents.accepted).toBe(1);
    // The same client id from a signed-in user is another event.
    expect(
      (await stack.gql(TRACK, { events: [event] }, { token: user.token })).data.trackEvents.accepted,
    ).toBe(1);
    const stored = await eventsWhere(sql`client_event_id = ${event.clientEventId}::uuid`);
    expect(stored.map((r) => r.user_id).sort()).toEqual([user.id, null].sort());
  });

  it('accepts 1,000 events in one call and refuses 1,001', async () => {
    const before = await countAll();
    const thousand = Array.from({ length: 1000 }, () => ({
      clientEventId: randomUUID(),
      eventType: 'scroll',
      source: 'ANDROID',
    }));
    const started = performance.now();
    const ok = await stack.gql(TRACK, { events: thousand }, { token: user.token });
    const elapsed = performance.now() - started;
    expect(ok.data.trackEvents).toEqual({ accepted: 1000, duplicates: 0, errors: [] });
    console.info(`trackEvents: 1000 events in ${elapsed.toFixed(0)} ms`);
    expect(await countAll()).toBe(before + 1000);

    const tooMany = await stack.gql(
      TRACK,
      { events: [...thousand.map((e) => ({ ...e, clientEventId: randomUUID() })), clientEvent()] },
      { token: user.token },
    );
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(tooMany.errors?.[0]?.message).toMatch(/At most 1000 events/);
    expect(await countAll()).toBe(before + 1000);
  });

  it('stores the valid events of a batch and reports each invalid one by index as a Problem', async () => {
    const before = await countAll();
    const old = new Date(Date.now() - 8 * 24 * 3600 * 1000).toISOString();
    const events = [
      clientEvent(),
      clientEvent({ eventData: { blob: 'x'.repeat(9000) } }),
      clientEvent({ deviceInfo: { model: 'y'.repeat(3000) } }),
      clientEvent({ eventData: { a: { b: { c: { d: { e: { f: 1 } } } } } } }),
      clientEvent({ eventType: 'Screen View' }),
      clientEvent({ eventType: 'signup' }),
      clientEvent({ eventType: 'payment_succeeded', occurredAt: old }),
      clientEvent({ eventType: 'button_click' }),
    ];
    const result = await stack.gql(TRACK, { events }, { token: user.token });
    expect(result.errors).toBeUndefined();
    const { accepted, duplicates, errors } = result.data.trackEvents;
    expect({ accepted, duplicates }).toEqual({ accepted: 2, duplicates: 0 });
    expect(errors.map((e: any) => [e.index, e.field])).toEqual([
      [1, 'events.1.eventData'],
      [2, 'events.2.deviceInfo'],
      [3, 'events.3.eventData'],
      [4, 'events.4.eventType'],
      [5, 'events.5.eventType'],
      [6, 'events.6.eventType'],
      [6, 'events.6.occurredAt'],
    ]);
    for (const error of errors) {
      expect(error).toMatchObject({ __typename: 'AnalyticsEventInputError', code: 'BAD_USER_INPUT' });
    }
    expect(errors.map((e: any) => e.message)).toEqual([
      expect.stringMatching(/eventData is \d+ bytes as JSON; the limit is 8192/),
      expect.stringMatching(/deviceInfo is \d+ bytes as JSON; the limit is 2048/),
      expect.stringMatching(/nests deeper than 5/),
      expect.stringMatching(/eventType must be/),
      expect.stringMatching(/recorded by the server only/),
      expect.stringMatching(/recorded by the server only/),
      expect.stringMatching(/within the last 7 days/),
    ]);
    expect(await countAll()).toBe(before + 2);
    const stored = await eventsWhere(
      sql`client_event_id in (${events[0]!.clientEventId}::uuid, ${events[7]!.clientEventId}::uuid)`,
    );
    expect(stored).toHaveLength(2);

    // A refused event's id is not used up: fixed and sent again, it is stored.
    const fixed = await stack.gql(
      TRACK,
      { events: [{ ...events[4]!, eventType: 'screen_view' }] },
      { token: user.token },
    );
    expect(fixed.data.trackEvents).toEqual({ accepted: 1, duplicates: 0, errors: [] });

    // A batch of invalid events only stores nothing and is still an answer, not an error.
    const allBad = await stack.gql(TRACK, { events: [events[5]] }, { token: user.token });
    expect(allBad.errors).toBeUndefined();
    expect(allBad.data.trackEvents).toMatchObject({ accepted: 0, duplicates: 0, errors: [{ index: 0 }] });
    expect(await countAll()).toBe(before + 3);
  });

  it('refuses JSON that is not an object, a bad id or source before any resolver runs', async () => {
    const before = await countAll();
    const cases: [unknown[], RegExp][] = [
      [[clientEvent({ eventData: [1, 2, 3] })], /JSONObject|object/i],
      [[clientEvent({ eventData: 'not json' })], /JSONObject|object/i],
      [[clientEvent({ clientEventId: 'not-a-uuid' })], /UUID/i],
      [[clientEvent({ source: 'DESKTOP' })], /EventSource|DESKTOP/],
    ];
    for (const [events, message] of cases) {
      const result = await stack.gql(TRACK, { events: [clientEvent(), ...events] }, { token: user.token });
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(message);
    }
    expect(await countAll()).toBe(before);
  });

  it('stores the device time when given within the allowed window', async () => {
    stack.clock.set(new Date());
    const at = new Date(stack.clock.now().getTime() - 2 * 24 * 3600 * 1000);
    const event = clientEvent({ occurredAt: at.toISOString() });
    await stack.gql(TRACK, { events: [event] }, { token: user.token });
    const [row] = await eventsWhere(sql`client_event_id = ${event.clientEventId}::uuid`);
    expect(new Date(row!.created_at).toISOString()).toBe(at.toISOString());
  });

  it('anonymizes IPv4 to /24 and IPv6 to /48 before storing', async () => {
    const samples: [string, string][] = [
      ['203.0.113.77', '203.0.113.0/24'],
      ['::ffff:198.51.100.9', '198.51.100.0/24'],
      ['2001:db8:abcd:12:34:56:78:9a', '2001:db8:abcd::/48'],
      ['2a00:1450:4001:82b::200e', '2a00:1450:4001::/48'],
    ];
    for (const [ip, expected] of samples) {
      const event = clientEvent();
      const result = await trackFrom(ip, [event]);
      expect(result.data?.trackEvents?.accepted, JSON.stringify(result)).toBe(1);
      const [row] = await eventsWhere(sql`client_event_id = ${event.clientEventId}::uuid`);
      expect(row!.ip_address).toBe(expected);
    }
    // No full address anywhere: every stored address is a /24 or /48 network.
    const full = await rows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from analytics.analytics_events
          where ip_address is not null and (ip_address <> network(ip_address) or masklen(ip_address) not in (24, 48))`,
    );
    expect(full[0]!.n).toBe(0);
  });

  it('the table itself refuses a full address and any update or delete', async () => {
    expect(
      await failure(
        db().execute(
          sql`insert into analytics.analytics_events (event_type, source, ip_address) values ('x', 'web', '203.0.113.77')`,
        ),
      ),
    ).toMatch(/analytics_events_ip_anonymized/);
    expect(
      await failure(db().execute(sql`update analytics.analytics_events set event_type = 'edited'`)),
    ).toMatch(/append-only/);
    expect(await failure(db().execute(sql`delete from analytics.analytics_events`))).toMatch(/append-only/);
    // The anonymization setting allows removing user_id, and nothing else.
    expect(
      await failure(
        db().transaction(async (tx) => {
          await tx.execute(sql`select set_config('analytics.gdpr_anonymization', 'on', true)`);
          await tx.execute(
            sql`update analytics.analytics_events set user_id = null, anonymous_id = gen_random_uuid(), event_type = 'edited' where user_id = ${user.id}::uuid`,
          );
        }),
      ),
    ).toMatch(/append-only/);
  });
});

describe('trackEvents rate limit', () => {
  it('answers RATE_LIMITED after 120 calls a minute from one user', async () => {
    const busy = await stack.signUp();
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 121; i++) {
      const result = await stack.gql(TRACK, { events: [] }, { token: busy.token });
      codes.push(result.errors?.[0]?.extensions?.code);
    }
    expect(codes.slice(0, 120).every((c) => c === undefined)).toBe(true);
    expect(codes[120]).toBe('RATE_LIMITED');
    // Another user is not affected.
    expect((await stack.gql(TRACK, { events: [] }, { token: user.token })).errors).toBeUndefined();
  });
});

describe('server-side events from the bus', () => {
  const publish = (event: Partial<DomainEvent> & { type: string; payload: Record<string, unknown> }) =>
    stack.runtime.bus.publish({
      id: randomUUID(),
      source: 'test',
      occurredAt: stack.clock.now().toISOString(),
      ...event,
    });

  it('records signup and login with the bus event id as the key and the sign-in address anonymized', async () => {
    const fresh = await stack.signUp();
    stack.clock.advance(1000);
    await stack.gql(`mutation($input: SignInInput!) { signIn(input: $input) { __typename } }`, {
      input: { login: fresh.email, password: fresh.password },
    });
    await stack.flushEvents();
    const stored = await eventually(async () => {
      const found = await eventsWhere(sql`user_id = ${fresh.id}::uuid and source = 'server'`);
      expect(found.map((r) => r.event_type)).toEqual(['signup', 'login']);
      return found;
    });
    const [outboxed] = await rows<{ id: string }>(
      db(),
      sql`select id from identity.outbox where type = 'user.signed_up' and payload->>'userId' = ${fresh.id}`,
    );
    expect(stored[0]!.id).toBe(outboxed!.id);
    expect(stored[1]!.ip_address).toBe('127.0.0.0/24');
    expect(stored[1]!.event_data).toEqual({});
  });

  it('stores workout, subscription and payment events exactly once though the bus delivers them again', async () => {
    const workout: DomainEvent = {
      id: randomUUID(),
      type: 'workout.completed',
      source: 'training',
      occurredAt: stack.clock.now().toISOString(),
      payload: workoutCompletedPayload(user.id, stack.clock.now(), 2520),
    };
    const subscriptionId = randomUUID();
    const subscription = {
      ...workout,
      id: randomUUID(),
      type: 'subscription.activated',
      source: 'billing',
      payload: { subscriptionId, userId: user.id, planId: randomUUID() },
    };
    const payment = {
      ...workout,
      id: randomUUID(),
      type: 'payment.completed',
      source: 'billing',
      payload: {
        paymentId: randomUUID(),
        subscriptionId,
        userId: user.id,
        amountCents: 999,
        currency: 'EUR',
        gateway: 'stripe',
      },
    };
    const ids = sql`id in (${workout.id}::uuid, ${subscription.id}::uuid, ${payment.id}::uuid)`;
    const marks = async () =>
      (
        await rows<{ n: number }>(
          db(),
          sql`select count(*)::int as n from analytics.processed_events where event_id = ${workout.id}::uuid`,
        )
      )[0]!.n;
    for (const event of [workout, subscription, payment, workout, payment])
      await stack.runtime.bus.publish(event);
    await stack.flushEvents();
    await eventually(async () => expect(await eventsWhere(ids)).toHaveLength(3));
    // A redelivery after the processed mark was lost (a crash between commit and ack) still stores nothing new.
    await db().execute(sql`delete from analytics.processed_events where event_id = ${workout.id}::uuid`);
    await stack.runtime.bus.publish(workout);
    await stack.flushEvents();
    await eventually(async () => expect(await marks()).toBe(1));

    const stored = await eventsWhere(ids);
    expect(stored.map((r) => r.event_type).sort()).toEqual([
      'payment_completed',
      'subscription_activated',
      'workout_complete',
    ]);
    const { userId: _, ...workoutData } = workout.payload;
    expect(stored.find((r) => r.event_type === 'workout_complete')!.event_data).toEqual(workoutData);
  });

  it('ignores bus events analytics does not record', async () => {
    const ignored = randomUUID();
    const recorded = randomUUID();
    await publish({ id: ignored, type: 'content.rated', payload: { userId: user.id } });
    // The bus delivers in order: once the next event is stored, the ignored one was handled.
    await publish({
      id: recorded,
      type: 'workout.completed',
      payload: workoutCompletedPayload(user.id, stack.clock.now()),
    });
    await stack.flushEvents();
    await eventually(async () => expect(await eventsWhere(sql`id = ${recorded}::uuid`)).toHaveLength(1));
    expect(await eventsWhere(sql`id = ${ignored}::uuid`)).toHaveLength(0);
  });
});
