import { toStored } from '../../kit/stored-enums.js';
import { isUuid } from '../../kit/ids.js';
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Clock } from '../../kit/clock.js';
import { type Executor, rows as sqlRows } from '../../kit/db.js';
import { badInput } from '../../kit/errors.js';
import type { DomainEvent } from '../../kit/events/bus.js';
import type { ItemError } from '../../kit/problems.js';
import type { RateLimitRule } from '../../kit/rate-limit.js';
import { anonymizeIp } from './ip.js';
import { analyticsEvents, deletedUsers, ingestedClientEvents } from './tables.js';

export const INGEST_LIMITS = {
  maxEventsPerCall: 1000,
  maxEventDataBytes: 8 * 1024,
  maxDeviceInfoBytes: 2 * 1024,
  maxJsonDepth: 5,
  maxPastMs: 7 * 24 * 3600 * 1000,
  maxFutureMs: 5 * 60 * 1000,
} as const;

/** trackEvents calls per minute: a client batches, so these are far above honest use. */
export const TRACK_LIMITS = {
  user: { name: 'analytics:track:user', limit: 120, windowSeconds: 60 },
  anonymous: { name: 'analytics:track:network', limit: 600, windowSeconds: 60 },
} satisfies Record<string, RateLimitRule>;

const EVENT_TYPE = /^[a-z][a-z0-9_]{0,63}$/;
/** Event types only the server writes (from the event bus); a client may not forge them. */
const SERVER_EVENT_TYPE = /^(signup|login|workout_complete|subscription_.*|payment_.*)$/;

export interface ClientEventInput {
  clientEventId: string;
  eventType: string;
  source: 'WEB' | 'IOS' | 'ANDROID';
  eventData?: Record<string, unknown> | null;
  deviceInfo?: Record<string, unknown> | null;
  occurredAt?: Date | null;
}

function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let deepest = 0;
  for (const child of Object.values(value)) deepest = Math.max(deepest, depthOf(child));
  return deepest + 1;
}

/** What is wrong with one JSON field of an event, or null. */
function jsonProblem(value: Record<string, unknown> | null | undefined, field: string, maxBytes: number) {
  if (value === null || value === undefined) return null;
  const bytes = Buffer.byteLength(JSON.stringify(value));
  if (bytes > maxBytes) return `${field} is ${bytes} bytes as JSON; the limit is ${maxBytes}.`;
  if (depthOf(value) > INGEST_LIMITS.maxJsonDepth) {
    return `${field} nests deeper than ${INGEST_LIMITS.maxJsonDepth} levels.`;
  }
  return null;
}

/** Checks every event and names each problem by index and field, so a client can fix its batch. */
export function validateClientEvents(events: readonly ClientEventInput[], now: Date): ItemError[] {
  const errors: ItemError[] = [];
  events.forEach((event, index) => {
    if (!EVENT_TYPE.test(event.eventType)) {
      errors.push({
        index,
        field: 'eventType',
        message: 'eventType must be 1-64 lower-case letters, digits and _, starting with a letter.',
      });
    } else if (SERVER_EVENT_TYPE.test(event.eventType)) {
      errors.push({
        index,
        field: 'eventType',
        message: `eventType ${event.eventType} is recorded by the server only.`,
      });
    }
    for (const [field, maxBytes] of [
      ['eventData', INGEST_LIMITS.maxEventDataBytes],
      ['deviceInfo', INGEST_LIMITS.maxDeviceInfoBytes],
    ] as const) {
      const message = jsonProblem(event[field], field, maxBytes);
      if (message) errors.push({ index, field, message });
    }
    if (event.occurredAt) {
      const age = now.getTime() - event.occurredAt.getTime();
      if (age > INGEST_LIMITS.maxPastMs || age < -INGEST_LIMITS.maxFutureMs) {
        errors.push({
          index,
          field: 'occurredAt',
          message: 'occurredAt must be within the last 7 days and not in the future.',
        });
      }
    }
  });
  return errors;
}

/**
 * Stores a batch of client events once each: the valid events are stored and each invalid one is
 * reported by index (and not stored); an event whose clientEventId this user (or anonymous
 * clients) already sent is skipped, so a retry after a lost response stores nothing twice. One
 * statement, so the valid events of a call are stored together or (on a failure) not at all.
 */
