import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../kit/db.js';
import type { DomainEvent } from '../../kit/events/bus.js';
import type { EventHandlers } from '../../kit/events/consumer.js';
import { anonymizeUserEvents, recordServerEvent, serverEventType } from './ingest.js';
import { deletedUsers, ingestedClientEvents, userProfiles } from './tables.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const COUNTRY = /^[A-Z]{2}$/;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

async function isDeleted(tx: Executor, userId: string): Promise<boolean> {
  const found = await tx
    .select({ userId: deletedUsers.userId })
    .from(deletedUsers)
    .where(eq(deletedUsers.userId, userId));
  return found.length > 0;
}

/** user.signed_up {userId, signedUpAt}: the user enters the property projection. */
async function onSignedUp(tx: Executor, event: DomainEvent) {
  const userId = str(event.payload.userId);
  if (!userId || (await isDeleted(tx, userId))) return;
  const signedUpAt = new Date(str(event.payload.signedUpAt) ?? event.occurredAt);
  await tx
    .insert(userProfiles)
    .values({ userId, signedUpAt, updatedAt: new Date(event.occurredAt) })
    .onConflictDoUpdate({ target: userProfiles.userId, set: { signedUpAt } });
}

/**
 * user.profile_updated {userId, updatedAt, dateOfBirth?, gender?, countryCode?}: a property
 * present in the payload replaces the projected one (null clears it); an absent one is kept.
 * An update older than the projection's is ignored, so out-of-order delivery cannot roll back.
 */
async function onProfileUpdated(tx: Executor, event: DomainEvent) {
  const p = event.payload;
  const userId = str(p.userId);
  if (!userId || (await isDeleted(tx, userId))) return;
  const updatedAt = new Date(str(p.updatedAt) ?? event.occurredAt);
  const changes: Partial<typeof userProfiles.$inferInsert> = { updatedAt };
  if ('dateOfBirth' in p)
    changes.dateOfBirth = str(p.dateOfBirth) && DATE.test(str(p.dateOfBirth)!) ? str(p.dateOfBirth) : null;
  if ('gender' in p) changes.gender = str(p.gender)?.slice(0, 32) ?? null;
  if ('countryCode' in p) {
    const code = str(p.countryCode)?.toUpperCase() ?? null;
    changes.countryCode = code && COUNTRY.test(code) ? code : null;
  }
  await tx
    .insert(userProfiles)
    // Before the signup reached us (it normally comes first): the update's time stands in until it does.
    .values({ userId, signedUpAt: updatedAt, ...changes })
    .onConflictDoUpdate({
      target: userProfiles.userId,
      set: changes,
      setWhere: sql`${userProfiles.updatedAt} <= ${updatedAt.toISOString()}::timestamptz`,
    });
}

/** user.deleted {userId, deletedAt}: events anonymized, memberships and projection dropped. */
async function onUserDeleted(tx: Executor, event: DomainEvent) {
  const userId = str(event.payload.userId);
  if (!userId) return;
  await tx
    .insert(deletedUsers)
    .values({ userId, deletedAt: new Date(str(event.payload.deletedAt) ?? event.occurredAt) })
    .onConflictDoNothing();
  await anonymizeUserEvents(tx, userId);
  // The user leaves every cohort now, and the counts follow without waiting for a refresh.
  await tx.execute(sql`
    with gone as (
      delete from analytics.cohort_memberships where user_id = ${userId}::uuid returning cohort_id
    )
    update analytics.cohorts c set user_count = greatest(c.user_count - 1, 0)
    where c.id in (select cohort_id from gone)`);
  await tx.delete(userProfiles).where(eq(userProfiles.userId, userId));
  await tx.delete(ingestedClientEvents).where(eq(ingestedClientEvents.scope, userId));
}

async function onServerEvent(tx: Executor, event: DomainEvent) {
  await recordServerEvent(tx, event);
  if (event.type === 'user.signed_up') await onSignedUp(tx, event);
}

/**
 * What analytics does with each bus event. subscription.* and payment.* are open families, so
 * the handler map answers any type analytics records (a Proxy, since eventConsumer looks handlers
 * up by exact type).
 */
export function analyticsHandlers(): EventHandlers {
  const fixed: EventHandlers = {
    'user.deleted': onUserDeleted,
    'user.profile_updated': onProfileUpdated,
  };
  return new Proxy(fixed, {
    get(target, type) {
      if (typeof type !== 'string') return undefined;
      if (type in target) return target[type];
      return serverEventType(type) ? onServerEvent : undefined;
    },
  });
}
