import type { Clock } from '../../kit/clock.js';
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../kit/db.js';
import { type CatalogueEvent, type EventName, eventNames } from '../../kit/events/catalogue.js';
import { type EventHandlers, handleEach } from '../../kit/events/consumer.js';
import { eraseUser } from './gdpr.js';
import { recordServerEvent, serverEventType } from './ingest.js';
import type { AnalyticsDeps } from './deps.js';
import { deletedUsers, userProfiles } from './tables.js';

async function isDeleted(tx: Executor, userId: string): Promise<boolean> {
  const found = await tx
    .select({ userId: deletedUsers.userId })
    .from(deletedUsers)
    .where(eq(deletedUsers.userId, userId));
  return found.length > 0;
}

/** user.signed_up: the user enters the property projection. */
async function onSignedUp(tx: Executor, event: CatalogueEvent<'user.signed_up'>) {
  const { userId } = event.payload;
  if (await isDeleted(tx, userId)) return;
  const signedUpAt = new Date(event.payload.signedUpAt);
  await tx
    .insert(userProfiles)
    .values({ userId, signedUpAt, updatedAt: new Date(event.occurredAt) })
    .onConflictDoUpdate({ target: userProfiles.userId, set: { signedUpAt } });
}

/**
 * user.profile_updated: a property present in the payload replaces the projected one (null
 * clears it); an absent one is kept. An update older than the projection's is ignored, so
 * out-of-order delivery cannot roll back.
 */
async function onProfileUpdated(tx: Executor, event: CatalogueEvent<'user.profile_updated'>) {
  const p = event.payload;
  if (await isDeleted(tx, p.userId)) return;
  const updatedAt = new Date(p.updatedAt ?? event.occurredAt);
  const changes: Partial<typeof userProfiles.$inferInsert> = { updatedAt };
  if (p.dateOfBirth !== undefined) changes.dateOfBirth = p.dateOfBirth;
  if (p.gender !== undefined) changes.gender = p.gender;
  if (p.countryCode !== undefined) changes.countryCode = p.countryCode;
  await tx
    .insert(userProfiles)
    // Before the signup reached us (it normally comes first): the update's time stands in until it does.
    .values({ userId: p.userId, signedUpAt: updatedAt, ...changes })
    .onConflictDoUpdate({
      target: userProfiles.userId,
      set: changes,
      setWhere: sql`${userProfiles.updatedAt} <= ${updatedAt.toISOString()}::timestamptz`,
    });
}

/** The bus events analytics stores as server-side events (`serverEventType`). */
type RecordedEvent =
  | 'user.signed_up'
  | 'user.signed_in'
  | 'workout.completed'
  | Extract<EventName, `subscription.${string}` | `payment.${string}`>;

/** Every recorded event of the catalogue, so a new subscription.* or payment.* event is stored too. */
const RECORDED_EVENTS = eventNames.filter((name): name is RecordedEvent => serverEventType(name) !== null);

const onServerEvent = (clock: Clock) => async (tx: Executor, event: CatalogueEvent<RecordedEvent>) => {
  await recordServerEvent(tx, event, clock);
  if (event.type === 'user.signed_up') await onSignedUp(tx, event);
};

/** What analytics does with each bus event. */
export function analyticsHandlers(deps: AnalyticsDeps): EventHandlers {
  return {
    ...handleEach(RECORDED_EVENTS, onServerEvent(deps.clock)),
    'user.deleted': (tx, event) => eraseUser(tx, event.payload, deps),
    'user.profile_updated': onProfileUpdated,
  };
}