export async function trackClientEvents(
  db: Executor,
  clock: Clock,
  input: { userId: string | null; ip: string | null; events: ClientEventInput[] },
): Promise<{ accepted: number; duplicates: number; errors: ItemError[] }> {
  const { events } = input;
  // Too many events is a problem of the whole call, not of one event: an error, nothing stored.
  if (events.length > INGEST_LIMITS.maxEventsPerCall) {
    throw badInput(`At most ${INGEST_LIMITS.maxEventsPerCall} events per call; got ${events.length}.`, {
      field: 'events',
      max: INGEST_LIMITS.maxEventsPerCall,
    });
  }
  const now = clock.now();
  const errors = validateClientEvents(events, now);
  const refused = new Set(errors.map((error) => error.index));
  const valid = events.filter((_, index) => !refused.has(index));
  if (valid.length === 0) return { accepted: 0, duplicates: 0, errors };

  // A batch may repeat an id too (a client that queued an event twice): the first one counts.
  const unique = new Map<string, ClientEventInput>();
  for (const event of valid) {
    const key = event.clientEventId.toLowerCase();
    if (!unique.has(key)) unique.set(key, event);
  }
  const scope = input.userId ?? 'anonymous';
  const ipAddress = anonymizeIp(input.ip);
  const rows = [...unique.entries()].map(([clientEventId, event]) => ({
    id: randomUUID(),
    clientEventId,
    event,
  }));

  // One statement with one JSON parameter: claim the client ids, store the events whose ids were
  // free. Building a 1,000-row VALUES list costs more than the database takes to insert it.
  const batch = JSON.stringify(
    rows.map(({ id, clientEventId, event }) => ({
      id,
      client_event_id: clientEventId,
      event_type: event.eventType,
      event_data: event.eventData ?? {},
      source: toStored(event.source),
      device_info: event.deviceInfo ?? null,
      created_at: (event.occurredAt ?? now).toISOString(),
    })),
  );
  const [result] = await sqlRows<{ stored: number }>(
    db,
    sql`with input as (
          select * from jsonb_to_recordset(${batch}::jsonb) as x(
            id uuid, client_event_id uuid, event_type text, event_data jsonb, source text,
            device_info jsonb, created_at timestamptz)
        ),
        claimed as (
          insert into analytics.ingested_client_events (scope, client_event_id, event_id, received_at)
          select ${scope}::text, client_event_id, id, ${now.toISOString()}::timestamptz from input
          on conflict do nothing
          returning client_event_id
        ),
        stored as (
          insert into analytics.analytics_events
            (id, user_id, event_type, event_data, source, device_info, ip_address, client_event_id, created_at)
          select i.id, ${input.userId}::uuid, i.event_type, i.event_data, i.source, i.device_info,
                 ${ipAddress}::inet, i.client_event_id, i.created_at
          from input i join claimed c on c.client_event_id = i.client_event_id
          returning 1
        )
        select count(*)::int as stored from stored`,
  );
  const accepted = Number(result?.stored ?? 0);
  return { accepted, duplicates: valid.length - accepted, errors };
}

/** The analytics event type a bus event is stored as, or null for events analytics does not record. */
export function serverEventType(busType: string): string | null {
  switch (busType) {
    case 'user.signed_up':
      return 'signup';
    case 'user.signed_in':
      return 'login';
    case 'workout.completed':
      return 'workout_complete';
  }
  const match = /^(subscription|payment)\.([a-z][a-z0-9_]{0,40})$/.exec(busType);
  return match ? `${match[1]}_${match[2]}` : null;
}

/**
 * Stores a server-side event from the bus. The bus event's id is the row's id and its occurredAt
 * the row's created_at, so a redelivery hits the primary key and stores nothing (the consumer's
 * processed-event mark already skips it; this is the second lock on the door).
 */
export async function recordServerEvent(tx: Executor, event: DomainEvent, clock: Clock): Promise<boolean> {
  const eventType = serverEventType(event.type);
  if (!eventType) return false;
  const { userId, ip, ...data } = event.payload as Record<string, unknown>;
  const occurredAt = new Date(event.occurredAt);
  let user = typeof userId === 'string' && isUuid(userId) ? userId.toLowerCase() : null;
  if (user) {
    const deleted = await tx.select().from(deletedUsers).where(eq(deletedUsers.userId, user));
    if (deleted.length > 0) user = null;
  }
  const inserted = await tx
    .insert(analyticsEvents)
    .values({
      id: event.id,
      userId: user,
      eventType,
      eventData: data,
      source: 'server',
      ipAddress: anonymizeIp(typeof ip === 'string' ? ip : null),
      createdAt: Number.isNaN(occurredAt.getTime()) ? clock.now() : occurredAt,
    })
    .onConflictDoNothing()
    .returning({ id: analyticsEvents.id });
  return inserted.length > 0;
}

/**
 * GDPR: the user's events lose their user_id. They get one random anonymous_id instead, never
 * stored anywhere else, so distinct-user counts over past periods stay what they were. The
 * transaction-local setting is the one path the append-only trigger lets through.
 */
export async function anonymizeUserEvents(tx: Executor, userId: string): Promise<void> {
  await tx.execute(sql`select set_config('analytics.gdpr_anonymization', 'on', true)`);
  await tx
    .update(analyticsEvents)
    .set({ userId: null, anonymousId: randomUUID() })
    .where(eq(analyticsEvents.userId, userId));
  await tx.execute(sql`select set_config('analytics.gdpr_anonymization', 'off', true)`);
}

/** Forgets dedupe keys older than a retry could be (keys only stop double-counting of retries). */
export async function pruneClientEventKeys(db: Executor, olderThan: Date): Promise<void> {
  await db
    .delete(ingestedClientEvents)
    .where(sql`${ingestedClientEvents.receivedAt} < ${olderThan.toISOString()}::timestamptz`);
}
